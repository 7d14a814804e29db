"""Arabic search folding with a map back to the frozen text.

Folding makes spelling variants compare equal: hamza/alef forms, alef maksura
and Persian yeh, keheh, (optionally) teh marbuta, diacritics, tatweel, bidi and
zero-width marks, Arabic-Indic and extended digits, presentation forms, Latin
case. Folding happens character by character: each original character becomes
zero, one or several folded characters, so every folded position maps back to
exactly one original position. Only characters that do not fold to exactly
one character ("edits") need bookkeeping, and they are rare in real text, so
the map is a short sorted list searched with bisect.

Do not fold with pyarabic's normalize_* helpers: they change lengths without
telling where.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache

_ALEF = "\u0627"
_YEH = "\u064a"
_KAF = "\u0643"
_HEH = "\u0647"
_WAW = "\u0648"

# Combining marks and tatweel: dropped, and attached to the preceding letter
# when a match is mapped back (so a match ends after the letter's diacritics).
MARKS = (
    [chr(c) for c in range(0x0610, 0x061B)]  # honorifics, small high letters
    + [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun...
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + ["\u06e7", "\u06e8"]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
    + ["\u0640"]  # tatweel
)
# Invisible formatting characters: dropped.
INVISIBLES = [
    "\u200b",  # zero width space
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u061c",  # arabic letter mark
    "\u2060",  # word joiner
    "\ufeff",  # zero width no-break space / BOM
    "\u00ad",  # soft hyphen
    "\x00",
    *[chr(c) for c in range(0x202A, 0x202F)],  # embeddings, overrides
    *[chr(c) for c in range(0x2066, 0x206A)],  # isolates
]
_SPACES = ["\u00a0", *[chr(c) for c in range(0x2000, 0x200B)], "\u202f", "\u205f", "\u3000"]

_BASE: dict[str, str] = {
    "\u0622": _ALEF,  # آ
    "\u0623": _ALEF,  # أ
    "\u0625": _ALEF,  # إ
    "\u0671": _ALEF,  # ٱ
    "\u0672": _ALEF,
    "\u0673": _ALEF,
    "\u0675": _ALEF,
    "\u0624": _WAW,  # ؤ
    "\u0626": _YEH,  # ئ
    "\u0649": _YEH,  # ى alef maksura
    "\u06cc": _YEH,  # ی Farsi yeh
    "\u06d2": _YEH,  # ے yeh barree
    "\u06a9": _KAF,  # ک keheh
    "\u06aa": _KAF,  # ڪ swash kaf
    "\u06c1": _HEH,  # ہ heh goal
    "\u06d5": _HEH,  # ە ae
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u066a": "%",  # Arabic percent
}
for _i in range(10):
    _BASE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _BASE[chr(0x06F0 + _i)] = str(_i)  # extended (Persian/Urdu) digits
for _ch in MARKS + INVISIBLES:
    _BASE[_ch] = ""
for _ch in _SPACES:
    _BASE[_ch] = " "


def _fold_char(ch: str, teh_marbuta: bool) -> str:
    if ch == "\u0629":
        return _HEH if teh_marbuta else ch
    if ch in _BASE:
        return _BASE[ch]
    cp = ord(ch)
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:  # presentation forms
        expanded = unicodedata.normalize("NFKC", ch)
        if expanded != ch:
            return "".join(_fold_char(c, teh_marbuta) for c in expanded)
    lower = ch.lower()
    if lower != ch and len(lower) == 1:
        return lower
    return ch


_MARK_SET = frozenset(MARKS)
# Record kinds for characters that do not fold to exactly one character.
_DROPPED_MARK = 0  # a diacritic or tatweel: belongs to the letter before it
_DROPPED = -1  # an invisible formatting character


@lru_cache(maxsize=2)
def _tables(teh_marbuta: bool) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The folding of every character that changes, a regex matching those characters,
    and a regex matching the ones that do not fold to exactly one character."""
    table: dict[str, str] = {}
    edits = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        folded = _fold_char(ch, teh_marbuta)
        if folded != ch:
            table[ch] = folded
        if len(folded) != 1:
            edits.append(ch)
    return table, _any_of(table), _any_of(edits)


def _any_of(characters: Iterable[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in characters) + "]")


