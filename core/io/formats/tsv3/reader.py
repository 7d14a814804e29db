"""Reading WebAnno TSV 3.x: the header's layers and columns, the sentences and their
units (tokens and sub-tokens), then the annotations the columns spell.

Span layers become entities (label: the `value` feature, else the first feature, else
the layer's short name when the feature is empty), or events when the layer has a
slot feature (type likewise; each filled slot an argument: its role, else the
feature's name, and the entity it points at). Relation and chain layers, zero-length
spans and slots pointing at events are counted as left out. The text is rebuilt as
INCEpTION rebuilds it: the sentences' `#Text=` lines, padded with spaces up to each
sentence's first offset. Offsets count UTF-16 units; tokens and sentences are kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from core.io.formats.common import (
    UTF16,
    FormatError,
    ImportedArgument,
    ImportedDocument,
    ImportedEntity,
    ImportedEvent,
    ParsedFile,
    read_utf8,
)
from core.io.formats.offsets import utf16_length
from core.io.formats.tsv3.escaping import split_id, split_unescaped, unescape_text, unescape_value
from models.messages import Message

FORMAT_PREFIX = "#FORMAT=WebAnno TSV 3"


@dataclass
class Column:
    layer: str  # the UIMA type
    kind: str  # "value", "role", "target", "other" (relation and chain columns)
    feature: str = ""


@dataclass
class Layer:
    type: str
    kind: str  # "span", "relation", "chain"
    features: list[str] = field(default_factory=list)  # primitive features, in order
    slot: str = ""  # the slot feature's name (span layers with one)
    target_type: str = ""

    @property
    def short_name(self) -> str:
        return self.type.rsplit(".", 1)[-1]

    def label_feature(self) -> int | None:
        if not self.features or self.features == [""]:
            return None
        return self.features.index("value") if "value" in self.features else 0


@dataclass
class _Annotation:
    layer: str
    begin: int
    end: int
    values: dict[int, str] = field(default_factory=dict)  # feature index -> value
    roles: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    line: int = 0


def parse_header(lines: list[str], path: Path) -> tuple[list[Layer], list[Column], int]:
    """The layers and columns the header declares, and the first line after it."""
    if not lines or not lines[0].startswith(FORMAT_PREFIX):
        raise FormatError(
            path.name, Message("is not a WebAnno TSV 3 file (no #FORMAT=WebAnno TSV 3.x)"), 1
        )
    layers: list[Layer] = []
    columns: list[Column] = []
    number = 1
    while number < len(lines) and lines[number].startswith("#T_"):
        kind_code, _, spec = lines[number].partition("=")
        type_name, *features = spec.split("|")
        kind = {"#T_SP": "span", "#T_RL": "relation", "#T_CH": "chain"}.get(kind_code)
        if kind is None:
            raise FormatError(
                path.name,
                Message("unknown layer kind {kind_code}", kind_code=kind_code),
                number + 1,
            )
        layer = Layer(type_name, kind)
        i = 0
        while i < len(features):
            feature = features[i]
            if kind == "span" and feature.startswith("ROLE_"):
                if i + 1 >= len(features):
                    raise FormatError(
                        path.name, Message("a slot feature without its target type"), number + 1
                    )
                layer.slot = feature.partition(":")[2].rpartition("_")[0] or "role"
                layer.target_type = features[i + 1]
                columns += [Column(type_name, "role"), Column(type_name, "target")]
                i += 2
                continue
            if kind == "span":
                columns.append(Column(type_name, "value", feature))
                layer.features.append(feature)
            else:
                columns.append(Column(type_name, "other", feature))
            i += 1
        if kind == "span" and not features:
            columns.append(Column(type_name, "value", ""))
            layer.features.append("")
        layers.append(layer)
        number += 1
    return layers, columns, number


class _Reader:
    def __init__(self, path: Path, parsed: ParsedFile):
        self.path = path
        self.parsed = parsed
        self.text: list[str] = []
        self.length = 0  # of the text so far, in UTF-16 units
        self.tokens: list[tuple[int, int]] = []
        self.sentences: list[tuple[int, int]] = []
        self.annotations: dict[tuple, _Annotation] = {}
        self.first_unit: dict[tuple, str] = {}  # annotation key -> its first unit's id
        self.by_unit: dict[tuple[str, str], list[tuple]] = defaultdict(list)  # (layer, unit)

    def fail(self, message: str, number: int) -> FormatError:
        return FormatError(self.path.name, message, number)

    def start_sentence(self, text_lines: list[str], begin: int, number: int) -> None:
        if self.length > begin and self.text and self.text[-1].endswith("\n"):
            self.text[-1] = self.text[-1][:-1]  # no space between the sentences
            self.length -= 1
        if self.length > begin:
            raise self.fail(
                Message("sentence starts at {begin}, before the text so far ends", begin=begin),
                number,
            )
        self.text.append(" " * (begin - self.length))
        sentence_text = "\n".join(text_lines) + "\n"
        self.text.append(sentence_text)
        self.length = begin + utf16_length(sentence_text)

    def unit(
        self, fields: list[str], columns: list[Column], layers: dict[str, Layer], number: int
    ) -> None:
        unit_id, offsets = fields[0], fields[1]
        begin_text, _, end_text = offsets.partition("-")
        if not (begin_text.isdigit() and end_text.isdigit()):
            raise self.fail(
                Message("offsets {offsets} are not BEGIN-END", offsets=repr(offsets)), number
            )
        begin, end = int(begin_text), int(end_text)
        if begin > end or end > self.length:
            raise self.fail(
                Message("offsets {offsets} lie outside the sentence text", offsets=str(offsets)),
                number,
            )
        if "." not in unit_id:
            if begin == end:
                raise self.fail("a token is empty", number)
            self.tokens.append((begin, end))
        stacks: dict[str, dict[int, list[str]]] = defaultdict(dict)  # layer -> column -> values
        for index, (column, raw) in enumerate(zip(columns, fields[3:], strict=False)):
            if raw != "_":
                stacks[column.layer][index] = split_unescaped(raw, "|")
        for layer_type, by_column in stacks.items():
            layer = layers[layer_type]
            if layer.kind != "span":
                self.parsed.left_out[
                    Message("{kind} annotations ({layer})", kind=layer.kind, layer=layer.short_name)
                ] += max(len(values) for values in by_column.values())
                continue
            self.read_stack(layer, columns, by_column, unit_id, begin, end, number)

    def read_stack(
        self,
        layer: Layer,
        columns: list[Column],
        by_column: dict[int, list[str]],
        unit_id: str,
        begin: int,
        end: int,
        number: int,
    ) -> None:
        for index, values in sorted(by_column.items()):
            column = columns[index]
            for position, raw in enumerate(values):
                if column.kind == "target":
                    key = self.stack_key(layer, by_column, columns, unit_id, position)
                    annotation = self.annotations.get(key)
                    if annotation is not None and not annotation.targets and raw != "*":
                        annotation.targets = split_unescaped(raw, ";")
                    continue
                value, disambiguation = split_id(raw)
                key = (
                    (layer.type, disambiguation)
                    if disambiguation is not None
                    else (layer.type, unit_id, position)
                )
                annotation = self.annotations.get(key)
                if annotation is None:
                    annotation = _Annotation(layer.type, begin, end, line=number)
                    self.annotations[key] = annotation
                    self.first_unit[key] = unit_id
                    self.by_unit[(layer.type, unit_id)].append(key)
                else:
                    annotation.begin = min(annotation.begin, begin)
                    annotation.end = max(annotation.end, end)
                if column.kind == "role":
                    if value != "_" and not annotation.roles:
                        annotation.roles = [unescape_value(r) for r in split_unescaped(value, ";")]
                else:
                    feature = layer.features.index(column.feature)
                    if value != "*":
                        annotation.values[feature] = unescape_value(value)

    @staticmethod
    def stack_key(
        layer: Layer,
        by_column: dict[int, list[str]],
        columns: list[Column],
        unit_id: str,
        position: int,
    ) -> tuple:
        """The annotation a slot target value belongs to: the one at the same place in the
        layer's role column."""
        for index, values in by_column.items():
            if columns[index].kind == "role" and position < len(values):
                _, disambiguation = split_id(values[position])
                if disambiguation is not None:
                    return (layer.type, disambiguation)
        return (layer.type, unit_id, position)


