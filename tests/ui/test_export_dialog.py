"""The export and import dialogs, driven through their widgets (offscreen)."""

from __future__ import annotations

import json
import time

import pytest

from core.io.dataset import Selection
from core.io.export import ExportReport
from core.project.progress import report_progress
from tests.conftest import SHARED_PEERS
from tests.core.formats_support import annotate_seed_article, annotations_of
from tests.ui.dialogs import Answer, clipped_widgets
from ui.bidi import isolated
from ui.dialogs import export as export_dialog
from ui.dialogs.export import ExportDialog
from ui.dialogs.import_annotations import ImportAnnotationsDialog
from ui.qt import Qt


@pytest.fixture
def annotated(seeded_project):
    annotate_seed_article(seeded_project)
    annotate_seed_article(seeded_project, "Salma")
    return seeded_project


def test_export_runs_off_the_gui_thread_and_writes_the_file(qtbot, annotated, tmp_path):
    dialog = ExportDialog(annotated, "Salma", selected_documents=[1, 2])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.one.isChecked() and dialog.annotator.currentText() == "Salma"
    assert dialog.selected.isEnabled() and dialog.selected.text() == "Selected documents (2)"
    assert dialog.path.text().endswith("demo-Salma-jsonl.jsonl")
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    assert dialog.options_box.isVisible()
    assert set(dialog.option_widgets) == {"clitics", "excluded_text"}
    assert dialog.path.text().endswith("demo-Salma-conll.conll")
    dialog.option_widgets["clitics"].setCurrentIndex(
        dialog.option_widgets["clitics"].findData("keep")
    )
    dialog.gold.setChecked(True)
    target = tmp_path / "gold.conll"
    qtbot.keyClicks(dialog.path, "")  # the user edits the path: no more suggestions
    dialog.path.setText(str(target))
    dialog._path_edited()
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    report: ExportReport = blocker.args[0]
    assert report.paths == [target] and report.records == 1
    assert "وأوبن O B-ORG" in target.read_text(encoding="utf-8")  # the nested layer first
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    assert dialog.status.text().startswith(f"Wrote {target}: 1 record, 1 document")
    assert "Left out, events (CoNLL holds entities only): 1" in dialog.status.text()
    assert not dialog.progress.isVisible() and not dialog.cancel_button.isVisible()


def test_cancel_stops_the_export_and_leaves_nothing(qtbot, annotated, tmp_path, monkeypatch):
    def slow_export(project, key, out, selection, options, progress, force=False):
        for done in range(1000):
            report_progress(progress, done, 1000, f"document {done}")
            time.sleep(0.01)
        raise AssertionError("the export was not cancelled")

    monkeypatch.setattr(export_dialog, "export_dataset", slow_export)
    dialog = ExportDialog(annotated)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(tmp_path / "never.jsonl"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 1000 and dialog.progress.value() > 2)
    assert dialog.cancel_button.isVisible() and not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert dialog.report is None
    assert dialog.status.text() == "export cancelled; nothing was written"
    assert not (tmp_path / "never.jsonl").exists()


def test_a_refused_export_says_why(qtbot, seeded_project, tmp_path):
    dialog = ExportDialog(seeded_project)
    qtbot.addWidget(dialog)
    assert not dialog.one.isEnabled()  # nobody has annotated yet
    dialog.path.setText(str(tmp_path / "x.jsonl"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert dialog.status.text().startswith("Export failed; nothing was written.\nnothing to export")


@pytest.mark.parametrize("button", ["Replace", "Cancel"])
def test_a_read_only_target_is_replaced_only_when_the_user_says_so(
    qtbot, annotated, tmp_path, button
):
    target = tmp_path / "gold.jsonl"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    dialog = ExportDialog(annotated, "Salma")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(target))
    dialog._path_edited()
    answer = Answer(button)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answer.text is not None and dialog.task is None, timeout=10000)
    assert answer.text == f"{isolated(str(target))} is read-only. Replace it anyway?"
    if button == "Replace":
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
        assert dialog.report.paths == [target]
        assert json.loads(target.read_text(encoding="utf-8"))["id"] == 1
        assert dialog.status.text().startswith(f"Wrote {target}")
    else:
        assert target.read_text(encoding="utf-8") == "kept\n"
        assert dialog.status.text() == f"{isolated(str(target))} is read-only; it was not replaced."
        assert "--force" not in dialog.status.text()


