"""Inter-annotator agreement over a project: entities, events and stances.

`compute_agreement(project, options, progress)` loads a `Study` (what is
compared, see `core.review.agreement.study`) and computes every measure in
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
from itertools import accumulate, compress, groupby
from operator import add, itemgetter
from typing import Any

from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.review.agreement.coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from core.review.agreement.errors import AgreementUndefined
from core.review.agreement.spans import SpanIndex
from core.review.agreement.study import (
    AgreementOptions,
    AnnotatorRef,
    DocumentRef,
    LeftOut,
    Study,
    collection_paused,
    load_study,
)
from core.review.agreement.unitizing import (
    UnitizingDisagreement,
    pairwise_unitizing_disagreement,
    unitizing_disagreement,
)

ENTITIES, EVENTS, STANCES = "entities", "events", "stances"
TOO_FEW = "fewer than two annotators finished the same document"
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
        # as SpanF1.from_counts; int / int is correctly rounded, as float(Fraction) is
        detail = (
            ("precision", true_positives / n_b if n_b else 0.0),
            ("recall", true_positives / n_a if n_a else 0.0),
            ("true_positives", true_positives),
            ("a_only", n_a - true_positives),
            ("b_only", n_b - true_positives),
        )
        return cls(2 * true_positives / (n_a + n_b), n_a + n_b, None, detail)

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
        if found is not None:
            return found
        if not result.pairs and result.overall.undefined:  # e.g. not computed (yet)
            return Figure.none(result.overall.undefined)
        return Figure.none("these annotators finished no document in common")

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
    raises `Cancelled`. Bad options raise `OperationError`.
    """
    options = options or AgreementOptions()
    total = 6

    def step(done: int, label: str) -> None:
        report_progress(progress, done, total, label)

    with collection_paused():
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


def _pair_documents(study: Study, a: int, b: int) -> set[int] | None:
    """The documents a pair is compared on (None: all compared documents)."""
    shared = study.shared_documents((a, b))
    return None if len(shared) == len(study.documents) else set(shared)


Triple = list[int]  # [true positives, |a|, |b|]


def _add(into: dict[Hashable, Triple], counts: dict[Hashable, tuple[int, int, int]]) -> None:
    for group, (tp, n_a, n_b) in counts.items():
        cell = into.get(group)
        if cell is None:
            into[group] = [tp, n_a, n_b]
        else:
            cell[0] += tp
            cell[1] += n_a
            cell[2] += n_b


def _f1_measure(
    study: Study,
    tallies: dict[Pair, tuple[dict[Hashable, tuple[int, int, int]], dict[int, tuple]]],
    what: str,
    labels: list[str] | None,
) -> MeasureResult:
    """Figures from each pair's counts per label and per document, pooled over pairs.

    ``tallies[pair] = (per label, per document)``; ``labels`` None: no per-label
    figures for this measure.
    """
    result = MeasureResult()
    pooled_label: dict[Hashable, Triple] = {}
    pooled_doc: dict[Hashable, Triple] = {}
    for pair, (by_label, by_doc) in tallies.items():
        total = [sum(c[i] for c in by_doc.values()) for i in range(3)]
        result.pairs[pair] = Figure.f1(*total, what=what)
        if labels is not None:
            result.pair_by_label[pair] = {
                label: Figure.f1(*by_label[label], what=what)
                for label in labels
                if label in by_label
            }
            _add(pooled_label, by_label)
        _add(pooled_doc, by_doc)
    if tallies:
        pooled = [sum(c[i] for c in pooled_doc.values()) for i in range(3)]
        result.overall = Figure.f1(*pooled, what=what)
    else:
        result.overall = Figure.none(TOO_FEW)
    if labels is not None:
        result.by_label = {
            label: Figure.f1(*pooled_label[label], what=what)
            for label in labels
            if label in pooled_label
        }
    result.by_document = {
        doc: Figure.f1(*pooled_doc[doc], what=what)
        if doc in pooled_doc
        else Figure.none(f"no {what} to compare")
        for doc in study.documents
    }
    return result


def entity_f1(study: Study, index: SpanIndex | None = None) -> dict[str, MeasureResult]:
    """Span F1, exact and overlap, per pair (on the documents both finished), label
    and document; `index` may be passed in to share it with other computations."""
    index = index or SpanIndex(study.spans)
    keys = study.label_keys
    results = {}
    for match in ("exact", "overlap"):
        tallies = {}
        for a, b in study.compared_pairs():
            tally = index.tally(a, b, match, _pair_documents(study, a, b))
            by_label = {keys[label_id]: c for label_id, c in tally.counts("label").items()}
            tallies[(a, b)] = (by_label, tally.counts("doc"))
        results[f"entities.f1_{match}"] = _f1_measure(study, tallies, "spans", study.entity_labels)
    return results


