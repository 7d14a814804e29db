"""The Excel workbook: for reviewers to read, and readable back by Tawsim.

Sheets: Summary (counts per label and type, the schema, provenance, agreement
figures when a provider is registered), Documents, Entities (with left and right
context), Events, Arguments, Stances, Excluded. Written with openpyxl's
write-only mode (rows stream to disk; memory stays flat however large the
export). Every sheet is right-to-left with a bold, frozen header row, an
autofilter over the data and set column widths.

Font: cells use Arial, set as the workbook's default font. Excel's default
(Calibri, through the theme) has no Arabic letters and leaves the choice of a
fallback to each machine; Arial has Arabic glyphs on every Windows and macOS
installation and LibreOffice maps it to a metric twin with a fallback that has
them. (The app's own Amiri font is not assumed to be installed on a reviewer's
machine.)

Safety: a cell whose text starts with = + - @ TAB or CR is stored as text with
Excel's quote-prefix flag, so nothing in the data can ever run as a formula
(CSV/Excel injection), and it still shows and reads back exactly. Characters
XML cannot hold and literal `_xHHHH_` sequences are escaped the way Excel does
(`_x000B_`, `_x005F_`). Excel cells hold at most 32,767 characters: long
document texts continue in further Text columns.

Reading (our own workbook, for round trips) requires defusedxml (openpyxl then
parses safely) and checks the zip's declared sizes before anything is
decompressed: refused above 10,000 members, 1 GiB uncompressed in total, or a
compression ratio over 400 for any member larger than 1 MiB (zip bombs).
"""

from __future__ import annotations

import json
import math
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import (
    CODEPOINTS,
    ExportContext,
    FormatError,
    FormatWriter,
    ImportedArgument,
    ImportedDocument,
    ImportedEntity,
    ImportedEvent,
    ImportedExcluded,
    ImportedStance,
    ParsedFile,
)
from core.project.atomic import AtomicOutput
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET

FONT_NAME = "Arial"
FONT_SIZE = 11
CELL_LIMIT = 32_767
TEXT_CHUNK = 16_000  # characters of document text per cell (room for escapes)
CONTEXT_CHARS = 40
FORMULA_STARTS = frozenset("=+-@\t\r")
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
TRUNCATED = "…[truncated]"
MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 1024**3
MAX_RATIO = 400

_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")

SHEETS = {
    "Documents": (
        ("Document", 10),
        ("Annotation set", 16),
        ("State", 11),
        ("Curator", 14),
        ("Title", 50),
        ("Source", 24),
        ("Length", 9),
        ("Entities", 9),
        ("Events", 8),
        ("Stances", 8),
        ("Excluded", 9),
        ("Meta", 24),
        ("Text", 80),
    ),
    "Entities": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Entity", 9),
        ("Start", 8),
        ("End", 8),
        ("Label", 12),
        ("Label name", 16),
        ("Text", 30),
        ("Left context", 42),
        ("Right context", 42),
        ("Note", 24),
    ),
    "Events": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Event", 8),
        ("Type", 22),
        ("Type name", 18),
        ("Start", 8),
        ("End", 8),
        ("Trigger", 18),
        ("Arguments", 10),
        ("Left context", 42),
        ("Right context", 42),
        ("Note", 24),
    ),
    "Arguments": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Event", 8),
        ("Event type", 22),
        ("Role", 16),
        ("Entity", 9),
        ("Entity label", 12),
        ("Entity text", 30),
        ("Start", 8),
        ("End", 8),
    ),
    "Stances": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Stance", 8),
        ("Scope", 11),
        ("Holder", 9),
        ("Holder text", 24),
        ("Target", 22),
        ("Target entity", 12),
        ("Target text", 24),
        ("Polarity", 11),
        ("Evidence", 18),
        ("Evidence text", 60),
        ("Note", 24),
    ),
    "Excluded": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Start", 8),
        ("End", 8),
        ("For", 10),
        ("Reason", 20),
        ("Text", 60),
    ),
}

# --- cells ---------------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """Excel's escaping for characters XML 1.0 cannot carry (and for literal escapes)."""
    if not _NEEDS_ESCAPE.search(value):
        return value
    return _NEEDS_ESCAPE.sub(
        lambda m: "_x005F" + m.group(0) if len(m.group(0)) > 1 else f"_x{ord(m.group(0)):04X}_",
        value,
    )


