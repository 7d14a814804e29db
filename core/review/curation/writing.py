"""Writing into a document's gold set: `GoldWriter` copies candidates into it through
one transaction, creating the set on first write and signing it with the curator.

What an argument or a stance refers to comes along: the gold span at those offsets
(the one with the label annotators gave, or one the role accepts, since the curator
may have relabelled it), else a copy of the annotators' span, reported as brought
along. Text excluded for the gold set is refused as it is for any new annotation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select

from core.annotation.excluded import ExcludedRanges, excluded_ranges_of_set
from core.annotation.sets import touch_set
from core.annotation.stances import ATTRIBUTED, DOCUMENT, document_stance
from core.project.errors import OperationError
from core.project.journal import Txn
from core.review.curation.gathering import everyone_excluded
from core.review.curation.model import (
    ARGUMENT,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    Candidate,
    Curation,
    EvidenceCandidate,
    Ref,
)
from core.schema.model import ProjectSchema, RoleInfo
from models.messages import Message
from models.tables import (
    AnnotationSet,
    CurationDecision,
    EntitySpan,
    EventArgument,
    EventMention,
    Stance,
    StanceEvidence,
)


class GoldWriter:
    """Puts candidates into a document's gold set through one transaction."""

    def __init__(self, tx: Txn, schema: ProjectSchema, curation: Curation, curator_id: int):
        self.tx = tx
        self.schema = schema
        self.curation = curation
        self.curator_id = curator_id
        self.set_id = curation.gold_set_id
        self._spans: dict[tuple[int, int, int], int] | None = None
        self.brought_along: list[tuple[int, int, int]] = []
        self.wrote = False
        self._signed = False
        self._excluded: ExcludedRanges | None = None

    # the set -------------------------------------------------------------------------

    def gold_set(self) -> int:
        tx = self.tx
        if self.set_id is None:
            self.set_id = tx.insert(
                AnnotationSet,
                document_id=self.curation.document_id,
                annotator_id=None,
                curator_id=self.curator_id,
            )
            self._signed = True
        elif not self._signed:
            current = tx.conn.execute(
                select(AnnotationSet.curator_id).where(AnnotationSet.id == self.set_id)
            ).scalar()
            if current != self.curator_id:
                tx.update(AnnotationSet, self.set_id, curator_id=self.curator_id)
            self._signed = True
        return self.set_id

    def finish(self) -> None:
        """The set was worked on: in progress (unless curated), and reported."""
        if self.wrote and self.set_id is not None:
            touch_set(self.tx, self.set_id)
        self.tx.changes.documents.add(self.curation.document_id)

    def check_place(self, start: int, end: int, what: str) -> None:
        """Refuse text excluded for the gold set (or for everyone), as new annotations are."""
        if self._excluded is None:
            document_id = self.curation.document_id
            self._excluded = (
                excluded_ranges_of_set(self.tx.conn, self.set_id)
                if self.set_id is not None
                else everyone_excluded(self.tx.conn, document_id)
            )
        hits = self._excluded.overlapping(start, end)
        if hits:
            s, e = hits[0]
            raise OperationError(
                f"{what} cannot be placed in excluded text (characters {s}-{e}); "
                "include that text again first"
            )

    # spans ---------------------------------------------------------------------------

    def gold_spans(self) -> dict[tuple[int, int, int], int]:
        if self._spans is None:
            self._spans = {}
            if self.set_id is not None:
                for span_id, start, end, label_id in self.tx.conn.execute(
                    select(
                        EntitySpan.id, EntitySpan.start, EntitySpan.end, EntitySpan.label_id
                    ).where(EntitySpan.set_id == self.set_id)
                ).all():
                    self._spans[(start, end, label_id)] = span_id
        return self._spans

    def span(self, start: int, end: int, label_id: int, *, brought_along: bool = False) -> int:
        spans = self.gold_spans()
        found = spans.get((start, end, label_id))
        if found is not None:
            return found
        self.check_place(start, end, f"a span labelled {self.schema.label(label_id).key}")
        span_id = self.tx.insert(
            EntitySpan, set_id=self.gold_set(), label_id=label_id, start=start, end=end
        )
        spans[(start, end, label_id)] = span_id
        self.wrote = True
        if brought_along:
            self.brought_along.append((start, end, label_id))
        return span_id

    def many_spans(self, keys: list[tuple[int, int, int]]) -> None:
        """Put many entity spans into gold in one statement (auto-merge)."""
        spans = self.gold_spans()
        new = [key for key in dict.fromkeys(keys) if key not in spans]
        if not new:
            return
        for start, end, label_id in new:
            self.check_place(start, end, f"a span labelled {self.schema.label(label_id).key}")
        set_id = self.gold_set()
        ids = self.tx.insert_many(
            EntitySpan,
            [{"set_id": set_id, "start": s, "end": e, "label_id": label} for s, e, label in new],
        )
        spans.update(zip(new, ids, strict=True))
        self.wrote = True

    def span_for(
        self, start: int, end: int, label_id: int | None, role: RoleInfo | None = None
    ) -> int:
        """The gold span an argument, holder or target refers to: the one with that label,
        else one at those offsets the role accepts (the curator may have relabelled it),
        else a copy brought along."""
        spans = self.gold_spans()
        if label_id is not None and (start, end, label_id) in spans:
            return spans[(start, end, label_id)]
        for (s, e, label), span_id in sorted(spans.items()):
            if (s, e) == (start, end) and (role is None or role.accepts(label)):
                return span_id
        if label_id is None:
            raise OperationError(
                Message("no entity label is known for the span {start}–{end}", start=start, end=end)
            )
        return self.span(start, end, label_id, brought_along=True)

    # events --------------------------------------------------------------------------

    def event(self, candidate: Candidate) -> int:
        if candidate.gold_id is not None:
            return candidate.gold_id
        existing = self._gold_event(candidate.key)
        if existing is not None:
            return existing
        start, end, type_id = candidate.key
        self.check_place(start, end, "a trigger")
        set_id = self.gold_set()
        event_id = self.tx.insert(
            EventMention, set_id=set_id, type_id=type_id, start=start, end=end
        )
        self.wrote = True
        return event_id

    def _gold_event(self, key: tuple) -> int | None:
        if self.set_id is None:
            return None
        start, end, type_id = key
        return self.tx.conn.execute(
            select(EventMention.id).where(
                EventMention.set_id == self.set_id,
                EventMention.start == start,
                EventMention.end == end,
                EventMention.type_id == type_id,
            )
        ).scalar()

    def argument(self, event_id: int, candidate: Candidate, *, strict: bool) -> int | None:
        """Fill a role of a gold event; a role that takes one argument and is filled already
        refuses (`strict`) or is skipped (None)."""
        role = self.schema.role(candidate.label_id)
        span_id = self.span_for(candidate.start, candidate.end, candidate.span_label_id, role)
        existing = self.tx.conn.execute(
            select(EventArgument.id, EventArgument.role_id, EventArgument.span_id).where(
                EventArgument.event_id == event_id
            )
        ).all()
        for argument_id, role_id, existing_span in existing:
            if role_id == role.id and existing_span == span_id:
                return argument_id
        if not role.multiple and any(role_id == role.id for _, role_id, _ in existing):
            if strict:
                raise OperationError(
                    f"{role.key} takes one argument and the gold event already has one; "
                    "reject that one first"
                )
            return None
        argument_id = self.tx.insert(
            EventArgument, event_id=event_id, role_id=role.id, span_id=span_id
        )
        self.wrote = True
        return argument_id

    # stances -------------------------------------------------------------------------

    def _evidence(self, stance_id: int, evidence: Iterable[EvidenceCandidate]) -> None:
        have = {
            (s, e)
            for s, e in self.tx.conn.execute(
                select(StanceEvidence.start, StanceEvidence.end).where(
                    StanceEvidence.stance_id == stance_id
                )
            ).all()
        }
        for piece in evidence:
            if (piece.start, piece.end) in have:
                continue
            self.check_place(piece.start, piece.end, "evidence")
            self.tx.insert(StanceEvidence, stance_id=stance_id, start=piece.start, end=piece.end)
            have.add((piece.start, piece.end))
            self.wrote = True

    def document_stance(self, candidate: Candidate) -> int:
        set_id = self.gold_set()
        target, polarity = candidate.key
        existing = document_stance(self.tx.conn, set_id, target)
        if existing is None:
            stance_id = self.tx.insert(
                Stance, set_id=set_id, scope=DOCUMENT, target_label_id=target, polarity_id=polarity
            )
            self.wrote = True
        else:
            stance_id = existing.id
            if existing.polarity_id != polarity:
                self.tx.update(Stance, stance_id, polarity_id=polarity)
                self.wrote = True
        self._evidence(stance_id, candidate.evidence)
        return stance_id

    def attributed_stance(self, candidate: Candidate) -> int:
        if candidate.gold_id is not None:
            return candidate.gold_id
        set_id = self.gold_set()
        # an attributed stance is where its holder is
        holder = self.span_for(candidate.start, candidate.end, candidate.holder_label_id)
        target_span = None
        if candidate.target_span is not None:
            target_span = self.span_for(*candidate.target_span, candidate.target_span_label_id)
        stance_id = self.tx.insert(
            Stance,
            set_id=set_id,
            scope=ATTRIBUTED,
            holder_span_id=holder,
            target_label_id=candidate.target_label_id,
            target_span_id=target_span,
            polarity_id=candidate.label_id,
        )
        self.wrote = True
        self._evidence(stance_id, candidate.evidence)
        return stance_id

    # one candidate -------------------------------------------------------------------

    def put(self, candidate: Candidate, arguments: Iterable[Candidate] = ()) -> list[Ref]:
        """Copy a candidate into gold (an event with `arguments`); return what was taken."""
        taken = [candidate.ref]
        if candidate.kind == ENTITY:
            self.span(candidate.start, candidate.end, candidate.label_id)
        elif candidate.kind == EVENT:
            event_id = self.event(candidate)
            for argument in arguments:
                if self.argument(event_id, argument, strict=False) is not None:
                    taken.append(argument.ref)
        elif candidate.kind == ARGUMENT:
            parent = self.curation.event_of(candidate)
            event_id = self.event(parent)
            if parent.gold_id is None:
                taken.insert(0, parent.ref)
            self.argument(event_id, candidate, strict=True)
        elif candidate.kind == DOCUMENT_STANCE:
            self.document_stance(candidate)
        else:
            self.attributed_stance(candidate)
        return taken


def clear_rejection(tx: Txn, document_id: int, ref: Ref) -> None:
    """Forget that the curator rejected `ref`: it has just gone into gold."""
    kind, key = ref
    found = tx.conn.execute(
        select(CurationDecision.id).where(
            CurationDecision.document_id == document_id,
            CurationDecision.kind == kind,
            CurationDecision.key == json.dumps(list(key)),
        )
    ).scalar()
    if found is not None:
        tx.delete(CurationDecision, found)


__all__ = ["GoldWriter", "clear_rejection"]
