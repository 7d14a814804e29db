"""doccano sequence-labelling JSONL, one document per line.

Two variants, both read and written:
- "entities": `{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
  "relations": [{"id", "from_id", "to_id", "type"}]}` (doccano's relation projects).
  An event is written as a span labelled with its event type and a relation from
  it to each argument, typed with the role; on import, spans labelled with an
  event type of the schema become events again.
- "label": `{"text", "label": [[start, end, "LABEL"], ...]}` (entities only).

doccano's browser front end counts UTF-16 units unless the project counts
grapheme clusters, so UTF-16 is written by default (option `offsets`) and the
line says which (`offset_unit`). Other keys of a line are kept as document
metadata on import.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import (
    OFFSET_UNITS,
    UTF16,
    ExportContext,
    FormatError,
    FormatWriter,
    ImportedDocument,
    ImportedEntity,
    ImportedRelation,
    ParsedFile,
    file_line,
    json_lines,
    score_of,
)
from core.io.formats.spans import flatten
from core.project.atomic import AtomicOutput
from models.messages import Message

KNOWN_KEYS = {
    "id",
    "text",
    "data",
    "label",
    "labels",
    "annotations",
    "entities",
    "relations",
    "offset_unit",
}


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.variant = context.options.get("variant", "entities")
        self.unit = context.options.get("offsets", UTF16)
        self._file = open(out.path(), "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: DocumentRecord) -> None:
        spans, relations = flatten(record, self.unit)
        line: dict[str, Any] = {
            "id": record.document_id,
            "text": record.text,
            "title": record.title,
            "annotation_set": record.set_name,
            "offset_unit": self.unit,
        }
        left_out = self.context.left_out
        if self.variant == "label":
            line["label"] = [[s.start, s.end, s.label] for s in spans if not s.ref.startswith("v")]
            if record.events:
                left_out[Message("events (the doccano 'label' variant holds entities only)")] += (
                    len(record.events)
                )
        else:
            ids = {s.ref: n for n, s in enumerate(spans, start=1)}
            line["entities"] = [
                {
                    "id": ids[s.ref],
                    "label": s.label,
                    "start_offset": s.start,
                    "end_offset": s.end,
                }
                for s in spans
            ]
            line["relations"] = [
                {"id": n, "from_id": ids[r.from_ref], "to_id": ids[r.to_ref], "type": r.type}
                for n, r in enumerate(relations, start=1)
            ]
        if record.stances:
            left_out[Message("stances (doccano has no place for them)")] += len(record.stances)
        if record.excluded:
            left_out[Message("excluded ranges (doccano has no place for them)")] += len(
                record.excluded
            )
        self._file.write(json.dumps(line, ensure_ascii=False))
        self._file.write("\n")

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        self._file.close()


# --- reading -------------------------------------------------------------------------------


def _int(value: Any, path: Path, number: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(
            path.name,
            Message("{what} must be a whole number, not {value!r}", what=what, value=value),
            number,
        )
    return value


def read(path: Path) -> ParsedFile:
    """The file's documents as a stream (read a line at a time)."""
    return ParsedFile(path, default_unit=UTF16, stream=_documents(path))


def _documents(path: Path) -> Iterator[ImportedDocument]:
    count = 0
    for number, obj in json_lines(path):
        yield _document(obj, path, number)
        count += 1
    if not count:
        raise FormatError(path.name, Message("holds no documents"))


def _document(obj: dict, path: Path, number: int) -> ImportedDocument:
    text = obj.get("text", obj.get("data"))
    if not isinstance(text, str):
        raise FormatError(path.name, Message("field 'text' is missing or not text"), number)
    unit = obj.get("offset_unit")
    source_set = obj.get("annotation_set")
    meta = {k: v for k, v in obj.items() if k not in KNOWN_KEYS | {"title", "annotation_set"}}
    if "id" in obj:
        meta["id"] = obj["id"]
    title = obj.get("title")
    doc = ImportedDocument(
        text=text,
        where=file_line(path.name, number),
        title=title if isinstance(title, str) else "",
        meta=meta,
        unit=unit if unit in OFFSET_UNITS else None,
        source_set=source_set if isinstance(source_set, str) else None,
        file=str(path),
    )
    _label_triples(doc, obj.get("label", obj.get("labels")), path, number)
    _entity_objects(doc, obj.get("entities"), path, number)
    _legacy_annotations(doc, obj.get("annotations"), path, number)
    _relations(doc, obj.get("relations") or [], path, number)
    return doc