def unescape_text(value: str) -> str:
    if "_x" not in value:
        return value
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS and " " in left:
        left = "…" + left[left.index(" ") + 1 :]
    if end + CONTEXT_CHARS < len(text) and " " in right:
        right = right[: right.rindex(" ")] + "…"
    return " ".join(left.split("\n")), " ".join(right.split("\n"))


class _Sheet:
    """A write-only sheet with our look; `add` writes a row of plain values."""

    def __init__(self, workbook, title: str, columns: tuple[tuple[str, int], ...], fonts):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self._cell_class = WriteOnlyCell
        self.ws = workbook.create_sheet(title)
        self.columns = list(columns)
        self.rows = 0
        self.truncated = 0
        self._fonts = fonts
        self.ws.sheet_view.rightToLeft = True
        self.ws.freeze_panes = "A2"
        for index, (_, width) in enumerate(self.columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def header(self, extra: list[str] | None = None) -> None:
        from openpyxl.styles import Alignment, PatternFill

        names = [name for name, _ in self.columns] + (extra or [])
        cells = []
        for name in names:
            cell = self._cell_class(self.ws, value=name)
            cell.font = self._fonts["bold"]
            cell.fill = PatternFill("solid", fgColor="DDE4EE")
            cell.alignment = Alignment(horizontal="center")
            cells.append(cell)
        self.width = len(names)
        self.ws.append(cells)

    def add(self, values: list[Any]) -> None:
        row = []
        for value in values:
            if isinstance(value, str):
                value = self._safe(value) if value else None
            row.append(value)
        self.ws.append(row)
        self.rows += 1

    def _safe(self, value: str):
        value = escape_text(value)
        if len(value) > CELL_LIMIT:
            value = value[: CELL_LIMIT - len(TRUNCATED)] + TRUNCATED
            self.truncated += 1
        if value and (value[0] in FORMULA_STARTS or value in ERROR_CODES):
            cell = self._cell_class(self.ws, value=value)
            cell.data_type = "s"  # text, never a formula or an error value
            cell.quotePrefix = True
            return cell
        return value

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        width = getattr(self, "width", len(self.columns))
        self.ws.auto_filter.ref = f"A1:{get_column_letter(width)}{self.rows + 1}"


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils.indexed_list import IndexedList

        self.workbook = Workbook(write_only=True)
        # the default font (style 0) of every unstyled cell: see the module docstring
        base = Font(name=FONT_NAME, sz=FONT_SIZE, family=2, scheme=None)
        self.workbook._fonts = IndexedList([base])
        self.workbook._named_styles["Normal"].font = base
        fonts = {"bold": Font(name=FONT_NAME, sz=FONT_SIZE, family=2, bold=True)}
        self.summary = _Sheet(self.workbook, "Summary", (("Item", 34), ("Value", 60)), fonts)
        self.sheets = {
            name: _Sheet(self.workbook, name, columns, fonts) for name, columns in SHEETS.items()
        }
        text_columns = max(1, math.ceil(context.options.get("max_text_length", 0) / TEXT_CHUNK))
        self.text_columns = text_columns
        self.sheets["Documents"].header([f"Text ({n})" for n in range(2, text_columns + 1)])
        for name, sheet in self.sheets.items():
            if name != "Documents":
                sheet.header()
        self.label_name = {
            (label.layer, label.key): label.display_name for label in context.schema.labels
        }
        self.counts: dict[str, Counter[str]] = {
            ENTITY: Counter(),
            EVENT: Counter(),
            POLARITY: Counter(),
            "role": Counter(),
        }
        self.documents: set[int] = set()
        self.sets: Counter[str] = Counter()

    def write(self, record: DocumentRecord) -> None:
        doc, owner, text = record.document_id, record.set_name, record.text
        self.documents.add(doc)
        self.sets[owner] += 1
        chunks = [text[i : i + TEXT_CHUNK] for i in range(0, len(text), TEXT_CHUNK)] or [""]
        if len(chunks) > self.text_columns:
            raise ValueError(f"document {doc} is longer than the export planned for")
        self.sheets["Documents"].add(
            [
                doc,
                owner,
                record.state,
                record.curator or "",
                record.title,
                record.source,
                len(text),
                len(record.entities),
                len(record.events),
                len(record.stances),
                len(record.excluded),
                record.meta_json if record.meta_json not in ("", "{}") else "",
                *chunks,
            ]
        )
        entities = {e.id: e for e in record.entities}
        entity_rows = self.sheets["Entities"]
        names = self.label_name
        counts = self.counts
        for e in record.entities:
            left, right = _context(text, e.start, e.end)
            entity_rows.add(
                [
                    doc,
                    owner,
                    e.id,
                    e.start,
                    e.end,
                    e.label,
                    names.get((ENTITY, e.label), ""),
                    e.text,
                    left,
                    right,
                    e.note,
                ]
            )
            counts[ENTITY][e.label] += 1
        for ev in record.events:
            left, right = _context(text, ev.start, ev.end)
            self.sheets["Events"].add(
                [
                    doc,
                    owner,
                    ev.id,
                    ev.type,
                    names.get((EVENT, ev.type), ""),
                    ev.start,
                    ev.end,
                    ev.text,
                    len(ev.arguments),
                    left,
                    right,
                    ev.note,
                ]
            )
            counts[EVENT][ev.type] += 1
            for a in ev.arguments:
                target = entities[a.entity_id]
                self.sheets["Arguments"].add(
                    [
                        doc,
                        owner,
                        ev.id,
                        ev.type,
                        a.role,
                        a.entity_id,
                        target.label,
                        target.text,
                        target.start,
                        target.end,
                    ]
                )
                counts["role"][f"{ev.type}:{a.role}"] += 1
        for s in record.stances:
            holder = entities.get(s.holder_id) if s.holder_id is not None else None
            target = entities.get(s.target_entity_id) if s.target_entity_id is not None else None
            self.sheets["Stances"].add(
                [
                    doc,
                    owner,
                    s.id,
                    s.scope,
                    s.holder_id if holder else "",
                    holder.text if holder else "",
                    s.target_label or "",
                    s.target_entity_id if target else "",
                    target.text if target else "",
                    s.polarity,
                    "; ".join(f"{v.start}-{v.end}" for v in s.evidence),
                    " … ".join(v.text for v in s.evidence),
                    s.note,
                ]
            )
            counts[POLARITY][s.polarity] += 1
        for r in record.excluded:
            self.sheets["Excluded"].add(
                [
                    doc,
                    owner,
                    r.start,
                    r.end,
                    "everyone" if r.everyone else "set",
                    r.reason,
                    text[r.start : r.end],
                ]
            )

    def _write_summary(self) -> None:
        summary = self.summary
        summary.header()
        provenance = self.context.provenance
        schema = self.context.schema
        sheets = self.sheets
        rows: list[list[Any]] = [
            ["Tawsim export", provenance.get("project", "")],
            ["Selection", provenance.get("selection", "")],
            ["Exported at (UTC)", provenance.get("exported_at", "")],
            [
                "Application",
                f"{provenance.get('application', '')} {provenance.get('application_version', '')}",
            ],
            ["Schema revision", provenance.get("schema_revision", "")],
            ["Documents", len(self.documents)],
            ["Annotation sets", sum(self.sets.values())],
            *[[f"Sets of {owner}", n] for owner, n in sorted(self.sets.items())],
            ["Entities", sheets["Entities"].rows],
            ["Events", sheets["Events"].rows],
            ["Event arguments", sheets["Arguments"].rows],
            ["Stances", sheets["Stances"].rows],
            ["Excluded ranges", sheets["Excluded"].rows],
            [],
            ["Entities per label", ""],
        ]
        for label in schema.entity_labels:
            rows.append([f"{label.key} ({label.display_name})", self.counts[ENTITY][label.key]])
        rows += [[], ["Events per type", ""]]
        for label in schema.event_types:
            rows.append([f"{label.key} ({label.display_name})", self.counts[EVENT][label.key]])
        rows += [[], ["Arguments per role", ""]]
        for key, n in sorted(self.counts["role"].items()):
            rows.append([key, n])
        rows += [[], ["Stances per polarity", ""]]
        for label in schema.polarities:
            rows.append([f"{label.key} ({label.display_name})", self.counts[POLARITY][label.key]])
        rows += [[], ["Agreement", ""]]
        figures = self.context.agreement
        if figures:
            rows += [
                [" · ".join(part for part in (measure, layer) if part), value]
                for measure, layer, value in figures
            ]
        else:
            rows.append(["Inter-annotator agreement", "not computed for this export"])
        rows += [[], ["Schema", ""]]
        layer_titles = {
            ENTITY: "Entity label",
            EVENT: "Event type",
            STANCE_TARGET: "Stance target",
            POLARITY: "Polarity",
        }
        for label in schema.labels:
            names = " / ".join(n for n in (label.name_ar, label.name_en) if n)
            extra = ""
            if label.layer == EVENT:
                roles = schema.roles_of(label.id)
                extra = f" — roles: {', '.join(r.key for r in roles)}" if roles else ""
            rows.append([f"{layer_titles[label.layer]} {label.key}", names + extra])
        rows += [[], ["Provenance (JSON)", json.dumps(provenance, ensure_ascii=False)]]
        truncated = sum(s.truncated for s in sheets.values())
        if truncated:
            rows.append(["Cells cut at Excel's 32,767-character limit", truncated])
            self.context.warnings.append(
                f"{truncated} cell(s) were longer than Excel allows and were cut"
            )
        for row in rows:
            summary.add(row)
        summary.finish()

    def close(self) -> None:
        self._write_summary()
        for sheet in self.sheets.values():
            sheet.finish()
        self.workbook.save(self.out.path())

    def abort(self) -> None:
        """Stop the sheets' row streams and remove openpyxl's temporary files."""
        if self.workbook is None:
            return
        for ws in self.workbook.worksheets:
            try:
                if ws._rows is not None:
                    ws._rows.close()
                if ws._writer is not None:
                    ws._writer.close()
                    ws._writer.cleanup()
            except (OSError, ValueError):
                pass
        self.workbook = None


# --- reading -------------------------------------------------------------------------------


def check_zip(path: Path) -> None:
    """Refuse archives whose declared sizes look like a zip bomb (before any decompression)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise FormatError(path.name, "is not an Excel workbook (not a zip archive)") from None
    if len(members) > MAX_MEMBERS:
        raise FormatError(
            path.name, f"holds {len(members):,} parts; refused (limit {MAX_MEMBERS:,})"
        )
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise FormatError(
            path.name, f"would unpack to {total / 1024**3:.1f} GiB; refused (limit 1 GiB)"
        )
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise FormatError(
                path.name,
                f"part {m.filename} is compressed {m.file_size // max(m.compress_size, 1):,} "
                "to 1; refused as a possible zip bomb",
            )


def _open_workbook(path: Path):
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise FormatError(
            path.name, "reading Excel files needs defusedxml (safe XML parsing); install it"
        )
    check_zip(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for damaged files
        raise FormatError(path.name, f"cannot be read as a workbook ({err})") from None


class _Rows:
    """A sheet's rows as dicts keyed by header name, with the row number."""

    def __init__(self, workbook, name: str, path: Path, required: bool):
        self.name = name
        self.path = path
        self.rows: list[tuple[int, dict[str, Any], list[Any]]] = []
        if name not in workbook.sheetnames:
            if required:
                raise FormatError(path.name, f"has no sheet {name!r} (not a Tawsim workbook)")
            return
        sheet = workbook[name]
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
            extra = list(values[len(SHEETS.get(name, ())) :]) if name == "Documents" else []
            self.rows.append((number, row, extra))

    def fail(self, number: int, message: str) -> FormatError:
        return FormatError(self.path.name, f"sheet {self.name} row {number}: {message}")

    def int(self, row: dict, key: str, number: int) -> int:
        value = row.get(key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(number, f"{key} must be a whole number, not {value!r}")
        return value

    def text(self, row: dict, key: str, number: int, required: bool = True) -> str:
        value = row.get(key)
        if value is None:
            if required:
                raise self.fail(number, f"{key} is empty")
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
    docs: dict[tuple[int, str], ImportedDocument] = {}
    for number, row, extra in documents_sheet.rows:
        doc_id = documents_sheet.int(row, "Document", number)
        owner = documents_sheet.text(row, "Annotation set", number)
        text = documents_sheet.text(row, "Text", number, required=False) + "".join(
            str(v) for v in extra if v is not None
        )
        meta_text = documents_sheet.text(row, "Meta", number, required=False)
        try:
            meta = json.loads(meta_text) if meta_text else {}
        except json.JSONDecodeError:
            raise documents_sheet.fail(number, "Meta is not JSON") from None
        if (doc_id, owner) in docs:
            raise documents_sheet.fail(number, f"document {doc_id} of {owner} appears twice")
        docs[(doc_id, owner)] = ImportedDocument(
            text=text,
            where=f"{path.name} sheet Documents row {number}",
            title=documents_sheet.text(row, "Title", number, required=False),
            source=documents_sheet.text(row, "Source", number, required=False),
            meta={**meta, "id": doc_id} if isinstance(meta, dict) else {"id": doc_id},
            source_set=owner,
            file=str(path),
        )

    def doc_of(sheet: _Rows, row: dict, number: int) -> ImportedDocument:
        key = (sheet.int(row, "Document", number), sheet.text(row, "Annotation set", number))
        if key not in docs:
            raise sheet.fail(number, f"document {key[0]} of {key[1]} is not in sheet Documents")
        return docs[key]

    def claimed(value: str) -> str | None:
        return None if value.endswith(TRUNCATED) else value

    rows = sheets["Entities"]
    for number, row, _ in rows.rows:
        doc = doc_of(rows, row, number)
        doc.entities.append(
            ImportedEntity(
                ref=str(rows.int(row, "Entity", number)),
                label=rows.text(row, "Label", number),
                start=rows.int(row, "Start", number),
                end=rows.int(row, "End", number),
                text=claimed(rows.text(row, "Text", number, required=False)),
                note=rows.text(row, "Note", number, required=False),
                line=None,
            )
        )
    events: dict[tuple[int, str, str], ImportedEvent] = {}
    rows = sheets["Events"]
    for number, row, _ in rows.rows:
        doc = doc_of(rows, row, number)
        event = ImportedEvent(
            ref=str(rows.int(row, "Event", number)),
            type=rows.text(row, "Type", number),
            start=rows.int(row, "Start", number),
            end=rows.int(row, "End", number),
            text=claimed(rows.text(row, "Trigger", number, required=False)),
            note=rows.text(row, "Note", number, required=False),
        )
        doc.events.append(event)
        events[(id(doc), event.ref, "")] = event
    rows = sheets["Arguments"]
    for number, row, _ in rows.rows:
        doc = doc_of(rows, row, number)
        event = events.get((id(doc), str(rows.int(row, "Event", number)), ""))
        if event is None:
            raise rows.fail(number, "its event is not in sheet Events")
        event.arguments.append(
            ImportedArgument(rows.text(row, "Role", number), str(rows.int(row, "Entity", number)))
        )
    rows = sheets["Stances"]
    for number, row, _ in rows.rows:
        doc = doc_of(rows, row, number)
        evidence = []
        spans = rows.text(row, "Evidence", number, required=False)
        for piece in filter(None, (p.strip() for p in spans.split(";"))):
            start, dash, end = piece.partition("-")
            if not dash or not start.isdigit() or not end.isdigit():
                raise rows.fail(number, f"evidence {piece!r} is not start-end")
            evidence.append((int(start), int(end), None))
        holder = row.get("Holder")
        target_entity = row.get("Target entity")
        doc.stances.append(
            ImportedStance(
                scope=rows.text(row, "Scope", number),
                polarity=rows.text(row, "Polarity", number),
                holder_ref=str(rows.int(row, "Holder", number))
                if holder not in (None, "")
                else None,
                target_label=rows.text(row, "Target", number, required=False) or None,
                target_ref=str(rows.int(row, "Target entity", number))
                if target_entity not in (None, "")
                else None,
                evidence=evidence,
                note=rows.text(row, "Note", number, required=False),
            )
        )
        if doc.stances[-1].scope not in ("document", "attributed"):
            raise rows.fail(number, "Scope must be document or attributed")
    rows = sheets["Excluded"]
    for number, row, _ in rows.rows:
        doc = doc_of(rows, row, number)
        doc.excluded.append(
            ImportedExcluded(
                rows.int(row, "Start", number),
                rows.int(row, "End", number),
                rows.text(row, "Reason", number, required=False),
            )
        )
    parsed.documents = list(docs.values())
    if not parsed.documents:
        raise FormatError(path.name, "holds no documents")
    return parsed


__all__ = [
    "CELL_LIMIT",
    "FONT_NAME",
    "SHEETS",
    "Writer",
    "check_zip",
    "escape_text",
    "read",
    "unescape_text",
]
