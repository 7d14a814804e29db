"""Tokens and sentences with offsets into the frozen text.

Tokens: Arabic-script words (letters with their diacritics and tatweel),
other words (Latin and other scripts, letters and digits mixed: "H100", "4o"),
numbers ("14.3", "1,000", "٢٠٢٥", "14٫3" stay one token), and every other
non-space character as its own punctuation token. A change between Arabic
script and another script splits a token ("لـMeta" -> "لـ", "Meta").

Sentences end after ". ! ? ؟ …" (with any closing quotes or brackets that
follow) and at every line break; pyarabic's sentence_tokenize is not used
(it stops after 32 splits and loses offsets).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from operator import methodcaller

ARABIC_LETTERS = (  # a regex character class's inside: the letters of the Arabic script
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u0870-\u0887\u0889-\u088e\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
_AR_MARK = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff\u0640"
)
_JOINERS = "\u200c\u200d"

_TOKEN_KINDS = {  # the alternatives in the order they are tried
    "arabic": f"[{_AR_MARK}]*[{ARABIC_LETTERS}][{ARABIC_LETTERS}{_AR_MARK}{_JOINERS}]*",
    "number": r"\d+(?:[.,\u066b\u066c]\d+)*(?![^\W\d_])",
    "word": rf"(?:(?![{ARABIC_LETTERS}{_AR_MARK}])[^\W_])+",
    "punct": r"\S",
}
_TOKEN_RE = re.compile("|".join(f"(?P<{kind}>{rule})" for kind, rule in _TOKEN_KINDS.items()))
# the same tokens without naming their kind: counted and placed faster
_BARE_TOKEN_RE = re.compile("|".join(f"(?:{rule})" for rule in _TOKEN_KINDS.values()))
_SENTENCE_END = frozenset(".!?؟…")
_CLOSERS = frozenset("\"'»”’)]}")


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
    end = len(text) if end is None else end
    for m in _TOKEN_RE.finditer(text, start, end):
        yield Token(m.start(), m.end(), m.lastgroup or "punct", m.group())


def token_offsets(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int]]:
    """The starts and ends of `tokenize(text, start, end)`'s tokens, without building a
    Token per token (for passes over a whole corpus, such as token kappa)."""
    found = _BARE_TOKEN_RE.finditer(text, start, len(text) if end is None else end)
    bounds = list(chain.from_iterable(map(_span, found)))
    return bounds[0::2], bounds[1::2]


def token_count(text: str) -> int:
    """How many tokens `tokenize(text)` finds, found faster than the tokens themselves."""
    return len(_BARE_TOKEN_RE.findall(text))


_span = methodcaller("span")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Sentences as (start, end), trimmed of surrounding whitespace, never empty.

    A run of ". ! ? ؟ …" and closing quotes/brackets ends a sentence when
    whitespace or the end of the line follows it ("14.3", "Meta.com" and PDF
    damage such as ".التحركات" do not split).
    """
    result: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        tokens = tokenize(text, line.start(), line.end())
        sent_start = None
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            if sent_start is None:
                sent_start = tok.start
            if tok.text in _SENTENCE_END:
                j = i
                while (
                    j + 1 < n
                    and tokens[j + 1].start == tokens[j].end
                    and (tokens[j + 1].text in _SENTENCE_END or tokens[j + 1].text in _CLOSERS)
                ):
                    j += 1
                run_end = tokens[j].end
                if run_end == line.end() or text[run_end].isspace():
                    result.append(Sentence(sent_start, run_end))
                    sent_start = None
                i = j + 1
                continue
            i += 1
        if sent_start is not None:
            result.append(Sentence(sent_start, tokens[-1].end))
    return result


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
