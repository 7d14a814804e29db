"""Preparing imported documents: every offset carried to the canonical text.

Each document's text is canonicalised as an imported document is, and every span
is moved from the file's unit (code points or UTF-16 units, detected per file when
not given) to code points of that text, checked against it on the way (in range,
span text equal to the document's). doccano and Label Studio relations become event
arguments; texts rebuilt from tokens can be aligned with a project document that
differs only in whitespace; proclitics can be stripped from entity starts.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from core.documents.token_layer import layer_problem
from core.io.formats.common import (
    CODEPOINTS,
    UTF16,
    FormatError,
    ImportedArgument,
    ImportedDocument,
    ImportedEntity,
    ImportedEvent,
    ImportedRelation,
    file_line,
)
from core.io.formats.offsets import CanonicalText, Utf16Offsets, has_astral
from core.io.import_annotations.options import AUTO
from core.schema.model import ProjectSchema
from core.text.canonical import text_sha256
from core.text.clitics import analyze
from core.text.snap import trim_whitespace
from core.text.tokens import tokenize
from models.messages import Message

# the words for an annotation in a problem's message, made only when there is a problem
Described = Callable[[], str]


@dataclass
class _Entity:
    ref: str
    label: str
    start: int
    end: int
    note: str
    score: float | None = None  # predictions files only


@dataclass
class _Event:
    ref: str
    type: str
    start: int
    end: int
    note: str
    arguments: list[tuple[str, str]]  # (role, entity ref)
    score: float | None = None  # predictions files only


@dataclass
class _Stance:
    scope: str
    polarity: str
    holder_ref: str | None
    target_label: str | None
    target_ref: str | None
    evidence: list[tuple[int, int]]
    note: str


@dataclass
class Prepared:
    source: ImportedDocument
    text: str
    sha: str
    existing_id: int | None = None
    entities: list[_Entity] = field(default_factory=list)
    events: list[_Event] = field(default_factory=list)
    stances: list[_Stance] = field(default_factory=list)
    excluded: list[tuple[int, int, str]] = field(default_factory=list)
    tokens: list[tuple[int, int]] | None = None  # the file's token layer, in code points
    sentences: list[tuple[int, int]] | None = None
    trimmed: int = 0  # spans trimmed of edge whitespace


def at_line(doc: ImportedDocument, line: int | None) -> str:
    """Where in its file something of `doc` is: "file line N" when known."""
    if line and doc.file:
        return file_line(Path(doc.file).name, line)
    return doc.where


class _Converter:
    """Maps one document's offsets (file unit, raw text) to canonical code points."""

    def __init__(self, doc: ImportedDocument, canonical: CanonicalText, unit: str):
        self.doc = doc
        self.canonical = canonical
        self.unit = unit
        self.utf16 = Utf16Offsets(doc.text) if unit == UTF16 else None
        self.problems: list[str] = []  # Messages
        self.trimmed = 0  # spans that began or ended with whitespace

    def span(
        self, start: int, end: int, text: str | None, what: Described, line: int | None
    ) -> tuple[int, int] | None:
        """The span in canonical code points, without whitespace at its edges (no span
        has any: one that came with some is trimmed and counted), or None (a problem)."""
        place = self.place(start, end, text, what, line)
        if place is None:
            return None
        trimmed = trim_whitespace(self.canonical.text, *place)
        if trimmed[0] == trimmed[1]:
            self.problems.append(
                Message(
                    "{where}: {what} at {start}-{end} is only whitespace",
                    where=at_line(self.doc, line),
                    what=what(),
                    start=start,
                    end=end,
                )
            )
            return None
        self.trimmed += trimmed != place
        return trimmed

    def place(
        self, start: int, end: int, text: str | None, what: Described, line: int | None
    ) -> tuple[int, int] | None:
        """[start, end) of the file in canonical code points, or None (a problem)."""
        raw_length = self.utf16.length if self.utf16 else len(self.doc.text)
        if not 0 <= start < end <= raw_length:
            if start < end:
                unit = Message("UTF-16 units") if self.utf16 else Message("characters")
                self.problems.append(
                    Message(
                        "{where}: {what} offsets {start}-{end} are outside the document "
                        "({length} {unit})",
                        where=at_line(self.doc, line),
                        what=what(),
                        start=start,
                        end=end,
                        length=raw_length,
                        unit=unit,
                    )
                )
            else:
                self.problems.append(
                    Message(
                        "{where}: {what} has start {start} not before end {end}",
                        where=at_line(self.doc, line),
                        what=what(),
                        start=start,
                        end=end,
                    )
                )
            return None
        if self.utf16:
            raw_start, raw_end = self.utf16.from_utf16(start), self.utf16.from_utf16(end)
            if raw_start is None or raw_end is None:
                self.problems.append(
                    Message(
                        "{where}: {what} offsets {start}-{end} cut a character in "
                        "two (UTF-16 surrogate pair)",
                        where=at_line(self.doc, line),
                        what=what(),
                        start=start,
                        end=end,
                    )
                )
                return None
        else:
            raw_start, raw_end = start, end
        if text is not None and not _same_text(self.doc.text[raw_start:raw_end], text):
            self.problems.append(
                Message(
                    "{where}: {what} text {text} does not match the "
                    "document text {found} at {start}-{end}",
                    where=at_line(self.doc, line),
                    what=what(),
                    text=_quote(text),
                    found=_quote(self.doc.text[raw_start:raw_end]),
                    start=start,
                    end=end,
                )
            )
            return None
        new_start, new_end = self.canonical.offset(raw_start), self.canonical.offset(raw_end)
        if new_start is None or new_end is None or new_start >= new_end:
            self.problems.append(
                Message(
                    "{where}: {what} offsets {start}-{end} fall inside a character "
                    "sequence that Unicode normalisation merges (or inside a CR LF pair)",
                    where=at_line(self.doc, line),
                    what=what(),
                    start=start,
                    end=end,
                )
            )
            return None
        return new_start, new_end

    def pairs(self, pairs: list[tuple[int, int]], what: Message) -> list[tuple[int, int]] | None:
        """Token or sentence offsets carried to the canonical text, or None (with a
        problem noted) when one of them cannot be."""
        utf16 = self.utf16
        offset = self.canonical.offset
        moved = []
        for start, end in pairs:
            raw = (utf16.from_utf16(start), utf16.from_utf16(end)) if utf16 else (start, end)
            new_start = offset(raw[0]) if raw[0] is not None else None
            new_end = offset(raw[1]) if raw[1] is not None else None
            if new_start is None or new_end is None or new_start >= new_end:
                self.problems.append(
                    Message(
                        "{where}: {what} {start}-{end} lies outside the text or inside a "
                        "character sequence that Unicode normalisation merges",
                        where=self.doc.where,
                        what=what,
                        start=start,
                        end=end,
                    )
                )
                return None
            moved.append((new_start, new_end))
        return moved


