"""What an agreement study gives: a `Figure` (a value, or undefined with the reason),
the measures there are (`MEASURES`), each measure's figures per pair, overall, per
label and per document (`MeasureResult`), and the whole `AgreementReport`, which
serialises to JSON. How each figure is computed is in `core.review.agreement.project`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from core.review.agreement.errors import AgreementUndefined
from core.review.agreement.intervals import Estimate
from core.review.agreement.semeval import KINDS, SCHEMAS, SemEvalCounts
from core.review.agreement.study import AgreementOptions, AnnotatorRef, DocumentRef, LeftOut, Study
from core.review.overview import LabelDistribution, Progress
from models.messages import Message

ENTITIES, EVENTS, STANCES = "entities", "events", "stances"
TOO_FEW = Message("fewer than two annotators finished the same document")
LAYER_TITLES = {
    ENTITIES: Message("Entities"),
    EVENTS: Message("Events"),
    STANCES: Message("Stances"),
}
Pair = tuple[int, int]


def pairable(rows: Iterable[Sequence[object]]) -> int:
    """How many rows (items or tokens) have values from at least two annotators: the
    support of a coefficient computed over them."""
    return sum(1 for r in rows if sum(v is not None for v in r) >= 2)


@dataclass(frozen=True, slots=True)
class Figure:
    """One agreement figure: a value, or None with the reason it is undefined.

    `support` is what the figure was computed from: spans (both sides) for F1,
    units for unitizing alpha, tokens or items for the coefficients. `details` holds
    extra numbers (precision, recall, counts), named by `detail_names` (a tuple shared
    by every figure of a kind: a report holds hundreds of thousands of figures).
    """

    value: float | None
    support: int = 0
    undefined: str | None = None
    details: tuple[float | int, ...] = ()
    detail_names: tuple[str, ...] = ()
    se: float | None = None  # standard error
    low: float | None = None  # 95% confidence interval
    high: float | None = None
    method: str = ""  # how se and the interval were found: "analytic" or "bootstrap"

    @property
    def defined(self) -> bool:
        return self.value is not None

    @property
    def detail(self) -> tuple[tuple[str, float | int], ...]:
        """The extra numbers as (name, value) pairs."""
        return tuple(zip(self.detail_names, self.details, strict=True))

    def text(self, digits: int = 3) -> str:
        return "—" if self.value is None else f"{self.value:.{digits}f}"

    def get(self, name: str) -> float | int | None:
        return dict(self.detail).get(name)

    @property
    def has_interval(self) -> bool:
        return self.low is not None and self.high is not None

    def interval_text(self, digits: int = 3) -> str:
        """ "[0.612, 0.804]", or "" without an interval."""
        if self.low is None or self.high is None:
            return ""
        return f"[{self.low:.{digits}f}, {self.high:.{digits}f}]"

    def with_interval(
        self, se: float | None, low: float | None, high: float | None, method: str
    ) -> Figure:
        if not self.defined or se is None:
            return self
        return replace(self, se=se, low=low, high=high, method=method)

    def with_estimate(self, compute: Callable[[], Estimate]) -> Figure:
        """This figure with the standard error and interval of `compute()` (Gwet's
        formulas), left without them where those are undefined."""
        if not self.defined:
            return self
        try:
            found = compute()
        except AgreementUndefined:
            return self
        return self.with_interval(found.se, found.low, found.high, found.method)

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "value": self.value,
            "support": self.support,
            "undefined": self.undefined,
        }
        result.update(zip(self.detail_names, self.details, strict=True))
        if self.se is not None:
            result.update({"se": self.se, "ci_low": self.low, "ci_high": self.high})
            result["ci_method"] = self.method
        return result

    @classmethod
    def none(cls, reason: str, support: int = 0) -> Figure:
        # one object per reason: a report of many documents holds the same undefined
        # figure for each document without that kind of annotation
        key = (str.__str__(reason), getattr(reason, "template", None), support)
        found = _UNDEFINED.get(key)
        if found is None:
            if len(_UNDEFINED) >= 1000:
                _UNDEFINED.clear()
            found = _UNDEFINED[key] = cls(None, support, reason)
        return found

    @classmethod
    def f1(cls, true_positives: int, n_a: int, n_b: int, what: str = "annotations") -> Figure:
        if n_a + n_b == 0:
            return cls.none(Message("no {what} to compare", what=what))
        # as SpanF1.from_counts; int / int is correctly rounded, as float(Fraction) is
        details = (
            true_positives / n_b if n_b else 0.0,
            true_positives / n_a if n_a else 0.0,
            true_positives,
            n_a - true_positives,
            n_b - true_positives,
        )
        return cls(2 * true_positives / (n_a + n_b), n_a + n_b, None, details, _F1_DETAIL)

    @classmethod
    def semeval(cls, counts: SemEvalCounts, what: str = "spans") -> Figure:
        """F1 of SemEval-2013 counts, with precision, recall and the five counts."""
        if counts.actual + counts.possible == 0:
            return cls.none(Message("no {what} to compare", what=what))
        details = (counts.precision, counts.recall, *counts.as_tuple())
        return cls(counts.f1, counts.actual + counts.possible, None, details, _SEMEVAL_DETAIL)

    @classmethod
    def of(cls, compute: Callable[[], float], support: int) -> Figure:
        try:
            return cls(compute(), support)
        except AgreementUndefined as why:
            reason = why.args[0] if len(why.args) == 1 else str(why)
            return cls.none(reason if isinstance(reason, Message) else str(why), support)


_UNDEFINED: dict[tuple[str, str | None, int], Figure] = {}
_F1_DETAIL = ("precision", "recall", "true_positives", "a_only", "b_only")
_SEMEVAL_DETAIL = ("precision", "recall", *KINDS)


@dataclass(frozen=True)
class MeasureInfo:
    key: str
    layer: str
    title: str  # "Span F1 (exact)"
    overall_title: str  # what "overall" is for this measure
    label_title: str = ""  # what by_label groups by ("" if it has no per-label figures)
    document_measure: str = ""  # the measure shown per document (itself if empty)
    higher_is_better: bool = True

    @property
    def per_document(self) -> str:
        return self.document_measure or self.key


MEASURES: tuple[MeasureInfo, ...] = (
    MeasureInfo(
        "entities.f1_exact",
        ENTITIES,
        Message("Span F1 (exact)"),
        Message("all pairs pooled"),
        Message("Label"),
    ),
    MeasureInfo(
        "entities.f1_overlap",
        ENTITIES,
        Message("Span F1 (overlap)"),
        Message("all pairs pooled"),
        Message("Label"),
    ),
    *(
        MeasureInfo(
            f"entities.semeval_{schema}",
            ENTITIES,
            title,
            Message("all pairs pooled"),
            Message("Label"),
        )
        for schema, title in zip(
            SCHEMAS,
            (
                Message("SemEval strict F1"),
                Message("SemEval exact F1"),
                Message("SemEval partial F1"),
                Message("SemEval type F1"),
            ),
            strict=True,
        )
    ),
    MeasureInfo(
        "entities.unitizing_alpha",
        ENTITIES,
        Message("Unitizing alpha"),
        Message("all annotators together"),
        Message("Label"),
        "entities.f1_exact",
    ),
    MeasureInfo(
        "entities.token_kappa",
        ENTITIES,
        Message("Token kappa (BIO)"),
        Message("Fleiss' kappa, all annotators"),
        "",
        "entities.f1_exact",
    ),
    MeasureInfo(
        "events.trigger_identification",
        EVENTS,
        Message("Trigger identification F1"),
        Message("all pairs pooled"),
    ),
    MeasureInfo(
        "events.trigger_classification",
        EVENTS,
        Message("Trigger classification F1"),
        Message("all pairs pooled"),
        Message("Event type"),
    ),
    MeasureInfo(
        "events.argument_identification",
        EVENTS,
        Message("Argument identification F1"),
        Message("all pairs pooled"),
    ),
    MeasureInfo(
        "events.argument_role",
        EVENTS,
        Message("Argument role F1"),
        Message("all pairs pooled"),
        Message("Event type"),
    ),
    MeasureInfo(
        "stances.cohen_kappa",
        STANCES,
        Message("Stance kappa"),
        Message("Fleiss' kappa, all annotators"),
        "",
        "stances.percent_agreement",
    ),
    MeasureInfo(
        "stances.krippendorff_alpha",
        STANCES,
        Message("Stance alpha (nominal)"),
        Message("all annotators together"),
        Message("Target"),
        "stances.percent_agreement",
    ),
    MeasureInfo(
        "stances.bennett_s",
        STANCES,
        "Stance Bennett's S",
        "all annotators together",
        "Target",
        "stances.percent_agreement",
    ),
    MeasureInfo(
        "stances.conger_kappa",
        STANCES,
        "Stance Conger's kappa",
        "all annotators together",
        "",
        "stances.percent_agreement",
    ),
    MeasureInfo(
        "stances.percent_agreement",
        STANCES,
        Message("Stance percent agreement"),
        Message("all annotators together"),
        Message("Target"),
    ),
)
MEASURE_BY_KEY = {m.key: m for m in MEASURES}
SEMEVAL_MEASURES = tuple(f"entities.semeval_{schema}" for schema in SCHEMAS)


@dataclass
class MeasureResult:
    pairs: dict[Pair, Figure] = field(default_factory=dict)
    overall: Figure = field(default_factory=lambda: Figure.none(Message("not computed")))
    by_label: dict[str, Figure] = field(default_factory=dict)
    by_document: dict[int, Figure] = field(default_factory=dict)
    pair_by_label: dict[Pair, dict[str, Figure]] = field(default_factory=dict)
    versus_gold: dict[int, Figure] = field(default_factory=dict)  # annotator against gold


@dataclass
class AgreementReport:
    project: str
    options: AgreementOptions
    annotators: list[AnnotatorRef]
    documents: dict[int, DocumentRef]
    left_out: dict[int, LeftOut]
    measures: dict[str, MeasureResult]
    generated_at: str
    study: Study = field(repr=False, compare=False)
    # what the review charts show: labels per annotator and gold, annotators' progress
    label_distribution: LabelDistribution | None = None
    progress: list[Progress] = field(default_factory=list)

    def name(self, annotator_id: int) -> str:
        return self.study.name(annotator_id)

    @property
    def pairs(self) -> list[Pair]:
        return self.study.compared_pairs()

    def pair_figure(self, key: str, a: int, b: int) -> Figure:
        """The figure for a pair in either order (missing: undefined)."""
        result = self.measures[key]
        found = result.pairs.get((a, b)) or result.pairs.get((b, a))
        if found is not None:
            return found
        if not result.pairs and result.overall.undefined:  # e.g. not computed (yet)
            return Figure.none(result.overall.undefined)
        return Figure.none(Message("these annotators finished no document in common"))

    def documents_by_agreement(self, key: str) -> list[tuple[DocumentRef, Figure]]:
        """Compared documents for a measure's per-document figure, lowest first,
        undefined last (ties by document id)."""
        per_document = self.measures[MEASURE_BY_KEY[key].per_document].by_document
        rows = [
            (doc, per_document.get(doc.id) or Figure.none(Message("nothing to compare")))
            for doc in self.documents.values()
        ]
        rows.sort(key=lambda r: (r[1].value is None, r[1].value or 0.0, r[0].id))
        return rows

    def to_json(self, *, measures: bool = True) -> dict[str, Any]:
        """The report as JSON values; `measures=False` leaves "measures" empty, for a
        writer that takes each measure from `measure_json` in turn (at tens of
        thousands of documents, all of them at once take hundreds of megabytes)."""
        names = {a.id: a.name for a in self.annotators}
        return {
            "format": "tawsim-agreement-report",
            "version": 1,
            "project": self.project,
            "generated_at": self.generated_at,
            "options": self.options.to_json(),
            "annotators": [{"id": a.id, "name": a.name} for a in self.annotators],
            "documents": [
                {
                    "id": d.id,
                    "title": d.title,
                    "annotators": sorted(names[a] for a in self.study.coverage[d.id]),
                }
                for d in self.documents.values()
            ],
            "left_out": {names[a]: counts.to_json() for a, counts in self.left_out.items()},
            "measures": dict(self.measures_json()) if measures else {},
            **self._overview_json(),
        }

    def measures_json(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each computed measure's key and JSON, made one at a time."""
        for info in MEASURES:
            result = self.measures.get(info.key)
            if result is not None:
                yield info.key, self.measure_json(info, result)

    def measure_json(self, info: MeasureInfo, result: MeasureResult) -> dict[str, Any]:
        names = {a.id: a.name for a in self.annotators}

        def pair_json(pair: Pair, figure: Figure) -> dict[str, Any]:
            return {"a": names[pair[0]], "b": names[pair[1]], **figure.to_json()}

        found = {
            "title": info.title,
            "layer": info.layer,
            "overall_is": info.overall_title,
            "overall": result.overall.to_json(),
            "pairs": [pair_json(p, f) for p, f in result.pairs.items()],
            "by_label": {k: f.to_json() for k, f in result.by_label.items()},
            "pair_by_label": [
                {
                    "a": names[p[0]],
                    "b": names[p[1]],
                    "labels": {k: f.to_json() for k, f in labels.items()},
                }
                for p, labels in result.pair_by_label.items()
            ],
            "by_document": [
                {"document": doc, **f.to_json()} for doc, f in result.by_document.items()
            ],
        }
        if result.versus_gold:
            found["versus_gold"] = [
                {"annotator": names[a], **f.to_json()} for a, f in result.versus_gold.items()
            ]
        return found

    def _overview_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        labels = self.label_distribution
        if labels is not None:
            found["label_distribution"] = {
                who.name: {key: labels.count(who, key) for key in labels.labels}
                for who in labels.series
            }
        if self.progress:
            found["progress"] = [
                {
                    "annotator": p.who.name,
                    "finished": p.finished,
                    "in_progress": p.in_progress,
                    "new": p.new,
                    "finished_on": dict(p.finished_on),
                }
                for p in self.progress
            ]
        return found


__all__ = [
    "ENTITIES",
    "EVENTS",
    "LAYER_TITLES",
    "MEASURES",
    "MEASURE_BY_KEY",
    "SEMEVAL_MEASURES",
    "STANCES",
    "TOO_FEW",
    "AgreementReport",
    "Figure",
    "MeasureInfo",
    "MeasureResult",
    "Pair",
    "pairable",
]