# --- unitizing alpha ---------------------------------------------------------------


Tracks = dict[tuple[int, int], tuple[list[int], list[int]]]  # (annotator, label id)


def continuum(study: Study, annotators: list[int], docs: list[int]) -> tuple[Tracks, int]:
    """Spans of `annotators` on `docs` laid end to end, text left out removed.

    Returns ``(tracks, length)``: ``tracks[(annotator, label)] = (starts, ends)``
    on ``[0, length)``, the form `pairwise_unitizing_disagreement` takes without
    a pass over every unit in Python. Spans overlapping excluded text were
    dropped when loading, so every span lies in kept text and moves left by the
    excluded text before it.
    """
    base: dict[int, int] = {}
    shifts: dict[int, tuple[list[int], list[int]]] = {}
    position = 0
    for doc in docs:
        base[doc] = position
        ranges = study.excluded.get(doc)
        if ranges:
            ends = [end for _, end in ranges]
            cumulative = list(accumulate(end - start for start, end in ranges))
            shifts[doc] = (ends, cumulative)
        position += study.documents[doc].length - study.excluded_length(doc)
    every_document = len(base) == len(study.documents)

    def offset(doc: int, start: int) -> int:
        ends, cumulative = shifts[doc]
        i = bisect_right(ends, start) - 1
        return base[doc] - (cumulative[i] if i >= 0 else 0)

    tracks: Tracks = {}
    for annotator in annotators:
        # the study keeps spans ordered by label, so each label is one run
        for label_id, run in groupby(study.spans[annotator], key=_label_of):
            rows = list(run)
            if not every_document:
                rows = list(compress(rows, map(base.__contains__, map(_doc_of, rows))))
            if not rows:
                continue
            if shifts:
                offsets = [
                    offset(doc, start) if doc in shifts else base[doc]
                    for doc, start, _end, _label in rows
                ]
            else:
                offsets = list(map(base.__getitem__, map(_doc_of, rows)))
            starts = list(map(add, map(_start_of, rows), offsets))
            ends = list(map(add, map(_end_of, rows), offsets))
            if (annotator, label_id) in tracks:  # a study whose spans are not in label runs
                tracks[(annotator, label_id)][0].extend(starts)
                tracks[(annotator, label_id)][1].extend(ends)
            else:
                tracks[(annotator, label_id)] = (starts, ends)
    return tracks, position


_doc_of = itemgetter(0)
_start_of = itemgetter(1)
_end_of = itemgetter(2)
_label_of = itemgetter(3)


def _alpha_figure(
    found: dict[Hashable, UnitizingDisagreement], units: int, documents: int
) -> Figure:
    """Overall unitizing alpha from per-label disagreements (DKPro's aggregate)."""
    if not found:
        return Figure.none("no spans to compare")
    observed = sum(d.observed for d in found.values())
    expected = sum(d.expected for d in found.values())
    if not expected:
        return Figure.none("no variation")
    return Figure(1 - observed / expected, units, None, (("documents", documents),))


def _label_figures(
    found: dict[Hashable, UnitizingDisagreement], sizes: Counter[int], study: Study
) -> dict[str, Figure]:
    """Per-label alpha, keyed by label key; `found` and `sizes` are keyed by label id."""
    figures = {}
    for label in study.entity_labels:
        label_id = study.label_ids[label]
        if label_id not in found:
            continue
        d = found[label_id]
        figures[label] = (
            Figure(1 - d.observed / d.expected, sizes[label_id])
            if d.expected
            else Figure.none(f"no variation for label {label}")
        )
    return figures


