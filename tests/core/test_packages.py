"""Annotator packages and merging them back: the round trip, updates, refusals."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.handoff import PACKAGE_SETTING, export_package, merge_annotations
from core.project.errors import OperationError
from core.project.project import Project
from core.schema.model import load_preset
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    ExcludedRegion,
    Label,
    Stance,
    StanceEvidence,
)
from tests.core.review_fixtures import Annotate, add_documents, text_of

TABLES = (
    Document,
    Annotator,
    AnnotationSet,
    EntitySpan,
    EventMention,
    EventArgument,
    Stance,
    StanceEvidence,
    ExcludedRegion,
    Label,
)


def row_counts(project: Project) -> dict[str, int]:
    with project.read() as conn:
        return {
            t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in TABLES
        }


def work_of(project: Project, annotator: str) -> dict[int, dict]:
    """An annotator's work per document, as keys and offsets (no ids): what must survive."""
    with project.read() as conn:
        texts = dict(conn.execute(select(Document.id, Document.text)).all())
        digest = dict(conn.execute(select(Document.id, Document.text_sha256)).all())
        person = conn.execute(select(Annotator.id).where(Annotator.name == annotator)).scalar()
        sets = conn.execute(
            select(AnnotationSet.id, AnnotationSet.document_id, AnnotationSet.state).where(
                AnnotationSet.annotator_id == person
            )
        ).all()
    from core.io.handoff.sets import read_sets

    with project.read() as conn:
        contents = read_sets(conn, [s.id for s in sets])
    result = {}
    for set_id, doc, _state in sets:
        content = contents[set_id]
        assert texts[doc]  # documents come along whole
        result[digest[doc]] = content.signature()
    return result


def annotate_in_package(path, name: str, doc_index: int, label: str, needle: str) -> None:
    """Work done by an annotator in their package, through the core operations."""
    package = Project.open(path)
    try:
        with package.read() as conn:
            doc = conn.execute(select(Document.id).order_by(Document.id)).all()[doc_index][0]
        hand = Annotate(package, doc, name)
        org = hand.entity(needle, label)
        meta_span = hand.entity(needle, label, nth=1) if label == "ORG" else None
        event = hand.event(*hand.where("ميتا", 2), "Business.Acquire", Acquirer=org)
        acquire = package.schema.by_key("event", "Business.Acquire").id
        target = next(r.id for r in package.schema.roles_of(acquire) if r.key == "Target")
        with package.write() as tx:  # an argument whose span was deleted: kept, detached
            tx.insert(
                EventArgument,
                event_id=event,
                role_id=target,
                span_id=None,
                detached_start=0,
                detached_end=4,
                detached_label="ORG",
            )
        hand.stance("FAVOR", target="OPEN_SOURCE_AI", evidence=[hand.where(needle)])
        if meta_span is not None:  # attributed, with an entity span as its target
            hand.stance(
                "AGAINST", target_span=org, holder_span=meta_span, evidence=[hand.where("ميتا")]
            )
        hand.exclude(0, 3)
    finally:
        package.close()


@pytest.fixture
def lead(seeded_project):
    """The lead's project: the five seed articles and one region excluded for everyone."""
    hand = Annotate(seeded_project, 1, "lead", state="new")
    hand.exclude(10, 20, for_everyone=True)
    return seeded_project


def test_package_has_documents_schema_and_no_one_elses_work(lead, tmp_path):
    Annotate(lead, 2, "badr").entity("ميتا", "ORG")
    report = export_package(lead, tmp_path / "amal", "amal")
    assert report.path == tmp_path / "amal.tawsim"
    assert "5 document(s) for amal" in report.summary()
    package = Project.open(report.path)
    try:
        counts = row_counts(package)
        assert counts["document"] == 5
        assert counts["annotation_set"] == 0 and counts["entity_span"] == 0
        assert counts["excluded_region"] == 1  # the region excluded for everyone
        with package.read() as conn:
            assert conn.execute(select(Annotator.name)).scalars().all() == ["amal"]
            hashes = set(conn.execute(select(Document.text_sha256)).scalars())
        with lead.read() as conn:
            assert hashes == set(conn.execute(select(Document.text_sha256)).scalars())
        assert [label.key for label in package.schema.labels] == [
            label.key for label in lead.schema.labels
        ]
        info = json.loads(json.dumps(package.setting(PACKAGE_SETTING)))
        assert info["annotator"] == "amal"
        assert info["source_project_id"] == lead.meta()["project_id"]
        assert package.meta()["project_id"] != lead.meta()["project_id"]
    finally:
        package.close()
    # no temporary file is left next to it
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_package_refuses_to_overwrite_unless_asked_and_can_carry_own_sets(lead, tmp_path):
    badr = Annotate(lead, 2, "badr")
    badr.event(*badr.where("ميتا"), "Business.Acquire", Acquirer=badr.entity("ميتا", "ORG"))
    out = tmp_path / "badr.tawsim"
    export_package(lead, out, "badr")
    with pytest.raises(OperationError, match="already exists"):
        export_package(lead, out, "badr", include_own=True)
    report = export_package(lead, out, "badr", include_own=True, overwrite=True)
    assert report.own_sets == 1
    package = Project.open(out)
    try:
        assert work_of(package, "badr") == work_of(lead, "badr")
    finally:
        package.close()
    with pytest.raises(OperationError, match="this project itself"):
        export_package(lead, lead.path, "badr", overwrite=True)


