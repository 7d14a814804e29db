"""Writing an annotation import in its transaction: labels the schema lacks (when
asked), the annotator, new documents (with the file's tokens and sentences, when
it is a tokenised format), the annotator's sets, then every annotation not
already in them (importing the same file again adds nothing).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from sqlalchemy import Connection, select

from core.documents.importing import title_from_text
from core.documents.token_layer import write_token_layer
from core.io.import_annotations.match import DocumentWork
from core.io.import_annotations.options import ImportReport
from core.io.import_annotations.prepare import Prepared
from core.project.journal import Txn
from core.project.project import in_batches
from core.schema.labels import insert_label
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET, ProjectSchema
from core.schema.roles import insert_role
from models.messages import Message
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    ExcludedRegion,
    Stance,
    StanceEvidence,
    utc_now,
)


def add_unknown_labels(
    tx: Txn, schema: ProjectSchema, unknown: dict[str, list[str]], documents: list[DocumentWork]
) -> tuple[dict[tuple[str, str], int], dict[tuple[int, str], int]]:
    """Add the labels and roles the files use and the schema lacks (named by their key),
    as the schema editor adds them; return (layer, key) -> id and (type id, role) -> id."""
    label_ids = {(label.layer, label.key): label.id for label in schema.labels}
    role_ids = {(role.event_type_id, role.key): role.id for role in schema.roles}
    if not unknown:
        return label_ids, role_ids
    for layer in (ENTITY, EVENT, STANCE_TARGET, POLARITY):
        for key in unknown.get(layer, ()):
            label_ids[(layer, key)] = insert_label(tx, layer, key, name_en=key)
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
        role_ids[(type_id, role)] = insert_role(
            tx, type_id, role, name_en=role, multiple=(type_key, role) in several
        )
    return label_ids, role_ids


def write_import(
    tx: Txn,
    schema: ProjectSchema,
    annotator: str,
    documents: list[DocumentWork],
    unknown: dict[str, list[str]],
    report: ImportReport,
) -> None:
    """Write the import in this transaction, counting what is added in `report`."""
    label_ids, role_ids = add_unknown_labels(tx, schema, unknown, documents)
    report.labels_added = dict(unknown)
    annotator_id = _annotator_id(tx, annotator, report)
    doc_ids = add_documents(tx, documents, report)
    set_of = _annotator_sets(tx, doc_ids, annotator_id, report)
    writer = _AnnotationWriter(tx, report, label_ids, role_ids, set_of)
    for work, doc_id in zip(documents, doc_ids, strict=True):
        for part in work.parts:
            writer.queue_entities(set_of[doc_id], part)
    writer.write_entities()
    for work, doc_id in zip(documents, doc_ids, strict=True):
        for part in work.parts:
            writer.queue_events(set_of[doc_id], part)
    writer.write_events()
    for work, doc_id in zip(documents, doc_ids, strict=True):
        for part in work.parts:
            writer.write_stances(set_of[doc_id], part)
            writer.queue_excluded(set_of[doc_id], doc_id, part)
    writer.write_rest()


def _annotator_id(tx: Txn, annotator: str, report: ImportReport) -> int:
    found = tx.conn.execute(select(Annotator.id).where(Annotator.name == annotator)).scalar()
    if found is not None:
        return found
    tx.changes.annotators = True
    report.notes.append(Message("new annotator {name}", name=annotator))
    return tx.insert(Annotator, name=annotator, role="annotator")


def add_documents(tx: Txn, documents: list[DocumentWork], report: ImportReport) -> list[int]:
    """Add the documents the project lacks, as importing them as text would; returns each
    work's document id, in order."""
    matched = [w.existing_id for w in documents]  # None: not in the project yet
    report.documents_matched = [doc_id for doc_id in matched if doc_id is not None]
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
    new_ids = tx.insert_many(Document, rows)
    for work, doc_id in zip(new_docs, new_ids, strict=True):
        work.existing_id = doc_id
        report.documents_added.append(doc_id)
        tx.changes.documents_added.add(doc_id)
        for part in work.parts:  # the first file's tokens and sentences
            if part.tokens is not None and part.sentences is not None:
                write_token_layer(tx, doc_id, report.format, part.tokens, part.sentences)
                break
    added = iter(new_ids)
    return [doc_id if doc_id is not None else next(added) for doc_id in matched]


