"""Building annotators' work for agreement, disagreement and merge tests.

Spans and sets go through the real operations where they exist
(`core.annotation.spans`); events, stances and excluded regions are written as rows
(`project.write()` + `tx.insert`), as their operations land separately.
"""

from __future__ import annotations

from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set, set_state
from core.annotation.spans import add_span
from core.documents.importing import import_documents
from core.project.project import Project
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET
from models.tables import (
    Document,
    EventArgument,
    EventMention,
    ExcludedRegion,
    Stance,
    StanceEvidence,
)


def add_documents(project: Project, tmp_path, texts: list[str]) -> list[int]:
    """Import `texts` as documents; return their ids in order."""
    folder = tmp_path / f"docs-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:03}.txt").write_text(text, encoding="utf-8")
    report = import_documents(project, [folder])
    assert len(report.added) == len(texts), report.summary()
    return report.added


def text_of(project: Project, doc: int) -> str:
    with project.read() as conn:
        return conn.execute(select(Document.text).where(Document.id == doc)).scalar_one()


class Annotate:
    """One annotator's hand at one document: `Annotate(project, doc, "amal")`."""

    def __init__(self, project: Project, doc: int, name: str, state: str = "finished"):
        self.project = project
        self.doc = doc
        self.name = name
        self.annotator_id = ensure_annotator(project, name).value
        with project.write() as tx:
            self.set_id = ensure_set(tx, doc, self.annotator_id)
        self.text = text_of(project, doc)
        set_state(project, self.set_id, state)

    def where(self, needle: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return start, start + len(needle)

    def label_id(self, layer: str, key: str) -> int:
        label = self.project.schema.by_key(layer, key)
        assert label is not None, key
        return label.id

    def span(self, start: int, end: int, label: str) -> int:
        # add_span moves a new set to in progress and leaves a finished one finished
        return add_span(self.project, self.set_id, start, end, self.label_id(ENTITY, label)).value

    def entity(self, needle: str, label: str, nth: int = 0) -> int:
        return self.span(*self.where(needle, nth), label)

    def event(self, start: int, end: int, event_type: str, **arguments: int) -> int:
        """An event with arguments given as role=span_id."""
        type_id = self.label_id(EVENT, event_type)
        roles = {r.key: r.id for r in self.project.schema.roles_of(type_id)}
        with self.project.write() as tx:
            event_id = tx.insert(
                EventMention, set_id=self.set_id, type_id=type_id, start=start, end=end
            )
            for role, span_id in arguments.items():
                tx.insert(EventArgument, event_id=event_id, role_id=roles[role], span_id=span_id)
        return event_id

    def stance(
        self,
        polarity: str,
        *,
        target: str | None = None,
        target_span: int | None = None,
        holder_span: int | None = None,
        evidence: list[tuple[int, int]] = (),
    ) -> int:
        values = {
            "set_id": self.set_id,
            "scope": "document" if holder_span is None else "attributed",
            "holder_span_id": holder_span,
            "target_label_id": self.label_id(STANCE_TARGET, target) if target else None,
            "target_span_id": target_span,
            "polarity_id": self.label_id(POLARITY, polarity),
        }
        with self.project.write() as tx:
            stance_id = tx.insert(Stance, **values)
            for start, end in evidence:
                tx.insert(StanceEvidence, stance_id=stance_id, start=start, end=end)
        return stance_id

    def exclude(self, start: int, end: int, *, for_everyone: bool = False) -> int:
        with self.project.write() as tx:
            return tx.insert(
                ExcludedRegion,
                document_id=self.doc,
                set_id=None if for_everyone else self.set_id,
                start=start,
                end=end,
                created_by=self.annotator_id,
            )


D1 = "أعلنت ميتا أن ألكسندر وانغ سينضم إلى الشركة في يونيو."
D2 = "قالت أوبن إيه آي إن النموذج الجديد متاح."


def annotate_entities(project: Project, tmp_path) -> tuple[int, int, dict[str, int]]:
    """Three annotators' entities on D1 and D2 (see tests/core/test_agreement_project.py)."""
    d1, d2 = add_documents(project, tmp_path, [D1, D2])
    amal = Annotate(project, d1, "amal")
    amal.entity("ميتا", "ORG")
    amal.entity("ألكسندر وانغ", "PERS")
    amal.entity("يونيو", "DATE")
    badr = Annotate(project, d1, "badr")
    badr.entity("ميتا", "ORG")
    badr.entity("وانغ", "PERS")
    badr.entity("يونيو", "DATE")
    hind = Annotate(project, d1, "hind")
    hind.entity("ميتا", "ORG")
    hind.entity("ألكسندر وانغ", "ORG")
    Annotate(project, d2, "amal").entity("أوبن إيه آي", "ORG")
    badr2 = Annotate(project, d2, "badr")
    badr2.entity("أوبن إيه آي", "ORG")
    badr2.entity("النموذج", "PRODUCT")
    Annotate(project, d2, "hind")
    ids = {"amal": amal.annotator_id, "badr": badr.annotator_id, "hind": hind.annotator_id}
    return d1, d2, ids
