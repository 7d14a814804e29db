"""Importing documents: plain text files and JSONL, all-or-nothing per file.

Every file is decoded and canonicalised completely before anything is
written; a file with any problem is reported (with its line number when
there is one) and adds nothing. Files are written in batches of transactions
so a very large import neither holds the write lock for long nor loses more
than the batch in progress if the process is killed; a document is always
written whole or not at all. The whole import is one undo step.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from core.project.changes import Changes
from core.project.journal import Record, UndoStep
from core.project.progress import Cancelled, Progress, report_progress
from core.project.project import Project, in_batches
from core.text.canonical import (
    MAX_DOCUMENT_BYTES,
    TextDecodeError,
    TextNote,
    canonicalize,
    decode_document,
    text_notes,
    text_sha256,
)
from models.messages import Message
from models.tables import Document

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
_BATCH_CHARS = 4_000_000
TITLE_MAX = 120


@dataclass
class ParsedDocument:
    text: str
    title: str
    source: str
    meta: dict[str, Any]
    raw_sha256: str
    encoding: str
    where: str  # "file.jsonl line 3" or "file.txt", for messages
    text_sha256: str = ""
    notes: list[TextNote] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text_sha256:
            self.text_sha256 = text_sha256(self.text)
        if not self.notes:
            self.notes = text_notes(self.text)


@dataclass
class FileReport:
    path: str
    added: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (where, existing id)
    error: str | None = None
    notes: list[tuple[str, TextNote]] = field(default_factory=list)  # (where, note)

    @property
    def warnings(self) -> list[str]:
        return [f"{where}: {note}" for where, note in self.notes]


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    @property
    def added(self) -> list[int]:
        return [doc_id for f in self.files for doc_id in f.added]

    @property
    def duplicates(self) -> list[tuple[str, int]]:
        return [d for f in self.files for d in f.duplicates]

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.error]

    def summary(self) -> str:
        parts = [f"{len(self.added)} document(s) added"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate(s) skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} file(s) refused")
        return ", ".join(parts)

    def note_groups(self) -> list[NoteGroup]:
        """The text notes of the whole import, one group per kind (a corpus of ten thousand
        documents with private-use characters is one line, not ten thousand)."""
        by_kind: dict[str, list[tuple[str, TextNote]]] = {}
        for file_report in self.files:
            for where, note in file_report.notes:
                by_kind.setdefault(note.kind, []).append((where, note))
        return [
            NoteGroup(TextNote(kind, sum(n.count for _, n in found)), len(found), found[0][0])
            for kind, found in by_kind.items()
        ]

    def note_summary(self) -> list[str]:
        """The note groups in English, one line each."""
        lines = []
        for group in self.note_groups():
            note = group.note
            if group.documents == 1:
                lines.append(f"{group.first}: {note}")
            else:
                lines.append(
                    f"{note.count:,} {note.what} in {group.documents:,} documents "
                    f"(first: {group.first}); {note.meaning}"
                )
        return lines


@dataclass(frozen=True)
class NoteGroup:
    """The notes of one kind over an import: their total, in how many documents, where
    the first was."""

    note: TextNote
    documents: int
    first: str


def title_from_text(text: str) -> str:
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            if len(line) <= TITLE_MAX:
                return line
            cut = line[:TITLE_MAX].rsplit(" ", 1)[0]
            return cut + "…"
    return ""


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(file, source name) for every file named or found in a named folder."""
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    found.append((child, rel.as_posix()))
        else:
            found.append((path, path.name))
    return found


def parse_text_file(path: Path, source: str, encoding: str | None = None) -> ParsedDocument:
    raw = _read_bytes(path)
    decoded = decode_document(raw, encoding)
    return ParsedDocument(
        text=decoded.text,
        title=title_from_text(decoded.text),
        source=source,
        meta={},
        raw_sha256=decoded.raw_sha256,
        encoding=decoded.encoding,
        where=source,
        notes=decoded.notes,
    )


