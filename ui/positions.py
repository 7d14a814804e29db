"""Code points (the offsets Tawsim stores) <-> UTF-16 positions (what Qt counts).

They differ only after characters outside the Basic Multilingual Plane (emoji,
some historic scripts), which Qt stores as two units. The map keeps the code
point positions of those characters, so text without any (nearly all Arabic
news) converts for free.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class PositionMap:
    __slots__ = ("_astral", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str):
        self._astral = (
            [m.start() for m in _ASTRAL.finditer(text)] if text and max(text) > "\uffff" else []
        )
        # Qt position of each astral character: its code point position plus the
        # extra units of the astral characters before it
        self._astral_qt = [p + i for i, p in enumerate(self._astral)]
        self.length = len(text)
        self.qt_length = len(text) + len(self._astral)

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_qt(self, cp: int) -> int:
        """Qt position of code point position `cp` (0 <= cp <= length)."""
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, qt: int) -> int:
        """Code point position of Qt position `qt` (inside a surrogate pair: its start)."""
        if not self._astral:
            return qt
        return qt - bisect_left(self._astral_qt, qt)
