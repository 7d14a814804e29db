"""Problems in an annotation set's events, stances and exclusions.

`validate_set(schema, content)` is a pure function over plain data (`SetContent`, read
with `load_set_content`), so the UI can run it for the event and stance panels and
`problem_counts` can run it over many sets for the icons of the document list.
Nothing here repairs or drops anything: every problem is reported, with the ids and
offsets the UI needs to jump to it.

Errors are annotations that are wrong as stored (an argument whose span was deleted,
a label the role does not accept); warnings are annotations that are incomplete
(a required role not filled yet, an attributed stance without evidence) or lie in
text excluded since they were made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, select, text

from core.annotation.events import ArgumentRow, EventRow, events_of_set, events_of_sets
from core.annotation.excluded import (
    ExcludedRanges,
    RegionRow,
    excluded_ranges_of_sets,
    excluded_regions,
)
from core.annotation.span_index import SpanIndex
from core.annotation.spans import SPAN_COLUMNS, SpanRow, spans_by_id
from core.annotation.stances import StanceRow, stances_of_set, stances_of_sets
from core.project.errors import OperationError
from core.project.project import Project, in_batches
from core.schema.model import ENTITY, LabelInfo, ProjectSchema, RoleInfo
from models.messages import Message
from models.tables import AnnotationSet, Document, EntitySpan

ERROR, WARNING = "error", "warning"

# Problem codes
LABEL_NOT_ALLOWED = "label_not_allowed"  # argument's span label not accepted by its role
MISSING_REQUIRED = "missing_required"  # a required role has no argument
TOO_MANY = "too_many"  # several arguments for a role that takes one
DETACHED = "detached"  # argument whose span was deleted
OTHER_SET = "other_set"  # argument/holder/target span of another annotation set
WRONG_ROLE = "wrong_role"  # argument's role belongs to another event type
MISSING_HOLDER = "missing_holder"  # attributed stance whose holder span was deleted
MISSING_TARGET = "missing_target"  # stance with no target (not chosen yet, or deleted)
MISSING_POLARITY = "missing_polarity"  # attributed stance whose polarity is not chosen yet
ENTITY_TARGET_OFF = "entity_target_off"  # span target while the schema allows none
NO_EVIDENCE = "no_evidence"  # attributed stance without evidence
OUTSIDE_DOCUMENT = "outside_document"  # offsets past the document's end
EXCLUDED = "excluded"  # annotation overlapping excluded text


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str  # ERROR or WARNING
    message: str  # a models.messages.Message
    set_id: int
    start: int | None = None  # where to jump in the text
    end: int | None = None
    event_id: int | None = None
    argument_id: int | None = None
    role_id: int | None = None
    stance_id: int | None = None
    evidence_id: int | None = None
    span_id: int | None = None


@dataclass(frozen=True)
class SetContent:
    """Everything validation reads about one annotation set."""

    set_id: int
    document_id: int
    document_length: int
    spans: dict[int, SpanRow]  # the set's entity spans by id
    events: list[EventRow] = field(default_factory=list)
    stances: list[StanceRow] = field(default_factory=list)
    excluded: ExcludedRanges = field(default_factory=ExcludedRanges)
    foreign_spans: dict[int, SpanRow] = field(default_factory=dict)  # referenced, other sets


@dataclass(frozen=True)
class ProblemCount:
    errors: int = 0
    warnings: int = 0

    @property
    def total(self) -> int:
        return self.errors + self.warnings


# --- loading ------------------------------------------------------------------------------


def load_sets_content(
    conn: Connection, set_ids: Iterable[int], *, all_spans: bool = True
) -> dict[int, SetContent]:
    """What validation reads about each set.

    With `all_spans` False only the entity spans validation looks at are read: those
    arguments and stances refer to, and those overlapping excluded text. The problems
    found are the same; a set of ten thousand spans costs a few rows instead.
    """
    ids = sorted(set(set_ids))
    info: dict[int, tuple[int, int]] = {}
    spans: dict[int, dict[int, SpanRow]] = {set_id: {} for set_id in ids}
    for chunk in in_batches(ids):
        for set_id, document_id, length in conn.execute(
            select(AnnotationSet.id, AnnotationSet.document_id, Document.length)
            .join(Document, Document.id == AnnotationSet.document_id)
            .where(AnnotationSet.id.in_(chunk))
        ).all():
            info[set_id] = (document_id, length)
        if all_spans:
            for row in conn.execute(
                select(*SPAN_COLUMNS).where(EntitySpan.set_id.in_(chunk))
            ).all():
                spans[row.set_id][row.id] = SpanRow(*row)
    ids = [set_id for set_id in ids if set_id in info]
    events = events_of_sets(conn, ids)
    stances = stances_of_sets(conn, ids)
    excluded = excluded_ranges_of_sets(conn, ids)
    referenced: set[int] = set()
    for set_id in ids:
        for event in events[set_id]:
            referenced.update(a.span_id for a in event.arguments if a.span_id is not None)
        for stance in stances[set_id]:
            referenced.update(s for s in (stance.holder_span_id, stance.target_span_id) if s)
        if not all_spans:
            for range_start, range_end in excluded[set_id]:
                for row in conn.execute(
                    select(*SPAN_COLUMNS).where(
                        EntitySpan.set_id == set_id,
                        EntitySpan.start < range_end,
                        EntitySpan.end > range_start,
                    )
                ).all():
                    spans[set_id][row.id] = SpanRow(*row)
        referenced -= spans[set_id].keys()
    foreign: dict[int, SpanRow] = {}
    wanted = sorted(referenced)
    for batch in in_batches(wanted):
        for row in conn.execute(select(*SPAN_COLUMNS).where(EntitySpan.id.in_(batch))).all():
            foreign[row.id] = SpanRow(*row)
            if not all_spans and row.set_id in spans:
                spans[row.set_id][row.id] = SpanRow(*row)  # a span its own set refers to
    return {
        set_id: SetContent(
            set_id=set_id,
            document_id=info[set_id][0],
            document_length=info[set_id][1],
            spans=spans[set_id],
            events=events[set_id],
            stances=stances[set_id],
            excluded=excluded[set_id],
            foreign_spans=foreign,
        )
        for set_id in ids
    }


def load_set_content(conn: Connection, set_id: int) -> SetContent:
    found = load_sets_content(conn, [set_id])
    if set_id not in found:
        raise OperationError(Message("annotation set {id} does not exist", id=set_id))
    return found[set_id]


# --- validation ----------------------------------------------------------------------------


def validate_events(schema: ProjectSchema, content: SetContent) -> list[Problem]:
    problems: list[Problem] = []
    for event in content.events:
        where = _at(schema.label(event.type_id), event.start, event.end)
        base = {"set_id": content.set_id, "event_id": event.id}
        trigger = {"start": event.start, "end": event.end}
        if event.end > content.document_length:
            problems.append(
                Problem(
                    OUTSIDE_DOCUMENT,
                    ERROR,
                    Message("{where}: the trigger ends past the document", where=where),
                    **base,
                    **trigger,
                )
            )
        elif content.excluded.overlaps(event.start, event.end):
            problems.append(
                Problem(
                    EXCLUDED,
                    WARNING,
                    Message("{where}: the trigger is in excluded text", where=where),
                    **base,
                    **trigger,
                )
            )
        roles = schema.roles_of(event.type_id)
        role_ids = {r.id for r in roles}
        for argument in event.arguments:
            problems += _argument_problems(schema, content, event, argument, role_ids, where, base)
        problems += _role_problems(event, roles, where, {**base, **trigger})
    return problems


def _argument_problems(
    schema: ProjectSchema,
    content: SetContent,
    event: EventRow,
    argument: ArgumentRow,
    role_ids: set[int],
    where: Message,
    base: dict[str, int],
) -> list[Problem]:
    """An argument's problems: a role of another event type, a span deleted or of another
    set, a span label the role does not accept, a span in excluded text."""
    problems: list[Problem] = []
    arg = {**base, "argument_id": argument.id, "role_id": argument.role_id}
    role = schema.role(argument.role_id)
    name = Message("{where}, {role}", where=where, role=role)
    if argument.role_id not in role_ids:
        problems.append(_wrong_role_problem(schema, event, role, name, arg))
    if argument.span_id is None:
        problems.append(_detached_problem(schema, argument, name, arg))
        return problems
    span = content.spans.get(argument.span_id)
    if span is None:
        span = content.foreign_spans.get(argument.span_id)
        problems.append(
            Problem(
                OTHER_SET,
                ERROR,
                Message("{name}: its entity span belongs to another annotation set", name=name),
                span_id=argument.span_id,
                start=span.start if span else None,
                end=span.end if span else None,
                **arg,
            )
        )
        if span is None:
            return problems
    return problems + _argument_span_problems(schema, content, role, span, name, arg)


def _wrong_role_problem(
    schema: ProjectSchema, event: EventRow, role: RoleInfo, name: Message, arg: dict[str, int]
) -> Problem:
    return Problem(
        WRONG_ROLE,
        ERROR,
        Message(
            "{name}: {role} is a role of {owner}, not of {type}; reassign or remove it",
            name=name,
            role=role,
            owner=schema.label(role.event_type_id),
            type=schema.label(event.type_id),
        ),
        **arg,
        start=event.start,
        end=event.end,
    )


def _detached_problem(
    schema: ProjectSchema, argument: ArgumentRow, name: Message, arg: dict[str, int]
) -> Problem:
    """An argument whose entity span was deleted (where it was, when that is known)."""
    if argument.detached_start is not None:
        message = Message(
            "{name}: its entity span ({label} at {start}-{end}) was deleted; "
            "choose another or remove it",
            name=name,
            label=detached_label(schema, argument.detached_label),
            start=argument.detached_start,
            end=argument.detached_end,
        )
    else:
        message = Message(
            "{name}: its entity span was deleted; choose another or remove it", name=name
        )
    return Problem(
        DETACHED,
        ERROR,
        message,
        start=argument.detached_start,
        end=argument.detached_end,
        **arg,
    )


def _argument_span_problems(
    schema: ProjectSchema,
    content: SetContent,
    role: RoleInfo,
    span: SpanRow,
    name: Message,
    arg: dict[str, int],
) -> list[Problem]:
    """The argument's span: a label its role does not accept, a place in excluded text."""
    problems: list[Problem] = []
    at = {"span_id": span.id, "start": span.start, "end": span.end}
    if not role.accepts(span.label_id):
        allowed = tuple(
            sorted((schema.label(i) for i in role.allowed_label_ids), key=lambda a: a.key)
        )
        problems.append(
            Problem(
                LABEL_NOT_ALLOWED,
                ERROR,
                Message(
                    "{name}: the span is {label}, but {role} accepts {allowed}",
                    name=name,
                    label=schema.label(span.label_id),
                    role=role,
                    allowed=allowed,
                ),
                **arg,
                **at,
            )
        )
    if content.excluded.overlaps(span.start, span.end):
        problems.append(
            Problem(
                EXCLUDED,
                WARNING,
                Message("{name}: the span is in excluded text", name=name),
                **arg,
                **at,
            )
        )
    return problems


