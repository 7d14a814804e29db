"""Gold JSONL: Tawsim's own dataset format, one document (and annotation set) per line.

Documented in docs/formats.md, with a JSON Schema in docs/gold-jsonl.schema.json.
Offsets are code points of `text`, end exclusive; every `text` field equals
`text[start:end]`. Lines are ordered by document id (gold first, then
annotators by name), annotations by offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring as _json_string  # the C encoder
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
    file_line,
    json_lines,
    score_of,
)
from core.project.atomic import AtomicOutput
from models.messages import Message

FORMAT_NAME = "tawsim-gold"
_COMPACT = (",", ":")
_HEAD = ("id", "title", "source", "text", "meta", "excluded")
_TAIL = ("events", "stances", "provenance")
FORMAT_VERSION = 1


def record_to_json(
    record: DocumentRecord, context: ExportContext, with_entities: bool = True
) -> dict[str, Any]:
    """One line's object (see docs/formats.md); keys in the order they are written."""

    def with_note(item: dict[str, Any], note: str) -> dict[str, Any]:
        if note:
            item["note"] = note
        return item

    return {
        "id": record.document_id,
        "title": record.title,
        "source": record.source,
        "text": record.text,
        "meta": record.meta,
        "excluded": [
            {
                "start": r.start,
                "end": r.end,
                "text": record.text[r.start : r.end],
                "for": "everyone" if r.everyone else "set",
                "reason": r.reason,
            }
            for r in record.excluded
        ],
        "entities": [
            with_note(
                {"id": e.id, "start": e.start, "end": e.end, "label": e.label, "text": e.text},
                e.note,
            )
            for e in record.entities
        ]
        if with_entities
        else None,
        "events": [
            with_note(
                {
                    "id": ev.id,
                    "type": ev.type,
                    "trigger": {"start": ev.start, "end": ev.end, "text": ev.text},
                    "arguments": [{"role": a.role, "entity": a.entity_id} for a in ev.arguments],
                },
                ev.note,
            )
            for ev in record.events
        ],
        "stances": [
            with_note(
                {
                    "id": s.id,
                    "scope": s.scope,
                    "holder": s.holder_id,
                    "target": {"label": s.target_label}
                    if s.target_label is not None
                    else {"entity": s.target_entity_id},
                    "polarity": s.polarity,
                    "evidence": [
                        {"start": v.start, "end": v.end, "text": v.text} for v in s.evidence
                    ],
                },
                s.note,
            )
            for s in record.stances
        ],
        "provenance": context.record_provenance(record),
    }


def _entities_json(entities) -> str:
    """The "entities" array exactly as json.dumps writes it, without building a dict per
    entity (the hot path of a large export: hundreds of thousands of them)."""
    parts = []
    for e in entities:
        note = f',"note":{_json_string(e.note)}' if e.note else ""
        parts.append(
            f'{{"id":{e.id},"start":{e.start},"end":{e.end},"label":{_json_string(e.label)},'
            f'"text":{_json_string(e.text)}{note}}}'
        )
    return "[" + ",".join(parts) + "]"


def record_line(record: DocumentRecord, context: ExportContext) -> str:
    """One line: the same text as compact json.dumps(record_to_json(...)), made faster."""
    obj = record_to_json(record, context, with_entities=False)
    first = json.dumps({k: obj[k] for k in _HEAD}, ensure_ascii=False, separators=_COMPACT)
    last = json.dumps({k: obj[k] for k in _TAIL}, ensure_ascii=False, separators=_COMPACT)
    return f'{first[:-1]},"entities":{_entities_json(record.entities)},{last[1:]}'


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self._file = open(  # noqa: SIM115
            out.path(), "w", encoding="utf-8", newline="\n", buffering=1 << 20
        )

    def write(self, record: DocumentRecord) -> None:
        self._file.write(record_line(record, self.context))
        self._file.write("\n")

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        self._file.close()


# --- reading ---------------------------------------------------------------------------


class _Line:
    """Field access with messages naming the line and the field."""

    def __init__(self, path: Path, number: int):
        self.path = path
        self.number = number

    def fail(self, message: str) -> FormatError:
        return FormatError(self.path.name, message, self.number)

    def get(self, obj: dict, key: str, kind: type | tuple, where: str, default: Any = ...) -> Any:
        value = obj.get(key)
        if type(value) is kind:  # the usual case, at once (a bool is not an int here)
            return value
        if value is None:
            if default is not ...:
                return default
            raise self.fail(Message("{field} is missing", field=where + key))
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(
                Message(
                    "{field} must be a whole number, not {value}",
                    field=where + key,
                    value=repr(value),
                )
            )
        if not isinstance(value, kind):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.fail(
                Message(
                    "{field} must be {kind}", field=where + key, kind=_TYPE_WORDS.get(names, names)
                )
            )
        return value

    def objects(self, obj: dict, key: str, where: str = "") -> Iterator[tuple[int, str, dict]]:
        """The objects in the list `obj[key]` (none when it is absent): index, the prefix
        naming each in messages ("events[2].") and the object."""
        for i, item in enumerate(self.get(obj, key, list, where, [])):
            if not isinstance(item, dict):
                raise self.fail(Message("{field} must be an object", field=f"{where}{key}[{i}]"))
            yield i, f"{where}{key}[{i}].", item


