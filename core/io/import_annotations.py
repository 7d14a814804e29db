"""Importing annotations from other tools (and Tawsim's own exports) into an annotator's sets.

`import_annotations(project, "brat", [path], ImportOptions(annotator="Salma"))`:

1. every file is read by its format module (core.io.formats.<format>.read);
2. each document's text is canonicalised like an imported document, and every
   offset is carried through (in the file's unit: code points or UTF-16,
   detected per file when `offsets="auto"`), checked against the document
   (in range, span text equal to the document text) and its labels against
   the schema (unknown ones refused with the list, or added when asked);
3. documents are matched by canonical text (SHA-256), or, for texts rebuilt
   from tokens (CoNLL, Hugging Face), by their text without whitespace, so a
   CoNLL file exported from this project lands on the original documents;
   documents not in the project are added;
4. everything is written in one transaction, one undo step. Any problem in
   any file refuses the whole import and changes nothing
   (`ImportRefused.problems` names file, line and field).

Annotations already in the annotator's set are not added twice, so importing
the same file again adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from core.documents.importing import title_from_text
from core.io.formats import format_info, module
from core.io.formats.common import (
    CODEPOINTS,
    UTF16,
    FormatError,
    ImportedArgument,
    ImportedDocument,
    ImportedEvent,
    ImportedRelation,
    ParsedFile,
)
from core.io.formats.offsets import CanonicalText, Utf16Offsets, has_astral
from core.project.changes import Changes
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.progress import Progress, report_progress
from core.project.project import DEFAULT_SETTINGS, Project, set_setting
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET, ProjectSchema
from core.text.canonical import text_sha256
from core.text.clitics import analyze, known_words
from core.text.tokens import tokenize
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    EventRole,
    ExcludedRegion,
    Label,
    Layer,
    Setting,
    Stance,
    StanceEvidence,
    utc_now,
)

AUTO = "auto"
RESERVED_NAMES = ("gold", "all")
_KEY_RE = re.compile(r"^\S{1,64}$")  # as core.schema.model requires of label and role keys
MAX_PROBLEMS_SHOWN = 20
NEW_LABEL_COLORS = ("#5b8bd9", "#d9825b", "#5bd98f", "#b05bd9", "#d9c55b", "#5bc8d9", "#d95b8f")
LAYER_WORDS = {
    ENTITY: "entity labels",
    EVENT: "event types",
    "role": "event roles",
    STANCE_TARGET: "stance targets",
    POLARITY: "polarities",
}


@dataclass
class ImportOptions:
    annotator: str
    add_labels: bool = False  # add unknown labels, event types and roles to the schema
    offsets: str = AUTO  # "auto", "codepoints" or "utf16"
    clitics: str = "keep"  # token formats: "strip" moves an entity's start past a proclitic
    from_set: str | None = None  # files holding several sets per document: which to take
    dry_run: bool = False  # check everything, write nothing


class ImportRefused(OperationError):
    """Nothing was imported; `problems` say why (file, line, field)."""

    def __init__(self, problems: list[str], unknown_labels: dict[str, list[str]] | None = None):
        self.problems = problems
        self.unknown_labels = unknown_labels or {}
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        text = "; ".join(shown) + (f"; and {more} more problem(s)" if more > 0 else "")
        super().__init__(f"nothing was imported: {text}")


@dataclass
class ImportReport:
    format: str
    annotator: str
    files: list[str] = field(default_factory=list)
    documents_added: list[int] = field(default_factory=list)
    documents_matched: list[int] = field(default_factory=list)
    sets_created: int = 0
    entities: int = 0
    events: int = 0
    arguments: int = 0
    stances: int = 0
    excluded: int = 0
    already_present: Counter[str] = field(default_factory=Counter)
    labels_added: dict[str, list[str]] = field(default_factory=dict)
    left_out: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        docs = len(self.documents_added) + len(self.documents_matched)
        return (
            f"{verb} {self.entities:,} entities, {self.events:,} events "
            f"({self.arguments:,} arguments), {self.stances:,} stances into {self.annotator}'s "
            f"sets on {docs:,} document(s) ({len(self.documents_added):,} new)"
        )

    def details(self) -> list[str]:
        lines = list(self.notes)
        for layer, keys in self.labels_added.items():
            lines.append(f"added {LAYER_WORDS.get(layer, layer)}: {', '.join(keys)}")
        for what, count in sorted(self.already_present.items()):
            lines.append(f"already present, not added again: {count:,} {what}")
        for what, count in sorted(self.left_out.items()):
            lines.append(f"not imported: {count:,} {what}")
        return lines


# --- preparing: offsets, text checks, labels ------------------------------------------------


@dataclass
class _Entity:
    ref: str
    label: str
    start: int
    end: int
    note: str


@dataclass
class _Event:
    ref: str
    type: str
    start: int
    end: int
    note: str
    arguments: list[tuple[str, str]]  # (role, entity ref)


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
class _Prepared:
    source: ImportedDocument
    text: str
    sha: str
    existing_id: int | None = None
    entities: list[_Entity] = field(default_factory=list)
    events: list[_Event] = field(default_factory=list)
    stances: list[_Stance] = field(default_factory=list)
    excluded: list[tuple[int, int, str]] = field(default_factory=list)


def _at(doc: ImportedDocument, line: int | None) -> str:
    if line and doc.file:
        return f"{Path(doc.file).name} line {line}"
    return doc.where


class _Converter:
    """Maps one document's offsets (file unit, raw text) to canonical code points."""

    def __init__(self, doc: ImportedDocument, canonical: CanonicalText, unit: str):
        self.doc = doc
        self.canonical = canonical
        self.unit = unit
        self.utf16 = Utf16Offsets(doc.text) if unit == UTF16 else None
        self.problems: list[str] = []

    def span(
        self, start: int, end: int, text: str | None, what: str, line: int | None
    ) -> tuple[int, int] | None:
        raw_length = self.utf16.length if self.utf16 else len(self.doc.text)
        unit_word = "UTF-16 units" if self.utf16 else "characters"
        if not 0 <= start < end <= raw_length:
            self.problems.append(
                f"{_at(self.doc, line)}: {what} offsets {start}-{end} are outside the document "
                f"({raw_length} {unit_word})"
                if start < end
                else f"{_at(self.doc, line)}: {what} has start {start} not before end {end}"
            )
            return None
        if self.utf16:
            raw_start, raw_end = self.utf16.from_utf16(start), self.utf16.from_utf16(end)
            if raw_start is None or raw_end is None:
                self.problems.append(
                    f"{_at(self.doc, line)}: {what} offsets {start}-{end} cut a character in "
                    "two (UTF-16 surrogate pair)"
                )
                return None
        else:
            raw_start, raw_end = start, end
        if text is not None and not _same_text(self.doc.text[raw_start:raw_end], text):
            self.problems.append(
                f"{_at(self.doc, line)}: {what} text {_quote(text)} does not match the document "
                f"text {_quote(self.doc.text[raw_start:raw_end])} at {start}-{end}"
            )
            return None
        new_start, new_end = self.canonical.offset(raw_start), self.canonical.offset(raw_end)
        if new_start is None or new_end is None or new_start >= new_end:
            self.problems.append(
                f"{_at(self.doc, line)}: {what} offsets {start}-{end} fall inside a character "
                "sequence that Unicode normalisation merges (or inside a CR LF pair)"
            )
            return None
        return new_start, new_end