def _label_triples(doc: ImportedDocument, labels: Any, path: Path, number: int) -> None:
    """doccano's "label": [[start, end, "LABEL"], ...]."""
    if labels is None:
        return
    if not isinstance(labels, list):
        raise FormatError(
            path.name, Message("'label' must be a list of [start, end, label]"), number
        )
    for i, item in enumerate(labels):
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str)):
            raise FormatError(
                path.name,
                Message(
                    'label[{index}] must be [start, end, "LABEL"], not {item!r}',
                    index=i,
                    item=item,
                ),
                number,
            )
        doc.entities.append(
            ImportedEntity(
                ref=f"#{i}",
                label=item[2],
                start=_int(item[0], path, number, f"label[{i}] start"),
                end=_int(item[1], path, number, f"label[{i}] end"),
                line=number,
            )
        )


def _entity_objects(doc: ImportedDocument, entities: Any, path: Path, number: int) -> None:
    """doccano's "entities": [{"id", "label", "start_offset", "end_offset"}, ...]."""
    if entities is None:
        return
    if not isinstance(entities, list):
        raise FormatError(path.name, Message("'entities' must be a list"), number)
    for i, item in enumerate(entities):
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            raise FormatError(
                path.name, Message("entities[{index}] needs a label", index=i), number
            )
        ref = item.get("id", f"#e{i}")
        doc.entities.append(
            ImportedEntity(
                ref=str(ref),
                label=item["label"],
                start=_int(item.get("start_offset"), path, number, f"entities[{i}].start_offset"),
                end=_int(item.get("end_offset"), path, number, f"entities[{i}].end_offset"),
                line=number,
                score=_score(item.get("score"), path, number, f"entities[{i}]."),
            )
        )


def _relations(doc: ImportedDocument, relations: Any, path: Path, number: int) -> None:
    """doccano's "relations": [{"from_id", "to_id", "type"}, ...]."""
    if not isinstance(relations, list):
        raise FormatError(path.name, Message("'relations' must be a list"), number)
    for i, item in enumerate(relations):
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise FormatError(
                path.name, Message("relations[{index}] needs a type", index=i), number
            )
        if "from_id" not in item or "to_id" not in item:
            raise FormatError(
                path.name, Message("relations[{index}] needs from_id and to_id", index=i), number
            )
        doc.relations.append(
            ImportedRelation(str(item["from_id"]), str(item["to_id"]), item["type"], number)
        )


def _legacy_annotations(doc: ImportedDocument, items: Any, path: Path, number: int) -> None:
    """doccano 1.x: "annotations": [{"label", "start_offset", "end_offset", "user"}]. Its
    labels are often the ids of the doccano project's labels, which no file names:
    refused, rather than imported as nothing."""
    if items is None:
        return
    if not isinstance(items, list):
        raise FormatError(path.name, Message("'annotations' must be a list"), number)
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise FormatError(
                path.name, Message("annotations[{index}] must be an object", index=i), number
            )
        label = item.get("label")
        if isinstance(label, int) and not isinstance(label, bool):
            raise FormatError(
                path.name,
                Message(
                    "annotations[{index}] has label {label}, a number: an old doccano export "
                    "names its labels by their ids in the doccano project; export again with "
                    "label names (doccano 1.2 or later), or replace the ids by the names",
                    index=i,
                    label=label,
                ),
                number,
            )
        if not isinstance(label, str):
            raise FormatError(
                path.name, Message("annotations[{index}] needs a label", index=i), number
            )
        doc.entities.append(
            ImportedEntity(
                ref=f"#a{i}",
                label=label,
                start=_int(
                    item.get("start_offset"), path, number, f"annotations[{i}].start_offset"
                ),
                end=_int(item.get("end_offset"), path, number, f"annotations[{i}].end_offset"),
                line=number,
            )
        )


def _score(value: Any, path: Path, number: int, where: str) -> float | None:
    try:
        return score_of(value)
    except ValueError as err:
        raise FormatError(
            path.name, Message("{where}{reason}", where=where, reason=str(err)), number
        ) from None


__all__ = ["Writer", "read"]