def _role_problems(
    event: EventRow, roles: Iterable[RoleInfo], where: Message, at: dict[str, int]
) -> list[Problem]:
    """Required roles not filled, and roles that take one argument holding several."""
    problems: list[Problem] = []
    for role in roles:
        filled = event.arguments_of(role.id)
        if role.required and not filled:
            problems.append(
                Problem(
                    MISSING_REQUIRED,
                    WARNING,
                    Message(
                        "{where}: the required role {role} is not filled", where=where, role=role
                    ),
                    role_id=role.id,
                    **at,
                )
            )
        if len(filled) > 1 and not role.multiple:
            problems.append(
                Problem(
                    TOO_MANY,
                    ERROR,
                    Message(
                        "{where}: {role} takes one argument but has {count}",
                        where=where,
                        role=role,
                        count=len(filled),
                    ),
                    role_id=role.id,
                    **at,
                )
            )
    return problems


def validate_stances(schema: ProjectSchema, content: SetContent) -> list[Problem]:
    problems: list[Problem] = []
    for stance in content.stances:
        base = {"set_id": content.set_id, "stance_id": stance.id}
        if stance.attributed:
            if stance.polarity_id is None:
                where = Message("new stance")
                problems.append(
                    Problem(
                        MISSING_POLARITY,
                        ERROR,
                        Message("{where}: choose its polarity", where=where),
                        **base,
                    )
                )
            else:
                where = Message("stance {polarity}", polarity=schema.label(stance.polarity_id))
            if stance.holder_span_id is None:
                problems.append(
                    Problem(
                        MISSING_HOLDER,
                        ERROR,
                        Message(
                            "{where}: its holder span was deleted; choose a holder", where=where
                        ),
                        **base,
                    )
                )
        else:
            target = schema.label(stance.target_label_id) if stance.target_label_id else "?"
            where = Message("document stance on {target}", target=target)
        if stance.target_label_id is None and stance.target_span_id is None:
            problems.append(
                Problem(
                    MISSING_TARGET,
                    ERROR,
                    Message("{where}: choose its target", where=where),
                    **base,
                )
            )
        if stance.target_span_id is not None and not schema.entity_targets:
            problems.append(
                Problem(
                    ENTITY_TARGET_OFF,
                    ERROR,
                    Message(
                        "{where}: targets an entity span, which the schema no longer allows",
                        where=where,
                    ),
                    span_id=stance.target_span_id,
                    **base,
                )
            )
        problems += _stance_span_problems(content, stance, where, base)
        problems += _evidence_problems(content, stance, where, base)
    return problems


