"""What the review charts show: how each annotator (and the gold set) uses the entity
labels, and how far each annotator has got.

* `label_distribution(project)`: entity spans per label in each annotator's sets (any
  state) and in the gold sets.
* `annotator_progress(project)`: per annotator, documents finished, in progress and
  new (not started), and the dates their finished documents were finished.

An annotator's documents are those assigned to them plus those they have worked on;
when nothing is assigned to them, every document of the project (a project without
assignments lets everyone annotate everything). A set is dated by its last change
(`annotation_set.updated_at`): marking it finished sets that date, so a finished set
changed later counts from the later day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from core.project.project import Project
from core.schema.model import ENTITY
from models.tables import AnnotationSet, Annotator, Assignment, Document, EntitySpan, table_of


@dataclass(frozen=True)
class Who:
    """An annotator, or the gold standard (`id` None)."""

    id: int | None
    name: str

    @property
    def is_gold(self) -> bool:
        return self.id is None


GOLD = Who(None, "gold")


@dataclass
class LabelDistribution:
    labels: list[str]  # entity label keys, schema order
    series: list[Who]  # annotators by name, then gold (when it has spans)
    counts: dict[tuple[int | None, str], int] = field(default_factory=dict)

    def count(self, who: Who, label: str) -> int:
        return self.counts.get((who.id, label), 0)

    def total(self, who: Who) -> int:
        return sum(self.count(who, label) for label in self.labels)


def label_distribution(project: Project) -> LabelDistribution:
    """Entity spans per label of each annotator with any span, and of the gold sets."""
    sets, spans, people = table_of(AnnotationSet), table_of(EntitySpan), table_of(Annotator)
    keys = {label.id: label.key for label in project.schema.layer(ENTITY)}
    query = (
        select(sets.c.annotator_id, spans.c.label_id, func.count())
        .select_from(spans.join(sets, sets.c.id == spans.c.set_id))
        .group_by(sets.c.annotator_id, spans.c.label_id)
    )
    with project.read() as conn:
        rows = conn.execute(query).all()
        names: dict[int, str] = {i: n for i, n in conn.execute(select(people.c.id, people.c.name))}
    counts: dict[tuple[int | None, str], int] = {}
    for annotator, label_id, n in rows:
        if label_id in keys:
            counts[(annotator, keys[label_id])] = n
    present = {annotator for annotator, _ in counts}
    series = sorted(
        (Who(a, names[a]) for a in present if a is not None),
        key=lambda w: (w.name.casefold(), w.id),
    )
    if None in present:
        series.append(GOLD)
    return LabelDistribution(list(keys.values()), series, counts)


@dataclass(frozen=True)
class Progress:
    who: Who
    finished: int
    in_progress: int
    new: int
    finished_on: tuple[tuple[str, int], ...]  # (YYYY-MM-DD, documents finished that day)

    @property
    def documents(self) -> int:
        return self.finished + self.in_progress + self.new


def annotator_progress(project: Project) -> list[Progress]:
    """Every annotator's progress (see the module doc), by name; curators only when
    they annotate too."""
    sets, assigned, people = table_of(AnnotationSet), table_of(Assignment), table_of(Annotator)
    with project.read() as conn:
        total = conn.execute(select(func.count()).select_from(table_of(Document))).scalar_one()
        roles = {
            annotator: (name, role)
            for annotator, name, role in conn.execute(
                select(people.c.id, people.c.name, people.c.role)
            )
        }
        assignments: defaultdict[int, set[int]] = defaultdict(set)
        for doc, annotator in conn.execute(select(assigned.c.document_id, assigned.c.annotator_id)):
            assignments[annotator].add(doc)
        rows = conn.execute(
            select(sets.c.annotator_id, sets.c.document_id, sets.c.state, sets.c.updated_at).where(
                sets.c.annotator_id.is_not(None), sets.c.state != "new"
            )
        )
        states: defaultdict[int, Counter[str]] = defaultdict(Counter)
        worked: defaultdict[int, set[int]] = defaultdict(set)
        days: defaultdict[int, Counter[str]] = defaultdict(Counter)
        # counted as they come: a project of 50,000 documents has 150,000 sets
        for annotator, doc, state, updated_at in rows:
            states[annotator][state] += 1
            worked[annotator].add(doc)
            if state == "finished":
                days[annotator][str(updated_at)[:10]] += 1
    found = []
    for annotator, (name, role) in sorted(
        roles.items(), key=lambda item: (item[1][0].casefold(), item[0])
    ):
        mine = assignments.get(annotator)
        if role != "annotator" and not mine and not worked[annotator]:
            continue  # a curator who annotates nothing has no progress to show
        documents = len(mine | worked[annotator]) if mine else total
        finished = states[annotator]["finished"]
        in_progress = states[annotator]["in_progress"]
        found.append(
            Progress(
                Who(annotator, name),
                finished,
                in_progress,
                max(0, documents - finished - in_progress),
                tuple(sorted(days[annotator].items())),
            )
        )
    return found


__all__ = [
    "GOLD",
    "LabelDistribution",
    "Progress",
    "Who",
    "annotator_progress",
    "label_distribution",
]
