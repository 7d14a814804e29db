"""What format modules share: the export context and writer interface, the shape of
parsed annotations on their way in, and the error that names a file and line."""

from __future__ import annotations

import codecs
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.io.dataset import DocumentRecord, Selection
from core.project.atomic import AtomicOutput
from core.schema.model import ProjectSchema
from core.text.canonical import MAX_DOCUMENT_BYTES
from models.messages import Message

CODEPOINTS, UTF16 = "codepoints", "utf16"
OFFSET_UNITS = (CODEPOINTS, UTF16)


class FormatError(ValueError):
    """Input that cannot be read; the message names the file and, when known, the line."""

    def __init__(self, where: str | Path, message: str, line: int | None = None):
        self.where = where if isinstance(where, str) else str(where)  # a Message stays one
        self.line = line
        self.detail = message
        place = file_line(self.where, line) if line else self.where
        super().__init__(Message("{where}: {problem}", where=place, problem=message))


def file_line(file: str, line: int) -> Message:
    """Where something is in a file, "name line N" (in the window's language)."""
    return Message("{file} line {line}", file=file, line=line)


# --- export ----------------------------------------------------------------------------


@dataclass
class ExportContext:
    """What every writer may need besides the records."""

    schema: ProjectSchema
    selection: Selection
    provenance: dict[str, Any]  # application, schema revision, export time, project
    options: dict[str, Any] = field(default_factory=dict)
    documents: tuple[int, ...] = ()  # the ids of the documents exported, in order
    left_out: Counter[str] = field(default_factory=Counter)  # what the format could not carry
    # (measure, layer, value or why it is undefined), when the format shows agreement
    agreement: list[tuple[str, str, Any]] | None = None
    warnings: list[str] = field(default_factory=list)

    def record_provenance(self, record: DocumentRecord) -> dict[str, Any]:
        """Provenance of one record: whose annotation set, who curated, and the export's."""
        return {
            "annotation_set": record.set_name,
            "annotators": [record.annotator]
            if record.annotator is not None
            else list(record.annotators),
            "curator": record.curator,
            "set_state": record.state,
            "set_updated_at": record.updated_at,
            **self.provenance,
        }


class FormatWriter:
    """Writes records to an AtomicOutput; `close` finishes the files (the caller commits)."""

    def __init__(self, out: AtomicOutput, context: ExportContext):
        self.out = out
        self.context = context

    def write(self, record: DocumentRecord) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish writing (footers, side files); called once after the last record."""

    def abort(self) -> None:
        """Release open files after a failure or cancel (the output is then discarded)."""


def safe_file_stem(record: DocumentRecord, per_set: bool) -> str:
    """A file name for one record: the document id, and the set when several per document."""
    stem = f"{record.document_id:06d}"
    if per_set:
        owner = re.sub(r"[^\w.-]+", "_", record.set_name, flags=re.UNICODE).strip("._") or "set"
        stem += f"-{owner}-{record.set_id}"
    return stem


# --- import ----------------------------------------------------------------------------


def read_utf8(path: Path) -> str:
    """The file's text (a byte-order mark dropped); other bytes than UTF-8 are refused,
    naming the line and the byte."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise FormatError(
            path.name,
            Message(
                "not UTF-8 (byte 0x{value:02x} at column {column})",
                value=raw[err.start],
                column=column,
            ),
            line,
        ) from None


def json_lines(
    path: Path, content: str | None = None, columns: bool = False
) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each line of a JSON lines file that is not blank; a line
    that is not a JSON object is refused (`columns`: naming the column of bad JSON).

    Without `content` the file is read a line at a time, so its size does not matter: one
    line (one document) may hold up to MAX_DOCUMENT_BYTES, the file must be UTF-8 (a
    byte-order mark is dropped), and lines end at "\\n" only (JSON strings may hold
    U+2028, U+2029 and U+0085 raw)."""
    numbered = enumerate(content.split("\n"), start=1) if content is not None else utf8_lines(path)
    for number, raw in numbered:
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as err:
            detail = (
                Message(
                    "invalid JSON ({detail}, column {column})", detail=err.msg, column=err.colno
                )
                if columns
                else Message("invalid JSON ({detail})", detail=err.msg)
            )
            raise FormatError(path.name, detail, number) from None
        if not isinstance(obj, dict):
            raise FormatError(path.name, Message("expected a JSON object"), number)
        yield number, obj


def utf8_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of a UTF-8 file, read a line at a time; a line over
    MAX_DOCUMENT_BYTES is refused before it is read whole."""
    limit = MAX_DOCUMENT_BYTES
    with path.open("rb") as stream:
        for number in itertools.count(1):
            raw = stream.readline(limit + 1)
            if not raw:
                return
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit} bytes"
                raise FormatError(
                    path.name,
                    Message(
                        "is over {size} on one line; a document (one line) may be at most {size}",
                        size=size,
                    ),
                    number,
                )
            start = len(codecs.BOM_UTF8) if number == 1 and raw.startswith(codecs.BOM_UTF8) else 0
            try:
                line = raw[start:].decode("utf-8")
            except UnicodeDecodeError as err:
                at = start + err.start
                detail = Message(
                    "not UTF-8 (byte 0x{byte:02x} at column {column})",
                    byte=raw[at],
                    column=at + 1,
                )
                raise FormatError(path.name, detail, number) from None
            yield number, line