def read(path: Path) -> ParsedFile:
    """A TSV file, or a folder of them (one document each)."""
    parsed = ParsedFile(path, default_unit=UTF16)
    files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
    if not files:
        raise FormatError(path.name, Message("holds no .tsv files"))
    for file in files:
        _read_file(file, parsed)
    return parsed


def _read_file(path: Path, parsed: ParsedFile) -> None:
    content = read_utf8(path)
    lines = content.split("\n")
    layer_list, columns, number = parse_header(lines, path)
    layers = {layer.type: layer for layer in layer_list}
    reader = _Reader(path, parsed)
    text_lines: list[str] = []
    in_sentence = False
    sentence_begin = sentence_end = 0
    expected = len(columns) + 3
    for index in range(number, len(lines)):
        line = lines[index].rstrip("\r")
        at = index + 1
        if not line:
            if in_sentence:
                reader.sentences.append((sentence_begin, sentence_end))
            in_sentence = False
            continue
        if line.startswith("#Text="):
            if in_sentence:
                raise reader.fail("#Text= inside a sentence's tokens", at)
            text_lines.append(unescape_text(line[len("#Text=") :]))
            continue
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < expected:
            raise reader.fail(
                Message(
                    "expected {expected} tab-separated fields, found {found}",
                    expected=expected,
                    found=len(fields),
                ),
                at,
            )
        if not in_sentence:
            if not text_lines:
                raise reader.fail("a token line before its sentence's #Text=", at)
            begin = fields[1].partition("-")[0]
            if not begin.isdigit():
                raise reader.fail(
                    Message("offsets {offsets} are not BEGIN-END", offsets=repr(fields[1])), at
                )
            reader.start_sentence(text_lines, int(begin), at)
            text_lines = []
            in_sentence = True
            sentence_begin = int(begin)
        reader.unit(fields, columns, layers, at)
        if "." not in fields[0]:
            sentence_end = reader.tokens[-1][1]
    if in_sentence:
        reader.sentences.append((sentence_begin, sentence_end))
    if not reader.tokens:
        raise FormatError(path.name, Message("holds no tokens"))
    parsed.documents.append(_document(path, reader, layers))


