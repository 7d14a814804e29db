"""The default preset against the seed articles: every event they report can be annotated,
with its arguments, and validates without a problem. docs/schema.md lists the same table."""

import pytest
from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.events import add_argument, add_event
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.annotation.stances import add_attributed_stance, set_document_stance
from core.annotation.validation import load_set_content, validate_set
from models.tables import Document

# (document, context, trigger or (trigger, nth in context), event type, arguments)
# Contexts are exact text of the frozen documents (004 keeps its PDF-extraction damage:
# private-use characters such as U+E915 where letters were lost).
# An argument is (role, entity label, text) found in the context, or
# (role, label, text, other context) when the article names it elsewhere.
SEED_EVENTS = [
    # 1 — 000: Meta considers Google's and OpenAI's models
    (
        1,
        "أن شركة ميتا لا تكتفي بالاعتماد على تقنياتها الداخلية، بل تدرس الاستعانة بنماذج "
        "من منافسيها الرئيسيين مثل جوجل وأوبن إيه آي لتطوير روبوت الدردشة Meta AI",
        "الاستعانة",
        "Business.Partnership",
        [
            ("Participants", "ORG", "ميتا"),
            ("Participants", "ORG", "جوجل"),
            ("Participants", "ORG", "أوبن إيه آي"),
            ("Product", "PRODUCT", "Meta AI"),
        ],
    ),
    (
        1,
        "قادة مختبر Meta Superintelligence Lab درسوا إمكانية دمج نموذج Google Gemini داخل Meta AI",
        "دمج",
        "Business.Partnership",
        [
            ("Participants", "ORG", "Meta Superintelligence Lab"),
            ("Product", "PRODUCT", "Google Gemini"),
            ("Product", "PRODUCT", "Meta AI"),
        ],
    ),
    (
        1,
        "أجرت ميتا أيضًا مناقشات حول استخدام نماذج OpenAI التي تقف وراء ChatGPT",
        "مناقشات",
        "Contact.Talks",
        [
            ("Participants", "ORG", "ميتا"),
            ("Participants", "ORG", "OpenAI"),
            ("Topic", "PRODUCT", "ChatGPT"),
        ],
    ),
    (
        1,
        "موظفي ميتا لديهم بالفعل وصول إلى نماذج من شركة Anthropic",
        "وصول",
        "Business.Partnership",
        [("Participants", "ORG", "ميتا"), ("Participants", "ORG", "Anthropic")],
    ),
    (
        1,
        "تعمل ميتا على استقطاب أفضل الباحثين في مجال الذكاء الاصطناعي، وتقدم حزم تعويضات سخية "
        "لجذب خبراء من شركات منافسة مثل جوجل وأوبن إيه آي",
        "استقطاب",
        "Personnel.Hire",
        [("Employer", "ORG", "ميتا"), ("Origin", "ORG", "جوجل"), ("Origin", "ORG", "أوبن إيه آي")],
    ),
    (
        1,
        "تؤكد ميتا أن خطتها طويلة المدى تركز على تطوير نماذجها الخاصة، وعلى رأسها Llama AI",
        "تطوير",
        "Product.Develop",
        [("Developer", "ORG", "ميتا"), ("Product", "PRODUCT", "Llama AI")],
    ),
    # 2 — 001: will Meta give up openness?
    (
        2,
        "وضعت ميتا نفسها كلاعب رئيسي في مجال الذكاء الاصطناعي، ليس فقط من خلال تطوير تقنيات "
        "متقدمة، ولكن أيضًا من خلال تبني فلسفة الانفتاح. تجسدت هذه الفلسفة في إطلاق نماذج "
        "ذكاء اصطناعي مفتوحة المصدر، مثل سلسلة Llama",
        "إطلاق",
        "Product.Release",
        [("Developer", "ORG", "ميتا"), ("Product", "PRODUCT", "Llama")],
    ),
    (
        2,
        "تستثمر ميتا مليارات الدولارات في مجال الذكاء الاصطناعي",
        "تستثمر",
        "Business.Invest",
        [("Investor", "ORG", "ميتا"), ("Money", "MONEY", "مليارات الدولارات")],
    ),
    (
        2,
        'ميتا قد انتهت من تدريب نموذج ذكاء اصطناعي قوي، يُعرف باسم "Behemoth"، ولكنها قررت '
        "تأخير إطلاقه",
        "تدريب",
        "Product.Develop",
        [("Developer", "ORG", "ميتا"), ("Product", "PRODUCT", "Behemoth")],
    ),
    (
        2,
        'ميتا قد انتهت من تدريب نموذج ذكاء اصطناعي قوي، يُعرف باسم "Behemoth"، ولكنها قررت '
        "تأخير إطلاقه",
        "إطلاقه",
        "Product.Release",
        [("Developer", "ORG", "ميتا"), ("Product", "PRODUCT", "Behemoth")],
    ),
    (
        2,
        "تعمل الشركات الصينية، مثل DeepSeek وMoonshot AI، على تطوير نماذج",
        "تطوير",
        "Product.Develop",
        [("Developer", "ORG", "DeepSeek"), ("Developer", "ORG", "Moonshot AI")],
    ),
    # 3 — 002: Meta's closed "Avocado"
    (
        3,
        "تتجه شركة ميتا بقيادة مارك زوكربيرج إلى أكبر تحول في إستراتيجية الذكاء الاصطناعي خلال "
        "تاريخها، مع بدء الشركة تطوير نموذج جديد مغلق يحمل الاسم الرمزي “Avocado”، يُتوقّع "
        "الكشف عنه في ربيع العام المقبل",
        "تطوير",
        "Product.Develop",
        [("Developer", "ORG", "ميتا"), ("Product", "PRODUCT", "Avocado")],
    ),
    (
        3,
        "تتجه شركة ميتا بقيادة مارك زوكربيرج إلى أكبر تحول في إستراتيجية الذكاء الاصطناعي خلال "
        "تاريخها، مع بدء الشركة تطوير نموذج جديد مغلق يحمل الاسم الرمزي “Avocado”، يُتوقّع "
        "الكشف عنه في ربيع العام المقبل",
        "الكشف",
        "Product.Release",
        [
            ("Developer", "ORG", "ميتا"),
            ("Product", "PRODUCT", "Avocado"),
            ("Time", "DATE", "ربيع العام المقبل"),
        ],
    ),
    (
        3,
        "أبعدت ميتا عددًا من أعضاء الفريق المسؤول عن النموذج",
        "أبعدت",
        "Personnel.Leave",
        [("Employer", "ORG", "ميتا"), ("Agent", "ORG", "ميتا")],
    ),
    (
        3,
        "تولى زوكربيرج شخصيًا استقطاب أسماء بارزة في أبحاث الذكاء الاصطناعي بعروض مالية ضخمة "
        "وصلت إلى مئات الملايين من الدولارات لبعضهم، منهم ألكسندر وانغ الذي انضم إلى ميتا ضمن "
        "صفقة استحواذ على شركته الناشئة Scale AI قُدّرت بنحو 14.3 مليار دولار",
        "استقطاب",
        "Personnel.Hire",
        [
            ("Agent", "PERS", "زوكربيرج"),
            ("Person", "PERS", "ألكسندر وانغ"),
            ("Money", "MONEY", "مئات الملايين من الدولارات"),
            ("Employer", "ORG", "ميتا"),
        ],
    ),
    (
        3,
        "منهم ألكسندر وانغ الذي انضم إلى ميتا ضمن صفقة استحواذ على شركته الناشئة Scale AI "
        "قُدّرت بنحو 14.3 مليار دولار",
        "انضم",
        "Personnel.Hire",
        [
            ("Person", "PERS", "ألكسندر وانغ"),
            ("Employer", "ORG", "ميتا"),
            ("Origin", "ORG", "Scale AI"),
        ],
    ),
    (
        3,
        "منهم ألكسندر وانغ الذي انضم إلى ميتا ضمن صفقة استحواذ على شركته الناشئة Scale AI "
        "قُدّرت بنحو 14.3 مليار دولار",
        "استحواذ",
        "Business.Acquire",
        [
            ("Acquirer", "ORG", "ميتا"),
            ("Target", "ORG", "Scale AI"),
            ("Money", "MONEY", "14.3 مليار دولار"),
        ],
    ),
    (
        3,
        "وتخضع النماذج المنافسة مثل Gemma من جوجل، و gpt-oss من OpenAI، و Qwen من علي بابا "
        "لعملية “تقطير” داخل ميتا",
        "تقطير",
        "Model.Distill",
        [
            ("Developer", "ORG", "ميتا"),
            ("Source", "PRODUCT", "Gemma"),
            ("Source", "PRODUCT", "gpt-oss"),
            ("Source", "PRODUCT", "Qwen"),
        ],
    ),
    (
        3,
        "التزام زوكربيرج بإنفاق 600 مليار دولار خلال ثلاث سنوات على البنية التحتية داخل "
        "الولايات المتحدة",
        "إنفاق",
        "Business.Invest",
        [
            ("Investor", "PERS", "زوكربيرج"),
            ("Money", "MONEY", "600 مليار دولار"),
            ("Time", "DATE", "خلال ثلاث سنوات"),
            ("Place", "GPE", "الولايات المتحدة"),
        ],
    ),
    (3, "وقد ارتفعت أسهم ميتا حديثًا", "ارتفعت", "Finance.Stock", [("Company", "ORG", "ميتا")]),
    (
        3,
        "شهدت ميتا اضطرابات داخلية ملموسة خلال الأشهر الماضية؛ فقد غادر عدد من الباحثين الجدد",
        "غادر",
        "Personnel.Leave",
        [("Employer", "ORG", "ميتا")],
    ),
    (
        3,
        "شهدت ميتا اضطرابات داخلية ملموسة خلال الأشهر الماضية؛ فقد غادر عدد من الباحثين الجدد "
        "خلال أسابيع من انضمامهم، كما ألغت الشركة 600 وظيفة في وحدات الذكاء الاصطناعي، منها "
        "كبيرة في فريق FAIR البحثي",
        "ألغت",
        "Business.Layoff",
        [("Employer", "ORG", "ميتا"), ("Count", "CARDINAL", "600"), ("Unit", "ORG", "FAIR")],
    ),
    (
        3,
        "شهدت ميتا اضطرابات داخلية ملموسة خلال الأشهر الماضية؛ فقد غادر عدد من الباحثين الجدد "
        "خلال أسابيع من انضمامهم، كما ألغت الشركة 600 وظيفة في وحدات الذكاء الاصطناعي، منها "
        "كبيرة في فريق FAIR البحثي، وغادر يان لوكون",
        ("غادر", 1),
        "Personnel.Leave",
        [("Employer", "ORG", "ميتا"), ("Person", "PERS", "يان لوكون")],
    ),
    (
        3,
        "منصة Vibes – التي أطلقتها ميتا على عجل",
        "أطلقتها",
        "Product.Release",
        [("Product", "PRODUCT", "Vibes"), ("Developer", "ORG", "ميتا")],
    ),
    (
        3,
        "ألكسندر وانغ، الذي يؤدي دورًا مركزيًا في تطوير نموذج Avocado",
        "تطوير",
        "Product.Develop",
        [("Developer", "PERS", "ألكسندر وانغ"), ("Product", "PRODUCT", "Avocado")],
    ),
    # 4 — 003: firings, deals and billions
    (
        4,
        "لإعادة 'ميتا' إلى الواجهة.\nوتضمنت الخطة خطوات جذرية، منها ضخ استثمار كبير قدره "
        "14.3 مليار دولار في شركة Scale AI الناشئة",
        "ضخ",
        "Business.Invest",
        [
            ("Investor", "ORG", "ميتا"),
            ("Money", "MONEY", "14.3 مليار دولار"),
            ("Recipient", "ORG", "Scale AI"),
        ],
    ),
    (
        4,
        "Scale AI الناشئة، إلى جانب استقطاب مؤسسها ألكسندر وانغ وفريقه للانضمام إلى مختبر 'ميتا' "
        "للذكاء الاصطناعي الفائق",
        "استقطاب",
        "Personnel.Hire",
        [
            ("Person", "PERS", "ألكسندر وانغ"),
            ("Origin", "ORG", "Scale AI"),
            ("Employer", "ORG", "مختبر 'ميتا' للذكاء الاصطناعي الفائق"),
        ],
    ),
    (
        4,
        "أقال زوكربيرج نائب الرئيس المسؤول عن الذكاء الاصطناعي التوليدي (Generative AI) في ميتا",
        "أقال",
        "Personnel.Leave",
        [
            ("Agent", "PERS", "زوكربيرج"),
            ("Position", "OCC", "نائب الرئيس"),
            ("Employer", "ORG", "ميتا"),
        ],
    ),
    (
        4,
        "وأجرت الشركة محادثات مع شركات ناشئة أخرى مثل 'Perplexity'",
        "محادثات",
        "Contact.Talks",
        [("Participants", "ORG", "Perplexity")],
    ),
    (
        4,
        "عرضت على أكثر من 45 باحثًا من OpenAI مكافآت تصل إلى 100 مليون دولار للفرد، وقد قبل "
        "أربعة منهم الانضمام",
        "الانضمام",
        "Personnel.Hire",
        [
            ("Origin", "ORG", "OpenAI"),
            ("Money", "MONEY", "100 مليون دولار"),
            ("Count", "CARDINAL", "أربعة"),
            ("Employer", "ORG", "ميتا", "(Generative AI) في ميتا"),
        ],
    ),
    (
        4,
        "ناقش زوكربيرج مع مستشاريه احتمال 'خفض الاستثمار' في نموذج 'Llama'",
        "ناقش",
        "Contact.Talks",
        [("Participants", "PERS", "زوكربيرج"), ("Topic", "PRODUCT", "Llama")],
    ),
    (
        4,
        "ناقش زوكربيرج مع مستشاريه احتمال 'خفض الاستثمار' في نموذج 'Llama'",
        "الاستثمار",
        "Business.Invest",
        [
            ("Recipient", "PRODUCT", "Llama"),
            ("Investor", "ORG", "ميتا", "ومع ذلك، أكدت ميتا التزامها"),
        ],
    ),
    (
        4,
        "أكدت ميتا التزامها بتطوير نموذج 'Llama' مع خطط لإصدارات مستقبلية هذا العام",
        "تطوير",
        "Product.Develop",
        [("Developer", "ORG", "ميتا"), ("Product", "PRODUCT", "Llama")],
    ),
    (
        4,
        "أكدت ميتا التزامها بتطوير نموذج 'Llama' مع خطط لإصدارات مستقبلية هذا العام",
        "إصدارات",
        "Product.Release",
        [
            ("Developer", "ORG", "ميتا"),
            ("Product", "PRODUCT", "Llama"),
            ("Time", "DATE", "هذا العام"),
        ],
    ),
    (
        4,
        "شركات التكنولوجيا الكبرى مثل جوجل ومايكروسوفت وأمازون إلى الاستثمار في الذكاء الاصطناعي",
        "الاستثمار",
        "Business.Invest",
        [
            ("Investor", "ORG", "جوجل"),
            ("Investor", "ORG", "مايكروسوفت"),
            ("Investor", "ORG", "أمازون"),
        ],
    ),
    (
        4,
        "وكانت ميتا من أوائل الشركات المهتمة بهذا المجال عبر تأسيس وحدة 'FAIR' البحثية بقيادة "
        "يان لوكون",
        "تأسيس",
        "Business.Found",
        [
            ("Founder", "ORG", "ميتا"),
            ("Organization", "ORG", "FAIR"),
            ("Leader", "PERS", "يان لوكون"),
        ],
    ),
    (
        4,
        "لكن ظهور ChatGPT عام 2022",
        "ظهور",
        "Product.Release",
        [
            ("Product", "PRODUCT", "ChatGPT"),
            ("Time", "DATE", "عام 2022"),
            ("Developer", "ORG", "OpenAI", "منافسة نماذج شركات مثل OpenAI"),
        ],
    ),
    (
        4,
        "تشكيل فريق للذكاء الاصطناعي التوليدي في 2023 بقيادة أحمد الدهل",
        "تشكيل",
        "Business.Found",
        [
            ("Organization", "ORG", "فريق للذكاء الاصطناعي التوليدي"),
            ("Time", "DATE", "2023"),
            ("Leader", "PERS", "أحمد الدهل"),
        ],
    ),
    # 4 — 003, the related articles after "أخبار ذات صلة" (boilerplate to exclude, but expressible)
    (
        4,
        "بعد مدة وجيزة من مغادرة الأخير منصبه في البيت الأبيض",
        "مغادرة",
        "Personnel.Leave",
        [("Employer", "ORG", "البيت الأبيض")],
    ),
    (
        4,
        "مايكروسوفت التي ضخت أكثر من 13 مليار دولار في OpenAI منذ عام 2019",
        "ضخت",
        "Business.Invest",
        [
            ("Investor", "ORG", "مايكروسوفت"),
            ("Money", "MONEY", "13 مليار دولار"),
            ("Recipient", "ORG", "OpenAI"),
            ("Time", "DATE", "منذ عام 2019"),
        ],
    ),
    (
        4,
        "وفي مايو الماضي، توصلت OpenAI إلى اتفاق لشراء شركة Windsurf الناشئة المتخصصة في أدوات "
        "كتابة الشيفرة البرمجية، مقابل 3 مليارات دولار",
        "لشراء",
        "Business.Acquire",
        [
            ("Acquirer", "ORG", "OpenAI"),
            ("Target", "ORG", "Windsurf"),
            ("Money", "MONEY", "3 مليارات دولار"),
            ("Time", "DATE", "مايو الماضي"),
        ],
    ),
    (
        4,
        "شراكة Microsoft وOpenAI على المحك",
        "شراكة",
        "Business.Partnership",
        [("Participants", "ORG", "Microsoft"), ("Participants", "ORG", "OpenAI")],
    ),
    (
        4,
        "وتُعد إعادة هيكلة OpenAI أولوية عاجلة",
        "إعادة هيكلة",
        "Business.Restructure",
        [("Organization", "ORG", "OpenAI")],
    ),
    (
        4,
        "شركة سوفت بنك اليابانية ربطت ضخ تمويل بقيمة 10 مليارات دولار",
        "ضخ",
        "Business.Invest",
        [
            ("Investor", "ORG", "سوفت بنك"),
            ("Money", "MONEY", "10 مليارات دولار"),
            ("Recipient", "ORG", "OpenAI", "إعادة هيكلة OpenAI"),
        ],
    ),
    (
        4,
        'كشف مارك زوكربيرغ، الرئيس التنفيذي لشركة Meta، عن إطلاق "Meta Superintelligence Labs"',
        "إطلاق",
        "Business.Found",
        [("Founder", "ORG", "Meta"), ("Organization", "ORG", "Meta Superintelligence Labs")],
    ),
    (
        4,
        "يتولى قيادة المختبر الجديد ألكسندر وانغ، المؤسس الشاب لشركة Scale AI",
        "يتولى",
        "Personnel.Hire",
        [
            ("Person", "PERS", "ألكسندر وانغ"),
            ("Origin", "ORG", "Scale AI"),
            (
                "Employer",
                "ORG",
                "Meta Superintelligence Labs",
                'عن إطلاق "Meta Superintelligence Labs',
            ),
        ],
    ),
    # 5 — 004: OpenAI's turmoil, Meta's gain (text damaged by PDF extraction)
    (
        5,
        "بالرحيل المضطرب لسام ألتمان من «أوبن إيه\nآي»، ثم عودته إليها بعد أقل من أسبوع",
        "الرحيل",
        "Personnel.Leave",
        [("Person", "PERS", "سام ألتمان"), ("Employer", "ORG", "أوبن إيه\nآي")],
    ),
    (
        5,
        "بالرحيل المضطرب لسام ألتمان من «أوبن إيه\nآي»، ثم عودته إليها بعد أقل من أسبوع",
        "عودته",
        "Personnel.Hire",
        [
            ("Person", "PERS", "سام ألتمان"),
            ("Employer", "ORG", "أوبن إيه\nآي"),
            ("Time", "DATE", "بعد أقل من أسبوع"),
        ],
    ),
    (
        5,
        "أعضاء مجلس إدارة «أوبن إيه آي»، الذين افتعلوا الأزمة بإقالة\n\n\ue915ألتمان، الجمعة الماض",
        "إقالة",
        "Personnel.Leave",
        [
            ("Agent", "ORG", "مجلس إدارة «أوبن إيه آي»"),
            ("Person", "PERS", "ألتمان"),
            ("Employer", "ORG", "أوبن إيه آي"),
            ("Time", "DATE", "الجمعة الماض"),
        ],
    ),
    (
        5,
        "وتواصل الشركة الاستثمار",
        "الاستثمار",
        "Business.Invest",
        [("Investor", "ORG", "ميتا", "وصفت «ميتا»")],
    ),
]