def _same_text(document_text: str, claimed: str) -> bool:
    # brat and others write a span's line breaks as spaces
    return document_text == claimed or document_text.split() == claimed.split()


def _quote(text: str, limit: int = 40) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)


def _convert(
    doc: ImportedDocument, canonical: CanonicalText, unit: str
) -> tuple[_Prepared, list[str]]:
    conv = _Converter(doc, canonical, unit)
    prepared = _Prepared(doc, canonical.text, text_sha256(canonical.text))
    for e in doc.entities:
        span = conv.span(e.start, e.end, e.text, f"entity {e.ref} ({e.label})", e.line)
        if span:
            prepared.entities.append(_Entity(e.ref, e.label, *span, e.note))
    for ev in doc.events:
        span = conv.span(ev.start, ev.end, ev.text, f"event {ev.ref} ({ev.type}) trigger", ev.line)
        if span:
            prepared.events.append(
                _Event(
                    ev.ref, ev.type, *span, ev.note, [(a.role, a.entity_ref) for a in ev.arguments]
                )
            )
    for st in doc.stances:
        evidence = []
        for start, end, text in st.evidence:
            span = conv.span(start, end, text, "stance evidence", st.line)
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
        span = conv.span(ex.start, ex.end, None, "excluded range", ex.line)
        if span:
            prepared.excluded.append((*span, ex.reason))
    return prepared, conv.problems


