"""The text as the recommenders read it: tokens, with proclitics split off, folded.

"لميتا" is read as "ل" + "ميتا" when the project's clitic rule splits it there (the
evidence being the words seen standing alone, as when an annotator's selection snaps:
core.text.clitics), so an entity learnt as "ميتا" is found in "لميتا" and its span
leaves the clitic out, exactly as the annotator's would. Every unit carries its folded
form (hamza forms, alef maksura, diacritics and tatweel folded: core.text.fold), which
is what the gazetteer matches and the sequence model's features are made of.

A document's words repeat, so each distinct token is analysed once per `Splitter`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

from core.text.clitics import CONJUNCTIONS, PREPOSITIONS, analyze, folded_words
from core.text.fold import fold
from core.text.tokens import token_bounds, token_matches

CLITIC = "clitic"  # the kind of a unit that is proclitic letters split off a word
_CLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)
SENTENCE_END = frozenset(".!?؟…")


class Reading(NamedTuple):
    """What a unit is, apart from where: one object per distinct unit of a text."""

    folded: str
    kind: str  # a token kind of core.text.tokens ("arabic", "number", "word", "punct") or CLITIC
    after_clitic: bool  # a word whose proclitic was split off ("ميتا" of "لميتا")


@dataclass(frozen=True)
class Units:
    """A text's units in order, as lists side by side (a long text has tens of
    thousands of units: no object is made per unit)."""

    starts: list[int]
    ends: list[int]
    readings: list[Reading]
    folded: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", [reading.folded for reading in self.readings])

    def __len__(self) -> int:
        return len(self.starts)


class Splitter:
    """Splits texts into units by the project's clitic rule; `known` holds the folded
    words that count as evidence that a stem stands on its own."""

    def __init__(self, rule: str, known: Container[str]):
        self.rule = rule
        self.known = known
        self._readings: dict[str, tuple[Reading, ...]] = {}  # by token
        self._stems: dict[str, int] = {}  # where the stem starts in a token split in two

    def units(self, text: str) -> Units:
        tokens, starts, ends = token_bounds(text)
        readings_of = self._readings
        for token in set(tokens).difference(readings_of):
            readings_of[token] = self._split(token)
        readings = list(chain.from_iterable(map(readings_of.__getitem__, tokens)))
        if len(readings) == len(tokens):
            return Units(starts, ends, readings)
        stems = self._stems
        unit_starts: list[int] = []
        unit_ends: list[int] = []
        last = 0
        for i in [i for i, token in enumerate(tokens) if token in stems]:
            unit_starts += starts[last:i]
            unit_ends += ends[last:i]
            start = starts[i]
            stem = start + stems[tokens[i]]
            unit_starts += (start, stem)
            unit_ends += (stem, ends[i])
            last = i + 1
        unit_starts += starts[last:]
        unit_ends += ends[last:]
        return Units(unit_starts, unit_ends, readings)

    def _split(self, token: str) -> tuple[Reading, ...]:
        kind = next(token_matches(token)).lastgroup or "punct"  # the same alone as in a text
        folded = fold(token)
        if kind != "arabic" or not folded or folded[0] not in _CLITIC_LETTERS:
            return (Reading(folded, kind, False),)
        stem = analyze(token, 0, len(token), self.rule, self.known).stem_start
        if stem == 0:
            return (Reading(folded, kind, False),)
        self._stems[token] = stem
        return (Reading(fold(token[:stem]), CLITIC, False), Reading(fold(token[stem:]), kind, True))


def text_words(*texts: str) -> set[str]:
    """The folded Arabic words of texts: evidence for `Splitter` (read fast, from the
    folded texts, as core.documents.search reads the project's)."""
    return set(folded_words(fold("\n".join(texts))))


def sequences(text: str, units: Units) -> list[range]:
    """The units (by index) in runs a sequence model tags one at a time: a run ends at a
    line break and after sentence-final punctuation."""
    count = len(units)
    ends = {
        i + 1
        for i, r in enumerate(units.readings)
        if r.kind == "punct" and r.folded in SENTENCE_END
    }
    at = text.find("\n")
    while at >= 0:
        ends.add(bisect_left(units.starts, at))
        at = text.find("\n", at + 1)
    bounds = sorted(ends.difference((0, count)))
    return (
        [range(a, b) for a, b in zip([0, *bounds], [*bounds, count], strict=True) if a < b]
        if count
        else []
    )
