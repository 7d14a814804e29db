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
* SemEval-2013 strict, exact, partial and type F1 with their COR/INC/PAR/MIS/SPU
  counts (`measure_semeval`): per pair as span F1, pooled the same way, and each
  annotator against the gold set on the compared documents that have one.
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

The measures are computed in `measure_f1` (entity span F1, events),
`measure_unitizing`, `measure_tokens` and `measure_stances`; their results are the
types of `results`.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from core.collector import collection_paused
from core.project.progress import Progress, report_progress
from core.project.project import SQL_BATCH, Project, in_batches
from core.review.agreement.measure_f1 import entity_f1, event_f1
from core.review.agreement.measure_semeval import semeval_agreement
from core.review.agreement.measure_stances import stance_agreement
from core.review.agreement.measure_tokens import Source, token_kappa
from core.review.agreement.measure_unitizing import unitizing
from core.review.agreement.results import AgreementReport, Figure, MeasureResult
from core.review.agreement.study import AgreementOptions, load_study
from core.review.overview import annotator_progress, label_distribution
from models.messages import Message
from models.tables import Document, TokenLayer, table_of


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
        step(0, Message("Reading annotations"))
        study = load_study(project, options)
        measures: dict[str, MeasureResult] = {}
        step(1, Message("Entity span F1 and SemEval scores"))
        measures.update(entity_f1(study))
        measures.update(semeval_agreement(study))
        step(2, Message("Unitizing alpha"))
        measures["entities.unitizing_alpha"] = unitizing(study)
        step(3, Message("Token kappa"))
        if options.token_kappa:
            compared = list(study.coverage)
            if texts is None:
                sources = token_sources(project, compared)
            else:
                sources = ((doc, texts[doc]) for doc in compared)
            measures["entities.token_kappa"] = token_kappa(study, sources)
        else:
            measures["entities.token_kappa"] = MeasureResult(
                overall=Figure.none(Message("token kappa was not asked for"))
            )
        step(4, Message("Events"))
        measures.update(event_f1(study))
        step(5, Message("Stances"))
        measures.update(stance_agreement(study))
        step(6, Message("Done"))
    return AgreementReport(
        label_distribution=label_distribution(project),
        progress=annotator_progress(project),
        project=project.name,
        options=options,
        annotators=study.annotators,
        documents=study.documents,
        left_out=study.left_out,
        measures=measures,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        study=study,
    )


class DocumentTexts(Mapping[int, str]):
    """The texts of `documents`, read from the project as they are asked for: the batch
    of documents that starts at the one asked for (in id order), one batch kept at a
    time. Work that goes through the documents in order (finding disagreements) then
    holds a few hundred texts, not the corpus's (250 MB at 50,000 documents)."""

    def __init__(self, project: Project, documents: Iterable[int]):
        self._project = project
        self._ids = sorted(documents)
        self._batch: dict[int, str] = {}

    def __getitem__(self, doc: int) -> str:
        text = self._batch.get(doc)
        if text is None:
            at = bisect_left(self._ids, doc)
            if at == len(self._ids) or self._ids[at] != doc:
                raise KeyError(doc)
            self._batch = _texts_of(self._project, self._ids[at : at + SQL_BATCH])
            text = self._batch[doc]
        return text

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def _texts_of(project: Project, documents: Sequence[int]) -> dict[int, str]:
    document = table_of(Document)
    with project.read() as conn:
        query = select(document.c.id, document.c.text).where(document.c.id.in_(documents))
        return dict(conn.execute(query).all())


def stored_tokens(
    project: Project, documents: Iterable[int]
) -> dict[int, tuple[list[int], list[int]]]:
    """The token offsets kept for these documents (imported from a tokenised file), by
    document; documents without a token layer are absent."""
    layer = table_of(TokenLayer)
    found: dict[int, tuple[list[int], list[int]]] = {}
    with project.read() as conn:
        for chunk in in_batches(list(documents)):
            rows = conn.execute(
                select(layer.c.document_id, layer.c.tokens).where(layer.c.document_id.in_(chunk))
            )
            for doc, packed in rows:
                pairs = array("I")
                pairs.frombytes(packed)
                if sys.byteorder == "big":  # stored little-endian
                    pairs.byteswap()
                found[doc] = (pairs[0::2].tolist(), pairs[1::2].tolist())
    return found


def token_sources(project: Project, documents: list[int]) -> Iterator[tuple[int, Source]]:
    """`(document, source)` for each of `documents` in order, the source being the
    stored token layer's `(starts, ends)` where a document has one, else its text (for
    `core.text.tokens`' tokens). Texts are read a batch at a time, so memory does not
    grow with the corpus."""
    for chunk in in_batches(documents):
        stored = stored_tokens(project, chunk)
        wanted = [doc for doc in chunk if doc not in stored]
        texts = _texts_of(project, wanted)
        for doc in chunk:
            yield doc, stored[doc] if doc in stored else texts.pop(doc)


__all__ = [
    "DocumentTexts",
    "compute_agreement",
    "stored_tokens",
    "token_sources",
]
