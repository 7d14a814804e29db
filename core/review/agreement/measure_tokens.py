"""Token kappa: each annotator's entity spans projected onto tokens as BIO tags,
Cohen's kappa per pair and Fleiss' kappa for all annotators (an annotator without a
set for the document is a missing value). Tokens in excluded text are left out.

Every compared document is read once (its text, or its stored tokens, see
`core.review.agreement.project.token_sources`). Only the tokens near spans can carry
a tag other than O: the stretches any annotator's spans cover, widened to the
whitespace around them (no token holds whitespace, so these are the document's own
tokens there), are tokenised, and the document's other tokens only counted, which is
twice as fast. Documents are taken 2,000 at a time: the tokens near spans laid end to
end, each annotator's tags kept as one array of small integers over all of them, and
the distinct rows of tags counted, so memory does not grow with the corpus. Spans
are placed with two binary searches over the token arrays; only the documents where
one annotator's spans share a token (nesting, crossing) go through the per-token rule
of `bio_tags`. The coefficients then count the distinct rows of tags (`UnitCounts`),
the tokens counted away from spans added as rows of O: the figures are exactly those
of a list of one row per token.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

import numpy as np
import numpy.typing as npt

from core.project.progress import Progress, report_progress
from core.review.agreement.coefficients import cohen_kappa, fleiss_kappa
from core.review.agreement.inputs import Unit, UnitCounts
from core.review.agreement.intervals import estimate
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult
from core.review.agreement.study import SpanColumns, Study
from core.text.tokens import token_bounds, token_count, token_offsets
from models.messages import Message

OUTSIDE = "O"
Offsets = tuple[list[int], list[int]]  # a document's token starts and ends
Source = str | Offsets  # a document's text, or its stored token offsets
IntArray = np.ndarray[tuple[int, ...], np.dtype[np.int64]]
DOCUMENTS_AT_ONCE = 2000  # documents whose tokens and tags are held together


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


class _Corpus:
    """The tokens of the compared documents near spans, laid end to end: document `d`
    starts at `base[d]` (its text length plus one apart, so no span reaches another
    document's tokens), and its tokens are `starts[bounds[i]:bounds[i + 1]]` (`i` its
    place in `documents`); `outside[i]` counts its other tokens, which every annotator
    with a set tags O."""

    def __init__(
        self, study: Study, sources: Iterable[tuple[int, Source]], spans: Iterable[IntArray]
    ):
        self.documents: list[int] = []
        self.base: dict[int, int] = {}
        self.outside: list[int] = []
        extents = _Extents(spans)
        self._starts: list[IntArray] = []
        self._ends: list[IntArray] = []
        self._counts: list[IntArray] = []
        stretches = _Stretches()
        position = 0
        for doc, source in sources:
            self.documents.append(doc)
            self.base[doc] = position
            excluded = study.excluded.get(doc)
            if isinstance(source, str) and not excluded:
                stretches.add(source, extents.of(doc), position)
                if stretches.full():
                    self._take(stretches)
            else:
                self._take(stretches)
                doc_starts, doc_ends = token_offsets(source) if isinstance(source, str) else source
                if excluded:
                    pairs = zip(doc_starts, doc_ends, strict=True)
                    kept = [(s, e) for s, e in pairs if not _in(excluded, s, e)]
                    doc_starts, doc_ends = [s for s, _ in kept], [e for _, e in kept]
                self._starts.append(np.array(doc_starts, dtype=np.int64) + position)
                self._ends.append(np.array(doc_ends, dtype=np.int64) + position)
                self._counts.append(np.array([len(doc_starts)], dtype=np.int64))
                self.outside.append(0)
            position += study.documents[doc].length + 1
        self._take(stretches)
        self.starts: IntArray = np.concatenate(self._starts or [np.zeros(0, dtype=np.int64)])
        self.ends: IntArray = np.concatenate(self._ends or [np.zeros(0, dtype=np.int64)])
        counts = np.concatenate([np.zeros(1, dtype=np.int64), *self._counts])
        self.bounds: IntArray = np.cumsum(counts)
        self.size = len(self.starts)
        del self._starts, self._ends, self._counts

    def _take(self, stretches: _Stretches) -> None:
        """Tokenise the stretches gathered so far and add them (in document order)."""
        if stretches.documents:
            starts, ends, counts, outside = stretches.tokens()
            self._starts.append(starts)
            self._ends.append(ends)
            self._counts.append(counts)
            self.outside += outside


class _Stretches:
    """The stretches near spans of a run of documents, each widened to the whitespace
    around it: no token holds whitespace, so the tokens of a widened stretch are the
    document's own tokens there, and the rest of a document's tokens need only be
    counted. The stretches of many documents are joined by spaces and tokenised in one
    pass (`token_bounds`), their offsets put back in place with whole-array steps."""

    DOCUMENTS = 500  # documents tokenised in one pass

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.pieces: list[str] = []
        self.placed: list[int] = []  # each piece's start in the laid-out corpus
        self.piece_document: list[int] = []  # each piece's document (its number here)
        self.documents = 0
        self.totals: list[int] = []  # each document's token count

    def full(self) -> bool:
        return self.documents >= self.DOCUMENTS

    def add(self, text: str, extents: Iterable[tuple[int, int]], base: int) -> None:
        length = len(text)
        last_end = -1
        for start, end in extents:
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < length and not text[end].isspace():
                end += 1
            if start < last_end:  # joins the previous stretch
                start = self.placed[-1] - base
                self.pieces[-1] = text[start : max(end, last_end)]
                last_end = max(end, last_end)
                continue
            self.pieces.append(text[start:end])
            self.placed.append(base + start)
            self.piece_document.append(self.documents)
            last_end = end
        self.totals.append(token_count(text))
        self.documents += 1

    def tokens(self) -> tuple[IntArray, IntArray, IntArray, list[int]]:
        """The tokens' starts and ends in the laid-out corpus, the number of tokens
        kept per document and the number left out (counted only)."""
        _texts, starts, ends = token_bounds(" ".join(self.pieces))
        joined_starts = np.array(starts, dtype=np.int64)
        joined_ends = np.array(ends, dtype=np.int64)
        lengths = np.fromiter(map(len, self.pieces), dtype=np.int64, count=len(self.pieces))
        # where each piece begins in the joined text (one space apart)
        piece_at = np.cumsum(lengths + 1) - lengths - 1
        piece = np.searchsorted(piece_at, joined_starts, side="right") - 1
        shift = np.array(self.placed, dtype=np.int64)[piece] - piece_at[piece]
        kept = np.bincount(
            np.array(self.piece_document, dtype=np.int64)[piece], minlength=self.documents
        )
        outside = (np.array(self.totals, dtype=np.int64) - kept).tolist()
        result = joined_starts + shift, joined_ends + shift, kept, outside
        self._reset()
        return result


class _Extents:
    """Per document, the stretches any annotator's spans cover, overlapping spans
    joined, in order: `starts[i:j]` and `ends[i:j]` with `(i, j) = where[doc]`."""

    def __init__(self, spans: Iterable[IntArray]):
        """`spans`: each annotator's spans as rows of document, start, end, label."""
        self.where: dict[int, tuple[int, int]] = {}
        self.starts: list[int] = []
        self.ends: list[int] = []
        rows = [r for r in spans if len(r)]
        if not rows:
            return
        doc, start, end = (np.concatenate([r[:, k] for r in rows]) for k in range(3))
        # documents apart by more than any offset: one sort key, one running maximum
        apart = doc * (int(end.max()) + 1)
        order = np.argsort(apart + start, kind="stable")
        doc, apart, start, end = doc[order], apart[order], start[order], end[order]
        del order
        reach = np.maximum.accumulate(apart + end) - apart  # the furthest end so far
        new = np.ones(len(apart), dtype=bool)
        new[1:] = (apart[1:] != apart[:-1]) | (start[1:] > reach[:-1])
        firsts = np.flatnonzero(new)
        lasts = np.append(firsts[1:], len(apart)) - 1
        self.starts = start[firsts].tolist()
        self.ends = reach[lasts].tolist()
        found, begins = np.unique(doc[firsts], return_index=True)
        stops = np.append(begins[1:], len(firsts))
        self.where = dict(
            zip(found.tolist(), zip(begins.tolist(), stops.tolist(), strict=True), strict=True)
        )

    def of(self, doc: int) -> Iterable[tuple[int, int]]:
        i, j = self.where.get(doc, (0, 0))
        return zip(self.starts[i:j], self.ends[i:j], strict=True)