def score_of(value: Any) -> float | None:
    """A prediction's `score` as a file gives it (None when it gives none); anything but a
    number from 0 to 1 raises ValueError with the message to show."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"score must be a number from 0 to 1, not {value!r}")
    return float(value)


@dataclass
class ImportedEntity:
    ref: str  # the id the file uses (to resolve event arguments and stances)
    label: str
    start: int  # in the file's unit, into the file's (raw) text
    end: int
    text: str | None = None  # the text the file says the span covers, when it says
    note: str = ""
    line: int | None = None
    score: float | None = None  # a model's confidence, in predictions files


@dataclass
class ImportedArgument:
    role: str
    entity_ref: str
    line: int | None = None


@dataclass
class ImportedRelation:
    """A directed link between two spans (doccano, Label Studio); the importer turns
    links from a span labelled with an event type into event arguments."""

    from_ref: str
    to_ref: str
    type: str
    line: int | None = None


@dataclass
class ImportedEvent:
    ref: str
    type: str
    start: int
    end: int
    text: str | None = None
    arguments: list[ImportedArgument] = field(default_factory=list)
    note: str = ""
    line: int | None = None
    score: float | None = None  # a model's confidence, in predictions files


@dataclass
class ImportedStance:
    scope: str  # "document" or "attributed"
    polarity: str
    holder_ref: str | None = None
    target_label: str | None = None
    target_ref: str | None = None
    evidence: list[tuple[int, int, str | None]] = field(default_factory=list)
    note: str = ""
    line: int | None = None


@dataclass
class ImportedExcluded:
    start: int
    end: int
    reason: str = ""
    line: int | None = None


@dataclass
class ImportedDocument:
    """One document's text and annotations as a file gives them."""

    text: str  # raw: canonicalised by the importer, offsets mapped with it
    where: str  # "file.jsonl line 4", for messages
    title: str = ""
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[ImportedEntity] = field(default_factory=list)
    events: list[ImportedEvent] = field(default_factory=list)
    stances: list[ImportedStance] = field(default_factory=list)
    excluded: list[ImportedExcluded] = field(default_factory=list)
    relations: list[ImportedRelation] = field(default_factory=list)
    rebuilt: bool = False  # text rebuilt from tokens (CoNLL, Hugging Face)
    # the file's tokens and sentences, (start, end) in its unit, kept by a new document
    tokens: list[tuple[int, int]] | None = None
    sentences: list[tuple[int, int]] | None = None
    source_set: str | None = None  # whose annotations the file says these are
    unit: str | None = None  # offset unit the file declares, if it does
    file: str = ""  # the file it came from (units are detected per file)


@dataclass
class ParsedFile:
    path: Path
    documents: list[ImportedDocument] = field(default_factory=list)
    default_unit: str = CODEPOINTS  # what the writing tool usually counts
    left_out: Counter[str] = field(default_factory=Counter)  # read but not importable
    warnings: list[str] = field(default_factory=list)
    # instead of `documents`: the documents read one at a time as they are wanted (a file
    # of any size); its reading errors are raised while iterating
    stream: Iterator[ImportedDocument] | None = None

    def each(self) -> Iterator[ImportedDocument]:
        """The file's documents, in order (a stream is read once)."""
        return self.stream if self.stream is not None else iter(self.documents)


__all__ = [
    "CODEPOINTS",
    "OFFSET_UNITS",
    "UTF16",
    "ExportContext",
    "FormatError",
    "FormatWriter",
    "ImportedArgument",
    "ImportedDocument",
    "ImportedEntity",
    "ImportedEvent",
    "ImportedExcluded",
    "ImportedRelation",
    "ImportedStance",
    "ParsedFile",
    "json_lines",
    "read_utf8",
    "safe_file_stem",
    "score_of",
    "utf8_lines",
]