def _same_text(document_text: str, claimed: str) -> bool:
    # brat and others write a span's line breaks as spaces
    return document_text == claimed or document_text.split() == claimed.split()


def _quote(text: str, limit: int = 40) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)


def _entity_words(entity: ImportedEntity) -> str:
    return Message("entity {ref} ({label})", ref=entity.ref, label=entity.label)


def _trigger_words(event: ImportedEvent) -> str:
    return Message("event {ref} ({type}) trigger", ref=event.ref, type=event.type)


def _stance_evidence_words() -> str:
    return Message("stance evidence")


def _excluded_range_words() -> str:
    return Message("excluded range")


def _convert(
    doc: ImportedDocument, canonical: CanonicalText, unit: str
) -> tuple[Prepared, list[str]]:
    conv = _Converter(doc, canonical, unit)
    prepared = Prepared(doc, canonical.text, text_sha256(canonical.text))
    for e in doc.entities:
        what = partial(_entity_words, e)
        span = conv.span(e.start, e.end, e.text, what, e.line)
        if span:
            prepared.entities.append(_Entity(e.ref, e.label, *span, e.note, e.score))
    for ev in doc.events:
        what = partial(_trigger_words, ev)
        span = conv.span(ev.start, ev.end, ev.text, what, ev.line)
        if span:
            prepared.events.append(
                _Event(
                    ev.ref,
                    ev.type,
                    *span,
                    ev.note,
                    [(a.role, a.entity_ref) for a in ev.arguments],
                    ev.score,
                )
            )
    for st in doc.stances:
        evidence = []
        for start, end, text in st.evidence:
            span = conv.span(start, end, text, _stance_evidence_words, st.line)
            if span:
                evidence.append(span)
        prepared.stances.append(
            _Stance(
                st.scope,
                st.polarity,
                st.holder_ref,
                st.target_label,
                st.target_ref,
                evidence,
                st.note,
            )
        )
    for ex in doc.excluded:
        span = conv.place(ex.start, ex.end, None, _excluded_range_words, ex.line)
        if span:
            prepared.excluded.append((*span, ex.reason))
    if doc.tokens:
        prepared.tokens = conv.pairs(doc.tokens, Message("token"))
        prepared.sentences = conv.pairs(doc.sentences or [], Message("sentence"))
        problem = (
            layer_problem(prepared.text, prepared.tokens, prepared.sentences)
            if prepared.tokens is not None and prepared.sentences is not None
            else None
        )
        if problem:
            conv.problems.append(
                Message(
                    "{where}: the file's tokens cannot be kept: {problem}",
                    where=doc.where,
                    problem=problem,
                )
            )
    prepared.trimmed = conv.trimmed
    return prepared, conv.problems


