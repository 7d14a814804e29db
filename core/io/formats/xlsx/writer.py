"""Writing the Excel workbook: one row per document, entity, event, argument, stance and
excluded range, and a Summary sheet written last (it counts what the others hold)."""

from __future__ import annotations

import contextlib
import json
import math
import zipfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from core.io.dataset import DocumentRecord, Entity
from core.io.formats.common import (
    ExportContext,
    FormatWriter,
)
from core.io.formats.xlsx.sheets import (
    FONT_NAME,
    FONT_SIZE,
    SHEETS,
    TEXT_CHUNK,
    Sheet,
    context_around,
)
from core.project.atomic import AtomicOutput
from core.schema.model import ENTITY, EVENT, LAYER_ITEM_NAMES, POLARITY
from models.messages import Message

if TYPE_CHECKING:
    from openpyxl.styles import Font
    from openpyxl.styles.named_styles import NamedStyleList
    from openpyxl.utils.indexed_list import IndexedList


# The private parts of openpyxl this writer uses (openpyxl's type stubs leave them out):
# a write-only workbook's font table and named styles, and a write-only sheet's row
# stream and temporary-file writer.


class _WorkbookStyles(Protocol):
    _fonts: IndexedList[Font]
    _named_styles: NamedStyleList


class _Closable(Protocol):
    def close(self) -> None: ...


class _TemporaryFileWriter(Protocol):
    def close(self) -> None: ...
    def cleanup(self) -> None: ...


class _SheetStream(Protocol):
    _rows: _Closable | None
    _writer: _TemporaryFileWriter | None


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils.indexed_list import IndexedList

        self.workbook = Workbook(write_only=True)
        self._aborted = False
        # the default font (style 0) of every unstyled cell: see the package docstring
        base = Font(name=FONT_NAME, sz=FONT_SIZE, family=2, scheme=None)
        styles = cast("_WorkbookStyles", self.workbook)
        styles._fonts = IndexedList([base])
        styles._named_styles["Normal"].font = base
        fonts = {"bold": Font(name=FONT_NAME, sz=FONT_SIZE, family=2, bold=True)}
        self.summary = Sheet(self.workbook, "Summary", (("Item", 34), ("Value", 60)), fonts)
        self.sheets = {
            name: Sheet(self.workbook, name, columns, fonts) for name, columns in SHEETS.items()
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
        self._write_entities(record, owner)
        self._write_events(record, owner, entities)
        self._write_stances(record, owner, entities)
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

    def _write_entities(self, record: DocumentRecord, owner: str) -> None:
        entity_rows = self.sheets["Entities"]
        names, counts, text = self.label_name, self.counts, record.text
        for e in record.entities:
            left, right = context_around(text, e.start, e.end)
            entity_rows.add(
                [
                    record.document_id,
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

    def _write_events(
        self, record: DocumentRecord, owner: str, entities: dict[int, Entity]
    ) -> None:
        """Events, and each event's arguments on the Arguments sheet."""
        doc, counts = record.document_id, self.counts
        for ev in record.events:
            left, right = context_around(record.text, ev.start, ev.end)
            self.sheets["Events"].add(
                [
                    doc,
                    owner,
                    ev.id,
                    ev.type,
                    self.label_name.get((EVENT, ev.type), ""),
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

    def _write_stances(
        self, record: DocumentRecord, owner: str, entities: dict[int, Entity]
    ) -> None:
        for s in record.stances:
            holder = entities.get(s.holder_id) if s.holder_id is not None else None
            target = entities.get(s.target_entity_id) if s.target_entity_id is not None else None
            self.sheets["Stances"].add(
                [
                    record.document_id,
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
            self.counts[POLARITY][s.polarity] += 1

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
        for label in schema.labels:
            names = " / ".join(n for n in (label.name_ar, label.name_en) if n)
            extra = ""
            if label.layer == EVENT:
                roles = schema.roles_of(label.id)
                extra = f" — roles: {', '.join(r.key for r in roles)}" if roles else ""
            title = LAYER_ITEM_NAMES[label.layer].capitalize()
            rows.append([f"{title} {label.key}", names + extra])
        rows += [[], ["Provenance (JSON)", json.dumps(provenance, ensure_ascii=False)]]
        truncated = sum(s.truncated for s in sheets.values())
        if truncated:
            rows.append(["Cells cut at Excel's 32,767-character limit", truncated])
            self.context.warnings.append(
                Message(
                    "{count} cell(s) were longer than Excel allows and were cut", count=truncated
                )
            )
        for row in rows:
            summary.add(row)
        summary.finish()

    def close(self) -> None:
        self._write_summary()
        for sheet in self.sheets.values():
            sheet.finish()
        _save(self.workbook, self.out.path())

    def abort(self) -> None:
        """Stop the sheets' row streams and remove openpyxl's temporary files."""
        if self._aborted:
            return
        for ws in self.workbook.worksheets:
            stream = cast("_SheetStream", ws)
            try:
                if stream._rows is not None:
                    stream._rows.close()
                if stream._writer is not None:
                    stream._writer.close()
                    stream._writer.cleanup()
            except (OSError, ValueError):
                pass
        self._aborted = True


def _save(workbook: Any, path: Path) -> None:
    """openpyxl's save, closing the archive when writing fails (a full disk): left open,
    it would try to finish the file again when collected, and fail again."""
    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            archive.close()
        raise
