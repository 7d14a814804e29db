"""Writing WebAnno TSV 3.3: one file per record in a folder (INCEpTION imports one
document per file); see the package docstring for the layers."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from core.io.dataset import Argument, DocumentRecord
from core.io.formats.common import ExportContext, FormatWriter, safe_file_stem
from core.io.formats.iob import TaggedDocument, interleaved, tag_document
from core.io.formats.offsets import Utf16Offsets
from core.io.formats.tsv3.escaping import TEXT_NEEDS_ESCAPES, escape_text, escape_value
from core.project.atomic import AtomicOutput
from models.messages import Message

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


@dataclass(slots=True)
class _Span:
    layer: int  # 0 named entity, 1 event
    start: int
    end: int
    label: str
    units: list[tuple[int, int, int]]  # (token, begin, end)
    arguments: list[tuple[str, int]]  # (role, entity id)
    disambiguation: str = ""


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.with_events = bool(context.schema.event_types)
        self.header = header(self.with_events)
        self.per_set = context.selection.sets == "all"
        self._numbers = [f"{n}\t" for n in range(1, 257)]  # token numbers and their tab
        # offset n's text as a token's begin ("n-") and end ("n\t"): looked up, not made
        # anew for each of millions of tokens
        self._begins: list[str] = []
        self._ends: list[str] = []

    def write(self, record: DocumentRecord) -> None:
        left_out = self.context.left_out
        if record.stances:
            left_out[Message("stances (WebAnno TSV holds entities and events here)")] += len(
                record.stances
            )
        if record.events and not self.with_events:
            left_out[Message("events (the schema has no event types)")] += len(record.events)
        tagged = tag_document(record, "keep")
        spans, by_entity = self._spans(record, tagged)
        _disambiguate(spans)
        path = self.out.path(safe_file_stem(record, self.per_set) + ".tsv")
        body = self._body(record.text, tagged, spans, by_entity)
        with open(path, "wb") as f:  # one write of the whole file (a folder holds thousands)
            f.write((self.header + body).encode("utf-8"))

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
                self.context.left_out[Message("annotations covering no token (only spaces)")] += 1
                continue
            units = (
                [(first, max(start, starts[first]), min(end, ends[first]))]
                if first == last
                else [(k, max(start, starts[k]), min(end, ends[k])) for k in range(first, last + 1)]
            )
            span = _Span(
                layer,
                start,
                end,
                label,
                units,
                [(a.role, a.entity_id) for a in arguments] if arguments else [],
            )
            spans.append(span)
            if entity_id >= 0:
                by_entity[entity_id] = span
        spans.sort(key=lambda s: (s.units[0][0], s.start, -s.end, s.layer, s.label))
        return spans, by_entity

    def _body(
        self,
        text: str,
        tagged: TaggedDocument,
        spans: list[_Span],
        by_entity: dict[int, _Span],
    ) -> str:
        starts, ends, texts = tagged.starts, tagged.ends, tagged.texts
        utf16 = Utf16Offsets(text)
        starts16 = starts if utf16.identical else list(map(utf16.to_utf16, starts))
        ends16 = ends if utf16.identical else list(map(utf16.to_utf16, ends))
        firsts = [first for first, _ in tagged.sentences]

        def token_id(k: int) -> str:  # token k of sentence s is "s-t"
            s = bisect_right(firsts, k)
            return f"{s}-{k - firsts[s - 1] + 1}"

        sub_units: dict[int, list[tuple[int, int]]] = defaultdict(list)
        on_unit: dict[tuple[int, int, int], list[_Span]] = defaultdict(list)
        for span in spans:
            for k, begin, end in span.units:
                whole = begin == starts[k] and end == ends[k]
                key = (k, -1, -1) if whole else (k, begin, end)
                if not whole and (begin, end) not in sub_units[k]:
                    sub_units[k].append((begin, end))
                on_unit[key].append(span)
        unit_name: dict[tuple[int, int, int], str] = {}  # sub-tokens: "s-t.n"
        for k, subs in sub_units.items():
            subs.sort()
            for n, (begin, end) in enumerate(subs, start=1):
                unit_name[(k, begin, end)] = f"{token_id(k)}.{n}"
        first_unit: dict[int, str] = {}  # where an event's argument is named: its first unit
        targets = {entity_id for span in spans for _, entity_id in span.arguments}
        for span in (by_entity[e] for e in targets if e in by_entity):
            k, begin, end = span.units[0]
            whole = begin == starts[k] and end == ends[k]
            first_unit[id(span)] = token_id(k) if whole else unit_name[(k, begin, end)]
        cells = _Cells(self.with_events, by_entity, first_unit)
        # each token line's ending after its form; one shared one for unannotated tokens
        line_ends = ["\t" + cells.empty + "\n"] * len(texts)
        for (k, begin, _), unit_spans in on_unit.items():
            if begin < 0:
                line_ends[k] = "\t" + cells.of(unit_spans) + "\n"
        for k, subs in sub_units.items():
            line_ends[k] += "".join(
                f"{unit_name[(k, b, e)]}\t{utf16.to_utf16(b)}-{utf16.to_utf16(e)}\t{text[b:e]}\t"
                f"{cells.of(on_unit[(k, b, e)])}\n"
                for b, e in subs
            )
        # a token line is "s-t\tbegin-end\tform" and its ending: parallel per-token parts
        # joined across at once, a sentence's #Text lines before its first token
        sentence_of, numbers = self._sentence_parts(text, tagged, line_ends)
        if utf16.length >= len(self._begins):
            more = range(len(self._begins), 2 * utf16.length + 1)
            self._begins += map("{}-".format, more)
            self._ends += map("{}\t".format, more)
        return interleaved(
            (
                sentence_of,
                numbers,
                list(map(self._begins.__getitem__, starts16)),
                list(map(self._ends.__getitem__, ends16)),
                texts,
                line_ends,
            ),
            tagged,
        )

    def _sentence_parts(
        self, text: str, tagged: TaggedDocument, line_ends: list[str]
    ) -> tuple[list[str], list[str]]:
        """Per token, its sentence's "s-" (the first token's after the sentence's #Text
        lines) and its number in the sentence with a tab; each sentence's last line
        ending gets the blank line after it."""
        starts, ends = tagged.starts, tagged.ends
        numbers: list[str] = [""] * len(starts)
        sentence_of: list[str] = [""] * len(starts)
        texts_escaped = TEXT_NEEDS_ESCAPES.search(text) is not None
        for s, (first, end) in enumerate(tagged.sentences, start=1):
            sentence = text[starts[first] : ends[end - 1]]
            if texts_escaped:
                comments = "".join(f"#Text={escape_text(line)}\n" for line in sentence.split("\n"))
            else:
                comments = "#Text=" + sentence.replace("\n", "\n#Text=") + "\n"
            count = end - first
            while count > len(self._numbers):
                self._numbers.extend(
                    f"{n}\t" for n in range(len(self._numbers) + 1, 2 * len(self._numbers) + 1)
                )
            numbers[first:end] = self._numbers[:count]
            sentence_of[first:end] = [f"{s}-"] * count
            sentence_of[first] = comments + sentence_of[first]
            line_ends[end - 1] += "\n"
        return sentence_of, numbers


class _Cells:
    """The feature columns of one unit: named entity identifier and value, then the event
    layer's value, roles and targets."""

    def __init__(self, with_events: bool, by_entity: dict[int, _Span], first_unit: dict[int, str]):
        self.with_events = with_events
        self.by_entity = by_entity
        self.first_unit = first_unit
        self.empty = "_\t" * (5 if with_events else 2)

    def of(self, unit_spans: list[_Span]) -> str:
        if len(unit_spans) == 1 and unit_spans[0].layer == 0:  # most units: one entity
            span = unit_spans[0]
            rest = "\t_\t_\t_\t" if self.with_events else "\t"
            return f"*{span.disambiguation}\t{escape_value(span.label)}{span.disambiguation}{rest}"
        entities = [s for s in unit_spans if s.layer == 0]
        events = [s for s in unit_spans if s.layer == 1]
        cells = [
            "|".join("*" + s.disambiguation for s in entities) or "_",
            "|".join(escape_value(s.label) + s.disambiguation for s in entities) or "_",
        ]
        if self.with_events:
            cells.append("|".join(escape_value(s.label) + s.disambiguation for s in events) or "_")
            roles, targets = [], []
            for s in events:
                kept = [(r, self.by_entity[e]) for r, e in s.arguments if e in self.by_entity]
                roles.append((";".join(escape_value(r) for r, _ in kept) or "_") + s.disambiguation)
                targets.append(
                    ";".join(self.first_unit[id(t)] + t.disambiguation for _, t in kept) or "*"
                )
            cells += ["|".join(roles) or "_", "|".join(targets) or "_"]
        return "\t".join(cells) + "\t"


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
