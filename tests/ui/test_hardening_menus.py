"""Help > Check project (the doctor's check and rescue in the window), and the curator
passphrase: asked for before becoming the curator or another annotator, set in Review >
Curator passphrase, and keeping others' sets out of a non-curator's export dialog."""

from __future__ import annotations

from core.annotation.annotators import ensure_annotator
from core.annotation.curator_secret import check_curator_secret, set_curator_secret
from core.project.project import Project
from tests.core.test_doctor import damage_page, many_spans, table_leaf_pages
from tests.ui.dialogs import Answer
from ui.dialogs.export import export_dialog
from ui.qt import QtWidgets

PASSPHRASE = "مفتاح المنسق 2026"


def test_help_offers_check_project(window):
    texts = [a.text().split("\t")[0] for a in window.menu("help").actions() if a.text()]
    assert "&Check project…" in texts


def test_check_project_says_a_sound_project_is_sound(qtbot, window):
    answer = Answer("Close")
    window.help.check_project()
    qtbot.waitUntil(lambda: answer.text is not None, timeout=60_000)
    assert answer.text.startswith(f"{window.project.path}: no problem found")


def test_a_damaged_project_is_offered_a_rescue(qtbot, make_window, seeded_project, tmp_path):
    many_spans(seeded_project, count=600)
    path = seeded_project.path
    seeded_project.close()
    leaves = table_leaf_pages(path, "entity_span")
    damage_page(path, leaves[len(leaves) // 2])
    window = make_window(Project.open(path), annotator="Badr")  # Salma's spans are damaged
    rescued = tmp_path / "rescued.tawsim"
    QtWidgets.QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(rescued), ""))
    answer = Answer("Rescue into a new file…")
    window.help.check_project()
    qtbot.waitUntil(lambda: answer.text is not None, timeout=60_000)
    assert "damaged" in answer.text
    done = Answer("OK")
    qtbot.waitUntil(lambda: done.text is not None, timeout=60_000)
    assert done.text.startswith("rescued ") and str(rescued) in done.text
    window.wait_for_tasks()
    with Project.open(rescued, read_only=True) as copy:
        assert copy.verify() is None  # the rescued file is sound


def test_becoming_the_curator_asks_for_the_passphrase(make_window, seeded_project, monkeypatch):
    ensure_annotator(seeded_project, "Lead", "curator")
    ensure_annotator(seeded_project, "Badr")
    set_curator_secret(seeded_project, PASSPHRASE, None)
    window = make_window(seeded_project, annotator="Salma")
    given = []

    def type_passphrase(text):
        def get_text(parent, title, label, echo):
            given.append(label)
            return text, True

        monkeypatch.setattr(QtWidgets.QInputDialog, "getText", staticmethod(get_text))

    type_passphrase("not the passphrase")
    window.switch_annotator("Lead")
    assert window.annotator.name == "Salma"
    assert "Wrong curator passphrase" in window.notice.message.text()
    assert "becoming the curator Lead" in given[-1]
    window.switch_annotator("Badr")  # someone else who exists: asked too
    assert window.annotator.name == "Salma"
    window.switch_annotator("Nour")  # a new name: not asked
    assert window.annotator.name == "Nour" and len(given) == 2
    type_passphrase(PASSPHRASE)
    window.switch_annotator("Lead")
    assert window.annotator.name == "Lead" and window.annotator.is_curator


def test_a_non_curator_exports_only_their_own_sets_and_gold(make_window, seeded_project):
    ensure_annotator(seeded_project, "Lead", "curator")
    ensure_annotator(seeded_project, "Badr")
    window = make_window(seeded_project, annotator="Salma")
    names = lambda dialog: [dialog.annotator.itemText(i) for i in range(dialog.annotator.count())]  # noqa: E731
    assert "Badr" in names(export_dialog(window))
    set_curator_secret(seeded_project, PASSPHRASE, None)
    dialog = export_dialog(window)
    assert names(dialog) == ["Salma"]
    assert not dialog.everyone.isEnabled()


def test_the_curator_sets_the_passphrase_in_review(make_window, seeded_project, monkeypatch):
    window = make_window(seeded_project, annotator="Salma")  # no curator yet: anyone may
    from ui.dialogs import passphrase

    def fill(dialog):
        dialog.new.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", fill)
    window.actions["review.passphrase"].trigger()
    assert check_curator_secret(seeded_project, PASSPHRASE)
    assert not check_curator_secret(seeded_project, "something else")
    assert "Curator passphrase set" in window.notice.message.text()
