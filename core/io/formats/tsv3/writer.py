"""Writing WebAnno TSV 3.3: one file per record in a folder (INCEpTION imports one
document per file); see the package docstring for the layers."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO

from core.io.dataset import Argument, DocumentRecord
from core.io.formats.common import ExportContext, FormatWriter, safe_file_stem
from core.io.formats.iob import TaggedDocument, tag_document
from core.io.formats.offsets import Utf16Offsets
from core.io.formats.tsv3.escaping import escape_text, escape_value
from core.project.atomic import AtomicOutput

FORMAT_LINE = "#FORMAT=WebAnno TSV 3.3"
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
EVENT = "webanno.custom.Event"
EVENT_LINK = "webanno.custom.EventArgumentsLink"
REPLACEABLE = (".tsv",)


def header(with_events: bool) -> str:
    lines = [FORMAT_LINE, f"#T_SP={NAMED_ENTITY}|identifier|value"]
    if with_events:
        lines.append(f"#T_SP={EVENT}|value|ROLE_{EVENT}:arguments_{EVENT_LINK}|{NAMED_ENTITY}")
    return "\n".join(lines) + "\n\n\n"


@dataclass
class _Span:
    layer: int  # 0 named entity, 1 event
    start: int
    end: int
    label: str
    units: list[tuple[int, int, int]] = field(default_factory=list)  # (token, begin, end)
    disambiguation: str = ""
    arguments: list[tuple[str, int]] = field(default_factory=list)  # (role, entity id)


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.with_events = bool(context.schema.event_types)
        self.header = header(self.with_events)
        self.per_set = context.selection.sets == "all"

    def write(self, record: DocumentRecord) -> None:
        left_out = self.context.left_out
        if record.stances:
            left_out["stances (WebAnno TSV holds entities and events here)"] += len(record.stances)
        if record.events and not self.with_events:
            left_out["events (the schema has no event types)"] += len(record.events)
        tagged = tag_document(record, "keep")
        spans, by_entity = self._spans(record, tagged)
        _disambiguate(spans)
        path = self.out.path(safe_file_stem(record, self.per_set) + ".tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(self.header)
            self._body(f, record.text, tagged, spans, by_entity)

    def _spans(
        self, record: DocumentRecord, tagged: TaggedDocument
    ) -> tuple[list[_Span], dict[int, _Span]]:
        starts, ends = tagged.starts, tagged.ends
        spans: list[_Span] = []
        by_entity: dict[int, _Span] = {}
        items: list[tuple[int, int, int, str, int, tuple[Argument, ...]]] = [
            (0, e.start, e.end, e.label, e.id, ()) for e in record.entities
        ]
        if self.with_events:
            items += [(1, e.start, e.end, e.type, -1, e.arguments) for e in record.events]
        for layer, start, end, label, entity_id, arguments in items:
            first = bisect_right(ends, start)
            last = bisect_left(starts, end) - 1
            if first > last:
                self.context.left_out["annotations covering no token (only spaces)"] += 1
                continue
            span = _Span(layer, start, end, label)
            for k in range(first, last + 1):
                span.units.append((k, max(start, starts[k]), min(end, ends[k])))
            span.arguments = [(a.role, a.entity_id) for a in arguments]
            spans.append(span)
            if entity_id >= 0:
                by_entity[entity_id] = span
        spans.sort(key=lambda s: (s.units[0][0], s.start, -s.end, s.layer, s.label))
        return spans, by_entity

    def _body(
        self,
        f: IO[str],
        text: str,
        tagged: TaggedDocument,
        spans: list[_Span],
        by_entity: dict[int, _Span],
    ) -> None:
        starts, ends, texts = tagged.starts, tagged.ends, tagged.texts
        utf16 = Utf16Offsets(text)
        unit16 = (lambda offset: offset) if utf16.identical else utf16.to_utf16
        columns = 5 if self.with_events else 2
        empty = "_\t" * columns
        # unit ids: token k of sentence s is "s-t"; its sub-tokens "s-t.n"
        token_id: dict[int, str] = {}
        for s, (first, end) in enumerate(tagged.sentences, start=1):
            for t, k in enumerate(range(first, end), start=1):
                token_id[k] = f"{s}-{t}"
        sub_units: dict[int, list[tuple[int, int]]] = defaultdict(list)
        on_unit: dict[tuple[int, int, int], list[_Span]] = defaultdict(list)
        for span in spans:
            for k, begin, end in span.units:
                whole = begin == starts[k] and end == ends[k]
                key = (k, -1, -1) if whole else (k, begin, end)
                if not whole and (begin, end) not in sub_units[k]:
                    sub_units[k].append((begin, end))
                on_unit[key].append(span)
        unit_name: dict[tuple[int, int, int], str] = {}
        for k, subs in sub_units.items():
            subs.sort()
            for n, (begin, end) in enumerate(subs, start=1):
                unit_name[(k, begin, end)] = f"{token_id[k]}.{n}"
        first_unit: dict[int, str] = {}
        for span in spans:
            k, begin, end = span.units[0]
            whole = begin == starts[k] and end == ends[k]
            first_unit[id(span)] = token_id[k] if whole else unit_name[(k, begin, end)]

        def values(unit_spans: list[_Span]) -> str:
            entities = [s for s in unit_spans if s.layer == 0]
            events = [s for s in unit_spans if s.layer == 1]
            cells = [
                "|".join("*" + s.disambiguation for s in entities) or "_",
                "|".join(escape_value(s.label) + s.disambiguation for s in entities) or "_",
            ]
            if self.with_events:
                cells.append(
                    "|".join(escape_value(s.label) + s.disambiguation for s in events) or "_"
                )
                roles, targets = [], []
                for s in events:
                    kept = [(r, by_entity[e]) for r, e in s.arguments if e in by_entity]
                    roles.append(
                        (";".join(escape_value(r) for r, _ in kept) or "_") + s.disambiguation
                    )
                    targets.append(
                        ";".join(first_unit[id(t)] + t.disambiguation for _, t in kept) or "*"
                    )
                cells += ["|".join(roles) or "_", "|".join(targets) or "_"]
            return "\t".join(cells) + "\t"

        parts: list[str] = []
        for first, end in tagged.sentences:
            sentence = text[starts[first] : ends[end - 1]]
            parts.extend(f"#Text={escape_text(line)}\n" for line in sentence.split("\n"))
            for k in range(first, end):
                key = (k, -1, -1)
                cells = values(on_unit[key]) if key in on_unit else empty
                parts.append(
                    f"{token_id[k]}\t{unit16(starts[k])}-{unit16(ends[k])}\t{texts[k]}\t{cells}\n"
                )
                for begin, sub_end in sub_units.get(k, ()):
                    key = (k, begin, sub_end)
                    parts.append(
                        f"{unit_name[key]}\t{unit16(begin)}-{unit16(sub_end)}\t"
                        f"{text[begin:sub_end]}\t{values(on_unit[key])}\n"
                    )
            parts.append("\n")
        f.write("".join(parts))


def _disambiguate(spans: list[_Span]) -> None:
    """INCEpTION's disambiguation ids: for an annotation over several units, or sharing a
    unit with another of its layer; numbered in order from 1."""
    per_unit: dict[tuple[int, int, int, int], int] = defaultdict(int)
    for span in spans:
        for unit in span.units:
            per_unit[(span.layer, *unit)] += 1
    number = 0
    for span in spans:
        if len(span.units) > 1 or any(per_unit[(span.layer, *u)] > 1 for u in span.units):
            number += 1
            span.disambiguation = f"[{number}]"


__all__ = ["EVENT", "EVENT_LINK", "FORMAT_LINE", "NAMED_ENTITY", "REPLACEABLE", "Writer", "header"]