def events_from_relations(
    doc: ImportedDocument, schema: ProjectSchema, left_out: Counter[str]
) -> None:
    """doccano / Label Studio: spans labelled with an event type become events, and the
    relations from them to entity spans their arguments (typed with the role)."""
    event_types = {label.key for label in schema.event_types}
    if not doc.relations and not any(e.label in event_types for e in doc.entities):
        return
    entity_labels = {label.key for label in schema.entity_labels}
    outgoing: dict[str, list[ImportedRelation]] = defaultdict(list)
    refs = {e.ref for e in doc.entities}
    for relation in doc.relations:
        for ref in (relation.from_ref, relation.to_ref):
            if ref not in refs:
                raise FormatError(
                    doc.where,
                    Message(
                        "a relation ({type}) refers to unknown span {ref!r}",
                        type=relation.type,
                        ref=ref,
                    ),
                )
        outgoing[relation.from_ref].append(relation)

    def is_trigger(label: str, ref: str) -> bool:
        if label in event_types:
            return label not in entity_labels or bool(outgoing.get(ref))
        return label not in entity_labels and bool(outgoing.get(ref))

    triggers = {e.ref for e in doc.entities if is_trigger(e.label, e.ref)}
    kept = []
    for entity in doc.entities:
        if entity.ref not in triggers:
            kept.append(entity)
            continue
        arguments = []
        for relation in outgoing.get(entity.ref, ()):
            if relation.to_ref in triggers:
                left_out[
                    Message("event arguments that are events (arguments are entity spans)")
                ] += 1
            else:
                arguments.append(ImportedArgument(relation.type, relation.to_ref, relation.line))
        doc.events.append(
            ImportedEvent(
                entity.ref,
                entity.label,
                entity.start,
                entity.end,
                entity.text,
                arguments,
                entity.note,
                entity.line,
                entity.score,
            )
        )
    for ref, relations in outgoing.items():
        if ref not in triggers:
            left_out[Message("relations that are not event arguments")] += len(relations)
    doc.entities = kept
    doc.relations = []


