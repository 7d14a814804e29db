"""Folded search over the whole corpus.

The index is the folded text of every document, held in memory as one
string with a separator between documents, a sorted table of where each
document starts, and each document's offset map (only for documents whose
folding dropped or expanded characters). A query is a run of `str.find` over
it (C speed); hits map back to frozen-text offsets without touching the
database. It is built on first use, or by the UI in the background after a
project opens, and kept current from operation change sets, so opening a
project stays instant. Substring semantics: "ميتا" also finds "لميتا".

The index also knows every Arabic word of the project (`words`, folded): the evidence
that a stem stands on its own, so a clitic before it can be left out of an entity
(core.text.clitics) whichever document the stem stood alone in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from core.project.changes import Changes
from core.project.project import Project, in_batches
from core.text.clitics import folded_words
from core.text.fold import OffsetMap, fold
from models.tables import Document

_SEPARATOR = "\x00"  # folding deletes NUL, so it never occurs in folded text or queries


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    start: int
    end: int


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
        self._chunks: list[str] = []
        self._maps: list[OffsetMap | None] = []  # None: folding kept every position
        self._text: str | None = None
        self._words: Counter[str] = Counter()  # folded word -> documents holding it
        self._built = False

    @property
    def built(self) -> bool:
        return self._built

    @property
    def words(self) -> Container[str]:
        """The folded Arabic words of the project's documents (empty until built)."""
        return self._words

    def build(self) -> None:
        """Read and fold every document (call it off the GUI thread for big projects)."""
        self._ids, self._starts, self._chunks, self._maps = [], [], [], []
        self._text = None
        self._words.clear()  # the same object: views hold it as their evidence
        self._add(None)
        self._built = True

    def _add(self, ids: Iterable[int] | None) -> None:
        query = select(Document.id, Document.text).order_by(Document.id)
        if ids is not None:
            query = query.where(Document.id.in_(list(ids)))
        position = (self._starts[-1] + len(self._chunks[-1]) + 1) if self._chunks else 0
        with self.project.read() as conn:
            for doc_id, text in conn.execute(query):
                folded = fold(text, self._teh_marbuta)
                offsets = OffsetMap(text, self._teh_marbuta)
                self._ids.append(doc_id)
                self._starts.append(position)
                self._chunks.append(folded)
                self._maps.append(None if offsets.is_identity else offsets)
                position += len(folded) + 1
                # the evidence is folded as the clitic rule folds (teh marbuta included)
                evidence = folded if self._teh_marbuta else fold(folded)
                self._words.update(set(folded_words(evidence)))
        self._text = None

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

    def _joined(self) -> str:
        if self._text is None:
            self._text = _SEPARATOR.join(self._chunks)
        return self._text

    def search(self, query: str, limit: int = 2000) -> SearchResult:
        if not self._built:
            self.build()
        folded_query = fold(query, self._teh_marbuta).strip()
        result = SearchResult(query)
        if not folded_query or "\n" in folded_query:
            return result
        text = self._joined()
        width = len(folded_query)
        documents = set()
        pos = text.find(folded_query)
        while pos >= 0:
            index = bisect_right(self._starts, pos) - 1
            documents.add(index)
            if len(result.hits) == limit:
                result.truncated = True
                break
            fpos = pos - self._starts[index]
            offsets = self._maps[index]
            span = (
                (fpos, fpos + width)
                if offsets is None
                else offsets.span_to_original(fpos, fpos + width)
            )
            if span is not None:
                result.hits.append(SearchHit(self._ids[index], *span))
            pos = text.find(folded_query, pos + width)
        result.documents = len(documents)
        return result


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
