"""Grouped annotations and the gold set turned into candidates.

`CandidateBuilder` gives each candidate its proposers (in annotator order), the
annotators who missed it, its status (accepted, rejected, agreed or disputed) and
its conflicts: the alternatives it competes with, found pairwise among overlapping
entity spans, triggers and attributed stances, among the arguments of one event
and among the document stances on one target.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from core.review.curation.gathering import Gathered, Gold, StanceVersion
from core.review.curation.model import (
    ACCEPTED,
    AGREED,
    ARGUMENT,
    ARGUMENT_MISMATCH,
    ATTRIBUTED_STANCE,
    BOUNDARY,
    BOUNDARY_LABEL,
    DISPUTED,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    EVENT_TYPE,
    LABEL,
    POLARITY,
    REJECTED,
    ROLE,
    Candidate,
    Conflict,
    EvidenceCandidate,
    Ref,
)
from core.schema.model import ProjectSchema, RoleInfo

LAST = 1 << 30  # the position of a label or role the schema no longer has


def _ordered(ids: Iterable[int], order: dict[int, int]) -> tuple[int, ...]:
    return tuple(sorted(set(ids), key=lambda i: (order.get(i, len(order)), i)))


def _alternatives(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Neither's proposers include the other's: they compete rather than coexist."""
    sa, sb = set(a), set(b)
    return not sa <= sb and not sb <= sa


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def label_position(schema: ProjectSchema, label_id: int | None) -> int:
    """Where a label stands in the schema (no label: first; one it lost: last)."""
    try:
        return schema.label(label_id).position if label_id is not None else -1
    except KeyError:
        return LAST


def _role_position(schema: ProjectSchema, role_id: int) -> int:
    try:
        return schema.role(role_id).position
    except KeyError:
        return LAST


def _most_proposed(labels: Iterable[int], schema: ProjectSchema) -> int | None:
    """The label most annotators gave (ties: the one first in the schema)."""
    counts = Counter(labels)
    if not counts:
        return None
    return min(counts, key=lambda label: (-counts[label], label_position(schema, label), label))


def _pairwise_conflicts(
    items: list[tuple[tuple, tuple[int, int], tuple[int, ...], Any]],
    classify,
    kind: str,
) -> dict[tuple, list[Conflict]]:
    """Alternatives among overlapping items (key, (start, end), proposers, detail)."""
    found: dict[tuple, list[Conflict]] = defaultdict(list)
    ordered = sorted(items, key=lambda item: (item[1][0], item[1][1]))
    who = [frozenset(item[2]) for item in ordered]
    for i, (key, place, proposers, detail) in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            other_key, other_place, other_proposers, other_detail = ordered[j]
            if other_place[0] >= place[1]:
                break
            if who[i] <= who[j] or who[j] <= who[i]:
                continue  # not alternatives: one's proposers include the other's
            how = classify(place, detail, other_place, other_detail)
            if how is None:
                continue
            found[key].append(Conflict(how, (kind, other_key), other_proposers))
            found[other_key].append(Conflict(how, (kind, key), proposers))
    return found


def _classify_span(place, label, other_place, other_label) -> str:
    if place == other_place:
        return LABEL
    return BOUNDARY if label == other_label else BOUNDARY_LABEL


def _classify_trigger(place, type_id, other_place, other_type) -> str:
    if place == other_place:
        return EVENT_TYPE
    return BOUNDARY if type_id == other_type else BOUNDARY_LABEL


