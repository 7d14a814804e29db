"""Folded search over the whole corpus.

The index is the folded text of every document, held in memory as strings of a few
million characters ("chunks", each holding whole documents) with a separator between
documents, a sorted table of where each document starts, and each document's offset map
(only for documents whose folding dropped or expanded characters). Positions count as if
the chunks were one string joined by the separator; one string would need twice its size
while it is joined (50,000 documents: 230 MB more at the peak), and re-joining all of it
for each import. It is built on first use, or by the UI in the
background after a project opens, and kept current from operation change sets, so
opening a project stays instant. Substring semantics: "ميتا" also finds "لميتا".

A query is a regular-expression scan of each chunk (C speed), and its hits map
back to frozen-text offsets without touching the database, all at once: the documents'
offset maps are also joined into one sorted table of edits over the joined text, each
with the shift from a joined folded position to its document's original offset. A hit
with no edit inside it or at its end (nearly all) takes the shift of the edit before it,
found by bisect for all hits in one pass of C functions; the others go through their
document's map one by one (a ligature cut in two, diacritics after the last letter).

The index also knows every Arabic word of the project (`words`, folded): the evidence
that a stem stands on its own, so a clitic before it can be left out of an entity
(core.text.clitics) whichever document the stem stood alone in.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, compress, islice, repeat
from operator import add, ge, sub
from typing import NamedTuple

from sqlalchemy import func, select

from core.collector import collection_paused
from core.project.changes import Changes
from core.project.progress import Progress, report_progress
from core.project.project import Project, in_batches
from core.text.clitics import folded_words
from core.text.fold import OffsetMap, fold
from models.tables import Document

_SEPARATOR = "\x00"  # folding deletes NUL, so it never occurs in folded text or queries
_CHUNK_CHARS = 1 << 23  # a chunk is closed past this many characters (16 MB of Arabic)


class SearchHit(NamedTuple):
    document_id: int
    start: int
    end: int


# a SearchHit made from a (document_id, start, end) tuple in C, for many hits at once
_hit_of = partial(tuple.__new__, SearchHit)


@dataclass
class SearchResult:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    documents: int = 0  # documents with at least one match
    truncated: bool = False  # more hits than `limit`


class CorpusIndex:
    def __init__(self, project: Project):
        self.project = project
        self._teh_marbuta = bool(project.setting("fold_teh_marbuta"))
        self._ids: list[int] = []
        self._starts: list[int] = []
        self._maps: list[OffsetMap | None] = []  # None: folding kept every position
        self._chunks: list[str] = []  # the folded documents, joined by _SEPARATOR
        self._chunk_starts: list[int] = []  # each chunk's first joined position
        self._edits = _Edits()
        self._words: Counter[str] = Counter()  # folded word -> documents holding it
        self._built = False

    @property
    def built(self) -> bool:
        return self._built

    @property
    def words(self) -> Container[str]:
        """The folded Arabic words of the project's documents (empty until built)."""
        return self._words

    def build(self, progress: Progress | None = None) -> None:
        """Read and fold every document (call it off the GUI thread for big projects),
        reporting each to `progress`."""
        self._ids, self._starts, self._maps = [], [], []
        self._chunks, self._chunk_starts = [], []
        self._edits = _Edits()
        self._words.clear()  # the same object: views hold it as their evidence
        self._add(None, progress)
        self._built = True

    def _add(self, ids: Iterable[int] | None, progress: Progress | None = None) -> None:
        query = select(Document.id, Document.text).order_by(Document.id)
        wanted = None if ids is None else list(ids)
        if wanted is not None:
            query = query.where(Document.id.in_(wanted))
        position = self._chunk_end()
        pending: list[str] = []  # the documents of the chunk being made
        if self._chunks and len(self._chunks[-1]) < _CHUNK_CHARS:  # the last one grows
            pending.append(self._chunks.pop())
            self._chunk_starts.pop()
        # many small objects (a map per document) that hold no cycles
        with self.project.read() as conn, collection_paused():
            if progress is None or wanted is not None:
                total = len(wanted or ())
            else:  # counted only for a progress report
                total = conn.execute(select(func.count()).select_from(Document)).scalar_one()
            try:
                for done, (doc_id, text) in enumerate(conn.execute(query)):
                    report_progress(progress, done, total)
                    folded = fold(text, self._teh_marbuta)
                    offsets = OffsetMap(text, self._teh_marbuta)
                    self._edits.add(doc_id, position, offsets)
                    self._ids.append(doc_id)
                    self._starts.append(position)
                    self._maps.append(None if offsets.is_identity else offsets)
                    pending.append(folded)
                    position += len(folded) + 1
                    if position - self._chunk_end() > _CHUNK_CHARS:
                        self._close_chunk(pending)
                    # the evidence is folded as the clitic rule folds (teh marbuta included)
                    evidence = folded if self._teh_marbuta else fold(folded)
                    self._words.update(set(folded_words(evidence)))
            finally:  # stopped or not, the documents taken in keep their text
                self._close_chunk(pending)

    def _chunk_end(self) -> int:
        """Where a chunk after the last one starts (after a separator)."""
        if not self._chunks:
            return 0
        return self._chunk_starts[-1] + len(self._chunks[-1]) + 1

    def _close_chunk(self, pending: list[str]) -> None:
        """The documents in `pending` become the next chunk."""
        if pending:
            self._chunk_starts.append(self._chunk_end())
            self._chunks.append(_SEPARATOR.join(pending))
            pending.clear()

    def apply(self, changes: Changes) -> None:
        """Keep the index current after an operation (cheap when nothing relevant changed)."""
        if not self._built:
            return
        if changes.documents_removed:
            self.build()
        elif changes.documents_added:
            new = sorted(set(changes.documents_added) - set(self._ids))
            if new and self._ids and new[0] < self._ids[-1]:
                self.build()  # ids out of order (undo of a removal): rebuild
            elif new:
                self._add(new)

    def search(self, query: str, limit: int = 2000) -> SearchResult:
        if not self._built:
            self.build()
        folded_query = fold(query, self._teh_marbuta).strip()
        result = SearchResult(query)
        if not folded_query or "\n" in folded_query:
            return result
        width = len(folded_query)
        pattern = re.compile(re.escape(folded_query))
        found = chain.from_iterable(  # a hit never crosses a separator, so nor a chunk's end
            map(add, map(re.Match.start, pattern.finditer(chunk)), repeat(start))
            for start, chunk in zip(self._chunk_starts, self._chunks, strict=True)
        )
        documents: set[int] = set()
        with collection_paused():  # many hits: small tuples of numbers
            self._gather(found, width, limit, result, documents)
        result.documents = len(documents)
        return result

    def _gather(
        self,
        found: Iterator[int],
        width: int,
        limit: int,
        result: SearchResult,
        documents: set[int],
    ) -> None:
        """Map the matches at `found` back, a batch at a time, until `limit` hits."""
        while True:
            wanted = limit + 1 - len(result.hits)
            positions = list(islice(found, max(wanted, 256)))
            if not positions:
                break
            in_documents, hits = self._map_back(positions, width)
            kept = [hit for hit in hits if hit is not None]
            if len(kept) < wanted:
                documents.update(in_documents)
                result.hits.extend(kept)
                continue
            for document, hit in zip(in_documents, hits, strict=True):  # the limit falls here
                documents.add(document)
                if len(result.hits) == limit:
                    result.truncated = True
                    break
                if hit is not None:
                    result.hits.append(hit)
            break

    def _map_back(
        self, positions: list[int], width: int
    ) -> tuple[list[int], list[SearchHit | None]]:
        """The document and the hit (None: it cuts a ligature in two) of each match at a
        joined folded position (see the module docstring)."""
        edits = self._edits
        governing = list(map(bisect_right, repeat(edits.at), positions))
        in_documents = list(map(edits.document.__getitem__, governing))
        starts = list(map(add, positions, map(edits.shift.__getitem__, governing)))
        hits: list[SearchHit | None] = list(
            map(_hit_of, zip(in_documents, starts, map(add, starts, repeat(width)), strict=True))
        )
        folded_ends = map(add, positions, repeat(width))
        odd = map(ge, folded_ends, map(edits.safe_until.__getitem__, governing))
        for k in compress(range(len(positions)), odd):
            index = bisect_right(self._starts, positions[k]) - 1
            offsets = self._maps[index]
            assert offsets is not None  # a document without edits has no odd hits
            start = positions[k] - self._starts[index]
            span = offsets.span_to_original(start, start + width)
            hits[k] = SearchHit(self._ids[index], *span) if span is not None else None
        return in_documents, hits


