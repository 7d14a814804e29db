"""Inter-annotator agreement over a project: entities, events and stances.

`compute_agreement(project, options, progress)` loads a `Study` (what is
compared, see `core.agreement.study`) and computes every measure in
`MEASURES` with the coefficient library. Each measure gives a `Figure` per
pair of annotators, one overall, one per label and one per document; a
`Figure` is either a value or undefined with the reason, never NaN, and
everything serialises to JSON (`AgreementReport.to_json`).

How the measures are defined (also in docs/agreement.md):

* Entity span F1, exact and overlap: `span_f1` between the two annotators of
  a pair, on the documents both finished; "overall" and the per-label and
  per-document figures pool the counts of every pair (micro average).
* Unitizing alpha: documents laid end to end (ordered by id) with the text left
  out removed from the continuum; per pair on the documents both finished, and
  for all annotators together on the documents all of them finished.
* Token kappa: each annotator's spans projected onto `core.text.tokens` tokens
  as BIO tags (the longest span covering a token wins; a span starting inside a
  token tags it), Cohen's kappa per pair, Fleiss' kappa for all annotators
  (an annotator without a set for the document is a missing value).
* Events, ACE-style, by exact offsets: trigger identification (trigger
  offsets), classification (+ event type); argument identification (the
  trigger's offsets + the argument's offsets) and role (+ event type and role).
  An argument only matches when its event's trigger has the same offsets on
  both sides: when the triggers differ, every argument of both counts as
  unmatched, as ACE scoring counts the arguments of a missed trigger as missed.
* Stances: one item per (document, holder, target) — document-level stances
  have the holder "author", attributed ones the holder span (offsets and
  label); the target is a schema target or an entity span (offsets and label).
  The value is the polarity; an annotator without that item is missing.
  Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha (nominal) for
  all, percent agreement per pair, target and document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from core.agreement.coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from core.agreement.errors import AgreementUndefined
from core.agreement.spans import SpanF1, span_f1_counts
from core.agreement.study import (
    AgreementOptions,
    AnnotatorRef,
    Cancelled,
    DocumentRef,
    LeftOut,
    Progress,
    Study,
    load_study,
)
from core.agreement.unitizing import unitizing_disagreement
from core.project import Project

ENTITIES, EVENTS, STANCES = "entities", "events", "stances"
LAYER_TITLES = {ENTITIES: "Entities", EVENTS: "Events", STANCES: "Stances"}
Pair = tuple[int, int]


# --- results -----------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One agreement figure: a value, or None with the reason it is undefined.

    `support` is what the figure was computed from: spans (both sides) for F1,
    units for unitizing alpha, tokens or items for the coefficients. `detail`
    holds extra numbers (precision, recall, counts) as (name, value) pairs.
    """

    value: float | None
    support: int = 0
    undefined: str | None = None
    detail: tuple[tuple[str, float | int], ...] = ()

    @property
    def defined(self) -> bool:
        return self.value is not None

    def text(self, digits: int = 3) -> str:
        return "—" if self.value is None else f"{self.value:.{digits}f}"

    def get(self, name: str) -> float | int | None:
        return dict(self.detail).get(name)

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "value": self.value,
            "support": self.support,
            "undefined": self.undefined,
        }
        result.update(self.detail)
        return result

    @classmethod
    def none(cls, reason: str, support: int = 0) -> Figure:
        return cls(None, support, reason)

    @classmethod
    def f1(cls, true_positives: int, n_a: int, n_b: int, what: str = "annotations") -> Figure:
        if n_a + n_b == 0:
            return cls.none(f"no {what} to compare")
        r = SpanF1.from_counts(true_positives, n_a, n_b)
        detail = (
            ("precision", r.precision),
            ("recall", r.recall),
            ("true_positives", r.true_positives),
            ("a_only", r.a_only),
            ("b_only", r.b_only),
        )
        return cls(r.f1, n_a + n_b, None, detail)

    @classmethod
    def of(cls, compute: Callable[[], float], support: int) -> Figure:
        try:
            return cls(compute(), support)
        except AgreementUndefined as why:
            return cls.none(str(why), support)


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
    MeasureInfo("entities.f1_exact", ENTITIES, "Span F1 (exact)", "all pairs pooled", "Label"),
    MeasureInfo("entities.f1_overlap", ENTITIES, "Span F1 (overlap)", "all pairs pooled", "Label"),
    MeasureInfo(
        "entities.unitizing_alpha",
        ENTITIES,
        "Unitizing alpha",
        "all annotators together",
        "Label",
        "entities.f1_exact",
    ),
    MeasureInfo(
        "entities.token_kappa",
        ENTITIES,
        "Token kappa (BIO)",
        "Fleiss' kappa, all annotators",
        "",
        "entities.f1_exact",
    ),
    MeasureInfo(
        "events.trigger_identification",
        EVENTS,
        "Trigger identification F1",
        "all pairs pooled",
    ),
    MeasureInfo(
        "events.trigger_classification",
        EVENTS,
        "Trigger classification F1",
        "all pairs pooled",
        "Event type",
    ),
    MeasureInfo(
        "events.argument_identification",
        EVENTS,
        "Argument identification F1",
        "all pairs pooled",
    ),
    MeasureInfo(
        "events.argument_role", EVENTS, "Argument role F1", "all pairs pooled", "Event type"
    ),
    MeasureInfo(
        "stances.cohen_kappa",
        STANCES,
        "Stance kappa",
        "Fleiss' kappa, all annotators",
        "",
        "stances.percent_agreement",
    ),
    MeasureInfo(
        "stances.krippendorff_alpha",
        STANCES,
        "Stance alpha (nominal)",
        "all annotators together",
        "Target",
        "stances.percent_agreement",
    ),
    MeasureInfo(
        "stances.percent_agreement",
        STANCES,
        "Stance percent agreement",
        "all annotators together",
        "Target",
    ),
)
MEASURE_BY_KEY = {m.key: m for m in MEASURES}