def test_import_dialog_asks_before_adding_labels(qtbot, project, monkeypatch):
    dialog = ImportAnnotationsDialog(project, "Wojood team")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths([SHARED_PEERS / "wojood" / "val.txt"])
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    asked = []

    def refuse(unknown):
        asked.append(unknown)
        return False

    monkeypatch.setattr(dialog, "ask_add_labels", refuse)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and bool(asked), timeout=10000)
    assert "NORP" in asked[0]["entity"]
    assert dialog.status.toPlainText().startswith("Nothing was imported:\n• unknown entity labels")
    assert annotations_of(project, Selection.from_argument("all")) == {}

    monkeypatch.setattr(dialog, "ask_add_labels", lambda unknown: True)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert dialog.changes.schema and dialog.changes.documents_added == {1}
    assert "into the sets of Wojood team on 1 document (1 new)" in dialog.status.toPlainText()
    assert project.undo_name.startswith("Import annotations")


def test_import_dialog_check_only_writes_nothing(qtbot, annotated, tmp_path):
    from core.io.export import export_dataset

    export_dataset(annotated, "jsonl", tmp_path / "gold.jsonl")
    dialog = ImportAnnotationsDialog(annotated, "Omar")
    qtbot.addWidget(dialog)
    dialog.add_paths([tmp_path / "gold.jsonl"])
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.report is not None, timeout=10000)
    assert dialog.status.toPlainText().startswith("Would import 6 entity annotations, 1 event")
    assert not dialog.changes
    with pytest.raises(Exception, match="no annotator named 'Omar'"):
        annotations_of(annotated, Selection.from_argument("Omar"))


def test_dialogs_render_whole(qtbot, annotated, tmp_path):
    export = ExportDialog(annotated, "Salma", selected_documents=[1])
    qtbot.addWidget(export)
    export.format.setCurrentIndex(export.format.findData("conll"))
    export.show()
    qtbot.waitExposed(export)
    assert export.width() >= 560
    assert clipped_widgets(export) == []
    importer = ImportAnnotationsDialog(annotated, "Salma")
    qtbot.addWidget(importer)
    importer.add_paths([SHARED_PEERS / "brat" / "news"])
    importer.show()
    qtbot.waitExposed(importer)
    assert importer.format.currentData() == "brat"
    assert clipped_widgets(importer) == []
    assert importer.grab().save(str(tmp_path / "import.png"))


def test_no_export_format_clips_a_field(qtbot, annotated):
    from core.io.formats import FORMATS

    export = ExportDialog(annotated, "Salma", selected_documents=[1])
    qtbot.addWidget(export)
    export.show()
    qtbot.waitExposed(export)
    for key in FORMATS:
        export.format.setCurrentIndex(export.format.findData(key))
        assert clipped_widgets(export) == [], key


def test_a_hugging_face_split_is_typed_and_checked_in_the_dialog(qtbot, annotated, tmp_path):
    dialog = ExportDialog(annotated)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("hf"))
    assert set(dialog.option_widgets) == {"clitics", "excluded_text", "spans", "split", "seed"}
    split, seed = dialog.option_widgets["split"], dialog.option_widgets["seed"]
    assert split.isEditable() and seed.isEditable()
    assert not dialog.option_widgets["spans"].isEditable()
    split.setEditText("60/20/20")
    seed.setEditText("5")
    dialog.path.setText(str(tmp_path / "dataset"))
    dialog._path_edited()
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    assert (tmp_path / "dataset" / "README.md").is_file()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    split.setEditText("60/20")
    dialog.path.setText(str(tmp_path / "other"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert "split: '60/20' is not none or three percentages" in dialog.status.text()
    assert not (tmp_path / "other").exists()


def test_the_import_dialog_knows_a_folder_of_inception_files(qtbot, annotated):
    from pathlib import Path

    importer = ImportAnnotationsDialog(annotated, "Salma")
    qtbot.addWidget(importer)
    importer.add_paths([Path(__file__).parents[1] / "data" / "peers" / "inception"])
    assert importer.format.currentData() == "xmi"
