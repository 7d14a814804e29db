"""Reading the Excel workbook back (Tawsim's own, for round trips), safely: the zip's
declared sizes are checked before anything is decompressed and XML is parsed with
defusedxml."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from core.io.formats.common import (
    CODEPOINTS,
    FormatError,
    ImportedArgument,
    ImportedDocument,
    ImportedEntity,
    ImportedEvent,
    ImportedExcluded,
    ImportedStance,
    ParsedFile,
)
from core.io.formats.xlsx.sheets import SHEETS, TRUNCATED, part_titles, unescape_text
from models.messages import Message

# refused before decompressing: see check_zip
MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 1024**3
MAX_RATIO = 400


def check_zip(path: Path) -> None:
    """Refuse archives whose declared sizes look like a zip bomb (before any decompression)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise FormatError(
            path.name, Message("is not an Excel workbook (not a zip archive)")
        ) from None
    if len(members) > MAX_MEMBERS:
        raise FormatError(
            path.name,
            Message(
                "holds {count:,} parts; refused (limit {limit:,})",
                count=len(members),
                limit=MAX_MEMBERS,
            ),
        )
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise FormatError(
            path.name,
            Message(
                "would unpack to {number:.1f} GiB; refused (limit 1 GiB)", number=total / 1024**3
            ),
        )
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise FormatError(
                path.name,
                Message(
                    "part {filename} is compressed {number:,} to 1; refused as a possible zip bomb",
                    filename=m.filename,
                    number=m.file_size // max(m.compress_size, 1),
                ),
            )