@dataclass
class MeasureResult:
    pairs: dict[Pair, Figure] = field(default_factory=dict)
    overall: Figure = field(default_factory=lambda: Figure.none("not computed"))
    by_label: dict[str, Figure] = field(default_factory=dict)
    by_document: dict[int, Figure] = field(default_factory=dict)
    pair_by_label: dict[Pair, dict[str, Figure]] = field(default_factory=dict)


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

    def name(self, annotator_id: int) -> str:
        return self.study.name(annotator_id)

    @property
    def pairs(self) -> list[Pair]:
        return self.study.compared_pairs()

    def pair_figure(self, key: str, a: int, b: int) -> Figure:
        """The figure for a pair in either order (missing: undefined)."""
        result = self.measures[key]
        found = result.pairs.get((a, b)) or result.pairs.get((b, a))
        return found or Figure.none("these annotators finished no document in common")

    def documents_by_agreement(self, key: str) -> list[tuple[DocumentRef, Figure]]:
        """Compared documents for a measure's per-document figure, lowest first,
        undefined last (ties by document id)."""
        per_document = self.measures[MEASURE_BY_KEY[key].per_document].by_document
        rows = [
            (doc, per_document.get(doc.id) or Figure.none("nothing to compare"))
            for doc in self.documents.values()
        ]
        rows.sort(key=lambda r: (r[1].value is None, r[1].value or 0.0, r[0].id))
        return rows

    def to_json(self) -> dict[str, Any]:
        names = {a.id: a.name for a in self.annotators}

        def pair_json(pair: Pair, figure: Figure) -> dict[str, Any]:
            return {"a": names[pair[0]], "b": names[pair[1]], **figure.to_json()}

        measures = {}
        for info in MEASURES:
            result = self.measures.get(info.key)
            if result is None:
                continue
            measures[info.key] = {
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
            "measures": measures,
        }


# --- computing ---------------------------------------------------------------------