@pytest.fixture
def annotated(seeded_project):
    project = seeded_project
    annotator = ensure_annotator(project, "Salma").value
    sets, texts = {}, {}
    with project.write() as tx:
        for document_id in range(1, 6):
            sets[document_id] = ensure_set(tx, document_id, annotator)
    with project.read() as conn:
        texts = dict(conn.execute(select(Document.id, Document.text)).all())
    spans: dict[tuple[int, int, int, int], int] = {}
    schema = project.schema

    def locate(document_id, needle, context, nth=0):
        text = texts[document_id]
        base = text.index(context)
        at = base - 1
        for _ in range(nth + 1):
            at = text.index(needle, at + 1)
        assert at + len(needle) <= base + len(context), (needle, context)
        return at, at + len(needle)

    def span(document_id, label, start, end):
        label_id = schema.by_key("entity", label).id
        key = (document_id, label_id, start, end)
        if key not in spans:
            spans[key] = add_span(project, sets[document_id], start, end, label_id).value
        return spans[key]

    made = []
    for document_id, context, trigger, type_key, arguments in SEED_EVENTS:
        needle, nth = trigger if isinstance(trigger, tuple) else (trigger, 0)
        type_id = schema.by_key("event", type_key).id
        start, end = locate(document_id, needle, context, nth)
        event = add_event(project, sets[document_id], type_id, start, end).value
        for role_key, label, text, *elsewhere in arguments:
            where = elsewhere[0] if elsewhere else context
            span_id = span(document_id, label, *locate(document_id, text, where))
            add_argument(project, event, schema.role_by_key(type_id, role_key).id, span_id)
        made.append(event)
    return project, sets, texts, span, locate, made


