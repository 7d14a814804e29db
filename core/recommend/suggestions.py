"""Suggestions in a project: which to show an annotator, and what they decide.

A suggestion proposes a label (an entity label or an event type) for `start`-`end` of a
document. Those of a predictions file are stored (table `suggestion`, by recommender
name: `import-annotations --as-suggestions`); those of the recommenders trained in the
window live only there (they are learnt from one annotator's work, which others must not
see). Neither is an annotation until accepted.

`suggestions_to_show` leaves out what the annotator has decided on already (accepted or
rejected: table `suggestion_decision`, per set, so a rejection is remembered and not
suggested again), what overlaps their annotations of the same layer, what lies in text
excluded for them, and what recommenders a curator switched off; where suggestions
overlap, the best scored is shown. `accept_suggestions` copies suggestions into the
owner's set (one undo step however many: "accept all of this label"),
`reject_suggestion` records a rejection (one undo step too), `decision_counts` counts
both. Recommender settings (switched off, what to train from) are a project setting.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, select

from core.annotation.annotators import require_curator
from core.annotation.events import insert_event
from core.annotation.excluded import ExcludedRanges, excluded_ranges_of_set
from core.annotation.sets import ensure_set, find_set
from core.annotation.spans import insert_span
from core.project.changes import Changes, OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, set_setting
from core.recommend.base import Proposal
from core.recommend.examples import FINISHED
from core.schema.model import ENTITY, EVENT, LabelInfo, ProjectSchema
from models.messages import Message
from models.tables import (
    AnnotationSet,
    EntitySpan,
    EventMention,
    ExcludedRegion,
    SuggestionDecision,
    table_of,
)
from models.tables import (
    Suggestion as SuggestionRow,
)

ACCEPTED, REJECTED = "accepted", "rejected"
SETTING = "recommenders"
OWN = "own"  # train on the annotator's own sets (the gold set when a curator edits it)
TRAINING_CHOICES = (OWN, FINISHED, "gold")


class Suggestion(NamedTuple):
    start: int
    end: int
    label_id: int
    score: float | None
    recommender: str


@dataclass(frozen=True)
class RecommenderSettings:
    disabled: frozenset[str] = frozenset()
    train_from: str = OWN

    def enabled(self, name: str) -> bool:
        return name not in self.disabled

    def as_json(self) -> dict[str, Any]:
        return {"disabled": sorted(self.disabled), "train_from": self.train_from}


def recommender_settings(project: Project) -> RecommenderSettings:
    value = project.settings().get(SETTING) or {}
    train_from = value.get("train_from", OWN)
    return RecommenderSettings(
        frozenset(value.get("disabled", ())),
        train_from if train_from in TRAINING_CHOICES else OWN,
    )


def set_recommender_enabled(
    project: Project, curator_id: int | None, name: str, enabled: bool
) -> OpResult[None]:
    """Switch a recommender on or off for everyone (curators)."""
    current = recommender_settings(project)
    disabled = current.disabled - {name} if enabled else current.disabled | {name}
    step = (
        Message("Switch {name} on", name=name)
        if enabled
        else Message("Switch {name} off", name=name)
    )
    with project.write(step) as tx:
        require_curator(tx.conn, curator_id, Message("switch recommenders on or off"))
        set_setting(tx, SETTING, RecommenderSettings(disabled, current.train_from).as_json())
    return OpResult(tx.changes, None)


def set_training_source(project: Project, curator_id: int | None, value: str) -> OpResult[None]:
    """What the recommenders in the window learn from (curators): `own`, `finished`,
    `gold`."""
    if value not in TRAINING_CHOICES:
        raise OperationError(
            Message(
                "train from one of {choices}, not {value!r}",
                choices=", ".join(TRAINING_CHOICES),
                value=value,
            )
        )
    current = recommender_settings(project)
    with project.write(Message("Change what recommenders learn from")) as tx:
        require_curator(tx.conn, curator_id, Message("choose what recommenders learn from"))
        set_setting(tx, SETTING, RecommenderSettings(current.disabled, value).as_json())
    return OpResult(tx.changes, None)


def stored_recommenders(project: Project) -> list[str]:
    """The names of the recommenders whose predictions were imported."""
    with project.read() as conn:
        return list(
            conn.execute(
                select(SuggestionRow.recommender).distinct().order_by(SuggestionRow.recommender)
            ).scalars()
        )


def stored_suggestions(conn: Connection, document_id: int) -> list[Suggestion]:
    rows = conn.execute(
        select(
            SuggestionRow.start,
            SuggestionRow.end,
            SuggestionRow.label_id,
            SuggestionRow.score,
            SuggestionRow.recommender,
        ).where(SuggestionRow.document_id == document_id)
    ).all()
    return [Suggestion(*row) for row in rows]


def from_proposals(schema: ProjectSchema, proposals: Iterable[Proposal]) -> list[Suggestion]:
    """Proposals as suggestions of this schema's labels (labels it no longer has are
    dropped)."""
    found = []
    for p in proposals:
        label = schema.by_key(p.layer, p.label)
        if label is not None:
            found.append(Suggestion(p.start, p.end, label.id, p.score, p.recommender))
    return found


def _excluded_for(conn: Connection, document_id: int, set_id: int | None) -> ExcludedRanges:
    if set_id is not None:
        return excluded_ranges_of_set(conn, set_id)
    rows = conn.execute(
        select(ExcludedRegion.start, ExcludedRegion.end).where(
            ExcludedRegion.document_id == document_id, ExcludedRegion.set_id.is_(None)
        )
    ).all()
    return ExcludedRanges((start, end) for start, end in rows)


def _annotated(conn: Connection, set_id: int) -> dict[str, ExcludedRanges]:
    """The text the set's entity spans and event triggers cover, per layer."""
    spans = conn.execute(
        select(EntitySpan.start, EntitySpan.end).where(EntitySpan.set_id == set_id)
    ).all()
    triggers = conn.execute(
        select(EventMention.start, EventMention.end).where(EventMention.set_id == set_id)
    ).all()
    return {
        ENTITY: ExcludedRanges((s, e) for s, e in spans),
        EVENT: ExcludedRanges((s, e) for s, e in triggers),
    }


