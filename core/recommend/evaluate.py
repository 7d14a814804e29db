"""How good each recommender is on this project: k-fold cross-validation over documents.

The examples' documents are dealt into k folds (a document's several sets stay in one
fold, so nothing is learnt from the document being tested); each fold in turn is held
out, the recommenders are trained on the others and their proposals for the held-out
texts are compared with what the annotators tagged there. A proposal is correct when its
start, end and label are exactly those of an annotation (proposals in excluded text are
not counted). `python main.py recommend-eval` prints the figures and the Review menu
shows them, so a curator can switch a weak recommender off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.project.errors import OperationError
from core.project.progress import Progress, within
from core.project.project import Project
from core.recommend.examples import Example, TrainingSource, read_examples
from core.recommend.training import check_names, train
from models.messages import Message

DEFAULT_FOLDS = 5
OVERALL = "(all)"  # the label of a recommender's figures over every label


@dataclass(frozen=True)
class LabelFigures:
    recommender: str
    layer: str  # ENTITY or EVENT; "" for the figures over every label
    label: str
    correct: int
    proposed: int
    expected: int

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "recommender": self.recommender,
            "layer": self.layer,
            "label": self.label,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "proposed": self.proposed,
            "expected": self.expected,
        }


@dataclass
class Evaluation:
    folds: int
    documents: int
    figures: list[LabelFigures] = field(default_factory=list)  # per recommender, label

    def overall(self, recommender: str) -> LabelFigures | None:
        return next(
            (f for f in self.figures if f.recommender == recommender and f.label == OVERALL),
            None,
        )


def cross_validate(
    examples: Sequence[Example],
    names: Sequence[str],
    rule: str,
    folds: int = DEFAULT_FOLDS,
    progress: Progress | None = None,
) -> Evaluation:
    names = check_names(names)
    documents = sorted({example.document_id for example in examples})
    if folds < 2:
        raise OperationError(Message("cross-validation needs at least 2 folds"))
    if len(documents) < folds:
        raise OperationError(
            Message(
                "{folds} folds need at least {folds} annotated documents; there are {count}",
                folds=folds,
                count=len(documents),
            )
        )
    fold_of = {document: n % folds for n, document in enumerate(documents)}
    counts: dict[tuple[str, str, str], Counter[str]] = {}
    for fold in range(folds):
        held_out = [e for e in examples if fold_of[e.document_id] == fold]
        learnt = [e for e in examples if fold_of[e.document_id] != fold]
        if not any(e.spans for e in learnt):
            continue
        trained = train(learnt, names, rule, within(progress, fold, fold + 1, folds))
        for example in held_out:
            expected = {(s.start, s.end, s.layer, s.label) for s in example.spans}
            splitter = trained.vocabulary.splitter([example.text])
            for name, recommender in trained.recommenders.items():
                proposed = {
                    (p.start, p.end, p.layer, p.label)
                    for p in recommender.suggest(example.text, splitter)
                    if not any(a < p.end and p.start < b for a, b in example.excluded)
                }
                _count(counts, name, proposed, expected)
    evaluation = Evaluation(folds, len(documents))
    for name in names:
        total: Counter[str] = Counter()
        for (owner, layer, label), figures in sorted(counts.items()):
            if owner == name:
                evaluation.figures.append(LabelFigures(name, layer, label, **_full(figures)))
                total.update(figures)
        evaluation.figures.append(LabelFigures(name, "", OVERALL, **_full(total)))
    return evaluation


def _full(counter: Counter[str]) -> dict[str, int]:
    return {key: counter[key] for key in ("correct", "proposed", "expected")}


def _count(
    counts: dict[tuple[str, str, str], Counter[str]],
    name: str,
    proposed: set[tuple[int, int, str, str]],
    expected: set[tuple[int, int, str, str]],
) -> None:
    for start, end, layer, label in proposed:
        figures = counts.setdefault((name, layer, label), Counter())
        figures["proposed"] += 1
        figures["correct"] += (start, end, layer, label) in expected
    for _, _, layer, label in expected:
        counts.setdefault((name, layer, label), Counter())["expected"] += 1


def evaluate_recommenders(
    project: Project,
    source: TrainingSource,
    names: Sequence[str],
    folds: int = DEFAULT_FOLDS,
    progress: Progress | None = None,
) -> Evaluation:
    examples = read_examples(project, source, within(progress, 0, 1, 20))
    if not examples:
        raise OperationError(
            Message("there is nothing to evaluate on in {source}", source=source.describe())
        )
    rule = project.setting("clitic_rule")
    return cross_validate(examples, names, rule, folds, within(progress, 1, 20, 20))
