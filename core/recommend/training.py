"""Training the recommenders on a project, and asking them for suggestions.

`train_recommenders(project, source, names)` reads the examples the source names and
trains each recommender named (gazetteer, crf) with the project's clitic rule; the
result (`Trained`) suggests for any text. `train(examples, names, rule)` does the same
on examples already read (cross-validation, training in another process).
`suggest_documents` is what `python main.py suggest` prints: the proposals for every
document the training set does not cover, or for the ones named.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from core.project.errors import OperationError
from core.project.progress import Progress, report_progress, within
from core.project.project import Project
from core.recommend.base import CRF, GAZETTEER, RECOMMENDERS, Proposal, Vocabulary
from core.recommend.crf import train_crf
from core.recommend.examples import (
    Example,
    Target,
    TrainingSource,
    document_ids,
    read_examples,
    read_targets,
)
from core.recommend.gazetteer import train_gazetteer
from core.recommend.units import Splitter
from models.messages import Message


class Recommender(Protocol):
    name: str

    def suggest(self, text: str, splitter: Splitter) -> list[Proposal]: ...


@dataclass
class Trained:
    """Recommenders trained on the same examples."""

    vocabulary: Vocabulary
    recommenders: dict[str, Recommender]
    documents: frozenset[int]  # the documents the examples came from
    annotations: int  # how many spans and triggers they held

    def suggest(self, text: str, words: Container[str] | None = None) -> list[Proposal]:
        """Every recommender's proposals for `text` (`words`: more evidence for the
        clitic rule, such as the whole project's words)."""
        splitter = self.vocabulary.splitter([text], words)
        proposals: list[Proposal] = []
        for recommender in self.recommenders.values():
            proposals += recommender.suggest(text, splitter)
        proposals.sort()
        return proposals


def check_names(names: Sequence[str]) -> list[str]:
    """The recommenders named ("all": every one), in their own order; unknown names are
    refused."""
    wanted = set(RECOMMENDERS) if "all" in names else set(names)
    unknown = sorted(wanted - set(RECOMMENDERS))
    if unknown:
        raise OperationError(
            Message(
                "no recommender named {names} (recommenders: {known})",
                names=", ".join(unknown),
                known=", ".join(RECOMMENDERS),
            )
        )
    if not wanted:
        raise OperationError(Message("name a recommender to train"))
    return [name for name in RECOMMENDERS if name in wanted]


def train(
    examples: Sequence[Example],
    names: Sequence[str],
    rule: str,
    progress: Progress | None = None,
) -> Trained:
    """Train the recommenders `names` on `examples` (refused when they hold nothing to
    learn from)."""
    names = check_names(names)
    annotations = sum(len(example.spans) for example in examples)
    if not annotations:
        raise OperationError(Message("the training set holds no annotations to learn from"))
    vocabulary = Vocabulary.of(rule, examples)
    recommenders: dict[str, Recommender] = {}
    shares = {GAZETTEER: 1, CRF: 8}  # how long each takes, roughly
    total = sum(shares[name] for name in names)
    done = 0
    for name in names:
        part = within(progress, done, done + shares[name], total)
        if name == GAZETTEER:
            recommenders[name] = train_gazetteer(examples, vocabulary.splitter(), part)
        else:
            recommenders[name] = train_crf(examples, vocabulary, part)
        done += shares[name]
    return Trained(
        vocabulary,
        recommenders,
        frozenset(example.document_id for example in examples),
        annotations,
    )


def train_recommenders(
    project: Project,
    source: TrainingSource,
    names: Sequence[str],
    progress: Progress | None = None,
) -> Trained:
    names = check_names(names)
    rule = project.setting("clitic_rule")
    examples = read_examples(project, source, within(progress, 0, 1, 10))
    if not examples:
        raise OperationError(
            Message("there is nothing to learn from in {source}", source=source.describe())
        )
    return train(examples, names, rule, within(progress, 1, 10, 10))


@dataclass(frozen=True)
class SuggestionLine:
    """One suggestion as `python main.py suggest --json` prints it."""

    document: int
    document_key: str | None
    start: int
    end: int
    text: str
    label: str
    score: float
    recommender: str

    def as_json(self) -> dict[str, object]:
        return {
            "document": self.document,
            "document_key": self.document_key,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "score": self.score,
            "recommender": self.recommender,
        }


def targets_of(project: Project, trained: Trained, wanted: Sequence[int] | None) -> list[int]:
    """The documents to suggest for: those named, else every one the training set did not
    cover."""
    if wanted is not None:
        return list(wanted)
    return [d for d in document_ids(project) if d not in trained.documents]


def suggest_documents(
    project: Project,
    trained: Trained,
    documents: Sequence[int],
    progress: Progress | None = None,
) -> Iterator[SuggestionLine]:
    """The proposals for `documents`, document by document, by position."""
    targets: Iterator[Target] = read_targets(project, documents)
    for done, target in enumerate(targets, start=1):
        for proposal in trained.suggest(target.text):
            yield SuggestionLine(
                target.document_id,
                target.key,
                proposal.start,
                proposal.end,
                target.text[proposal.start : proposal.end],
                proposal.label,
                proposal.score,
                proposal.recommender,
            )
        report_progress(progress, done, len(documents), Message("suggesting"))