def _boundary_score(prepared: Prepared) -> int:
    """How many span boundaries fall on token boundaries: the better unit scores higher
    when the file gives no span texts to compare."""
    tokens = tokenize(prepared.text)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    spans = [(e.start, e.end) for e in prepared.entities] + [
        (e.start, e.end) for e in prepared.events
    ]
    return sum((s in starts) + (e in ends) for s, e in spans)


def _has_span_texts(doc: ImportedDocument) -> bool:
    return any(e.text is not None for e in doc.entities) or any(
        e.text is not None for e in doc.events
    )


def _has_offsets(doc: ImportedDocument) -> bool:
    return bool(doc.entities or doc.events or doc.excluded or any(s.evidence for s in doc.stances))


class FilePreparer:
    """Prepares one file's documents as they come (see the module docstring), choosing the
    file's offset unit when it is not given.

    The unit matters only for documents with characters outside the Basic Multilingual
    Plane (UTF-16 counts them twice) and offsets into them; such documents decide it
    together, so from the first of them to the file's end the documents are held and
    converted when the file is finished. Every other document is converted at once."""

    def __init__(self, default_unit: str, forced: str, notes: list[str]):
        self.default_unit = default_unit
        self.forced = forced
        self.notes = notes
        self.first: ImportedDocument | None = None  # names the file in messages
        self.declared_units: set[str] = set()
        self.held: list[tuple[ImportedDocument, CanonicalText]] | None = None
        self.trimmed = 0  # spans trimmed of edge whitespace in the file

    def add(self, doc: ImportedDocument) -> tuple[list[Prepared], list[str]]:
        """The documents ready (this one, or none while it is held) and the problems."""
        self.first = self.first or doc
        if doc.unit:
            self.declared_units.add(doc.unit)
        try:
            canonical = CanonicalText(doc.text)
        except ValueError as err:
            return [], [Message("{where}: {problem}", where=doc.where, problem=str(err))]
        if not canonical.text.strip():
            return [], [Message("{where}: the document text is empty", where=doc.where)]
        if "\x00" in canonical.text:
            return [], [
                Message("{where}: the document text contains NUL characters", where=doc.where)
            ]
        if self.held is None and self.forced == AUTO and has_astral(doc.text) and _has_offsets(doc):
            self.held = []
        if self.held is not None:
            self.held.append((doc, canonical))
            return [], []
        prepared, problems = _convert(doc, canonical, self._fallback())
        self.trimmed += prepared.trimmed
        return [prepared], problems

    def finish(self) -> tuple[list[Prepared], list[str]]:
        """The held documents, converted in the unit they decide; the file's notes."""
        if self.first is None:
            return [], []
        problems: list[str] = []
        prepared = []
        if self.held:
            unit = _detect_unit(
                self.held, self._fallback(), self.declared_unit(), self.first, self.notes, problems
            )
            for doc, canonical in self.held:
                result, doc_problems = _convert(doc, canonical, unit)
                self.trimmed += result.trimmed
                prepared.append(result)
                problems.extend(doc_problems)
        self.held = None
        if self.trimmed:
            name = Path(self.first.file).name if self.first.file else self.first.where
            self.notes.append(
                Message(
                    "{file}: {count:,} span(s) trimmed of edge whitespace",
                    file=name,
                    count=self.trimmed,
                )
            )
        return prepared, problems

    def declared_unit(self) -> str | None:
        return next(iter(self.declared_units)) if len(self.declared_units) == 1 else None

    def _fallback(self) -> str:
        if self.forced != AUTO:
            return self.forced
        return self.declared_unit() or self.default_unit