def parse_jsonl_file(path: Path, source: str) -> list[ParsedDocument]:
    """Documents of a JSONL file: one object per line with "text" and optional
    "id", "title", "meta". Raises TextDecodeError naming the line at fault."""
    raw = _read_bytes(path)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        where = raw.count(b"\n", 0, err.start) + 1
        raise TextDecodeError(
            Message("line {line}: not valid UTF-8 (JSONL must be UTF-8)", line=where)
        ) from None
    docs = []
    # lines end at "\n" only: JSON strings may hold U+2028, U+2029 and U+0085 raw
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise TextDecodeError(
                Message("line {line}: invalid JSON ({detail})", line=number, detail=err.msg)
            ) from None
        if not isinstance(obj, dict):
            raise TextDecodeError(Message("line {line}: expected a JSON object", line=number))
        text = obj.get("text")
        if not isinstance(text, str):
            raise TextDecodeError(
                Message("line {line}: field 'text' is missing or not a string", line=number)
            )
        text = canonicalize(text)
        if not text.strip():
            raise TextDecodeError(Message("line {line}: field 'text' is empty", line=number))
        if "\x00" in text:
            raise TextDecodeError(
                Message("line {line}: field 'text' contains NUL characters", line=number)
            )
        meta = obj.get("meta", {})
        if not isinstance(meta, dict):
            raise TextDecodeError(
                Message("line {line}: field 'meta' must be an object", line=number)
            )
        title = obj.get("title")
        if title is not None and not isinstance(title, str):
            raise TextDecodeError(
                Message("line {line}: field 'title' must be a string", line=number)
            )
        ext_id = obj.get("id")
        if ext_id is not None:
            if not isinstance(ext_id, (str, int)) or isinstance(ext_id, bool):
                raise TextDecodeError(
                    Message("line {line}: field 'id' must be a string or a number", line=number)
                )
            meta = {**meta, "id": ext_id}
        docs.append(
            ParsedDocument(
                text=text,
                title=" ".join(title.split()) if title else title_from_text(text),
                source=f"{source}:{number}",
                meta=meta,
                raw_sha256=hashlib.sha256(obj["text"].encode("utf-8", "surrogatepass")).hexdigest(),
                encoding="utf-8",
                where=f"{source} line {number}",
            )
        )
    if not docs:
        raise TextDecodeError(Message("holds no documents"))
    return docs


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise TextDecodeError(
                Message(
                    "is {size:.0f} MB; files over {limit} MB are refused",
                    size=size / 1024 / 1024,
                    limit=MAX_DOCUMENT_BYTES // 1024 // 1024,
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise TextDecodeError(Message("no such file")) from None
    except IsADirectoryError:
        raise TextDecodeError(Message("is a folder")) from None
    except PermissionError:
        raise TextDecodeError(Message("cannot be read (permission denied)")) from None


def parse_file(path: Path, source: str, encoding: str | None = None) -> list[ParsedDocument]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl_file(path, source)
    if suffix and suffix not in TEXT_SUFFIXES:
        raise TextDecodeError(
            Message(
                "is not a document file ({suffix}); documents are imported from {suffixes} "
                "files (annotation files such as WebAnno TSV, CoNLL or brat go through "
                "import-annotations)",
                suffix=suffix,
                suffixes=", ".join(sorted(TEXT_SUFFIXES | JSONL_SUFFIXES)),
            )
        )
    return [parse_text_file(path, source, encoding)]


def _document_row(doc: ParsedDocument) -> dict[str, Any]:
    return {
        "title": doc.title,
        "source": doc.source,
        "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
        "length": len(doc.text),
        "text_sha256": doc.text_sha256,
        "raw_sha256": doc.raw_sha256,
        "encoding": doc.encoding,
        "text": doc.text,
    }


def _existing_documents(conn: Connection, digests: list[str]) -> dict[str, int]:
    """Document id by text digest, for those of `digests` the project holds."""
    found: dict[str, int] = {}
    for chunk in in_batches(digests):
        rows = conn.execute(
            select(Document.text_sha256, Document.id).where(Document.text_sha256.in_(chunk))
        )
        found.update((digest, doc_id) for digest, doc_id in rows)
    return found


def import_documents(
    project: Project,
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    progress: Progress | None = None,
    undo_name: str | None = "Import documents",
) -> ImportReport:
    """Import files and folders of .txt / .jsonl; see the module docstring.

    A cancel keeps the files read whole before it and raises Cancelled with their report
    as `partial`."""
    files = collect_files(paths)
    batches = _Batches(project)
    try:
        for index, (path, source) in enumerate(files):
            report_progress(progress, index, len(files), source)
            batches.read_file(path, source, encoding)
        cancelled = False
    except Cancelled:
        cancelled = True
    report = batches.finish()
    if undo_name and batches.records:
        project.undo_stack.push(
            UndoStep(f"{undo_name} ({len(report.added)})", batches.records, report.changes)
        )
    if cancelled:
        raise Cancelled(partial=report)
    if progress is not None:
        progress(len(files), len(files), "")
    return report


class _Batches:
    """Documents read whole, written a batch of transactions at a time (so a very large
    import neither holds the write lock long nor loses more than a batch to a kill)."""

    def __init__(self, project: Project):
        self.project = project
        self.report = ImportReport()
        self.records: list[Record] = []
        with project.read() as conn:
            self.known: dict[str, int | None] = dict(
                conn.execute(select(Document.text_sha256, Document.id)).all()
            )
        self.pending: list[tuple[FileReport, list[ParsedDocument]]] = []
        self.pending_chars = 0
        # duplicates of a document this import has not written yet: resolved at the end
        self.unresolved: list[tuple[FileReport, int, str]] = []

    def read_file(self, path: Path, source: str, encoding: str | None) -> None:
        file_report = FileReport(str(path))
        self.report.files.append(file_report)
        try:
            docs = parse_file(path, source, encoding)
        except TextDecodeError as err:
            file_report.error = Message("{path}: {problem}", path=str(path), problem=err.args[0])
            return
        fresh = []
        for doc in docs:
            digest = doc.text_sha256
            if digest in self.known:
                if self.known[digest] is None:
                    self.unresolved.append((file_report, len(file_report.duplicates), digest))
                file_report.duplicates.append((doc.where, self.known[digest] or 0))
                continue
            self.known[digest] = None
            file_report.notes.extend((doc.where, note) for note in doc.notes)
            fresh.append(doc)
        if fresh:
            self.pending.append((file_report, fresh))
            self.pending_chars += sum(len(d.text) for d in fresh)
        if self.pending_chars >= _BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Write the pending documents. Duplicates are checked again under the write lock:
        another process may have imported the same text since this import began."""
        if not self.pending:
            return
        with self.project.write() as tx:
            digests = [d.text_sha256 for _, file_docs in self.pending for d in file_docs]
            existing = _existing_documents(tx.conn, digests)
            placed: list[tuple[FileReport, ParsedDocument]] = []
            for file_report, file_docs in self.pending:
                for doc in file_docs:
                    found = existing.get(doc.text_sha256)
                    if found is None:
                        placed.append((file_report, doc))
                    else:
                        file_report.duplicates.append((doc.where, found))
                        self.known[doc.text_sha256] = found
            ids = tx.insert_many(Document, [_document_row(doc) for _, doc in placed])
            for (file_report, doc), doc_id in zip(placed, ids, strict=True):
                file_report.added.append(doc_id)
                self.known[doc.text_sha256] = doc_id
                tx.changes.documents_added.add(doc_id)
        self.records.extend(tx.records)
        self.report.changes.merge(tx.changes)
        self.pending.clear()
        self.pending_chars = 0

    def finish(self) -> ImportReport:
        self.flush()
        for file_report, position, digest in self.unresolved:
            where, _ = file_report.duplicates[position]
            file_report.duplicates[position] = (where, self.known[digest] or 0)
        return self.report


__all__ = [
    "FileReport",
    "ImportReport",
    "ParsedDocument",
    "collect_files",
    "import_documents",
    "title_from_text",
]