def _annotator_sets(
    tx: Txn, doc_ids: list[int], annotator_id: int, report: ImportReport
) -> dict[int, int]:
    """document id -> the annotator's set on it, created or moved on to in progress."""
    set_of: dict[int, int] = {}
    for batch in in_batches(doc_ids):
        set_of.update(
            tx.conn.execute(
                select(AnnotationSet.document_id, AnnotationSet.id).where(
                    AnnotationSet.annotator_id == annotator_id,
                    AnnotationSet.document_id.in_(batch),
                )
            ).all()
        )
    now = utc_now()
    for doc_id in doc_ids:
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
    return set_of


class _AnnotationWriter:
    """Adds the annotations not already in the sets, many rows per statement. Entities
    come first (events and stances point at them), events before their arguments."""

    def __init__(
        self,
        tx: Txn,
        report: ImportReport,
        label_ids: dict[tuple[str, str], int],
        role_ids: dict[tuple[int, str], int],
        set_of: dict[int, int],
    ):
        self.tx, self.report = tx, report
        self.label_ids, self.role_ids = label_ids, role_ids
        self.existing = _existing_annotations(tx.conn, list(set_of.values()))
        self.span_rows: list[dict[str, Any]] = []
        self.row_of_key: dict[tuple, int] = {}
        self.row_of_ref: dict[tuple[int, str], int] = {}
        self.entity_ids: dict[tuple[int, str], int] = {}  # (part, ref) -> span id
        self.event_rows: list[dict[str, Any]] = []
        self.queued_events: dict[tuple[int, int, int, int], int] = {}  # key -> its row
        self.event_arguments: list[list[tuple[int, int]]] = []  # per new event
        self.argument_plans: list[tuple[int, list[tuple[int, int]]]] = []  # (event, args)
        self.evidence_rows: list[dict[str, Any]] = []
        self.excluded_rows: list[dict[str, Any]] = []

    def queue_entities(self, set_id: int, part: Prepared) -> None:
        report = self.report
        for e in part.entities:
            key = (set_id, e.start, e.end, self.label_ids[(ENTITY, e.label)])
            if key in self.existing["spans"]:
                self.entity_ids[(id(part), e.ref)] = self.existing["spans"][key]
                report.already_present[Message("entities")] += 1
                continue
            if key in self.row_of_key:
                report.already_present[Message("entities given twice in the file(s)")] += 1
            else:
                self.row_of_key[key] = len(self.span_rows)
                self.span_rows.append(
                    {
                        "set_id": set_id,
                        "label_id": key[3],
                        "start": e.start,
                        "end": e.end,
                        "note": e.note,
                    }
                )
            self.row_of_ref[(id(part), e.ref)] = self.row_of_key[key]

    def write_entities(self) -> None:
        new_span_ids = self.tx.insert_many(EntitySpan, self.span_rows)
        for ref_key, row in self.row_of_ref.items():
            self.entity_ids[ref_key] = new_span_ids[row]
        self.report.entities = len(new_span_ids)

    def queue_events(self, set_id: int, part: Prepared) -> None:
        for ev in part.events:
            type_id = self.label_ids[(EVENT, ev.type)]
            key = (set_id, ev.start, ev.end, type_id)
            event_id = self.existing["events"].get(key)
            args = [
                (self.role_ids[(type_id, role)], self.entity_ids[(id(part), ref)])
                for role, ref in ev.arguments
            ]
            if event_id is not None:
                self.report.already_present[Message("events")] += 1
                self.argument_plans.append((event_id, args))
                continue
            if key in self.queued_events:  # the same event twice in the files: one, with
                self.report.already_present["events given twice in the file(s)"] += 1
                self.event_arguments[self.queued_events[key]].extend(args)  # all arguments
                continue
            self.queued_events[key] = len(self.event_rows)
            self.event_rows.append(
                {
                    "set_id": set_id,
                    "type_id": type_id,
                    "start": ev.start,
                    "end": ev.end,
                    "note": ev.note,
                }
            )
            self.event_arguments.append(args)

    def write_events(self) -> None:
        """The new events, then the arguments not already given (of new and old events)."""
        tx, report = self.tx, self.report
        new_ids = tx.insert_many(EventMention, self.event_rows)
        self.argument_plans.extend(zip(new_ids, self.event_arguments, strict=True))
        report.events = len(self.event_rows)
        argument_rows = []
        for event_id, args in self.argument_plans:
            for role_id, span_id in args:
                key = (event_id, role_id, span_id)
                if key in self.existing["arguments"]:
                    report.already_present[Message("event arguments")] += 1
                    continue
                self.existing["arguments"].add(key)
                argument_rows.append({"event_id": event_id, "role_id": role_id, "span_id": span_id})
        tx.insert_many(EventArgument, argument_rows)
        report.arguments = len(argument_rows)

    def write_stances(self, set_id: int, part: Prepared) -> None:
        """Stances one by one (their evidence needs their ids); the evidence is queued."""
        existing, label_ids = self.existing, self.label_ids
        for st in part.stances:
            holder = self.entity_ids[(id(part), st.holder_ref)] if st.holder_ref else None
            target_span = self.entity_ids[(id(part), st.target_ref)] if st.target_ref else None
            target_label = label_ids[(STANCE_TARGET, st.target_label)] if st.target_label else None
            key = (set_id, st.scope, holder, target_label, target_span)
            if key in existing["stances"] or (
                st.scope == "document" and (set_id, target_label) in existing["document_stances"]
            ):
                self.report.already_present[Message("stances")] += 1
                continue
            existing["stances"].add(key)
            existing["document_stances"].add((set_id, target_label))
            stance_id = self.tx.insert(
                Stance,
                set_id=set_id,
                scope=st.scope,
                holder_span_id=holder,
                target_label_id=target_label,
                target_span_id=target_span,
                polarity_id=label_ids[(POLARITY, st.polarity)],
                note=st.note,
            )
            self.report.stances += 1
            self.evidence_rows.extend(
                {"stance_id": stance_id, "start": s, "end": e} for s, e in st.evidence
            )

    def queue_excluded(self, set_id: int, document_id: int, part: Prepared) -> None:
        seen = self.existing["excluded"].setdefault(set_id, set())
        for start, end, reason in part.excluded:
            if (document_id, start, end) in seen:
                self.report.already_present[Message("excluded ranges")] += 1
                continue
            seen.add((document_id, start, end))
            self.excluded_rows.append(
                {
                    "document_id": document_id,
                    "set_id": set_id,
                    "start": start,
                    "end": end,
                    "reason": reason,
                }
            )

    def write_rest(self) -> None:
        """The queued stance evidence and excluded ranges."""
        self.tx.insert_many(StanceEvidence, self.evidence_rows)
        self.tx.insert_many(ExcludedRegion, self.excluded_rows)
        self.report.excluded = len(self.excluded_rows)