def _decided(conn: Connection, set_id: int) -> set[tuple[int, int, int]]:
    rows = conn.execute(
        select(SuggestionDecision.start, SuggestionDecision.end, SuggestionDecision.label_id).where(
            SuggestionDecision.set_id == set_id
        )
    ).all()
    return {(start, end, label_id) for start, end, label_id in rows}


def suggestions_to_show(
    project: Project,
    document_id: int,
    owner: int | None,
    live: Sequence[Suggestion] = (),
) -> list[Suggestion]:
    """The suggestions the owner (an annotator's id, None for gold) should see in the
    document: stored and `live` ones, less those decided on, covered, excluded or
    switched off; by position, without overlaps."""
    schema = project.schema
    disabled = recommender_settings(project).disabled
    with project.read() as conn:
        candidates = stored_suggestions(conn, document_id) + list(live)
        if not candidates:
            return []
        set_id = find_set(conn, document_id, owner)
        excluded = _excluded_for(conn, document_id, set_id)
        annotated = _annotated(conn, set_id) if set_id is not None else {}
        decided = _decided(conn, set_id) if set_id is not None else set()
    layers = {label.id: label.layer for label in schema.labels}
    kept = []
    for s in candidates:
        layer = layers.get(s.label_id)
        if (
            layer not in (ENTITY, EVENT)
            or s.recommender in disabled
            or (s.start, s.end, s.label_id) in decided
            or excluded.overlaps(s.start, s.end)
            or (layer in annotated and annotated[layer].overlaps(s.start, s.end))
        ):
            continue
        kept.append(s)
    return _without_overlaps(kept)