def fold(text: str, teh_marbuta: bool = True) -> str:
    """The folded form of `text`.

    One str.replace per distinct character that needs folding: real text holds
    only a few dozen of them, and replace runs at memory speed, about twice as
    fast as str.translate with a large table. Folding is idempotent, so the
    order of the replacements does not matter. The characters are found by a
    regex scan, which makes no string of the characters that need nothing
    (a set of the text's characters makes one of each: twice as slow).
    """
    table, foldable, _ = _tables(teh_marbuta)
    for ch in set(foldable.findall(text)):
        text = text.replace(ch, table[ch])
    return text


class OffsetMap:
    """Maps positions of a folded text back to its original.

    One record per original character that does not fold to exactly one
    character: its folded position `f`, folded length `k` (0 for a dropped
    mark, -1 for a dropped invisible, 2+ for an expansion), original position
    `o`, and the offset (original - folded) that holds after it.
    """

    __slots__ = ("_after", "_f", "_k", "_o", "folded_length", "original_length")

    def __init__(self, original: str, teh_marbuta: bool = True):
        table, _, edits_re = _tables(teh_marbuta)
        f_list, k_list, o_list, after = array("l"), array("l"), array("l"), array("l")
        delta = 0
        for m in edits_re.finditer(original):
            ch = m.group()
            o = m.start()
            k = len(table[ch])
            length = k
            if k == 0 and ch not in _MARK_SET:
                k = _DROPPED
            f_list.append(o - delta)
            k_list.append(k)
            o_list.append(o)
            delta += 1 - length
            after.append(delta)
        self._f, self._k, self._o, self._after = f_list, k_list, o_list, after
        self.original_length = len(original)
        self.folded_length = len(original) - delta

    @property
    def is_identity(self) -> bool:
        return not self._f

    def edits(self) -> tuple[array[int], array[int], array[int]]:
        """The records: folded positions, folded lengths and the offsets after them (for an
        index that joins many texts' maps into one)."""
        return self._f, self._k, self._after

    def _locate(self, fpos: int) -> tuple[int, int, int]:
        """(original position, index inside an expansion, expansion length) of folded `fpos`."""
        i = bisect_right(self._f, fpos) - 1
        if i < 0:
            return fpos, 0, 1
        f, k = self._f[i], self._k[i]
        if k > 1 and f <= fpos < f + k:
            return self._o[i], fpos - f, k
        return fpos + self._after[i], 0, 1

    def to_original(self, fpos: int) -> int:
        """Original position of the folded character at `fpos` (or of the end, for len)."""
        if fpos >= self.folded_length:
            return self.original_length
        return self._locate(fpos)[0]

    def span_to_original(self, fs: int, fe: int) -> tuple[int, int] | None:
        """Original (start, end) for folded [fs, fe); None if it cuts a ligature in two.

        The end takes in the diacritics of the last letter.
        """
        if not 0 <= fs < fe <= self.folded_length:
            raise ValueError(f"folded span {fs}-{fe} outside 0-{self.folded_length}")
        start, inside, _ = self._locate(fs)
        if inside:
            return None
        last, inside, k = self._locate(fe - 1)
        if inside != k - 1:
            return None
        end = last + 1
        i = bisect_left(self._o, end)
        while i < len(self._o) and self._o[i] == end and self._k[i] == _DROPPED_MARK:
            end += 1
            i += 1
        return start, end


class FoldedText:
    """`original` folded, with positions mapped back (see OffsetMap)."""

    __slots__ = ("folded", "map", "original")

    def __init__(self, original: str, teh_marbuta: bool = True):
        self.original = original
        self.folded = fold(original, teh_marbuta)
        self.map = OffsetMap(original, teh_marbuta)

    def to_original(self, fpos: int) -> int:
        return self.map.to_original(fpos)

    def span_to_original(self, fs: int, fe: int) -> tuple[int, int] | None:
        return self.map.span_to_original(fs, fe)

    def find_all(self, folded_query: str) -> list[tuple[int, int]]:
        """Original spans of every non-overlapping occurrence of an already folded query."""
        if not folded_query:
            return []
        spans = []
        pos = self.folded.find(folded_query)
        while pos >= 0:
            span = self.map.span_to_original(pos, pos + len(folded_query))
            if span is not None:
                spans.append(span)
            pos = self.folded.find(folded_query, pos + len(folded_query))
        return spans


def find_folded(text: str, query: str, teh_marbuta: bool = True) -> list[tuple[int, int]]:
    """Spans of `text` matching `query` under folding."""
    return FoldedText(text, teh_marbuta).find_all(fold(query, teh_marbuta))