def test_round_trip_nothing_lost_nothing_duplicated(lead, tmp_path):
    amal_pkg = export_package(lead, tmp_path / "amal.tawsim", "amal").path
    badr_pkg = export_package(lead, tmp_path / "badr.tawsim", "badr").path
    annotate_in_package(amal_pkg, "amal", 0, "ORG", "ميتا")
    annotate_in_package(amal_pkg, "amal", 3, "ORG", "ميتا")
    annotate_in_package(badr_pkg, "badr", 0, "ORG", "ميتا")
    with Project.open(amal_pkg) as package:
        amal_work = work_of(package, "amal")
    with Project.open(badr_pkg) as package:
        badr_work = work_of(package, "badr")
    before = row_counts(lead)

    report = merge_annotations(lead, [amal_pkg, badr_pkg])
    assert report.summary() == "3 set(s) added, 0 replaced, 0 unchanged"
    assert report.count("added") == 3
    assert work_of(lead, "amal") == amal_work
    assert work_of(lead, "badr") == badr_work
    after = row_counts(lead)
    # 3 sets, each with 2 spans, 1 event with 2 arguments (one detached), 2 stances with
    # 2 evidence, 1 region
    assert after["annotation_set"] == before["annotation_set"] + 3
    assert after["entity_span"] == before["entity_span"] + 6
    assert after["event_argument"] == before["event_argument"] + 6
    assert after["stance_evidence"] == before["stance_evidence"] + 6
    assert after["excluded_region"] == before["excluded_region"] + 3  # global one not doubled
    assert after["document"] == before["document"]
    # arguments and stances point at the merged spans of the same set
    with lead.read() as conn:
        rows = conn.execute(
            select(EventArgument.span_id, EntitySpan.set_id, EventMention.set_id)
            .join(EntitySpan, EntitySpan.id == EventArgument.span_id)
            .join(EventMention, EventMention.id == EventArgument.event_id)
        ).all()
    assert len(rows) == 3 and all(span_set == event_set for _, span_set, event_set in rows)
    with lead.read() as conn:
        holders = conn.execute(
            select(Stance.set_id, EntitySpan.set_id, Stance.target_span_id).join(
                EntitySpan, EntitySpan.id == Stance.holder_span_id
            )
        ).all()
    assert len(holders) == 3
    assert all(own == span_set and target for own, span_set, target in holders)
    assert report.changes.annotators and len(report.changes.sets) == 3

    # the same packages again: nothing changes
    again = merge_annotations(lead, [amal_pkg, badr_pkg])
    assert again.summary() == "0 set(s) added, 0 replaced, 3 unchanged"
    assert row_counts(lead) == after
    assert not again.changes.sets

    # one undo step takes the whole merge back (the second merge wrote nothing, so
    # it left no step)
    assert lead.undo_name == "Merge annotations (3 set(s))"
    lead.undo()
    assert row_counts(lead) == before


def test_merging_the_same_annotator_again_replaces_their_set(lead, tmp_path):
    pkg = export_package(lead, tmp_path / "amal.tawsim", "amal").path
    annotate_in_package(pkg, "amal", 0, "ORG", "ميتا")
    merge_annotations(lead, [pkg])
    with Project.open(pkg) as package:
        with package.read() as conn:
            doc = conn.execute(select(Document.id).order_by(Document.id)).scalars().first()
        Annotate(package, doc, "amal").entity("ميتا", "ORG", nth=2)
        updated = work_of(package, "amal")
    report = merge_annotations(lead, [pkg])
    (entry,) = report.files[0].sets
    assert entry.action == "replaced"
    assert entry.before["spans"] == 2 and entry.after["spans"] == 3
    assert work_of(lead, "amal") == updated
    with lead.read() as conn:
        sets = conn.execute(
            select(func.count())
            .select_from(AnnotationSet)
            .join(Annotator, Annotator.id == AnnotationSet.annotator_id)
            .where(Annotator.name == "amal")
        ).scalar_one()
    assert sets == 1  # replaced, not duplicated


