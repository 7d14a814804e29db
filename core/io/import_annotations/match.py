"""Checking prepared documents against each other and the project: references
between annotations, documents matched to the project's (by text, or by tokens for
rebuilt texts), one annotation set per document, labels the schema lacks; then the
parts of one document gathered for writing.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from core.io.formats.common import ImportedDocument
from core.io.import_annotations.options import ImportOptions, ImportReport
from core.io.import_annotations.prepare import Prepared, align_to, at_line
from core.project.project import in_batches
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET, ProjectSchema
from models.messages import Message
from models.tables import Document


def check_references(prepared: list[Prepared]) -> list[str]:
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
            for what, side in (("holder", stance.holder_ref), ("target", stance.target_ref)):
                if side is not None and side not in source_refs:
                    problems.append(
                        f"{p.source.where}: a stance's {what} refers to entity {side!r}, which "
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


def match_documents(conn: Connection, prepared: list[Prepared], report: ImportReport) -> None:
    shas = sorted({p.sha for p in prepared})
    known: dict[str, int] = {}
    for batch in in_batches(shas):
        known.update(
            conn.execute(
                select(Document.text_sha256, Document.id).where(Document.text_sha256.in_(batch))
            ).all()
        )
    unmatched_rebuilt = [p for p in prepared if p.sha not in known and p.source.rebuilt]
    squeezed: dict[str, int] = {}
    if unmatched_rebuilt:
        for doc_id, text in conn.execute(select(Document.id, Document.text).order_by(Document.id)):
            squeezed.setdefault(_squeezed_digest(text), doc_id)
    aligned = 0
    for p in prepared:
        if p.sha in known:
            p.existing_id = known[p.sha]
            continue
        if p.source.rebuilt:
            match_id = squeezed.get(_squeezed_digest(p.text))
            if match_id is not None:
                text = conn.execute(
                    select(Document.text).where(Document.id == match_id)
                ).scalar_one()
                align_to(p, text)
                p.existing_id = match_id
                aligned += 1
    if aligned:
        report.notes.append(
            Message(
                "documents matched to project documents by their tokens (the file's text was "
                "rebuilt from tokens): {count:,}",
                count=aligned,
            )
        )


def _squeezed_digest(text: str) -> str:
    """A text's fingerprint without its whitespace: a text rebuilt from tokens matches."""
    return hashlib.sha256("".join(text.split()).encode()).hexdigest()


def check_sets(prepared: list[Prepared], options: ImportOptions) -> list[str]:
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


def unknown_labels(prepared: list[Prepared], schema: ProjectSchema) -> dict[str, list[str]]:
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


def label_places(prepared: list[Prepared]) -> dict[tuple[str, str], str]:
    """Where each label, event type, polarity, stance target and role ("Type:Role") is
    first used: "file line N", for the messages about labels the schema lacks."""
    places: dict[tuple[str, str], str] = {}
    for p in prepared:
        doc = p.source
        for entity in doc.entities:
            places.setdefault((ENTITY, entity.label), at_line(doc, entity.line))
        for event in doc.events:
            places.setdefault((EVENT, event.type), at_line(doc, event.line))
            for argument in event.arguments:
                where = at_line(doc, argument.line or event.line)
                places.setdefault(("role", f"{event.type}:{argument.role}"), where)
        for stance in doc.stances:
            places.setdefault((POLARITY, stance.polarity), at_line(doc, stance.line))
            if stance.target_label is not None:
                places.setdefault((STANCE_TARGET, stance.target_label), at_line(doc, stance.line))
    return places


def shared_text_notes(documents: list[DocumentWork]) -> list[str]:
    """Records of a file that turned out to hold the same text: they become one document
    (their annotations together), which keeps only the first record's own fields."""
    notes = []
    for work in documents:
        places = list(dict.fromkeys(p.source.where for p in work.parts))
        if len(places) < 2:
            continue
        first, others = places[0], places[1:]
        if all(" line " in w for w in places) and len({w.split(" line ")[0] for w in places}) == 1:
            name = first.split(" line ")[0]
            listed = f"{name} lines " + ", ".join(w.split(" line ")[1] for w in others)
        else:
            listed = ", ".join(others)
        notes.append(
            f"{listed} {'have' if len(others) > 1 else 'has'} the same text as {first}: one "
            "document, their annotations together; the document keeps the first record's "
            "fields (id, title, metadata)"
        )
    return notes


@dataclass
class DocumentWork:
    existing_id: int | None
    text: str
    sha: str
    first: ImportedDocument
    parts: list[Prepared]


def group_by_document(prepared: list[Prepared]) -> list[DocumentWork]:
    groups: dict[Any, DocumentWork] = {}
    for p in prepared:
        key = ("id", p.existing_id) if p.existing_id is not None else ("sha", p.sha)
        work = groups.get(key)
        if work is None:
            groups[key] = DocumentWork(p.existing_id, p.text, p.sha, p.source, [p])
        else:
            work.parts.append(p)
    return list(groups.values())


def count_only(
    documents: list[DocumentWork], report: ImportReport, unknown: dict[str, list[str]]
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
    report.notes.append(Message("dry run: nothing was written"))
