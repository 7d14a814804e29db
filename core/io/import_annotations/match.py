"""Checking prepared documents against each other and the project: references
between annotations, documents matched to the project's (by text, or by tokens for
rebuilt texts), one annotation set per document, labels the schema lacks; then the
parts of one document gathered for writing.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from core.io.formats.common import ImportedDocument
from core.io.import_annotations.options import ImportOptions, ImportReport
from core.io.import_annotations.prepare import Prepared, align_to, at_line
from core.project.project import in_batches
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET, ProjectSchema
from models.messages import Message
from models.tables import Document


def check_references(prepared: list[Prepared]) -> list[str]:
    problems: list[str] = []
    for p in prepared:
        refs = Counter(e.ref for e in p.entities)
        source_refs = {e.ref for e in p.source.entities}
        for ref, n in refs.items():
            if n > 1:
                problems.append(
                    Message(
                        "{where}: entity id {ref!r} is used {count} times",
                        where=p.source.where,
                        ref=ref,
                        count=n,
                    )
                )
        for event in p.events:
            for role, ref in event.arguments:
                if ref not in source_refs:
                    problems.append(
                        Message(
                            "{where}: event {event} argument {role} refers to "
                            "entity {ref!r}, which the file does not define",
                            where=p.source.where,
                            event=event.ref,
                            role=role,
                            ref=ref,
                        )
                    )
        for stance in p.stances:
            for what, side in (
                (Message("holder"), stance.holder_ref),
                (Message("target"), stance.target_ref),
            ):
                if side is not None and side not in source_refs:
                    problems.append(
                        Message(
                            "{where}: a stance's {what} refers to entity {ref!r}, which "
                            "the file does not define",
                            where=p.source.where,
                            what=what,
                            ref=side,
                        )
                    )
            if stance.scope == "attributed" and stance.holder_ref is None:
                problems.append(
                    Message("{where}: an attributed stance has no holder", where=p.source.where)
                )
            if stance.scope == "document" and stance.holder_ref is not None:
                problems.append(
                    Message(
                        "{where}: a document stance (the author's) cannot have a holder",
                        where=p.source.where,
                    )
                )
            if (stance.target_label is None) == (stance.target_ref is None):
                problems.append(
                    Message(
                        "{where}: a stance needs one target: a stance target or an entity",
                        where=p.source.where,
                    )
                )
    return problems


class Matcher:
    """Matches prepared documents to the documents the project held before the import:
    by canonical text, or, for texts rebuilt from tokens, by their text without
    whitespace (offsets then aligned to the project's text)."""

    def __init__(self, conn: Connection):
        self.last_before = conn.execute(select(func.max(Document.id))).scalar() or 0
        self.squeezed: dict[str, int] | None = None  # read at the first rebuilt text
        self.aligned = 0

    def match(self, conn: Connection, prepared: list[Prepared]) -> None:
        shas = sorted({p.sha for p in prepared})
        known: dict[str, int] = {}
        for batch in in_batches(shas):
            known.update(
                conn.execute(
                    select(Document.text_sha256, Document.id).where(
                        Document.text_sha256.in_(batch), Document.id <= self.last_before
                    )
                ).all()
            )
        for p in prepared:
            if p.sha in known:
                p.existing_id = known[p.sha]
            elif p.source.rebuilt:
                match_id = self._squeezed(conn).get(_squeezed_digest(p.text))
                if match_id is not None:
                    text = conn.execute(
                        select(Document.text).where(Document.id == match_id)
                    ).scalar_one()
                    align_to(p, text)
                    p.existing_id = match_id
                    self.aligned += 1

    def _squeezed(self, conn: Connection) -> dict[str, int]:
        if self.squeezed is None:
            self.squeezed = {}
            rows = conn.execute(
                select(Document.id, Document.text)
                .where(Document.id <= self.last_before)
                .order_by(Document.id)
            )
            for doc_id, text in rows:
                self.squeezed.setdefault(_squeezed_digest(text), doc_id)
        return self.squeezed

    def note(self, report: ImportReport) -> None:
        if self.aligned:
            report.notes.append(
                Message(
                    "documents matched to project documents by their tokens (the file's text "
                    "was rebuilt from tokens): {count:,}",
                    count=self.aligned,
                )
            )


def _squeezed_digest(text: str) -> str:
    """A text's fingerprint without its whitespace: a text rebuilt from tokens matches."""
    return hashlib.sha256("".join(text.split()).encode()).hexdigest()


DocumentKey = tuple[str, Any]  # ("id", a project document's id) or ("sha", a new text's digest)


def document_key(p: Prepared) -> DocumentKey:
    return ("id", p.existing_id) if p.existing_id is not None else ("sha", p.sha)


class SetChecker:
    """One annotation set per document: a file holding several sets of a document needs
    --from-set."""

    def __init__(self, options: ImportOptions):
        self.from_set = options.from_set
        self.first: dict[DocumentKey, tuple[str | None, str]] = {}  # (set name, where)
        self.several: dict[DocumentKey, set[str | None]] = {}

    def add(self, p: Prepared) -> None:
        key, name = document_key(p), p.source.source_set
        first = self.first.setdefault(key, (name, p.source.where))
        if first[0] != name or key in self.several:
            self.several.setdefault(key, {first[0]}).add(name)

    def problems(self) -> list[str]:
        if self.from_set is not None:
            return []
        problems: list[str] = []
        for key, names in self.several.items():
            listed = ", ".join(sorted(n or "(unnamed)" for n in names))
            problems.append(
                Message(
                    "{where}: the file holds several annotation sets of this "
                    "document ({sets}); choose one (--from-set)",
                    where=self.first[key][1],
                    sets=listed,
                )
            )
        return problems


class LabelUse:
    """The labels, event types, roles, stance targets and polarities an import uses."""

    def __init__(self) -> None:
        self.wanted: dict[str, set[str]] = defaultdict(set)
        self.roles: set[tuple[str, str]] = set()
        self.several: set[tuple[str, str]] = set()  # (type, role) given twice in an event

    def add(
        self,
        entity_labels: Iterable[str],
        events: Iterable[tuple[str, list[str]]],
        stances: Iterable[tuple[str, str | None]],
    ) -> None:
        """`events`: (type, the roles of its arguments); `stances`: (polarity, target)."""
        self.wanted[ENTITY].update(entity_labels)
        for event_type, roles in events:
            self.wanted[EVENT].add(event_type)
            self.roles.update((event_type, role) for role in roles)
            counts = Counter(roles)
            self.several.update((event_type, role) for role, n in counts.items() if n > 1)
        for polarity, target in stances:
            self.wanted[POLARITY].add(polarity)
            if target is not None:
                self.wanted[STANCE_TARGET].add(target)

    def add_prepared(self, p: Prepared) -> None:
        self.add(
            (e.label for e in p.entities),
            ((e.type, [role for role, _ in e.arguments]) for e in p.events),
            ((s.polarity, s.target_label) for s in p.stances),
        )

    def unknown(self, schema: ProjectSchema) -> dict[str, list[str]]:
        """What the schema lacks, per layer ("role": "TYPE:role"), sorted."""
        unknown: dict[str, list[str]] = {}
        for layer in (ENTITY, EVENT, STANCE_TARGET, POLARITY):
            missing = sorted(
                k for k in self.wanted.get(layer, ()) if schema.by_key(layer, k) is None
            )
            if missing:
                unknown[layer] = missing
        missing_roles = self.missing_roles(schema)
        if missing_roles:
            unknown["role"] = [f"{type_key}:{role}" for type_key, role in missing_roles]
        return unknown

    def missing_roles(self, schema: ProjectSchema) -> list[tuple[str, str]]:
        """(event type, role) the schema lacks, sorted."""
        missing = []
        for type_key, role in sorted(self.roles):
            event_type = schema.by_key(EVENT, type_key)
            if event_type is None or all(r.key != role for r in schema.roles_of(event_type.id)):
                missing.append((type_key, role))
        return missing


def label_places(prepared: list[Prepared]) -> dict[tuple[str, str], str]:
    """Where each label, event type, polarity, stance target and role ("Type:Role") is
    first used: "file line N", for the messages about labels the schema lacks."""
    places: dict[tuple[str, str], str] = {}

    def first_use(key: tuple[str, str], doc: ImportedDocument, line: int | None) -> None:
        if key not in places:  # "file line N" made once a label, not once a use
            places[key] = at_line(doc, line)

    for p in prepared:
        doc = p.source
        for entity in doc.entities:
            first_use((ENTITY, entity.label), doc, entity.line)
        for event in doc.events:
            first_use((EVENT, event.type), doc, event.line)
            for argument in event.arguments:
                first_use(
                    ("role", f"{event.type}:{argument.role}"), doc, argument.line or event.line
                )
        for stance in doc.stances:
            first_use((POLARITY, stance.polarity), doc, stance.line)
            if stance.target_label is not None:
                first_use((STANCE_TARGET, stance.target_label), doc, stance.line)
    return places


def shared_text_notes(documents: list[DocumentWork]) -> list[str]:
    """Records of a file that turned out to hold the same text: they become one document
    (their annotations together), which keeps only the first record's own fields."""
    notes = (shared_text_note([p.source.where for p in work.parts]) for work in documents)
    return [note for note in notes if note is not None]


def shared_text_note(wheres: list[str]) -> str | None:
    """The note for the records (where each is) that became one document, if several."""
    places = list(dict.fromkeys(wheres))
    if len(places) < 2:
        return None
    first, others = places[0], places[1:]
    listed: str
    if all(" line " in w for w in places) and len({w.split(" line ")[0] for w in places}) == 1:
        name = first.split(" line ")[0]
        lines = ", ".join(w.split(" line ")[1] for w in others)
        listed = Message("{file} lines {lines}", file=name, lines=lines)
    else:
        listed = ", ".join(others)
    if len(others) > 1:
        return Message(
            "{listed} have the same text as {first}: one document, their annotations "
            "together; the document keeps the first record's fields (id, title, metadata)",
            listed=listed,
            first=first,
        )
    return Message(
        "{listed} has the same text as {first}: one document, their annotations "
        "together; the document keeps the first record's fields (id, title, metadata)",
        listed=listed,
        first=first,
    )


@dataclass
class DocumentWork:
    key: DocumentKey
    existing_id: int | None
    text: str
    sha: str
    first: ImportedDocument
    parts: list[Prepared]


def group_by_document(prepared: list[Prepared]) -> list[DocumentWork]:
    groups: dict[DocumentKey, DocumentWork] = {}
    for p in prepared:
        key = document_key(p)
        work = groups.get(key)
        if work is None:
            groups[key] = DocumentWork(key, p.existing_id, p.text, p.sha, p.source, [p])
        else:
            work.parts.append(p)
    return list(groups.values())


def count_only(documents: list[DocumentWork], report: ImportReport) -> None:
    for work in documents:
        for p in work.parts:
            report.entities += len(p.entities)
            report.events += len(p.events)
            report.arguments += sum(len(e.arguments) for e in p.events)
            report.stances += len(p.stances)
            report.excluded += len(p.excluded)