_TYPE_WORDS = {
    "str": Message("a string"),
    "list": Message("a list"),
    "dict": Message("an object"),
    "int": Message("a number"),
}


def read(path: Path) -> ParsedFile:
    """The file's documents as a stream (read a line at a time)."""
    return ParsedFile(path, default_unit=CODEPOINTS, stream=_documents(path))


def _documents(path: Path) -> Iterator[ImportedDocument]:
    count = 0
    for number, obj in json_lines(path, columns=True):
        yield _document(obj, _Line(path, number))
        count += 1
    if not count:
        raise FormatError(path.name, Message("holds no documents"))


def _ref(value: Any, line: _Line, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise line.fail(Message("{field} must be an id (a number or text)", field=where))
    return str(value)


def _document(obj: dict, line: _Line) -> ImportedDocument:
    text = line.get(obj, "text", str, "")
    meta = line.get(obj, "meta", dict, "", {})
    provenance = line.get(obj, "provenance", dict, "", {})
    source_set = provenance.get("annotation_set")
    doc = ImportedDocument(
        text=text,
        where=file_line(line.path.name, line.number),
        title=line.get(obj, "title", str, "", ""),
        source=line.get(obj, "source", str, "", ""),
        meta=meta,
        source_set=source_set if isinstance(source_set, str) else None,
        file=str(line.path),
    )
    if "id" in obj and obj["id"] is not None and "id" not in meta:
        doc.meta = {**meta, "id": obj["id"]}
    for i, where, item in line.objects(obj, "entities"):
        doc.entities.append(_entity(item, i, where, line))
    for i, where, item in line.objects(obj, "events"):
        doc.events.append(_event(item, i, where, line))
    for _, where, item in line.objects(obj, "stances"):
        doc.stances.append(_stance(item, where, line))
    for _, where, item in line.objects(obj, "excluded"):
        doc.excluded.append(
            ImportedExcluded(
                start=line.get(item, "start", int, where),
                end=line.get(item, "end", int, where),
                reason=line.get(item, "reason", str, where, ""),
                line=line.number,
            )
        )
    return doc


def _entity(item: dict, i: int, where: str, line: _Line) -> ImportedEntity:
    return ImportedEntity(
        ref=_ref(item.get("id", f"#{i}"), line, f"{where}id"),
        label=line.get(item, "label", str, where),
        start=line.get(item, "start", int, where),
        end=line.get(item, "end", int, where),
        text=line.get(item, "text", str, where, None),
        note=line.get(item, "note", str, where, ""),
        line=line.number,
        score=_score(item, where, line),
    )


def _score(item: dict, where: str, line: _Line) -> float | None:
    try:
        return score_of(item.get("score"))
    except ValueError as err:
        raise line.fail(f"{where}{err}") from None


def _event(item: dict, i: int, where: str, line: _Line) -> ImportedEvent:
    trigger = line.get(item, "trigger", dict, where)
    arguments = []
    for _, arg_where, arg in line.objects(item, "arguments", where):
        arguments.append(
            ImportedArgument(
                role=line.get(arg, "role", str, arg_where),
                entity_ref=_ref(arg.get("entity"), line, f"{arg_where}entity"),
                line=line.number,
            )
        )
    return ImportedEvent(
        ref=_ref(item.get("id", f"#{i}"), line, f"{where}id"),
        type=line.get(item, "type", str, where),
        start=line.get(trigger, "start", int, f"{where}trigger."),
        end=line.get(trigger, "end", int, f"{where}trigger."),
        text=line.get(trigger, "text", str, f"{where}trigger.", None),
        arguments=arguments,
        note=line.get(item, "note", str, where, ""),
        line=line.number,
        score=_score(item, where, line),
    )


def _stance(item: dict, where: str, line: _Line) -> ImportedStance:
    scope = line.get(item, "scope", str, where)
    if scope not in ("document", "attributed"):
        raise line.fail(
            Message(
                "{field} must be 'document' or 'attributed', not {value}",
                field=f"{where}scope",
                value=repr(scope),
            )
        )
    target = line.get(item, "target", dict, where)
    holder = item.get("holder")
    evidence = []
    for _, ev_where, ev in line.objects(item, "evidence", where):
        evidence.append(
            (
                line.get(ev, "start", int, ev_where),
                line.get(ev, "end", int, ev_where),
                line.get(ev, "text", str, ev_where, None),
            )
        )
    if ("label" in target) == ("entity" in target):
        raise line.fail(
            Message("{field} must have either 'label' or 'entity'", field=f"{where}target")
        )
    return ImportedStance(
        scope=scope,
        polarity=line.get(item, "polarity", str, where),
        holder_ref=_ref(holder, line, f"{where}holder") if holder is not None else None,
        target_label=line.get(target, "label", str, f"{where}target.", None),
        target_ref=_ref(target["entity"], line, f"{where}target.entity")
        if "entity" in target
        else None,
        evidence=evidence,
        note=line.get(item, "note", str, where, ""),
        line=line.number,
    )


__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "Writer", "read", "record_line", "record_to_json"]