def _events_from_relations(
    doc: ImportedDocument, schema: ProjectSchema, left_out: Counter[str]
) -> None:
    """doccano / Label Studio: spans labelled with an event type become events, and the
    relations from them to entity spans their arguments (typed with the role)."""
    if not doc.relations and not any(schema.by_key(EVENT, e.label) for e in doc.entities):
        return
    entity_labels = {label.key for label in schema.entity_labels}
    event_types = {label.key for label in schema.event_types}
    outgoing: dict[str, list[ImportedRelation]] = defaultdict(list)
    refs = {e.ref for e in doc.entities}
    for relation in doc.relations:
        for ref in (relation.from_ref, relation.to_ref):
            if ref not in refs:
                raise FormatError(
                    doc.where, f"a relation ({relation.type}) refers to unknown span {ref!r}"
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
                left_out["event arguments that are events (arguments are entity spans)"] += 1
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
            )
        )
    for ref, relations in outgoing.items():
        if ref not in triggers:
            left_out["relations that are not event arguments"] += len(relations)
    doc.entities = kept
    doc.relations = []


def _boundary_score(prepared: _Prepared) -> int:
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


def _prepare_file(
    docs: list[ImportedDocument], default_unit: str, forced: str, notes: list[str]
) -> tuple[list[_Prepared], list[str]]:
    """Convert one file's documents, choosing its offset unit (see the module docstring)."""
    canonicals = []
    problems: list[str] = []
    for doc in docs:
        try:
            canonical = CanonicalText(doc.text)
        except ValueError as err:
            problems.append(f"{doc.where}: {err}")
            continue
        if not canonical.text.strip():
            problems.append(f"{doc.where}: the document text is empty")
            continue
        if "\x00" in canonical.text:
            problems.append(f"{doc.where}: the document text contains NUL characters")
            continue
        canonicals.append((doc, canonical))
    if forced != AUTO:
        unit = forced
    else:
        unit = _detect_unit(canonicals, default_unit, docs, notes, problems)
    prepared = []
    for doc, canonical in canonicals:
        result, doc_problems = _convert(doc, canonical, unit)
        prepared.append(result)
        problems.extend(doc_problems)
    return prepared, problems


def _detect_unit(
    canonicals: list[tuple[ImportedDocument, CanonicalText]],
    default_unit: str,
    docs: list[ImportedDocument],
    notes: list[str],
    problems: list[str],
) -> str:
    declared_units = {d.unit for d in docs if d.unit}
    declared = declared_units.pop() if len(declared_units) == 1 else None
    fallback = declared or default_unit
    votes: dict[str, list[str]] = {CODEPOINTS: [], UTF16: []}
    scores = Counter()
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
            f"{docs[0].file or docs[0].where}: offsets count code points in "
            f"{votes[CODEPOINTS][0]} but UTF-16 units in {votes[UTF16][0]}; give the unit "
            "explicitly"
        )
        return fallback
    chosen = fallback
    reason = ""
    if votes[CODEPOINTS] or votes[UTF16]:
        chosen = CODEPOINTS if votes[CODEPOINTS] else UTF16
        reason = "they only fit the text that way"
    elif declared is None and scores[CODEPOINTS] != scores[UTF16]:
        # no span texts to compare and no declared unit: the unit whose span
        # boundaries fall on word boundaries more often
        chosen = max(scores, key=scores.__getitem__)
        reason = "their boundaries fall on word boundaries that way"
    if chosen != fallback:
        name = Path(docs[0].file).name if docs[0].file else docs[0].where
        unit_words = {CODEPOINTS: "code points", UTF16: "UTF-16 units"}
        notes.append(f"{name}: offsets read as {unit_words[chosen]} ({reason})")
    return chosen


def _strip_clitics(prepared: _Prepared, rule: str) -> int:
    """Move entity starts past a proclitic of their first token (token formats)."""
    if rule == "none":
        return 0
    known = known_words(prepared.text)
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


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _align_to(prepared: _Prepared, target_text: str) -> None:
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
    prepared.text = target_text
    prepared.sha = text_sha256(target_text)


# --- the import ----------------------------------------------------------------------------