def compute_agreement(
    project: Project,
    options: AgreementOptions | None = None,
    progress: Progress | None = None,
    *,
    texts: dict[int, str] | None = None,
) -> AgreementReport:
    """Every measure of `MEASURES` over the project (see the module doc).

    `progress(done, total, label)` is called between steps; returning False
    raises `Cancelled`. Bad options raise `StudyError`.
    """
    options = options or AgreementOptions()
    total = 6

    def step(done: int, label: str) -> None:
        if progress is not None and not progress(done, total, label):
            raise Cancelled()

    step(0, "Reading annotations")
    study = load_study(project, options)
    measures: dict[str, MeasureResult] = {}
    step(1, "Entity span F1")
    measures.update(entity_f1(study))
    step(2, "Unitizing alpha")
    measures["entities.unitizing_alpha"] = unitizing(study)
    step(3, "Token kappa")
    if options.token_kappa:
        if texts is None:
            texts = document_texts(project, study.documents)
        measures["entities.token_kappa"] = token_kappa(study, texts)
    else:
        measures["entities.token_kappa"] = MeasureResult(
            overall=Figure.none("token kappa was not asked for")
        )
    step(4, "Events")
    measures.update(event_f1(study))
    step(5, "Stances")
    measures.update(stance_agreement(study))
    step(6, "Done")
    return AgreementReport(
        project=project.name,
        options=options,
        annotators=study.annotators,
        documents=study.documents,
        left_out=study.left_out,
        measures=measures,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        study=study,
    )


def document_texts(project: Project, documents: Iterable[int]) -> dict[int, str]:
    wanted = sorted(documents)
    texts: dict[int, str] = {}
    with project.read() as conn:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            texts.update(
                conn.exec_driver_sql(
                    f"SELECT id, text FROM document WHERE id IN ({marks})", tuple(chunk)
                ).all()
            )
    return texts


def _restrict(items: list[Any], docs: set[int] | None, doc_of: Callable[[Any], int]) -> list[Any]:
    if docs is None:
        return items
    return [item for item in items if doc_of(item) in docs]


def _pair_documents(study: Study, a: int, b: int) -> set[int] | None:
    """The documents a pair is compared on (None: all compared documents)."""
    shared = study.shared_documents((a, b))
    return None if len(shared) == len(study.documents) else set(shared)


# Pooling counts {(doc, label): (tp, n_a, n_b)} into figures.
Counts = dict[tuple[Hashable, Hashable], tuple[int, int, int]]


def _pool(
    pair_counts: dict[Pair, Counts],
    doc_of: Callable[[Hashable], int],
    label_of: Callable[[Hashable, Hashable], str | None],
    what: str,
    labels: list[str],
    documents: Iterable[int],
) -> MeasureResult:
    result = MeasureResult()
    pooled_label: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    pooled_doc: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    pooled = [0, 0, 0]
    for pair, counts in pair_counts.items():
        total = [0, 0, 0]
        per_label: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for (doc_key, label_key), triple in counts.items():
            doc = doc_of(doc_key)
            label = label_of(doc_key, label_key)
            cells = [total, pooled, pooled_doc[doc]]
            if label is not None:
                cells += [per_label[label], pooled_label[label]]
            for cell in cells:
                cell[0] += triple[0]
                cell[1] += triple[1]
                cell[2] += triple[2]
        result.pairs[pair] = Figure.f1(*total, what=what)
        if label_of is not _no_label:
            result.pair_by_label[pair] = {
                label: Figure.f1(*per_label[label], what=what)
                for label in labels
                if label in per_label
            }
    result.overall = (
        Figure.f1(*pooled, what=what) if pair_counts else Figure.none("fewer than two annotators")
    )
    if label_of is not _no_label:
        result.by_label = {
            label: Figure.f1(*pooled_label[label], what=what)
            for label in labels
            if label in pooled_label
        }
    result.by_document = {
        doc: Figure.f1(*pooled_doc[doc], what=what)
        if doc in pooled_doc
        else Figure.none(f"no {what} to compare")
        for doc in documents
    }
    return result


def _no_label(_doc_key: Hashable, _label_key: Hashable) -> str | None:
    return None


def _doc_itself(doc_key: Hashable) -> int:
    return doc_key  # type: ignore[return-value]


def _doc_first(doc_key: Hashable) -> int:
    return doc_key[0]  # type: ignore[index]


def _label_itself(_doc_key: Hashable, label_key: Hashable) -> str:
    return label_key  # type: ignore[return-value]


def _type_of_doc_key(doc_key: Hashable, _label_key: Hashable) -> str:
    return doc_key[3]  # type: ignore[index]