def _stance_span_problems(
    content: SetContent, stance: StanceRow, where: Message, base: dict[str, int]
) -> list[Problem]:
    """A holder or target span of another set, or in excluded text."""
    problems: list[Problem] = []
    for what, span_id in (
        (Message("holder"), stance.holder_span_id),
        (Message("target"), stance.target_span_id),
    ):
        if span_id is None:
            continue
        span = content.spans.get(span_id)
        if span is None:
            problems.append(
                Problem(
                    OTHER_SET,
                    ERROR,
                    Message(
                        "{where}: its {what} span belongs to another annotation set",
                        where=where,
                        what=what,
                    ),
                    span_id=span_id,
                    **base,
                )
            )
        elif content.excluded.overlaps(span.start, span.end):
            problems.append(
                Problem(
                    EXCLUDED,
                    WARNING,
                    Message("{where}: its {what} span is in excluded text", where=where, what=what),
                    span_id=span_id,
                    start=span.start,
                    end=span.end,
                    **base,
                )
            )
    return problems


def _evidence_problems(
    content: SetContent, stance: StanceRow, where: Message, base: dict[str, int]
) -> list[Problem]:
    """An attributed stance without evidence; evidence past the end or in excluded text."""
    problems: list[Problem] = []
    if stance.attributed and not stance.evidence:
        problems.append(
            Problem(
                NO_EVIDENCE,
                WARNING,
                Message("{where}: no evidence span marked yet", where=where),
                **base,
            )
        )
    for evidence in stance.evidence:
        at = {"evidence_id": evidence.id, "start": evidence.start, "end": evidence.end}
        if evidence.end > content.document_length:
            problems.append(
                Problem(
                    OUTSIDE_DOCUMENT,
                    ERROR,
                    Message(
                        "{where}: evidence {start}-{end} ends past the document",
                        where=where,
                        start=evidence.start,
                        end=evidence.end,
                    ),
                    **base,
                    **at,
                )
            )
        elif content.excluded.overlaps(evidence.start, evidence.end):
            problems.append(
                Problem(
                    EXCLUDED,
                    WARNING,
                    Message("{where}: evidence is in excluded text", where=where),
                    **base,
                    **at,
                )
            )
    return problems


