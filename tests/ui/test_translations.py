"""The interface in Arabic: every text the code marks for translation has a finished
Arabic translation (extracted afresh from the sources, as `make translations` does), the
plural forms are all there, and the window and its main views are laid out right to
left; View > Language is remembered."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import load_script
from tests.ui.test_curation import DOCUMENT, open_curation
from ui import i18n, settings
from ui.dialogs.export import ExportDialog
from ui.qt import Qt, QtWidgets
from ui.review import ReviewDashboard

translations = load_script("translations.py")
ARABIC_PLURAL_FORMS = 6  # zero, one, two, few, many, other
LATIN = re.compile("[A-Za-z]")
FIELD = re.compile(r"\{[^{}]*\}")  # a str.format field, "{count:,}"


def extracted(folder: Path, language: str, plural_only: bool) -> ET.ElementTree:
    """The repository's catalogue brought up to date with the sources, in `folder`: texts
    the catalogue lacks come in unfinished."""
    ts = translations.catalogue(language, folder)
    shutil.copy(translations.catalogue(language), ts)
    translations.lupdate(ts, language, plural_only)
    return ET.parse(ts)


def messages(tree: ET.ElementTree):
    """(context, source, translation element, its forms) of every message."""
    for context in tree.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
            else:
                forms = [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), translation, forms


@pytest.fixture(scope="module")
def arabic_catalogue(tmp_path_factory: pytest.TempPathFactory) -> ET.ElementTree:
    return extracted(tmp_path_factory.mktemp("ts"), i18n.ARABIC, plural_only=False)


def test_every_text_of_the_interface_has_a_finished_arabic_translation(arabic_catalogue):
    found = list(messages(arabic_catalogue))
    assert len(found) > 1000  # the extraction saw the whole interface
    missing = [
        f"{context}: {source!r}"
        for context, source, translation, forms in found
        if translation.get("type") or not all(form.strip() for form in forms)
    ]
    assert not missing, (
        f"{len(missing)} text(s) without a finished Arabic translation (run `make "
        "translations` and translate them in resources/translations/tawsim_ar.ts):\n"
        + "\n".join(missing)
    )


def test_arabic_translations_keep_their_fields_and_have_every_plural_form(arabic_catalogue):
    broken = []
    for context, source, translation, forms in messages(arabic_catalogue):
        if translation.get("type"):
            continue  # reported by the test above
        if len(forms) > 1 and len(forms) != ARABIC_PLURAL_FORMS:
            broken.append(f"{context}: {source!r} has {len(forms)} plural forms")
        fields = sorted(FIELD.findall(source))
        for number, form in enumerate(forms):
            found = sorted(FIELD.findall(form))
            # the forms for none, one and two may say the number in words ("وثيقتان")
            words = len(forms) > 1 and number < 3
            if found != fields and not (words and set(found) <= set(fields)):
                broken.append(f"{context}: {source!r} -> {form!r}")  # .format would fail
    assert not broken, "\n".join(broken)


def test_every_english_plural_has_its_two_forms(tmp_path):
    missing = [
        f"{context}: {source!r}"
        for context, source, translation, forms in messages(
            extracted(tmp_path, i18n.ENGLISH, plural_only=True)
        )
        if translation.get("type") or len(forms) != 2 or not all(forms)
    ]
    assert not missing, "\n".join(missing)


def test_arabic_plural_forms_are_chosen_by_count(arabic):
    from core.text.canonical import PRIVATE_USE, TextNote
    from ui.dialogs.import_documents import note_text

    counted = [i18n.Plural.tr("%n document(s) added", None, n) for n in (0, 1, 2, 3, 11, 100)]
    assert len(set(counted)) == ARABIC_PLURAL_FORMS  # six different Arabic forms
    assert all(not LATIN.search(text) for text in counted)
    assert "خاص" in note_text(TextNote(PRIVATE_USE, 2))


def test_a_translatable_class_does_not_inherit_another_ones_texts():
    """`Translatable.tr` files a text under the class of the instance, while the
    extraction files it under the class whose code says it: a subclass would find none."""
    import importlib
    import pkgutil

    import ui

    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        if not module.name.endswith("screenshots"):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    inheriting = [
        cls.__qualname__
        for cls in subclasses(i18n.Translatable)
        if any(
            issubclass(base, i18n.Translatable) and base is not i18n.Translatable
            for base in cls.__mro__[1:]
        )
    ]
    assert inheriting == []


def right_to_left(widget: QtWidgets.QWidget) -> bool:
    return widget.layoutDirection() == Qt.LayoutDirection.RightToLeft


def menu_titles(window: QtWidgets.QMainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_main_window_speaks_arabic_right_to_left(arabic, make_window, seeded_project):
    window = make_window(seeded_project)
    assert right_to_left(window) and right_to_left(window.editor)
    titles = menu_titles(window)
    assert titles[0] == "ملف" and not any(LATIN.search(title) for title in titles)
    bar = window.menuBar()
    first, last = bar.actions()[0], bar.actions()[-1]
    # the first menu stands at the right; the labels too, where lines start, and the
    # document list across the text, on the left
    assert bar.actionGeometry(first).left() > bar.actionGeometry(last).left()
    documents = window.docks["documents"]
    assert documents.isVisible()
    assert documents.geometry().right() < window.centralWidget().geometry().left()
    assert window.docks["labels"].geometry().left() > window.centralWidget().geometry().right()
    # labels by their Arabic names, in the palette and the label menu
    labels = [a.text() for a in window.menu("labels").actions() if a.text()]
    assert any("منظمة" in text for text in labels)
    assert not any("ORG" in text for text in labels)


def test_the_review_dashboard_curation_and_export_are_right_to_left(
    qtbot, arabic, make_window, seeded_project, tmp_path
):
    from tests.ui.test_curation import seed_curation
    from ui.tasks import wait_for_tasks

    seeded_project.annotators = seed_curation(seeded_project)
    lead = make_window(seeded_project, annotator="Lead", size=(1500, 950))
    view = open_curation(lead, DOCUMENT)
    assert view is not None and right_to_left(view)
    assert not LATIN.search(view.windowTitle().replace("Lead", ""))

    dashboard = ReviewDashboard(seeded_project, seeded_project.annotators["Lead"])
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.computed, timeout=30_000):
        dashboard.show()
    assert right_to_left(dashboard) and right_to_left(dashboard.heatmap)
    tabs = [dashboard.tabs.tabText(i) for i in range(dashboard.tabs.count())]
    assert [tab for tab in tabs if LATIN.search(tab)] == ["SemEval-2013"]  # a task's name
    # the first tab is drawn at the right
    bar = dashboard.tabs.tabBar()
    assert bar.tabRect(0).left() > bar.tabRect(bar.count() - 1).left()
    dashboard.close()
    wait_for_tasks()

    export = ExportDialog(seeded_project, "Lead")
    qtbot.addWidget(export)
    export.show()
    assert right_to_left(export)
    assert export.windowTitle() and not LATIN.search(export.windowTitle())
    assert export.export_button.mapTo(export, export.export_button.rect().topLeft()).x() < (
        export.width() // 2
    )  # the dialog's buttons end at the left


def test_view_language_is_remembered_for_the_next_start(window):
    english, arabic_entry = window.actions["view.language_en"], window.actions["view.language_ar"]
    assert english.isChecked() and not arabic_entry.isChecked()
    assert arabic_entry.text() == "العربية"
    arabic_entry.trigger()
    assert settings.value(i18n.SETTING, "") == i18n.ARABIC
    assert i18n.chosen_language() == i18n.ARABIC
    assert "العربية" in window.notice.message.text()
    assert i18n.language() == i18n.ENGLISH  # the window is still built in English
    english.trigger()
    assert i18n.chosen_language() == i18n.ENGLISH


def test_the_system_language_is_used_until_one_is_chosen(window):
    assert settings.value(i18n.SETTING, "") == ""
    assert i18n.chosen_language() == i18n.system_language()


def test_what_core_says_of_agreement_recommenders_and_teams_is_shown_in_arabic(arabic):
    from functools import partial

    from core.project.errors import OperationError
    from core.recommend.examples import ANNOTATOR, TrainingSource
    from core.review.agreement.coefficients import krippendorff_alpha
    from core.review.agreement.results import Figure
    from core.team.assignment import plan_assignments
    from ui.i18n import error_text, text_of

    undefined = Figure.of(partial(krippendorff_alpha, [("x", None), (None, "y")]), 0).undefined
    assert undefined is not None and undefined.startswith("Krippendorff's alpha is undefined")
    assert text_of(undefined).startswith("ألفا كريبندورف غير معرَّفة")
    assert text_of(TrainingSource(ANNOTATOR, "Salma").describe()) == "توسيمات Salma"
    with pytest.raises(OperationError) as refused:
        plan_assignments([1, 2], [], per_document=1)
    assert str(refused.value) == "choose the annotators to assign documents to"  # the CLI's
    assert error_text(refused.value) == "اختر المُوسِّمين الذين تُسنَد إليهم الوثائق"


def test_refusals_of_passphrases_packages_and_rescues_are_shown_in_arabic(
    arabic, seeded_project, tmp_path
):
    from core.annotation.curator_secret import set_curator_secret
    from core.io.handoff import export_package
    from core.project.doctor import rescue_project
    from core.project.errors import OperationError
    from ui.i18n import error_text

    with pytest.raises(OperationError) as short:
        set_curator_secret(seeded_project, "short", None)
    assert str(short.value).startswith("a curator passphrase needs at least")  # the CLI's
    assert error_text(short.value).startswith("تحتاج عبارة مرور المُنقِّح إلى")
    with pytest.raises(OperationError) as itself:
        export_package(seeded_project, seeded_project.path, "Salma")
    assert error_text(itself.value) == (
        f"الملف {seeded_project.path} هو هذا المشروع نفسه؛ اختر ملفًا آخر للحزمة"
    )
    taken = tmp_path / "taken.tawsim"
    taken.write_bytes(b"")
    with pytest.raises(OperationError) as exists:
        rescue_project(seeded_project.path, taken)
    assert error_text(exists.value).startswith(f"الملف {taken} موجود من قبل")


def test_recommender_counts_take_the_arabic_plural_forms(arabic):
    def learnt(n: int) -> str:
        return i18n.translate(
            "Recommending", "Learnt from %n document(s) of {source}: {recommenders}.", None, n
        )

    assert learnt(2).startswith("تعلّم من وثيقتين")
    assert learnt(7).startswith("تعلّم من 7 وثائق")
    assert learnt(12).startswith("تعلّم من 12 وثيقةً")
    folds = i18n.translate("QualityDialog", "%n-fold cross-validation", None, 5)
    shown = i18n.translate("QualityDialog", "{validation} over %n document(s).", None, 30)
    assert shown.format(validation=folds) == "تحقق متقاطع بـ5 طيّات على 30 وثيقةً."


def test_an_import_refusal_names_the_file_line_and_problem_in_arabic(
    arabic, seeded_project, tmp_path
):
    import json

    from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations
    from ui.i18n import text_of

    bad = tmp_path / "bad.jsonl"
    record = {"text": "جوجل", "entities": [{"id": 1, "start": 0, "end": 40, "label": "ORG"}]}
    bad.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_annotations(seeded_project, "jsonl", [bad], ImportOptions("Salma"))
    [problem] = refused.value.problems
    assert problem == (  # the command line's
        "bad.jsonl line 1: entity 1 (ORG) offsets 0-40 are outside the document (4 characters)"
    )
    assert text_of(problem) == (
        "bad.jsonl السطر 1: مواضع الكيان 1 (ORG) 0-40 خارج الوثيقة (4 حروف)"
    )


def test_a_file_a_reader_refuses_is_named_with_its_line_in_arabic(arabic, seeded_project, tmp_path):
    from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations
    from ui.i18n import text_of

    bad = tmp_path / "doccano.jsonl"
    bad.write_text('{"label": []}\n', encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_annotations(seeded_project, "doccano", [bad], ImportOptions("Salma"))
    [problem] = refused.value.problems
    assert problem == "doccano.jsonl line 1: field 'text' is missing or not text"
    assert text_of(problem) == "doccano.jsonl السطر 1: الحقل 'text' غير موجود أو ليس نصًّا"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"text": "ميتا", "entities": [{"start": "0", "end": 4, "label": "ORG"}]}\n', "utf-8"
    )
    with pytest.raises(ImportRefused) as refused:
        import_annotations(seeded_project, "jsonl", [gold], ImportOptions("Salma"))
    [problem] = refused.value.problems
    assert problem == "gold.jsonl line 1: entities[0].start must be a whole number, not '0'"
    assert text_of(problem) == (
        "gold.jsonl السطر 1: يجب أن يكون الحقل entities[0].start عددًا صحيحًا، لا '0'"
    )


def test_long_work_reports_its_steps_in_arabic(arabic, seeded_project, qtbot):
    from core.review.agreement.project import compute_agreement
    from core.review.agreement.study import AgreementOptions
    from ui.tasks import Task

    task = Task(lambda progress: compute_agreement(seeded_project, AgreementOptions(), progress))
    labels: list[str] = []
    task.progressed.connect(lambda _done, _total, label: labels.append(label))
    with qtbot.waitSignal(task.ended, timeout=20_000):
        task.start()
    assert labels[0] == "قراءة التوسيمات"
    assert "كابا على مستوى الوحدات" in labels
    assert not [label for label in labels if label.isascii()]


def test_undo_steps_of_a_schema_import_and_a_merge_are_named_in_arabic(arabic, seeded_project):
    import copy

    from core.schema.transfer import apply_schema_import, project_schema_document
    from models.messages import Message
    from ui.i18n import text_of

    document = copy.deepcopy(project_schema_document(seeded_project))
    document["entities"][0]["name_en"] = "Someone"
    apply_schema_import(seeded_project, document)
    assert seeded_project.undo_name == "Import schema"  # the CLI's
    assert text_of(seeded_project.undo_name) == "استيراد مخطط"
    merged = Message("Merge annotations ({count} set(s))", count=3)
    assert str(merged) == "Merge annotations (3 set(s))"
    assert text_of(merged) == "دمج التوسيمات (عدد المجموعات: 3)"


def test_what_an_export_left_out_is_listed_in_arabic(arabic, seeded_project, tmp_path):
    from core.io.export import export_dataset
    from tests.core.formats_support import annotate_seed_article
    from ui.dialogs.export import report_lines

    annotate_seed_article(seeded_project)  # an event and stances: CoNLL holds entities only
    report = export_dataset(seeded_project, "conll", tmp_path / "out.conll")
    assert "events (CoNLL holds entities only)" in report.left_out  # the CLI's words
    lines = report_lines(report)
    assert any("الأحداث (لا يحمل CoNLL إلا الكيانات)" in line for line in lines)
    assert not [line for line in lines if "holds entities only" in line]
