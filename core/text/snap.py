"""Turn a rough selection into the span an annotator means.

The selection grows to whole tokens; punctuation and whitespace at either edge are left
out ("ميتا،" -> "ميتا", "«لاما»" -> "لاما"), punctuation inside stays ("Llama 3.1",
"GPT-4o", "أ.د"); a leading proclitic is left out when the evidence says the rest is a
word (core.text.clitics). A selection of punctuation alone snaps to nothing, and
`snap_selection` says why through `Snap.refused`.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from core.text.clitics import analyze, is_clitic_only
from core.text.tokens import Token, tokens_overlapping

# Punctuation that never starts or ends a snapped span (Arabic and Latin).
EDGE_PUNCTUATION = frozenset("،؛؟«».,:;!?\"'()[]{}“”‘’‹›-–—…")

NOTHING_SELECTED = "nothing is selected"
ONLY_WHITESPACE = "only whitespace is selected"
ONLY_PUNCTUATION = "only punctuation is selected; it is not annotated"


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
    inside = inside[first_word : last_word + 1]
    first, last = inside[0], inside[-1]
    snapped_start = first.start
    if clitic_rule != "none":
        if len(inside) > 1 and is_clitic_only(first.text) and inside[1].start == first.end:
            first = inside[1]
            snapped_start = first.start
        if first.kind == "arabic":
            split = analyze(text, first.start, first.end, clitic_rule, known)
            snapped_start = split.stem_start
    return Snap(snapped_start, last.end)


def snap_selection(
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    clitic_rule: str = "standard",
    known: Container[str] = frozenset(),
) -> tuple[int, int] | None:
    """`snap` as (start, end), or None when nothing is to be annotated."""
    return snap(text, tokens, start, end, clitic_rule, known).span
