"""Turn a rough selection into the span an annotator means.

The selection grows to whole tokens; punctuation and whitespace at either edge are left
out ("ميتا،" -> "ميتا", "«لاما»" -> "لاما"), punctuation inside stays ("Llama 3.1",
"GPT-4o", "أ.د"), and so does a quote or bracket at an edge that closes one opened
inside the span, or opens one closed inside it ("نموذج 'Llama'" keeps its closing
quote; a span never holds half a pair the selection held whole). A leading proclitic
is left out when the evidence says the rest is a word (core.text.clitics). A selection
of punctuation alone snaps to nothing, and `snap` says why through `Snap.refused`.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from core.text.clitics import analyze, is_clitic_only
from core.text.tokens import Token, tokens_overlapping
from models.messages import Message

# Punctuation that never starts or ends a snapped span (Arabic and Latin).
EDGE_PUNCTUATION = frozenset("،؛؟«».,:;!?\"'()[]{}“”‘’‹›-–—…")

# Quotes and brackets, closing -> opening; a straight quote is its own partner.
PARTNERS = {
    "»": "«",
    ")": "(",
    "]": "[",
    "}": "{",
    "”": "“",
    "’": "‘",
    "›": "‹",
    '"': '"',
    "'": "'",
}
OPENERS = {opening: closing for closing, opening in PARTNERS.items()}

NOTHING_SELECTED = Message("nothing is selected")
ONLY_WHITESPACE = Message("only whitespace is selected")
ONLY_PUNCTUATION = Message("only punctuation is selected; it is not annotated")


@dataclass(frozen=True, slots=True)
class Snap:
    """Where a selection snapped: `start`-`end`, or nothing (`refused` says why)."""

    start: int = 0
    end: int = 0
    refused: str = ""

    @property
    def span(self) -> tuple[int, int] | None:
        return None if self.refused else (self.start, self.end)


def is_edge_punctuation(token: Token) -> bool:
    return token.kind == "punct" and token.text in EDGE_PUNCTUATION


def snap(
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    clitic_rule: str = "standard",
    known: Container[str] = frozenset(),
) -> Snap:
    """Grow [start, end) to whole tokens, leave edge punctuation out, then drop a leading
    proclitic (`known`: folded words that count as evidence, see core.text.clitics).

    A leading token that is only a clitic ("لـ" in "لـMeta") is dropped when the
    selection goes on past it."""
    start, end = min(start, end), max(start, end)
    if start == end:
        return Snap(refused=NOTHING_SELECTED)
    inside = tokens_overlapping(tokens, start, end)
    if not inside:
        return Snap(refused=ONLY_WHITESPACE)
    first_word = next((i for i, t in enumerate(inside) if not is_edge_punctuation(t)), None)
    if first_word is None:
        return Snap(refused=ONLY_PUNCTUATION)
    last_word = max(i for i, t in enumerate(inside) if not is_edge_punctuation(t))
    first_word, last_word = _keep_pairs_whole(text, inside, first_word, last_word)
    inside = inside[first_word : last_word + 1]
    first, last = inside[0], inside[-1]
    snapped_start = first.start
    if clitic_rule != "none":
        if (
            len(inside) > 1
            and is_clitic_only(first.text)
            and inside[1].start == first.end
            and inside[1].kind != "punct"
        ):
            first = inside[1]
            snapped_start = first.start
        if first.kind == "arabic":
            split = analyze(text, first.start, first.end, clitic_rule, known)
            snapped_start = split.stem_start
    return Snap(snapped_start, last.end)


def _keep_pairs_whole(text: str, inside: list[Token], first: int, last: int) -> tuple[int, int]:
    """Take back an edge quote or bracket that pairs with one inside the span."""
    while True:
        span = text[inside[first].start : inside[last].end]
        if last + 1 < len(inside) and _unmatched(span, inside[last + 1].text, closing=True):
            last += 1
        elif first > 0 and _unmatched(span, inside[first - 1].text, closing=False):
            first -= 1
        else:
            return first, last


def _unmatched(span: str, mark: str, *, closing: bool) -> bool:
    """Whether `mark` (a closing mark after `span`, or an opening one before it) pairs
    with one that `span` holds unpaired."""
    partner = PARTNERS.get(mark) if closing else OPENERS.get(mark)
    if partner is None:
        return False
    if partner == mark:  # a straight quote
        return span.count(mark) % 2 == 1
    opening, closing_mark = (partner, mark) if closing else (mark, partner)
    unpaired = span.count(opening) - span.count(closing_mark)
    return unpaired > 0 if closing else unpaired < 0


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without whitespace at either edge (what exact selection keeps: the
    characters as selected, but no span begins or ends with whitespace)."""
    start, end = min(start, end), max(start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
