"""Annotated projects for the export and import tests.

Events, stances and excluded regions are written with `project.write()` and
`tx.insert` directly (their operations live elsewhere), exactly as rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.io.dataset import Selection, open_dataset
from core.project.project import Project
from models.tables import (
    AnnotationSet,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    ExcludedRegion,
    Stance,
    StanceEvidence,
)

EMOJI_TEXT = (
    "أطلقت ميتا 🚀 نموذج Llama 4 اليوم 😀 في كاليفورنيا.\n"
    "وقال زوكربيرغ إن 🤖 ميتا ستنافس أوبن إيه آي."
)


@dataclass
class Annotated:
    set_id: int
    spans: dict[str, int] = field(default_factory=dict)
    events: list[int] = field(default_factory=list)
    stances: list[int] = field(default_factory=list)


def text_of(project: Project, document_id: int) -> str:
    with project.read() as conn:
        return conn.execute(select(Document.text).where(Document.id == document_id)).scalar_one()


def find(text: str, needle: str, occurrence: int = 0, after: int = 0) -> tuple[int, int]:
    start = after - 1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def set_for(project: Project, document_id: int, annotator: str | None) -> int:
    annotator_id = ensure_annotator(project, annotator).value if annotator else None
    with project.write() as tx:
        return ensure_set(tx, document_id, annotator_id)


def add_spans(project: Project, set_id: int, spans: list[tuple[int, int, str]]) -> list[int]:
    schema = project.schema
    with project.write("Add spans") as tx:
        return [
            tx.insert(
                EntitySpan,
                set_id=set_id,
                label_id=schema.by_key("entity", label).id,
                start=start,
                end=end,
            )
            for start, end, label in spans
        ]


def annotate_seed_article(project: Project, annotator: str | None = None) -> Annotated:
    """Document 1 of the seeds: nested entities, a clitic, an event with two arguments,
    a document stance, an attributed stance with evidence, and an excluded line holding
    an entity (which exports leave out)."""
    text = text_of(project, 1)
    set_id = set_for(project, 1, annotator)
    schema = project.schema
    places = {
        "meta": (*find(text, "ميتا"), "ORG"),
        "google": (*find(text, "جوجل"), "ORG"),
        "openai": (*find(text, "أوبن إيه آي"), "ORG"),  # after the clitic و of "وأوبن"
        "lab": (*find(text, "Meta Superintelligence Lab"), "ORG"),
        "metaai": (*find(text, "Meta AI"), "PRODUCT"),
        "date": (*find(text, "5th, September 2025"), "DATE"),
    }
    lab_start = places["lab"][0]
    places["lab_meta"] = (lab_start, lab_start + 4, "ORG")  # nested in "lab"
    result = Annotated(set_id)
    ids = add_spans(project, set_id, list(places.values()))
    result.spans = dict(zip(places, ids, strict=True))
    trigger = find(text, "دمج")
    evidence = find(text, "تدرس الاستعانة بنماذج من منافسيها")
    excluded = find(text, "تاريخ النشر: 5th, September 2025 GMT")
    partnership = schema.by_key("event", "Business.Partnership")
    participants = next(r for r in schema.roles_of(partnership.id) if r.key == "Participants")
    with project.write("Annotate") as tx:
        event_id = tx.insert(
            EventMention, set_id=set_id, type_id=partnership.id, start=trigger[0], end=trigger[1]
        )
        for name in ("meta", "google"):
            tx.insert(
                EventArgument,
                event_id=event_id,
                role_id=participants.id,
                span_id=result.spans[name],
            )
        result.events.append(event_id)
        result.stances.append(
            tx.insert(
                Stance,
                set_id=set_id,
                scope="document",
                target_label_id=schema.by_key("stance_target", "OPEN_SOURCE_AI").id,
                polarity_id=schema.by_key("polarity", "NEUTRAL").id,
            )
        )
        attributed = tx.insert(
            Stance,
            set_id=set_id,
            scope="attributed",
            holder_span_id=result.spans["meta"],
            target_span_id=result.spans["google"],
            polarity_id=schema.by_key("polarity", "FAVOR").id,
            note="يدرس الاستعانة",
        )
        tx.insert(StanceEvidence, stance_id=attributed, start=evidence[0], end=evidence[1])
        result.stances.append(attributed)
        tx.insert(
            ExcludedRegion,
            document_id=1,
            set_id=None,
            start=excluded[0],
            end=excluded[1],
            reason="boilerplate",
        )
    return result


def mark_finished(project: Project, set_id: int) -> None:
    with project.write() as tx:
        tx.update(AnnotationSet, set_id, state="finished")


def annotations_of(project: Project, selection: Selection) -> dict:
    """Everything a dataset holds, keyed by document text and compared by value, so two
    projects can be compared whatever their ids."""
    found = {}
    with open_dataset(project, selection) as dataset:
        for record in dataset:
            place = {e.id: (e.start, e.end, e.label) for e in record.entities}
            found[record.text] = {
                "entities": sorted(place.values()),
                "events": sorted(
                    (
                        ev.start,
                        ev.end,
                        ev.type,
                        tuple(sorted((a.role, place[a.entity_id]) for a in ev.arguments)),
                    )
                    for ev in record.events
                ),
                "stances": sorted(
                    (
                        s.scope,
                        s.polarity,
                        place.get(s.holder_id),
                        s.target_label,
                        place.get(s.target_entity_id),
                        tuple((v.start, v.end) for v in s.evidence),
                        s.note,
                    )
                    for s in record.stances
                ),
                "excluded": sorted((r.start, r.end) for r in record.excluded),
            }
    return found
