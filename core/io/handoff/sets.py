"""Whole annotation sets between projects: read with labels as keys and spans as
offsets (`SetContent`, comparable between projects by its `signature`), and written
into another project with that project's label and role ids and fresh row ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from core.project.project import in_batches
from core.schema.model import (
    ENTITY,
    EVENT,
    POLARITY,
    STANCE_TARGET,
    ProjectSchema,
)
from core.text.snap import trim_whitespace
from models.tables import (
    AnnotationSet,
    EntitySpan,
    EventArgument,
    EventMention,
    EventRole,
    ExcludedRegion,
    Label,
    Layer,
    Stance,
    StanceEvidence,
)


@dataclass
class SetContent:
    """One annotation set, with labels as keys and spans as offsets (ids only to link)."""

    state: str
    updated_at: str
    spans: list[dict[str, Any]] = field(default_factory=list)  # id, start, end, label, note
    events: list[dict[str, Any]] = field(default_factory=list)  # id, start, end, type, note
    arguments: list[dict[str, Any]] = field(default_factory=list)  # event_id, role, span_id...
    stances: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # stance_id, start, end
    excluded: list[dict[str, Any]] = field(default_factory=list)  # start, end, reason

    def counts(self) -> dict[str, int]:
        return {
            "spans": len(self.spans),
            "events": len(self.events),
            "arguments": len(self.arguments),
            "stances": len(self.stances),
            "excluded": len(self.excluded),
        }

    @property
    def empty(self) -> bool:
        return not any(self.counts().values())

    def trim_whitespace(self, text: str) -> int:
        """Take whitespace off the edges of spans, triggers and evidence (no span has
        any; older files may); how many were trimmed. A span trimmed onto another of the
        same label becomes that one, its references moving with it."""
        trimmed = 0
        kept: dict[tuple[int, int, str], int] = {}
        merged: dict[int, int] = {}
        spans = []
        for rows in (self.spans, self.events, self.evidence):
            for row in rows:
                start, end = trim_whitespace(text, row["start"], row["end"])
                if (start, end) != (row["start"], row["end"]) and start < end:
                    row["start"], row["end"] = start, end
                    trimmed += 1
        for span in self.spans:
            key = (span["start"], span["end"], span["label"])
            if key in kept:
                merged[span["id"]] = kept[key]
            else:
                kept[key] = span["id"]
                spans.append(span)
        if merged:
            self.spans = spans
            for argument in self.arguments:
                argument["span_id"] = merged.get(argument["span_id"], argument["span_id"])
            for stance in self.stances:
                for side in ("holder_span_id", "target_span_id"):
                    stance[side] = merged.get(stance[side], stance[side])
        return trimmed

    def signature(self) -> tuple[Any, ...]:
        """The content without row ids, comparable between projects."""
        spans = {s["id"]: (s["start"], s["end"], s["label"]) for s in self.spans}

        def span_ref(span_id: int | None, detached: tuple[Any, ...] = ()) -> Any:
            return spans.get(span_id) if span_id is not None else ("detached", *detached)

        arguments: defaultdict[int, list[Any]] = defaultdict(list)
        for a in self.arguments:
            where = (a["detached_start"], a["detached_end"], a["detached_label"])
            arguments[a["event_id"]].append((a["role"], span_ref(a["span_id"], where)))
        evidence: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in self.evidence:
            evidence[e["stance_id"]].append((e["start"], e["end"]))
        return (
            self.state,
            sorted((s["start"], s["end"], s["label"], s["note"]) for s in self.spans),
            sorted(
                (
                    e["start"],
                    e["end"],
                    e["type"],
                    e["note"],
                    tuple(sorted(arguments[e["id"]], key=repr)),
                )
                for e in self.events
            ),
            sorted(
                (
                    (
                        s["scope"],
                        repr(span_ref(s["holder_span_id"])),
                        s["target_label"] or "",  # "" for none: tuples are compared
                        repr(span_ref(s["target_span_id"])),
                        s["polarity"] or "",
                        s["note"],
                        tuple(sorted(evidence[s["id"]])),
                    )
                    for s in self.stances
                ),
            ),
            sorted((r["start"], r["end"], r["reason"]) for r in self.excluded),
        )


def _label_keys(conn: Connection) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[str, str]]]:
    """label id -> (layer key, label key); role id -> (event type key, role key)."""
    layers = dict(conn.execute(select(Layer.id, Layer.key)).all())
    labels = {
        row.id: (layers[row.layer_id], row.key)
        for row in conn.execute(select(Label.id, Label.layer_id, Label.key))
    }
    roles = {
        row.id: (labels[row.event_type_id][1], row.key)
        for row in conn.execute(select(EventRole.id, EventRole.event_type_id, EventRole.key))
    }
    return labels, roles


def read_sets(conn: Connection, set_ids: Sequence[int]) -> dict[int, SetContent]:
    """Every listed set's content, read in a few queries (500 sets at a time)."""
    reader = _SetReader(conn)
    for batch in in_batches(set_ids):
        reader.read(batch)
    return reader.contents


