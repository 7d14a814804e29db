"""Spans an Arabic annotator can trust, driven through the window: punctuation and
quotes stay out of what a double-click tags, a clitic is left out on evidence from any
document of the project, a Find hit is tagged exactly, and punctuation alone tags
nothing and says why."""

from __future__ import annotations

from core.documents.importing import import_documents
from core.text.snap import ONLY_PUNCTUATION
from ui.qt import Qt

from .conftest import double_click, spans_in_db


def tag(qtbot, window, key=Qt.Key.Key_2):
    qtbot.keyClick(window.editor, key)
    return spans_in_db(window.project)


def text_of(window, span):
    _, start, end, _ = span
    return window.editor.text[start:end]


def test_a_double_click_on_a_word_before_a_comma_tags_the_word(qtbot, window):
    window.open_document(4)  # seed 003: "في ميتا، وجاءت"
    editor = window.editor
    word = editor.text.index("في ميتا، وجاءت") + 3
    double_click(qtbot, editor, word + 1)
    (span,) = tag(qtbot, window)
    assert text_of(window, span) == "ميتا"


def test_a_double_click_on_a_quoted_name_tags_the_name_without_its_guillemets(qtbot, window):
    window.open_document(5)  # seed 004: «لاما»
    editor = window.editor
    name = editor.text.index("«لاما»") + 1
    double_click(qtbot, editor, name + 1)
    (span,) = tag(qtbot, window, Qt.Key.Key_5)
    assert text_of(window, span) == "لاما"


def test_punctuation_alone_tags_nothing_and_the_strip_says_why(qtbot, window):
    window.open_document(4)  # "... بخيبة أمل."
    editor = window.editor
    dot = editor.text.index("بخيبة أمل.") + len("بخيبة أمل")
    editor.select_range(dot, dot + 1)
    action, _, _, hint = window.preview.describe()
    assert "Nothing to tag" in action and ONLY_PUNCTUATION in hint
    assert "clitic" not in hint
    assert tag(qtbot, window, Qt.Key.Key_1) == []


def test_a_find_hit_is_tagged_exactly_not_the_word_around_it(qtbot, window):
    window.open_document(4)
    editor = window.editor
    window.search.show_find_bar()
    window.find_bar.query.setText("ربيرج")  # the end of "زوكربيرج"
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)
    hit, end = editor.raw_selection()
    assert editor.text[hit - 3 : end] == "زوكربيرج"
    (span,) = tag(qtbot, window, Qt.Key.Key_1)
    assert (span[1], span[2]) == (hit, end)  # the match found, not the word around it


def test_a_clitic_is_left_out_on_evidence_from_another_document(
    qtbot, make_window, project, tmp_path
):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("أعلنت وترابيز عن نموذجها الجديد", encoding="utf-8")
    import_documents(project, [first])
    window = make_window(project)
    editor = window.editor
    word = editor.text.index("وترابيز")
    editor.select_range(word, word + len("وترابيز"))
    assert editor.pending_selection().start == word  # no evidence yet: the word whole
    second.write_text("قالت ترابيز إن النموذج مفتوح", encoding="utf-8")
    window.import_documents([second]).wait()
    window.wait_for_tasks()
    window.open_document(1)
    editor.select_range(word, word + len("وترابيز"))
    pending = editor.pending_selection()
    assert pending.start == word + 1  # "ترابيز" stands alone in the other document
    assert "the clitic «و» left out" in window.preview.describe()[3]
