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
            self.context.left_out["stances (brat has no place for them)"] += len(record.stances)
        if record.excluded:
            self.context.left_out["excluded ranges (brat has no place for them)"] += len(
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
            raise FormatError(path, "holds no .ann files")
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
        raise FormatError(path.name, "no such file") from None


def _read_pair(ann: Path, left_out: Counter[str], base: Path | None) -> ImportedDocument:
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise FormatError(ann.name, f"has no text file {txt.name} beside it")
    text = _decode(txt)
    name = ann.name
    spans: dict[str, tuple[str, list[tuple[int, int]], str, int]] = {}
    events: list[tuple[str, str, str, list[tuple[str, str]], int]] = []
    notes: dict[str, str] = {}
    for number, line in enumerate(_decode(ann).split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ident, tab, rest = line.partition("\t")
        if not tab or not ident:
            raise FormatError(name, "expected an id, a TAB and an annotation", number)
        kind = ident[0]
        if kind == "T":
            head, tab, shown = rest.partition("\t")
            if not tab:
                raise FormatError(name, f"{ident} has no text after its offsets", number)
            label, _, offsets = head.partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                bounds = piece.split()
                if len(bounds) != 2 or not all(b.isdigit() for b in bounds):
                    raise FormatError(
                        name, f"{ident}: offsets {offsets!r} are not 'start end'", number
                    )
                pieces.append((int(bounds[0]), int(bounds[1])))
            if not label or ident in spans:
                raise FormatError(name, f"{ident}: missing type or id used twice", number)
            spans[ident] = (label, pieces, shown, number)
        elif kind == "E":
            fields = rest.split()
            if not fields or ":" not in fields[0]:
                raise FormatError(name, f"{ident}: expected Type:Trigger", number)
            event_type, _, trigger = fields[0].partition(":")
            arguments = []
            for field in fields[1:]:
                role, colon, target = field.partition(":")
                if not colon or not role or not target:
                    raise FormatError(name, f"{ident}: argument {field!r} is not Role:Id", number)
                arguments.append((role, target))
            events.append((ident, event_type, trigger, arguments, number))
        elif kind == "#":
            head, _, note = rest.partition("\t")
            fields = head.split()
            if len(fields) == 2 and fields[0] == "AnnotatorNotes":
                notes[fields[1]] = note.strip()
            else:
                left_out["brat notes other than AnnotatorNotes"] += 1
        elif kind in "AM":
            left_out["brat attributes (A lines)"] += 1
        elif kind == "R":
            left_out["brat relations (R lines)"] += 1
        elif kind == "N":
            left_out["brat normalisations (N lines)"] += 1
        elif kind == "*":
            left_out["brat equivalences (* lines)"] += 1
        else:
            raise FormatError(name, f"unknown annotation kind {ident!r}", number)

    relative = ann.relative_to(base).with_suffix("").as_posix() if base else ann.stem
    doc = ImportedDocument(text=text, where=name, title=relative, source=relative, file=str(ann))
    triggers = {trigger for _, _, trigger, _, _ in events}
    event_ids = {ident for ident, *_ in events}

    def hull(ident: str) -> tuple[int, int, str] | None:
        _, pieces, shown, _ = spans[ident]
        pieces = sorted(pieces)
        for (_, end), (start, _) in itertools.pairwise(pieces):
            if end > start or text[end:start].strip():
                return None
        return pieces[0][0], pieces[-1][1], shown

    for ident, (label, _, _, number) in spans.items():
        if ident in triggers:
            continue
        placed = hull(ident)
        if placed is None:
            left_out["discontinuous spans (T lines with separate fragments)"] += 1
            continue
        start, end, shown = placed
        doc.entities.append(
            ImportedEntity(ident, label, start, end, shown, notes.get(ident, ""), number)
        )
    entity_refs = {e.ref for e in doc.entities}
    for ident, event_type, trigger, arguments, number in events:
        if trigger not in spans:
            raise FormatError(name, f"{ident}: trigger {trigger} is not defined", number)
        label, _, _, _ = spans[trigger]
        if label != event_type:
            raise FormatError(
                name, f"{ident}: type {event_type} differs from its trigger's ({label})", number
            )
        placed = hull(trigger)
        if placed is None:
            left_out["events with a discontinuous trigger"] += 1
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
                left_out["event arguments that are events (arguments are entity spans)"] += 1
            elif target in spans:
                left_out["event arguments on discontinuous spans"] += 1
            else:
                raise FormatError(name, f"{ident}: argument {role}:{target} is not defined", number)
        start, end, shown = placed
        doc.events.append(
            ImportedEvent(
                ident,
                event_type,
                start,
                end,
                shown,
                imported,
                notes.get(ident, notes.get(trigger, "")),
                number,
            )
        )
    return doc


__all__ = ["REPLACEABLE", "Writer", "annotation_conf", "read", "visual_conf"]
