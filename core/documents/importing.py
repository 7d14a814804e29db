"""Importing documents: plain text files and JSONL, all-or-nothing per file.

A text file is one document, decoded and canonicalised whole before anything is written.
A JSONL file may be of any size: it is read a line (a document) at a time and written in
batches inside one transaction of its own, so a problem on any line (named with its line
number) rolls the whole file back. Text files are written a batch of files per
transaction, so a very large import neither holds the write lock for long nor loses more
than the batch in progress if the process is killed; a file is always written whole or
not at all. Duplicates (the same canonical text) are found in the project under the write
lock, so nothing of the corpus is held in memory. The whole import is one undo step, or
none (`undo_name=None`: a one-shot command, whose rows are then not journaled either).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from core.io.formats.common import FormatError, json_lines
from core.project.changes import Changes
from core.project.journal import Record, Txn, UndoStep
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
_BATCH_DOCUMENTS = 2_000
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


def parse_jsonl_file(path: Path, source: str) -> Iterator[ParsedDocument]:
    """Documents of a JSONL file, read a line at a time: one object per line with "text"
    and optional "id", "title", "meta". Raises TextDecodeError naming the line at fault
    when the reading reaches it."""
    count = 0
    try:
        for number, obj in json_lines(path):
            yield _jsonl_document(obj, source, number)
            count += 1
    except FormatError as err:
        raise TextDecodeError(
            Message("line {line}: {detail}", line=err.line, detail=err.detail)
            if err.line
            else err.detail
        ) from None
    except OSError as err:
        raise _unreadable(err) from None
    if not count:
        raise TextDecodeError(Message("holds no documents"))


def _jsonl_document(obj: dict[str, Any], source: str, number: int) -> ParsedDocument:
    text = obj.get("text")
    if not isinstance(text, str):
        raise TextDecodeError(
            Message("line {line}: field 'text' is missing or not a string", line=number)
        )
    raw_sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = canonicalize(text)
    if not text.strip():
        raise TextDecodeError(Message("line {line}: field 'text' is empty", line=number))
    if "\x00" in text:
        raise TextDecodeError(
            Message("line {line}: field 'text' contains NUL characters", line=number)
        )
    meta = obj.get("meta", {})
    if not isinstance(meta, dict):
        raise TextDecodeError(Message("line {line}: field 'meta' must be an object", line=number))
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise TextDecodeError(Message("line {line}: field 'title' must be a string", line=number))
    ext_id = obj.get("id")
    if ext_id is not None:
        if not isinstance(ext_id, (str, int)) or isinstance(ext_id, bool):
            raise TextDecodeError(
                Message("line {line}: field 'id' must be a string or a number", line=number)
            )
        meta = {**meta, "id": ext_id}
    return ParsedDocument(
        text=text,
        title=" ".join(title.split()) if title else title_from_text(text),
        source=f"{source}:{number}",
        meta=meta,
        raw_sha256=raw_sha256,
        encoding="utf-8",
        where=f"{source} line {number}",
    )


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
    except OSError as err:
        raise _unreadable(err) from None


def _unreadable(err: OSError) -> TextDecodeError:
    if isinstance(err, FileNotFoundError):
        return TextDecodeError(Message("no such file"))
    if isinstance(err, IsADirectoryError):
        return TextDecodeError(Message("is a folder"))
    if isinstance(err, PermissionError):
        return TextDecodeError(Message("cannot be read (permission denied)"))
    return TextDecodeError(Message("cannot be read ({reason})", reason=err.strerror or err))


def check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES:
        raise TextDecodeError(
            Message(
                "is not a document file ({suffix}); documents are imported from {suffixes} "
                "files (annotation files such as WebAnno TSV, CoNLL or brat go through "
                "import-annotations)",
                suffix=suffix,
                suffixes=", ".join(sorted(TEXT_SUFFIXES | JSONL_SUFFIXES)),
            )
        )


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

    A cancel keeps the files written whole before it and raises Cancelled with their
    report as `partial`."""
    files = collect_files(paths)
    importer = _Importer(project, progress, journal=undo_name is not None)
    try:
        for index, (path, source) in enumerate(files):
            report_progress(progress, index, len(files), source)
            importer.import_file(path, source, encoding, index, len(files))
        cancelled = False
    except Cancelled:
        cancelled = True
    report = importer.finish()
    if undo_name and importer.records:
        project.undo_stack.push(
            UndoStep(f"{undo_name} ({len(report.added)})", importer.records, report.changes)
        )
    if cancelled:
        raise Cancelled(partial=report)
    if progress is not None:
        progress(len(files), len(files), "")
    return report


