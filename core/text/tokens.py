"""Tokens and sentences with offsets into the frozen text.

Tokens: Arabic-script words (letters with their diacritics and tatweel),
other words (Latin and other scripts, letters and digits mixed: "H100", "4o"),
numbers ("14.3", "1,000", "٢٠٢٥", "14٫3" stay one token), and every other
non-space character as its own punctuation token. A change between Arabic
script and another script splits a token ("لـMeta" -> "لـ", "Meta").

Sentences end after ". ! ? ؟ …" (with any closing quotes or brackets that
follow) and at every line break; pyarabic's sentence_tokenize is not used
(it stops after 32 splits and loses offsets). `token_bounds` and
`sentence_starts` give the same tokens and sentences as plain lists, found by
C-level regex passes over the whole text: exports of a large corpus use them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import sub

ARABIC_LETTERS = (  # a regex character class's inside: the letters of the Arabic script
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u0870-\u0887\u0889-\u088e\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
_AR_MARK = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff\u0640"
)
_JOINERS = "\u200c\u200d"

_ARABIC = rf"[{_AR_MARK}]*[{ARABIC_LETTERS}][{ARABIC_LETTERS}{_AR_MARK}{_JOINERS}]*"
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*(?![^\W\d_])"
_WORD = rf"(?:(?![{ARABIC_LETTERS}{_AR_MARK}])[^\W_])+"
_TOKEN_RE = re.compile(
    rf"(?P<arabic>{_ARABIC})|(?P<number>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>\S)"
)
# the same tokens, each with the whitespace before it: findall then makes one string per
# token in C, with one match per token (not a failed attempt at every space)
_SPACED_TOKEN_RE = re.compile(rf"\s*(?:(?:{_ARABIC})|(?:{_NUMBER})|(?:{_WORD})|\S)")
_SENTENCE_END = frozenset(".!?؟…")
_CLOSERS = frozenset("\"'»”’)]}")
_RUN_CHARS = _SENTENCE_END | _CLOSERS


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    kind: str  # "arabic", "number", "word" or "punct"
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], offsets relative to `text`."""
    return list(iter_tokens(text, start, end))


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    for m in token_matches(text, start, end):
        yield Token(m.start(), m.end(), m.lastgroup or "punct", m.group())


def token_matches(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The tokens of text[start:end] as regex matches (`start()`, `end()`, `group()`, the
    kind in `lastgroup`): for code reading hundreds of thousands of tokens, which cannot
    afford a Token for each."""
    return _TOKEN_RE.finditer(text, start, len(text) if end is None else end)


def token_offsets(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int]]:
    """The starts and ends of `tokenize(text, start, end)`'s tokens, without building a
    Token per token (for passes over a whole corpus, such as token kappa)."""
    _, starts, ends = token_bounds(text, start, end)
    return starts, ends


class _ChunkTokens(dict[str, int]):
    """How many tokens each whitespace-separated chunk holds, tokenised when first
    asked for. Words recur, so across a corpus most chunks are found here; emptied when
    it grows past `LIMIT` so that a corpus with a large vocabulary does not keep it all."""

    LIMIT = 200_000

    def __missing__(self, chunk: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        count = self[chunk] = len(_SPACED_TOKEN_RE.findall(chunk))
        return count


_CHUNK_TOKENS = _ChunkTokens()


def token_count(text: str) -> int:
    """How many tokens `tokenize(text)` finds, found faster than the tokens themselves:
    no token holds whitespace (and none ends differently at a chunk's end than before
    whitespace), so the count is the sum of each whitespace-separated chunk's, and
    `str.split` separates at exactly the whitespace of the tokeniser's ``\\s``."""
    return sum(map(_CHUNK_TOKENS.__getitem__, text.split()))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def token_bounds(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[str], list[int], list[int]]:
    """The tokens of text[start:end] as three lists: texts, starts, ends (the tokens of
    `tokenize`, without an object per token: what exports of a whole corpus need)."""
    spaced = _SPACED_TOKEN_RE.findall(text, start, len(text) if end is None else end)
    ends = list(accumulate(map(len, spaced), initial=start))
    del ends[0]
    texts = list(map(str.lstrip, spaced))
    return texts, list(map(sub, ends, map(len, texts))), ends


def sentence_starts(text: str, starts: list[int]) -> list[int]:
    """The indices of the tokens that begin a sentence, given the tokens' starts.

    A run of ". ! ? ؟ …" and closing quotes/brackets ends a sentence when
    whitespace or the end of the text follows it ("14.3", "Meta.com" and PDF
    damage such as ".التحركات" do not split); a line break always does.
    """
    count = len(starts)
    if not count:
        return []
    length = len(text)
    # a run is an end mark and the end marks and closers right after it (each a token of
    # its own, so a run of tokens is a run of characters); str.find skips to the marks
    marks = []
    for mark in _SENTENCE_END:
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    marks.sort()
    breaks = []
    run_end = 0
    for at in marks:
        if at < run_end:
            continue
        run_end = at + 1
        while run_end < length and text[run_end] in _RUN_CHARS:
            run_end += 1
        if run_end == length or text[run_end].isspace():
            breaks.append(run_end)
    at = text.find("\n")
    while at >= 0:
        breaks.append(at)
        at = text.find("\n", at + 1)
    firsts = {bisect_left(starts, position) for position in breaks}
    firsts.add(0)
    firsts.discard(count)
    return sorted(firsts)


def sentences(text: str) -> list[Sentence]:
    """Sentences as (start, end), trimmed of surrounding whitespace, never empty (see
    `sentence_starts` for where they end)."""
    _, starts, ends = token_bounds(text)
    firsts = sentence_starts(text, starts)
    lasts = [first - 1 for first in firsts[1:]] + [len(starts) - 1] if firsts else []
    return [Sentence(starts[a], ends[b]) for a, b in zip(firsts, lasts, strict=True)]


def token_at(tokens: list[Token], pos: int) -> Token | None:
    """The token containing `pos` (binary search over sorted tokens)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        tok = tokens[mid]
        if tok.end <= pos:
            lo = mid + 1
        elif tok.start > pos:
            hi = mid
        else:
            return tok
    return None


def snap_to_tokens(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) outward to whole tokens; whitespace at the edges is dropped."""
    inside = tokens_overlapping(tokens, start, end)
    if not inside:
        return start, end
    return inside[0].start, inside[-1].end


def tokens_overlapping(tokens: list[Token], start: int, end: int) -> list[Token]:
    lo, hi = 0, len(tokens)
    while lo < hi:  # first token ending after start
        mid = (lo + hi) // 2
        if tokens[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    result = []
    for tok in tokens[lo:]:
        if tok.start >= end:
            break
        result.append(tok)
    return result