def _detect_unit(
    canonicals: list[tuple[ImportedDocument, CanonicalText]],
    fallback: str,
    declared: str | None,
    first: ImportedDocument,
    notes: list[str],
    problems: list[str],
) -> str:
    votes: dict[str, list[str]] = {CODEPOINTS: [], UTF16: []}
    scores: Counter[str] = Counter()
    for doc, canonical in canonicals:
        if not has_astral(doc.text) or not _has_offsets(doc):
            continue
        if declared and not _has_span_texts(doc):
            continue  # a declared unit yields only to span texts that contradict it
        results = {unit: _convert(doc, canonical, unit) for unit in (CODEPOINTS, UTF16)}
        valid = [unit for unit, (_, errs) in results.items() if not errs]
        if len(valid) == 1:
            votes[valid[0]].append(doc.where)
        elif len(valid) == 2:
            for unit, (prep, _) in results.items():
                scores[unit] += _boundary_score(prep)
    if votes[CODEPOINTS] and votes[UTF16]:
        problems.append(
            Message(
                "{file}: offsets count code points in {one} but UTF-16 units in {other}; "
                "give the unit explicitly",
                file=first.file or first.where,
                one=votes[CODEPOINTS][0],
                other=votes[UTF16][0],
            )
        )
        return fallback
    chosen = fallback
    reason = ""
    if votes[CODEPOINTS] or votes[UTF16]:
        chosen = CODEPOINTS if votes[CODEPOINTS] else UTF16
        reason = Message("they only fit the text that way")
    elif declared is None and scores[CODEPOINTS] != scores[UTF16]:
        # no span texts to compare and no declared unit: the unit whose span
        # boundaries fall on word boundaries more often
        chosen = max(scores, key=scores.__getitem__)
        reason = Message("their boundaries fall on word boundaries that way")
    if chosen != fallback:
        name = Path(first.file).name if first.file else first.where
        unit_words = {CODEPOINTS: Message("code points"), UTF16: Message("UTF-16 units")}
        notes.append(
            Message(
                "{name}: offsets read as {unit} ({reason})",
                name=name,
                unit=unit_words[chosen],
                reason=reason,
            )
        )
    return chosen


def strip_clitics(prepared: Prepared, rule: str, known: Container[str]) -> int:
    """Move entity starts past a proclitic of their first token (token formats); `known`:
    the words standing alone in the project and the files imported (core.text.clitics)."""
    if rule == "none":
        return 0
    moved = 0
    for entity in prepared.entities:
        tokens = tokenize(prepared.text, entity.start, entity.end)
        if not tokens or tokens[0].kind != "arabic" or tokens[0].start != entity.start:
            continue
        split = analyze(prepared.text, tokens[0].start, tokens[0].end, rule, known)
        if split.has_clitic and split.stem_start < entity.end:
            entity.start = split.stem_start
            moved += 1
    return moved


def align_to(prepared: Prepared, target_text: str) -> None:
    """Move offsets from a rebuilt text to the project's text with the same characters
    (only whitespace differs)."""
    source_pos = [i for i, ch in enumerate(prepared.text) if not ch.isspace()]
    target_pos = [i for i, ch in enumerate(target_text) if not ch.isspace()]
    index = {pos: k for k, pos in enumerate(source_pos)}

    def move(start: int, end: int) -> tuple[int, int]:
        while start < end and prepared.text[start].isspace():
            start += 1
        while end > start and prepared.text[end - 1].isspace():
            end -= 1
        return target_pos[index[start]], target_pos[index[end - 1]] + 1

    for entity in prepared.entities:
        entity.start, entity.end = move(entity.start, entity.end)
    for event in prepared.events:
        event.start, event.end = move(event.start, event.end)
    for stance in prepared.stances:
        stance.evidence = [move(s, e) for s, e in stance.evidence]
    prepared.excluded = [(*move(s, e), reason) for s, e, reason in prepared.excluded]
    prepared.tokens = prepared.sentences = None  # the project's document keeps its own
    prepared.text = target_text
    prepared.sha = text_sha256(target_text)