def entity_f1(study: Study) -> dict[str, MeasureResult]:
    results = {}
    for match in ("exact", "overlap"):
        pair_counts = {}
        for a, b in study.compared_pairs():
            docs = _pair_documents(study, a, b)
            spans_a = _restrict(study.spans[a], docs, _doc_first)
            spans_b = _restrict(study.spans[b], docs, _doc_first)
            pair_counts[(a, b)] = span_f1_counts(spans_a, spans_b, match)
        results[f"entities.f1_{match}"] = _pool(
            pair_counts, _doc_itself, _label_itself, "spans", study.entity_labels, study.documents
        )
    return results


# --- unitizing alpha ---------------------------------------------------------------


def continuum(
    study: Study, annotators: list[int], docs: list[int]
) -> tuple[list[tuple[int, int, int, str]], int]:
    """Units of `annotators` on `docs` laid end to end, text left out removed.

    Returns ``(units, length)``; units are ``(annotator, start, end, label)`` on
    ``[0, length)``. Spans overlapping excluded text were dropped when loading,
    so every span lies in kept text and moves left by the excluded text before it.
    """
    base: dict[int, int] = {}
    shifts: dict[int, tuple[list[int], list[int]]] = {}
    position = 0
    for doc in docs:
        base[doc] = position
        ranges = study.excluded.get(doc)
        if ranges:
            ends = [end for _, end in ranges]
            cumulative = []
            removed = 0
            for start, end in ranges:
                removed += end - start
                cumulative.append(removed)
            shifts[doc] = (ends, cumulative)
        position += study.documents[doc].length - study.excluded_length(doc)

    def shift(doc: int, offset: int) -> int:
        ends, cumulative = shifts[doc]
        i = bisect_right(ends, offset) - 1
        return cumulative[i] if i >= 0 else 0

    units: list[tuple[int, int, int, str]] = []
    for annotator in annotators:
        spans = study.spans[annotator]
        if not shifts:
            units += [
                (annotator, start + base[doc], end + base[doc], label)
                for doc, start, end, label in spans
                if doc in base
            ]
            continue
        for doc, start, end, label in spans:
            if doc not in base:
                continue
            offset = base[doc]
            if doc in shifts:
                offset -= shift(doc, start)
            units.append((annotator, start + offset, end + offset, label))
    return units, position


def _unitizing_figures(
    study: Study, annotators: list[int], docs: list[int]
) -> tuple[Figure, dict[str, Figure]]:
    if len(docs) == 0:
        return Figure.none("no document was finished by all of these annotators"), {}
    units, length = continuum(study, annotators, docs)
    if not units:
        return Figure.none("no spans to compare"), {}
    found = unitizing_disagreement(units, 0, length, coders=annotators, overlap="drop")
    sizes = Counter(unit[3] for unit in units)
    per_label = {}
    for label in study.entity_labels:
        if label not in found:
            continue
        d = found[label]
        per_label[label] = (
            Figure(1 - d.observed / d.expected, sizes[label])
            if d.expected
            else Figure.none(f"no variation for label {label}")
        )
    observed = sum(d.observed for d in found.values())
    expected = sum(d.expected for d in found.values())
    overall = (
        Figure(1 - observed / expected, len(units), None, (("documents", len(docs)),))
        if expected
        else Figure.none("no variation")
    )
    return overall, per_label


def unitizing(study: Study) -> MeasureResult:
    result = MeasureResult()
    everyone = study.annotator_ids
    if len(everyone) < 2:
        result.overall = Figure.none("fewer than two annotators")
        return result
    if study.options.pairwise_unitizing:
        for a, b in study.compared_pairs():
            overall, per_label = _unitizing_figures(study, [a, b], study.shared_documents((a, b)))
            result.pairs[(a, b)] = overall
            result.pair_by_label[(a, b)] = per_label
    result.overall, result.by_label = _unitizing_figures(
        study, everyone, study.shared_documents(everyone)
    )
    return result


# --- token kappa -------------------------------------------------------------------

OUTSIDE = "O"


