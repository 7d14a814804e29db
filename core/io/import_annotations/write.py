"""Writing an annotation import in its transaction: labels the schema lacks (when
asked), the annotator, new documents, the annotator's sets, then every annotation
not already in them (importing the same file again adds nothing).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from sqlalchemy import Connection, select

from core.documents.importing import title_from_text
from core.io.import_annotations.match import DocumentWork
from core.io.import_annotations.options import ImportReport
from core.project.journal import Txn
from core.schema.labels import insert_label
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET, ProjectSchema
from core.schema.roles import insert_role
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
    label_ids, role_ids = add_unknown_labels(tx, schema, unknown, documents)
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
