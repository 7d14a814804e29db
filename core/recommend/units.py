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

from collections.abc import Container, Iterator
from typing import NamedTuple

from core.text.clitics import CONJUNCTIONS, PREPOSITIONS, analyze, folded_words
from core.text.fold import fold
from core.text.tokens import token_matches

CLITIC = "clitic"  # the kind of a unit that is proclitic letters split off a word
_CLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)
SENTENCE_END = frozenset(".!?؟…")


class Unit(NamedTuple):
    start: int
    end: int
    folded: str
    kind: str  # a token kind of core.text.tokens ("arabic", "number", "word", "punct") or CLITIC
    after_clitic: bool  # a word whose proclitic was split off ("ميتا" of "لميتا")


# (start, end relative to the token, folded, kind, after clitic) of each unit of a token
_Pieces = tuple[tuple[int, int, str, str, bool], ...]


class Splitter:
    """Splits texts into units by the project's clitic rule; `known` holds the folded
    words that count as evidence that a stem stands on its own."""

    def __init__(self, rule: str, known: Container[str]):
        self.rule = rule
        self.known = known
        self._pieces: dict[tuple[str, str], _Pieces] = {}

    def units(self, text: str, start: int = 0, end: int | None = None) -> list[Unit]:
        found: list[Unit] = []
        pieces_of = self._pieces
        append = found.append
        for match in token_matches(text, start, end):
            key = (match.group(), match.lastgroup or "punct")
            pieces = pieces_of.get(key)
            if pieces is None:
                pieces = pieces_of[key] = self._split(*key)
            offset = match.start()
            if len(pieces) == 1:
                a, b, folded, kind, after = pieces[0]
                append(Unit(offset, offset + b, folded, kind, after))
                continue
            for a, b, folded, kind, after in pieces:
                append(Unit(offset + a, offset + b, folded, kind, after))
        return found

    def _split(self, token: str, kind: str) -> _Pieces:
        folded = fold(token)
        if kind != "arabic" or not folded or folded[0] not in _CLITIC_LETTERS:
            return ((0, len(token), folded, kind, False),)
        split = analyze(token, 0, len(token), self.rule, self.known)
        stem = split.stem_start
        if stem == 0:
            return ((0, len(token), folded, kind, False),)
        return (
            (0, stem, fold(token[:stem]), CLITIC, False),
            (stem, len(token), fold(token[stem:]), kind, True),
        )


def text_words(*texts: str) -> set[str]:
    """The folded Arabic words of texts: evidence for `Splitter` (read fast, from the
    folded texts, as core.documents.search reads the project's)."""
    return set(folded_words(fold("\n".join(texts))))


def sequences(text: str, units: list[Unit]) -> Iterator[list[Unit]]:
    """The units in runs a sequence model tags one at a time: a run ends at a line break
    and after sentence-final punctuation."""
    run: list[Unit] = []
    for unit in units:
        if run and "\n" in text[run[-1].end : unit.start]:
            yield run
            run = []
        run.append(unit)
        if unit.kind == "punct" and unit.folded in SENTENCE_END:
            yield run
            run = []
    if run:
        yield run
