"""brat standoff: for each document a `.txt` (the text) and an `.ann` (the annotations).

Written (a folder): `T` lines for entities and event triggers (a span crossing a
line break is written as fragments, as brat itself does), `E` lines for events
with `Role:T..` pairs (a repeated role numbered Role, Role2, ... as brat does),
`#` AnnotatorNotes for notes, and `annotation.conf` / `visual.conf` generated
from the schema so brat shows the labels with their colours. Stances and
excluded ranges have no place in brat and are counted as left out.

Read: `T`, `E` and `#` AnnotatorNotes lines, in any order, with or without a
trailing TAB. A `T` whose fragments are separated only by whitespace becomes
one span. What Tawsim has no place for is reported, not imported: `A`/`M`
attributes, `R` relations, `N` normalisations, `*` equivalences, discontinuous
spans, and event arguments that are other events (Tawsim's arguments are
entity spans; the event itself is imported with its other arguments).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

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
    ParsedFile,
    read_utf8,
    safe_file_stem,
)
from core.project.atomic import AtomicOutput
from core.schema.model import ProjectSchema
from models.messages import Message

REPLACEABLE = (".txt", ".ann", ".conf")
_ROLE_NUMBER_RE = re.compile(r"^(.*\D)(\d+)$")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span as brat writes it: pieces that do not cross a line break."""
    pieces = []
    cut = start
    for i in range(start, end):
        if text[i] == "\n":
            if i > cut:
                pieces.append((cut, i))
            cut = i + 1
    if end > cut:
        pieces.append((cut, end))
    return pieces or [(start, end)]


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.per_set = context.selection.sets == "all"

    def write(self, record: DocumentRecord) -> None:
        stem = safe_file_stem(record, self.per_set)
        with open(self.out.path(stem + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(record.text)
        lines: list[str] = []
        t_of_entity: dict[int, str] = {}
        notes: list[tuple[str, str]] = []
        text = record.text
        numbers = itertools.count(1)

        def t_line(label: str, start: int, end: int) -> str:
            ident = f"T{next(numbers)}"
            pieces = _fragments(text, start, end)
            offsets = ";".join(f"{s} {e}" for s, e in pieces)
            shown = " ".join(text[s:e] for s, e in pieces)
            lines.append(f"{ident}\t{label} {offsets}\t{_one_line(shown)}")
            return ident

        for entity in record.entities:
            t_of_entity[entity.id] = t_line(entity.label, entity.start, entity.end)
            if entity.note:
                notes.append((t_of_entity[entity.id], entity.note))
        event_lines = []
        for n, event in enumerate(record.events, start=1):
            trigger = t_line(event.type, event.start, event.end)
            seen: Counter[str] = Counter()
            parts = [f"{event.type}:{trigger}"]
            for argument in event.arguments:
                seen[argument.role] += 1
                role = argument.role + (str(seen[argument.role]) if seen[argument.role] > 1 else "")
                parts.append(f"{role}:{t_of_entity[argument.entity_id]}")
            event_lines.append(f"E{n}\t{' '.join(parts)}")
            if event.note:
                notes.append((f"E{n}", event.note))
        lines.extend(event_lines)
        for n, (target, note) in enumerate(notes, start=1):
            lines.append(f"#{n}\tAnnotatorNotes {target}\t{' '.join(note.split())}")
        with open(self.out.path(stem + ".ann"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in lines))
        if record.stances:
            self.context.left_out[Message("stances (brat has no place for them)")] += len(
                record.stances
            )
        if record.excluded:
            self.context.left_out[Message("excluded ranges (brat has no place for them)")] += len(
                record.excluded
            )

    def close(self) -> None:
        schema = self.context.schema
        with open(self.out.path("annotation.conf"), "w", encoding="utf-8", newline="\n") as f:
            f.write(annotation_conf(schema))
        with open(self.out.path("visual.conf"), "w", encoding="utf-8", newline="\n") as f:
            f.write(visual_conf(schema))


def annotation_conf(schema: ProjectSchema) -> str:
    entity_keys = {label.id: label.key for label in schema.entity_labels}
    lines = ["# Generated by Tawsim from the project schema", "", "[entities]", ""]
    lines += [label.key for label in schema.entity_labels]
    lines += ["", "[relations]", "", "# none", "", "[events]", ""]
    for event_type in schema.event_types:
        roles = []
        for role in schema.roles_of(event_type.id):
            mark = {(True, True): "+", (True, False): "", (False, True): "*"}.get(
                (role.required, role.multiple), "?"
            )
            allowed = sorted(entity_keys[i] for i in role.allowed_label_ids if i in entity_keys)
            roles.append(f"{role.key}{mark}:{'|'.join(allowed) or '<ENTITY>'}")
        lines.append(f"{event_type.key}\t{', '.join(roles)}".rstrip())
    lines += ["", "[attributes]", "", "# none", ""]
    return "\n".join(lines)


def visual_conf(schema: ProjectSchema) -> str:
    lines = ["# Generated by Tawsim from the project schema", "", "[labels]", ""]
    items = schema.entity_labels + schema.event_types
    for label in items:
        names = [label.key] + [n for n in (label.name_en, label.name_ar) if n]
        lines.append(" | ".join(names))
    lines += ["", "[drawing]", ""]
    for label in items:
        lines.append(f"{label.key}\tbgColor:{label.color}")
    return "\n".join(lines) + "\n"


# --- reading -------------------------------------------------------------------------------


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    if path.is_dir():
        anns = sorted(p for p in path.rglob("*.ann") if not p.name.startswith("."))
        if not anns:
            raise FormatError(path, Message("holds no .ann files"))
    elif path.suffix == ".txt":
        anns = [path.with_suffix(".ann")]
    else:
        anns = [path]
    for ann in anns:
        parsed.documents.append(
            _read_pair(ann, parsed.left_out, base=path if path.is_dir() else None)
        )
    return parsed


def _decode(path: Path) -> str:
    try:
        return read_utf8(path)
    except FileNotFoundError:
        raise FormatError(path.name, Message("no such file")) from None


@dataclass
class _AnnFile:
    """The lines of one .ann file that become annotations, by id."""

    # T id -> (type, fragments, shown text, line)
    spans: dict[str, tuple[str, list[tuple[int, int]], str, int]] = field(default_factory=dict)
    # (E id, type, trigger id, [(role, id)], line)
    events: list[tuple[str, str, str, list[tuple[str, str]], int]] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # id -> AnnotatorNotes


def _read_pair(ann: Path, left_out: Counter[str], base: Path | None) -> ImportedDocument:
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise FormatError(ann.name, Message("has no text file {name} beside it", name=txt.name))
    text = _decode(txt)
    parsed = _parse_ann(ann.name, _decode(ann), left_out)
    relative = ann.relative_to(base).with_suffix("").as_posix() if base else ann.stem
    doc = ImportedDocument(
        text=text, where=ann.name, title=relative, source=relative, file=str(ann)
    )
    triggers = {trigger for _, _, trigger, _, _ in parsed.events}
    for ident, (label, pieces, shown, number) in parsed.spans.items():
        if ident in triggers:
            continue
        placed = _hull(text, pieces)
        if placed is None:
            left_out[Message("discontinuous spans (T lines with separate fragments)")] += 1
            continue
        start, end = placed
        doc.entities.append(
            ImportedEntity(ident, label, start, end, shown, parsed.notes.get(ident, ""), number)
        )
    _add_events(doc, parsed, ann.name, left_out)
    return doc


def _parse_ann(name: str, content: str, left_out: Counter[str]) -> _AnnFile:
    """Text-bound annotations, events and notes; other kinds of lines are counted."""
    parsed = _AnnFile()
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ident, tab, rest = line.partition("\t")
        if not tab or not ident:
            raise FormatError(name, Message("expected an id, a TAB and an annotation"), number)
        kind = ident[0]
        if kind == "T":
            span = _text_bound(name, ident, rest, number)
            if ident in parsed.spans:
                raise FormatError(
                    name, Message("{ident}: missing type or id used twice", ident=ident), number
                )
            parsed.spans[ident] = span
        elif kind == "E":
            parsed.events.append(_event_line(name, ident, rest, number))
        elif kind == "#":
            head, _, note = rest.partition("\t")
            fields = head.split()
            if len(fields) == 2 and fields[0] == "AnnotatorNotes":
                parsed.notes[fields[1]] = note.strip()
            else:
                left_out[Message("brat notes other than AnnotatorNotes")] += 1
        elif kind in "AM":
            left_out[Message("brat attributes (A lines)")] += 1
        elif kind == "R":
            left_out[Message("brat relations (R lines)")] += 1
        elif kind == "N":
            left_out[Message("brat normalisations (N lines)")] += 1
        elif kind == "*":
            left_out[Message("brat equivalences (* lines)")] += 1
        else:
            raise FormatError(
                name, Message("unknown annotation kind {ident!r}", ident=ident), number
            )
    return parsed


def _text_bound(
    name: str, ident: str, rest: str, number: int
) -> tuple[str, list[tuple[int, int]], str, int]:
    """A T line: (type, fragments, shown text, line)."""
    head, tab, shown = rest.partition("\t")
    if not tab:
        raise FormatError(
            name, Message("{ident} has no text after its offsets", ident=ident), number
        )
    label, _, offsets = head.partition(" ")
    pieces = []
    for piece in offsets.split(";"):
        bounds = piece.split()
        if len(bounds) != 2 or not all(b.isdigit() for b in bounds):
            raise FormatError(
                name,
                Message(
                    "{ident}: offsets {offsets!r} are not 'start end'", ident=ident, offsets=offsets
                ),
                number,
            )
        pieces.append((int(bounds[0]), int(bounds[1])))
    if not label:
        raise FormatError(
            name, Message("{ident}: missing type or id used twice", ident=ident), number
        )
    return label, pieces, shown, number


def _event_line(
    name: str, ident: str, rest: str, number: int
) -> tuple[str, str, str, list[tuple[str, str]], int]:
    """An E line: (id, type, trigger id, [(role, id)], line)."""
    fields = rest.split()
    if not fields or ":" not in fields[0]:
        raise FormatError(name, Message("{ident}: expected Type:Trigger", ident=ident), number)
    event_type, _, trigger = fields[0].partition(":")
    arguments = []
    for field_text in fields[1:]:
        role, colon, target = field_text.partition(":")
        if not colon or not role or not target:
            raise FormatError(
                name,
                Message(
                    "{ident}: argument {field_text!r} is not Role:Id",
                    ident=ident,
                    field_text=field_text,
                ),
                number,
            )
        arguments.append((role, target))
    return ident, event_type, trigger, arguments, number


def _hull(text: str, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    """One span covering the fragments, when only whitespace lies between them."""
    pieces = sorted(pieces)
    for (_, end), (start, _) in itertools.pairwise(pieces):
        if end > start or text[end:start].strip():
            return None
    return pieces[0][0], pieces[-1][1]


def _add_events(doc: ImportedDocument, parsed: _AnnFile, name: str, left_out: Counter[str]) -> None:
    """The events whose trigger is one span, with their arguments on entities."""
    spans = parsed.spans
    triggers = {trigger for _, _, trigger, _, _ in parsed.events}
    event_ids = {ident for ident, *_ in parsed.events}
    entity_refs = {e.ref for e in doc.entities}
    for ident, event_type, trigger, arguments, number in parsed.events:
        if trigger not in spans:
            raise FormatError(
                name,
                Message("{ident}: trigger {trigger} is not defined", ident=ident, trigger=trigger),
                number,
            )
        label, pieces, shown, _ = spans[trigger]
        if label != event_type:
            raise FormatError(
                name,
                Message(
                    "{ident}: type {event_type} differs from its trigger's ({label})",
                    ident=ident,
                    event_type=event_type,
                    label=label,
                ),
                number,
            )
        placed = _hull(doc.text, pieces)
        if placed is None:
            left_out[Message("events with a discontinuous trigger")] += 1
            continue
        roles_here = {role for role, _ in arguments}
        imported = []
        for role, target in arguments:
            numbered = _ROLE_NUMBER_RE.match(role)
            if numbered and int(numbered.group(2)) >= 2 and numbered.group(1) in roles_here:
                role = numbered.group(1)
            if target in entity_refs:
                imported.append(ImportedArgument(role, target, number))
            elif target in event_ids or target in triggers:
                left_out[
                    Message("event arguments that are events (arguments are entity spans)")
                ] += 1
            elif target in spans:
                left_out[Message("event arguments on discontinuous spans")] += 1
            else:
                raise FormatError(
                    name,
                    Message(
                        "{ident}: argument {role}:{target} is not defined",
                        ident=ident,
                        role=role,
                        target=target,
                    ),
                    number,
                )
        start, end = placed
        note = parsed.notes.get(ident, parsed.notes.get(trigger, ""))
        doc.events.append(
            ImportedEvent(ident, event_type, start, end, shown, imported, note, number)
        )


__all__ = ["REPLACEABLE", "Writer", "annotation_conf", "read", "visual_conf"]
