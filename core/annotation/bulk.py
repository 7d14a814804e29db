"""Annotate all occurrences of a text: find them, let the annotator choose, add them in one step.

Matching is folded (hamza forms, alef maksura, diacritics, tatweel... see
core.text.fold) and clitic-aware: an occurrence must end where a token ends
and start where a token starts, or where the token's stem starts once its
proclitics are split off by the project's clitic rule. The searched text is
itself the evidence that its first word is a word, so selecting "ميتا" finds
"لميتا" and tags "ميتا" in it, while "ميتافيرس" and "الميتا" do not match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from core.annotation.sets import ensure_set, find_set, touch_set
from core.annotation.spans import known_label, spans_of_set
from core.documents.search import CorpusIndex
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.progress import Cancelled, Progress, report_progress
from core.project.project import Project
from core.text.clitics import analyze
from core.text.fold import FoldedText, fold
from core.text.tokens import Token, iter_tokens, token_at
from models.messages import Message
from models.tables import Document, EntitySpan

CONTEXT = 40  # characters of context on each side, for the preview
_READ_CHUNK = 200


@dataclass(frozen=True)
class Occurrence:
    document_id: int
    start: int
    end: int
    text: str  # the frozen text that would be tagged
    before: str  # context
    after: str
    clitic: str = ""  # proclitic letters left out before the occurrence ("ل"), if any
    overlaps: tuple[str, ...] = ()  # label keys of the owner's spans sharing characters with it

    @property
    def suggested(self) -> bool:
        """Checked by default: nothing of the owner's is already there."""
        return not self.overlaps


@dataclass
class OccurrenceSearch:
    query: str
    occurrences: list[Occurrence] = field(default_factory=list)
    already: int = 0  # occurrences already annotated with the label (not listed)
    documents: int = 0  # documents with at least one listed occurrence


def _token_bounds(text: str, start: int, end: int) -> list[Token]:
    """The tokens of the whitespace-delimited stretch around text[start:end]."""
    i = start
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    j = end
    while j < len(text) and not text[j].isspace():
        j += 1
    return list(iter_tokens(text, i, j))


def match_occurrences(
    text: str,
    folded: FoldedText,
    folded_query: str,
    clitic_rule: str,
    known: frozenset[str],
) -> list[tuple[int, int, int]]:
    """(start, end, token_start) of every occurrence of `folded_query` in `text` that
    begins at a token or stem start and ends at a token end."""
    found = []
    for start, end in folded.find_all(folded_query):
        tokens = _token_bounds(text, start, end)
        first, last = token_at(tokens, start), token_at(tokens, end - 1)
        if first is None or last is None or last.end != end:
            continue
        if first.start != start:
            if first.kind != "arabic":
                continue
            split = analyze(text, first.start, first.end, clitic_rule, known)
            if split.stem_start != start:
                continue
        found.append((start, end, first.start))
    return found