def _existing_annotations(conn: Connection, set_ids: list[int]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "spans": {},
        "events": {},
        "arguments": set(),
        "stances": set(),
        "document_stances": set(),
        "excluded": {},
    }
    for chunk in in_batches(set_ids):
        for span in conn.execute(
            select(
                EntitySpan.set_id,
                EntitySpan.start,
                EntitySpan.end,
                EntitySpan.label_id,
                EntitySpan.id,
            ).where(EntitySpan.set_id.in_(chunk))
        ):
            found["spans"][tuple(span[:4])] = span[4]
        for event in conn.execute(
            select(
                EventMention.set_id,
                EventMention.start,
                EventMention.end,
                EventMention.type_id,
                EventMention.id,
            ).where(EventMention.set_id.in_(chunk))
        ):
            found["events"][tuple(event[:4])] = event[4]
        for argument in conn.execute(
            select(EventArgument.event_id, EventArgument.role_id, EventArgument.span_id)
            .join(EventMention, EventMention.id == EventArgument.event_id)
            .where(EventMention.set_id.in_(chunk))
        ):
            found["arguments"].add(tuple(argument))
        for stance in conn.execute(
            select(
                Stance.set_id,
                Stance.scope,
                Stance.holder_span_id,
                Stance.target_label_id,
                Stance.target_span_id,
            ).where(Stance.set_id.in_(chunk))
        ):
            found["stances"].add(tuple(stance))
            if stance[1] == "document":
                found["document_stances"].add((stance[0], stance[3]))
        doc_of_set = dict(
            conn.execute(
                select(AnnotationSet.id, AnnotationSet.document_id).where(
                    AnnotationSet.id.in_(chunk)
                )
            ).all()
        )
        for region in conn.execute(
            select(
                ExcludedRegion.document_id,
                ExcludedRegion.set_id,
                ExcludedRegion.start,
                ExcludedRegion.end,
            ).where(ExcludedRegion.document_id.in_(list(doc_of_set.values())))
        ):
            document_id, set_id, region_start, region_end = region
            targets = (
                [set_id]
                if set_id is not None
                else [s for s, d in doc_of_set.items() if d == document_id]
            )
            for target in targets:
                found["excluded"].setdefault(target, set()).add(
                    (document_id, region_start, region_end)
                )
    return found