class CandidateBuilder:
    """Turns grouped annotations and the gold set into candidates."""

    def __init__(
        self,
        schema: ProjectSchema,
        order: dict[int, int],
        everyone: tuple[int, ...],
        rejected: set[Ref],
    ):
        self.schema = schema
        self.order = order
        self.everyone = everyone
        self.rejected = rejected

    def _status(self, ref: Ref, proposers: tuple[int, ...], gold_id: int | None) -> str:
        if gold_id is not None:
            return ACCEPTED
        if ref in self.rejected:
            return REJECTED
        if self.everyone and len(proposers) == len(self.everyone):
            return AGREED
        return DISPUTED

    def _missing(self, proposers: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(a for a in self.everyone if a not in proposers)

    def _proposers(self, proposed: dict[tuple, Any], in_gold: dict[tuple, Any]) -> dict:
        """Every key proposed or in gold, with who proposed it (in annotator order)."""
        return {k: _ordered(proposed.get(k, {}), self.order) for k in set(proposed) | set(in_gold)}

    def _candidate(
        self,
        kind: str,
        key: tuple,
        who: tuple[int, ...],
        gold_id: int | None,
        conflicts: Iterable[Conflict],
        status: str | None = None,
        **fields: Any,
    ) -> Candidate:
        """A candidate with what every kind has: proposers, who missed it, its status (by
        default from the gold row, rejections and proposers) and conflicts."""
        return Candidate(
            kind=kind,
            key=key,
            annotators=who,
            missing=self._missing(who),
            status=status or self._status((kind, key), who, gold_id),
            gold_id=gold_id,
            conflicts=tuple(conflicts),
            **fields,
        )

    def entities(self, gathered: Gathered, gold: Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.entities, gold.entities)
        conflicts = _pairwise_conflicts(
            [(k, (k[0], k[1]), who, k[2]) for k, who in proposers.items()], _classify_span, ENTITY
        )
        return [
            self._candidate(
                ENTITY,
                key,
                who,
                gold.entities.get(key),
                conflicts.get(key, ()),
                start=key[0],
                end=key[1],
                label_id=key[2],
            )
            for key, who in proposers.items()
        ]

    def events(self, gathered: Gathered, gold: Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.events, gold.events)
        conflicts = _pairwise_conflicts(
            [(k, (k[0], k[1]), who, k[2]) for k, who in proposers.items()],
            _classify_trigger,
            EVENT,
        )
        found = []
        for key, who in proposers.items():
            gold_id = gold.events.get(key)
            arguments = self._arguments(key, gathered, gold)
            status = self._status((EVENT, key), who, gold_id)
            if status == AGREED and any(a.status == DISPUTED for a in arguments):
                status = DISPUTED
            found.append(
                self._candidate(
                    EVENT,
                    key,
                    who,
                    gold_id,
                    conflicts.get(key, ()),
                    status,
                    start=key[0],
                    end=key[1],
                    label_id=key[2],
                    arguments=tuple(arguments),
                )
            )
        return found

    def _arguments(self, event_key: tuple, gathered: Gathered, gold: Gold) -> list[Candidate]:
        proposed = gathered.arguments.get(event_key, {})
        in_gold = gold.arguments.get(event_key, {})
        proposers = self._proposers(proposed, in_gold)
        roles: dict[int, RoleInfo | None] = {}
        for role_id, _, _ in proposers:
            try:
                roles[role_id] = self.schema.role(role_id)
            except KeyError:
                roles[role_id] = None
        conflicts: dict[tuple, list[Conflict]] = defaultdict(list)
        ordered = sorted(proposers)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if not _alternatives(proposers[a], proposers[b]):
                    continue
                how = None
                if a[1:] == b[1:]:
                    how = ROLE
                elif a[0] == b[0] and _overlap(a[1:], b[1:]):
                    how = BOUNDARY
                elif a[0] == b[0] and (role := roles[a[0]]) is not None and not role.multiple:
                    how = ARGUMENT_MISMATCH
                if how is None:
                    continue
                conflicts[a].append(Conflict(how, (ARGUMENT, event_key + b), proposers[b]))
                conflicts[b].append(Conflict(how, (ARGUMENT, event_key + a), proposers[a]))
        found = []
        for key, who in proposers.items():
            labels = list(proposed.get(key, {}).values())
            if not labels and key in gold.argument_labels.get(event_key, {}):
                labels = [gold.argument_labels[event_key][key]]
            found.append(
                self._candidate(
                    ARGUMENT,
                    event_key + key,
                    who,
                    in_gold.get(key),
                    conflicts.get(key, ()),
                    start=key[1],
                    end=key[2],
                    label_id=key[0],
                    span_label_id=_most_proposed(labels, self.schema),
                )
            )
        found.sort(key=lambda c: (_role_position(self.schema, c.label_id), c.start, c.end))
        return found

    def document_stances(self, gathered: Gathered, gold: Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.document_stances, gold.document_stances)
        found = []
        for key, who in proposers.items():
            conflicts = (
                Conflict(POLARITY, (DOCUMENT_STANCE, other), proposers[other])
                for other in sorted(proposers)
                if other != key and other[0] == key[0] and _alternatives(who, proposers[other])
            )
            versions = gathered.document_stances.get(key, {})
            gold_id = gold.document_stances.get(key)
            found.append(
                self._candidate(
                    DOCUMENT_STANCE,
                    key,
                    who,
                    gold_id,
                    conflicts,
                    start=0,
                    end=0,
                    label_id=key[1],
                    target_label_id=key[0],
                    evidence=self._evidence(versions, gold.labels.get(key) if gold_id else None),
                )
            )
        return found

    def attributed(self, gathered: Gathered, gold: Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.attributed, gold.attributed)

        def classify(place, key, other_place, other_key) -> str | None:
            same_target = key[2:5] == other_key[2:5]
            if not same_target:
                return None
            if place == other_place:
                return POLARITY  # same holder and target: the keys differ in polarity
            return BOUNDARY if key[5] == other_key[5] else None

        conflicts = _pairwise_conflicts(
            [(k, (k[0], k[1]), who, k) for k, who in proposers.items()], classify, ATTRIBUTED_STANCE
        )
        found = []
        for key, who in proposers.items():
            versions = gathered.attributed.get(key, {})
            gold_id = gold.attributed.get(key)
            gold_labels = gold.labels.get(key) if gold_id else None
            holder_labels = [v.holder_label for v in versions.values()]
            target_labels = [v.target_span_label for v in versions.values() if key[3] is not None]
            if not versions and gold_labels is not None:
                holder_labels = [gold_labels.holder_label]
                target_labels = [gold_labels.target_span_label] if key[3] is not None else []
            found.append(
                self._candidate(
                    ATTRIBUTED_STANCE,
                    key,
                    who,
                    gold_id,
                    conflicts.get(key, ()),
                    start=key[0],
                    end=key[1],
                    label_id=key[5],
                    target_label_id=key[2],
                    holder=(key[0], key[1]),
                    holder_label_id=_most_proposed(
                        [h for h in holder_labels if h is not None], self.schema
                    ),
                    target_span=(key[3], key[4]) if key[3] is not None else None,
                    target_span_label_id=_most_proposed(
                        [t for t in target_labels if t is not None], self.schema
                    ),
                    evidence=self._evidence(versions, gold_labels),
                )
            )
        return found

    def _evidence(
        self, versions: dict[int, StanceVersion], gold: StanceVersion | None
    ) -> tuple[EvidenceCandidate, ...]:
        who: dict[tuple[int, int], set[int]] = defaultdict(set)
        for annotator, version in versions.items():
            for place in version.evidence:
                who[place].add(annotator)
        if gold is not None:
            for place in gold.evidence:
                who.setdefault(place, set())
        return tuple(
            EvidenceCandidate(start, end, _ordered(who[(start, end)], self.order))
            for start, end in sorted(who)
        )


__all__ = ["CandidateBuilder", "label_position"]