def _document(path: Path, reader: _Reader, layers: dict[str, Layer]) -> ImportedDocument:
    text = "".join(reader.text)
    doc = ImportedDocument(
        text=text,
        where=path.name,
        title=path.stem,
        rebuilt=True,
        file=str(path),
        unit=UTF16,
        tokens=reader.tokens,
        sentences=reader.sentences,
    )
    left_out = reader.parsed.left_out
    refs: dict[tuple, str] = {}
    events: list[tuple[tuple, _Annotation, Layer]] = []
    for key, annotation in reader.annotations.items():
        layer = layers[annotation.layer]
        if annotation.begin == annotation.end:
            left_out[Message("zero-length annotations")] += 1
            continue
        feature = layer.label_feature()
        label = annotation.values.get(feature, "") if feature is not None else ""
        label = label or layer.short_name
        ref = f"{layer.short_name}:{'.'.join(map(str, key[1:]))}"
        if layer.slot:
            events.append((key, annotation, layer))
            doc.events.append(
                ImportedEvent(ref, label, annotation.begin, annotation.end, line=annotation.line)
            )
        else:
            refs[key] = ref
            doc.entities.append(
                ImportedEntity(ref, label, annotation.begin, annotation.end, line=annotation.line)
            )
    for (_, annotation, layer), event in zip(events, doc.events, strict=True):
        for n, target in enumerate(annotation.targets):
            role = annotation.roles[n] if n < len(annotation.roles) else "*"
            role = layer.slot if role in ("*", "") else role
            unit, disambiguation = split_id(target)
            target_keys = (
                [(layer.target_type, disambiguation)]
                if disambiguation is not None
                else reader.by_unit.get((layer.target_type, unit), [])[:1]
            )
            entity_ref = next((refs[k] for k in target_keys if k in refs), None)
            if entity_ref is None:
                left_out[
                    Message("event arguments that are not entities (slots pointing elsewhere)")
                ] += 1
                continue
            event.arguments.append(ImportedArgument(role, entity_ref, annotation.line))
    return doc


__all__ = ["FORMAT_PREFIX", "Column", "Layer", "parse_header", "read"]