def import_annotations(
    project: Project,
    format_key: str,
    paths: Iterable[str | Path],
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Import annotation files into `options.annotator`'s sets; see the module docstring."""
    try:
        format_info(format_key)
    except ValueError as err:
        raise ImportRefused([str(err)]) from None
    annotator = " ".join(options.annotator.split())
    if not annotator:
        raise ImportRefused(["an annotator name is needed"])
    if annotator.lower() in RESERVED_NAMES:
        raise ImportRefused(
            [
                f"{annotator!r} is reserved for exports (--set gold|all); "
                "choose another annotator name"
            ]
        )
    if options.offsets not in (AUTO, CODEPOINTS, UTF16):
        raise ImportRefused(
            [f"offsets must be auto, codepoints or utf16 (not {options.offsets!r})"]
        )
    if options.clitics not in ("keep", "strip"):
        raise ImportRefused([f"clitics must be keep or strip (not {options.clitics!r})"])
    paths = [Path(p) for p in paths]
    if not paths:
        raise ImportRefused(["no file to import"])
    report = ImportReport(format=format_key, annotator=annotator, dry_run=options.dry_run)
    reader = module(format_key)
    problems: list[str] = []
    parsed: list[ParsedFile] = []
    steps = len(paths) + 2
    for index, path in enumerate(paths):
        report_progress(progress, index, steps, f"reading {path.name}")
        report.files.append(str(path))
        try:
            if not path.exists():
                raise FormatError(path, "no such file or folder")
            parsed.append(reader.read(path))
        except FormatError as err:
            problems.append(str(err))
        except OSError as err:
            problems.append(f"{path}: cannot be read ({err.strerror or err})")
    report_progress(progress, len(paths), steps, "checking")

    schema = project.schema
    prepared: list[_Prepared] = []
    for parsed_file in parsed:
        report.left_out.update(parsed_file.left_out)
        report.notes.extend(parsed_file.warnings)
        by_file: dict[str, list[ImportedDocument]] = defaultdict(list)
        for doc in parsed_file.documents:
            try:
                _events_from_relations(doc, schema, report.left_out)
            except FormatError as err:
                problems.append(str(err))
                continue
            if options.from_set is not None and doc.source_set not in (None, options.from_set):
                continue
            by_file[doc.file or str(parsed_file.path)].append(doc)
        for docs in by_file.values():
            file_prepared, file_problems = _prepare_file(
                docs, parsed_file.default_unit, options.offsets, report.notes
            )
            prepared.extend(file_prepared)
            problems.extend(file_problems)
    if not prepared and not problems:
        wanted = f" of set {options.from_set!r}" if options.from_set else ""
        problems.append(f"the file(s) hold no document{wanted}")

    if options.clitics == "strip":
        rule = project.setting("clitic_rule")
        moved = sum(_strip_clitics(p, rule) for p in prepared if p.source.rebuilt)
        if moved:
            report.notes.append(f"{moved:,} entity start(s) moved past a proclitic")
    problems.extend(_check_references(prepared))
    with project.read() as conn:
        _match_documents(conn, prepared, report)
    problems.extend(_check_sets(prepared, options))
    unknown = _unknown_labels(prepared, schema)
    if unknown and not options.add_labels:
        listing = "; ".join(
            f"{LAYER_WORDS[layer]}: {', '.join(keys)}" for layer, keys in unknown.items()
        )
        problems.append(f"unknown {listing} (add them to the schema, or import with --add-labels)")
    elif unknown:
        bad = [k for keys in unknown.values() for k in keys if not _KEY_RE.match(k.split(":")[-1])]
        if bad:
            problems.append(
                f"cannot add {', '.join(map(repr, bad))} to the schema: a key is 1-64 "
                "characters without spaces (rename them in the file or the schema first)"
            )
    if problems:
        raise ImportRefused(problems, unknown if not options.add_labels else None)
    report_progress(progress, len(paths) + 1, steps, "writing")

    documents = _merge_by_document(prepared)
    if options.dry_run:
        _count_only(documents, report, unknown)
        return report
    count = len(documents)
    with project.write(f"Import annotations ({count} document{'s' if count != 1 else ''})") as tx:
        _write(tx, schema, annotator, documents, unknown, report)
    report.changes = tx.changes
    if progress is not None:
        progress(steps, steps, "")
    return report


def _check_references(prepared: list[_Prepared]) -> list[str]:
    problems = []
    for p in prepared:
        refs = Counter(e.ref for e in p.entities)
        source_refs = {e.ref for e in p.source.entities}
        for ref, n in refs.items():
            if n > 1:
                problems.append(f"{p.source.where}: entity id {ref!r} is used {n} times")
        for event in p.events:
            for role, ref in event.arguments:
                if ref not in source_refs:
                    problems.append(
                        f"{p.source.where}: event {event.ref} argument {role} refers to "
                        f"entity {ref!r}, which the file does not define"
                    )
        for stance in p.stances:
            for what, ref in (("holder", stance.holder_ref), ("target", stance.target_ref)):
                if ref is not None and ref not in source_refs:
                    problems.append(
                        f"{p.source.where}: a stance's {what} refers to entity {ref!r}, which "
                        "the file does not define"
                    )
            if stance.scope == "attributed" and stance.holder_ref is None:
                problems.append(f"{p.source.where}: an attributed stance has no holder")
            if stance.scope == "document" and stance.holder_ref is not None:
                problems.append(
                    f"{p.source.where}: a document stance (the author's) cannot have a holder"
                )
            if (stance.target_label is None) == (stance.target_ref is None):
                problems.append(
                    f"{p.source.where}: a stance needs one target: a stance target or an entity"
                )
    return problems


def _match_documents(conn: Connection, prepared: list[_Prepared], report: ImportReport) -> None:
    shas = sorted({p.sha for p in prepared})
    known: dict[str, int] = {}
    for start in range(0, len(shas), 500):
        known.update(
            conn.execute(
                select(Document.text_sha256, Document.id).where(
                    Document.text_sha256.in_(shas[start : start + 500])
                )
            ).all()
        )
    unmatched_rebuilt = [p for p in prepared if p.sha not in known and p.source.rebuilt]
    squeezed: dict[str, int] = {}
    if unmatched_rebuilt:
        for doc_id, text in conn.execute(select(Document.id, Document.text).order_by(Document.id)):
            squeezed.setdefault(hashlib.sha256(_squeezed(text).encode()).hexdigest(), doc_id)
    aligned = 0
    for p in prepared:
        if p.sha in known:
            p.existing_id = known[p.sha]
            continue
        if p.source.rebuilt:
            doc_id = squeezed.get(hashlib.sha256(_squeezed(p.text).encode()).hexdigest())
            if doc_id is not None:
                text = conn.execute(select(Document.text).where(Document.id == doc_id)).scalar_one()
                _align_to(p, text)
                p.existing_id = doc_id
                aligned += 1
    if aligned:
        report.notes.append(
            f"{aligned:,} document(s) matched to project documents by their tokens "
            "(the file's text was rebuilt from tokens)"
        )


def _check_sets(prepared: list[_Prepared], options: ImportOptions) -> list[str]:
    sets_of: dict[Any, set[str | None]] = defaultdict(set)
    where: dict[Any, str] = {}
    for p in prepared:
        key = p.existing_id or p.sha
        sets_of[key].add(p.source.source_set)
        where.setdefault(key, p.source.where)
    problems = []
    for key, names in sets_of.items():
        if len(names) > 1 and options.from_set is None:
            listed = ", ".join(sorted(n or "(unnamed)" for n in names))
            problems.append(
                f"{where[key]}: the file holds several annotation sets of this document "
                f"({listed}); choose one (--from-set)"
            )
    return problems


def _unknown_labels(prepared: list[_Prepared], schema: ProjectSchema) -> dict[str, list[str]]:
    wanted: dict[str, set[str]] = defaultdict(set)
    roles: set[tuple[str, str]] = set()
    for p in prepared:
        wanted[ENTITY].update(e.label for e in p.entities)
        for event in p.events:
            wanted[EVENT].add(event.type)
            roles.update((event.type, role) for role, _ in event.arguments)
        for stance in p.stances:
            wanted[POLARITY].add(stance.polarity)
            if stance.target_label is not None:
                wanted[STANCE_TARGET].add(stance.target_label)
    unknown: dict[str, list[str]] = {}
    for layer in (ENTITY, EVENT, STANCE_TARGET, POLARITY):
        missing = sorted(k for k in wanted.get(layer, ()) if schema.by_key(layer, k) is None)
        if missing:
            unknown[layer] = missing
    missing_roles = []
    for type_key, role in sorted(roles):
        event_type = schema.by_key(EVENT, type_key)
        if event_type is None or all(r.key != role for r in schema.roles_of(event_type.id)):
            missing_roles.append(f"{type_key}:{role}")
    if missing_roles:
        unknown["role"] = missing_roles
    return unknown


@dataclass
class _DocumentWork:
    existing_id: int | None
    text: str
    sha: str
    first: ImportedDocument
    parts: list[_Prepared]


def _merge_by_document(prepared: list[_Prepared]) -> list[_DocumentWork]:
    groups: dict[Any, _DocumentWork] = {}
    for p in prepared:
        key = ("id", p.existing_id) if p.existing_id is not None else ("sha", p.sha)
        work = groups.get(key)
        if work is None:
            groups[key] = _DocumentWork(p.existing_id, p.text, p.sha, p.source, [p])
        else:
            work.parts.append(p)
    return list(groups.values())


def _count_only(
    documents: list[_DocumentWork], report: ImportReport, unknown: dict[str, list[str]]
) -> None:
    for work in documents:
        (report.documents_matched if work.existing_id else report.documents_added).append(
            work.existing_id or 0
        )
        for p in work.parts:
            report.entities += len(p.entities)
            report.events += len(p.events)
            report.arguments += sum(len(e.arguments) for e in p.events)
            report.stances += len(p.stances)
            report.excluded += len(p.excluded)
    report.labels_added = dict(unknown)
    report.notes.append("dry run: nothing was written")


# --- writing -----------------------------------------------------------------------------


def _add_labels(
    tx: Txn, schema: ProjectSchema, unknown: dict[str, list[str]], documents: list[_DocumentWork]
) -> tuple[dict[tuple[str, str], int], dict[tuple[int, str], int]]:
    """Add unknown labels and roles; return (layer, key) -> id and (type id, role) -> id."""
    label_ids = {(label.layer, label.key): label.id for label in schema.labels}
    role_ids = {(role.event_type_id, role.key): role.id for role in schema.roles}
    if not unknown:
        return label_ids, role_ids
    layers = dict(tx.conn.execute(select(Layer.key, Layer.id)).all())
    for layer in (ENTITY, EVENT, STANCE_TARGET, POLARITY):
        for i, key in enumerate(unknown.get(layer, ())):
            position = (
                tx.conn.execute(
                    select(func.max(Label.position)).where(Label.layer_id == layers[layer])
                ).scalar()
                or 0
            ) + 1
            label_ids[(layer, key)] = tx.insert(
                Label,
                layer_id=layers[layer],
                key=key,
                name_en=key,
                color=NEW_LABEL_COLORS[i % len(NEW_LABEL_COLORS)],
                position=position,
            )
    several: set[tuple[str, str]] = set()
    for work in documents:
        for p in work.parts:
            for event in p.events:
                counts = Counter(role for role, _ in event.arguments)
                several.update((event.type, role) for role, n in counts.items() if n > 1)
    missing_roles = sorted(
        {
            (event.type, role)
            for work in documents
            for p in work.parts
            for event in p.events
            for role, _ in event.arguments
            if (label_ids[(EVENT, event.type)], role) not in role_ids
        }
    )
    for type_key, role in missing_roles:
        type_id = label_ids[(EVENT, type_key)]
        position = (
            tx.conn.execute(
                select(func.max(EventRole.position)).where(EventRole.event_type_id == type_id)
            ).scalar()
            or 0
        ) + 1
        role_ids[(type_id, role)] = tx.insert(
            EventRole,
            event_type_id=type_id,
            key=role,
            name_en=role,
            multiple=(type_key, role) in several,
            position=position,
        )
    current = tx.conn.execute(
        select(Setting.value).where(Setting.key == "schema_revision")
    ).scalar()
    revision = json.loads(current) if current is not None else DEFAULT_SETTINGS["schema_revision"]
    set_setting(tx, "schema_revision", int(revision) + 1)
    tx.changes.schema = True
    return label_ids, role_ids


def _write(
    tx: Txn,
    schema: ProjectSchema,
    annotator: str,
    documents: list[_DocumentWork],
    unknown: dict[str, list[str]],
    report: ImportReport,
) -> None:
    label_ids, role_ids = _add_labels(tx, schema, unknown, documents)
    report.labels_added = dict(unknown)
    annotator_id = tx.conn.execute(select(Annotator.id).where(Annotator.name == annotator)).scalar()
    if annotator_id is None:
        annotator_id = tx.insert(Annotator, name=annotator, role="annotator")
        tx.changes.annotators = True
        report.notes.append(f"new annotator {annotator}")

    report.documents_matched = [w.existing_id for w in documents if w.existing_id is not None]
    new_docs = [w for w in documents if w.existing_id is None]
    rows = []
    for work in new_docs:
        first = work.first
        rows.append(
            {
                "title": " ".join(first.title.split()) or title_from_text(work.text),
                "source": first.source or first.where,
                "meta": json.dumps(first.meta, ensure_ascii=False, sort_keys=True),
                "length": len(work.text),
                "text_sha256": work.sha,
                "raw_sha256": hashlib.sha256(
                    first.text.encode("utf-8", "surrogatepass")
                ).hexdigest(),
                "encoding": "utf-8",
                "text": work.text,
            }
        )
    for work, doc_id in zip(new_docs, tx.insert_many(Document, rows), strict=True):
        work.existing_id = doc_id
        report.documents_added.append(doc_id)
        tx.changes.documents_added.add(doc_id)

    doc_ids = [w.existing_id for w in documents]
    set_of: dict[int, int] = {}
    for start in range(0, len(doc_ids), 500):
        set_of.update(
            tx.conn.execute(
                select(AnnotationSet.document_id, AnnotationSet.id).where(
                    AnnotationSet.annotator_id == annotator_id,
                    AnnotationSet.document_id.in_(doc_ids[start : start + 500]),
                )
            ).all()
        )
    now = utc_now()
    for work in documents:
        doc_id = work.existing_id
        assert doc_id is not None
        if doc_id in set_of:
            state = tx.conn.execute(
                select(AnnotationSet.state).where(AnnotationSet.id == set_of[doc_id])
            ).scalar()
            values: dict[str, Any] = {"updated_at": now}
            if state == "new":
                values["state"] = "in_progress"
            tx.update(AnnotationSet, set_of[doc_id], **values)
        else:
            set_of[doc_id] = tx.insert(
                AnnotationSet,
                document_id=doc_id,
                annotator_id=annotator_id,
                state="in_progress",
                updated_at=now,
            )
            report.sets_created += 1
        tx.changes.sets.add(set_of[doc_id])
        tx.changes.documents.add(doc_id)

    set_ids = list(set_of.values())
    existing = _existing_annotations(tx.conn, set_ids)
    span_rows: list[dict[str, Any]] = []
    row_of_key: dict[tuple, int] = {}
    row_of_ref: dict[tuple[int, str], int] = {}
    entity_ids: dict[tuple[int, str], int] = {}  # (part, ref) -> span id
    for work in documents:
        set_id = set_of[work.existing_id]  # type: ignore[index]
        for p in work.parts:
            for e in p.entities:
                key = (set_id, e.start, e.end, label_ids[(ENTITY, e.label)])
                if key in existing["spans"]:
                    entity_ids[(id(p), e.ref)] = existing["spans"][key]
                    report.already_present["entities"] += 1
                    continue
                if key in row_of_key:
                    report.already_present["entities given twice in the file(s)"] += 1
                else:
                    row_of_key[key] = len(span_rows)
                    span_rows.append(
                        {
                            "set_id": set_id,
                            "label_id": key[3],
                            "start": e.start,
                            "end": e.end,
                            "note": e.note,
                        }
                    )
                row_of_ref[(id(p), e.ref)] = row_of_key[key]
    new_span_ids = tx.insert_many(EntitySpan, span_rows)
    for ref_key, row in row_of_ref.items():
        entity_ids[ref_key] = new_span_ids[row]
    report.entities = len(new_span_ids)

    event_rows, event_parts, argument_plans = [], [], []
    for work in documents:
        set_id = set_of[work.existing_id]  # type: ignore[index]
        for p in work.parts:
            for ev in p.events:
                type_id = label_ids[(EVENT, ev.type)]
                key = (set_id, ev.start, ev.end, type_id)
                event_id = existing["events"].get(key)
                args = [
                    (role_ids[(type_id, role)], entity_ids[(id(p), ref)])
                    for role, ref in ev.arguments
                ]
                if event_id is not None:
                    report.already_present["events"] += 1
                    argument_plans.append((event_id, args))
                    continue
                existing["events"][key] = 0
                event_rows.append(
                    {
                        "set_id": set_id,
                        "type_id": type_id,
                        "start": ev.start,
                        "end": ev.end,
                        "note": ev.note,
                    }
                )
                event_parts.append(args)
    for event_id, args in zip(tx.insert_many(EventMention, event_rows), event_parts, strict=True):
        argument_plans.append((event_id, args))
    report.events = len(event_rows)
    argument_rows = []
    for event_id, args in argument_plans:
        for role_id, span_id in args:
            key = (event_id, role_id, span_id)
            if key in existing["arguments"]:
                report.already_present["event arguments"] += 1
                continue
            existing["arguments"].add(key)
            argument_rows.append({"event_id": event_id, "role_id": role_id, "span_id": span_id})
    tx.insert_many(EventArgument, argument_rows)
    report.arguments = len(argument_rows)

    evidence_rows = []
    for work in documents:
        set_id = set_of[work.existing_id]  # type: ignore[index]
        for p in work.parts:
            for st in p.stances:
                holder = entity_ids[(id(p), st.holder_ref)] if st.holder_ref else None
                target_span = entity_ids[(id(p), st.target_ref)] if st.target_ref else None
                target_label = (
                    label_ids[(STANCE_TARGET, st.target_label)] if st.target_label else None
                )
                polarity = label_ids[(POLARITY, st.polarity)]
                key = (set_id, st.scope, holder, target_label, target_span)
                if key in existing["stances"] or (
                    st.scope == "document"
                    and (set_id, target_label) in existing["document_stances"]
                ):
                    report.already_present["stances"] += 1
                    continue
                existing["stances"].add(key)
                existing["document_stances"].add((set_id, target_label))
                stance_id = tx.insert(
                    Stance,
                    set_id=set_id,
                    scope=st.scope,
                    holder_span_id=holder,
                    target_label_id=target_label,
                    target_span_id=target_span,
                    polarity_id=polarity,
                    note=st.note,
                )
                report.stances += 1
                evidence_rows.extend(
                    {"stance_id": stance_id, "start": s, "end": e} for s, e in st.evidence
                )
    tx.insert_many(StanceEvidence, evidence_rows)

    excluded_rows = []
    for work in documents:
        set_id = set_of[work.existing_id]  # type: ignore[index]
        for p in work.parts:
            for start, end, reason in p.excluded:
                if (work.existing_id, start, end) in existing["excluded"].get(set_id, set()):
                    report.already_present["excluded ranges"] += 1
                    continue
                existing["excluded"].setdefault(set_id, set()).add((work.existing_id, start, end))
                excluded_rows.append(
                    {
                        "document_id": work.existing_id,
                        "set_id": set_id,
                        "start": start,
                        "end": end,
                        "reason": reason,
                    }
                )
    tx.insert_many(ExcludedRegion, excluded_rows)
    report.excluded = len(excluded_rows)


def _existing_annotations(conn: Connection, set_ids: list[int]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "spans": {},
        "events": {},
        "arguments": set(),
        "stances": set(),
        "document_stances": set(),
        "excluded": {},
    }
    for start in range(0, len(set_ids), 500):
        chunk = set_ids[start : start + 500]
        for row in conn.execute(
            select(
                EntitySpan.set_id,
                EntitySpan.start,
                EntitySpan.end,
                EntitySpan.label_id,
                EntitySpan.id,
            ).where(EntitySpan.set_id.in_(chunk))
        ):
            found["spans"][tuple(row[:4])] = row[4]
        for row in conn.execute(
            select(
                EventMention.set_id,
                EventMention.start,
                EventMention.end,
                EventMention.type_id,
                EventMention.id,
            ).where(EventMention.set_id.in_(chunk))
        ):
            found["events"][tuple(row[:4])] = row[4]
        for row in conn.execute(
            select(EventArgument.event_id, EventArgument.role_id, EventArgument.span_id)
            .join(EventMention, EventMention.id == EventArgument.event_id)
            .where(EventMention.set_id.in_(chunk))
        ):
            found["arguments"].add(tuple(row))
        for row in conn.execute(
            select(
                Stance.set_id,
                Stance.scope,
                Stance.holder_span_id,
                Stance.target_label_id,
                Stance.target_span_id,
            ).where(Stance.set_id.in_(chunk))
        ):
            found["stances"].add(tuple(row))
            if row[1] == "document":
                found["document_stances"].add((row[0], row[3]))
        doc_of_set = dict(
            conn.execute(
                select(AnnotationSet.id, AnnotationSet.document_id).where(
                    AnnotationSet.id.in_(chunk)
                )
            ).all()
        )
        for row in conn.execute(
            select(
                ExcludedRegion.document_id,
                ExcludedRegion.set_id,
                ExcludedRegion.start,
                ExcludedRegion.end,
            ).where(ExcludedRegion.document_id.in_(list(doc_of_set.values())))
        ):
            document_id, set_id, start, end = row
            targets = (
                [set_id]
                if set_id is not None
                else [s for s, d in doc_of_set.items() if d == document_id]
            )
            for target in targets:
                found["excluded"].setdefault(target, set()).add((document_id, start, end))
    return found


__all__ = [
    "AUTO",
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "import_annotations",
]