def test_work_done_here_later_is_flagged_when_replaced(lead, tmp_path):
    pkg = export_package(lead, tmp_path / "amal.tawsim", "amal").path
    annotate_in_package(pkg, "amal", 0, "ORG", "ميتا")
    merge_annotations(lead, [pkg])
    with lead.read() as conn:
        set_id = conn.execute(
            select(AnnotationSet.id)
            .join(Annotator, Annotator.id == AnnotationSet.annotator_id)
            .where(Annotator.name == "amal")
        ).scalar_one()
        doc = conn.execute(
            select(AnnotationSet.document_id).where(AnnotationSet.id == set_id)
        ).scalar_one()
    start = text_of(lead, doc).index("جوجل")
    add_span(lead, set_id, start, start + 4, lead.schema.by_key("entity", "ORG").id)
    with lead.write() as tx:  # the edit here is later than the package's version
        tx.update(AnnotationSet, set_id, updated_at="2999-01-01T00:00:00Z")
    report = merge_annotations(lead, [pkg])
    (entry,) = report.files[0].sets
    assert entry.action == "replaced"
    assert "changed later" in entry.note


def test_a_document_whose_text_differs_is_reported_not_merged(lead, tmp_path):
    other = Project.create(tmp_path / "other.tawsim")
    try:
        with lead.read() as conn:
            source, text = conn.execute(
                select(Document.source, Document.text).where(Document.id == 2)
            ).one()
        # the same article with one word changed, imported from the same file name
        (doc,) = add_documents(other, tmp_path, [text.replace("ميتا", "ميتا بلاتفورمز", 1)])
        with other.write() as tx:
            tx.conn.execute(Document.__table__.update().values(source=source))
        Annotate(other, doc, "amal").entity("ميتا", "ORG")
    finally:
        other.close()
    before = row_counts(lead)
    report = merge_annotations(lead, [tmp_path / "other.tawsim"])
    ((_title, reported_source, here),) = report.files[0].differing_documents
    assert here == 2 and reported_source == source
    assert report.count("added") == 0
    assert any("text differs from document 2" in line for line in report.lines())
    assert row_counts(lead) == before


def test_unknown_documents_are_reported_or_added(lead, tmp_path):
    other = Project.create(tmp_path / "other.tawsim")
    try:
        (doc,) = add_documents(other, tmp_path, ["وثيقة جديدة عن ميتا لم تكن في المشروع."])
        Annotate(other, doc, "amal").entity("ميتا", "ORG")
    finally:
        other.close()
    path = tmp_path / "other.tawsim"
    report = merge_annotations(lead, [path])
    assert report.files[0].unknown_documents[0][0].startswith("وثيقة جديدة")
    assert report.count("added") == 0
    report = merge_annotations(lead, [path], add_documents=True)
    (new_id,) = report.files[0].added_documents
    assert report.changes.documents_added == {new_id}
    assert text_of(lead, new_id) == "وثيقة جديدة عن ميتا لم تكن في المشروع."
    assert report.count("added") == 1


def test_unknown_labels_are_refused_with_the_list_or_added(lead, tmp_path):
    schema = load_preset("ai-news-ar")
    schema["entities"].append({"key": "TECH", "name_en": "Technology", "color": "#123456"})
    other = Project.create(tmp_path / "other.tawsim", schema=schema)
    try:
        with lead.read() as conn:
            text = conn.execute(select(Document.text).where(Document.id == 1)).scalar_one()
        (doc,) = add_documents(other, tmp_path, [text])
        hand = Annotate(other, doc, "amal")
        hand.entity("ميتا", "TECH")
        hand.entity("جوجل", "ORG")
    finally:
        other.close()
    before = row_counts(lead)
    with pytest.raises(OperationError, match="lacks: entity label TECH; nothing was merged"):
        merge_annotations(lead, [tmp_path / "other.tawsim"])
    assert row_counts(lead) == before
    report = merge_annotations(lead, [tmp_path / "other.tawsim"], add_labels=True)
    assert report.labels_added == ["entity label TECH"]
    assert report.changes.schema
    tech = lead.schema.by_key("entity", "TECH")
    assert tech is not None and tech.color == "#123456"


