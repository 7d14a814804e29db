"""The export pipeline: selections, excluded regions, atomic files, cancel."""

from __future__ import annotations

import json

import pytest

from core.io.dataset import Selection, open_dataset
from core.io.export import export_dataset
from core.io.formats import FORMATS, jsonl
from core.project.errors import OperationError, OutputError
from core.project.progress import Cancelled
from models.tables import EntitySpan, EventArgument
from tests.core.formats_support import (
    add_spans,
    annotate_seed_article,
    find,
    mark_finished,
    set_for,
    text_of,
)


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_gold_is_the_default_and_documents_without_a_gold_set_are_skipped(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    report = export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    records = lines(tmp_path / "gold.jsonl")
    assert [r["id"] for r in records] == [1]
    assert records[0]["provenance"]["annotation_set"] == "gold"
    assert report.documents_without_set == [2, 3, 4, 5]
    assert "4 document(s) have no matching annotation set" in report.details()[0]


def test_one_annotator_all_sets_selection_and_finished_only(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    salma = annotate_seed_article(seeded_project, "Salma")
    omar = set_for(seeded_project, 3, "Omar")
    text = text_of(seeded_project, 3)
    add_spans(seeded_project, omar, [(*find(text, "ميتا"), "ORG")])
    set_for(seeded_project, 3, None)  # an empty gold set still makes a record

    export_dataset(seeded_project, "jsonl", tmp_path / "all.jsonl", Selection.from_argument("all"))
    order = [(r["id"], r["provenance"]["annotation_set"]) for r in lines(tmp_path / "all.jsonl")]
    assert order == [(1, "gold"), (1, "Salma"), (3, "gold"), (3, "Omar")]

    export_dataset(
        seeded_project, "jsonl", tmp_path / "salma.jsonl", Selection.from_argument("Salma")
    )
    (record,) = lines(tmp_path / "salma.jsonl")
    assert record["provenance"]["annotators"] == ["Salma"]
    assert len(record["entities"]) == 6

    export_dataset(
        seeded_project,
        "jsonl",
        tmp_path / "doc3.jsonl",
        Selection.from_argument("all", documents=[3]),
    )
    assert [r["provenance"]["annotation_set"] for r in lines(tmp_path / "doc3.jsonl")] == [
        "gold",
        "Omar",
    ]

    with pytest.raises(OperationError, match="no document has a finished set by Salma"):
        export_dataset(
            seeded_project,
            "jsonl",
            tmp_path / "none.jsonl",
            Selection.from_argument("Salma", finished_only=True),
        )
    assert not (tmp_path / "none.jsonl").exists()
    mark_finished(seeded_project, salma.set_id)
    export_dataset(
        seeded_project,
        "jsonl",
        tmp_path / "finished.jsonl",
        Selection.from_argument("all", finished_only=True),
    )
    assert [
        (r["id"], r["provenance"]["set_state"]) for r in lines(tmp_path / "finished.jsonl")
    ] == [(1, "finished")]


def test_unknown_annotator_document_or_option_is_refused_before_writing(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "x.jsonl"
    with pytest.raises(OperationError, match="no annotator named 'Nobody'"):
        export_dataset(seeded_project, "jsonl", out, Selection.from_argument("Nobody"))
    with pytest.raises(OperationError, match="no document with id 99"):
        export_dataset(seeded_project, "jsonl", out, Selection(documents=(1, 99)))
    with pytest.raises(OperationError, match="clitics must be one of"):
        export_dataset(seeded_project, "conll", out, options={"clitics": "maybe"})
    with pytest.raises(OperationError, match="unknown format"):
        export_dataset(seeded_project, "csv", out)
    assert list(out.parent.iterdir()) == []


def test_excluded_regions_keep_the_text_and_leave_annotations_out(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    report = export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    (record,) = lines(tmp_path / "gold.jsonl")
    text = text_of(seeded_project, 1)
    assert record["text"] == text
    excluded = find(text, "تاريخ النشر: 5th, September 2025 GMT")
    assert record["excluded"] == [
        {
            "start": excluded[0],
            "end": excluded[1],
            "text": "تاريخ النشر: 5th, September 2025 GMT",
            "for": "everyone",
            "reason": "boilerplate",
        }
    ]
    assert "DATE" not in {e["label"] for e in record["entities"]}
    assert report.left_out == {"entities in excluded text": 1}


def test_detached_and_cross_set_arguments_are_left_out_and_counted(seeded_project, tmp_path):
    annotated = annotate_seed_article(seeded_project)
    other = set_for(seeded_project, 1, "Omar")
    (foreign,) = add_spans(seeded_project, other, [(0, 4, "ORG")])
    schema = seeded_project.schema
    partnership = schema.by_key("event", "Business.Partnership")
    role = schema.roles_of(partnership.id)[0]
    with seeded_project.write() as tx:
        argument = tx.conn.execute(
            EventArgument.__table__.select().where(
                EventArgument.span_id == annotated.spans["google"]
            )
        ).first()[0]
        tx.update(EventArgument, argument, span_id=None, detached_start=23, detached_end=27)
        tx.delete(EntitySpan, annotated.spans["google"])
        tx.insert(EventArgument, event_id=annotated.events[0], role_id=role.id, span_id=foreign)
    report = export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    (record,) = lines(tmp_path / "gold.jsonl")
    (event,) = record["events"]
    meta = annotated.spans["meta"]
    assert event["arguments"] == [{"role": "Participants", "entity": meta}]
    assert report.left_out["event arguments whose entity was deleted"] == 1
    assert report.left_out["event arguments pointing into another annotation set"] == 1


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_a_failing_writer_leaves_no_file_and_no_temporary_file(
    seeded_project, tmp_path, monkeypatch, key
):
    annotate_seed_article(seeded_project)
    set_for(seeded_project, 2, None)
    module = __import__(FORMATS[key].module, fromlist=["Writer"])
    original = module.Writer.write
    calls = []

    def failing(self, record):
        calls.append(record.document_id)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        original(self, record)

    monkeypatch.setattr(module.Writer, "write", failing)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / ("brat" if FORMATS[key].folder else f"data{FORMATS[key].suffix}")
    with pytest.raises(OutputError, match=r"cannot be written \(the disk is full\)"):
        export_dataset(seeded_project, key, target)
    assert list(out_dir.iterdir()) == []


def test_cancel_leaves_nothing_and_an_existing_file_survives(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    set_for(seeded_project, 2, None)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "gold.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    seen = []

    def progress(done, total, label):
        seen.append((done, total))
        return done < 1

    with pytest.raises(Cancelled):
        export_dataset(seeded_project, "jsonl", target, progress=progress)
    assert seen[-1] == (1, 2)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["gold.jsonl"]
    report = export_dataset(seeded_project, "jsonl", target)
    assert len(lines(target)) == 2 and report.paths == [target]


def test_a_brat_folder_is_replaced_only_when_it_holds_nothing_else(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    folder = tmp_path / "brat"
    export_dataset(seeded_project, "brat", folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "000001.ann",
        "000001.txt",
        "annotation.conf",
        "visual.conf",
    ]
    export_dataset(seeded_project, "brat", folder)  # a previous export: replaced
    (folder / "notes.docx").write_bytes(b"mine")
    with pytest.raises(OperationError, match="already holds other files"):
        export_dataset(seeded_project, "brat", folder)
    assert (folder / "notes.docx").read_bytes() == b"mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_every_exported_span_text_equals_the_document_text(seeded_project, tmp_path, key):
    """The invariant exports rest on, checked through the dataset every writer reads."""
    annotate_seed_article(seeded_project)
    with open_dataset(seeded_project, Selection()) as dataset:
        for record in dataset:
            for e in record.entities:
                assert e.text == record.text[e.start : e.end]
            for ev in record.events:
                assert ev.text == record.text[ev.start : ev.end]
            for s in record.stances:
                for v in s.evidence:
                    assert v.text == record.text[v.start : v.end]
    out = tmp_path / ("brat" if FORMATS[key].folder else f"x{FORMATS[key].suffix}")
    report = export_dataset(seeded_project, key, out)
    assert report.records == 1 and report.paths


def test_gold_jsonl_provenance(seeded_project, tmp_path):
    from core.annotation.annotators import ensure_annotator
    from core.project.project import set_setting
    from core.version import APP_VERSION
    from models.tables import AnnotationSet

    gold = annotate_seed_article(seeded_project)
    annotate_seed_article(seeded_project, "Salma")
    set_for(seeded_project, 1, "Omar")
    lead = ensure_annotator(seeded_project, "Lead", "curator").value
    with seeded_project.write() as tx:
        set_setting(tx, "schema_revision", 7)
        tx.update(AnnotationSet, gold.set_id, curator_id=lead)
    export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    (record,) = lines(tmp_path / "gold.jsonl")
    provenance = record["provenance"]
    assert provenance["schema_revision"] == 7
    assert provenance["application_version"] == APP_VERSION
    assert provenance["format"] == jsonl.FORMAT_NAME
    assert provenance["exported_at"].endswith("Z")
    assert provenance["curator"] == "Lead"
    assert provenance["annotators"] == ["Omar", "Salma"]
    assert provenance["annotation_set"] == "gold"
    assert provenance["application"] == "Tawsim"


@pytest.mark.parametrize("key", sorted(k for k, info in FORMATS.items() if info.folder))
def test_a_folder_export_replaces_its_own_earlier_export(seeded_project, tmp_path, key):
    annotate_seed_article(seeded_project)
    target = tmp_path / "out"
    export_dataset(seeded_project, key, target)
    names = sorted(p.name for p in target.iterdir())
    again = export_dataset(seeded_project, key, target)  # its own files: replaced, not refused
    assert again.records == 1 and sorted(p.name for p in target.iterdir()) == names