def test_every_seed_event_is_expressible_and_valid(annotated):
    project, sets, *_, made = annotated
    assert len(made) == len(SEED_EVENTS)
    with project.read() as conn:
        for set_id in sets.values():
            assert validate_set(project.schema, load_set_content(conn, set_id)) == []


def test_every_event_type_of_the_preset_is_used_by_a_seed_event():
    from core.schema.model import load_preset

    used = {entry[3] for entry in SEED_EVENTS}
    assert used == {e["key"] for e in load_preset("ai-news-ar")["events"]}


def test_seed_stances_are_expressible(annotated):
    project, sets, _, span, locate, _ = annotated
    schema = project.schema
    favor = schema.by_key("polarity", "FAVOR").id
    against = schema.by_key("polarity", "AGAINST").id
    # 001: Zuckerberg favours openness, in his own words
    quote = "نحن بالتأكيد نؤيد بشدة الانفتاح"
    zuck = span(2, "PERS", *locate(2, "زوكربيرغ", "في الصيف الماضي، قال زوكربيرغ"))
    add_attributed_stance(
        project,
        sets[2],
        zuck,
        favor,
        target_label_id=schema.by_key("stance_target", "OPEN_SOURCE_AI").id,
        evidence=[locate(2, quote, quote)],
    )
    # 002: Zuckerberg criticised Chinese censorship of AI (a target that is an entity span)
    china = span(3, "GPE", *locate(3, "الصينية", "إجراءات الرقابة الصينية"))
    zuck3 = span(3, "PERS", *locate(3, "زوكربيرج", "بعد تصريحات زوكربيرج"))
    add_attributed_stance(
        project,
        sets[3],
        zuck3,
        against,
        target_span_id=china,
        evidence=[
            locate(3, "انتقدت إجراءات الرقابة الصينية", "التي انتقدت إجراءات الرقابة الصينية")
        ],
    )
    # 002, as a whole: the article reports a turn away from open source
    set_document_stance(
        project, sets[3], schema.by_key("stance_target", "CLOSED_MODELS").id,
        schema.by_key("polarity", "NEUTRAL").id,
    )  # fmt: skip
    with project.read() as conn:
        for set_id in (sets[2], sets[3]):
            assert validate_set(schema, load_set_content(conn, set_id)) == []