def _without_overlaps(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The best scored of overlapping suggestions (then the longer, then the earlier)."""
    ranked = sorted(
        suggestions, key=lambda s: (-(s.score or 0.0), s.start - s.end, s.start, s.recommender)
    )
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Suggestion] = []
    for s in ranked:
        i = bisect_left(starts, s.start)
        if (i > 0 and ends[i - 1] > s.start) or (i < len(starts) and starts[i] < s.end):
            continue
        starts.insert(i, s.start)
        ends.insert(i, s.end)
        chosen.insert(i, s)
    return chosen


def _suggested_label(schema: ProjectSchema, label_id: int) -> LabelInfo:
    """The entity label or event type a suggestion proposes (refused when it is gone)."""
    try:
        label = schema.label(label_id)
    except KeyError:
        raise OperationError(Message("label {id} does not exist", id=label_id)) from None
    if label.layer not in (ENTITY, EVENT):
        raise OperationError(
            Message("{label} is neither an entity label nor an event type", label=label)
        )
    return label


def _decide(tx: Txn, set_id: int, suggestion: Suggestion, decision: str) -> None:
    existing = tx.conn.execute(
        select(SuggestionDecision.id).where(
            SuggestionDecision.set_id == set_id,
            SuggestionDecision.start == suggestion.start,
            SuggestionDecision.end == suggestion.end,
            SuggestionDecision.label_id == suggestion.label_id,
        )
    ).scalar()
    if existing is not None:
        tx.update(
            SuggestionDecision, existing, decision=decision, recommender=suggestion.recommender
        )
        return
    tx.insert(
        SuggestionDecision,
        set_id=set_id,
        start=suggestion.start,
        end=suggestion.end,
        label_id=suggestion.label_id,
        recommender=suggestion.recommender,
        decision=decision,
    )


def accept_suggestions(
    project: Project, document_id: int, owner: int | None, suggestions: Sequence[Suggestion]
) -> OpResult[list[int]]:
    """Copy suggestions into the owner's set as annotations (entity spans, or events with
    their trigger), as one undo step; the value is the new spans' and events' ids."""
    if not suggestions:
        raise OperationError(Message("there is no suggestion to accept"))
    schema = project.schema
    labels = {s.label_id: _suggested_label(schema, s.label_id) for s in suggestions}
    named = tuple(sorted(labels.values(), key=lambda label: label.key))
    if len(suggestions) == 1:
        name = Message("Accept {label} suggestion", label=named[0])
    else:
        name = Message("Accept {count} {labels} suggestions", count=len(suggestions), labels=named)
    added = []
    with project.write(name) as tx:
        set_id = ensure_set(tx, document_id, owner)
        for s in sorted(suggestions):
            label = labels[s.label_id]
            if label.layer == ENTITY:
                added.append(insert_span(tx, set_id, s.start, s.end, label))
            else:
                added.append(insert_event(tx, set_id, label, s.start, s.end))
            _decide(tx, set_id, s, ACCEPTED)
    return OpResult(tx.changes, added)


def reject_suggestion(
    project: Project, document_id: int, owner: int | None, suggestion: Suggestion
) -> OpResult[None]:
    """Remember that the owner rejected a suggestion (it is not shown to them again)."""
    label = _suggested_label(project.schema, suggestion.label_id)
    with project.write(Message("Reject {label} suggestion", label=label)) as tx:
        set_id = ensure_set(tx, document_id, owner)
        _decide(tx, set_id, suggestion, REJECTED)
        tx.changes.documents.add(document_id)
        tx.changes.sets.add(set_id)
    return OpResult(tx.changes, None)


@dataclass(frozen=True)
class DecisionCounts:
    accepted: int = 0  # in the document
    rejected: int = 0
    accepted_total: int = 0  # in all the owner's sets
    rejected_total: int = 0


def decision_counts(project: Project, owner: int | None, document_id: int | None) -> DecisionCounts:
    """How many suggestions the owner accepted and rejected, in one document and in all."""
    owner_is = (
        AnnotationSet.annotator_id.is_(None)
        if owner is None
        else AnnotationSet.annotator_id == owner
    )
    query = (
        select(AnnotationSet.document_id, SuggestionDecision.decision, func.count())
        .join(AnnotationSet, AnnotationSet.id == SuggestionDecision.set_id)
        .where(owner_is)
        .group_by(AnnotationSet.document_id, SuggestionDecision.decision)
    )
    here: dict[str, int] = {ACCEPTED: 0, REJECTED: 0}
    total: dict[str, int] = {ACCEPTED: 0, REJECTED: 0}
    with project.read() as conn:
        for document, decision, count in conn.execute(query):
            total[decision] += count
            if document == document_id:
                here[decision] += count
    return DecisionCounts(here[ACCEPTED], here[REJECTED], total[ACCEPTED], total[REJECTED])


def decisions_changed(changes: Changes) -> bool:
    """Whether a change set touched decisions (or what is shown beside them)."""
    return bool(changes.rows.get(table_of(SuggestionDecision).name)) or changes.settings