class _Edits:
    """The edits of every document's offset map over the joined text (see the module
    docstring), a record at each document's start first. `at` holds their joined folded
    positions (and an end mark); the other columns are indexed by how many edits lie at
    or before a position, so `bisect_right(at, position)` addresses the edit governing it:
    the shift from a joined folded position to its document's original offset, the
    document's id, and the folded end from which a hit is not mapped by the shift alone
    (the next edit; at once after an expansion)."""

    END = 1 << 62

    def __init__(self) -> None:
        self.at: list[int] = [self.END]  # a list: bisect reads it fastest
        # the columns, with nothing at 0 (no position lies before every record)
        self.shift = array("q", [0])
        self.document: list[int] = [0]
        self.safe_until = array("q", [0])

    def add(self, document_id: int, start: int, offsets: OffsetMap) -> None:
        """The records of the document whose folded text starts at `start` (after every
        document added before)."""
        at, lengths, after = offsets.edits()
        positions = [start, *map(add, at, repeat(start))]  # its start, then its edits
        self.at[-1:] = [*positions, self.END]
        self.shift.append(-start)
        self.shift.extend(map(sub, after, repeat(start)))
        self.document.extend(repeat(document_id, len(positions)))
        # a hit cannot run past the document's end, so its last record is safe to the END
        nexts = [*positions[1:], self.END]
        self.safe_until.append(nexts[0])
        self.safe_until.extend(
            -1 if length > 1 else following
            for length, following in zip(lengths, nexts[1:], strict=True)
        )


@dataclass(frozen=True, slots=True)
class HitInContext:
    """A hit with its document's title and the text around it, for a result list."""

    document_id: int
    start: int
    end: int
    title: str
    before: str
    match: str
    after: str


def hits_in_context(
    project: Project, hits: Iterable[SearchHit], context: int = 36
) -> list[HitInContext]:
    """`hits` with `context` characters of text on either side (one read of the
    documents they are in, 500 at a time)."""
    hits = list(hits)
    ids = sorted({hit.document_id for hit in hits})
    texts: dict[int, tuple[str, str]] = {}
    with project.read() as conn:
        for batch in in_batches(ids):
            rows = conn.execute(
                select(Document.id, Document.title, Document.text).where(Document.id.in_(batch))
            )
            texts.update((doc_id, (title, body)) for doc_id, title, body in rows)
    found = []
    for hit in hits:
        title, body = texts.get(hit.document_id, ("", ""))
        found.append(
            HitInContext(
                hit.document_id,
                hit.start,
                hit.end,
                title,
                body[max(0, hit.start - context) : hit.start],
                body[hit.start : hit.end],
                body[hit.end : hit.end + context],
            )
        )
    return found
