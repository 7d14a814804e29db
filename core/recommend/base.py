"""What every recommender shares: the proposal it makes, and the vocabulary it splits
clitics with.

A recommender is trained on examples (core.recommend.examples) and then proposes, for a
text, spans with a label and a score between 0 and 1 (`Proposal`). Proposals become
suggestions in the editor and on the command line; they are never annotations until an
annotator accepts them.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from core.recommend.examples import Example
from core.recommend.units import Splitter, text_words
from core.text.clitics import Evidence
from core.text.fold import fold
from core.text.tokens import token_matches

GAZETTEER, CRF = "gazetteer", "crf"
RECOMMENDERS = (GAZETTEER, CRF)  # the trained ones, by name; imported predictions have others


class Proposal(NamedTuple):
    start: int
    end: int
    layer: str  # ENTITY or EVENT (core.schema.model)
    label: str  # the label's key
    score: float
    recommender: str


@dataclass(frozen=True)
class Vocabulary:
    """The words seen standing alone in the training texts, and the first word of every
    annotated span (an annotated "ميتا" is itself evidence that "لميتا" holds it, as in
    core.annotation.bulk): what clitics are split with, in training and in suggesting."""

    rule: str
    words: frozenset[str]

    @classmethod
    def of(cls, rule: str, examples: Sequence[Example]) -> Vocabulary:
        words = text_words(*(example.text for example in examples))
        for example in examples:
            for span in example.spans:
                head = next(token_matches(example.text, span.start, span.end), None)
                if head is not None:
                    words.add(fold(head.group()))
        return cls(rule, frozenset(words))

    def splitter(self, texts: Iterable[str] = (), words: Container[str] | None = None) -> Splitter:
        """A splitter for these texts: their own words count as evidence too, and
        `words` (the whole project's, say)."""
        sources: list[Container[str]] = [self.words, text_words(*texts)]
        if words is not None:
            sources.append(words)
        return Splitter(self.rule, Evidence(*sources))
