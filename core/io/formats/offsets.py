"""Offsets in other units, and offsets carried through canonicalisation.

Tawsim counts code points. Tools written in JavaScript or Java (Label Studio,
doccano without grapheme mode, WebAnno) count UTF-16 units, in which a
character outside the Basic Multilingual Plane (emoji, some rare scripts)
takes two. `Utf16Offsets` converts one text's offsets both ways.

Imported text is canonicalised (BOM removed, CRLF and CR to LF, NFC) before
it is matched or stored, which can shorten it; `CanonicalText` maps offsets
into the raw text to offsets into the canonical one, and refuses offsets that
fall inside a sequence canonicalisation merged (half of a CRLF, a letter and
its combining mark that NFC composes).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left

from core.text.canonical import canonicalize

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def has_astral(text: str) -> bool:
    """Whether code points and UTF-16 units differ anywhere in `text`."""
    return not text.isascii() and _ASTRAL_RE.search(text) is not None


def utf16_length(text: str) -> int:
    return len(text) + (len(_ASTRAL_RE.findall(text)) if not text.isascii() else 0)


class Utf16Offsets:
    """Code point <-> UTF-16 unit offsets of one text."""

    def __init__(self, text: str):
        self.text = text
        astral = [m.start() for m in _ASTRAL_RE.finditer(text)] if not text.isascii() else []
        self._astral = astral  # code point positions of astral characters
        self._astral_units = [cp + i for i, cp in enumerate(astral)]  # their UTF-16 positions
        self.length = len(text) + len(astral)

    @property
    def identical(self) -> bool:
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, unit: int) -> int | None:
        """The code point offset of a UTF-16 offset; None inside a surrogate pair or out of
        range."""
        if not 0 <= unit <= self.length:
            return None
        before = bisect_left(self._astral_units, unit)
        if before and self._astral_units[before - 1] + 1 == unit:
            return None
        return unit - before


class CanonicalText:
    """A raw text, its canonical form, and raw -> canonical offsets."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = canonicalize(raw)
        self._map: array | None = None if self.text == raw else _build_map(raw, self.text)

    @property
    def changed(self) -> bool:
        return self._map is not None

    def offset(self, raw_offset: int) -> int | None:
        """Canonical offset of a raw offset; None when out of range or inside a merged
        sequence."""
        if not 0 <= raw_offset <= len(self.raw):
            return None
        if self._map is None:
            return raw_offset
        value = self._map[raw_offset]
        return None if value < 0 else value


def _build_map(raw: str, canonical: str) -> array:
    # 1. byte-order mark and line ends
    mid_chars: list[str] = []
    first = array("l", [-1]) * (len(raw) + 1)
    i = 0
    if raw.startswith("\ufeff"):
        first[0] = 0
        i = 1
    n = len(raw)
    while i < n:
        first[i] = len(mid_chars)
        ch = raw[i]
        if ch == "\r":
            if i + 1 < n and raw[i + 1] == "\n":
                first[i + 1] = -1  # between CR and LF
                i += 1
            mid_chars.append("\n")
        else:
            mid_chars.append(ch)
        i += 1
    first[n] = len(mid_chars)
    mid = "".join(mid_chars)
    if mid == canonical:
        return first
    # 2. NFC, one cluster (a starter and the marks after it) at a time; a cluster that
    # composes with the next (Hangul syllables, some Indic vowels) is grown until the
    # pieces agree with the whole text's normalisation.
    second = array("l", [-1]) * (len(mid) + 1)
    starts = [k for k, ch in enumerate(mid) if k == 0 or not unicodedata.combining(ch)]
    starts.append(len(mid))
    j = 0
    c = 0
    while c < len(starts) - 1:
        a = starts[c]
        for d in range(c + 1, min(c + 9, len(starts))):
            b = starts[d]
            piece = unicodedata.normalize("NFC", mid[a:b])
            if canonical.startswith(piece, j) and (
                b == len(mid) or _separable(mid, a, b, starts[d + 1], piece)
            ):
                break
        else:
            raise ValueError("the text's normalisation could not be aligned")
        if piece == mid[a:b]:
            for k in range(a, b):
                second[k] = j + (k - a)
        else:
            second[a] = j
        j += len(piece)
        c = d
    second[len(mid)] = j
    if j != len(canonical):
        raise ValueError("the text's normalisation could not be aligned")
    return array("l", (second[v] if v >= 0 else -1 for v in first))


def _separable(mid: str, a: int, b: int, c: int, piece: str) -> bool:
    """Whether NFC leaves the boundary at b alone: mid[a:b] and the cluster mid[b:c]
    normalise the same apart as together."""
    return unicodedata.normalize("NFC", mid[a:c]) == piece + unicodedata.normalize("NFC", mid[b:c])


__all__ = ["CanonicalText", "Utf16Offsets", "has_astral", "utf16_length"]