def validate_spans(schema: ProjectSchema, content: SetContent) -> list[Problem]:
    """Entity spans lying in text excluded after they were made."""
    if not content.excluded:
        return []
    return [
        Problem(
            EXCLUDED,
            WARNING,
            Message(
                "{where} is in excluded text",
                where=_at(schema.label(span.label_id), span.start, span.end),
            ),
            set_id=content.set_id,
            span_id=span.id,
            start=span.start,
            end=span.end,
        )
        for span in sorted(content.spans.values(), key=lambda s: (s.start, s.end, s.id))
        if content.excluded.overlaps(span.start, span.end)
    ]


def validate_set(schema: ProjectSchema, content: SetContent) -> list[Problem]:
    """Every problem of a set, errors first, then by position."""
    problems = [
        *validate_spans(schema, content),
        *validate_events(schema, content),
        *validate_stances(schema, content),
    ]
    problems.sort(
        key=lambda p: (p.severity != ERROR, p.start if p.start is not None else -1, p.code)
    )
    return problems


def problem_counts(project: Project, set_ids: Iterable[int]) -> dict[int, ProblemCount]:
    """Errors and warnings per set (for the icons of the document list).

    Only sets with events, stances or excluded text can have problems, so only those
    are read in full; the others (most, while a corpus is being tagged with entities)
    cost one query for all of them.
    """
    ids = sorted(set(set_ids))
    existing: set[int] = set()
    worth_reading: set[int] = set()
    schema = project.schema
    with project.read() as conn:
        for batch in in_batches(ids):
            _note_worth_reading(conn, batch, existing, worth_reading)
        contents = load_sets_content(conn, worth_reading, all_spans=False)
    counts = {set_id: ProblemCount() for set_id in sorted(existing)}
    for set_id, content in contents.items():
        problems = validate_set(schema, content)
        errors = sum(1 for p in problems if p.severity == ERROR)
        counts[set_id] = ProblemCount(errors, len(problems) - errors)
    return counts


