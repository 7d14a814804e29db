"""Writing an annotation import in its transaction: labels the schema lacks (when
asked), the annotator, new documents (with the file's tokens and sentences, when
it is a tokenised format), the annotator's sets, then every annotation not
already in them (importing the same file again adds nothing).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, func, select

from core.documents.importing import title_from_text
from core.documents.token_layer import write_token_layer
from core.io.import_annotations.match import DocumentKey, DocumentWork
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
    tx: Txn,
    schema: ProjectSchema,
    unknown: dict[str, list[str]],
    missing_roles: list[tuple[str, str]],
    several: set[tuple[str, str]],
) -> tuple[dict[tuple[str, str], int], dict[tuple[int, str], int]]:
    """Add the labels and roles the files use and the schema lacks (named by their key),
    as the schema editor adds them; a role given twice in one event takes several
    arguments. Return (layer, key) -> id and (type id, role) -> id."""
    label_ids = {(label.layer, label.key): label.id for label in schema.labels}
    role_ids = {(role.event_type_id, role.key): role.id for role in schema.roles}
    for layer in (ENTITY, EVENT, STANCE_TARGET, POLARITY):
        for key in unknown.get(layer, ()):
            label_ids[(layer, key)] = insert_label(tx, layer, key, name_en=key)
    for type_key, role in missing_roles:
        type_id = label_ids[(EVENT, type_key)]
        role_ids[(type_id, role)] = insert_role(
            tx, type_id, role, name_en=role, multiple=(type_key, role) in several
        )
    return label_ids, role_ids


class ImportWriter:
    """Writes an import a batch of documents at a time, in its one transaction: the new
    documents, the annotator's sets, then every annotation not already in them. Ids come
    out as if everything were written at once (each table's rows in document order)."""

    def __init__(
        self,
        tx: Txn,
        annotator: str,
        report: ImportReport,
        label_ids: dict[tuple[str, str], int],
        role_ids: dict[tuple[int, str], int],
    ):
        self.tx, self.report = tx, report
        self.label_ids, self.role_ids = label_ids, role_ids
        self.annotator_id, self.annotator_note = _annotator_id(tx, annotator)
        self.now = utc_now()
        # spans above this id were added by this import (a document given in several parts)
        self.last_span_before = tx.conn.execute(select(func.max(EntitySpan.id))).scalar() or 0
        self.written: dict[DocumentKey, tuple[int, int]] = {}  # document and set ids

    def write_batch(self, documents: list[DocumentWork]) -> None:
        tx = self.tx
        doc_ids = self._add_documents(documents)
        set_of, created = self._annotator_sets(documents, doc_ids)
        for work, doc_id in zip(documents, doc_ids, strict=True):
            self.written[work.key] = (doc_id, set_of[doc_id])
        # sets made just now hold nothing yet
        older = [set_id for set_id in set_of.values() if set_id not in created]
        writer = _AnnotationWriter(
            tx, self.report, self.label_ids, self.role_ids, set_of, older, self.last_span_before
        )
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

    def finish(self) -> None:
        if self.annotator_note:
            self.report.notes.append(self.annotator_note)

    def _add_documents(self, documents: list[DocumentWork]) -> list[int]:
        """Add the documents the project lacks, as importing them as text would; returns
        each work's document id, in order."""
        report = self.report
        rows = []
        for work in documents:
            if work.existing_id is not None or work.key in self.written:
                continue
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
        added = iter(self.tx.insert_many(Document, rows))
        doc_ids = []
        for work in documents:
            if work.key in self.written:
                doc_ids.append(self.written[work.key][0])
            elif work.existing_id is not None:
                doc_ids.append(work.existing_id)
                report.documents_matched.append(work.existing_id)
            else:
                doc_id = next(added)
                doc_ids.append(doc_id)
                report.documents_added.append(doc_id)
                self.tx.changes.documents_added.add(doc_id)
                for part in work.parts:  # the first file's tokens and sentences
                    if part.tokens is not None and part.sentences is not None:
                        write_token_layer(
                            self.tx, doc_id, report.format, part.tokens, part.sentences
                        )
                        break
        return doc_ids

    def _annotator_sets(
        self, documents: list[DocumentWork], doc_ids: list[int]
    ) -> tuple[dict[int, int], set[int]]:
        """document id -> the annotator's set on it, created or moved on to in progress;
        and the ids of the sets created."""
        tx = self.tx
        set_of: dict[int, int] = {}
        state_of: dict[int, str] = {}
        fresh = [
            doc_id
            for work, doc_id in zip(documents, doc_ids, strict=True)
            if work.key not in self.written
        ]
        for batch in in_batches(fresh):
            for doc_id, set_id, state in tx.conn.execute(
                select(AnnotationSet.document_id, AnnotationSet.id, AnnotationSet.state).where(
                    AnnotationSet.annotator_id == self.annotator_id,
                    AnnotationSet.document_id.in_(batch),
                )
            ):
                set_of[doc_id], state_of[doc_id] = set_id, state
        new_sets = []
        for doc_id in fresh:
            if doc_id in set_of:
                values: dict[str, Any] = {"updated_at": self.now}
                if state_of[doc_id] == "new":
                    values["state"] = "in_progress"
                tx.update(AnnotationSet, set_of[doc_id], **values)
            else:
                new_sets.append(doc_id)
        created = tx.insert_many(
            AnnotationSet,
            [
                {
                    "document_id": doc_id,
                    "annotator_id": self.annotator_id,
                    "state": "in_progress",
                    "updated_at": self.now,
                }
                for doc_id in new_sets
            ],
        )
        set_of.update(zip(new_sets, created, strict=True))
        self.report.sets_created += len(created)
        for work, doc_id in zip(documents, doc_ids, strict=True):
            if work.key in self.written:
                set_of[doc_id] = self.written[work.key][1]
            tx.changes.sets.add(set_of[doc_id])
            tx.changes.documents.add(doc_id)
        return set_of, set(created)


def _annotator_id(tx: Txn, annotator: str) -> tuple[int, Message | None]:
    """The annotator's id (added when new) and the note saying it was added."""
    found = tx.conn.execute(select(Annotator.id).where(Annotator.name == annotator)).scalar()
    if found is not None:
        return found, None
    tx.changes.annotators = True
    return tx.insert(Annotator, name=annotator, role="annotator"), Message(
        "new annotator {name}", name=annotator
    )


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
        older_sets: list[int],
        last_span_before: int,
    ):
        self.tx, self.report = tx, report
        self.label_ids, self.role_ids = label_ids, role_ids
        self.existing = _existing_annotations(tx.conn, set_of, older_sets)
        self.last_span_before = last_span_before
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
                span_id = self.existing["spans"][key]
                self.entity_ids[(id(part), e.ref)] = span_id
                if span_id > self.last_span_before:  # written from an earlier part
                    report.already_present[Message("entities given twice in the file(s)")] += 1
                else:
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
        self.report.entities += len(new_span_ids)

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
        report.events += len(self.event_rows)
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
        report.arguments += len(argument_rows)

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
        self.report.excluded += len(self.excluded_rows)


def _existing_annotations(
    conn: Connection, set_of: dict[int, int], older_sets: list[int]
) -> dict[str, Any]:
    """What the sets hold already: the annotations of `older_sets` (the others are new),
    and the excluded ranges of every set (ranges excluded for everyone included)."""
    found: dict[str, Any] = {
        "spans": {},
        "events": {},
        "arguments": set(),
        "stances": set(),
        "document_stances": set(),
        "excluded": {},
    }
    for chunk in in_batches(older_sets):
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
    for documents in in_batches(list(set_of)):
        for document_id, set_id, region_start, region_end in conn.execute(
            select(
                ExcludedRegion.document_id,
                ExcludedRegion.set_id,
                ExcludedRegion.start,
                ExcludedRegion.end,
            ).where(ExcludedRegion.document_id.in_(documents))
        ):
            target = set_id if set_id is not None else set_of[document_id]
            found["excluded"].setdefault(target, set()).add((document_id, region_start, region_end))
    return found