def find_occurrences(
    project: Project,
    annotator_id: int | None,
    query: str,
    label_id: int,
    *,
    document_ids: Sequence[int] | None = None,
    index: CorpusIndex | None = None,
    progress: Progress | None = None,
) -> OccurrenceSearch:
    """Occurrences of `query` in the given documents (None: the whole corpus) for the
    owner's set (`annotator_id`, None for gold).

    Occurrences the owner has already annotated with `label_id` are counted,
    not listed. With a built `index`, only the documents it finds are read.
    """
    settings = project.settings()
    teh = bool(settings["fold_teh_marbuta"])
    rule = settings["clitic_rule"]
    folded_query = fold(query, teh).strip()
    if not folded_query or "\n" in folded_query:
        raise OperationError(Message("select some text on one line to look for"))
    known_label(project, label_id)
    keys = {label.id: label.key for label in project.schema.labels}
    first_word = next((t.text for t in iter_tokens(query) if t.kind == "arabic"), "")
    known = frozenset({fold(first_word)}) if first_word else frozenset()
    result = OccurrenceSearch(query)

    if document_ids is None and index is not None and index.built:
        document_ids = sorted({hit.document_id for hit in index.search(query, 10**9).hits})
    with project.read() as conn:
        if document_ids is None:
            candidates = [r[0] for r in conn.exec_driver_sql("SELECT id FROM document ORDER BY id")]
        else:
            candidates = list(document_ids)
        total = len(candidates)
        for offset in range(0, total, _READ_CHUNK):
            chunk = candidates[offset : offset + _READ_CHUNK]
            texts = dict(
                conn.execute(select(Document.id, Document.text).where(Document.id.in_(chunk))).all()
            )
            for done, doc_id in enumerate(chunk, start=offset + 1):
                text = texts.get(doc_id)
                folded = FoldedText(text, teh) if text is not None else None
                if text is not None and folded is not None and folded_query in folded.folded:
                    matches = match_occurrences(text, folded, folded_query, rule, known)
                    if matches:
                        set_id = find_set(conn, doc_id, annotator_id)
                        spans = spans_of_set(conn, set_id) if set_id is not None else []
                        for start, end, token_start in matches:
                            _add(
                                result, doc_id, text, start, end, token_start, spans, keys, label_id
                            )
                if done % 50 == 0:
                    try:
                        report_progress(progress, done, total)
                    except Cancelled:
                        _count_documents(result)
                        raise Cancelled(partial=result) from None
    if progress is not None:
        progress(total, total, "")
    _count_documents(result)
    return result


def _count_documents(result: OccurrenceSearch) -> None:
    result.documents = len({o.document_id for o in result.occurrences})


def _add(result, doc_id, text, start, end, token_start, spans, keys, label_id) -> None:
    overlapping = [s for s in spans if s.start < end and s.end > start]
    if any(s.start == start and s.end == end and s.label_id == label_id for s in overlapping):
        result.already += 1
        return
    result.occurrences.append(
        Occurrence(
            document_id=doc_id,
            start=start,
            end=end,
            text=text[start:end],
            before=text[max(0, start - CONTEXT) : start],
            after=text[end : end + CONTEXT],
            clitic=text[token_start:start],
            overlaps=tuple(keys.get(s.label_id, "?") for s in overlapping),
        )
    )


def annotate_occurrences(
    project: Project, annotator_id: int | None, label_id: int, occurrences: Sequence[Occurrence]
) -> OpResult[list[int]]:
    """Add a span for each occurrence to the owner's sets, as one undo step.

    Occurrences that meanwhile became annotated with the label are skipped.
    """
    if not occurrences:
        raise OperationError(Message("no occurrences chosen"))
    label = known_label(project, label_id)
    by_document: dict[int, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_document.setdefault(occurrence.document_id, []).append(occurrence)
    added: list[int] = []
    with project.write(
        Message("Annotate all {label} ({count})", label=label, count=len(occurrences))
    ) as tx:
        for doc_id, found in sorted(by_document.items()):
            length = tx.conn.execute(select(Document.length).where(Document.id == doc_id)).scalar()
            if length is None:
                raise OperationError(Message("document {id} no longer exists", id=doc_id))
            set_id = ensure_set(tx, doc_id, annotator_id)
            existing = {
                (s.start, s.end) for s in spans_of_set(tx.conn, set_id) if s.label_id == label_id
            }
            rows = []
            for o in sorted(found, key=lambda o: (o.start, o.end)):
                if not 0 <= o.start < o.end <= length:
                    raise OperationError(
                        Message(
                            "{start}-{end} is outside document {id}",
                            start=o.start,
                            end=o.end,
                            id=doc_id,
                        )
                    )
                if (o.start, o.end) not in existing:
                    existing.add((o.start, o.end))
                    rows.append(
                        {"set_id": set_id, "label_id": label_id, "start": o.start, "end": o.end}
                    )
            if rows:
                added.extend(tx.insert_many(EntitySpan, rows))
                touch_set(tx, set_id)
        if not added:
            raise OperationError(
                Message("every chosen occurrence is already annotated as {label}", label=label)
            )
    return OpResult(tx.changes, added)
