"""Label Studio JSON: a list of tasks, each `{"data": {"text": ...}, "annotations":
[{"result": [...]}]}`.

Written: one task per document and set, tasks and their annotation numbered from 1
(`id`, as Label Studio's own exports and its converter want them), the annotation
naming its set in `completed_by`; entities as `labels` results
(`from_name` "label"), event triggers as `labels` results of the control "event",
each argument a `relation` result (trigger -> entity, labelled with the role).
Offsets are UTF-16 units by default (the browser's count; option `offsets`), and
every result carries its text. A labelling config matching the schema is
written beside the file (`NAME.config.xml`) to paste into the project settings.

Read: a task list (or one task). Of a task's annotations, the first not
cancelled is imported (or, when there is none, the first prediction); results
of other types (choices, text areas...) are reported, not imported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

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
    read_utf8,
    score_of,
)
from core.io.formats.spans import flatten
from core.project.atomic import AtomicOutput
from core.schema.model import ProjectSchema
from models.messages import Message

CONFIG_SUFFIX = ".config.xml"
MAX_FILE_BYTES = 512 * 1024 * 1024


def config_path_for(path: Path) -> Path:
    stem = path.name.removesuffix(path.suffix) if path.suffix else path.name
    return path.with_name(stem + CONFIG_SUFFIX)


def labeling_config(schema: ProjectSchema) -> str:
    lines = ["<View>", '  <Header value="$title"/>', '  <Labels name="label" toName="text">']
    for label in schema.entity_labels:
        lines.append(
            f"    <Label value={quoteattr(label.key)} background={quoteattr(label.color)}"
            f" hint={quoteattr(label.display_name)}/>"
        )
    lines.append("  </Labels>")
    if schema.event_types:
        lines.append('  <Labels name="event" toName="text">')
        for label in schema.event_types:
            lines.append(
                f"    <Label value={quoteattr(label.key)} background={quoteattr(label.color)}"
                f" hint={quoteattr(label.display_name)}/>"
            )
        lines.append("  </Labels>")
        roles = sorted({role.key for role in schema.roles})
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(role)}/>" for role in roles]
        lines.append("  </Relations>")
    lines += ['  <Text name="text" value="$text"/>', "</View>", ""]
    return "\n".join(lines)


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.unit = context.options.get("offsets", UTF16)
        self._file = open(out.path(), "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._file.write("[")
        self._first = True
        self._tasks = 0  # task and annotation ids: 1, 2, ... in the file

    def write(self, record: DocumentRecord) -> None:
        spans, relations = flatten(record, self.unit)
        result: list[dict[str, Any]] = [
            {
                "id": s.ref,
                "from_name": "event" if s.ref.startswith("v") else "label",
                "to_name": "text",
                "type": "labels",
                "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]},
            }
            for s in spans
        ]
        result += [
            {
                "from_id": r.from_ref,
                "to_id": r.to_ref,
                "type": "relation",
                "direction": "right",
                "labels": [r.type],
            }
            for r in relations
        ]
        self._tasks += 1
        task = {
            "id": self._tasks,
            "data": {
                "text": record.text,
                "title": record.title,
                "document_id": record.document_id,
                "annotation_set": record.set_name,
                "offset_unit": self.unit,
            },
            "annotations": [
                {
                    "id": self._tasks,
                    "result": result,
                    "was_cancelled": False,
                    "completed_by": record.set_name,
                    "created_at": record.updated_at,
                    "updated_at": record.updated_at,
                }
            ],
        }
        if record.stances:
            self.context.left_out[Message("stances (Label Studio has no place for them here)")] += (
                len(record.stances)
            )
        if record.excluded:
            self.context.left_out[
                Message("excluded ranges (Label Studio has no place for them)")
            ] += len(record.excluded)
        self._file.write("\n" if self._first else ",\n")
        self._first = False
        self._file.write(json.dumps(task, ensure_ascii=False))

    def close(self) -> None:
        self._file.write("\n]\n")
        self._file.close()
        config = config_path_for(self.out.target)
        with open(self.out.path(config.name), "w", encoding="utf-8", newline="\n") as f:
            f.write(labeling_config(self.context.schema))

    def abort(self) -> None:
        self._file.close()


# --- reading -------------------------------------------------------------------------------


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=UTF16)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise FormatError(path.name, Message("is larger than 512 MB"))
    content = read_utf8(path)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as err:
        raise FormatError(
            path.name, Message("invalid JSON ({detail})", detail=err.msg), err.lineno
        ) from None
    tasks = data if isinstance(data, list) else [data]
    several = 0
    for index, task in enumerate(tasks):
        where = f"{path.name} task {index + 1}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise FormatError(
                path.name, Message("task {number} has no 'data' object", number=index + 1)
            )
        doc, had_several = _task(task, where, path, parsed)
        several += had_several
        parsed.documents.append(doc)
    if not parsed.documents:
        raise FormatError(path.name, Message("holds no tasks"))
    if several:
        parsed.warnings.append(
            Message(
                "{file}: {count} task(s) had several annotations; the first one of each was "
                "imported",
                file=path.name,
                count=several,
            )
        )
    return parsed


def _text_of(data: dict, where: str, path: Path) -> str:
    if isinstance(data.get("text"), str):
        return data["text"]
    texts = [v for v in data.values() if isinstance(v, str) and len(v) > 0]
    if len(texts) == 1:
        return texts[0]
    raise FormatError(path.name, Message("{where}: data has no 'text' field", where=where))


def _task(task: dict, where: str, path: Path, parsed: ParsedFile) -> tuple[ImportedDocument, bool]:
    data = task["data"]
    text = _text_of(data, where, path)
    annotations = [
        a
        for a in task.get("annotations") or []
        if isinstance(a, dict) and not a.get("was_cancelled")
    ]
    chosen = annotations[:1]
    if not chosen:
        predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        chosen = predictions[:1]
        if chosen:
            parsed.warnings.append(
                Message("{where}: no annotation; its prediction was imported", where=where)
            )
    unit = data.get("offset_unit")
    source_set = data.get("annotation_set")
    title = data.get("title")
    doc = ImportedDocument(
        text=text,
        where=where,
        title=title if isinstance(title, str) else "",
        meta={k: v for k, v in data.items() if k not in ("text", "title", "offset_unit")},
        unit=unit if unit in OFFSET_UNITS else None,
        source_set=source_set if isinstance(source_set, str) else None,
        file=str(path),
    )
    results = chosen[0].get("result") if chosen else []
    # a prediction's own score stands for its results that give none
    overall = _score(chosen[0].get("score"), path, where, "score") if chosen else None
    if not isinstance(results, list):
        raise FormatError(path.name, Message("{where}: 'result' must be a list", where=where))
    for i, item in enumerate(results):
        if not isinstance(item, dict):
            raise FormatError(
                path.name,
                Message("{where}: result {number} is not an object", where=where, number=i + 1),
            )
        if item.get("type") == "relation":
            _relation(doc, item, i, where, path, parsed)
        else:
            _labels(doc, item, i, where, path, parsed, overall)
    return doc, len(annotations) > 1


def _relation(
    doc: ImportedDocument, item: dict, i: int, where: str, path: Path, parsed: ParsedFile
) -> None:
    """A "relation" result: one relation per label (none without a label)."""
    labels = item.get("labels") or []
    if "from_id" not in item or "to_id" not in item:
        raise FormatError(
            path.name,
            Message(
                "{where}: relation {number} needs from_id and to_id", where=where, number=i + 1
            ),
        )
    if not labels:
        parsed.left_out[Message("Label Studio relations without a label")] += 1
        return
    for label in labels:
        doc.relations.append(ImportedRelation(str(item["from_id"]), str(item["to_id"]), label))


def _labels(
    doc: ImportedDocument,
    item: dict,
    i: int,
    where: str,
    path: Path,
    parsed: ParsedFile,
    overall: float | None,
) -> None:
    """A labels result on the text: one entity per label (other results are left out)."""
    kind = item.get("type")
    value = item.get("value")
    if not isinstance(value, dict) or "start" not in value or "end" not in value:
        parsed.left_out[Message("Label Studio results of type {kind!r}", kind=kind)] += 1
        return
    labels = next((v for k, v in value.items() if k.endswith("labels")), None)
    if not isinstance(labels, list) or not labels:
        parsed.left_out[Message("Label Studio results of type {kind!r}", kind=kind)] += 1
        return
    start, end = value["start"], value["end"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise FormatError(
            path.name,
            Message(
                "{where}: result {number} start/end must be numbers", where=where, number=i + 1
            ),
        )
    ref = str(item.get("id", f"#{i}"))
    for k, label in enumerate(labels):
        doc.entities.append(
            ImportedEntity(
                ref=ref if k == 0 else f"{ref}#{k}",
                label=str(label),
                start=start,
                end=end,
                text=value.get("text") if isinstance(value.get("text"), str) else None,
                score=_score(item.get("score"), path, where, f"result {i + 1} score")
                if item.get("score") is not None
                else overall,
            )
        )


def _score(value: Any, path: Path, where: str, what: str) -> float | None:
    try:
        return score_of(value)
    except ValueError as err:
        raise FormatError(
            path.name, Message("{where}: {what}: {reason}", where=where, what=what, reason=str(err))
        ) from None


__all__ = ["CONFIG_SUFFIX", "Writer", "config_path_for", "labeling_config", "read"]