def unitizing(study: Study) -> MeasureResult:
    """Unitizing alpha for all annotators together (on the documents all of them
    finished) and for every pair (on the documents both finished)."""
    result = MeasureResult()
    everyone = study.annotator_ids
    if len(everyone) < 2:
        result.overall = Figure.none(TOO_FEW)
        return result
    shared = study.shared_documents(everyone)
    pairs = study.compared_pairs()
    separate = [pair for pair in pairs if study.shared_documents(pair) != shared]
    if not shared:
        result.overall = Figure.none("no document was finished by all of these annotators")
    else:
        tracks, length = continuum(study, everyone, shared)
        if not tracks:
            result.overall = Figure.none("no spans to compare")
        else:
            overall, by_pair = pairwise_unitizing_disagreement(
                tracks, 0, length, coders=everyone, overlap="drop"
            )
            sizes = Counter({key: len(starts) for key, (starts, _ends) in tracks.items()})
            label_ids = list(study.label_ids.values())

            def sizes_of(*who: int) -> Counter[int]:
                return Counter({i: sum(sizes[(a, i)] for a in who) for i in label_ids})

            result.overall = _alpha_figure(overall, sizes.total(), len(shared))
            result.by_label = _label_figures(overall, sizes_of(*everyone), study)
            for (a, b), found in by_pair.items():
                if (a, b) in separate:
                    continue
                pair_sizes = sizes_of(a, b)
                result.pairs[(a, b)] = _alpha_figure(found, pair_sizes.total(), len(shared))
                result.pair_by_label[(a, b)] = _label_figures(found, pair_sizes, study)
    for a, b in separate:  # pairs whose shared documents differ from everyone's
        docs = study.shared_documents((a, b))
        tracks, length = continuum(study, [a, b], docs)
        if not tracks:
            result.pairs[(a, b)] = Figure.none("no spans to compare")
            continue
        found = unitizing_disagreement(tracks, 0, length, coders=[a, b], overlap="drop")
        sizes = Counter()
        for (_annotator, label), (starts, _ends) in tracks.items():
            sizes[label] += len(starts)
        result.pairs[(a, b)] = _alpha_figure(found, sizes.total(), len(docs))
        result.pair_by_label[(a, b)] = _label_figures(found, sizes, study)
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


def token_kappa(
    study: Study, texts: dict[int, str], progress: Progress | None = None
) -> MeasureResult:
    """Token-level kappa over BIO tags (module doc); `progress` is told every few
    hundred documents, and returning False raises `Cancelled`."""
    from core.text.tokens import tokenize

    result = MeasureResult()
    everyone = study.annotator_ids
    categories = [OUTSIDE] + [f"{p}{label}" for label in study.entity_labels for p in ("B-", "I-")]
    by_doc: dict[int, defaultdict[int, list[tuple[int, int, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    keys = study.label_keys
    for annotator in everyone:
        for doc, start, end, label_id in study.spans[annotator]:
            by_doc[doc][annotator].append((start, end, keys[label_id]))
    rows: list[tuple[str | None, ...]] = []
    total = len(study.coverage)
    for number, (doc, who) in enumerate(study.coverage.items()):
        if number % 250 == 0:
            report_progress(progress, number, total, "Token kappa")
        text = texts[doc]
        tokens = tokenize(text)
        excluded = study.excluded.get(doc)
        if excluded:
            tokens = [t for t in tokens if not _in_ranges(excluded, t.start, t.end)]
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
        else Figure.none(TOO_FEW)
    )
    return result


def _in_ranges(ranges: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    if not ranges:
        return False
    return any(s < end and start < e for s, e in ranges)


# --- events ------------------------------------------------------------------------


_EVENT_SHAPES: dict[str, Callable[[Any], list[tuple[Any, int, int, str]]]] = {
    # what is compared, as (doc key, start, end, label) for the span matcher
    "events.trigger_identification": lambda e: [(e.doc, e.start, e.end, "")],
    "events.trigger_classification": lambda e: [(e.doc, e.start, e.end, e.type)],
    "events.argument_identification": lambda e: [
        ((e.doc, e.start, e.end), start, end, "") for _, start, end, _ in e.arguments
    ],
    "events.argument_role": lambda e: [
        ((e.doc, e.start, e.end, e.type), start, end, role) for role, start, end, _ in e.arguments
    ],
}


def event_f1(study: Study) -> dict[str, MeasureResult]:
    """Trigger and argument F1 (ACE-style, exact offsets; see the module doc)."""
    results = {}
    for key, shape in _EVENT_SHAPES.items():
        arguments = key.startswith("events.argument")
        index = SpanIndex(
            {a: [x for e in study.events[a] for x in shape(e)] for a in study.annotator_ids}
        )
        tallies = {}
        for a, b in study.compared_pairs():
            tally = index.tally(a, b, "exact", _pair_documents(study, a, b))
            by_key = tally.counts("key")
            by_doc: dict[Hashable, Triple] = {}
            by_type: dict[Hashable, Triple] = {}
            for (doc_key, label), triple in by_key.items():
                _add(by_doc, {doc_key[0] if arguments else doc_key: triple})
                if key == "events.trigger_classification":
                    _add(by_type, {label: triple})
                elif key == "events.argument_role":
                    _add(by_type, {doc_key[3]: triple})
            tallies[(a, b)] = (by_type, by_doc)
        labels = None if key.endswith("identification") else study.event_types
        what = "event arguments" if arguments else "event triggers"
        results[key] = _f1_measure(study, tallies, what, labels)
    return results


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
            result.overall = Figure.none(TOO_FEW)
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
