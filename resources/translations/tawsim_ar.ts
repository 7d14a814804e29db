<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../ui/bindings.py" line="+597"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import documents…</source>
        <translation>استيراد وثائق…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;annotations…</source>
        <translation>استيراد توسيمات…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switch &amp;annotator…</source>
        <translation>تبديل المُوسِّم…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close project</source>
        <translation>إغلاق المشروع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find in document…</source>
        <translation>بحث في الوثيقة…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;previous</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all documents…</source>
        <translation>بحث في كل الوثائق…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panels</source>
        <translation>اللوحات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>السِّمة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoom &amp;in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Default size</source>
        <translation>الحجم الافتراضي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text &amp;font…</source>
        <translation>خط النص…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>إعادة التحميل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;layout</source>
        <translation>استعادة ترتيب اللوحات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Annotate</source>
        <translation>توسيم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label selection as</source>
        <translation>وسم التحديد بـ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete annotation</source>
        <translation>حذف التوسيم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotate &amp;all occurrences…</source>
        <translation>توسيم كل المواضع…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Exact selection (no snapping)</source>
        <translation>تحديد دقيق (دون محاذاة إلى الكلمات)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grow at the start</source>
        <translation>توسيع من البداية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrink at the start</source>
        <translation>تقليص من البداية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grow at the end</source>
        <translation>توسيع من النهاية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrink at the end</source>
        <translation>تقليص من النهاية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;xt annotation</source>
        <translation>التوسيم التالي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;vious annotation</source>
        <translation>التوسيم السابق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finish document, go to next unfinished</source>
        <translation>إنهاء الوثيقة والانتقال إلى التالية غير المنتهية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reopen document</source>
        <translation>إعادة فتح الوثيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter documents</source>
        <translation>تصفية الوثائق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;My annotations</source>
        <translation>توسيماتي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View annotations of</source>
        <translation>عرض توسيمات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotators and &amp;roles…</source>
        <translation>المُوسِّمون والأدوار…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curator &amp;passphrase…</source>
        <translation>عبارة مرور المُنقِّح…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check project…</source>
        <translation>فحص المشروع…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Tawsim</source>
        <translation>عن توسيم</translation>
    </message>
    <message>
        <location filename="../../core/annotation/annotators.py" line="+43"/>
        <source>annotator {id} does not exist</source>
        <translation>المُوسِّم {id} غير موجود</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an annotator needs a name</source>
        <translation>يحتاج المُوسِّم إلى اسم</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>curate the gold standard</source>
        <translation>تنقيح المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>only a curator can {doing}; choose who you are first</source>
        <translation>لا يستطيع {doing} إلا المُنقِّح؛ اختر هويتك أولًا</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only a curator can {doing}; {name} is an annotator (a curator can change roles in Review &gt; Annotators and roles)</source>
        <translation>لا يستطيع {doing} إلا المُنقِّح؛ و{name} مُوسِّم (يستطيع المُنقِّح تغيير الأدوار من «مراجعة &gt; المُوسِّمون والأدوار»)</translation>
    </message>
    <message>
        <location filename="../../core/annotation/bulk.py" line="+117"/>
        <source>select some text on one line to look for</source>
        <translation>حدِّد نصًّا في سطر واحد للبحث عنه</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>no occurrences chosen</source>
        <translation>لم يُختر أي موضع</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotate all {label} ({count})</source>
        <translation>توسيم كل مواضع {label} ({count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>document {id} no longer exists</source>
        <translation>الوثيقة {id} لم تعد موجودة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{start}-{end} is outside document {id}</source>
        <translation>{start}-{end} خارج الوثيقة {id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>every chosen occurrence is already annotated as {label}</source>
        <translation>كل المواضع المختارة موسومة من قبل بالفئة {label}</translation>
    </message>
    <message>
        <location filename="../../core/annotation/events.py" line="+118"/>
        <source>event {id} does not exist (it may have been deleted)</source>
        <translation>الحدث {id} غير موجود (ربما حُذف)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>argument {id} does not exist (it may have been deleted)</source>
        <translation>الوسيط {id} غير موجود (ربما حُذف)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>event type {id} does not exist</source>
        <translation>نوع الحدث {id} غير موجود</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} is not an event type</source>
        <translation>{label} ليس نوع حدث</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../core/schema/checks.py" line="+72"/>
        <source>role {id} does not exist (it may have been deleted)</source>
        <translation>الدور {id} غير موجود (ربما حُذف)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{role} is a role of {owner}, not of {type}</source>
        <translation>{role} دور في {owner} لا في {type}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>trigger</source>
        <translation>المُحفِّز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a trigger</source>
        <translation>مُحفِّز حدث</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an argument must be an entity span of the same annotation set</source>
        <translation>يجب أن يكون الوسيط مقطع كيان من مجموعة التوسيم نفسها</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{role} accepts {allowed}; this span is {label}</source>
        <translation>يقبل الدور {role} الفئات {allowed}، وهذا المقطع {label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this span already fills {role} of this event</source>
        <translation>هذا المقطع يشغل الدور {role} في هذا الحدث من قبل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{role} takes one argument and already has one; reassign it instead</source>
        <translation>الدور {role} يقبل وسيطًا واحدًا وله وسيط من قبل؛ أعد إسناده بدلًا من ذلك</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an argument</source>
        <translation>وسيط</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+16"/>
        <source>Add {type}</source>
        <translation>إضافة حدث {type}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>this trigger already has a {type} event</source>
        <translation>لهذا المُحفِّز حدث {type} من قبل</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change {old} to {new}</source>
        <translation>تغيير {old} إلى {new}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Move trigger of {type}</source>
        <translation>نقل مُحفِّز {type}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit event note</source>
        <translation>تعديل ملاحظة الحدث</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete {type}</source>
        <translation>حذف حدث {type}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add {role}</source>
        <translation>إضافة {role}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove {role}</source>
        <translation>إزالة {role}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reassign {role}</source>
        <translation>إعادة إسناد {role}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>this {role} argument lost its span; choose an entity span for it</source>
        <translation>فقد وسيط الدور {role} مقطعه؛ اختر له مقطع كيان</translation>
    </message>
    <message>
        <location filename="../../core/annotation/excluded.py" line="+163"/>
        <location filename="../../core/annotation/sets.py" line="+40"/>
        <location line="+10"/>
        <location filename="../../core/annotation/spans.py" line="+102"/>
        <location filename="../../core/annotation/validation.py" line="+169"/>
        <source>annotation set {id} does not exist</source>
        <translation>مجموعة التوسيم {id} غير موجودة</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{what} cannot be placed in excluded text (characters {start}-{end}); include that text again first</source>
        <translation>لا يمكن وضع {what} في نص مستبعد (الأحرف {start}-{end})؛ أعد إدراج ذلك النص أولًا</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>excluded region {id} does not exist (it may have been removed)</source>
        <translation>المنطقة المستبعدة {id} غير موجودة (ربما أُزيلت)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>range</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>this text is already excluded for everyone</source>
        <translation>هذا النص مستبعد للجميع من قبل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this text is already excluded</source>
        <translation>هذا النص مستبعد من قبل</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+16"/>
        <source>Exclude text</source>
        <translation>استبعاد نص</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Exclude text for everyone</source>
        <translation>استبعاد نص للجميع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exclude text for everyone</source>
        <translation>استبعاد نص للجميع</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>include text excluded for everyone</source>
        <translation>إعادة إدراج نص مستبعد للجميع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include text for everyone</source>
        <translation>إعادة إدراج نص للجميع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Include text</source>
        <translation>إعادة إدراج نص</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>annotation set {set} is not of document {document}</source>
        <translation>مجموعة التوسيم {set} ليست من الوثيقة {document}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no excluded text there</source>
        <translation>لا نص مستبعدًا هناك</translation>
    </message>
    <message>
        <location filename="../../core/annotation/sets.py" line="+13"/>
        <location filename="../../core/documents/navigation.py" line="+148"/>
        <source>Mark as new</source>
        <translation>تعليم كجديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as in progress</source>
        <translation>تعليم كقيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as finished</source>
        <translation>تعليم كمنتهية</translation>
    </message>
    <message>
        <location filename="../../core/annotation/spans.py" line="-57"/>
        <source>span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../core/recommend/suggestions.py" line="+249"/>
        <source>label {id} does not exist</source>
        <translation>الفئة {id} غير موجودة</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+37"/>
        <location filename="../../core/documents/navigation.py" line="+6"/>
        <source>document {id} does not exist</source>
        <translation>الوثيقة {id} غير موجودة</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>{what} {start}-{end} is outside the document (length {length})</source>
        <translation>{what} {start}-{end} خارج الوثيقة (طولها {length})</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{what} {start}-{end} begins or ends with whitespace</source>
        <translation>{what} {start}-{end} يبدأ بمسافة أو ينتهي بها</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+15"/>
        <source>Add {label}</source>
        <translation>إضافة {label}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a span labelled {label}</source>
        <translation>مقطع موسوم بالفئة {label}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>span {id} does not exist (it may have been deleted)</source>
        <translation>المقطع {id} غير موجود (ربما حُذف)</translation>
    </message>
    <message>
        <location line="+50"/>
        <location filename="../../core/schema/labels.py" line="+261"/>
        <source>Delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Relabel as {label}</source>
        <translation>إعادة الوسم بالفئة {label}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resize {label}</source>
        <translation>تغيير حدود {label}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>this text is already annotated as {label}</source>
        <translation>هذا النص موسوم من قبل بالفئة {label}</translation>
    </message>
    <message>
        <location filename="../../core/annotation/stances.py" line="+72"/>
        <location filename="../../core/annotation/validation.py" line="+270"/>
        <location filename="../../core/io/import_annotations/match.py" line="+56"/>
        <source>holder</source>
        <translation>صاحب الموقف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence</source>
        <translation>الشاهد</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>stance {id} does not exist (it may have been deleted)</source>
        <translation>الموقف {id} غير موجود (ربما حُذف)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{what} {id} does not exist</source>
        <translation>{what} {id} غير موجود</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} is not a {what}</source>
        <translation>{label} ليس {what}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the {what} must be an entity span of the same annotation set</source>
        <translation>يجب أن يكون {what} مقطع كيان من مجموعة التوسيم نفسها</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a stance has one target: a stance target or an entity span</source>
        <translation>للموقف هدف واحد: هدف موقف أو مقطع كيان</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this project&apos;s schema does not allow entity spans as targets</source>
        <translation>مخطط هذا المشروع لا يسمح بأن تكون مقاطع الكيانات أهدافًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/annotation/validation.py" line="+1"/>
        <location filename="../../core/io/import_annotations/match.py" line="+1"/>
        <source>target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+15"/>
        <location line="+103"/>
        <source>Set stance {polarity}</source>
        <translation>تعيين الموقف: {polarity}</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Clear stance on {target}</source>
        <translation>مسح الموقف من {target}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Add stance</source>
        <translation>إضافة موقف</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add stance {polarity}</source>
        <translation>إضافة موقف: {polarity}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Edit stance</source>
        <translation>تعديل الموقف</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a document stance is the author&apos;s, towards its own target; add an attributed stance instead</source>
        <translation>موقف الوثيقة هو موقف الكاتب من هدفه؛ أضف موقفًا منسوبًا بدلًا من ذلك</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete stance</source>
        <translation>حذف الموقف</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add evidence</source>
        <translation>إضافة شاهد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this text is already evidence for the stance</source>
        <translation>هذا النص شاهد على الموقف من قبل</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove evidence</source>
        <translation>إزالة الشاهد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>evidence {id} does not exist (it may have been removed)</source>
        <translation>الشاهد {id} غير موجود (ربما أُزيل)</translation>
    </message>
    <message>
        <location filename="../../core/annotation/validation.py" line="-253"/>
        <source>{where}: the trigger ends past the document</source>
        <translation>{where}: ينتهي المُحفِّز بعد نهاية الوثيقة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{where}: the trigger is in excluded text</source>
        <translation>{where}: المُحفِّز في نص مستبعد</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{where}, {role}</source>
        <translation>{where}، {role}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name}: {role} is a role of {owner}, not of {type}; reassign or remove it</source>
        <translation>{name}: {role} دور في {owner} لا في {type}؛ أعد إسناده أو أزله</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name}: its entity span ({label} at {start}-{end}) was deleted; choose another or remove it</source>
        <translation>{name}: حُذف مقطع الكيان الخاص به ({label} في {start}-{end})؛ اختر غيره أو أزله</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name}: its entity span was deleted; choose another or remove it</source>
        <translation>{name}: حُذف مقطع الكيان الخاص به؛ اختر غيره أو أزله</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>{name}: its entity span belongs to another annotation set</source>
        <translation>{name}: مقطع الكيان الخاص به من مجموعة توسيم أخرى</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{name}: the span is {label}, but {role} accepts {allowed}</source>
        <translation>{name}: المقطع {label}، لكن الدور {role} يقبل {allowed}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name}: the span is in excluded text</source>
        <translation>{name}: المقطع في نص مستبعد</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{where}: the required role {role} is not filled</source>
        <translation>{where}: الدور الإلزامي {role} غير مشغول</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{where}: {role} takes one argument but has {count}</source>
        <translation>{where}: الدور {role} يقبل وسيطًا واحدًا لكن له {count}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>new stance</source>
        <translation>موقف جديد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: choose its polarity</source>
        <translation>{where}: اختر قطبيته</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/review/curation/operations.py" line="+97"/>
        <location line="+2"/>
        <source>stance {polarity}</source>
        <translation>موقف {polarity}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where}: its holder span was deleted; choose a holder</source>
        <translation>{where}: حُذف مقطع صاحب الموقف؛ اختر صاحبًا له</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>document stance on {target}</source>
        <translation>موقف الوثيقة من {target}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where}: choose its target</source>
        <translation>{where}: اختر هدفه</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{where}: targets an entity span, which the schema no longer allows</source>
        <translation>{where}: هدفه مقطع كيان، وهذا ما لم يعد المخطط يسمح به</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{where}: its {what} span belongs to another annotation set</source>
        <translation>{where}: مقطع {what} من مجموعة توسيم أخرى</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{where}: its {what} span is in excluded text</source>
        <translation>{where}: مقطع {what} في نص مستبعد</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{where}: no evidence span marked yet</source>
        <translation>{where}: لم يُعلَّم أي شاهد بعد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{where}: evidence {start}-{end} ends past the document</source>
        <translation>{where}: الشاهد {start}-{end} ينتهي بعد نهاية الوثيقة</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{where}: evidence is in excluded text</source>
        <translation>{where}: الشاهد في نص مستبعد</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{where} is in excluded text</source>
        <translation>{where} في نص مستبعد</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>{label} at {start}-{end}</source>
        <translation>{label} في {start}-{end}</translation>
    </message>
    <message>
        <location filename="../../core/documents/importing.py" line="+211"/>
        <source>line {line}: field &apos;text&apos; is missing or not a string</source>
        <translation>السطر {line}: الحقل &apos;text&apos; مفقود أو ليس نصًّا</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line {line}: field &apos;text&apos; is empty</source>
        <translation>السطر {line}: الحقل &apos;text&apos; فارغ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}: field &apos;text&apos; contains NUL characters</source>
        <translation>السطر {line}: الحقل &apos;text&apos; يحتوي محارف NUL</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line {line}: field &apos;meta&apos; must be an object</source>
        <translation>السطر {line}: يجب أن يكون الحقل &apos;meta&apos; كائنًا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}: field &apos;title&apos; must be a string</source>
        <translation>السطر {line}: يجب أن يكون الحقل &apos;title&apos; نصًّا</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line {line}: field &apos;id&apos; must be a string or a number</source>
        <translation>السطر {line}: يجب أن يكون الحقل &apos;id&apos; نصًّا أو رقمًا</translation>
    </message>
    <message>
        <location line="-27"/>
        <location filename="../../core/io/formats/doccano.py" line="+134"/>
        <location filename="../../core/io/formats/jsonl.py" line="+220"/>
        <location filename="../../core/io/formats/xlsx/reader.py" line="+173"/>
        <source>holds no documents</source>
        <translation>لا يحتوي أي وثيقة</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>line {line}: {detail}</source>
        <translation>السطر {line}: {detail}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>is {size:.0f} MB; files over {limit} MB are refused</source>
        <translation>حجمه {size:.0f} م.ب؛ تُرفض الملفات التي تتجاوز {limit} م.ب</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../core/io/formats/brat.py" line="+181"/>
        <source>no such file</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be read (permission denied)</source>
        <translation>تتعذر قراءته (الإذن مرفوض)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be read ({reason})</source>
        <translation>تتعذر قراءته ({reason})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is not a document file ({suffix}); documents are imported from {suffixes} files (annotation files such as WebAnno TSV, CoNLL or brat go through import-annotations)</source>
        <translation>ليس ملف وثائق ({suffix})؛ تُستورد الوثائق من ملفات {suffixes} (أما ملفات التوسيم مثل WebAnno TSV وCoNLL وbrat فتُستورد من «استيراد توسيمات»)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <location filename="../../core/documents/navigation.py" line="-37"/>
        <source>document {id} does not exist (it may have been removed)</source>
        <translation>الوثيقة {id} غير موجودة (ربما أُزيلت)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reopen document</source>
        <translation>إعادة فتح الوثيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish document</source>
        <translation>إنهاء الوثيقة</translation>
    </message>
    <message>
        <location filename="../../core/io/dataset.py" line="+478"/>
        <source>entities in excluded text</source>
        <translation>كيانات في نص مستبعد</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>events with a trigger in excluded text</source>
        <translation>أحداث مُحفِّزها في نص مستبعد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>event arguments whose entity was deleted</source>
        <translation>وسائط أحداث حُذف كيانها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>event arguments whose entity is in excluded text</source>
        <translation>وسائط أحداث كيانها في نص مستبعد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>event arguments pointing into another annotation set</source>
        <translation>وسائط أحداث تشير إلى مجموعة توسيم أخرى</translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../../core/review/curation/gathering.py" line="+153"/>
        <source>stances with no polarity chosen</source>
        <translation>مواقف لم تُختر قطبيتها</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../core/review/curation/gathering.py" line="-8"/>
        <source>stance evidence in excluded text</source>
        <translation>شواهد مواقف في نص مستبعد</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>stances without a target (its entity was deleted)</source>
        <translation>مواقف بلا هدف (حُذف كيانه)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attributed stances without a holder (its entity was deleted)</source>
        <translation>مواقف منسوبة بلا صاحب (حُذف كيانه)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stances whose holder or target is in excluded text</source>
        <translation>مواقف صاحبها أو هدفها في نص مستبعد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stances pointing into another annotation set</source>
        <translation>مواقف تشير إلى مجموعة توسيم أخرى</translation>
    </message>
    <message>
        <location filename="../../core/io/export.py" line="+203"/>
        <source>{path}: an {format} needs the {suffix} extension (programs open it by its name); nothing was written</source>
        <translation>{path}: يحتاج {format} إلى الامتداد {suffix} (تفتحه البرامج باسمه)؛ لم يُكتب شيء</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a finished gold set</source>
        <translation>مجموعة معيار ذهبي منتهية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a gold set</source>
        <translation>مجموعة معيار ذهبي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any finished annotation set</source>
        <translation>أي مجموعة توسيم منتهية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>any annotation set</source>
        <translation>أي مجموعة توسيم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a finished set by {name}</source>
        <translation>مجموعة منتهية للمُوسِّم {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a set by {name}</source>
        <translation>مجموعة للمُوسِّم {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to export: none of the selected documents has {what}</source>
        <translation>لا شيء للتصدير: لا توجد في أي من الوثائق المحددة {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to export: no document has {what}</source>
        <translation>لا شيء للتصدير: لا توجد في أي وثيقة {what}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{message} (curate a gold standard first, or export an annotator&apos;s sets)</source>
        <translation>{message} (نقِّح معيارًا ذهبيًّا أولًا، أو صدِّر مجموعات أحد المُوسِّمين)</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/__init__.py" line="+80"/>
        <source>split: a proclitic outside an entity becomes its own O token, so spans stay exact; keep: tokens stay whole and the clitic is tagged with the entity, as Wojood and ANERcorp do</source>
        <translation>فصل: تصير السابقة الواقعة خارج الكيان وحدةً مستقلة بالوسم O فتبقى المقاطع دقيقة؛ إبقاء: تبقى الوحدات كاملة وتُوسَم اللاصقة مع الكيان، كما في «وجود» وANERcorp</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>keep: text in excluded regions stays, untagged; drop: sentences touching an excluded region are left out</source>
        <translation>إبقاء: يبقى النص المستبعد دون وسم؛ حذف: تُترك الجمل التي تمس منطقة مستبعدة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>yes: the Summary sheet gives inter-annotator agreement over the finished annotator sets of the exported documents; no: leave it out (faster on very large projects)</source>
        <translation>نعم: تعرض ورقة الملخص الاتفاق بين المُوسِّمين على مجموعاتهم المنتهية في الوثائق المُصدَّرة؛ لا: دونه (أسرع في المشاريع الكبيرة جدًّا)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>none: one train split; TRAIN/VALIDATION/TEST percentages (e.g. 80/10/10): documents are shuffled with the seed and each goes whole into one split</source>
        <translation>none: قسم تدريب واحد؛ نسب TRAIN/VALIDATION/TEST المئوية (مثل 80/10/10): تُخلط الوثائق بالبذرة وتذهب كل وثيقة كاملة إلى قسم واحد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the random seed of the split: the same seed and documents give the same split</source>
        <translation>البذرة العشوائية للتقسيم: البذرة نفسها والوثائق نفسها تعطيان التقسيم نفسه</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes: a spans column lists every entity of the sentence (token start, end, label), so nested entities survive; no: ner_tags only (the outermost entities)</source>
        <translation>نعم: عمود spans يسرد كل كيانات الجملة (بداية الوحدة ونهايتها والفئة)، فتبقى الكيانات المتداخلة؛ لا: ner_tags وحدها (الكيانات الخارجية)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>utf16: offsets in UTF-16 units, as the tool counts them in the browser; codepoints: Unicode code points</source>
        <translation>utf16: المواضع بوحدات UTF-16 كما تعدّها الأداة في المتصفح؛ codepoints: بنقاط الترميز في يونيكود</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gold JSONL</source>
        <translation>JSONL المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tawsim&apos;s dataset: one document per line with entities, events, stances, excluded ranges and provenance</source>
        <translation>مجموعة بيانات توسيم: وثيقة في كل سطر مع كياناتها وأحداثها ومواقفها ونطاقاتها المستبعدة ومصدرها</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Excel workbook</source>
        <translation>مصنف Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A workbook for reviewers: Summary, Documents, Entities, Events, Arguments, Stances</source>
        <translation>مصنف للمراجعين: الملخص، الوثائق، الكيانات، الأحداث، الوسائط، المواقف</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CoNLL (IOB2)</source>
        <translation>CoNLL (IOB2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One token per line with IOB2 tags, nested entities in extra columns</source>
        <translation>وحدة في كل سطر بوسوم IOB2، والكيانات المتداخلة في أعمدة إضافية</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CoNLL-U</source>
        <translation>CoNLL-U</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Universal Dependencies&apos; ten columns, entity tags in MISC (NER=B-ORG, nested layers NER2=...), the spacing kept so the text comes back exactly</source>
        <translation>أعمدة Universal Dependencies العشرة، ووسوم الكيانات في MISC (NER=B-ORG، والطبقات المتداخلة NER2=...)، مع حفظ المسافات ليعود النص كما هو</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>WebAnno TSV 3.3 (INCEpTION)</source>
        <translation>WebAnno TSV 3.3 (INCEpTION)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A folder of WebAnno TSV 3.3 files, one per document, as INCEpTION imports them: named entities, events with their role slots, sub-token spans</source>
        <translation>مجلد ملفات WebAnno TSV 3.3، ملف لكل وثيقة، كما يستوردها INCEpTION: الكيانات المسماة، والأحداث بخانات أدوارها، والمقاطع داخل الوحدات</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>UIMA CAS XMI (INCEpTION)</source>
        <translation>UIMA CAS XMI (INCEpTION)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A folder of UIMA CAS XMI files and their TypeSystem.xml (DKPro Core types): tokens, sentences, named entities, events with their role links</source>
        <translation>مجلد ملفات UIMA CAS XMI مع TypeSystem.xml (أنواع DKPro Core): الوحدات، والجمل، والكيانات المسماة، والأحداث بروابط أدوارها</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>spaCy DocBin (needs spaCy)</source>
        <translation>spaCy DocBin (يحتاج spaCy)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>spaCy&apos;s training data for spacy train: outer entities as doc.ents, every entity (nested too) in doc.spans[&apos;sc&apos;]; needs spaCy installed</source>
        <translation>بيانات تدريب spaCy للأمر spacy train: الكيانات الخارجية في doc.ents، وكل كيان (والمتداخل أيضًا) في doc.spans[&apos;sc&apos;]؛ يحتاج تثبيت spaCy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>brat standoff</source>
        <translation>brat standoff</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder of .txt and .ann files (T and E lines) with annotation.conf</source>
        <translation>مجلد ملفات .txt و.ann (أسطر T وE) مع annotation.conf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>doccano JSONL</source>
        <translation>JSONL لـdoccano</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>doccano sequence-labelling JSONL; events as entities with relations</source>
        <translation>JSONL لوسم التسلسلات في doccano؛ الأحداث كيانات ذات علاقات</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entities: &quot;entities&quot; and &quot;relations&quot; (events kept); label: &quot;label&quot;: [[start, end, label]] (entities only)</source>
        <translation>entities: الحقلان &quot;entities&quot; و&quot;relations&quot; (مع الأحداث)؛ label: الحقل &quot;label&quot;: [[start, end, label]] (الكيانات فقط)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Label Studio JSON</source>
        <translation>JSON لـLabel Studio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label Studio tasks with labels and relations (and a labelling config beside it)</source>
        <translation>مهام Label Studio بوسومها وعلاقاتها (مع ملف إعداد الوسم بجانبها)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hugging Face dataset</source>
        <translation>مجموعة بيانات Hugging Face</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A dataset folder for datasets.load_dataset: train (validation, test) JSONL with tokens, ner_tags (ClassLabel) and entity spans, the features in README.md</source>
        <translation>مجلد مجموعة بيانات لـdatasets.load_dataset: ملفات JSONL للتدريب (والتحقق والاختبار) بالوحدات وner_tags (ClassLabel) ومقاطع الكيانات، والخصائص في README.md</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/doccano.py" line="-58"/>
        <source>events (the doccano &apos;label&apos; variant holds entities only)</source>
        <translation>الأحداث (صيغة &apos;label&apos; في doccano للكيانات فقط)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>stances (doccano has no place for them)</source>
        <translation>المواقف (لا مكان لها في doccano)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>excluded ranges (doccano has no place for them)</source>
        <translation>النطاقات المستبعدة (لا مكان لها في doccano)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{what} must be a whole number, not {value!r}</source>
        <translation>يجب أن يكون {what} عددًا صحيحًا، لا {value!r}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>field &apos;text&apos; is missing or not text</source>
        <translation>الحقل &apos;text&apos; غير موجود أو ليس نصًّا</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&apos;label&apos; must be a list of [start, end, label]</source>
        <translation>يجب أن يكون &apos;label&apos; قائمة من [start, end, label]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>label[{index}] must be [start, end, &quot;LABEL&quot;], not {item!r}</source>
        <translation>يجب أن يكون label[{index}] على الصورة [start, end, &quot;LABEL&quot;]، لا {item!r}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;entities&apos; must be a list</source>
        <translation>يجب أن يكون &apos;entities&apos; قائمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entities[{index}] needs a label</source>
        <translation>يحتاج entities[{index}] إلى فئة</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;relations&apos; must be a list</source>
        <translation>يجب أن يكون &apos;relations&apos; قائمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>relations[{index}] needs a type</source>
        <translation>يحتاج relations[{index}] إلى نوع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>relations[{index}] needs from_id and to_id</source>
        <translation>يحتاج relations[{index}] إلى from_id وto_id</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;annotations&apos; must be a list</source>
        <translation>يجب أن يكون &apos;annotations&apos; قائمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>annotations[{index}] must be an object</source>
        <translation>يجب أن يكون annotations[{index}] كائنًا</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>annotations[{index}] has label {label}, a number: an old doccano export names its labels by their ids in the doccano project; export again with label names (doccano 1.2 or later), or replace the ids by the names</source>
        <translation>فئة annotations[{index}] هي {label}، وهي رقم: تصدير doccano القديم يسمّي الفئات بمعرِّفاتها في مشروع doccano؛ صدِّر من جديد بأسماء الفئات (doccano 1.2 أو أحدث)، أو ضع الأسماء مكان المعرِّفات</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>annotations[{index}] needs a label</source>
        <translation>يحتاج annotations[{index}] إلى فئة</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{where}{reason}</source>
        <translation>{where}{reason}</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/labelstudio.py" line="+130"/>
        <source>stances (Label Studio has no place for them here)</source>
        <translation>المواقف (لا مكان لها هنا في Label Studio)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>excluded ranges (Label Studio has no place for them)</source>
        <translation>النطاقات المستبعدة (لا مكان لها في Label Studio)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>is larger than 512 MB</source>
        <translation>أكبر من 512 ميغابايت</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>task {number} has no &apos;data&apos; object</source>
        <translation>المهمة {number} بلا كائن &apos;data&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>holds no tasks</source>
        <translation>لا يحتوي أي مهمة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}: {count} task(s) had several annotations; the first one of each was imported</source>
        <translation>{file}: مهامّ لها أكثر من توسيم واحد، استُورد أولها من كل مهمة: {count}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{where}: data has no &apos;text&apos; field</source>
        <translation>{where}: لا حقل &apos;text&apos; في البيانات</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{where}: no annotation; its prediction was imported</source>
        <translation>{where}: لا توسيم؛ استُورد تنبّؤها</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{where}: &apos;result&apos; must be a list</source>
        <translation>{where}: يجب أن يكون &apos;result&apos; قائمة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: result {number} is not an object</source>
        <translation>{where}: النتيجة {number} ليست كائنًا</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{where}: relation {number} needs from_id and to_id</source>
        <translation>{where}: تحتاج العلاقة {number} إلى from_id وto_id</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label Studio relations without a label</source>
        <translation>علاقات Label Studio بلا وسم</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+4"/>
        <source>Label Studio results of type {kind!r}</source>
        <translation>نتائج Label Studio من النوع {kind!r}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where}: result {number} start/end must be numbers</source>
        <translation>{where}: يجب أن تكون start وend في النتيجة {number} أرقامًا</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{where}: {what}: {reason}</source>
        <translation>{where}: {what}: {reason}</translation>
    </message>
    <message>
        <location filename="../../core/io/handoff/merge.py" line="+175"/>
        <location filename="../../core/io/handoff/received.py" line="+48"/>
        <source>cannot merge {path}: {reason}</source>
        <translation>تعذّر دمج الملف {path}: {reason}</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Reading {file}</source>
        <translation>قراءة {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is this project itself</source>
        <translation>الملف {path} هو هذا المشروع نفسه</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Merging</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge annotations ({count} set(s))</source>
        <translation>دمج التوسيمات (عدد المجموعات: {count})</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>a package of another project ({name}); documents matched by their text</source>
        <translation>حزمة من مشروع آخر ({name})؛ طوبقت الوثائق بنصها</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the set of {annotator} for «{title}» is in {first} and {second}; the later one ({later}) is used</source>
        <translation>مجموعة {annotator} للوثيقة «{title}» موجودة في {first} وفي {second}؛ استُعملت الأحدث ({later})</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>this project&apos;s copy was changed later ({here}) than the merged one ({merged})</source>
        <translation>عُدِّلت نسخة هذا المشروع ({here}) بعد النسخة المدموجة ({merged})</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/match.py" line="-22"/>
        <source>{where}: entity id {ref!r} is used {count} times</source>
        <translation>{where}: معرِّف الكيان {ref!r} مستعمَل أكثر من مرة (عدد المرات: {count})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{where}: event {event} argument {role} refers to entity {ref!r}, which the file does not define</source>
        <translation>{where}: الوسيط {role} للحدث {event} يشير إلى الكيان {ref!r} الذي لا يعرِّفه الملف</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{where}: a stance&apos;s {what} refers to entity {ref!r}, which the file does not define</source>
        <translation>{where}: {what} في موقفٍ يشير إلى الكيان {ref!r} الذي لا يعرِّفه الملف</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where}: an attributed stance has no holder</source>
        <translation>{where}: موقف منسوب بلا صاحب موقف</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{where}: a document stance (the author&apos;s) cannot have a holder</source>
        <translation>{where}: موقف المقال (موقف الكاتب) لا يكون له صاحب موقف</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where}: a stance needs one target: a stance target or an entity</source>
        <translation>{where}: يحتاج الموقف إلى هدف واحد: هدف موقف أو كيان</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>documents matched to project documents by their tokens (the file&apos;s text was rebuilt from tokens): {count:,}</source>
        <translation>وثائق طوبقت مع وثائق المشروع بوحداتها (أُعيد بناء نص الملف من الوحدات): {count:,}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{where}: the file holds several annotation sets of this document ({sets}); choose one (--from-set)</source>
        <translation>{where}: في الملف عدة مجموعات توسيم لهذه الوثيقة ({sets})؛ اختر واحدة منها (--from-set)</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>{file} lines {lines}</source>
        <translation>{file} الأسطر {lines}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{listed} have the same text as {first}: one document, their annotations together; the document keeps the first record&apos;s fields (id, title, metadata)</source>
        <translation>{listed} لها النص نفسه الذي في {first}: وثيقة واحدة تجمع توسيماتها؛ وتحتفظ الوثيقة بحقول السجل الأول (المعرِّف والعنوان والبيانات الوصفية)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{listed} has the same text as {first}: one document, their annotations together; the document keeps the first record&apos;s fields (id, title, metadata)</source>
        <translation>{listed} له النص نفسه الذي في {first}: وثيقة واحدة تجمع توسيماتهما؛ وتحتفظ الوثيقة بحقول السجل الأول (المعرِّف والعنوان والبيانات الوصفية)</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/run.py" line="+77"/>
        <source>no file to import</source>
        <translation>لا ملف لاستيراده</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>dry run: nothing was written</source>
        <translation>تجربة: لم يُكتب شيء</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import suggestions ({count} document)</source>
        <translation>استيراد اقتراحات ({count} وثيقة)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import suggestions ({count} documents)</source>
        <translation>استيراد اقتراحات (عدد الوثائق: {count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import annotations ({count} document)</source>
        <translation>استيراد توسيمات ({count} وثيقة)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import annotations ({count} documents)</source>
        <translation>استيراد توسيمات (عدد الوثائق: {count})</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>reading {file}</source>
        <translation>قراءة {file}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>finishing</source>
        <translation>الإنهاء</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no such file or folder</source>
        <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>{file}: {count:,} documents</source>
        <translation>{file}: عدد الوثائق {count:,}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the file(s) hold no document of set {name!r}</source>
        <translation>لا تحوي الملفات أي وثيقة من المجموعة {name!r}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file(s) hold no document</source>
        <translation>لا تحوي الملفات أي وثيقة</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>labels in {file}</source>
        <translation>الفئات في {file}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{format} files are written by Tawsim, not read</source>
        <translation>ملفات {format} يكتبها توسيم ولا يقرؤها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an annotator name is needed</source>
        <translation>يلزم اسم مُوسِّم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name!r} is reserved for exports (--set gold|all); choose another annotator name</source>
        <translation>الاسم {name!r} محجوز للتصدير (--set gold|all)؛ اختر اسم مُوسِّم آخر</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>offsets must be auto, codepoints or utf16 (not {value!r})</source>
        <translation>يجب أن تكون المواضع auto أو codepoints أو utf16 (لا {value!r})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>clitics must be keep or strip (not {value!r})</source>
        <translation>يجب أن تكون السوابق keep أو strip (لا {value!r})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{key} at {where}</source>
        <translation>{key} في {where}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{layer}: {keys}</source>
        <translation>{layer}: {keys}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{a}; {b}</source>
        <translation>{a}؛ {b}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown {listing} (add them to the schema, or import with --add-labels)</source>
        <translation>غير معروفة: {listing} (أضفها إلى المخطط، أو استورد مع --add-labels)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot add {keys} to the schema: a key is 1-64 characters without spaces (rename them in the file or the schema first)</source>
        <translation>تتعذّر إضافة {keys} إلى المخطط: المفتاح من 1 إلى 64 حرفًا بلا مسافات (أعد تسميتها في الملف أو في المخطط أولًا)</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/options.py" line="+18"/>
        <source>event roles</source>
        <translation>أدوار الأحداث</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/brat.py" line="+184"/>
        <location filename="../../core/io/import_annotations/prepare.py" line="+365"/>
        <source>event arguments that are events (arguments are entity spans)</source>
        <translation>وسائط أحداث هي أحداث (الوسائط مقاطع كيانات)</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/prepare.py" line="+19"/>
        <source>relations that are not event arguments</source>
        <translation>علاقات ليست وسائط أحداث</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>they only fit the text that way</source>
        <translation>لا تطابق النص إلا هكذا</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>their boundaries fall on word boundaries that way</source>
        <translation>تقع حدودها هكذا على حدود الكلمات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>code points</source>
        <translation>نقاط الترميز</translation>
    </message>
    <message>
        <location line="-394"/>
        <location line="+394"/>
        <source>UTF-16 units</source>
        <translation>وحدات UTF-16</translation>
    </message>
    <message>
        <location line="-412"/>
        <source>{where}: {what} at {start}-{end} is only whitespace</source>
        <translation>{where}: {what} في {start}-{end} مسافات فقط</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>characters</source>
        <translation>حروف</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: {what} offsets {start}-{end} are outside the document ({length} {unit})</source>
        <translation>{where}: مواضع {what} {start}-{end} خارج الوثيقة ({length} {unit})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{where}: {what} has start {start} not before end {end}</source>
        <translation>{where}: بداية {what} {start} ليست قبل نهايته {end}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{where}: {what} offsets {start}-{end} cut a character in two (UTF-16 surrogate pair)</source>
        <translation>{where}: مواضع {what} {start}-{end} تشطر حرفًا إلى نصفين (زوج بديل في UTF-16)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{where}: {what} text {text} does not match the document text {found} at {start}-{end}</source>
        <translation>{where}: نص {what} {text} لا يطابق نص الوثيقة {found} في {start}-{end}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{where}: {what} offsets {start}-{end} fall inside a character sequence that Unicode normalisation merges (or inside a CR LF pair)</source>
        <translation>{where}: مواضع {what} {start}-{end} تقع داخل تسلسل حروف يدمجه توحيد يونيكود (أو داخل زوج CR LF)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{where}: {what} {start}-{end} lies outside the text or inside a character sequence that Unicode normalisation merges</source>
        <translation>{where}: {what} {start}-{end} خارج النص أو داخل تسلسل حروف يدمجه توحيد يونيكود</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>entity {ref} ({label})</source>
        <translation>الكيان {ref} ({label})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event {ref} ({type}) trigger</source>
        <translation>مُحفِّز الحدث {ref} ({type})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stance evidence</source>
        <translation>شاهد الموقف</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>excluded range</source>
        <translation>النطاق المستبعد</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>token</source>
        <translation>الكلمة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sentence</source>
        <translation>الجملة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where}: the file&apos;s tokens cannot be kept: {problem}</source>
        <translation>{where}: تتعذّر المحافظة على كلمات الملف: {problem}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>a relation ({type}) refers to unknown span {ref!r}</source>
        <translation>علاقة ({type}) تشير إلى مقطع غير معروف {ref!r}</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>{where}: the document text is empty</source>
        <translation>{where}: نص الوثيقة فارغ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: the document text contains NUL characters</source>
        <translation>{where}: في نص الوثيقة حروف NUL</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{file}: {count:,} span(s) trimmed of edge whitespace</source>
        <translation>{file}: قُصَّت المسافات من أطراف مقاطع عددها {count:,}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{file}: offsets count code points in {one} but UTF-16 units in {other}; give the unit explicitly</source>
        <translation>{file}: المواضع تعدّ نقاط الترميز في {one} ووحدات UTF-16 في {other}؛ حدِّد الوحدة صراحةً</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name}: offsets read as {unit} ({reason})</source>
        <translation>{name}: قُرئت المواضع بـ{unit} ({reason})</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/run.py" line="-144"/>
        <source>entity starts moved past a proclitic: {count:,}</source>
        <translation>بدايات كيانات نُقلت بعد سابقة: {count:,}</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/write.py" line="+216"/>
        <source>new annotator {name}</source>
        <translation>مُوسِّم جديد: {name}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>entities</source>
        <translation>كيانات</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+5"/>
        <source>entities given twice in the file(s)</source>
        <translation>كيانات وردت مرتين في الملفات</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>events</source>
        <translation>أحداث</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../core/review/agreement/measure_f1.py" line="+268"/>
        <source>event arguments</source>
        <translation>وسائط أحداث</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>stances</source>
        <translation>مواقف</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>excluded ranges</source>
        <translation>نطاقات مستبعدة</translation>
    </message>
    <message>
        <location filename="../../core/project/atomic.py" line="+72"/>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: cannot be written ({reason}); nothing was written</source>
        <translation>{path}: تتعذر الكتابة ({reason})؛ لم يُكتب شيء</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{path} is a folder; give a file name</source>
        <translation>{path} مجلد؛ أعطِ اسم ملف</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{path} is a file; give a folder name</source>
        <translation>{path} ملف؛ أعطِ اسم مجلد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{path} already holds other files ({files}); choose a new or empty folder</source>
        <translation>{path} يحوي ملفات أخرى ({files})؛ اختر مجلدًا جديدًا أو فارغًا</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>{path} is read-only; it was not replaced (choose another name, make it writable, or use --force)</source>
        <translation>{path} للقراءة فقط؛ لم يُستبدل (اختر اسمًا آخر، أو اجعله قابلًا للكتابة، أو استعمل --force)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path}: no such folder; nothing was written</source>
        <translation>{path}: المجلد غير موجود؛ لم يُكتب شيء</translation>
    </message>
    <message>
        <location filename="../../core/project/project.py" line="+204"/>
        <source>{name} was opened read-only; nothing was changed</source>
        <translation>فُتح {name} للقراءة فقط؛ لم يتغير شيء</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cannot undo “{step}”: the annotations were changed elsewhere since ({detail}). The undo history was cleared; nothing was lost.</source>
        <translation>يتعذر التراجع عن «{step}»: عُدِّلت التوسيمات في مكان آخر منذئذ ({detail}). مُسح سجل التراجع؛ ولم يضع شيء.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot redo “{step}”: the annotations were changed elsewhere since ({detail}). The undo history was cleared; nothing was lost.</source>
        <translation>تتعذر إعادة «{step}»: عُدِّلت التوسيمات في مكان آخر منذئذ ({detail}). مُسح سجل التراجع؛ ولم يضع شيء.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>this already exists ({detail})</source>
        <translation>هذا موجود من قبل ({detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it refers to something that no longer exists</source>
        <translation>يشير إلى شيء لم يعد موجودًا</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/disagreements.py" line="+46"/>
        <source>Missing</source>
        <translation>ناقص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boundary mismatch</source>
        <translation>اختلاف في الحدود</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label mismatch</source>
        <translation>اختلاف في الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boundary and label mismatch</source>
        <translation>اختلاف في الحدود والفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event type mismatch</source>
        <translation>اختلاف في نوع الحدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Argument mismatch</source>
        <translation>اختلاف في الوسيط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polarity mismatch</source>
        <translation>اختلاف في القطبية</translation>
    </message>
    <message>
        <location line="+391"/>
        <source>Finding disagreements</source>
        <translation>البحث عن مواضع الاختلاف</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/measure_f1.py" line="-71"/>
        <location filename="../../core/review/agreement/results.py" line="+126"/>
        <location line="+15"/>
        <source>no {what} to compare</source>
        <translation>لا {what} للمقارنة</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>spans</source>
        <translation>مقاطع</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>event triggers</source>
        <translation>مُحفِّزات أحداث</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/measure_semeval.py" line="+268"/>
        <location filename="../../core/review/agreement/measure_unitizing.py" line="+74"/>
        <source>no spans to compare</source>
        <translation>لا مقاطع للمقارنة</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/measure_unitizing.py" line="+10"/>
        <source>no variation</source>
        <translation>لا تباين</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no variation for label {label}</source>
        <translation>لا تباين في الفئة {label}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no document was finished by all of these annotators</source>
        <translation>لم يُنهِ هؤلاء المُوسِّمون جميعًا أي وثيقة</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/project.py" line="+104"/>
        <source>token kappa was not asked for</source>
        <translation>لم يُطلب حساب كابا على مستوى الوحدات</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/results.py" line="-120"/>
        <source>fewer than two annotators finished the same document</source>
        <translation>أنهى الوثيقة نفسها أقل من مُوسِّمَين</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/project.py" line="-18"/>
        <source>Reading annotations</source>
        <translation>قراءة التوسيمات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entity span F1 and SemEval scores</source>
        <translation>مقياس F1 لمقاطع الكيانات ودرجات SemEval</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../core/review/agreement/results.py" line="+1"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/review/agreement/results.py" line="+1"/>
        <source>Stances</source>
        <translation>المواقف</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/results.py" line="+153"/>
        <source>Span F1 (exact)</source>
        <translation>F1 للمقاطع (تطابق تام)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+34"/>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>all pairs pooled</source>
        <translation>كل الأزواج مجتمعة</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+18"/>
        <source>Label</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Span F1 (overlap)</source>
        <translation>F1 للمقاطع (تداخل)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SemEval strict F1</source>
        <translation>F1 الصارم (SemEval)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SemEval exact F1</source>
        <translation>F1 المطابق (SemEval)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SemEval partial F1</source>
        <translation>F1 الجزئي (SemEval)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SemEval type F1</source>
        <translation>F1 للنوع (SemEval)</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/project.py" line="-16"/>
        <location filename="../../core/review/agreement/results.py" line="+8"/>
        <source>Unitizing alpha</source>
        <translation>ألفا للتقطيع</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/results.py" line="+1"/>
        <location line="+50"/>
        <location line="+24"/>
        <source>all annotators together</source>
        <translation>كل المُوسِّمين معًا</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Token kappa (BIO)</source>
        <translation>كابا على مستوى الوحدات (BIO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Fleiss&apos; kappa, all annotators</source>
        <translation>كابا فلايس، كل المُوسِّمين</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Trigger identification F1</source>
        <translation>F1 لتعيين المُحفِّزات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trigger classification F1</source>
        <translation>F1 لتصنيف المُحفِّزات</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Argument identification F1</source>
        <translation>F1 لتعيين الوسائط</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Argument role F1</source>
        <translation>F1 لأدوار الوسائط</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stance kappa</source>
        <translation>كابا للمواقف</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stance alpha (nominal)</source>
        <translation>ألفا للمواقف (اسمية)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Stance percent agreement</source>
        <translation>نسبة الاتفاق في المواقف</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not computed</source>
        <translation>لم يُحسب</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>these annotators finished no document in common</source>
        <translation>لم يُنهِ هؤلاء المُوسِّمون أي وثيقة مشتركة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing to compare</source>
        <translation>لا شيء للمقارنة</translation>
    </message>
    <message>
        <location filename="../../core/review/curation/editing.py" line="+38"/>
        <source>this span is an annotator&apos;s, not the gold standard&apos;s</source>
        <translation>هذا المقطع لأحد المُوسِّمين لا للمعيار الذهبي</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add {label} to gold</source>
        <translation>إضافة {label} إلى المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this text is already annotated as {label} in gold</source>
        <translation>هذا النص موسوم من قبل بالفئة {label} في المعيار الذهبي</translation>
    </message>
    <message>
        <location filename="../../core/review/curation/gathering.py" line="-41"/>
        <source>entity spans in excluded text</source>
        <translation>مقاطع كيانات في نص مستبعد</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>events in excluded text</source>
        <translation>أحداث في نص مستبعد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>arguments without an entity span of their set</source>
        <translation>وسائط بلا مقطع كيان من مجموعتها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>arguments with a role of another event type</source>
        <translation>وسائط بدور من نوع حدث آخر</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>arguments in excluded text</source>
        <translation>وسائط في نص مستبعد</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+3"/>
        <source>stances that lost their holder or target</source>
        <translation>مواقف فقدت صاحبها أو هدفها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stances in excluded text</source>
        <translation>مواقف في نص مستبعد</translation>
    </message>
    <message>
        <location filename="../../core/review/curation/model.py" line="+37"/>
        <source>label mismatch</source>
        <translation>اختلاف في الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boundary mismatch</source>
        <translation>اختلاف في الحدود</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boundary and label mismatch</source>
        <translation>اختلاف في الحدود والفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event type mismatch</source>
        <translation>اختلاف في نوع الحدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role mismatch</source>
        <translation>اختلاف في الدور</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>argument mismatch</source>
        <translation>اختلاف في الوسيط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>polarity mismatch</source>
        <translation>اختلاف في القطبية</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>unanimous</source>
        <translation>بالإجماع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unanimous ({n} of {n})</source>
        <translation>بالإجماع ({n} من {n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least {k} of {n}</source>
        <translation>{k} من {n} على الأقل</translation>
    </message>
    <message>
        <location filename="../../core/review/curation/operations.py" line="+3"/>
        <source>candidate</source>
        <translation>مُرشَّح</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this candidate is gone (an annotator or the gold set changed); reload the list</source>
        <translation>لم يعد هذا المُرشَّح موجودًا (تغيّرت مجموعة أحد المُوسِّمين أو المعيار الذهبي)؛ أعد تحميل القائمة</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-merge ({how})</source>
        <translation>الدمج التلقائي ({how})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no annotator has finished this document yet; nothing to merge (include sets in progress to curate them anyway)</source>
        <translation>لم يُنهِ أي مُوسِّم هذه الوثيقة بعد؛ لا شيء للدمج (ضمِّن المجموعات قيد العمل لتنقيحها رغم ذلك)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“at least {k} of {n}” cannot be met: this document has {n} annotation sets to compare; choose k from 1 to {n}</source>
        <translation>لا يمكن تحقيق «{k} من {n} على الأقل»: لهذه الوثيقة {n} من مجموعات التوسيم للمقارنة؛ اختر k من 1 إلى {n}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Accept {what}</source>
        <translation>قبول {what}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this is in the gold standard already</source>
        <translation>هذا في المعيار الذهبي من قبل</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reject {what}</source>
        <translation>رفض {what}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this candidate is rejected already</source>
        <translation>هذا المُرشَّح مرفوض من قبل</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Mark gold curated</source>
        <translation>تعليم المعيار الذهبي كمُنقَّح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark gold in progress</source>
        <translation>تعليم المعيار الذهبي كقيد العمل</translation>
    </message>
    <message>
        <location filename="../../core/schema/checks.py" line="-9"/>
        <source>label {id} does not exist (it may have been deleted)</source>
        <translation>الفئة {id} غير موجودة (ربما حُذفت)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>role {role} of {type}</source>
        <translation>الدور {role} في {type}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guideline</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what}: the key must be a non-empty name without spaces (at most 64 characters)</source>
        <translation>{what}: يجب أن يكون المعرِّف اسمًا غير فارغ بلا مسافات (64 حرفًا على الأكثر)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: expected text</source>
        <translation>{field}: المتوقَّع نص</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>colour: expected #rrggbb, got {value!r}</source>
        <translation>اللون: المتوقَّع ‎#rrggbb، والمُعطى {value!r}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>shortcut: expected one letter or digit, got {value!r}</source>
        <translation>الاختصار: المتوقَّع حرف أو رقم واحد، والمُعطى {value!r}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the shortcut {key!r} is already used by {owner}; choose another key or free that one first</source>
        <translation>الاختصار {key!r} مستعمل من قبل لـ{owner}؛ اختر مفتاحًا آخر أو حرِّر ذلك أولًا</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>there already is an {what} with the key {key!r}</source>
        <translation>يوجد من قبل {what} بالمعرِّف {key!r}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a role can only accept entity labels, not {label}</source>
        <translation>لا يقبل الدور إلا فئات الكيانات، لا {label}</translation>
    </message>
    <message>
        <location filename="../../core/schema/labels.py" line="-160"/>
        <location line="+35"/>
        <source>new {what}</source>
        <translation>{what} جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add {what} {key}</source>
        <translation>إضافة {what} {key}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Rename {label} to {key}</source>
        <translation>إعادة تسمية {label} إلى {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recolour {label}</source>
        <translation>تغيير لون {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change shortcut of {label}</source>
        <translation>تغيير اختصار {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit guideline of {label}</source>
        <translation>تعديل إرشادات {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit {label}</source>
        <translation>تعديل {label}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reorder {what}</source>
        <translation>إعادة ترتيب {what}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Allow entity targets</source>
        <translation>السماح بالكيانات أهدافًا</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disallow entity targets</source>
        <translation>منع الكيانات أهدافًا</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>{label} is the only entity label these roles accept: {roles}; change or delete them first</source>
        <translation>{label} هي فئة الكيانات الوحيدة التي تقبلها هذه الأدوار: {roles}؛ غيِّرها أو احذفها أولًا</translation>
    </message>
    <message>
        <location filename="../../core/schema/model.py" line="+39"/>
        <source>entity label</source>
        <translation>فئة الكيان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stance target</source>
        <translation>هدف الموقف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>polarity</source>
        <translation>القطبية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entity labels</source>
        <translation>فئات الكيانات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event types</source>
        <translation>أنواع الأحداث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stance targets</source>
        <translation>أهداف المواقف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>polarities</source>
        <translation>قيم القطبية</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>{kind} {label}</source>
        <translation>{kind} {label}</translation>
    </message>
    <message>
        <location filename="../../core/schema/roles.py" line="+43"/>
        <source>new role</source>
        <translation>دور جديد</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>roles belong to event types, not to {label}</source>
        <translation>الأدوار لأنواع الأحداث، لا لـ{label}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+85"/>
        <source>{type} already has a role {key!r}</source>
        <translation>لـ{type} دور بالمعرِّف {key!r} من قبل</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Add role {key} to {type}</source>
        <translation>إضافة الدور {key} إلى {type}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename role {role} to {key}</source>
        <translation>إعادة تسمية الدور {role} إلى {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit role {role}</source>
        <translation>تعديل الدور {role}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Delete role {role}</source>
        <translation>حذف الدور {role}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reorder roles of {type}</source>
        <translation>إعادة ترتيب أدوار {type}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>role of {type}</source>
        <translation>دور في {type}</translation>
    </message>
    <message>
        <location filename="../../core/text/canonical.py" line="+158"/>
        <source>the encoding could not be detected with confidence (maybe {candidates}); give it with --encoding (utf-8, windows-1256, iso-8859-6)</source>
        <translation>تعذّر اكتشاف الترميز بثقة (ربما {candidates})؛ حدِّده (utf-8 أو windows-1256 أو iso-8859-6)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the encoding could not be detected with confidence; give it with --encoding (utf-8, windows-1256, iso-8859-6)</source>
        <translation>تعذّر اكتشاف الترميز بثقة؛ حدِّده (utf-8 أو windows-1256 أو iso-8859-6)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>is empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>byte 0x{byte:02x} at line {line} (byte offset {offset}) is not valid {encoding}</source>
        <translation>البايت 0x{byte:02x} في السطر {line} (الموضع {offset}) ليس {encoding} صالحًا</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>is {size:.0f} MB; documents over {limit} MB are refused</source>
        <translation>حجمه {size:.0f} م.ب؛ تُرفض الوثائق التي تتجاوز {limit} م.ب</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>looks like a binary file (it contains NUL bytes), not text</source>
        <translation>يبدو ملفًا ثنائيًّا (فيه بايتات NUL) لا نصًّا</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>looks like a binary file (control characters), not text</source>
        <translation>يبدو ملفًا ثنائيًّا (فيه محارف تحكم) لا نصًّا</translation>
    </message>
    <message>
        <location filename="../../core/text/snap.py" line="+38"/>
        <source>nothing is selected</source>
        <translation>لا شيء محدد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only whitespace is selected</source>
        <translation>المحدد مسافات فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only punctuation is selected; it is not annotated</source>
        <translation>المحدد علامات ترقيم فقط، وهي لا تُوسَم</translation>
    </message>
    <message>
        <location filename="../../models/db.py" line="+69"/>
        <source>{path}: no such file</source>
        <translation>{path}: الملف غير موجود</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a folder, not a Tawsim project</source>
        <translation>{path} مجلد، لا مشروع توسيم</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/run.py" line="-111"/>
        <location filename="../../models/db.py" line="+4"/>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: تتعذر قراءته ({reason})</translation>
    </message>
    <message>
        <location filename="../../models/db.py" line="+3"/>
        <source>{path} is empty, not a Tawsim project</source>
        <translation>{path} فارغ، لا مشروع توسيم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a Tawsim project (not an SQLite database)</source>
        <translation>{path} ليس مشروع توسيم (ليس قاعدة بيانات SQLite)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>{path} is damaged ({detail}); nothing was written to it. Check it with `python main.py doctor --project {path}` (Help &gt; Check project in the window), which can rescue what is readable into a new file.</source>
        <translation>{path} تالف ({detail})؛ لم يُكتب فيه شيء. افحصه بالأمر `python main.py doctor --project {path}` (أو «مساعدة &gt; فحص المشروع» في النافذة)، وهو يستطيع إنقاذ ما يمكن قراءته إلى ملف جديد.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} is being written by another Tawsim window or process and did not become free within {seconds:.0f} seconds; nothing was changed, try again</source>
        <translation>نافذة أو عملية أخرى لتوسيم تكتب في {name} ولم يتحرر خلال {seconds:.0f} ثانية؛ لم يتغير شيء، أعد المحاولة</translation>
    </message>
    <message>
        <location filename="../../core/io/handoff/package.py" line="+114"/>
        <location filename="../../core/project/doctor.py" line="+261"/>
        <location filename="../../models/db.py" line="+17"/>
        <source>{path}: no such folder</source>
        <translation>{path}: المجلد غير موجود</translation>
    </message>
    <message>
        <location filename="../../core/team/transfer.py" line="+66"/>
        <location filename="../../models/db.py" line="+52"/>
        <source>{path} already exists; choose another name</source>
        <translation>{path} موجود من قبل؛ اختر اسمًا آخر</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copying {table}</source>
        <translation>نسخ {table}</translation>
    </message>
    <message>
        <location filename="../../models/db.py" line="+16"/>
        <source>{path} is an SQLite database of another program, not a Tawsim project; it was not changed</source>
        <translation>{path} قاعدة بيانات SQLite لبرنامج آخر، لا مشروع توسيم؛ لم يتغير</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{path} was saved by an older version of Tawsim (project format {version}) and needs upgrading, which reading it does not do; open it in Tawsim once (it is backed up, then upgraded)</source>
        <translation>{path} محفوظ بإصدار أقدم من توسيم (صيغة المشروع {version}) ويحتاج إلى ترقية لا تجريها القراءة وحدها؛ افتحه في توسيم مرة (تُحفظ منه نسخة احتياطية ثم يُرقّى)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{path} is read-only; Tawsim saves every change, so it needs write access (commands that only read, such as stats and export, open it as it is)</source>
        <translation>{path} للقراءة فقط؛ يحفظ توسيم كل تغيير، فيحتاج إلى إذن الكتابة (الأوامر التي تقرأ فقط، مثل stats وexport، تفتحه كما هو)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the folder {folder} is read-only, and Tawsim keeps its journal ({name}-wal) beside the project while it is open; copy the project to a folder you can write in (commands that only read, such as stats and export, open it as it is)</source>
        <translation>المجلد {folder} للقراءة فقط، ويحتفظ توسيم بسجله ({name}-wal) بجانب المشروع ما دام مفتوحًا؛ انسخ المشروع إلى مجلد تستطيع الكتابة فيه (الأوامر التي تقرأ فقط، مثل stats وexport، تفتحه كما هو)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{path} was saved by a newer version of Tawsim (project format {version}; this version reads formats up to {supported}). Update Tawsim to open it; the file was not changed.</source>
        <translation>{path} محفوظ بإصدار أحدث من توسيم (صيغة المشروع {version}؛ وهذا الإصدار يقرأ الصيغ حتى {supported}). حدِّث توسيم لفتحه؛ لم يتغير الملف.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{path} needs upgrading, but the backup copy {backup} could not be written ({reason}); nothing was changed</source>
        <translation>{path} يحتاج إلى ترقية، لكن تعذّرت كتابة النسخة الاحتياطية {backup} ({reason})؛ لم يتغير شيء</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/common.py" line="+34"/>
        <location filename="../../core/io/import_annotations/prepare.py" line="-100"/>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} line {line}</source>
        <translation>{file} السطر {line}</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>not UTF-8 (byte 0x{value:02x} at column {column})</source>
        <translation>ليس UTF-8 (البايت 0x{value:02x} في العمود {column})</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>invalid JSON ({detail}, column {column})</source>
        <translation>JSON غير صالح ({detail}، العمود {column})</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/io/formats/labelstudio.py" line="-149"/>
        <source>invalid JSON ({detail})</source>
        <translation>JSON غير صالح ({detail})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a JSON object</source>
        <translation>المتوقع كائن JSON</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>is over {size} on one line; a document (one line) may be at most {size}</source>
        <translation>يتجاوز {size} في سطر واحد؛ لا تتجاوز الوثيقة (سطر واحد) {size}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not UTF-8 (byte 0x{byte:02x} at column {column})</source>
        <translation>ليس UTF-8 (البايت 0x{byte:02x} في العمود {column})</translation>
    </message>
    <message>
        <location filename="../../core/recommend/evaluate.py" line="+88"/>
        <source>cross-validation needs at least 2 folds</source>
        <translation>يحتاج التحقق المتقاطع إلى طيّتين على الأقل</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{folds} folds need at least {folds} annotated documents; there are {count}</source>
        <translation>عدد الطيّات {folds} يحتاج إلى {folds} من الوثائق المُوسَّمة على الأقل؛ والموجود منها {count}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>there is nothing to evaluate on in {source}</source>
        <translation>لا شيء يُقيَّم عليه في {source}</translation>
    </message>
    <message>
        <location filename="../../core/recommend/examples.py" line="+67"/>
        <source>say what to train from: gold, finished or an annotator&apos;s name</source>
        <translation>حدِّد مصدر التدريب: gold أو finished أو اسم مُوسِّم</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the finished annotation sets</source>
        <translation>مجموعات التوسيم المكتملة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s annotations</source>
        <translation>توسيمات {name}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>reading the annotations</source>
        <translation>قراءة التوسيمات</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>no document with id {id}</source>
        <translation>لا توجد وثيقة بالمعرِّف {id}</translation>
    </message>
    <message>
        <location filename="../../core/recommend/suggestions.py" line="-154"/>
        <source>Switch {name} on</source>
        <translation>تشغيل {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch {name} off</source>
        <translation>إيقاف {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>switch recommenders on or off</source>
        <translation>تشغيل نماذج التوصية أو إيقافها</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>train from one of {choices}, not {value!r}</source>
        <translation>اختر مصدر التدريب من بين {choices}، لا {value!r}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change what recommenders learn from</source>
        <translation>تغيير ما تتعلّم منه نماذج التوصية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose what recommenders learn from</source>
        <translation>اختيار ما تتعلّم منه نماذج التوصية</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>{label} is neither an entity label nor an event type</source>
        <translation>{label} ليست فئة كيان ولا نوع حدث</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>there is no suggestion to accept</source>
        <translation>لا اقتراح لقبوله</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept {label} suggestion</source>
        <translation>قبول اقتراح {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept {count} {labels} suggestions</source>
        <translation>قبول اقتراحات {labels} (العدد: {count})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reject {label} suggestion</source>
        <translation>رفض اقتراح {label}</translation>
    </message>
    <message>
        <location filename="../../core/recommend/training.py" line="+69"/>
        <source>no recommender named {names} (recommenders: {known})</source>
        <translation>لا يوجد نموذج توصية باسم {names} (النماذج: {known})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>name a recommender to train</source>
        <translation>سمِّ نموذج توصية لتدريبه</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the training set holds no annotations to learn from</source>
        <translation>لا توسيمات في مجموعة التدريب يُتعلَّم منها</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>there is nothing to learn from in {source}</source>
        <translation>لا شيء يُتعلَّم منه في {source}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>suggesting</source>
        <translation>إعداد الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/coefficients.py" line="+98"/>
        <source>{name} is undefined: every value is the same category {only!r}, so there is no variation to agree on; declare the other possible values with categories= to count this as perfect agreement (1.0)</source>
        <translation>{name} غير معرَّف: كل القيم من الفئة نفسها {only!r}، فلا تباين يُتَّفق عليه؛ صرِّح بالقيم الممكنة الأخرى عبر categories= ليُعدَّ هذا اتفاقًا تامًّا (1.0)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../core/review/agreement/intervals.py" line="+224"/>
        <source>{name} is undefined: no unit has values from both coders</source>
        <translation>{name} غير معرَّف: لا وحدة فيها قيم من المُوسِّمَين كليهما</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>agreement is undefined: no unit has values from two coders</source>
        <translation>الاتفاق غير معرَّف: لا وحدة فيها قيم من مُوسِّمَين اثنين</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Krippendorff&apos;s alpha is undefined: no unit has values from two coders (units with a single value are unpairable and ignored)</source>
        <translation>ألفا كريبندورف غير معرَّفة: لا وحدة فيها قيم من مُوسِّمَين اثنين (الوحدات ذات القيمة الواحدة لا تُقارَن فتُهمَل)</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/inputs.py" line="+102"/>
        <source>no units: the data is empty</source>
        <translation>لا وحدات: البيانات فارغة</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/intervals.py" line="+12"/>
        <location line="+78"/>
        <source>{name} is undefined: no variation</source>
        <translation>{name} غير معرَّف: لا تباين</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>{name} is undefined: no unit has values from two coders</source>
        <translation>{name} غير معرَّف: لا وحدة فيها قيم من مُوسِّمَين اثنين</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Gwet&apos;s AC1 is undefined: fewer than two categories</source>
        <translation>معامل AC1 لغويت غير معرَّف: أقل من فئتين</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Conger&apos;s kappa is undefined: fewer than two coders</source>
        <translation>كابا كونغر غير معرَّفة: أقل من مُوسِّمَين اثنين</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conger&apos;s kappa is undefined: a coder gave no value</source>
        <translation>كابا كونغر غير معرَّفة: أحد المُوسِّمين لم يُعطِ أي قيمة</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Krippendorff&apos;s alpha is undefined: no unit has values from two coders</source>
        <translation>ألفا كريبندورف غير معرَّفة: لا وحدة فيها قيم من مُوسِّمَين اثنين</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Krippendorff&apos;s alpha is undefined: no variation</source>
        <translation>ألفا كريبندورف غير معرَّفة: لا تباين</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/measure_stances.py" line="+137"/>
        <source>no stance was given by two annotators</source>
        <translation>لا موقف أعطاه مُوسِّمان اثنان</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/unitizing.py" line="+432"/>
        <source>unitizing alpha is undefined for {count} coder(s); it needs at least two (pass coders= to include coders who marked no unit)</source>
        <translation>ألفا للتقطيع غير معرَّفة لعدد من المُوسِّمين قدره {count}؛ تحتاج إلى اثنين على الأقل (مرِّر coders= لتضمين من لم يحدِّد أي وحدة)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>unitizing alpha {what} is undefined: no variation</source>
        <translation>ألفا للتقطيع {what} غير معرَّفة: لا تباين</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>unitizing alpha is undefined: no unit has label {label!r}</source>
        <translation>ألفا للتقطيع غير معرَّفة: لا وحدة بالفئة {label!r}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for label {label!r}</source>
        <translation>للفئة {label!r}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unitizing alpha is undefined: there are no units</source>
        <translation>ألفا للتقطيع غير معرَّفة: لا وحدات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>over all labels</source>
        <translation>على كل الفئات</translation>
    </message>
    <message>
        <location filename="../../core/team/admin.py" line="+71"/>
        <source>logins are for team projects; in a project file, annotators are added by choosing who you are</source>
        <translation>حسابات الدخول لمشاريع الفرق؛ أما في ملف المشروع فيُضاف المُوسِّمون باختيار هويتك</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a team member needs a name</source>
        <translation>يحتاج عضو الفريق إلى اسم</translation>
    </message>
    <message>
        <location filename="../../core/team/assignment.py" line="+34"/>
        <source>assign documents to annotators</source>
        <translation>إسناد الوثائق إلى المُوسِّمين</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>choose the annotators to assign documents to</source>
        <translation>اختر المُوسِّمين الذين تُسنَد إليهم الوثائق</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>each document can go to 1 to {count} annotator(s), not {asked}</source>
        <translation>يمكن إسناد كل وثيقة إلى عدد من المُوسِّمين بين 1 و{count}، لا {asked}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the share of documents for everyone is between 0 and 1</source>
        <translation>حصة الوثائق المشتركة بين الجميع بين 0 و1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown order {order!r}; expected corpus or random</source>
        <translation>ترتيب غير معروف {order!r}؛ المتوقَّع corpus أو random</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+12"/>
        <source>Assign {count} document(s)</source>
        <translation>إسناد وثائق (العدد: {count})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unassign {count} document(s)</source>
        <translation>إلغاء إسناد وثائق (العدد: {count})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>choose another annotator to give the documents to</source>
        <translation>اختر مُوسِّمًا آخر تُعطى له الوثائق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign documents</source>
        <translation>إعادة إسناد الوثائق</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>no annotator with id {ids}</source>
        <translation>لا يوجد مُوسِّم بالمعرِّف {ids}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no document with id {ids}</source>
        <translation>لا توجد وثيقة بالمعرِّف {ids}</translation>
    </message>
    <message>
        <location filename="../../models/server/engine.py" line="+77"/>
        <source>{url!r} is not a team project URL; write postgresql://user@host[:port]/database</source>
        <translation>{url!r} ليس عنوان مشروع فريق؛ اكتب postgresql://user@host[:port]/database</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{url!r} is not a valid URL ({reason})</source>
        <translation>{url!r} ليس عنوانًا صالحًا ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{url!r} names no database (postgresql://user@host/DATABASE)</source>
        <translation>لا يذكر {url!r} قاعدة بيانات (postgresql://user@host/DATABASE)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{url!r} names no user (postgresql://USER@host/database)</source>
        <translation>لا يذكر {url!r} مستخدمًا (postgresql://USER@host/database)</translation>
    </message>
    <message>
        <location filename="../../core/io/import_annotations/suggestions.py" line="+35"/>
        <source>a recommender name is 1-64 characters without spaces (not {name!r}): give it with --recommender NAME</source>
        <translation>اسم نموذج التوصية من 1 إلى 64 حرفًا بلا مسافات (لا {name!r}): أعطه عبر --recommender NAME</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name!r} is a recommender Tawsim trains itself; choose another name</source>
        <translation>{name!r} نموذج توصية يدرّبه توسيم بنفسه؛ اختر اسمًا آخر</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>event arguments (suggestions are spans and triggers)</source>
        <translation>وسائط الأحداث (الاقتراحات مقاطع ومحفِّزات فقط)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stances (suggestions are spans and triggers)</source>
        <translation>المواقف (الاقتراحات مقاطع ومحفِّزات فقط)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excluded ranges (suggestions are spans and triggers)</source>
        <translation>النطاقات المستبعدة (الاقتراحات مقاطع ومحفِّزات فقط)</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/brat.py" line="-254"/>
        <source>stances (brat has no place for them)</source>
        <translation>المواقف (لا مكان لها في brat)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>excluded ranges (brat has no place for them)</source>
        <translation>النطاقات المستبعدة (لا مكان لها في brat)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>holds no .ann files</source>
        <translation>لا يحتوي أي ملف ‎.ann</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>has no text file {name} beside it</source>
        <translation>لا ملف نص {name} بجانبه</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>discontinuous spans (T lines with separate fragments)</source>
        <translation>مقاطع غير متصلة (أسطر T بأجزاء منفصلة)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>expected an id, a TAB and an annotation</source>
        <translation>المتوقَّع معرِّف ثم TAB ثم توسيم</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+51"/>
        <source>{ident}: missing type or id used twice</source>
        <translation>{ident}: النوع مفقود أو المعرِّف مستعمَل مرتين</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>brat notes other than AnnotatorNotes</source>
        <translation>ملاحظات brat غير AnnotatorNotes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brat attributes (A lines)</source>
        <translation>سمات brat (أسطر A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brat relations (R lines)</source>
        <translation>علاقات brat (أسطر R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brat normalisations (N lines)</source>
        <translation>تطبيعات brat (أسطر N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brat equivalences (* lines)</source>
        <translation>تكافؤات brat (أسطر *)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown annotation kind {ident!r}</source>
        <translation>نوع توسيم غير معروف {ident!r}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{ident} has no text after its offsets</source>
        <translation>لا نص بعد مواضع {ident}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{ident}: offsets {offsets!r} are not &apos;start end&apos;</source>
        <translation>{ident}: المواضع {offsets!r} ليست على الصورة &apos;start end&apos;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{ident}: expected Type:Trigger</source>
        <translation>{ident}: المتوقَّع Type:Trigger</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{ident}: argument {field_text!r} is not Role:Id</source>
        <translation>{ident}: الوسيط {field_text!r} ليس على الصورة Role:Id</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{ident}: trigger {trigger} is not defined</source>
        <translation>{ident}: المُحفِّز {trigger} غير معرَّف</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{ident}: type {event_type} differs from its trigger&apos;s ({label})</source>
        <translation>{ident}: النوع {event_type} يخالف نوع مُحفِّزه ({label})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>events with a discontinuous trigger</source>
        <translation>أحداث محفِّزها غير متصل</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>event arguments on discontinuous spans</source>
        <translation>وسائط أحداث على مقاطع غير متصلة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{ident}: argument {role}:{target} is not defined</source>
        <translation>{ident}: الوسيط {role}:{target} غير معرَّف</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/conll.py" line="+49"/>
        <source>events (CoNLL holds entities only)</source>
        <translation>الأحداث (لا يحمل CoNLL إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stances (CoNLL holds entities only)</source>
        <translation>المواقف (لا يحمل CoNLL إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>token {value!r} has no tag</source>
        <translation>الكلمة {value!r} بلا وسم</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../core/io/formats/conllu.py" line="+264"/>
        <location filename="../../core/io/formats/tsv3/reader.py" line="+304"/>
        <source>holds no tokens</source>
        <translation>لا يحتوي أي كلمة</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/conllu.py" line="-174"/>
        <source>events (CoNLL-U holds entities only here)</source>
        <translation>الأحداث (لا يحمل CoNLL-U هنا إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stances (CoNLL-U holds entities only here)</source>
        <translation>المواقف (لا يحمل CoNLL-U هنا إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>expected 10 tab-separated columns, found {count}</source>
        <translation>المتوقَّع 10 أعمدة مفصولة بـTAB، والموجود {count}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>token {form!r} is empty or holds a space</source>
        <translation>الكلمة {form!r} فارغة أو فيها مسافة</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/hf.py" line="+168"/>
        <source>events (token classification holds entities only)</source>
        <translation>الأحداث (تصنيف الوحدات لا يحمل إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stances (token classification holds entities only)</source>
        <translation>المواقف (تصنيف الوحدات لا يحمل إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>nested entities (one tag per token in this format)</source>
        <translation>كيانات متداخلة (وسم واحد لكل وحدة في هذه الصيغة)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>has no features.ner_tags.feature.names</source>
        <translation>لا يحتوي features.ner_tags.feature.names</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a UTF-8 JSON file ({reason})</source>
        <translation>ليس ملف JSON بترميز UTF-8 ({reason})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a JSON list of label names</source>
        <translation>المتوقَّع قائمة JSON بأسماء الفئات</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>holds no .jsonl files</source>
        <translation>لا يحتوي أي ملف ‎.jsonl</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>holds no sentences</source>
        <translation>لا يحتوي أي جملة</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>tokens must be a list of non-empty texts</source>
        <translation>يجب أن تكون tokens قائمة نصوص غير فارغة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a token contains a space</source>
        <translation>في إحدى الكلمات مسافة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ner_tags must be a list as long as tokens</source>
        <translation>يجب أن تكون ner_tags قائمة بطول tokens</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ner_tags are ids but no label names were found (put them in {file} as a JSON list)</source>
        <translation>ner_tags معرِّفات ولم تُوجد أسماء الفئات (ضعها في {file} قائمةَ JSON)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>tag id {tag} is not in {name}</source>
        <translation>معرِّف الوسم {tag} ليس في {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ner_tags must hold ids or tag names</source>
        <translation>يجب أن تحوي ner_tags معرِّفات أو أسماء أوسام</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>spans must be a list</source>
        <translation>يجب أن تكون spans قائمة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a span must be an object with start, end, label</source>
        <translation>يجب أن يكون المقطع كائنًا فيه start وend وlabel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>span {start}-{end} is not a token range</source>
        <translation>المقطع {start}-{end} ليس مدى كلمات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>span label id {label} is not known</source>
        <translation>معرِّف فئة المقطع {label} غير معروف</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a span label must be a name or an id</source>
        <translation>يجب أن تكون فئة المقطع اسمًا أو معرِّفًا</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/tokenfile.py" line="+22"/>
        <source>is {value} MB; the limit is 512 MB</source>
        <translation>حجمه {value} ميغابايت؛ والحد 512 ميغابايت</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not UTF-8 and its encoding could not be detected; save it as UTF-8</source>
        <translation>ليس UTF-8 وتعذّر التعرّف على ترميزه؛ احفظه بترميز UTF-8</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not valid {encoding}</source>
        <translation>ليس {encoding} صالحًا</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: read as {encoding}</source>
        <translation>{file}: قُرئ بترميز {encoding}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{where}: {count} I- tag(s) with no entity open were read as starts</source>
        <translation>{where}: وسوم I- دون كيان مفتوح قُرئت بدايات: {count}</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/tsv3/reader.py" line="-228"/>
        <source>is not a WebAnno TSV 3 file (no #FORMAT=WebAnno TSV 3.x)</source>
        <translation>ليس ملف WebAnno TSV 3 (لا #FORMAT=WebAnno TSV 3.x)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown layer kind {kind_code}</source>
        <translation>نوع طبقة غير معروف {kind_code}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a slot feature without its target type</source>
        <translation>خاصية خانة بلا نوع هدفها</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>sentence starts at {begin}, before the text so far ends</source>
        <translation>تبدأ الجملة عند {begin}، قبل أن ينتهي النص السابق</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+137"/>
        <source>offsets {offsets} are not BEGIN-END</source>
        <translation>المواضع {offsets} ليست على صورة BEGIN-END</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>offsets {offsets} lie outside the sentence text</source>
        <translation>المواضع {offsets} خارج نص الجملة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{kind} annotations ({layer})</source>
        <translation>توسيمات من نوع {kind} ({layer})</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>holds no .tsv files</source>
        <translation>لا يحتوي أي ملف ‎.tsv</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>expected {expected} tab-separated fields, found {found}</source>
        <translation>كان المتوقَّع {expected} حقلًا تفصلها علامات جدولة، ووُجد {found}</translation>
    </message>
    <message>
        <location line="+46"/>
        <location filename="../../core/io/formats/xmi.py" line="+399"/>
        <source>zero-length annotations</source>
        <translation>توسيمات طولها صفر</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>event arguments that are not entities (slots pointing elsewhere)</source>
        <translation>وسائط أحداث ليست كيانات (خانات تشير إلى غيرها)</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/xlsx/reader.py" line="-134"/>
        <source>is not an Excel workbook (not a zip archive)</source>
        <translation>ليس مصنَّف Excel (ليس أرشيف zip)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>holds {count:,} parts; refused (limit {limit:,})</source>
        <translation>يحتوي {count:,} جزءًا؛ مرفوض (الحد {limit:,})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>would unpack to {number:.1f} GiB; refused (limit 1 GiB)</source>
        <translation>سيُفَكّ إلى {number:.1f} غيغابايت؛ مرفوض (الحد 1 غيغابايت)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>part {filename} is compressed {number:,} to 1; refused as a possible zip bomb</source>
        <translation>الجزء {filename} مضغوط بنسبة {number:,} إلى 1؛ مرفوض لاحتمال أن يكون قنبلة zip</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>reading Excel files needs defusedxml (safe XML parsing); install it</source>
        <translation>قراءة ملفات Excel تحتاج إلى defusedxml (تحليل XML آمن)؛ ثبِّته</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot be read as a workbook ({reason})</source>
        <translation>تتعذّر قراءته مصنَّفًا ({reason})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>has no sheet {name!r} (not a Tawsim workbook)</source>
        <translation>لا ورقة باسم {name!r} فيه (ليس مصنَّفًا من توسيم)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>sheet {name} row {number}: {message}</source>
        <translation>الورقة {name} الصف {number}: {message}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{field} is empty</source>
        <translation>الحقل {field} فارغ</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>document {document} of {owner} appears twice</source>
        <translation>الوثيقة {document} لـ {owner} مكرَّرة</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>document {document} of {owner} is not in sheet Documents</source>
        <translation>الوثيقة {document} لـ {owner} ليست في ورقة Documents</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>evidence {piece} is not start-end</source>
        <translation>الدليل {piece} ليس على صورة start-end</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/xmi.py" line="-281"/>
        <source>stances (the XMI export holds entities and events)</source>
        <translation>المواقف (تصدير XMI يحمل الكيانات والأحداث)</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/jsonl.py" line="-48"/>
        <source>{field} is missing</source>
        <translation>الحقل {field} مفقود</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../core/io/formats/xlsx/reader.py" line="-144"/>
        <source>{field} must be a whole number, not {value}</source>
        <translation>يجب أن يكون الحقل {field} عددًا صحيحًا، لا {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{field} must be {kind}</source>
        <translation>يجب أن يكون الحقل {field} {kind}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{field} must be an object</source>
        <translation>يجب أن يكون الحقل {field} كائنًا</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/xmi.py" line="+78"/>
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/jsonl.py" line="+5"/>
        <source>a string</source>
        <translation>سلسلةً نصية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>قائمةً</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>كائنًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>عددًا</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{field} must be an id (a number or text)</source>
        <translation>يجب أن يكون الحقل {field} معرِّفًا (عددًا أو نصًّا)</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>{field} must be &apos;document&apos; or &apos;attributed&apos;, not {value}</source>
        <translation>يجب أن يكون الحقل {field} &apos;document&apos; أو &apos;attributed&apos;، لا {value}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{field} must have either &apos;label&apos; or &apos;entity&apos;</source>
        <translation>يجب أن يحوي الحقل {field} إما &apos;label&apos; وإما &apos;entity&apos;</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/xmi.py" line="+1"/>
        <source>title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>labels</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>document {document} ({title}): its {field} holds U+{code:04X}, a character XML cannot carry, so it cannot be written as XMI</source>
        <translation>الوثيقة {document} ({title}): في {field} المحرف U+{code:04X}، وهو محرف لا يحمله XML، فلا يمكن كتابتها بصيغة XMI</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>is not a readable type system ({reason})</source>
        <translation>ليس نظام أنواع مقروءًا ({reason})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>holds no .xmi files</source>
        <translation>لا يحتوي أي ملف ‎.xmi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is not a UIMA CAS XMI file this type system reads ({reason})</source>
        <translation>ليس ملف UIMA CAS XMI يقرؤه نظام الأنواع هذا ({reason})</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>holds no text</source>
        <translation>لا يحتوي نصًّا</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>relations ({kind})</source>
        <translation>علاقات ({kind})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>event arguments that are not entities</source>
        <translation>وسائط أحداث ليست كيانات</translation>
    </message>
    <message>
        <location filename="../../core/io/handoff/package.py" line="-47"/>
        <source>Reading the project</source>
        <translation>قراءة المشروع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the package</source>
        <translation>كتابة الحزمة</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Moving the package into place</source>
        <translation>نقل الحزمة إلى موضعها</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/review/agreement/project.py" line="+18"/>
        <location filename="../../core/team/transfer.py" line="+5"/>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{path} is this project itself; choose another file for the package</source>
        <translation>الملف {path} هو هذا المشروع نفسه؛ اختر ملفًا آخر للحزمة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} already exists; choose another name (or overwrite it)</source>
        <translation>الملف {path} موجود من قبل؛ اختر اسمًا آخر (أو استبدله)</translation>
    </message>
    <message>
        <location filename="../../core/recommend/crf.py" line="+323"/>
        <source>sequence model: reading the examples</source>
        <translation>نموذج التسلسل: قراءة الأمثلة</translation>
    </message>
    <message>
        <location filename="../../core/recommend/gazetteer.py" line="+140"/>
        <source>gazetteer: reading forms</source>
        <translation>المعجم: قراءة الصيغ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>gazetteer: counting forms</source>
        <translation>المعجم: عدّ الصيغ</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/measure_tokens.py" line="+427"/>
        <location filename="../../core/review/agreement/project.py" line="-16"/>
        <source>Token kappa</source>
        <translation>كابا على مستوى الوحدات</translation>
    </message>
    <message>
        <location filename="../../core/review/agreement/study.py" line="+303"/>
        <source>Reading annotation sets</source>
        <translation>قراءة مجموعات التوسيم</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading entity spans</source>
        <translation>قراءة مقاطع الكيانات</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading events</source>
        <translation>قراءة الأحداث</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading stances</source>
        <translation>قراءة المواقف</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compared</source>
        <translation>اكتملت المقارنة</translation>
    </message>
    <message>
        <location filename="../../core/schema/transfer.py" line="+355"/>
        <source>Import schema</source>
        <translation>استيراد مخطط</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/iob.py" line="+159"/>
        <source>sentences touching excluded text</source>
        <translation>جمل تمسّ نصًّا مستبعدًا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entities in sentences left out with excluded text</source>
        <translation>كيانات في جمل أُسقطت مع النص المستبعد</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>entities covering no token (only spaces)</source>
        <translation>كيانات لا تغطي أي وحدة (مسافات فقط)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entities identical to another once rounded to whole tokens</source>
        <translation>كيانات تطابق غيرها بعد تقريبها إلى وحدات كاملة</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/spacy_docbin.py" line="+79"/>
        <source>events (the spaCy export holds entities only)</source>
        <translation>الأحداث (تصدير spaCy لا يحمل إلا الكيانات)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stances (the spaCy export holds entities only)</source>
        <translation>المواقف (تصدير spaCy لا يحمل إلا الكيانات)</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/tsv3/writer.py" line="+58"/>
        <source>stances (WebAnno TSV holds entities and events here)</source>
        <translation>المواقف (يحمل WebAnno TSV هنا الكيانات والأحداث)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>events (the schema has no event types)</source>
        <translation>الأحداث (لا أنواع أحداث في المخطط)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>annotations covering no token (only spaces)</source>
        <translation>توسيمات لا تغطي أي وحدة (مسافات فقط)</translation>
    </message>
    <message>
        <location filename="../../core/io/formats/xlsx/writer.py" line="+289"/>
        <source>{count} cell(s) were longer than Excel allows and were cut</source>
        <translation>خلايا أطول مما يسمح به Excel فقُصَّت: {count}</translation>
    </message>
    <message>
        <location filename="../../core/annotation/curator_secret.py" line="+97"/>
        <source>a curator passphrase needs at least {count} characters</source>
        <translation>تحتاج عبارة مرور المُنقِّح إلى {count} حرفًا على الأقل</translation>
    </message>
    <message>
        <location filename="../../core/io/handoff/received.py" line="+5"/>
        <source>cannot merge {path}: it cannot be read ({reason})</source>
        <translation>تعذّر دمج الملف {path}: لا تمكن قراءته ({reason})</translation>
    </message>
    <message>
        <location filename="../../core/project/doctor.py" line="-4"/>
        <source>{path} already exists; choose another name for the rescued copy</source>
        <translation>الملف {path} موجود من قبل؛ اختر اسمًا آخر للنسخة المُنقَذة</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>{path} is not a Tawsim project; it was not read further</source>
        <translation>الملف {path} ليس مشروع توسيم؛ لم تُتابَع قراءته</translation>
    </message>
    <message>
        <location filename="../../core/review/curation/reading.py" line="+91"/>
        <source>document {document} does not exist (it may have been removed)</source>
        <translation>الوثيقة {document} غير موجودة (ربما حُذفت)</translation>
    </message>
    <message>
        <location filename="../../core/review/curation/writing.py" line="+164"/>
        <source>no entity label is known for the span {start}–{end}</source>
        <translation>لا تُعرف فئة كيان للمقطع {start}–{end}</translation>
    </message>
</context>
<context>
    <name>AnnotateAllDialog</name>
    <message>
        <location filename="../../ui/dialogs/annotate_all.py" line="+28"/>
        <source>Annotate all occurrences as {label}</source>
        <translation>توسيم كل المواضع بالفئة {label}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Occurrences of «{text}» (spelling variants and clitics included) that are not yet annotated as {label}. Untick those that are not meant; the checked ones are added as one step (Undo removes them all).</source>
        <translation>مواضع «{text}» (مع اختلافات الإملاء واللواصق) التي لم تُوسم بعد بالفئة {label}. ألغِ تحديد ما لا تقصده؛ يُضاف المحدد في خطوة واحدة (والتراجع يزيلها كلها).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This document</source>
        <translation>هذه الوثيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All documents</source>
        <translation>كل الوثائق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look in:</source>
        <translation>البحث في:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occurrence</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check all</source>
        <translation>تحديد الكل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check none</source>
        <translation>إلغاء تحديد الكل</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Looking…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Document {id}</source>
        <translation>الوثيقة {id}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>offsets {offsets}</source>
        <translation>المواضع {offsets}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>«{clitic}» left out</source>
        <translation>تُركت «{clitic}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>overlaps {labels}</source>
        <translation>يتداخل مع {labels}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{occurrences} in {documents}</source>
        <translation>{occurrences} في {documents}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n occurrence(s) found</source>
        <translation>
            <numerusform>لم يُعثر على أي موضع</numerusform>
            <numerusform>عُثر على موضع واحد</numerusform>
            <numerusform>عُثر على موضعين</numerusform>
            <numerusform>عُثر على %n مواضع</numerusform>
            <numerusform>عُثر على %n موضعًا</numerusform>
            <numerusform>عُثر على %n موضع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتين</numerusform>
            <numerusform>%n وثائق</numerusform>
            <numerusform>%n وثيقةً</numerusform>
            <numerusform>%n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n already annotated</source>
        <translation>
            <numerusform>لا مواضع موسومة من قبل</numerusform>
            <numerusform>موضع واحد موسوم من قبل</numerusform>
            <numerusform>موضعان موسومان من قبل</numerusform>
            <numerusform>%n مواضع موسومة من قبل</numerusform>
            <numerusform>%n موضعًا موسومًا من قبل</numerusform>
            <numerusform>%n موضع موسوم من قبل</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{summary} (search cancelled: incomplete)</source>
        <translation>{summary} (أُلغي البحث: النتائج ناقصة)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Annotate %n</source>
        <translation>
            <numerusform>توسيم</numerusform>
            <numerusform>توسيم موضع واحد</numerusform>
            <numerusform>توسيم موضعين</numerusform>
            <numerusform>توسيم %n مواضع</numerusform>
            <numerusform>توسيم %n موضعًا</numerusform>
            <numerusform>توسيم %n موضع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <location filename="../../ui/window/annotating.py" line="+76"/>
        <source>No label uses the key {key}. F1 lists the keys.</source>
        <translation>لا فئة تستعمل المفتاح {key}. يعرض F1 المفاتيح.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select some text first.</source>
        <translation>حدِّد نصًّا أولًا.</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n event argument(s)</source>
        <translation>
            <numerusform>لا وسائط أحداث</numerusform>
            <numerusform>وسيط حدث واحد</numerusform>
            <numerusform>وسيطَي حدث</numerusform>
            <numerusform>%n وسائط أحداث</numerusform>
            <numerusform>%n وسيطًا لأحداث</numerusform>
            <numerusform>%n وسيط أحداث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stance(s) (as holder or target)</source>
        <translation>
            <numerusform>لا مواقف (صاحبًا أو هدفًا)</numerusform>
            <numerusform>موقف واحد (صاحبًا أو هدفًا)</numerusform>
            <numerusform>موقفين (صاحبًا أو هدفًا)</numerusform>
            <numerusform>%n مواقف (صاحبًا أو هدفًا)</numerusform>
            <numerusform>%n موقفًا (صاحبًا أو هدفًا)</numerusform>
            <numerusform>%n موقف (صاحبًا أو هدفًا)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete annotation</source>
        <translation>حذف التوسيم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The annotation «{text}» is used by {users}. Deleting it keeps them, flagged as having lost their entity span, until you choose another span or remove them.</source>
        <translation>التوسيم «{text}» مستعمل في {users}. حذفه يُبقيها مُعلَّمةً بأنها فقدت مقطع كيانها، حتى تختار مقطعًا آخر أو تزيلها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select an annotation first (click it, or Tab to it).</source>
        <translation>حدِّد توسيمًا أولًا (انقره، أو انتقل إليه بـTab).</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Looking through all documents…</source>
        <translation>جارٍ البحث في كل الوثائق…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Added %n annotation(s) (one undo step).</source>
        <translation>
            <numerusform>لم يُضف أي توسيم.</numerusform>
            <numerusform>أُضيف توسيم واحد (خطوة تراجع واحدة).</numerusform>
            <numerusform>أُضيف توسيمان (خطوة تراجع واحدة).</numerusform>
            <numerusform>أُضيفت %n توسيمات (خطوة تراجع واحدة).</numerusform>
            <numerusform>أُضيف %n توسيمًا (خطوة تراجع واحدة).</numerusform>
            <numerusform>أُضيف %n توسيم (خطوة تراجع واحدة).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Undo {step}</source>
        <translation>تراجع عن {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo {step} ({keys})</source>
        <translation>تراجع عن {step} ({keys})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo ({keys})</source>
        <translation>تراجع ({keys})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo {step}</source>
        <translation>إعادة {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo {step} ({keys})</source>
        <translation>إعادة {step} ({keys})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo ({keys})</source>
        <translation>إعادة ({keys})</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../ui/editor/view.py" line="+729"/>
        <source>left out before: «{text}»</source>
        <translation>متروك قبله: «{text}»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>left out after: «{text}»</source>
        <translation>متروك بعده: «{text}»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>offsets {offsets} · #{id}</source>
        <translation>المواضع {offsets} · ‎#{id}</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ui/panels/annotations.py" line="+33"/>
        <source>Label</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message numerus="yes">
        <location line="+166"/>
        <source>{count} annotation(s)</source>
        <translation>
            <numerusform>لا توسيمات</numerusform>
            <numerusform>توسيم واحد</numerusform>
            <numerusform>توسيمان</numerusform>
            <numerusform>{count} توسيمات</numerusform>
            <numerusform>{count} توسيمًا</numerusform>
            <numerusform>{count} توسيم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotatorDialog</name>
    <message>
        <location filename="../../ui/dialogs/annotator.py" line="+26"/>
        <source>Welcome to Tawsim</source>
        <translation>مرحبًا بك في توسيم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your annotations are kept under your name, apart from everyone else&apos;s: by default you see only your own work.
What name should your annotations carry?</source>
        <translation>تُحفظ توسيماتك باسمك، منفصلةً عن توسيمات غيرك: لا ترى افتراضيًّا إلا عملك.
ما الاسم الذي تحمله توسيماتك؟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotate as (an existing annotator, or a new name):</source>
        <translation>التوسيم باسم (مُوسِّم موجود، أو اسم جديد):</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="+89"/>
        <source>Tawsim</source>
        <translation>توسيم</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../ui/window/appearance.py" line="+53"/>
        <source>The interface is in {language}.</source>
        <translation>الواجهة باللغة {language}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The interface will be in {language} from Tawsim&apos;s next start.</source>
        <translation>ستكون الواجهة باللغة {language} من تشغيل توسيم القادم.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Text size {size} pt</source>
        <translation>حجم النص {size} نقطة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text font</source>
        <translation>خط النص</translation>
    </message>
</context>
<context>
    <name>Bindings</name>
    <message>
        <location filename="../../ui/bindings.py" line="-646"/>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Open a project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import documents…</source>
        <translation>استيراد وثائق…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switch annotator…</source>
        <translation>تبديل المُوسِّم…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the project</source>
        <translation>إغلاق المشروع</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exact selection: tag the characters selected, without snapping to words (or hold Alt while selecting)</source>
        <translation>تحديد دقيق: وسم الأحرف المحددة دون محاذاتها إلى الكلمات (أو اضغط Alt أثناء التحديد)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+6"/>
        <location line="+75"/>
        <source>Annotating</source>
        <translation>التوسيم</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Delete the selected annotation (in the event and stance panels: the selected event, argument, stance or evidence)</source>
        <translation>حذف التوسيم المحدد (في لوحتي الأحداث والمواقف: الحدث أو الوسيط أو الموقف أو الشاهد المحدد)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clear the selection (in a panel: stop choosing, back to the text)</source>
        <translation>إلغاء التحديد (في لوحة: إيقاف الاختيار والعودة إلى النص)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move the start (right edge) of the selection or selected annotation one character to the right: grows it</source>
        <translation>نقل بداية التحديد أو التوسيم المحدد (الحافة اليمنى) حرفًا إلى اليمين: توسيعه</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move the start (right edge) one character to the left: shrinks it</source>
        <translation>نقل البداية (الحافة اليمنى) حرفًا إلى اليسار: تقليصه</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move the end (left edge) one character to the left: grows it (the key left of the next one)</source>
        <translation>نقل النهاية (الحافة اليسرى) حرفًا إلى اليسار: توسيعه (المفتاح الذي يسار التالي)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move the end (left edge) one character to the right: shrinks it</source>
        <translation>نقل النهاية (الحافة اليسرى) حرفًا إلى اليمين: تقليصه</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select the next annotation</source>
        <translation>تحديد التوسيم التالي</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the previous annotation</source>
        <translation>تحديد التوسيم السابق</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotate all occurrences of the selected annotation&apos;s text…</source>
        <translation>توسيم كل مواضع نص التوسيم المحدد…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undo the last change</source>
        <translation>التراجع عن آخر تغيير</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to the event panel: the selected event&apos;s roles (event type keys mark the selected text as a trigger)</source>
        <translation>الانتقال إلى لوحة الأحداث: أدوار الحدث المحدد (مفاتيح أنواع الأحداث تجعل النص المحدد مُحفِّزًا)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <location line="+7"/>
        <location line="+10"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+6"/>
        <location line="+9"/>
        <source>Events and stances</source>
        <translation>الأحداث والمواقف</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Event panel, on a role: show the next entity annotation it accepts, nearest the trigger first</source>
        <translation>لوحة الأحداث، على دور: عرض توسيم الكيان التالي الذي يقبله، الأقرب إلى المُحفِّز أولًا</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Event panel, on a role: show the previous candidate</source>
        <translation>لوحة الأحداث، على دور: عرض المُرشَّح السابق</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event panel: fill the role with the candidate shown (on an argument: reassign it)</source>
        <translation>لوحة الأحداث: شغل الدور بالمُرشَّح المعروض (على وسيط: إعادة إسناده)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Go to the stance panel</source>
        <translation>الانتقال إلى لوحة المواقف</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New attributed stance held by the selected entity annotation (or click its holder)</source>
        <translation>موقف منسوب جديد يتبناه توسيم الكيان المحدد (أو انقر صاحبه)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add the selected text as evidence of the selected stance</source>
        <translation>إضافة النص المحدد شاهدًا على الموقف المحدد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exclude the selected text from your annotation (boilerplate, another article)</source>
        <translation>استبعاد النص المحدد من توسيمك (نص متكرر، أو مقال آخر)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept the suggestion under the cursor: it becomes your annotation</source>
        <translation>قبول الاقتراح الذي تحت المؤشر: يصير توسيمًا لك</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Reject the suggestion under the cursor: it is not suggested to you again</source>
        <translation>رفض الاقتراح الذي تحت المؤشر: لا يُقترح عليك مرة أخرى</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accept every suggestion of this label in the document (one undo step)</source>
        <translation>قبول كل اقتراحات هذه الفئة في الوثيقة (خطوة تراجع واحدة)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go to the next suggestion</source>
        <translation>الانتقال إلى الاقتراح التالي</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to the previous suggestion</source>
        <translation>الانتقال إلى الاقتراح السابق</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark the document finished and go to the next unfinished one</source>
        <translation>تعليم الوثيقة منتهيةً والانتقال إلى التالية غير المنتهية</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Mark the document in progress again</source>
        <translation>إعادة تعليم الوثيقة قيد العمل</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter the document list</source>
        <translation>تصفية قائمة الوثائق</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find in the document (Arabic folding)</source>
        <translation>البحث في الوثيقة (مع توحيد الحروف العربية)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Next match</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous match</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search all documents</source>
        <translation>البحث في كل الوثائق</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>View</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default text size</source>
        <translation>حجم النص الافتراضي</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload from the project file</source>
        <translation>إعادة التحميل من ملف المشروع</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This list of shortcuts</source>
        <translation>قائمة الاختصارات هذه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>المساعدة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agreement dashboard: figures, heatmap, disagreements (curators)</source>
        <translation>لوحة الاتفاق: الأرقام والخريطة الحرارية والخلافات (للمُنقِّحين)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+11"/>
        <location line="+11"/>
        <location line="+11"/>
        <source>Curation</source>
        <translation>التنقيح</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Curate the gold standard: annotators&apos; versions side by side (curators)</source>
        <translation>تنقيح المعيار الذهبي: نسخ المُوسِّمين جنبًا إلى جنب (للمُنقِّحين)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next undecided candidate (in the candidate list)</source>
        <translation>المُرشَّح التالي غير المحسوم (في قائمة المُرشَّحات)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Previous undecided candidate (in the candidate list)</source>
        <translation>المُرشَّح السابق غير المحسوم (في قائمة المُرشَّحات)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept the candidate into the gold standard; an event comes with its arguments (in the candidate list)</source>
        <translation>قبول المُرشَّح في المعيار الذهبي؛ والحدث يُقبل مع وسائطه (في قائمة المُرشَّحات)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reject the candidate, taking it out of the gold standard if it is there; Delete does the same (in the candidate list)</source>
        <translation>رفض المُرشَّح وإخراجه من المعيار الذهبي إن كان فيه؛ ويفعل Delete الشيء نفسه (في قائمة المُرشَّحات)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit: go to the candidate in the gold pane, where label keys, Delete and Shift+Alt+arrows work (in the candidate list)</source>
        <translation>تعديل: الانتقال إلى المُرشَّح في لوحة المعيار الذهبي، حيث تعمل مفاتيح الفئات وDelete وShift+Alt مع الأسهم (في قائمة المُرشَّحات)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>{start} (start), {end} (end)</source>
        <translation>{start} (البداية)، {end} (النهاية)</translation>
    </message>
</context>
<context>
    <name>CandidateList</name>
    <message>
        <location filename="../../ui/curation/candidates.py" line="+42"/>
        <source>agreed</source>
        <translation>متفق عليه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disputed</source>
        <translation>مختلف فيه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate</source>
        <translation>المُرشَّح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed by</source>
        <translation>اقترحه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disagreement</source>
        <translation>الخلاف</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+157"/>
        <location line="+12"/>
        <source>stance {polarity} → {target}</source>
        <translation>موقف {polarity} ← {target}</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>evidence</source>
        <translation>شاهد</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>(the author, whole document)</source>
        <translation>(الكاتب، الوثيقة كلها)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>gold only</source>
        <translation>المعيار الذهبي وحده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all: {annotators}</source>
        <translation>الجميع: {annotators}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>another argument</source>
        <translation>وسيط آخر</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not marked by {annotators}</source>
        <translation>لم يعلِّمه {annotators}</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../ui/curation/compare.py" line="+277"/>
        <source>Side by side — Tawsim</source>
        <translation>جنبًا إلى جنب — توسيم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Curate this document…</source>
        <translation>تنقيح هذه الوثيقة…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the curation view on this document at this place: accept or reject each annotator&apos;s version into the gold standard</source>
        <translation>فتح عرض التنقيح على هذه الوثيقة في هذا الموضع: قبول نسخة كل مُوسِّم في المعيار الذهبي أو رفضها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>characters {offsets} «{text}»</source>
        <translation>الأحرف {offsets} «{text}»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the whole document</source>
        <translation>الوثيقة كلها</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>#{id} — {versions} — Tawsim</source>
        <translation>‎#{id} — {versions} — توسيم</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Only curators can compare annotators&apos; work side by side (Review &gt; Annotators and roles).</source>
        <translation>لا يقارن عمل المُوسِّمين جنبًا إلى جنب إلا المُنقِّحون (مراجعة &gt; المُوسِّمون والأدوار).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name at least one annotator to compare.</source>
        <translation>سمِّ مُوسِّمًا واحدًا على الأقل للمقارنة.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no annotations</source>
        <translation>لا توسيمات</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/team/connect.py" line="+28"/>
        <source>Connect to team project</source>
        <translation>الاتصال بمشروع فريق</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remember the password in the system keyring</source>
        <translation>تذكُّر كلمة المرور في حافظة مفاتيح النظام</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No system keyring here: the password is asked for each time</source>
        <translation>لا حافظة مفاتيح في هذا النظام: تُطلب كلمة المرور في كل مرة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server:</source>
        <translation>الخادم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>المنفذ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>قاعدة البيانات:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>المستخدم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
</context>
<context>
    <name>CorpusSearchPanel</name>
    <message>
        <location filename="../../ui/panels/corpus_search.py" line="+51"/>
        <source>Search all documents (Arabic folding), Enter</source>
        <translation>البحث في كل الوثائق (مع توحيد الحروف العربية)، Enter</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Preparing the search index…</source>
        <translation>جارٍ تجهيز فهرس البحث…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preparing the search index… the search runs when it is ready.</source>
        <translation>جارٍ تجهيز فهرس البحث… يبدأ البحث حين يجهز.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{hits} in {documents}</source>
        <translation>{hits} في {documents}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{count} hit(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>{count} نتائج</numerusform>
            <numerusform>{count} نتيجةً</numerusform>
            <numerusform>{count} نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{count} document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتين</numerusform>
            <numerusform>{count} وثائق</numerusform>
            <numerusform>{count} وثيقةً</numerusform>
            <numerusform>{count} وثيقة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{status} (first hits only)</source>
        <translation>{status} (النتائج الأولى فقط)</translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <location filename="../../ui/curation/candidates.py" line="-292"/>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Auto-merge ({strategy}) took {candidates}</source>
        <translation>أخذ الدمج التلقائي ({strategy}): {candidates}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto-merge ({strategy}) found nothing to take</source>
        <translation>لم يجد الدمج التلقائي ({strategy}) ما يأخذه</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Accepted {candidates}</source>
        <translation>قُبل: {candidates}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>brought along the entity annotations it needs: {spans}</source>
        <translation>وجُلبت معه توسيمات الكيانات التي يحتاجها: {spans}</translation>
    </message>
    <message>
        <location filename="../../ui/curation/view.py" line="+856"/>
        <source>There are no documents to curate.</source>
        <translation>لا وثائق للتنقيح.</translation>
    </message>
</context>
<context>
    <name>CurationWindow</name>
    <message>
        <location line="-780"/>
        <source>Curation — Tawsim</source>
        <translation>التنقيح — توسيم</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The document to curate (• : needs curation)</source>
        <translation>الوثيقة المراد تنقيحها (• : تحتاج إلى تنقيح)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include sets in progress</source>
        <translation>تضمين المجموعات قيد العمل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare annotators&apos; sets that are not finished yet too (by default only finished sets are curated)</source>
        <translation>مقارنة مجموعات المُوسِّمين غير المنتهية أيضًا (لا تُنقَّح افتراضيًّا إلا المجموعات المنتهية)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unanimous</source>
        <translation>بالإجماع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least k of n</source>
        <translation>k من n على الأقل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auto-merge takes what all annotators agree on (unanimous), or what at least k of them do; ties between alternatives are left for you</source>
        <translation>يأخذ الدمج التلقائي ما يتفق عليه كل المُوسِّمين (بالإجماع)، أو ما يتفق عليه k منهم على الأقل؛ وتُترك لك حالات التعادل بين البدائل</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Auto-merge</source>
        <translation>دمج تلقائي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the candidates the strategy accepts into gold</source>
        <translation>نسخ المُرشَّحات التي تقبلها الطريقة إلى المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Went round: back to the first undecided candidate.</source>
        <translation>اكتملت الدورة: عودة إلى أول مُرشَّح غير محسوم.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Went round: back to the last undecided candidate.</source>
        <translation>اكتملت الدورة: عودة إلى آخر مُرشَّح غير محسوم.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show decided</source>
        <translation>عرض المحسوم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show accepted and rejected candidates too</source>
        <translation>عرض المُرشَّحات المقبولة والمرفوضة أيضًا</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit in gold</source>
        <translation>تعديل في المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curated, next document</source>
        <translation>نُقِّحت، الوثيقة التالية</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Mark the gold standard of this document curated and go to the next document needing curation ({keys})</source>
        <translation>تعليم المعيار الذهبي لهذه الوثيقة مُنقَّحًا والانتقال إلى الوثيقة التالية التي تحتاج إلى تنقيح ({keys})</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>curated</source>
        <translation>مُنقَّح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>nobody yet</source>
        <translation>لا أحد بعد</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Comparing %n annotation set(s): {annotators}.</source>
        <translation>
            <numerusform>لا مجموعات توسيم للمقارنة: {annotators}.</numerusform>
            <numerusform>المقارنة في مجموعة توسيم واحدة: {annotators}.</numerusform>
            <numerusform>المقارنة بين مجموعتَي توسيم: {annotators}.</numerusform>
            <numerusform>المقارنة بين %n مجموعات توسيم: {annotators}.</numerusform>
            <numerusform>المقارنة بين %n مجموعةَ توسيم: {annotators}.</numerusform>
            <numerusform>المقارنة بين %n مجموعة توسيم: {annotators}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not compared: {annotators}.</source>
        <translation>لم تُقارن: {annotators}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left out: {what}.</source>
        <translation>تُرك: {what}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gold: &lt;b&gt;curated&lt;/b&gt;</source>
        <translation>المعيار الذهبي: &lt;b&gt;مُنقَّح&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gold: {state}</source>
        <translation>المعيار الذهبي: {state}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen gold</source>
        <translation>إعادة فتح المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark curated</source>
        <translation>تعليم كمُنقَّح</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Curation — #{id} {title} — Tawsim</source>
        <translation>التنقيح — ‎#{id} {title} — توسيم</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>gold only</source>
        <translation>المعيار الذهبي وحده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{candidate}&lt;/b&gt; — {status}; proposed by {annotators}</source>
        <translation>&lt;b&gt;{candidate}&lt;/b&gt; — {status}؛ اقترحه {annotators}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n argument(s); accepting the event takes the undecided ones that no alternative ties with</source>
        <translation>
            <numerusform>لا وسائط</numerusform>
            <numerusform>وسيط واحد؛ وقبول الحدث يأخذه إن لم يكن محسومًا ولم يعادله بديل</numerusform>
            <numerusform>وسيطان؛ وقبول الحدث يأخذ غير المحسوم منهما الذي لا يعادله بديل</numerusform>
            <numerusform>%n وسائط؛ وقبول الحدث يأخذ غير المحسوم منها الذي لا يعادله بديل</numerusform>
            <numerusform>%n وسيطًا؛ وقبول الحدث يأخذ غير المحسوم منها الذي لا يعادله بديل</numerusform>
            <numerusform>%n وسيط؛ وقبول الحدث يأخذ غير المحسوم منها الذي لا يعادله بديل</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>accepting it brings its event (and its entity annotation) into gold if needed</source>
        <translation>قبوله يجلب حدثه (وتوسيم كيانه) إلى المعيار الذهبي عند الحاجة</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a candidate in the list first.</source>
        <translation>اختر مُرشَّحًا من القائمة أولًا.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Rejected {candidate} and took it out of the gold standard.</source>
        <translation>رُفض {candidate} وأُخرج من المعيار الذهبي.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected {candidate}.</source>
        <translation>رُفض {candidate}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every candidate is decided. {keys} marks the gold standard curated and opens the next document.</source>
        <translation>حُسمت كل المُرشَّحات. يُعلِّم {keys} المعيار الذهبي مُنقَّحًا ويفتح الوثيقة التالية.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Gold pane: a label key tags or relabels, Delete removes, {keys} move the edges. Events and stances are decided in the candidate list.</source>
        <translation>لوحة المعيار الذهبي: مفتاح الفئة يَسِم أو يعيد الوسم، وDelete يحذف، و{keys} تنقل الحواف. وتُحسم الأحداث والمواقف في قائمة المُرشَّحات.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Curated. No other document is waiting for curation.</source>
        <translation>نُقِّحت. لا وثيقة أخرى تنتظر التنقيح.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Curated #{document}; now #{next}.</source>
        <translation>نُقِّحت ‎#{document}؛ والآن ‎#{next}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This is the version of {annotator}, read-only. Tag text in the gold pane, or accept the candidate in the list.</source>
        <translation>هذه نسخة {annotator}، للقراءة فقط. سِم النص في لوحة المعيار الذهبي، أو اقبل المُرشَّح في القائمة.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No entity label uses the key {key}. Events and stances go into gold from the candidate list.</source>
        <translation>لا فئة كيان تستعمل المفتاح {key}. وتدخل الأحداث والمواقف المعيار الذهبي من قائمة المُرشَّحات.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>That is an event trigger: decide events in the candidate list.</source>
        <translation>هذا مُحفِّز حدث: احسم الأحداث في قائمة المُرشَّحات.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select some text in the gold pane first.</source>
        <translation>حدِّد نصًّا في لوحة المعيار الذهبي أولًا.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>That is an event trigger: reject the event in the candidate list.</source>
        <translation>هذا مُحفِّز حدث: ارفض الحدث في قائمة المُرشَّحات.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Undo {step} ({keys})</source>
        <translation>تراجع عن {step} ({keys})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to undo</source>
        <translation>لا شيء للتراجع عنه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo {step} ({keys})</source>
        <translation>إعادة {step} ({keys})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to redo</source>
        <translation>لا شيء لإعادته</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The curation view closed: only curators curate.</source>
        <translation>أُغلق عرض التنقيح: لا يُنقِّح إلا المُنقِّحون.</translation>
    </message>
</context>
<context>
    <name>Curators</name>
    <message>
        <location filename="../../ui/curators.py" line="+17"/>
        <source>curate the gold standard</source>
        <translation>تنقيح المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a project first.</source>
        <translation>افتح مشروعًا أولًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only curators can {doing}. A curator can change roles in Review &gt; Annotators and roles.</source>
        <translation>لا يستطيع {doing} إلا المُنقِّحون. يستطيع المُنقِّح تغيير الأدوار من «مراجعة &gt; المُوسِّمون والأدوار».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only curators can {doing}; {name} is an annotator. A curator can change roles in Review &gt; Annotators and roles.</source>
        <translation>لا يستطيع {doing} إلا المُنقِّحون؛ و{name} مُوسِّم. يستطيع المُنقِّح تغيير الأدوار من «مراجعة &gt; المُوسِّمون والأدوار».</translation>
    </message>
    <message>
        <location filename="../../ui/review/__init__.py" line="+22"/>
        <source>review agreement (the dashboard shows every annotator&apos;s work)</source>
        <translation>مراجعة الاتفاق (تعرض اللوحة عمل كل المُوسِّمين)</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location filename="../../ui/review/table_models.py" line="+119"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document · offsets</source>
        <translation>الوثيقة · المواضع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators</source>
        <translation>المُوسِّمان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First</source>
        <translation>الأولى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second</source>
        <translation>الثانية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>nothing there</source>
        <translation>لا شيء هناك</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../ui/panels/documents.py" line="+66"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>Document {id}</source>
        <translation>الوثيقة {id}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} character(s)</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>{count} أحرف</numerusform>
            <numerusform>{count} حرفًا</numerusform>
            <numerusform>{count} حرف</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{problems} — the event and stance panels list them</source>
        <translation>{problems} — تعرضها لوحتا الأحداث والمواقف</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../ui/review/table_models.py" line="-98"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compared</source>
        <translation>المقارَنة</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../ui/panels/documents.py" line="-250"/>
        <source>All documents</source>
        <translation>كل الوثائق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfinished</source>
        <translation>غير المنتهية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>الجديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>المنتهية</translation>
    </message>
    <message>
        <location line="+278"/>
        <source>Filter titles (Arabic folding) or #id</source>
        <translation>تصفية العناوين (مع توحيد الحروف العربية) أو ‎#رقم</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Also documents free to pick</source>
        <translation>والوثائق المتاحة للاختيار أيضًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your list shows the documents assigned to you; these are assigned to nobody</source>
        <translation>تعرض قائمتك الوثائق المسندة إليك؛ وهذه غير مسندة إلى أحد</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>{count} document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتان</numerusform>
            <numerusform>{count} وثائق</numerusform>
            <numerusform>{count} وثيقةً</numerusform>
            <numerusform>{count} وثيقة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{documents} (filtered)</source>
        <translation>{documents} (بعد التصفية)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{documents} assigned to you</source>
        <translation>{documents} مسندة إليك</translation>
    </message>
</context>
<context>
    <name>EventMarks</name>
    <message>
        <location filename="../../ui/panels/event_marks.py" line="+165"/>
        <source>trigger «{text}» {offsets}</source>
        <translation>المُحفِّز «{text}» {offsets}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(event)</source>
        <translation>(حدث)</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../ui/panels/events.py" line="+141"/>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trigger</source>
        <translation>المُحفِّز</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arguments</source>
        <translation>الوسائط</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Change the event type (arguments keep roles of the same name)</source>
        <translation>تغيير نوع الحدث (تحتفظ الوسائط بالأدوار ذات الأسماء نفسها)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the event with its arguments (the entities stay)</source>
        <translation>حذف الحدث مع وسائطه (تبقى الكيانات)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Argument</source>
        <translation>الوسيط</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+455"/>
        <source>Pick</source>
        <translation>انتقاء</translation>
    </message>
    <message>
        <location line="-452"/>
        <source>Fill the role: click an entity annotation in the text</source>
        <translation>شغل الدور: انقر توسيم كيان في النص</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the next entity annotation the role accepts ({next}); {fill} fills it</source>
        <translation>عرض توسيم الكيان التالي الذي يقبله الدور ({next})؛ و{fill} يشغله به</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fill</source>
        <translation>ملء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the role with the candidate shown</source>
        <translation>شغل الدور بالمُرشَّح المعروض</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected argument (the entity stays)</source>
        <translation>إزالة الوسيط المحدد (يبقى الكيان)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note on this event</source>
        <translation>ملاحظة على هذا الحدث</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Select the trigger text first (the word that says what happened: «أقال», «استحواذ», «ضخ»), then press the event type&apos;s key.</source>
        <translation>حدِّد نص المُحفِّز أولًا (الكلمة التي تقول ما حدث: «أقال»، «استحواذ»، «ضخ»)، ثم اضغط مفتاح نوع الحدث.</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>لا أحداث</numerusform>
            <numerusform>حدث واحد</numerusform>
            <numerusform>حدثان</numerusform>
            <numerusform>%n أحداث</numerusform>
            <numerusform>%n حدثًا</numerusform>
            <numerusform>%n حدث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>لا أخطاء</numerusform>
            <numerusform>خطأ واحد</numerusform>
            <numerusform>خطآن</numerusform>
            <numerusform>%n أخطاء</numerusform>
            <numerusform>%n خطأً</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>لا تنبيهات</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No document open.</source>
        <translation>لا وثيقة مفتوحة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{events} — select a trigger word and press an event type&apos;s key</source>
        <translation>{events} — حدِّد كلمة مُحفِّزة واضغط مفتاح نوع حدث</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>(deleted) {label} {offsets}</source>
        <translation>(محذوف) {label} {offsets}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(an entity of another set)</source>
        <translation>(كيان من مجموعة أخرى)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter or click: show it</source>
        <translation>Enter أو النقر: عرضه</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other roles</source>
        <translation>أدوار أخرى</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>after a type change: reassign or remove</source>
        <translation>بعد تغيير النوع: أعد الإسناد أو أزل</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+391"/>
        <source>any entity</source>
        <translation>أي كيان</translation>
    </message>
    <message>
        <location line="-389"/>
        <location line="+394"/>
        <source>several</source>
        <translation>متعدد</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>Picking…</source>
        <translation>جارٍ الاختيار…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a role, then Space for the nearest entity it accepts (Enter fills it), or Pick and click an entity in the text.</source>
        <translation>اختر دورًا، ثم المسافة لأقرب كيان يقبله (وEnter يشغله به)، أو «انتقاء» وانقر كيانًا في النص.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select an event, or mark a trigger: select its word and press the event type&apos;s key.</source>
        <translation>حدِّد حدثًا، أو علِّم مُحفِّزًا: حدِّد كلمته واضغط مفتاح نوع الحدث.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Space: nearest entity that fits, Enter: reassign this argument · Pick: click it in the text</source>
        <translation>المسافة: أقرب كيان مناسب، Enter: إعادة إسناد هذا الوسيط · «انتقاء»: انقره في النص</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Space: nearest entity that fits, Enter: fill the role · Pick: click it in the text</source>
        <translation>المسافة: أقرب كيان مناسب، Enter: شغل الدور · «انتقاء»: انقره في النص</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n character(s) away</source>
        <translation>
            <numerusform>ملاصق</numerusform>
            <numerusform>على بعد حرف واحد</numerusform>
            <numerusform>على بعد حرفين</numerusform>
            <numerusform>على بعد %n أحرف</numerusform>
            <numerusform>على بعد %n حرفًا</numerusform>
            <numerusform>على بعد %n حرف</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>touching the trigger</source>
        <translation>ملاصق للمُحفِّز</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Candidate {number} of {count}: «{text}» {label}, {away} — Enter to use it, Space for the next</source>
        <translation>المُرشَّح {number} من {count}: «{text}» {label}، {away} — Enter لاستعماله، والمسافة للتالي</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No entity annotation here fits {role} (it accepts {labels}); annotate one first.</source>
        <translation>لا توسيم كيان هنا يناسب الدور {role} (يقبل {labels})؛ سِم واحدًا أولًا.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Click the entity annotation for {role} of {type} (it accepts {labels})</source>
        <translation>انقر توسيم الكيان للدور {role} في {type} (يقبل {labels})</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n argument(s) found no role of the same name in {type}: they are kept under “Other roles”, flagged; reassign or remove them.</source>
        <translation>
            <numerusform>لم يفقد أي وسيط دوره في {type}.</numerusform>
            <numerusform>لم يجد وسيط واحد دورًا بالاسم نفسه في {type}: بقي تحت «أدوار أخرى» مُعلَّمًا؛ أعد إسناده أو أزله.</numerusform>
            <numerusform>لم يجد وسيطان دورًا بالاسم نفسه في {type}: بقيا تحت «أدوار أخرى» مُعلَّمَين؛ أعد إسنادهما أو أزلهما.</numerusform>
            <numerusform>لم تجد %n وسائط دورًا بالاسم نفسه في {type}: بقيت تحت «أدوار أخرى» مُعلَّمةً؛ أعد إسنادها أو أزلها.</numerusform>
            <numerusform>لم يجد %n وسيطًا دورًا بالاسم نفسه في {type}: بقيت تحت «أدوار أخرى» مُعلَّمةً؛ أعد إسنادها أو أزلها.</numerusform>
            <numerusform>لم يجد %n وسيط دورًا بالاسم نفسه في {type}: بقيت تحت «أدوار أخرى» مُعلَّمةً؛ أعد إسنادها أو أزلها.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Pick in text…</source>
        <translation>اختيار من النص…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next candidate</source>
        <translation>المُرشَّح التالي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in text</source>
        <translation>العرض في النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to role</source>
        <translation>النقل إلى دور</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove argument</source>
        <translation>إزالة الوسيط</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{name} (key {key})</source>
        <translation>{name} (المفتاح {key})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No guideline.</source>
        <translation>لا إرشادات.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles: {roles}</source>
        <translation>الأدوار: {roles}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>اختياري</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one</source>
        <translation>واحد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role}
accepts {labels}; {flags}</source>
        <translation>{role}
يقبل {labels}؛ {flags}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark selection as &amp;event</source>
        <translation>تعليم التحديد حدثًا</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Go to the &amp;event panel</source>
        <translation>الانتقال إلى لوحة الأحداث</translation>
    </message>
</context>
<context>
    <name>ExcludedPanel</name>
    <message>
        <location filename="../../ui/panels/excluded.py" line="+55"/>
        <source>For</source>
        <translation>لمن</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Characters</source>
        <translation>الأحرف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reason (optional): related articles, comments…</source>
        <translation>السبب (اختياري): مقالات ذات صلة، تعليقات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exclude</source>
        <translation>استبعاد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exclude the selected text from your annotation ({keys})</source>
        <translation>استبعاد النص المحدد من توسيمك ({keys})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For everyone</source>
        <translation>للجميع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exclude the selected text for every annotator (curators)</source>
        <translation>استبعاد النص المحدد لكل المُوسِّمين (للمُنقِّحين)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include</source>
        <translation>إعادة إدراج</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include the selected region again</source>
        <translation>إعادة إدراج المنطقة المحددة</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>me</source>
        <translation>أنا</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nothing excluded. Select boilerplate (related articles, comments, a second article) and press {keys}.</source>
        <translation>لا شيء مستبعد. حدِّد النص المتكرر (مقالات ذات صلة، تعليقات، مقال ثانٍ) واضغط {keys}.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n annotation(s) made before lie in excluded text: kept, flagged, and left out of agreement and export.</source>
        <translation>
            <numerusform>لا توسيمات سابقة في النص المستبعد.</numerusform>
            <numerusform>توسيم واحد سابق يقع في نص مستبعد: باقٍ ومُعلَّم، ومتروك خارج الاتفاق والتصدير.</numerusform>
            <numerusform>توسيمان سابقان يقعان في نص مستبعد: باقيان ومُعلَّمان، ومتروكان خارج الاتفاق والتصدير.</numerusform>
            <numerusform>%n توسيمات سابقة تقع في نص مستبعد: باقية ومُعلَّمة، ومتروكة خارج الاتفاق والتصدير.</numerusform>
            <numerusform>%n توسيمًا سابقًا تقع في نص مستبعد: باقية ومُعلَّمة، ومتروكة خارج الاتفاق والتصدير.</numerusform>
            <numerusform>%n توسيم سابق تقع في نص مستبعد: باقية ومُعلَّمة، ومتروكة خارج الاتفاق والتصدير.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Excluded text is greyed and cannot be annotated.</source>
        <translation>النص المستبعد رمادي ولا يمكن توسيمه.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exclude the selected text for every annotator</source>
        <translation>استبعاد النص المحدد لكل المُوسِّمين</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a curator (the lead) can exclude text for everyone</source>
        <translation>لا يستبعد النص للجميع إلا المُنقِّح (المشرف)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select the text to exclude first.</source>
        <translation>حدِّد النص المراد استبعاده أولًا.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Only a curator (the lead) can exclude text for everyone; you can exclude it from your own annotation ({keys}). Review &gt; Annotators and roles shows who the curators are.</source>
        <translation>لا يستبعد النص للجميع إلا المُنقِّح (المشرف)؛ ويمكنك استبعاده من توسيمك أنت ({keys}). وتعرض «مراجعة &gt; المُوسِّمون والأدوار» من هم المُنقِّحون.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>characters {offsets}</source>
        <translation>الأحرف {offsets}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excluded {where} from everyone&apos;s annotation.</source>
        <translation>استُبعدت {where} من توسيم الجميع.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excluded {where} from your annotation.</source>
        <translation>استُبعدت {where} من توسيمك.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n entity annotation(s)</source>
        <translation>
            <numerusform>لا توسيمات كيانات</numerusform>
            <numerusform>توسيم كيان واحد</numerusform>
            <numerusform>توسيما كيانين</numerusform>
            <numerusform>%n توسيمات كيانات</numerusform>
            <numerusform>%n توسيمًا لكيانات</numerusform>
            <numerusform>%n توسيم كيانات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event trigger(s)</source>
        <translation>
            <numerusform>لا مُحفِّزات أحداث</numerusform>
            <numerusform>مُحفِّز حدث واحد</numerusform>
            <numerusform>مُحفِّزا حدثين</numerusform>
            <numerusform>%n مُحفِّزات أحداث</numerusform>
            <numerusform>%n مُحفِّزًا لأحداث</numerusform>
            <numerusform>%n مُحفِّز أحداث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stance evidence span(s)</source>
        <translation>
            <numerusform>لا شواهد مواقف</numerusform>
            <numerusform>شاهد موقف واحد</numerusform>
            <numerusform>شاهدا موقف</numerusform>
            <numerusform>%n شواهد مواقف</numerusform>
            <numerusform>%n شاهدًا لمواقف</numerusform>
            <numerusform>%n شاهد مواقف</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{done} Annotations already there are kept, flagged, and left out of agreement and export — {annotations}. Delete them if they were boilerplate.</source>
        <translation>{done} التوسيمات الموجودة هناك تبقى مُعلَّمةً، وتُترك خارج الاتفاق والتصدير — {annotations}. احذفها إن كانت على نص متكرر.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yours</source>
        <translation>توسيماتك</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The lead excluded this text for everyone; only a curator can include it.</source>
        <translation>استبعد المشرف هذا النص للجميع؛ لا يعيد إدراجه إلا مُنقِّح.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No excluded text there.</source>
        <translation>لا نص مستبعدًا هناك.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;Excluded&lt;/b&gt; for everyone (by the lead)</source>
        <translation>&lt;b&gt;مستبعد&lt;/b&gt; للجميع (من المشرف)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Excluded&lt;/b&gt; from your annotation</source>
        <translation>&lt;b&gt;مستبعد&lt;/b&gt; من توسيمك</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>characters {offsets}; not annotated, left out of agreement and export</source>
        <translation>الأحرف {offsets}؛ لا يُوسَم، ويُترك خارج الاتفاق والتصدير</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excluded text</source>
        <translation>النص المستبعد</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>E&amp;xclude selection from my annotation</source>
        <translation>استبعاد التحديد من توسيمي</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exclude selection for &amp;everyone</source>
        <translation>استبعاد التحديد للجميع</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Include selection again</source>
        <translation>إعادة إدراج التحديد</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export.py" line="+53"/>
        <source>Export annotations</source>
        <translation>تصدير التوسيمات</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One annotator:</source>
        <translation>مُوسِّم واحد:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All annotation sets (one record per set)</source>
        <translation>كل مجموعات التوسيم (سجل لكل مجموعة)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This project has a curator passphrase: only a curator exports others&apos; sets.</source>
        <translation>لهذا المشروع عبارة مرور للمُنقِّح: لا يُصدِّر مجموعات الآخرين إلا المُنقِّح.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Annotation sets</source>
        <translation>مجموعات التوسيم</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All documents</source>
        <translation>كل الوثائق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected documents ({count})</source>
        <translation>الوثائق المحددة ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only sets marked finished</source>
        <translation>المجموعات المعلَّمة منتهيةً فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Format options</source>
        <translation>خيارات الصيغة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>where to write the export</source>
        <translation>أين يُكتب التصدير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Export to a new or empty folder</source>
        <translation>التصدير إلى مجلد جديد أو فارغ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose where to save the export.</source>
        <translation>اختر أين يُحفظ التصدير.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed; nothing was written.
{reason}</source>
        <translation>فشل التصدير؛ لم يُكتب شيء.
{reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{path} is read-only; it was not replaced.</source>
        <translation>الملف {path} للقراءة فقط؛ لم يُستبدل.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read-only file</source>
        <translation>ملف للقراءة فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is read-only. Replace it anyway?</source>
        <translation>الملف {path} للقراءة فقط. أتستبدله رغم ذلك؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>export cancelled; nothing was written</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <location line="+7"/>
        <source>Clitics</source>
        <translation>اللواصق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excluded text</source>
        <translation>النص المستبعد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variant</source>
        <translation>الصيغة الفرعية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>split</source>
        <translation>فصل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep</source>
        <translation>إبقاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drop</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utf16</source>
        <translation>utf16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>codepoints</source>
        <translation>codepoints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entities</source>
        <translation>entities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label</source>
        <translation>label</translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message>
        <location line="+26"/>
        <source>Wrote {paths}: {counts}</source>
        <translation>كُتب {paths}: {counts}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Left out, {reason}: {count}</source>
        <translation>تُرك — {reason}: {count}</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../ui/review/table_models.py" line="-29"/>
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>undefined</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{value} from {support}</source>
        <translation>{value} من {support}</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../ui/recommend/quality.py" line="+51"/>
        <source>Recommender</source>
        <translation>نموذج التوصية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct</source>
        <translation>الصحيحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>المقترحة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>المتوقعة</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>all labels</source>
        <translation>كل الفئات</translation>
    </message>
</context>
<context>
    <name>FileDrops</name>
    <message>
        <location filename="../../ui/window/drops.py" line="+54"/>
        <source>Drop one project file at a time, on its own.</source>
        <translation>أفلِت ملف مشروع واحدًا في كل مرة، وحده.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not document files: {names}. Annotation files are imported with File &gt; Import annotations…</source>
        <translation>ليست ملفات وثائق: {names}. تُستورد ملفات التوسيم من ملف &gt; استيراد توسيمات…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open or create a project to import documents into.</source>
        <translation>افتح مشروعًا أو أنشئ واحدًا لتستورد الوثائق إليه.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/find_bar.py" line="+20"/>
        <source>Find in this document (hamza, alef maksura, diacritics folded)</source>
        <translation>البحث في هذه الوثيقة (مع توحيد الهمزات والألف المقصورة والتشكيل)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+Enter، Shift+F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next match (Enter, F3)</source>
        <translation>النتيجة التالية (Enter، F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>no matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} of {count}</source>
        <translation>{number} من {count}</translation>
    </message>
</context>
<context>
    <name>Handoff</name>
    <message>
        <location filename="../../ui/dialogs/handoff.py" line="+35"/>
        <source>export annotator packages</source>
        <translation>تصدير حزم المُوسِّمين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge annotators&apos; work into this project</source>
        <translation>دمج عمل المُوسِّمين في هذا المشروع</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a project first.</source>
        <translation>افتح مشروعًا أولًا.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a curator can {doing} (Review &gt; Annotators and roles).</source>
        <translation>لا يستطيع {doing} إلا المُنقِّح (مراجعة &gt; المُوسِّمون والأدوار).</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Writing the annotator package…</source>
        <translation>جارٍ كتابة حزمة المُوسِّم…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No package written: {reason}</source>
        <translation>لم تُكتب أي حزمة: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No package written (cancelled).</source>
        <translation>لم تُكتب أي حزمة (أُلغي).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Package for {annotator} written: {path} ({counts}).</source>
        <translation>كُتبت حزمة {annotator}: {path} ({counts}).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dry run, nothing written: {summary}</source>
        <translation>تجربة، لم يُكتب شيء: {summary}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not in this project (not merged): «{title}» {source}</source>
        <translation>ليست في هذا المشروع (لم تُدمج): «{title}» {source}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document added as {id}</source>
        <translation>أُضيفت الوثيقة برقم {id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text differs from document {id} here (not merged): «{title}» {source}</source>
        <translation>النص يختلف عن الوثيقة {id} هنا (لم تُدمج): «{title}» {source}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Damaged (text does not match its hash): {document}</source>
        <translation>تالفة (النص لا يطابق بصمته): {document}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Labels added: {labels}</source>
        <translation>الفئات المضافة: {labels}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{annotator} on document {id} «{title}»</source>
        <translation>{annotator} في الوثيقة {id} «{title}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added {where}: {counts}</source>
        <translation>أُضيف {where}: {counts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replaced {where}: {before} -&gt; {after}</source>
        <translation>استُبدل {where}: {before} ← {after}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skipped {where}</source>
        <translation>تُخطّي {where}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Checking the project files…</source>
        <translation>جارٍ فحص ملفات المشاريع…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merging annotations…</source>
        <translation>جارٍ دمج التوسيمات…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merged: {summary}.</source>
        <translation>دُمج: {summary}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was merged: {reason}</source>
        <translation>لم يُدمج شيء: {reason}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export annotator &amp;package…</source>
        <translation>تصدير حزمة مُوسِّم…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Merge annotations from project files…</source>
        <translation>دمج توسيمات من ملفات مشاريع…</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ui/window/help.py" line="+47"/>
        <source>Checking the project…</source>
        <translation>جارٍ فحص المشروع…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check failed: {message}</source>
        <translation>تعذّر الفحص: {message}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check project</source>
        <translation>فحص المشروع</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>damage: {line}</source>
        <translation>تلف: {line}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>problem: {line}</source>
        <translation>مشكلة: {line}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rescue into a new file…</source>
        <translation>الإنقاذ إلى ملف جديد…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rescue into a new project</source>
        <translation>الإنقاذ إلى مشروع جديد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tawsim projects (*.tawsim)</source>
        <translation>مشاريع توسيم (*.tawsim)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rescuing the project…</source>
        <translation>جارٍ إنقاذ المشروع…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rescue failed: {message}</source>
        <translation>تعذّر الإنقاذ: {message}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rescue</source>
        <translation>الإنقاذ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the new file to go on working.</source>
        <translation>افتح الملف الجديد لمواصلة العمل.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About Tawsim</source>
        <translation>عن توسيم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Tawsim {version}&lt;/h3&gt;&lt;p&gt;Annotation of entities, events and stances in Arabic news.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Text font: Amiri (SIL Open Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;توسيم {version}&lt;/h3&gt;&lt;p&gt;توسيم الكيانات والأحداث والمواقف في الأخبار العربية.&lt;/p&gt;&lt;p&gt;الرخصة GPL-3.0-or-later. خط النص: أميري (SIL Open Font License).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HitModel</name>
    <message>
        <location filename="../../ui/panels/corpus_search.py" line="-96"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Document {id}</source>
        <translation>الوثيقة {id}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>offsets {offsets}</source>
        <translation>المواضع {offsets}</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../ui/window/identity.py" line="+98"/>
        <source>Curator passphrase</source>
        <translation>عبارة مرور المُنقِّح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This project has a curator passphrase. It is needed for {reason}:</source>
        <translation>لهذا المشروع عبارة مرور للمُنقِّح، وهي لازمة لـ{reason}:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong curator passphrase; {reason} was refused.</source>
        <translation>عبارة مرور المُنقِّح خاطئة؛ رُفض {reason}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>On a team project you annotate as the user you connected as; connect again as someone else to switch.</source>
        <translation>في مشروع الفريق توسِّم باسم المستخدم الذي اتصلت به؛ اتصل من جديد باسم آخر لتبدِّل.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Annotating as {name}.</source>
        <translation>التوسيم باسم {name}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only curators can look at other annotators&apos; work (Review &gt; Annotators and roles).</source>
        <translation>لا يطّلع على عمل المُوسِّمين الآخرين إلا المُنقِّحون (مراجعة &gt; المُوسِّمون والأدوار).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>These are the annotations of {owner}, shown read-only. Review &gt; My annotations goes back to yours.</source>
        <translation>هذه توسيمات {owner}، معروضة للقراءة فقط. و«مراجعة &gt; توسيماتي» تعيدك إلى توسيماتك.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Viewing the annotations of {owner}, read-only. Review &gt; My annotations goes back.</source>
        <translation>عرض توسيمات {owner} للقراءة فقط. و«مراجعة &gt; توسيماتي» للعودة.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only curators can view others&apos; work</source>
        <translation>لا يعرض عمل الآخرين إلا المُنقِّحون</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>On a team project the server decides who may see whose work.</source>
        <translation>في مشروع الفريق يقرر الخادم من يحق له رؤية عمل من.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a curator can set the curator passphrase.</source>
        <translation>لا يستطيع تعيين عبارة مرور المُنقِّح إلا المُنقِّح.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Curator passphrase set.</source>
        <translation>عُيِّنت عبارة مرور المُنقِّح.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Curator passphrase removed.</source>
        <translation>أُزيلت عبارة مرور المُنقِّح.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Curators can look at every annotator&apos;s work (read-only) and curate.</source>
        <translation>يطّلع المُنقِّحون على عمل كل مُوسِّم (للقراءة فقط) ويُنقِّحون.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This project has no curator yet: name one here.</source>
        <translation>لا مُنقِّح لهذا المشروع بعد: عيِّن واحدًا هنا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a curator can change roles.</source>
        <translation>لا يغيِّر الأدوار إلا المُنقِّح.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>naming a curator</source>
        <translation>تعيين مُنقِّح</translation>
    </message>
</context>
<context>
    <name>ImportAnnotationsDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_annotations.py" line="+39"/>
        <source>Detect per file</source>
        <translation>اكتشاف لكل ملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code points</source>
        <translation>نقاط الترميز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-16 units</source>
        <translation>وحدات UTF-16</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import annotations</source>
        <translation>استيراد توسيمات</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a new or existing annotator</source>
        <translation>مُوسِّم جديد أو موجود</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label Studio and doccano count UTF-16 units, Tawsim and brat code points; detected per file when the span texts or word boundaries tell</source>
        <translation>يعدّ Label Studio وdoccano وحدات UTF-16، ويعدّ توسيم وbrat نقاط الترميز؛ وتُكتشف لكل ملف حين تدل عليها نصوص المقاطع أو حدود الكلمات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CoNLL, CoNLL-U, Hugging Face: move entity starts past a proclitic (by the project&apos;s clitic rule)</source>
        <translation>CoNLL وCoNLL-U وHugging Face: نقل بدايات الكيانات إلى ما بعد السابقة (بقاعدة اللواصق في المشروع)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only for files holding several sets per document</source>
        <translation>فقط للملفات التي تحوي عدة مجموعات للوثيقة الواحدة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Into the sets of</source>
        <translation>إلى مجموعات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set in the file</source>
        <translation>المجموعة في الملف</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>What was imported, or why not, shows here.</source>
        <translation>يظهر هنا ما استُورد، أو لماذا لم يُستورد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check only</source>
        <translation>فحص فقط</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Annotation files</source>
        <translation>ملفات التوسيم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations (*.jsonl *.json *.xlsx *.conll *.conllu *.tsv *.xmi *.txt *.iob *.ann);;All files (*)</source>
        <translation>التوسيمات (*.jsonl *.json *.xlsx *.conll *.conllu *.tsv *.xmi *.txt *.iob *.ann);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A folder of brat, WebAnno TSV or XMI files, or a Hugging Face dataset</source>
        <translation>مجلد ملفات brat أو WebAnno TSV أو XMI، أو مجموعة بيانات Hugging Face</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add the files to import.</source>
        <translation>أضف الملفات المراد استيرادها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name the annotator whose sets receive the annotations.</source>
        <translation>سمِّ المُوسِّم الذي تستقبل مجموعاته التوسيمات.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing was imported:</source>
        <translation>لم يُستورد شيء:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported: {reason}</source>
        <translation>لم يُستورد شيء: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>import cancelled; nothing was changed</source>
        <translation>أُلغي الاستيراد؛ لم يتغير شيء</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown labels</source>
        <translation>فئات مجهولة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The files use labels the project&apos;s schema does not have:

{labels}

Add them to the schema and import?</source>
        <translation>تستعمل الملفات فئات ليست في مخطط المشروع:

{labels}

أتضيفها إلى المخطط وتستورد؟</translation>
    </message>
</context>
<context>
    <name>ImportAnnotationsReport</name>
    <message>
        <location line="+25"/>
        <source>Would import {counts} into the sets of {annotator} on {documents} ({new})</source>
        <translation>سيُستورد إلى مجموعات {annotator}: {counts}؛ والوثائق: {documents} ({new})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported {counts} into the sets of {annotator} on {documents} ({new})</source>
        <translation>استُورد إلى مجموعات {annotator}: {counts}؛ والوثائق: {documents} ({new})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added {what}: {keys}</source>
        <translation>أُضيفت {what}: {keys}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Already present, not added again, {what}: {count}</source>
        <translation>موجود من قبل ولم يُضف ثانيةً — {what}: {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not imported, {what}: {count}</source>
        <translation>لم يُستورد — {what}: {count}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_documents.py" line="+15"/>
        <source>Detect (UTF-8, UTF-16, windows-1256, ISO-8859-6)</source>
        <translation>اكتشاف تلقائي (UTF-8، UTF-16، windows-1256، ISO-8859-6)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>windows-1256 (Arabic Windows)</source>
        <translation>windows-1256 (ويندوز العربي)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import documents</source>
        <translation>استيراد وثائق</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text files (.txt), JSONL files (one object per line with &quot;text&quot; and optional &quot;id&quot;, &quot;title&quot;, &quot;meta&quot;), or folders of them. Each file is imported whole or not at all; documents already in the project are skipped.</source>
        <translation>ملفات نصية (.txt)، أو ملفات JSONL (كائن في كل سطر فيه &quot;text&quot; واختياريًّا &quot;id&quot; و&quot;title&quot; و&quot;meta&quot;)، أو مجلدات منها. يُستورد كل ملف كاملًا أو لا يُستورد؛ وتُتخطى الوثائق الموجودة في المشروع.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Encoding of text files</source>
        <translation>ترميز الملفات النصية</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Documents to import</source>
        <translation>الوثائق المراد استيرادها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents (*.txt *.text *.md *.jsonl *.ndjson);;All files (*)</source>
        <translation>الوثائق (*.txt *.text *.md *.jsonl *.ndjson);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder to import</source>
        <translation>المجلد المراد استيراده</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location line="+26"/>
        <source>Refused: {problem}</source>
        <translation>مرفوض: {problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duplicate: {where} is already document #{id}</source>
        <translation>مكرر: {where} هو الوثيقة ‎#{id} من قبل</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Warning: {where}: {note}</source>
        <translation>تنبيه: {where}: {note}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{where}: {note}</source>
        <translation>{where}: {note}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{note} in {documents} (first: {where})</source>
        <translation>{note} في {documents} (أولها: {where})</translation>
    </message>
</context>
<context>
    <name>KeyBindingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="+105"/>
        <source>Change keys</source>
        <translation>تغيير المفاتيح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Set</source>
        <translation>تعيين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keys</source>
        <translation>بلا مفاتيح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New keys:</source>
        <translation>المفاتيح الجديدة:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose a binding, then press the new keys.</source>
        <translation>اختر وظيفة، ثم اضغط المفاتيح الجديدة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{key} already does “{action}”; give that one other keys first.</source>
        <translation>{key} يؤدي من قبل «{action}»؛ أعطِ تلك مفاتيح أخرى أولًا.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{key} alone is a label key in the text; add Ctrl or Alt to it.</source>
        <translation>{key} وحده مفتاح فئة في النص؛ أضف إليه Ctrl أو Alt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no keys</source>
        <translation>بلا مفاتيح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{action}”: {keys}.</source>
        <translation>«{action}»: {keys}.</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../ui/panels/labels.py" line="+38"/>
        <source>{key} (Arabic layout: {arabic})</source>
        <translation>{key} (في التخطيط العربي: {arabic})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No guideline.</source>
        <translation>لا إرشادات.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key: {keys}</source>
        <translation>المفتاح: {keys}</translation>
    </message>
</context>
<context>
    <name>LayerTab</name>
    <message>
        <location filename="../../ui/dialogs/schema_editor.py" line="+119"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+266"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>Move up</source>
        <translation>نقل إلى الأعلى</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move down</source>
        <translation>نقل إلى الأسفل</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The stable name exports use; renaming keeps every annotation</source>
        <translation>الاسم الثابت الذي تستعمله الصادرات؛ وإعادة التسمية تحفظ كل التوسيمات</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the colour</source>
        <translation>اختر اللون</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What to tag and what not, with examples</source>
        <translation>ما يُوسم وما لا يُوسم، مع أمثلة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>المعرِّف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guideline</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Stances may also target any entity annotation (“any entity”)</source>
        <translation>يجوز أن يكون هدف الموقف أي توسيم كيان أيضًا («أي كيان»)</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>already used by {label}</source>
        <translation>مستعمل من قبل لـ{label}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Colour of {label}</source>
        <translation>لون {label}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is used. Deleting it also deletes {usage}. Undo brings everything back.</source>
        <translation>{what} مستعمل. وحذفه يحذف أيضًا: {usage}. والتراجع يعيد كل شيء.</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../ui/i18n.py" line="+156"/>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+120"/>
        <source>Tawsim</source>
        <translation>توسيم</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="+102"/>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no keys</source>
        <translation>بلا مفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+317"/>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Labels</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search all documents</source>
        <translation>البحث في كل الوثائق</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../ui/window/menus.py" line="+7"/>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Light or dark theme</source>
        <translation>سمة فاتحة أو داكنة</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/dialogs/handoff.py" line="-174"/>
        <source>Merge annotations from project files</source>
        <translation>دمج توسيمات من ملفات مشاريع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bring annotators&apos; sets back from their packages or other projects. Documents are matched by their text; merging the same annotator again updates their sets instead of adding copies. Nothing in this project is lost: the merge is one step you can undo.</source>
        <translation>استرجع مجموعات المُوسِّمين من حزمهم أو من مشاريع أخرى. تُطابق الوثائق بنصها؛ ودمج المُوسِّم نفسه مرة أخرى يحدِّث مجموعاته بدل إضافة نسخ. ولا يضيع شيء من هذا المشروع: الدمج خطوة واحدة يمكنك التراجع عنها.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add project files…</source>
        <translation>إضافة ملفات مشاريع…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add labels this project&apos;s schema lacks</source>
        <translation>إضافة الفئات التي يفتقدها مخطط هذا المشروع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add documents this project lacks</source>
        <translation>إضافة الوثائق التي يفتقدها هذا المشروع</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check shows here what merging would do.</source>
        <translation>يعرض «فحص» هنا ما سيفعله الدمج.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>فحص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Project files to merge</source>
        <translation>ملفات المشاريع المراد دمجها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tawsim projects (*.tawsim)</source>
        <translation>مشاريع توسيم (*.tawsim)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was merged: {reason}</source>
        <translation>لم يُدمج شيء: {reason}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/window/navigation.py" line="+74"/>
        <source>This is the last document.</source>
        <translation>هذه آخر وثيقة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first document.</source>
        <translation>هذه أول وثيقة.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Finished. Every document the filter shows is finished; clear the filter for the others.</source>
        <translation>انتهت. كل الوثائق التي تعرضها التصفية منتهية؛ امسح التصفية لرؤية غيرها.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finished. Every document is finished now.</source>
        <translation>انتهت. كل الوثائق منتهية الآن.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Importing documents…</source>
        <translation>جارٍ استيراد الوثائق…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import failed: {reason}</source>
        <translation>فشل الاستيراد: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{summary} (cancelled; the files imported before the cancel are kept)</source>
        <translation>{summary} (أُلغي؛ وتبقى الملفات المستوردة قبل الإلغاء)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{summary}. {notes}</source>
        <translation>{summary}. {notes}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import: {summary}.</source>
        <translation>الاستيراد: {summary}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import report</source>
        <translation>تقرير الاستيراد</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_project.py" line="+16"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. AI news, batch 1</source>
        <translation>مثلًا: أخبار الذكاء الاصطناعي، الدفعة 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>where to save the project file (*{suffix})</source>
        <translation>أين يُحفظ ملف المشروع (*{suffix})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Source: {source}</source>
        <translation>المصدر: {source}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The schema can be changed later (Annotate &gt; Edit schema).</source>
        <translation>يمكن تغيير المخطط لاحقًا (توسيم &gt; تعديل المخطط).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New project file</source>
        <translation>ملف مشروع جديد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tawsim projects (*{suffix})</source>
        <translation>مشاريع توسيم (*{suffix})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose where to save the project file.</source>
        <translation>اختر أين يُحفظ ملف المشروع.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} موجود من قبل؛ اختر اسمًا آخر.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not a folder.</source>
        <translation>{path} ليس مجلدًا.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../ui/notice.py" line="+36"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../ui/dialogs/handoff.py" line="-333"/>
        <source>Export annotator package</source>
        <translation>تصدير حزمة مُوسِّم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A copy of this project with its documents and schema and no one&apos;s annotations, to hand to an annotator. When they are done, merge their copy back with File &gt; Merge annotations from project files.</source>
        <translation>نسخة من هذا المشروع بوثائقه ومخططه ودون توسيمات أحد، لتسليمها إلى مُوسِّم. وحين ينتهي، ادمج نسخته بـ«ملف &gt; دمج توسيمات من ملفات مشاريع».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the annotator&apos;s name</source>
        <translation>اسم المُوسِّم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include the annotator&apos;s own sets from this project</source>
        <translation>تضمين مجموعات المُوسِّم نفسه من هذا المشروع</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For</source>
        <translation>للمُوسِّم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write to</source>
        <translation>الكتابة في</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Package file</source>
        <translation>ملف الحزمة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tawsim (*.tawsim)</source>
        <translation>توسيم (*.tawsim)</translation>
    </message>
</context>
<context>
    <name>PairHeatmap</name>
    <message>
        <location filename="../../ui/review/heatmap.py" line="+69"/>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/dialogs/passphrase.py" line="+16"/>
        <source>Curator passphrase</source>
        <translation>عبارة مرور المُنقِّح</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Current passphrase:</source>
        <translation>عبارة المرور الحالية:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase:</source>
        <translation>عبارة المرور الجديدة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase again:</source>
        <translation>عبارة المرور الجديدة مرة أخرى:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With a passphrase, becoming a curator or another annotator and exporting others&apos; sets ask for it. On a shared file this deters rather than enforces: anyone who can open the file with SQLite can read it. At least {count} characters; leave the new one empty to remove it.</source>
        <translation>مع عبارة المرور، يُطلب إدخالها عند التحول إلى مُنقِّح أو إلى مُوسِّم آخر وعند تصدير مجموعات الآخرين. وفي الملف المشترك هي رادعة لا مانعة: يستطيع قراءته كل من يفتحه بـSQLite. {count} أحرف على الأقل؛ اترك الجديدة فارغة لإزالتها.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The two new passphrases differ.</source>
        <translation>عبارتا المرور الجديدتان مختلفتان.</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <location filename="../../ui/curation/candidates.py" line="-45"/>
        <location filename="../../ui/dialogs/export.py" line="-20"/>
        <location filename="../../ui/dialogs/handoff.py" line="+156"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="-38"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+30"/>
        <source>%n entity annotation(s)</source>
        <translation>
            <numerusform>لا توسيمات كيانات</numerusform>
            <numerusform>توسيم كيان واحد</numerusform>
            <numerusform>توسيما كيانين</numerusform>
            <numerusform>%n توسيمات كيانات</numerusform>
            <numerusform>%n توسيمًا لكيانات</numerusform>
            <numerusform>%n توسيم كيانات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../../ui/dialogs/export.py" line="+1"/>
        <location filename="../../ui/dialogs/handoff.py" line="+1"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+1"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+2"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>لا أحداث</numerusform>
            <numerusform>حدث واحد</numerusform>
            <numerusform>حدثان</numerusform>
            <numerusform>%n أحداث</numerusform>
            <numerusform>%n حدثًا</numerusform>
            <numerusform>%n حدث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location filename="../../ui/dialogs/export.py" line="+1"/>
        <location filename="../../ui/dialogs/handoff.py" line="+1"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+1"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+2"/>
        <source>%n event argument(s)</source>
        <translation>
            <numerusform>لا وسائط أحداث</numerusform>
            <numerusform>وسيط حدث واحد</numerusform>
            <numerusform>وسيطان</numerusform>
            <numerusform>%n وسائط أحداث</numerusform>
            <numerusform>%n وسيطًا لأحداث</numerusform>
            <numerusform>%n وسيط أحداث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n document stance(s)</source>
        <translation>
            <numerusform>لا مواقف وثائق</numerusform>
            <numerusform>موقف وثيقة واحد</numerusform>
            <numerusform>موقفا وثيقتين</numerusform>
            <numerusform>%n مواقف وثائق</numerusform>
            <numerusform>%n موقفًا لوثائق</numerusform>
            <numerusform>%n موقف وثائق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n attributed stance(s)</source>
        <translation>
            <numerusform>لا مواقف منسوبة</numerusform>
            <numerusform>موقف منسوب واحد</numerusform>
            <numerusform>موقفان منسوبان</numerusform>
            <numerusform>%n مواقف منسوبة</numerusform>
            <numerusform>%n موقفًا منسوبًا</numerusform>
            <numerusform>%n موقف منسوب</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>, and brought along %n entity annotation(s) that arguments or stances need</source>
        <translation>
            <numerusform>، ولم يجلب أي توسيم كيان</numerusform>
            <numerusform>، وجلب توسيم كيان واحد تحتاجه الوسائط أو المواقف</numerusform>
            <numerusform>، وجلب توسيمَي كيانين تحتاجهما الوسائط أو المواقف</numerusform>
            <numerusform>، وجلب %n توسيمات كيانات تحتاجها الوسائط أو المواقف</numerusform>
            <numerusform>، وجلب %n توسيمًا لكيانات تحتاجها الوسائط أو المواقف</numerusform>
            <numerusform>، وجلب %n توسيم كيانات تحتاجها الوسائط أو المواقف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>; %n left undecided.</source>
        <translation>
            <numerusform>؛ ولم يبق شيء غير محسوم.</numerusform>
            <numerusform>؛ وبقي واحد غير محسوم.</numerusform>
            <numerusform>؛ وبقي اثنان غير محسومين.</numerusform>
            <numerusform>؛ وبقيت %n غير محسومة.</numerusform>
            <numerusform>؛ وبقي %n غير محسوم.</numerusform>
            <numerusform>؛ وبقي %n غير محسوم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n argument(s) tied with another were left undecided</source>
        <translation>
            <numerusform>لا وسائط معادلة</numerusform>
            <numerusform>تُرك وسيط واحد معادل لغيره دون حسم</numerusform>
            <numerusform>تُرك وسيطان معادلان لغيرهما دون حسم</numerusform>
            <numerusform>تُركت %n وسائط معادلة لغيرها دون حسم</numerusform>
            <numerusform>تُرك %n وسيطًا معادلًا لغيره دون حسم</numerusform>
            <numerusform>تُرك %n وسيط معادل لغيره دون حسم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/curation/compare.py" line="+2"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>لا توسيمات</numerusform>
            <numerusform>توسيم واحد</numerusform>
            <numerusform>توسيمان</numerusform>
            <numerusform>%n توسيمات</numerusform>
            <numerusform>%n توسيمًا</numerusform>
            <numerusform>%n توسيم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/export.py" line="-4"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>لا سجلات</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%n سجلات</numerusform>
            <numerusform>%n سجلًّا</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location filename="../../ui/dialogs/handoff.py" line="-102"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="+5"/>
        <location filename="../../ui/dialogs/import_documents.py" line="+5"/>
        <location filename="../../ui/review/restrict.py" line="+38"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتان</numerusform>
            <numerusform>%n وثائق</numerusform>
            <numerusform>%n وثيقةً</numerusform>
            <numerusform>%n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location filename="../../ui/dialogs/handoff.py" line="+103"/>
        <location filename="../../ui/dialogs/import_annotations.py" line="-4"/>
        <location filename="../../ui/dialogs/schema_roles.py" line="+2"/>
        <source>%n stance(s)</source>
        <translation>
            <numerusform>لا مواقف</numerusform>
            <numerusform>موقف واحد</numerusform>
            <numerusform>موقفان</numerusform>
            <numerusform>%n مواقف</numerusform>
            <numerusform>%n موقفًا</numerusform>
            <numerusform>%n موقف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n document(s) have no matching annotation set and were skipped</source>
        <translation>
            <numerusform>لم تُتخطَّ أي وثيقة لغياب مجموعة توسيم مطابقة</numerusform>
            <numerusform>وثيقة واحدة ليس لها مجموعة توسيم مطابقة فتُخطِّيت</numerusform>
            <numerusform>وثيقتان ليس لهما مجموعة توسيم مطابقة فتُخطِّيتا</numerusform>
            <numerusform>%n وثائق ليس لها مجموعة توسيم مطابقة فتُخطِّيت</numerusform>
            <numerusform>%n وثيقةً ليس لها مجموعة توسيم مطابقة فتُخطِّيت</numerusform>
            <numerusform>%n وثيقة ليس لها مجموعة توسيم مطابقة فتُخطِّيت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/handoff.py" line="-101"/>
        <source>%n of their own set(s)</source>
        <translation>
            <numerusform>لا مجموعات خاصة به</numerusform>
            <numerusform>مجموعة واحدة خاصة به</numerusform>
            <numerusform>مجموعتان خاصتان به</numerusform>
            <numerusform>%n مجموعات خاصة به</numerusform>
            <numerusform>%n مجموعةً خاصة به</numerusform>
            <numerusform>%n مجموعة خاصة به</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) excluded for everyone</source>
        <translation>
            <numerusform>لا مناطق مستبعدة للجميع</numerusform>
            <numerusform>منطقة واحدة مستبعدة للجميع</numerusform>
            <numerusform>منطقتان مستبعدتان للجميع</numerusform>
            <numerusform>%n مناطق مستبعدة للجميع</numerusform>
            <numerusform>%n منطقةً مستبعدة للجميع</numerusform>
            <numerusform>%n منطقة مستبعدة للجميع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n set(s) added</source>
        <translation>
            <numerusform>لم تُضف أي مجموعة</numerusform>
            <numerusform>أُضيفت مجموعة واحدة</numerusform>
            <numerusform>أُضيفت مجموعتان</numerusform>
            <numerusform>أُضيفت %n مجموعات</numerusform>
            <numerusform>أُضيفت %n مجموعةً</numerusform>
            <numerusform>أُضيفت %n مجموعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>لم يُستبدل شيء</numerusform>
            <numerusform>استُبدلت واحدة</numerusform>
            <numerusform>استُبدلت اثنتان</numerusform>
            <numerusform>استُبدلت %n</numerusform>
            <numerusform>استُبدلت %n</numerusform>
            <numerusform>استُبدلت %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>لا شيء دون تغيير</numerusform>
            <numerusform>واحدة دون تغيير</numerusform>
            <numerusform>اثنتان دون تغيير</numerusform>
            <numerusform>%n دون تغيير</numerusform>
            <numerusform>%n دون تغيير</numerusform>
            <numerusform>%n دون تغيير</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location filename="../../ui/dialogs/import_documents.py" line="-20"/>
        <source>%n document(s) added</source>
        <translation>
            <numerusform>لم تُضف أي وثيقة</numerusform>
            <numerusform>أُضيفت وثيقة واحدة</numerusform>
            <numerusform>أُضيفت وثيقتان</numerusform>
            <numerusform>أُضيفت %n وثائق</numerusform>
            <numerusform>أُضيفت %n وثيقةً</numerusform>
            <numerusform>أُضيفت %n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n label(s) added</source>
        <translation>
            <numerusform>لم تُضف أي فئة</numerusform>
            <numerusform>أُضيفت فئة واحدة</numerusform>
            <numerusform>أُضيفت فئتان</numerusform>
            <numerusform>أُضيفت %n فئات</numerusform>
            <numerusform>أُضيفت %n فئةً</numerusform>
            <numerusform>أُضيفت %n فئة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n set(s) already up to date</source>
        <translation>
            <numerusform>لا مجموعات محدَّثة من قبل</numerusform>
            <numerusform>مجموعة واحدة محدَّثة من قبل</numerusform>
            <numerusform>مجموعتان محدَّثتان من قبل</numerusform>
            <numerusform>%n مجموعات محدَّثة من قبل</numerusform>
            <numerusform>%n مجموعةً محدَّثة من قبل</numerusform>
            <numerusform>%n مجموعة محدَّثة من قبل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n gold set(s) not merged</source>
        <translation>
            <numerusform>لا مجموعات معيار ذهبي غير مدموجة</numerusform>
            <numerusform>مجموعة معيار ذهبي واحدة لم تُدمج</numerusform>
            <numerusform>مجموعتا معيار ذهبي لم تُدمجا</numerusform>
            <numerusform>%n مجموعات معيار ذهبي لم تُدمج</numerusform>
            <numerusform>%n مجموعةَ معيار ذهبي لم تُدمج</numerusform>
            <numerusform>%n مجموعة معيار ذهبي لم تُدمج</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n region(s) excluded for everyone added</source>
        <translation>
            <numerusform>لم تُضف مناطق مستبعدة للجميع</numerusform>
            <numerusform>أُضيفت منطقة واحدة مستبعدة للجميع</numerusform>
            <numerusform>أُضيفت منطقتان مستبعدتان للجميع</numerusform>
            <numerusform>أُضيفت %n مناطق مستبعدة للجميع</numerusform>
            <numerusform>أُضيفت %n منطقةً مستبعدة للجميع</numerusform>
            <numerusform>أُضيفت %n منطقة مستبعدة للجميع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n excluded range(s)</source>
        <translation>
            <numerusform>لا نطاقات مستبعدة</numerusform>
            <numerusform>نطاق مستبعد واحد</numerusform>
            <numerusform>نطاقان مستبعدان</numerusform>
            <numerusform>%n نطاقات مستبعدة</numerusform>
            <numerusform>%n نطاقًا مستبعدًا</numerusform>
            <numerusform>%n نطاق مستبعد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_annotations.py" line="+6"/>
        <source>%n new</source>
        <translation>
            <numerusform>لا جديد</numerusform>
            <numerusform>واحدة جديدة</numerusform>
            <numerusform>اثنتان جديدتان</numerusform>
            <numerusform>%n جديدة</numerusform>
            <numerusform>%n جديدة</numerusform>
            <numerusform>%n جديدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_documents.py" line="+2"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>لم يُتخطَّ أي مكرر</numerusform>
            <numerusform>تُخطِّي مكرر واحد</numerusform>
            <numerusform>تُخطِّي مكرران</numerusform>
            <numerusform>تُخطِّيت %n مكررات</numerusform>
            <numerusform>تُخطِّي %n مكررًا</numerusform>
            <numerusform>تُخطِّي %n مكرر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) refused</source>
        <translation>
            <numerusform>لم يُرفض أي ملف</numerusform>
            <numerusform>رُفض ملف واحد</numerusform>
            <numerusform>رُفض ملفان</numerusform>
            <numerusform>رُفضت %n ملفات</numerusform>
            <numerusform>رُفض %n ملفًّا</numerusform>
            <numerusform>رُفض %n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n private-use character(s) (often letters lost in PDF extraction; they are kept as they are)</source>
        <translation>
            <numerusform>لا محارف للاستعمال الخاص</numerusform>
            <numerusform>محرف واحد للاستعمال الخاص (غالبًا حرف ضاع في استخراج PDF؛ يبقى كما هو)</numerusform>
            <numerusform>محرفان للاستعمال الخاص (غالبًا حرفان ضاعا في استخراج PDF؛ يبقيان كما هما)</numerusform>
            <numerusform>%n محارف للاستعمال الخاص (غالبًا حروف ضاعت في استخراج PDF؛ تبقى كما هي)</numerusform>
            <numerusform>%n محرفًا للاستعمال الخاص (غالبًا حروف ضاعت في استخراج PDF؛ تبقى كما هي)</numerusform>
            <numerusform>%n محرف للاستعمال الخاص (غالبًا حروف ضاعت في استخراج PDF؛ تبقى كما هي)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n replacement character(s) (U+FFFD) (from an earlier bad decoding)</source>
        <translation>
            <numerusform>لا محارف استبدال</numerusform>
            <numerusform>محرف استبدال واحد (U+FFFD) (من فك ترميز خاطئ سابق)</numerusform>
            <numerusform>محرفا استبدال (U+FFFD) (من فك ترميز خاطئ سابق)</numerusform>
            <numerusform>%n محارف استبدال (U+FFFD) (من فك ترميز خاطئ سابق)</numerusform>
            <numerusform>%n محرفَ استبدال (U+FFFD) (من فك ترميز خاطئ سابق)</numerusform>
            <numerusform>%n محرف استبدال (U+FFFD) (من فك ترميز خاطئ سابق)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/schema_roles.py" line="+7"/>
        <source>{removed}; %n reference(s) to those annotations (event arguments, stance holders or targets) stay, flagged as detached</source>
        <translation>
            <numerusform>{removed}</numerusform>
            <numerusform>{removed}؛ وتبقى إحالة واحدة إلى تلك التوسيمات (وسيط حدث، أو صاحب موقف أو هدفه) مُعلَّمةً بأنها منفصلة</numerusform>
            <numerusform>{removed}؛ وتبقى إحالتان إلى تلك التوسيمات (وسائط أحداث، أو أصحاب مواقف أو أهدافها) مُعلَّمتين بأنهما منفصلتان</numerusform>
            <numerusform>{removed}؛ وتبقى %n إحالات إلى تلك التوسيمات (وسائط أحداث، أو أصحاب مواقف أو أهدافها) مُعلَّمةً بأنها منفصلة</numerusform>
            <numerusform>{removed}؛ وتبقى %n إحالةً إلى تلك التوسيمات (وسائط أحداث، أو أصحاب مواقف أو أهدافها) مُعلَّمةً بأنها منفصلة</numerusform>
            <numerusform>{removed}؛ وتبقى %n إحالة إلى تلك التوسيمات (وسائط أحداث، أو أصحاب مواقف أو أهدافها) مُعلَّمةً بأنها منفصلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/documents.py" line="-102"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>لا أخطاء</numerusform>
            <numerusform>خطأ واحد</numerusform>
            <numerusform>خطآن</numerusform>
            <numerusform>%n أخطاء</numerusform>
            <numerusform>%n خطأً</numerusform>
            <numerusform>%n خطأ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>لا تنبيهات</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/event_marks.py" line="-1"/>
        <source>%n argument(s)</source>
        <translation>
            <numerusform>لا وسائط</numerusform>
            <numerusform>وسيط واحد</numerusform>
            <numerusform>وسيطان</numerusform>
            <numerusform>%n وسائط</numerusform>
            <numerusform>%n وسيطًا</numerusform>
            <numerusform>%n وسيط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review/restrict.py" line="-2"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>لا مُوسِّمين</numerusform>
            <numerusform>مُوسِّم واحد</numerusform>
            <numerusform>مُوسِّمان</numerusform>
            <numerusform>%n مُوسِّمين</numerusform>
            <numerusform>%n مُوسِّمًا</numerusform>
            <numerusform>%n مُوسِّم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n label(s)</source>
        <translation>
            <numerusform>لا فئات</numerusform>
            <numerusform>فئة واحدة</numerusform>
            <numerusform>فئتان</numerusform>
            <numerusform>%n فئات</numerusform>
            <numerusform>%n فئةً</numerusform>
            <numerusform>%n فئة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivateUseMarks</name>
    <message>
        <location filename="../../ui/editor/private_use.py" line="+49"/>
        <source>&lt;p&gt;A private-use character ({code}): often a letter lost in PDF extraction. It is kept as it is; a word containing it may be damaged.&lt;/p&gt;</source>
        <translation>&lt;p&gt;محرف للاستخدام الخاص ({code}): كثيرًا ما يكون حرفًا ضاع عند الاستخراج من PDF. يُبقى كما هو؛ وقد تكون الكلمة التي تحويه تالفة.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../ui/panels/documents.py" line="+1"/>
        <source>no problems</source>
        <translation>لا مشكلات</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/tasks.py" line="+114"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tawsim</source>
        <translation>توسيم</translation>
    </message>
</context>
<context>
    <name>ProjectLifecycle</name>
    <message>
        <location filename="../../ui/window/lifecycle.py" line="+49"/>
        <location line="+39"/>
        <location line="+26"/>
        <source>Tawsim</source>
        <translation>توسيم</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+24"/>
        <source>{project} — Tawsim</source>
        <translation>{project} — توسيم</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tawsim projects (*.tawsim);;All files (*)</source>
        <translation>مشاريع توسيم (*.tawsim);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&lt;h2&gt;Tawsim · توسيم&lt;/h2&gt;&lt;p&gt;No project is open.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;توسيم · Tawsim&lt;/h2&gt;&lt;p&gt;لا مشروع مفتوح.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <location filename="../../ui/recommend/quality.py" line="+16"/>
        <source>Recommender quality</source>
        <translation>جودة نماذج التوصية</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+41"/>
        <source>the gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>the finished sets</source>
        <translation>المجموعات المنتهية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s&apos;s sets</source>
        <translation>مجموعات %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluate</source>
        <translation>تقييم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each fold of documents is held out in turn: the recommenders learn from the others and are scored on it (exact start, end and label).</source>
        <translation>تُحجب كل طيّة من الوثائق بدورها: تتعلم نماذج التوصية من البقية وتُقيَّم عليها (تطابق تام للبداية والنهاية والفئة).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suggestions shown to annotators</source>
        <translation>الاقتراحات المعروضة على المُوسِّمين</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>each annotator&apos;s own sets (the gold set for a curator editing it)</source>
        <translation>مجموعات كل مُوسِّم الخاصة به (والمجموعة الذهبية للمُنقِّح الذي يحررها)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the finished sets of everyone</source>
        <translation>المجموعات المنتهية للجميع</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folds</source>
        <translation>الطيّات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evaluate on</source>
        <translation>التقييم على</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recommenders in the window learn from</source>
        <translation>تتعلم نماذج التوصية في النافذة من</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Evaluating on %s…</source>
        <translation>جارٍ التقييم على %s…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n-fold cross-validation</source>
        <translation>
            <numerusform>تحقق متقاطع بلا طيّات</numerusform>
            <numerusform>تحقق متقاطع بطيّة واحدة</numerusform>
            <numerusform>تحقق متقاطع بطيّتين</numerusform>
            <numerusform>تحقق متقاطع بـ%n طيّات</numerusform>
            <numerusform>تحقق متقاطع بـ%n طيّةً</numerusform>
            <numerusform>تحقق متقاطع بـ%n طيّة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{validation} over %n document(s).</source>
        <translation>
            <numerusform>{validation} بلا وثائق.</numerusform>
            <numerusform>{validation} على وثيقة واحدة.</numerusform>
            <numerusform>{validation} على وثيقتين.</numerusform>
            <numerusform>{validation} على %n وثائق.</numerusform>
            <numerusform>{validation} على %n وثيقةً.</numerusform>
            <numerusform>{validation} على %n وثيقة.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Evaluation cancelled.</source>
        <translation>أُلغي التقييم.</translation>
    </message>
</context>
<context>
    <name>Recommending</name>
    <message>
        <location filename="../../ui/recommend/controller.py" line="+178"/>
        <source>Learning from %s…</source>
        <translation>جارٍ التعلم من %s…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing to learn from yet in %s: suggestions come once there are annotations.</source>
        <translation>لا شيء يُتعلم منه بعد في %s: تأتي الاقتراحات متى وُجدت توسيمات.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Learnt from %n document(s) of {source}: {recommenders}.</source>
        <translation>
            <numerusform>لم يتعلّم من أي وثيقة في {source}: {recommenders}.</numerusform>
            <numerusform>تعلّم من وثيقة واحدة في {source}: {recommenders}.</numerusform>
            <numerusform>تعلّم من وثيقتين في {source}: {recommenders}.</numerusform>
            <numerusform>تعلّم من %n وثائق في {source}: {recommenders}.</numerusform>
            <numerusform>تعلّم من %n وثيقةً في {source}: {recommenders}.</numerusform>
            <numerusform>تعلّم من %n وثيقة في {source}: {recommenders}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training failed: %s</source>
        <translation>تعذّر التدريب: %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training cancelled; the earlier model still suggests.</source>
        <translation>أُلغي التدريب؛ ما زال النموذج السابق يقترح.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذه الوثيقة.</translation>
    </message>
</context>
<context>
    <name>RestrictDialog</name>
    <message>
        <location filename="../../ui/review/restrict.py" line="-19"/>
        <source>Entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stance target</source>
        <translation>هدف موقف</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Compare only…</source>
        <translation>المقارنة بين…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Annotators</source>
        <translation>المُوسِّمون</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labels</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Tick at least two annotators to compare.</source>
        <translation>حدِّد مُوسِّمَين على الأقل للمقارنة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick at least one document.</source>
        <translation>حدِّد وثيقة واحدة على الأقل.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tick at least one label of the kind “{kind}”: each kind is compared separately, on all its labels or on those ticked.</source>
        <translation>حدِّد فئة واحدة على الأقل من نوع «{kind}»: يُقارن كل نوع على حدة، بكل فئاته أو بالمحدد منها.</translation>
    </message>
</context>
<context>
    <name>Restriction</name>
    <message>
        <location line="-136"/>
        <source>Comparing everything</source>
        <translation>المقارنة على الكل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparing {what}</source>
        <translation>المقارنة على: {what}</translation>
    </message>
</context>
<context>
    <name>ReviewCharts</name>
    <message>
        <location filename="../../ui/review/charts.py" line="+205"/>
        <source>Entity labels per annotator</source>
        <translation>فئات الكيانات لكل مُوسِّم</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No entity spans yet.</source>
        <translation>لا مقاطع كيانات بعد.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Annotator progress (documents)</source>
        <translation>تقدُّم المُوسِّمين (بالوثائق)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finished</source>
        <translation>منتهية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No annotators yet.</source>
        <translation>لا مُوسِّمين بعد.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Documents finished over time</source>
        <translation>الوثائق المنتهية عبر الزمن</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No document has been finished yet.</source>
        <translation>لم تنتهِ أي وثيقة بعد.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Agreement per label</source>
        <translation>الاتفاق لكل فئة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} per label, with 95% intervals</source>
        <translation>{0} لكل فئة، مع فترات الثقة 95%</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No per-label figures for this measure.</source>
        <translation>لا أرقام لكل فئة لهذا المقياس.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>n/a — {0}</source>
        <translation>غير متاح — {0}</translation>
    </message>
</context>
<context>
    <name>ReviewDashboard</name>
    <message>
        <location filename="../../ui/review/dashboard.py" line="+121"/>
        <source>Review agreement — {project}</source>
        <translation>مراجعة الاتفاق — {project}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Include sets in progress</source>
        <translation>تضمين المجموعات قيد العمل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare only…</source>
        <translation>المقارنة بين…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare some annotators, documents or labels</source>
        <translation>المقارنة بين بعض المُوسِّمين أو الوثائق أو الفئات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recompute</source>
        <translation>إعادة الحساب</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export report…</source>
        <translation>تصدير التقرير…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export disagreements…</source>
        <translation>تصدير الخلافات…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measure:</source>
        <translation>المقياس:</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+583"/>
        <source>Labels</source>
        <translation>الفئات</translation>
    </message>
    <message>
        <location line="-582"/>
        <source>Confusion</source>
        <translation>الالتباس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SemEval-2013</source>
        <translation>SemEval-2013</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts</source>
        <translation>الرسوم البيانية</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+204"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Rows:</source>
        <translation>الصفوف:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns:</source>
        <translation>الأعمدة:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Show all</source>
        <translation>عرض الكل</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open side by side</source>
        <translation>الفتح جنبًا إلى جنب</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>SemEval-2013 (Task 9.1) span scores. The first annotator is the reference (against gold, gold is). COR correct, INC incorrect, PAR partial, MIS missed, SPU spurious; strict: same offsets and label, exact: same offsets, partial: overlap counts half, type: overlap with the same label.</source>
        <translation>درجات المقاطع في SemEval-2013 (المهمة 9.1). المُوسِّم الأول هو المرجع (وعند المقارنة بالمعيار الذهبي فالمرجع هو المعيار). COR صحيح، INC خاطئ، PAR جزئي، MIS مفقود، SPU زائد؛ الصارم: المواضع نفسها والفئة نفسها، المطابق: المواضع نفسها، الجزئي: التداخل يُحسب نصفًا، النوع: تداخل بالفئة نفسها.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export chart…</source>
        <translation>تصدير الرسم…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart shown as PNG or SVG</source>
        <translation>حفظ الرسم المعروض بصيغة PNG أو SVG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chart:</source>
        <translation>الرسم:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Computing agreement</source>
        <translation>حساب الاتفاق</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancelled; the figures shown are the previous ones</source>
        <translation>أُلغي؛ والأرقام المعروضة هي السابقة</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>finished and in-progress sets</source>
        <translation>المجموعات المنتهية وقيد العمل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished sets only</source>
        <translation>المجموعات المنتهية فقط</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>لا مُوسِّمين</numerusform>
            <numerusform>مُوسِّم واحد</numerusform>
            <numerusform>مُوسِّمان</numerusform>
            <numerusform>%n مُوسِّمين</numerusform>
            <numerusform>%n مُوسِّمًا</numerusform>
            <numerusform>%n مُوسِّم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s) compared</source>
        <translation>
            <numerusform>لم تُقارن أي وثيقة</numerusform>
            <numerusform>قُورنت وثيقة واحدة</numerusform>
            <numerusform>قُورنت وثيقتان</numerusform>
            <numerusform>قُورنت %n وثائق</numerusform>
            <numerusform>قُورنت %n وثيقةً</numerusform>
            <numerusform>قُورنت %n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+368"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>لا خلافات</numerusform>
            <numerusform>خلاف واحد</numerusform>
            <numerusform>خلافان</numerusform>
            <numerusform>%n خلافات</numerusform>
            <numerusform>%n خلافًا</numerusform>
            <numerusform>%n خلاف</numerusform>
        </translation>
    </message>
    <message>
        <location line="-345"/>
        <source>being computed…</source>
        <translation>قيد الحساب…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Token kappa: {reason}</source>
        <translation>كابا على مستوى الوحدات: {reason}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>undefined</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; 95% CI {0} ({1})</source>
        <translation>؛ فترة الثقة 95% {0} ({1})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Agreement needs two annotators who finished the same documents.</source>
        <translation>يحتاج الاتفاق إلى مُوسِّمَين أنهيا الوثائق نفسها.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (95% CI {0}, {1})</source>
        <translation> (فترة الثقة 95% {0}، {1})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>n/a — {reason}</source>
        <translation>غير متاح — {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{measure}&lt;/b&gt;, overall ({scope}): {value}</source>
        <translation>المقياس &lt;b&gt;{measure}&lt;/b&gt;، إجمالًا ({scope}): {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>bootstrap</source>
        <translation>إعادة المعاينة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gwet&apos;s formula</source>
        <translation>صيغة Gwet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schema</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>95% CI</source>
        <translation>فترة الثقة 95%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all pairs</source>
        <translation>كل الأزواج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pooled</source>
        <translation>مجمَّعة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>strict</source>
        <translation>صارم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exact</source>
        <translation>مطابق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partial</source>
        <translation>جزئي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No per-label figures for this layer</source>
        <translation>لا أرقام لكل فئة في هذه الطبقة</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+73"/>
        <source>Compared</source>
        <translation>المقارَنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95% CI ({0})</source>
        <translation>فترة الثقة 95% ({0})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, 95% CI {0}</source>
        <translation>، فترة الثقة 95% {0}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose two different annotators.</source>
        <translation>اختر مُوسِّمَين مختلفين.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Event types</source>
        <translation>أنواع الأحداث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polarities</source>
        <translation>قيم القطبية</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} of {first} (rows) against {second} (columns), paired as in the disagreement list: same offsets, then overlapping spans. {nothing}: nothing there. Double-click a cell for its disagreements.</source>
        <translation>{what} لدى {first} (الصفوف) مقابل {second} (الأعمدة)، مقرونة كما في قائمة الخلافات: المواضع نفسها، ثم المقاطع المتداخلة. {nothing}: لا شيء هناك. انقر خلية نقرًا مزدوجًا لعرض خلافاتها.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{measure} per document, lowest first (pooled over the pairs who finished it). Double-click a document for its disagreements.</source>
        <translation>{measure} لكل وثيقة، الأدنى أولًا (مجمَّعًا على الأزواج التي أنهتها). انقر وثيقة نقرًا مزدوجًا لعرض خلافاتها.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>document {id} «{title}»</source>
        <translation>الوثيقة {id} «{title}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count}: {filter}</source>
        <translation>{count}: {filter}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count}, all pairs</source>
        <translation>{count}، كل الأزواج</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>the whole document</source>
        <translation>الوثيقة كلها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document {id}, {place}</source>
        <translation>الوثيقة {id}، {place}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>({annotator}: nothing there)</source>
        <translation>({annotator}: لا شيء هناك)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Excel (*.xlsx);;JSON (*.json);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export agreement report</source>
        <translation>تصدير تقرير الاتفاق</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export disagreements</source>
        <translation>تصدير الخلافات</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export chart</source>
        <translation>تصدير الرسم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>صورة PNG (*.png);;رسم SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Writing {path}…</source>
        <translation>جارٍ كتابة {path}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote {path}</source>
        <translation>كُتب {path}</translation>
    </message>
</context>
<context>
    <name>ReviewMenu</name>
    <message>
        <location filename="../../ui/curation/view.py" line="+42"/>
        <source>&amp;Curate the gold standard…</source>
        <translation>تنقيح المعيار الذهبي…</translation>
    </message>
    <message>
        <location filename="../../ui/review/__init__.py" line="+29"/>
        <source>Agreement &amp;dashboard…</source>
        <translation>لوحة الاتفاق…</translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <location filename="../../ui/dialogs/schema_roles.py" line="+17"/>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key</source>
        <translation>المعرِّف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arabic</source>
        <translation>بالعربية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>بالإنجليزية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepts</source>
        <translation>يقبل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several</source>
        <translation>متعدد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guideline</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add role</source>
        <translation>إضافة دور</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+151"/>
        <source>Delete role</source>
        <translation>حذف الدور</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>any entity</source>
        <translation>أي كيان</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>A role with no accepted labels accepts any entity.</source>
        <translation>الدور الذي لا فئات محددة له يقبل أي كيان.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{what} is used. Deleting it also deletes {usage}. Undo brings everything back.</source>
        <translation>{what} مستعمل. وحذفه يحذف أيضًا: {usage}. والتراجع يعيد كل شيء.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/dialogs/roles.py" line="+12"/>
        <source>curator</source>
        <translation>مُنقِّح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>annotator</source>
        <translation>مُوسِّم</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location line="+15"/>
        <source>Annotators and roles</source>
        <translation>المُوسِّمون والأدوار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
</context>
<context>
    <name>SchemaEditorDialog</name>
    <message>
        <location filename="../../ui/dialogs/schema_editor.py" line="-324"/>
        <source>Entity labels</source>
        <translation>فئات الكيانات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event types</source>
        <translation>أنواع الأحداث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stance targets</source>
        <translation>أهداف المواقف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polarities</source>
        <translation>قيم القطبية</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No project is open.</source>
        <translation>لا مشروع مفتوح.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes apply at once, for every annotator, and can be undone.</source>
        <translation>تسري التغييرات فورًا على كل المُوسِّمين، ويمكن التراجع عنها.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This project has no curator yet, so anyone may change the schema; changes apply at once, for every annotator, and can be undone.</source>
        <translation>لا مُنقِّح لهذا المشروع بعد، فيجوز لأي أحد تغيير المخطط؛ وتسري التغييرات فورًا على كل المُوسِّمين، ويمكن التراجع عنها.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The schema is shared by every annotator of this project: only a curator can change it (Review &gt; Annotators and roles). You can export it.</source>
        <translation>المخطط مشترك بين كل مُوسِّمي هذا المشروع: لا يغيِّره إلا المُنقِّح (مراجعة &gt; المُوسِّمون والأدوار). ويمكنك تصديره.</translation>
    </message>
    <message>
        <location line="+337"/>
        <location line="+64"/>
        <source>Schema — {project}</source>
        <translation>المخطط — {project}</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+61"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+62"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Undo {step}</source>
        <translation>تراجع عن {step}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo {step}</source>
        <translation>إعادة {step}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Annotations changed meanwhile</source>
        <translation>تغيّرت التوسيمات في الأثناء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} is used: deleting it deletes {usage}.</source>
        <translation>{what} مستعمل، وحذفه يحذف: {usage}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import schema</source>
        <translation>استيراد مخطط</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schema files (*.json);;All files (*)</source>
        <translation>ملفات المخطط (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Imported: {added} added, {changed} changed, {removed} removed, {refused} refused.</source>
        <translation>استُورد: أُضيف {added}، وغُيِّر {changed}، وأُزيل {removed}، ورُفض {refused}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export schema</source>
        <translation>تصدير المخطط</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schema files (*.json)</source>
        <translation>ملفات المخطط (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported to {path}: entity labels {entities}, event types {events}, stance targets {targets}, polarities {polarities}.</source>
        <translation>صُدِّر إلى {path}: فئات الكيانات {entities}، وأنواع الأحداث {events}، وأهداف المواقف {targets}، وقيم القطبية {polarities}.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Edit &amp;schema…</source>
        <translation>تعديل المخطط…</translation>
    </message>
</context>
<context>
    <name>SchemaImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/schema_import.py" line="+28"/>
        <source>Import schema from {file}</source>
        <translation>استيراد مخطط من {file}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also remove what the file leaves out (unless annotations use it)</source>
        <translation>إزالة ما يخلو منه الملف أيضًا (ما لم تستعمله التوسيمات)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>To add: {added}, to change: {changed}, to remove: {removed}, unchanged: {unchanged}, refused: {refused}. Nothing changes until you import; one Undo takes it all back.</source>
        <translation>للإضافة: {added}، للتغيير: {changed}، للإزالة: {removed}، دون تغيير: {unchanged}، مرفوض: {refused}. لا يتغير شيء حتى تستورد؛ وتراجع واحد يعيد كل شيء.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Added ({count})</source>
        <translation>مضاف ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed ({count})</source>
        <translation>مغيَّر ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed ({count})</source>
        <translation>مُزال ({count})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Refused ({count})</source>
        <translation>مرفوض ({count})</translation>
    </message>
</context>
<context>
    <name>SchemaUsage</name>
    <message>
        <location filename="../../ui/dialogs/schema_roles.py" line="-204"/>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>gold standard</source>
        <translation>المعيار الذهبي</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../ui/window/search.py" line="+69"/>
        <source>The search index could not be built: {reason}</source>
        <translation>تعذّر بناء فهرس البحث: {reason}</translation>
    </message>
</context>
<context>
    <name>SelectionPreview</name>
    <message>
        <location filename="../../ui/preview.py" line="+89"/>
        <source>No document open.</source>
        <translation>لا وثيقة مفتوحة.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>label key: relabel · {delete}: remove · {edges}: resize · {all}: all occurrences · {clear}: clear</source>
        <translation>مفتاح الفئة: إعادة الوسم · {delete}: حذف · {edges}: تغيير الحدود · {all}: كل المواضع · {clear}: إلغاء</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>&lt;b&gt;Nothing to tag&lt;/b&gt;</source>
        <translation>&lt;b&gt;لا شيء للوسم&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reason} · hold Alt while selecting, or Ctrl+E, for exact characters</source>
        <translation>{reason} · اضغط Alt أثناء التحديد، أو Ctrl+E، لتحديد الأحرف بدقة</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select text, then press a label key or click a label. Click an annotation to select it; Tab goes to the next one.</source>
        <translation>حدِّد نصًّا، ثم اضغط مفتاح فئة أو انقر فئة. انقر توسيمًا لتحديده؛ وTab ينتقل إلى التالي.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Excluded text&lt;/b&gt;</source>
        <translation>&lt;b&gt;نص مستبعد&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>annotations cannot be placed here · Annotate &gt; Include selection again to annotate it</source>
        <translation>لا توضع التوسيمات هنا · «توسيم &gt; إعادة إدراج التحديد» لتوسيمه</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>exact characters, punctuation at an edge included ({marks})</source>
        <translation>أحرف بدقة، مع علامة الترقيم على الحافة ({marks})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exact characters</source>
        <translation>أحرف بدقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>snapped to the word, the clitic «{clitic}» left out</source>
        <translation>محاذاة إلى الكلمة، مع ترك اللاصقة «{clitic}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>{mode} · hold Alt while selecting, or Ctrl+E, for exact</source>
        <translation>{mode} · اضغط Alt أثناء التحديد، أو Ctrl+E، للدقة</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>snapped to whole words</source>
        <translation>محاذاة إلى كلمات كاملة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>whole words</source>
        <translation>كلمات كاملة</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>&lt;b&gt;Selected&lt;/b&gt; (read-only)</source>
        <translation>&lt;b&gt;المحدد&lt;/b&gt; (للقراءة فقط)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&lt;b&gt;Would tag&lt;/b&gt;</source>
        <translation>&lt;b&gt;سيُوسَم&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shortcuts.py" line="-134"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change keys…</source>
        <translation>تغيير المفاتيح…</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location line="-53"/>
        <source>{description} (in the text)</source>
        <translation>{description} (في النص)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{description} (on a suggestion in the text)</source>
        <translation>{description} (على اقتراح في النص)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labels (select text first; with an annotation selected: relabel)</source>
        <translation>الفئات (حدِّد نصًّا أولًا؛ ومع تحديد توسيم: إعادة وسمه)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>With an Arabic keyboard layout active, label keys still work: the key that types ض acts as q, ٢ as 2 and so on. Every other binding can be changed with &lt;b&gt;Change keys…&lt;/b&gt; below.</source>
        <translation>تعمل مفاتيح الفئات مع تخطيط لوحة المفاتيح العربي أيضًا: المفتاح الذي يكتب ض يعمل عمل q، و٢ عمل 2، وهكذا. ويمكن تغيير كل اختصار آخر بـ&lt;b&gt;تغيير المفاتيح…&lt;/b&gt; في الأسفل.</translation>
    </message>
</context>
<context>
    <name>SpanPicker</name>
    <message>
        <location filename="../../ui/span_picker.py" line="+61"/>
        <source>{prompt} — Esc cancels.</source>
        <translation>{prompt} — Esc للإلغاء.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That annotation does not fit. {prompt} — Esc cancels.</source>
        <translation>هذا التوسيم لا يناسب. {prompt} — Esc للإلغاء.</translation>
    </message>
</context>
<context>
    <name>StancePanel</name>
    <message>
        <location filename="../../ui/panels/stances.py" line="+100"/>
        <location line="+34"/>
        <location line="+51"/>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Author&apos;s polarity</source>
        <translation>قطبية الكاتب</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+87"/>
        <source>Evidence</source>
        <translation>الشاهد</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New attributed stance held by the selected entity annotation, or click the holder ({keys})</source>
        <translation>موقف منسوب جديد يتبناه توسيم الكيان المحدد، أو انقر صاحبه ({keys})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete the selected stance with its evidence</source>
        <translation>حذف الموقف المحدد مع شواهده</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <source>Holder</source>
        <translation>صاحب الموقف</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+52"/>
        <source>Polarity</source>
        <translation>القطبية</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Pick</source>
        <translation>اختيار من النص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click the holder&apos;s entity annotation in the text</source>
        <translation>انقر توسيم كيان صاحب الموقف في النص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use selected</source>
        <translation>استعمال المحدد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The annotation selected in the text becomes the holder</source>
        <translation>يصير التوسيم المحدد في النص صاحب الموقف</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the target</source>
        <translation>اختر الهدف</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the polarity</source>
        <translation>اختر القطبية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add selection</source>
        <translation>إضافة التحديد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The selected text becomes evidence of the stance ({keys})</source>
        <translation>يصير النص المحدد شاهدًا على الموقف ({keys})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note on this stance</source>
        <translation>ملاحظة على هذا الموقف</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>The article&apos;s stance (the author&apos;s)</source>
        <translation>موقف المقال (موقف الكاتب)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attributed stances</source>
        <translation>المواقف المنسوبة</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Keys on a row: {keys}; Del clears.</source>
        <translation>المفاتيح على صف: {keys}؛ وDel يمسح.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The schema has no stance targets (Annotate &gt; Edit schema adds them).</source>
        <translation>لا أهداف مواقف في المخطط («توسيم &gt; تعديل المخطط» يضيفها).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An entity (click it)</source>
        <translation>كيان (انقره)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>(no holder)</source>
        <translation>(بلا صاحب)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no target)</source>
        <translation>(بلا هدف)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>(none — pick one)</source>
        <translation>(لا أحد — اختر واحدًا)</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The schema has no polarities; add some first (Annotate &gt; Edit schema).</source>
        <translation>لا قيم قطبية في المخطط؛ أضف بعضها أولًا (توسيم &gt; تعديل المخطط).</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+75"/>
        <source>Click the entity annotation who holds the stance</source>
        <translation>انقر توسيم الكيان الذي يتبنى الموقف</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+75"/>
        <source>Click the entity annotation the stance is about (its target)</source>
        <translation>انقر توسيم الكيان الذي يدور حوله الموقف (هدفه)</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Stance added, incomplete: choose its polarity and target here (or press their keys in the list), and select the words that show it: {key} adds them as evidence.</source>
        <translation>أُضيف الموقف ناقصًا: اختر قطبيته وهدفه هنا (أو اضغط مفاتيحهما في القائمة)، وحدّد الكلمات التي تدل عليه: {key} يضيفها شاهدًا.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Select the holder&apos;s annotation in the text first.</source>
        <translation>حدِّد توسيم صاحب الموقف في النص أولًا.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a stance first (in the stance panel).</source>
        <translation>حدِّد موقفًا أولًا (في لوحة المواقف).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the words that show the stance in the text first.</source>
        <translation>حدِّد في النص الكلمات التي تُظهر الموقف أولًا.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>&lt;p&gt;Evidence of the selected stance (no polarity yet)&lt;/p&gt;</source>
        <translation>&lt;p&gt;شاهد على الموقف المحدد (بلا قطبية بعد)&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence of the selected stance: {polarity}</source>
        <translation>شاهد على الموقف المحدد: {polarity}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stances</source>
        <translation>المواقف</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Go to the &amp;stance panel</source>
        <translation>الانتقال إلى لوحة المواقف</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New attributed stance</source>
        <translation>موقف منسوب جديد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add selection as stance e&amp;vidence</source>
        <translation>إضافة التحديد شاهدًا على الموقف</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../../ui/panels/documents.py" line="-280"/>
        <source>New</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>منتهية</translation>
    </message>
</context>
<context>
    <name>StatusTexts</name>
    <message>
        <location filename="../../ui/window/status.py" line="+30"/>
        <source>Every change is written to the project when it is made: there is nothing to save by hand, and a crash loses nothing shown as saved.</source>
        <translation>يُكتب كل تغيير في المشروع لحظة إجرائه: لا شيء يُحفظ يدويًا، ولا يُفقد عند التعطل شيء ظهر محفوظًا.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved {time}</source>
        <translation>حُفظ {time}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All changes saved</source>
        <translation>حُفظت كل التغييرات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (curator)</source>
        <translation>{name} (مُنقِّح)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Viewing {owner} (read-only) · you are {you}</source>
        <translation>عرض {owner} (للقراءة فقط) · أنت {you}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annotator: {you}</source>
        <translation>المُوسِّم: {you}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>{count} document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتان</numerusform>
            <numerusform>{count} وثائق</numerusform>
            <numerusform>{count} وثيقةً</numerusform>
            <numerusform>{count} وثيقة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document #{id}</source>
        <translation>الوثيقة ‎#{id}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document {number} of {count}</source>
        <translation>الوثيقة {number} من {count}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>selection {offsets} · {text} · exact</source>
        <translation>التحديد {offsets} · {text} · بدقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>selection {offsets} · {text}</source>
        <translation>التحديد {offsets} · {text}</translation>
    </message>
</context>
<context>
    <name>SuggestionListModel</name>
    <message>
        <location filename="../../ui/recommend/panel.py" line="+26"/>
        <source>Label</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 (%2), suggested by %3</source>
        <translation>%1 (%2)، اقترحه %3</translation>
    </message>
</context>
<context>
    <name>SuggestionMarks</name>
    <message>
        <location filename="../../ui/recommend/marks.py" line="+78"/>
        <source>%1 accepts, %2 rejects, %3 accepts every %4 here</source>
        <translation>%1 يقبل، %2 يرفض، %3 يقبل كل %4 هنا</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../ui/recommend/panel.py" line="+18"/>
        <source>Train now</source>
        <translation>درِّب الآن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learn again from the annotations as they are now (in the background)</source>
        <translation>التعلم من جديد من التوسيمات كما هي الآن (في الخلفية)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+79"/>
        <source>All of label</source>
        <translation>كل الفئة</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>No recommender has learnt yet.</source>
        <translation>لم يتعلم أي نموذج توصية بعد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In this document: %1 accepted, %2 rejected; in all: %3 accepted, %4 rejected</source>
        <translation>في هذه الوثيقة: %1 مقبول، %2 مرفوض؛ في الكل: %3 مقبول، %4 مرفوض</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All %s</source>
        <translation>كل %s</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../ui/recommend/__init__.py" line="+44"/>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Suggestions: {shown} shown · {accepted} accepted · {rejected} rejected</source>
        <translation>الاقتراحات: {shown} معروض · {accepted} مقبول · {rejected} مرفوض</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accept all of this &amp;label here</source>
        <translation>قبول كل هذه الفئة هنا</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>S&amp;how suggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Train recommenders now</source>
        <translation>تدريب نماذج التوصية الآن</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recommender &amp;quality…</source>
        <translation>جودة نماذج التوصية…</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../ui/tasks.py" line="-12"/>
        <source>Unexpected error: {error}</source>
        <translation>خطأ غير متوقع: {error}</translation>
    </message>
</context>
<context>
    <name>TeamConnect</name>
    <message>
        <location filename="../../ui/team/connect.py" line="+47"/>
        <source>The server wants a password.</source>
        <translation>يطلب الخادم كلمة مرور.</translation>
    </message>
</context>
<context>
    <name>TeamMode</name>
    <message>
        <location filename="../../ui/team/__init__.py" line="+70"/>
        <source>Team: offline — reconnecting</source>
        <translation>الفريق: غير متصل — تجري إعادة الاتصال</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team: live</source>
        <translation>الفريق: متصل</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Connect to &amp;team project…</source>
        <translation>الاتصال بمشروع فريق…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Workload…</source>
        <translation>توزيع العمل…</translation>
    </message>
</context>
<context>
    <name>VersionPane</name>
    <message>
        <location filename="../../ui/curation/compare.py" line="-331"/>
        <source>(editable)</source>
        <translation>(قابل للتعديل)</translation>
    </message>
</context>
<context>
    <name>Workload</name>
    <message>
        <location filename="../../ui/team/workload.py" line="+144"/>
        <source>Only curators plan the work (Review &gt; Annotators and roles).</source>
        <translation>لا يخطط العمل إلا المُنقِّحون (مراجعة &gt; المُوسِّمون والأدوار).</translation>
    </message>
</context>
<context>
    <name>WorkloadDialog</name>
    <message>
        <location line="-117"/>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>المسندة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>منتهية</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workload</source>
        <translation>توزيع العمل</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>in corpus order</source>
        <translation>بترتيب المدونة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at random</source>
        <translation>عشوائيًا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed </source>
        <translation>البذرة </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the unassigned documents</source>
        <translation>إسناد الوثائق غير المسندة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotators per document:</source>
        <translation>المُوسِّمون لكل وثيقة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For everyone:</source>
        <translation>للجميع:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move unfinished documents</source>
        <translation>نقل الوثائق غير المنتهية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
</context>
<context>
    <name>_Checklist</name>
    <message>
        <location filename="../../ui/review/restrict.py" line="+20"/>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
</context>
</TS>