def _open_workbook(path: Path):
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise FormatError(
            path.name,
            Message("reading Excel files needs defusedxml (safe XML parsing); install it"),
        )
    check_zip(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for damaged files
        raise FormatError(
            path.name, Message("cannot be read as a workbook ({reason})", reason=str(err))
        ) from None


RowAt = tuple[str, int]  # the sheet (a part of a long one) and the row number in it


class _Rows:
    """A sheet's rows as dicts keyed by header name, with where each is: the rows of its
    continuation sheets ("Entities (2)"...) follow its own."""

    def __init__(self, workbook, name: str, path: Path, required: bool):
        self.name = name
        self.path = path
        self.rows: list[tuple[RowAt, dict[str, Any], list[Any]]] = []
        if name not in workbook.sheetnames:
            if required:
                raise FormatError(
                    path.name, Message("has no sheet {name!r} (not a Tawsim workbook)", name=name)
                )
            return
        for title in part_titles(name, workbook.sheetnames):
            self._read(workbook[title], title)

    def _read(self, sheet: Any, title: str) -> None:
        iterator = sheet.iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            return
        columns = [unescape_text(h) if isinstance(h, str) else h for h in header]
        for number, values in enumerate(iterator, start=2):
            if values is None or all(v is None for v in values):
                continue
            values = [unescape_text(v) if isinstance(v, str) else v for v in values]
            row = {c: v for c, v in zip(columns, values, strict=False) if c is not None}
            documents = self.name == "Documents"  # a long text continues in further columns
            extra = list(values[len(SHEETS.get(self.name, ())) :]) if documents else []
            self.rows.append(((title, number), row, extra))

    def fail(self, at: RowAt, message: str) -> FormatError:
        return FormatError(
            self.path.name,
            Message(
                "sheet {name} row {number}: {message}",
                name=at[0],
                number=at[1],
                message=message,
            ),
        )

    def integer(self, row: dict, key: str, number: RowAt) -> int:
        value = row.get(key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(
                number,
                Message(
                    "{field} must be a whole number, not {value}", field=key, value=repr(value)
                ),
            )
        return value

    def text(self, row: dict, key: str, number: RowAt, required: bool = True) -> str:
        value = row.get(key)
        if value is None:
            if required:
                raise self.fail(number, Message("{field} is empty", field=key))
            return ""
        return str(value)


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    workbook = _open_workbook(path)
    try:
        documents_sheet = _Rows(workbook, "Documents", path, True)
        sheets = {
            name: _Rows(workbook, name, path, name == "Entities")
            for name in ("Entities", "Events", "Arguments", "Stances", "Excluded")
        }
    finally:
        workbook.close()
    docs = _Documents(_read_documents(documents_sheet, path))
    docs.entities(sheets["Entities"])
    docs.events(sheets["Events"], sheets["Arguments"])
    docs.stances(sheets["Stances"])
    docs.excluded(sheets["Excluded"])
    parsed.documents = list(docs.by_key.values())
    if not parsed.documents:
        raise FormatError(path.name, Message("holds no documents"))
    return parsed


def _read_documents(sheet: _Rows, path: Path) -> dict[tuple[int, str], ImportedDocument]:
    """The Documents sheet: (document id, annotation set) -> the document (a text longer
    than a cell continues in further Text columns)."""
    docs: dict[tuple[int, str], ImportedDocument] = {}
    for number, row, extra in sheet.rows:
        doc_id = sheet.integer(row, "Document", number)
        owner = sheet.text(row, "Annotation set", number)
        text = sheet.text(row, "Text", number, required=False) + "".join(
            str(v) for v in extra if v is not None
        )
        meta_text = sheet.text(row, "Meta", number, required=False)
        try:
            meta = json.loads(meta_text) if meta_text else {}
        except json.JSONDecodeError:
            raise sheet.fail(number, "Meta is not JSON") from None
        if (doc_id, owner) in docs:
            raise sheet.fail(
                number,
                Message(
                    "document {document} of {owner} appears twice", document=doc_id, owner=owner
                ),
            )
        docs[(doc_id, owner)] = ImportedDocument(
            text=text,
            where=f"{path.name} sheet {number[0]} row {number[1]}",
            title=sheet.text(row, "Title", number, required=False),
            source=sheet.text(row, "Source", number, required=False),
            meta={**meta, "id": doc_id} if isinstance(meta, dict) else {"id": doc_id},
            source_set=owner,
            file=str(path),
        )
    return docs


def _claimed(value: str) -> str | None:
    """A span text to check against the document, unless the cell was cut."""
    return None if value.endswith(TRUNCATED) else value


class _Documents:
    """The documents read, filled sheet by sheet; every row names its document."""

    def __init__(self, by_key: dict[tuple[int, str], ImportedDocument]):
        self.by_key = by_key

    def of(self, sheet: _Rows, row: dict, number: RowAt) -> ImportedDocument:
        key = (sheet.integer(row, "Document", number), sheet.text(row, "Annotation set", number))
        if key not in self.by_key:
            raise sheet.fail(
                number,
                Message(
                    "document {document} of {owner} is not in sheet Documents",
                    document=key[0],
                    owner=key[1],
                ),
            )
        return self.by_key[key]

    def entities(self, rows: _Rows) -> None:
        for number, row, _ in rows.rows:
            doc = self.of(rows, row, number)
            doc.entities.append(
                ImportedEntity(
                    ref=str(rows.integer(row, "Entity", number)),
                    label=rows.text(row, "Label", number),
                    start=rows.integer(row, "Start", number),
                    end=rows.integer(row, "End", number),
                    text=_claimed(rows.text(row, "Text", number, required=False)),
                    note=rows.text(row, "Note", number, required=False),
                    line=None,
                )
            )

    def events(self, rows: _Rows, argument_rows: _Rows) -> None:
        events: dict[tuple[int, str], ImportedEvent] = {}
        for number, row, _ in rows.rows:
            doc = self.of(rows, row, number)
            event = ImportedEvent(
                ref=str(rows.integer(row, "Event", number)),
                type=rows.text(row, "Type", number),
                start=rows.integer(row, "Start", number),
                end=rows.integer(row, "End", number),
                text=_claimed(rows.text(row, "Trigger", number, required=False)),
                note=rows.text(row, "Note", number, required=False),
            )
            doc.events.append(event)
            events[(id(doc), event.ref)] = event
        rows = argument_rows
        for number, row, _ in rows.rows:
            doc = self.of(rows, row, number)
            owner = events.get((id(doc), str(rows.integer(row, "Event", number))))
            if owner is None:
                raise rows.fail(number, "its event is not in sheet Events")
            owner.arguments.append(
                ImportedArgument(
                    rows.text(row, "Role", number), str(rows.integer(row, "Entity", number))
                )
            )

    def stances(self, rows: _Rows) -> None:
        for number, row, _ in rows.rows:
            doc = self.of(rows, row, number)
            evidence: list[tuple[int, int, str | None]] = []
            spans = rows.text(row, "Evidence", number, required=False)
            for piece in filter(None, (p.strip() for p in spans.split(";"))):
                start, dash, end = piece.partition("-")
                if not dash or not start.isdigit() or not end.isdigit():
                    raise rows.fail(
                        number, Message("evidence {piece} is not start-end", piece=repr(piece))
                    )
                evidence.append((int(start), int(end), None))
            holder = row.get("Holder")
            target_entity = row.get("Target entity")
            doc.stances.append(
                ImportedStance(
                    scope=rows.text(row, "Scope", number),
                    polarity=rows.text(row, "Polarity", number),
                    holder_ref=str(rows.integer(row, "Holder", number))
                    if holder not in (None, "")
                    else None,
                    target_label=rows.text(row, "Target", number, required=False) or None,
                    target_ref=str(rows.integer(row, "Target entity", number))
                    if target_entity not in (None, "")
                    else None,
                    evidence=evidence,
                    note=rows.text(row, "Note", number, required=False),
                )
            )
            if doc.stances[-1].scope not in ("document", "attributed"):
                raise rows.fail(number, "Scope must be document or attributed")

    def excluded(self, rows: _Rows) -> None:
        for number, row, _ in rows.rows:
            doc = self.of(rows, row, number)
            doc.excluded.append(
                ImportedExcluded(
                    rows.integer(row, "Start", number),
                    rows.integer(row, "End", number),
                    rows.text(row, "Reason", number, required=False),
                )
            )
