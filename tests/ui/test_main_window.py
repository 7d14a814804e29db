from ui.document_view import DocumentView
from ui.fonts import BUNDLED_FAMILY, load_bundled_fonts, text_font
from ui.main_window import MainWindow
from ui.qt import Qt, QtGui


def test_bundled_arabic_font_is_loaded(qapp):
    assert load_bundled_fonts() == BUNDLED_FAMILY
    font = text_font()
    assert QtGui.QFontInfo(font).family() == BUNDLED_FAMILY
    metrics = QtGui.QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ميتاMeta AI14.3")


def test_window_lists_the_documents_and_shows_the_selected_one_rtl(qtbot, seeded_project):
    load_bundled_fonts()
    window = MainWindow(seeded_project)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Tawsim demo")
    assert window.documents.rowCount() == 5
    assert (
        window.documents.index(0).data()
        == "ميتا تفكر في دمج نماذج جوجل وأوبن إيه آي لدعم تقنياتها الذكية"
    )
    window.document_list.setCurrentIndex(window.documents.index(2))
    view: DocumentView = window.view
    text = view.toPlainText()
    assert text.startswith("تكنولوجيا / البوابة العربية للأخبار التقنية")
    assert view.isReadOnly()
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert QtGui.QFontInfo(view.font()).family() == BUNDLED_FAMILY


def test_a_paragraph_starting_with_latin_is_still_right_to_left(qtbot, project, tmp_path):
    from core.documents import import_documents

    f = tmp_path / "mixed.txt"
    f.write_text("Meta AI هو روبوت الدردشة من ميتا\nميتا تطلق Llama 4 اليوم", encoding="utf-8")
    import_documents(project, [f])
    load_bundled_fonts()
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    first = view.document().begin()
    assert first.text().startswith("Meta AI")
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    cursor = view.textCursor()
    cursor.setPosition(0)
    start_x = view.cursorRect(cursor).x()
    cursor.setPosition(first.length() - 1)
    end_x = view.cursorRect(cursor).x()
    # the paragraph starts near the right edge and ends to the left of its start
    assert start_x > view.viewport().width() / 2
    assert end_x < start_x