def bio_tags(
    token_starts: list[int],
    token_ends: list[int],
    spans: Iterable[tuple[int, int, str]],
) -> list[str]:
    """BIO tags of tokens for possibly nested spans: the longest span covering a
    token wins (then the earlier one); a span tags every token it overlaps, the
    first of them B-, the rest I-."""
    tags = [OUTSIDE] * len(token_starts)
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        first = bisect_right(token_ends, start)  # first token ending after `start`
        stop = bisect_left(token_starts, end)  # tokens starting before `end`
        prefix = "B-"
        for i in range(first, stop):
            if tags[i] is OUTSIDE:
                tags[i] = prefix + label
                prefix = "I-"
            else:
                prefix = "B-"  # a new piece after a token taken by a longer span
    return tags


def token_kappa(study: Study, texts: dict[int, str]) -> MeasureResult:
    from core.text.tokens import tokenize

    result = MeasureResult()
    everyone = study.annotator_ids
    categories = [OUTSIDE] + [f"{p}{label}" for label in study.entity_labels for p in ("B-", "I-")]
    by_doc: dict[int, defaultdict[int, list[tuple[int, int, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for annotator in everyone:
        for doc, start, end, label in study.spans[annotator]:
            by_doc[doc][annotator].append((start, end, label))
    rows: list[tuple[str | None, ...]] = []
    for doc, who in study.coverage.items():
        text = texts[doc]
        tokens = [
            t for t in tokenize(text) if not _in_ranges(study.excluded.get(doc), t.start, t.end)
        ]
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        columns = [
            bio_tags(starts, ends, by_doc[doc].get(a, ())) if a in who else [None] * len(tokens)
            for a in everyone
        ]
        rows.extend(zip(*columns, strict=True))
    index = {a: i for i, a in enumerate(everyone)}
    for a, b in study.compared_pairs():
        i, j = index[a], index[b]
        pair_rows = [(r[i], r[j]) for r in rows if r[i] is not None and r[j] is not None]
        result.pairs[(a, b)] = Figure.of(
            lambda pr=pair_rows: cohen_kappa(pr, categories=categories), len(pair_rows)
        )
    rated = sum(1 for r in rows if sum(v is not None for v in r) >= 2)
    result.overall = (
        Figure.of(lambda: fleiss_kappa(rows, categories=categories), rated)
        if len(everyone) >= 2
        else Figure.none("fewer than two annotators")
    )
    return result


def _in_ranges(ranges: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    if not ranges:
        return False
    return any(s < end and start < e for s, e in ranges)


# --- events ------------------------------------------------------------------------


def event_f1(study: Study) -> dict[str, MeasureResult]:
    shapes = {
        "events.trigger_identification": lambda e: [(e.doc, e.start, e.end, "")],
        "events.trigger_classification": lambda e: [(e.doc, e.start, e.end, e.type)],
        "events.argument_identification": lambda e: [
            ((e.doc, e.start, e.end), start, end, "") for _, start, end, _ in e.arguments
        ],
        "events.argument_role": lambda e: [
            ((e.doc, e.start, e.end, e.type), start, end, role)
            for role, start, end, _ in e.arguments
        ],
    }
    doc_of = {
        "events.trigger_identification": _doc_itself,
        "events.trigger_classification": _doc_itself,
        "events.argument_identification": _doc_first,
        "events.argument_role": _doc_first,
    }
    label_of = {
        "events.trigger_identification": _no_label,
        "events.trigger_classification": _label_itself,
        "events.argument_identification": _no_label,
        "events.argument_role": _type_of_doc_key,
    }
    what = {
        "events.trigger_identification": "event triggers",
        "events.trigger_classification": "event triggers",
        "events.argument_identification": "event arguments",
        "events.argument_role": "event arguments",
    }
    results = {}
    for key, shape in shapes.items():
        pair_counts = {}
        for a, b in study.compared_pairs():
            docs = _pair_documents(study, a, b)
            items_a = [x for e in _restrict(study.events[a], docs, _event_doc) for x in shape(e)]
            items_b = [x for e in _restrict(study.events[b], docs, _event_doc) for x in shape(e)]
            pair_counts[(a, b)] = span_f1_counts(items_a, items_b, "exact")
        results[key] = _pool(
            pair_counts, doc_of[key], label_of[key], what[key], study.event_types, study.documents
        )
    return results


def _event_doc(event: Any) -> int:
    return event.doc


# --- stances -----------------------------------------------------------------------


def stance_items(study: Study) -> tuple[list[tuple[Any, ...]], list[tuple[str | None, ...]]]:
    """``(keys, rows)``: every (document, holder, target) item and its polarity per
    annotator (in `study.annotators` order, None when missing), sorted by key."""
    everyone = study.annotator_ids
    keys = sorted({key for a in everyone for key in study.stances[a]}, key=_stance_sort_key)
    rows = [
        tuple(
            item.polarity if (item := study.stances[a].get(key)) is not None else None
            for a in everyone
        )
        for key in keys
    ]
    return keys, rows


def _stance_sort_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    doc, holder, target = key
    return (doc, holder != "author", repr(holder), repr(target))


def _pairable(rows: list[tuple[str | None, ...]]) -> int:
    return sum(1 for r in rows if sum(v is not None for v in r) >= 2)


def stance_agreement(study: Study) -> dict[str, MeasureResult]:
    everyone = study.annotator_ids
    categories = study.polarities
    keys, rows = stance_items(study)
    kappa, alpha, agree = MeasureResult(), MeasureResult(), MeasureResult()
    index = {a: i for i, a in enumerate(everyone)}
    for a, b in study.compared_pairs():
        i, j = index[a], index[b]
        pair_rows = [(r[i], r[j]) for r in rows]
        both = sum(1 for x, y in pair_rows if x is not None and y is not None)
        kappa.pairs[(a, b)] = Figure.of(
            lambda pr=pair_rows: cohen_kappa(pr, categories=categories), both
        )
        alpha.pairs[(a, b)] = Figure.of(
            lambda pr=pair_rows: krippendorff_alpha(pr, categories=categories), both
        )
        agree.pairs[(a, b)] = Figure.of(lambda pr=pair_rows: _percent(pr), both)
    if len(everyone) < 2:
        for result in (kappa, alpha, agree):
            result.overall = Figure.none("fewer than two annotators")
    else:
        support = _pairable(rows)
        kappa.overall = Figure.of(lambda: fleiss_kappa(rows, categories=categories), support)
        alpha.overall = Figure.of(lambda: krippendorff_alpha(rows, categories=categories), support)
        agree.overall = Figure.of(lambda: _percent(rows), support)
    by_target: defaultdict[str, list[tuple[str | None, ...]]] = defaultdict(list)
    by_doc: defaultdict[int, list[tuple[str | None, ...]]] = defaultdict(list)
    for key, row in zip(keys, rows, strict=True):
        doc, _holder, target = key
        by_doc[doc].append(row)
        if target[0] == "label":
            by_target[target[1]].append(row)
        else:
            by_target[f"entity:{target[3]}"].append(row)
    target_order = [*study.stance_targets, *sorted(k for k in by_target if k.startswith("entity:"))]
    for target in target_order:
        if target not in by_target:
            continue
        target_rows = by_target[target]
        support = _pairable(target_rows)
        alpha.by_label[target] = Figure.of(
            lambda tr=target_rows: krippendorff_alpha(tr, categories=categories), support
        )
        agree.by_label[target] = Figure.of(lambda tr=target_rows: _percent(tr), support)
    for doc in study.documents:
        doc_rows = by_doc.get(doc, [])
        agree.by_document[doc] = Figure.of(lambda dr=doc_rows: _percent(dr), _pairable(doc_rows))
    return {
        "stances.cohen_kappa": kappa,
        "stances.krippendorff_alpha": alpha,
        "stances.percent_agreement": agree,
    }


def _percent(rows: list[tuple[str | None, ...]]) -> float:
    if not any(sum(v is not None for v in r) >= 2 for r in rows):
        raise AgreementUndefined("no stance was given by two annotators")
    return percent_agreement(rows)


__all__ = [
    "ENTITIES",
    "EVENTS",
    "LAYER_TITLES",
    "MEASURES",
    "MEASURE_BY_KEY",
    "STANCES",
    "AgreementReport",
    "Figure",
    "MeasureInfo",
    "MeasureResult",
    "bio_tags",
    "compute_agreement",
    "continuum",
    "document_texts",
    "entity_f1",
    "event_f1",
    "stance_agreement",
    "stance_items",
    "token_kappa",
    "unitizing",
]