class _SetReader:
    """Reads sets table by table, with labels and roles as keys."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.labels, self.roles = _label_keys(conn)
        self.contents: dict[int, SetContent] = {}

    def read(self, chunk: Sequence[int]) -> None:
        for row in self.conn.execute(
            select(AnnotationSet.id, AnnotationSet.state, AnnotationSet.updated_at).where(
                AnnotationSet.id.in_(chunk)
            )
        ):
            self.contents[row.id] = SetContent(row.state, row.updated_at)
        self.spans(chunk)
        self.arguments(self.events(chunk))
        self.evidence(self.stances(chunk))
        self.excluded(chunk)

    def rows(self, model, column, ids: Sequence[int]):
        return self.conn.execute(select(model).where(column.in_(ids))).mappings()

    def spans(self, chunk: Sequence[int]) -> None:
        for row in self.rows(EntitySpan, EntitySpan.set_id, chunk):
            self.contents[row["set_id"]].spans.append(
                {
                    "id": row["id"],
                    "start": row["start"],
                    "end": row["end"],
                    "label": self.labels[row["label_id"]][1],
                    "note": row["note"],
                    "created_at": row["created_at"],
                }
            )

    def events(self, chunk: Sequence[int]) -> dict[int, int]:
        """Read the events; return event id -> set id."""
        events = {}
        for row in self.rows(EventMention, EventMention.set_id, chunk):
            events[row["id"]] = row["set_id"]
            self.contents[row["set_id"]].events.append(
                {
                    "id": row["id"],
                    "start": row["start"],
                    "end": row["end"],
                    "type": self.labels[row["type_id"]][1],
                    "note": row["note"],
                    "created_at": row["created_at"],
                }
            )
        return events

    def arguments(self, events: dict[int, int]) -> None:
        if not events:
            return
        for row in self.rows(EventArgument, EventArgument.event_id, list(events)):
            self.contents[events[row["event_id"]]].arguments.append(
                {
                    "event_id": row["event_id"],
                    "role": self.roles[row["role_id"]],  # (event type, role)
                    "span_id": row["span_id"],
                    "detached_start": row["detached_start"],
                    "detached_end": row["detached_end"],
                    "detached_label": row["detached_label"],
                }
            )

    def stances(self, chunk: Sequence[int]) -> dict[int, int]:
        """Read the stances; return stance id -> set id."""
        stances = {}
        for row in self.rows(Stance, Stance.set_id, chunk):
            stances[row["id"]] = row["set_id"]
            target = row["target_label_id"]
            self.contents[row["set_id"]].stances.append(
                {
                    "id": row["id"],
                    "scope": row["scope"],
                    "holder_span_id": row["holder_span_id"],
                    "target_label": self.labels[target][1] if target is not None else None,
                    "target_span_id": row["target_span_id"],
                    "polarity": self.labels[row["polarity_id"]][1]
                    if row["polarity_id"] is not None
                    else None,
                    "note": row["note"],
                    "created_at": row["created_at"],
                }
            )
        return stances

    def evidence(self, stances: dict[int, int]) -> None:
        if not stances:
            return
        for row in self.rows(StanceEvidence, StanceEvidence.stance_id, list(stances)):
            self.contents[stances[row["stance_id"]]].evidence.append(
                {"stance_id": row["stance_id"], "start": row["start"], "end": row["end"]}
            )

    def excluded(self, chunk: Sequence[int]) -> None:
        for row in self.rows(ExcludedRegion, ExcludedRegion.set_id, chunk):
            self.contents[row["set_id"]].excluded.append(
                {
                    "start": row["start"],
                    "end": row["end"],
                    "reason": row["reason"],
                    "created_at": row["created_at"],
                }
            )


def used_keys(content: SetContent) -> set[tuple[str, str]]:
    """(layer, key) of every label a set uses; roles as ("role", "Type/Role")."""
    used = {(ENTITY, s["label"]) for s in content.spans}
    used |= {(EVENT, e["type"]) for e in content.events}
    used |= {("role", "/".join(a["role"])) for a in content.arguments}
    used |= {(STANCE_TARGET, s["target_label"]) for s in content.stances if s["target_label"]}
    used |= {(POLARITY, s["polarity"]) for s in content.stances if s["polarity"]}
    return used


class SetWriter:
    """Inserts SetContent into a project through a Txn, resolving keys to this
    project's label and role ids and giving every row a fresh id."""

    def __init__(self, tx, schema: ProjectSchema):
        self.tx = tx
        self.labels = {(label.layer, label.key): label.id for label in schema.labels}
        self.roles = {
            (schema.label(role.event_type_id).key, role.key): role.id for role in schema.roles
        }

    def new_set(self, document_id: int, annotator_id: int | None, content: SetContent) -> int:
        """Add the annotator's set on the document (None: the gold set), holding the
        content; return its id."""
        set_id = self.tx.insert(
            AnnotationSet,
            document_id=document_id,
            annotator_id=annotator_id,
            state=content.state,
            updated_at=content.updated_at,
        )
        self.write(set_id, document_id, content, annotator_id)
        return set_id

    def write(self, set_id: int, document_id: int, content: SetContent, created_by: int | None):
        """Insert the content into the set; excluded regions are recorded as `created_by`'s."""
        span_ids = _insert_renumbered(
            self.tx,
            EntitySpan,
            content.spans,
            lambda s: {
                "set_id": set_id,
                "label_id": self.labels[(ENTITY, s["label"])],
                "start": s["start"],
                "end": s["end"],
                "note": s["note"],
                "created_at": s["created_at"],
            },
        )
        self.write_events(set_id, content, span_ids)
        self.write_stances(set_id, content, span_ids)
        self.tx.insert_many(
            ExcludedRegion,
            [
                {
                    "document_id": document_id,
                    "set_id": set_id,
                    "start": r["start"],
                    "end": r["end"],
                    "reason": r["reason"],
                    "created_by": created_by,
                    "created_at": r["created_at"],
                }
                for r in content.excluded
            ],
        )

    def write_events(self, set_id: int, content: SetContent, span_ids: dict[int, int]) -> None:
        """The events and their arguments; `span_ids` maps the content's span ids to new."""
        event_ids = _insert_renumbered(
            self.tx,
            EventMention,
            content.events,
            lambda e: {
                "set_id": set_id,
                "type_id": self.labels[(EVENT, e["type"])],
                "start": e["start"],
                "end": e["end"],
                "note": e["note"],
                "created_at": e["created_at"],
            },
        )
        self.tx.insert_many(
            EventArgument,
            [
                {
                    "event_id": event_ids[a["event_id"]],
                    "role_id": self.roles[tuple(a["role"])],
                    "span_id": span_ids.get(a["span_id"]) if a["span_id"] is not None else None,
                    "detached_start": a["detached_start"],
                    "detached_end": a["detached_end"],
                    "detached_label": a["detached_label"],
                }
                for a in content.arguments
            ],
        )

    def write_stances(self, set_id: int, content: SetContent, span_ids: dict[int, int]) -> None:
        """The stances and their evidence."""
        stance_ids = _insert_renumbered(
            self.tx,
            Stance,
            content.stances,
            lambda s: {
                "set_id": set_id,
                "scope": s["scope"],
                "holder_span_id": span_ids.get(s["holder_span_id"]),
                "target_label_id": self.labels[(STANCE_TARGET, s["target_label"])]
                if s["target_label"] is not None
                else None,
                "target_span_id": span_ids.get(s["target_span_id"]),
                "polarity_id": self.labels[(POLARITY, s["polarity"])]
                if s["polarity"] is not None
                else None,
                "note": s["note"],
                "created_at": s["created_at"],
            },
        )
        self.tx.insert_many(
            StanceEvidence,
            [
                {"stance_id": stance_ids[e["stance_id"]], "start": e["start"], "end": e["end"]}
                for e in content.evidence
            ],
        )

    def clear(self, set_id: int) -> None:
        """Delete a set's content, dependents first (cascades are not journaled)."""
        tx, conn = self.tx, self.tx.conn
        event_ids = [
            r[0] for r in conn.execute(select(EventMention.id).where(EventMention.set_id == set_id))
        ]
        stance_ids = [r[0] for r in conn.execute(select(Stance.id).where(Stance.set_id == set_id))]
        for model, column, owners in (
            (EventArgument, EventArgument.event_id, event_ids),
            (StanceEvidence, StanceEvidence.stance_id, stance_ids),
        ):
            for chunk in in_batches(owners):
                for (row_id,) in conn.execute(select(model.id).where(column.in_(chunk))).all():
                    tx.delete(model, row_id)
        for stance_id in stance_ids:
            tx.delete(Stance, stance_id)
        for event_id in event_ids:
            tx.delete(EventMention, event_id)
        for owned in (EntitySpan, ExcludedRegion):
            for (row_id,) in conn.execute(select(owned.id).where(owned.set_id == set_id)).all():
                tx.delete(owned, row_id)


def _insert_renumbered(
    tx, model, items: list[dict[str, Any]], row: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[int, int]:
    """Insert `row(item)` for every item; returns each item's old id -> its new row's id."""
    new_ids = tx.insert_many(model, [row(item) for item in items])
    return dict(zip([item["id"] for item in items], new_ids, strict=True))
