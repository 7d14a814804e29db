"""File > Export annotator package… and Merge annotations from project files…:
the lead hands out packages and merges the annotators' work back."""

from __future__ import annotations

from core.annotation.annotators import ensure_annotator, set_annotator_role
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.project.project import Project
from tests.ui.conftest import spans_in_db
from ui.dialogs.handoff import MergeDialog, export_annotator_package, merge_project_files


def lead_window(make_window, seeded_project):
    window = make_window(seeded_project, annotator="Lead")
    set_annotator_role(seeded_project, window.annotator.id, "curator")
    window.reload()
    return window


def test_file_menu_offers_packages_and_merge(window):
    texts = [a.text().split("\t")[0] for a in window.menu("file").actions() if a.text()]
    at = texts.index("Switch &annotator…")
    assert texts[at - 2 : at] == [
        "Export annotator &package…",
        "&Merge annotations from project files…",
    ]


def test_only_the_lead_hands_out_packages_once_there_is_a_curator(
    make_window, seeded_project, tmp_path
):
    window = make_window(seeded_project, annotator="Amal")
    ensure_annotator(seeded_project, "Lead", "curator")
    window.reload()
    assert export_annotator_package(window, "Badr", tmp_path / "p.tawsim") is None
    assert "Only a curator can export annotator packages" in window.notice.message.text()
    assert not (tmp_path / "p.tawsim").exists()


def test_package_out_and_merge_back(qtbot, make_window, seeded_project, tmp_path):
    window = lead_window(make_window, seeded_project)
    package = tmp_path / "for-amal.tawsim"
    task = export_annotator_package(window, "Amal", package)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert package.exists()
    assert "Package for Amal written" in window.notice.message.text()

    # Amal annotates in her copy
    theirs = Project.open(package)
    amal = ensure_annotator(theirs, "Amal").value
    with theirs.write() as tx:
        set_id = ensure_set(tx, 2, amal)
    add_span(theirs, set_id, 29, 33, theirs.schema.by_key("entity", "ORG").id)
    theirs.close()

    # checking writes nothing
    dialog = MergeDialog(window)
    qtbot.addWidget(dialog)
    dialog.add_paths([package])
    check = dialog.run(dry_run=True)
    with qtbot.waitSignal(check.finished, timeout=30_000):
        pass
    assert "Dry run, nothing written: 1 set added" in dialog.result.toPlainText()
    assert spans_in_db(seeded_project, "Amal") == []

    with qtbot.waitSignal(window.operation_did_execute, timeout=30_000):
        merge_project_files(window, [package])
    assert spans_in_db(seeded_project, "Amal") == [(2, 29, 33, "ORG")]
    assert "Merged: 1 set added" in window.notice.message.text()
    # merging the same package again changes nothing
    again = merge_project_files(window, [package])
    with qtbot.waitSignal(again.finished, timeout=30_000):
        pass
    assert spans_in_db(seeded_project, "Amal") == [(2, 29, 33, "ORG")]
    window.undo()  # the second merge changed nothing, so undo takes the first one back
    assert spans_in_db(seeded_project, "Amal") == []
