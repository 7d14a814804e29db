from hypothesis import given
from hypothesis import strategies as st

from ui.positions import PositionMap
from ui.qt import QtGui

texts = st.text(
    alphabet=st.sampled_from(["م", "ي", "ت", "ا", " ", "\n", "a", "😀", "𝔸", "\u0651"]), max_size=40
)


@given(texts)
def test_positions_round_trip_and_match_utf16(text):
    positions = PositionMap(text)
    assert positions.qt_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        qt = positions.to_qt(cp)
        assert qt == len(text[:cp].encode("utf-16-le")) // 2
        assert positions.to_cp(qt) == cp
        if cp < len(text) and ord(text[cp]) > 0xFFFF:
            assert positions.to_cp(qt + 1) == cp  # the middle of a pair rounds down


def test_qt_counts_the_same_units(qapp):
    text = "ميتا 😀 Meta\nسطر"
    doc = QtGui.QTextDocument()
    doc.setPlainText(text)
    positions = PositionMap(text)
    assert doc.characterCount() - 1 == positions.qt_length
    cursor = QtGui.QTextCursor(doc)
    start, end = text.index("Meta"), text.index("Meta") + 4
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Meta"