class _Importer:
    """Text files read whole and written a batch of files per transaction; JSONL files
    streamed into a transaction each."""

    def __init__(self, project: Project, progress: Progress | None, journal: bool):
        self.project = project
        self.progress = progress
        self.journal = journal
        self.report = ImportReport()
        self.records: list[Record] = []
        self.pending: list[tuple[FileReport, ParsedDocument]] = []
        self.pending_chars = 0

    def import_file(
        self, path: Path, source: str, encoding: str | None, index: int, total: int
    ) -> None:
        file_report = FileReport(str(path))
        self.report.files.append(file_report)
        try:
            check_suffix(path)
            if path.suffix.lower() in JSONL_SUFFIXES:
                self.flush()
                self._import_jsonl(path, source, file_report, index, total)
                return
            doc = parse_text_file(path, source, encoding)
        except TextDecodeError as err:
            file_report.error = Message("{path}: {problem}", path=str(path), problem=err.args[0])
            return
        self.pending.append((file_report, doc))
        self.pending_chars += len(doc.text)
        if self.pending_chars >= _BATCH_CHARS or len(self.pending) >= _BATCH_DOCUMENTS:
            self.flush()

    def _import_jsonl(
        self, path: Path, source: str, file_report: FileReport, index: int, total: int
    ) -> None:
        """The file's documents in batches, in one transaction: all of them or none."""
        batch: list[tuple[FileReport, ParsedDocument]] = []
        chars = 0
        try:
            with self.project.write(journal=self.journal) as tx:
                for doc in parse_jsonl_file(path, source):
                    batch.append((file_report, doc))
                    chars += len(doc.text)
                    if chars >= _BATCH_CHARS or len(batch) >= _BATCH_DOCUMENTS:
                        _write_batch(tx, batch)
                        batch.clear()
                        chars = 0
                        done = len(file_report.added) + len(file_report.duplicates)
                        report_progress(
                            self.progress, index, total, f"{source} ({done:,} documents)"
                        )
                _write_batch(tx, batch)
        except (TextDecodeError, Cancelled) as err:
            file_report.added.clear()
            file_report.duplicates.clear()
            file_report.notes.clear()
            if isinstance(err, Cancelled):
                self.report.files.remove(file_report)
                raise
            file_report.error = f"{path}: {err}"
            return
        self._kept(tx)

    def flush(self) -> None:
        """Write the pending text files."""
        if not self.pending:
            return
        with self.project.write(journal=self.journal) as tx:
            _write_batch(tx, self.pending)
        self._kept(tx)
        self.pending.clear()
        self.pending_chars = 0

    def _kept(self, tx: Txn) -> None:
        self.records.extend(tx.records)
        self.report.changes.merge(tx.changes)

    def finish(self) -> ImportReport:
        self.flush()
        return self.report


def _write_batch(tx: Txn, batch: list[tuple[FileReport, ParsedDocument]]) -> None:
    """Add the documents whose text the project lacks; report the others as duplicates.
    Looked up under the write lock: another process, or this import, may have added the
    same text already."""
    if not batch:
        return
    existing = _existing_documents(tx.conn, [doc.text_sha256 for _, doc in batch])
    first_of: dict[str, int] = {}  # digest -> position in `placed`
    placed: list[tuple[FileReport, ParsedDocument]] = []
    # a text twice in the batch: (its report, the entry in its duplicates, the first's place)
    twins: list[tuple[FileReport, int, int]] = []
    for file_report, doc in batch:
        digest = doc.text_sha256
        if digest in existing:
            file_report.duplicates.append((doc.where, existing[digest]))
        elif digest in first_of:
            twins.append((file_report, len(file_report.duplicates), first_of[digest]))
            file_report.duplicates.append((doc.where, 0))
        else:
            first_of[digest] = len(placed)
            placed.append((file_report, doc))
    ids = tx.insert_many(Document, [_document_row(doc) for _, doc in placed])
    for (file_report, doc), doc_id in zip(placed, ids, strict=True):
        file_report.added.append(doc_id)
        file_report.notes.extend((doc.where, note) for note in doc.notes)
        tx.changes.documents_added.add(doc_id)
    for file_report, entry, position in twins:
        where, _ = file_report.duplicates[entry]
        file_report.duplicates[entry] = (where, ids[position])


__all__ = [
    "FileReport",
    "ImportReport",
    "ParsedDocument",
    "collect_files",
    "import_documents",
    "title_from_text",
]