def _in(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _tags(
    corpus: _Corpus, rows: IntArray, codes: dict[int, int], keys: dict[int, str]
) -> npt.NDArray[np.int16]:
    """One annotator's tag codes over the corpus (`rows`: their spans' document, start,
    end and label): 0 for O, `codes[label]` for B- and one more for I-; documents
    without their set are left 0 here."""
    tags = np.zeros(corpus.size, dtype=np.int16)
    if not len(rows) or not corpus.size:
        return tags
    base = _lookup(corpus.base, -1)[rows[:, 0]]
    rows = rows[base >= 0]
    base = base[base >= 0]
    first = np.searchsorted(corpus.ends, rows[:, 1] + base, side="right")
    stop = np.searchsorted(corpus.starts, rows[:, 2] + base, side="left")
    placed = first < stop
    rows, first, stop = rows[placed], first[placed], stop[placed]
    # tokens covered by more than one span: their spans follow the per-token rule
    cover = np.cumsum(
        np.bincount(first, minlength=corpus.size + 1) - np.bincount(stop, minlength=corpus.size + 1)
    )[: corpus.size]
    shared = np.concatenate(([0], np.cumsum(cover > 1)))
    crowded = shared[stop] > shared[first]
    label_code = _lookup(codes, 0)[rows[:, 3]]
    alone = ~crowded
    a_first, a_stop, a_code = first[alone], stop[alone], label_code[alone]
    fill = np.zeros(corpus.size + 1, dtype=np.int64)
    inside = a_stop > a_first + 1
    np.add.at(fill, a_first[inside] + 1, a_code[inside] + 1)
    np.add.at(fill, a_stop[inside], -(a_code[inside] + 1))
    tags[:] = np.cumsum(fill)[: corpus.size]
    tags[a_first] = a_code
    if crowded.any():
        _place_crowded(tags, rows[crowded], first[crowded], stop[crowded], codes, keys)
    return tags


def _lookup(mapping: dict[int, int], default: int) -> IntArray:
    """`mapping` as an array indexed by its keys (small non-negative ids)."""
    table = np.full(max(mapping, default=0) + 1, default, dtype=np.int64)
    table[list(mapping)] = list(mapping.values())
    return table


def _place_crowded(
    tags: npt.NDArray[np.int16],
    rows: IntArray,
    first: IntArray,
    stop: IntArray,
    codes: dict[int, int],
    keys: dict[int, str],
) -> None:
    """`bio_tags`' rule for spans that share tokens: the longest first (then the
    earlier, then by label key), each tagging the tokens still free."""
    order = sorted(
        range(len(rows)),
        key=lambda i: (
            int(rows[i, 1] - rows[i, 2]),
            int(rows[i, 0]),
            int(rows[i, 1]),
            keys[int(rows[i, 3])],
        ),
    )
    for i in order:
        begin_code = codes[int(rows[i, 3])]
        code = begin_code
        for token in range(int(first[i]), int(stop[i])):
            if tags[token] == 0:
                tags[token] = code
                code = begin_code + 1
            else:
                code = begin_code


def _add_rows(
    found: dict[tuple[int, ...], int], columns: list[npt.NDArray[np.int16]], width: int
) -> None:
    """Add the distinct rows of tag codes (one column per annotator, codes below
    `width`) with their counts into `found`."""
    if not columns or not len(columns[0]):
        return
    if width ** len(columns) < 2**62:
        code: IntArray = np.zeros(len(columns[0]), dtype=np.int64)
        for column in columns:
            code = code * width + column
        values, counts = np.unique(code, return_counts=True)
        for value, count in zip(values.tolist(), counts.tolist(), strict=True):
            digits = []
            for _ in columns:
                value, digit = divmod(value, width)
                digits.append(digit)
            row = tuple(reversed(digits))
            found[row] = found.get(row, 0) + count
    else:
        rows, counts = np.unique(np.stack(columns, axis=1), axis=0, return_counts=True)
        for row, count in zip(map(tuple, rows.tolist()), counts.tolist(), strict=True):
            found[row] = found.get(row, 0) + count


def _counted_rows(
    found: dict[tuple[int, ...], int],
    categories: list[str],
    outside: dict[tuple[bool, ...], int],
) -> UnitCounts:
    """The distinct rows of tag codes with their counts, as category names (None for
    an annotator without a set), in the order of the codes; `outside` adds the tokens
    away from every span: so many of them per pattern of annotators with a set."""
    missing = len(categories)
    names: list[str | None] = [*categories, None]
    for pattern, count in outside.items():
        if count:
            row = tuple(0 if present else missing for present in pattern)
            found[row] = found.get(row, 0) + count
    return UnitCounts((tuple(names[c] for c in row), found[row]) for row in sorted(found))


def _tag_rows(
    study: Study,
    sources: Iterable[tuple[int, Source]],
    codes: dict[int, int],
    categories: list[str],
) -> UnitCounts:
    """Every compared token's row of tags (one per annotator), counted: the documents
    are taken a batch at a time (their tokens near spans, then each annotator's tags),
    so memory does not grow with the corpus."""
    everyone = study.annotator_ids
    keys = study.label_keys
    missing = len(categories)
    found: dict[tuple[int, ...], int] = {}
    outside: dict[tuple[bool, ...], int] = {}
    sources = iter(sources)
    while batch := list(islice(sources, DOCUMENTS_AT_ONCE)):
        first, last = min(doc for doc, _ in batch), max(doc for doc, _ in batch)
        spans = {a: _rows_between(study.spans[a], first, last) for a in everyone}
        corpus = _Corpus(study, batch, spans.values())
        columns = []
        doc_of_token = np.repeat(np.arange(len(corpus.documents)), np.diff(corpus.bounds))
        for annotator in everyone:
            tags = _tags(corpus, spans.pop(annotator), codes, keys)
            absent = np.array(
                [annotator not in study.coverage[doc] for doc in corpus.documents], dtype=bool
            )
            if absent.any():
                tags[absent[doc_of_token]] = missing
            columns.append(tags)
        _add_rows(found, columns, missing + 1)
        for doc, count in zip(corpus.documents, corpus.outside, strict=True):
            pattern = tuple(annotator in study.coverage[doc] for annotator in everyone)
            outside[pattern] = outside.get(pattern, 0) + count
    return _counted_rows(found, categories, outside)


def _rows_between(spans: SpanColumns, first: int, last: int) -> IntArray:
    """The spans of the documents numbered `first` to `last` as rows of doc, start,
    end, label (those of documents not compared are left out by `_tags`)."""
    return spans.where((spans.doc >= first) & (spans.doc <= last)).rows()


def token_kappa(
    study: Study,
    sources: Iterable[tuple[int, Source]],
    progress: Progress | None = None,
) -> MeasureResult:
    """Token-level kappa over BIO tags (module doc). `sources` gives each compared
    document's text, or its stored token offsets `(starts, ends)`, as `(doc, source)` in
    the order of `study.coverage`; `progress` is told every few hundred documents, and
    returning False raises `Cancelled`."""
    result = MeasureResult()
    everyone = study.annotator_ids
    categories = [OUTSIDE] + [f"{p}{label}" for label in study.entity_labels for p in ("B-", "I-")]
    codes = {study.label_ids[label]: 1 + 2 * i for i, label in enumerate(study.entity_labels)}
    told = _told(sources, len(study.coverage), progress)
    rows = _tag_rows(study, told, codes, categories)
    index = {a: i for i, a in enumerate(everyone)}
    for a, b in study.compared_pairs():
        i, j = index[a], index[b]
        pair: dict[Unit, int] = {}
        for row, count in rows.items():
            if row[i] is not None and row[j] is not None:
                key = (row[i], row[j])
                pair[key] = pair.get(key, 0) + count
        counted = UnitCounts(pair)
        result.pairs[(a, b)] = Figure.of(
            partial(cohen_kappa, counted, categories=categories), sum(pair.values())
        ).with_estimate(partial(estimate, counted, "cohen", None, categories))
    rated = sum(count for row, count in rows.items() if sum(v is not None for v in row) >= 2)
    result.overall = (
        Figure.of(lambda: fleiss_kappa(rows, categories=categories), rated).with_estimate(
            partial(estimate, rows, "fleiss", None, categories)
        )
        if len(everyone) >= 2
        else Figure.none(TOO_FEW)
    )
    return result


def _told(
    sources: Iterable[tuple[int, Source]], total: int, progress: Progress | None
) -> Iterator[tuple[int, Source]]:
    for number, found in enumerate(sources):
        if number % 250 == 0:
            report_progress(progress, number, total, Message("Token kappa"))
        yield found


__all__ = ["OUTSIDE", "bio_tags", "token_kappa"]