def _note_worth_reading(
    conn: Connection, chunk: Sequence[int], existing: set[int], worth_reading: set[int]
) -> None:
    """Of the sets `chunk` names, note those that exist, and those with events, stances or
    excluded text (the only ones that can have problems)."""
    query = text(
        "SELECT s.id, EXISTS (SELECT 1 FROM event_mention m WHERE m.set_id = s.id) "
        "OR EXISTS (SELECT 1 FROM stance t WHERE t.set_id = s.id) "
        "OR EXISTS (SELECT 1 FROM excluded_region r WHERE r.document_id = s.document_id "
        "AND (r.set_id IS NULL OR r.set_id = s.id)) "
        "FROM annotation_set s WHERE s.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = conn.execute(query, {"ids": list(chunk)}).all()
    existing.update(set_id for set_id, _ in rows)
    worth_reading.update(set_id for set_id, worth in rows if worth)


def read_shown_set(
    project: Project,
    document_id: int,
    set_id: int | None,
    spans: Mapping[int, SpanRow],
    index: SpanIndex,
    document_length: int,
) -> tuple[list[RegionRow], SetContent | None]:
    """The excluded text that applies to the set a view shows, and the set's content for
    validation (None when the set does not exist yet).

    Events, stances and regions are read from the project in one snapshot; entity spans
    are taken from `spans` and `index`, which the view holds current (a set can have ten
    thousand), and only those validation looks at: referred to by an argument or a
    stance, or lying in excluded text. A referred span missing there (in another set: a
    damaged file) is read."""
    with project.read() as conn:
        regions = excluded_regions(conn, document_id, set_id)
        if set_id is None:
            return regions, None
        events = events_of_set(conn, set_id)
        stances = stances_of_set(conn, set_id)
        excluded = ExcludedRanges((r.start, r.end) for r in regions)
        wanted = {a.span_id for e in events for a in e.arguments if a.span_id is not None}
        wanted.update(s for t in stances for s in (t.holder_span_id, t.target_span_id) if s)
        shown = {i: spans[i] for i in wanted if i in spans}
        for start, end in excluded:
            shown.update((i, spans[i]) for i in index.overlapping(start, end))
        missing = sorted(wanted - shown.keys())
        foreign = {s.id: s for s in spans_by_id(conn, missing)} if missing else {}
    content = SetContent(
        set_id=set_id,
        document_id=document_id,
        document_length=document_length,
        spans=shown,
        events=events,
        stances=stances,
        excluded=excluded,
        foreign_spans=foreign,
    )
    return regions, content


def _at(label: LabelInfo, start: int, end: int) -> Message:
    return Message("{label} at {start}-{end}", label=label, start=start, end=end)


def detached_label(schema: ProjectSchema, key: str | None) -> LabelInfo | str:
    """The entity label a deleted span had (its key is kept), by name if it still exists."""
    found = schema.by_key(ENTITY, key) if key else None
    return found if found is not None else key or "?"


__all__ = [
    "ERROR",
    "WARNING",
    "Problem",
    "ProblemCount",
    "SetContent",
    "detached_label",
    "load_set_content",
    "load_sets_content",
    "problem_counts",
    "validate_events",
    "validate_set",
    "validate_spans",
    "validate_stances",
]