def test_an_export_after_a_merge_that_added_labels_records_the_new_schema_revision(lead, tmp_path):
    schema = load_preset("ai-news-ar")
    schema["entities"].append({"key": "TECH", "name_en": "Technology"})
    other = Project.create(tmp_path / "other.tawsim", schema=schema)
    try:
        with lead.read() as conn:
            text = conn.execute(select(Document.text).where(Document.id == 1)).scalar_one()
        (doc,) = add_documents(other, tmp_path, [text])
        Annotate(other, doc, "amal").entity("ميتا", "TECH")
    finally:
        other.close()
    revision = lead.setting("schema_revision")
    merge_annotations(lead, [tmp_path / "other.tawsim"], add_labels=True)
    assert lead.setting("schema_revision") == revision + 1
    out = tmp_path / "amal.jsonl"
    export_dataset(lead, "jsonl", out, Selection.from_argument("amal"))
    (line,) = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["provenance"]["schema_revision"] == revision + 1
    assert [e["label"] for e in record["entities"]] == ["TECH"]


def test_failed_merge_changes_nothing_and_dry_run_writes_nothing(lead, tmp_path):
    pkg = export_package(lead, tmp_path / "amal.tawsim", "amal").path
    annotate_in_package(pkg, "amal", 0, "ORG", "ميتا")
    junk = tmp_path / "junk.tawsim"
    junk.write_bytes(b"not a database")
    before = row_counts(lead)
    with pytest.raises(OperationError, match=r"junk\.tawsim"):
        merge_annotations(lead, [pkg, junk])
    assert row_counts(lead) == before
    with pytest.raises(OperationError, match="this project itself"):
        merge_annotations(lead, [lead.path])
    report = merge_annotations(lead, [pkg], dry_run=True)
    assert report.summary() == "dry run, nothing written: 1 set(s) added, 0 replaced, 0 unchanged"
    assert row_counts(lead) == before
    assert lead.undo_name is None or not lead.undo_name.startswith("Merge")


def test_gold_sets_are_not_merged(lead, tmp_path):
    pkg = export_package(lead, tmp_path / "amal.tawsim", "amal").path
    with Project.open(pkg) as package:
        with package.write() as tx:
            set_id = ensure_set(tx, 1, None)
        ensure_annotator(package, "amal")
        span_start = text_of(package, 1).index("ميتا")
        add_span(
            package, set_id, span_start, span_start + 4, package.schema.by_key("entity", "ORG").id
        )
    report = merge_annotations(lead, [pkg])
    assert report.files[0].gold_sets_skipped == 1
    assert report.count("added") == 0
    assert "1 gold set(s) not merged" in report.lines()[-1]


def test_spans_with_edge_whitespace_in_a_package_are_trimmed_and_counted(lead, tmp_path):
    package_path = export_package(lead, tmp_path / "amal.tawsim", "amal").path
    with Project.open(package_path) as package:
        hand = Annotate(package, 2, "amal")
        start, end = hand.where("ميتا")
        # written as an older version could: the space before the word, twice over
        org = hand.label_id("entity", "ORG")
        with package.write() as tx:
            spaced = tx.insert(
                EntitySpan, set_id=hand.set_id, label_id=org, start=start - 1, end=end
            )
        hand.span(start, end, "ORG")
        hand.stance("FAVOR", target="OPEN_SOURCE_AI", evidence=[(start - 1, end + 1)])
        hand.event(start - 1, end, "Business.Acquire", Acquirer=spaced)
    report = merge_annotations(lead, [package_path])
    assert "3 span(s) trimmed of edge whitespace" in "\n".join(report.lines())
    with lead.read() as conn:
        rows = conn.execute(
            select(EntitySpan.start, EntitySpan.end)
            .join(AnnotationSet, AnnotationSet.id == EntitySpan.set_id)
            .join(Annotator, Annotator.id == AnnotationSet.annotator_id)
            .where(Annotator.name == "amal")
        ).all()
        argument = conn.execute(select(EventArgument.span_id)).scalars().all()
        evidence = conn.execute(select(StanceEvidence.start, StanceEvidence.end)).all()
    assert rows == [(start, end)]  # the two became one, the event's argument with it
    assert len(argument) == 1 and argument[0] is not None
    assert [tuple(e) for e in evidence] == [(start, end)]
