"""Importing annotations: all or nothing, one undo step, clear refusals."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations
from core.project.progress import Cancelled
from models.tables import SQLModel
from tests.core.formats_support import annotate_seed_article, annotations_of


def row_counts(project) -> dict[str, int]:
    with project.read() as conn:
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def write_jsonl(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def test_one_bad_file_refuses_the_whole_import_and_changes_nothing(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    good = tmp_path / "good.jsonl"
    export_dataset(seeded_project, "jsonl", good)
    bad = tmp_path / "bad.jsonl"
    write_jsonl(
        bad,
        [
            {
                "text": "ميتا تطلق نموذجا",
                "entities": [{"id": 1, "start": 0, "end": 4, "label": "ORG"}],
            },
            {"text": "جوجل", "entities": [{"id": 1, "start": 0, "end": 40, "label": "ORG"}]},
        ],
    )
    before = row_counts(seeded_project)
    undo_before = seeded_project.undo_name
    with pytest.raises(ImportRefused) as refused:
        import_annotations(seeded_project, "jsonl", [good, bad], ImportOptions("Salma"))
    assert refused.value.problems == [
        "bad.jsonl line 2: entity 1 (ORG) offsets 0-40 are outside the document (4 characters)"
    ]
    assert str(refused.value).startswith("nothing was imported: bad.jsonl line 2")
    assert row_counts(seeded_project) == before
    assert seeded_project.undo_name == undo_before


def test_an_import_is_one_undo_step_including_the_documents_it_added(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    path = tmp_path / "more.jsonl"
    write_jsonl(
        path,
        [
            {
                "text": "خبر جديد عن ميتا",
                "entities": [{"id": 7, "start": 12, "end": 16, "label": "ORG"}],
            },
        ],
    )
    export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    before = row_counts(seeded_project)
    report = import_annotations(
        seeded_project, "jsonl", [tmp_path / "gold.jsonl", path], ImportOptions("Salma")
    )
    assert seeded_project.undo_name == "Import annotations (2 documents)"
    assert report.documents_matched == [1] and report.documents_added == [6]
    assert report.changes.documents_added == {6} and 1 in report.changes.documents
    assert report.changes.annotators
    changes = seeded_project.undo()
    assert changes.documents_removed == {6}
    assert row_counts(seeded_project) == before


def test_dry_run_reports_and_writes_nothing(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    before = row_counts(seeded_project)
    report = import_annotations(
        seeded_project, "jsonl", [tmp_path / "gold.jsonl"], ImportOptions("Salma", dry_run=True)
    )
    assert report.entities == 6 and report.events == 1 and report.stances == 2
    assert report.summary().startswith("would import 6 entities")
    assert row_counts(seeded_project) == before


def test_files_with_several_sets_per_document_need_a_choice(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    annotate_seed_article(seeded_project, "Omar")
    path = tmp_path / "all.jsonl"
    export_dataset(seeded_project, "jsonl", path, Selection.from_argument("all"))
    with pytest.raises(
        ImportRefused, match=r"several annotation sets of this document \(Omar, gold\)"
    ):
        import_annotations(seeded_project, "jsonl", [path], ImportOptions("Salma"))
    report = import_annotations(
        seeded_project, "jsonl", [path], ImportOptions("Salma", from_set="Omar")
    )
    assert report.entities == 6
    assert annotations_of(seeded_project, Selection.from_argument("Salma")) == annotations_of(
        seeded_project, Selection.from_argument("Omar")
    )


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (
            {
                "text": "ميتا تستحوذ",
                "events": [
                    {
                        "id": 1,
                        "type": "Business.Acquire",
                        "trigger": {"start": 5, "end": 11},
                        "arguments": [{"role": "Acquirer", "entity": 9}],
                    }
                ],
            },
            "event 1 argument Acquirer refers to entity '9', which the file does not define",
        ),
        (
            {
                "text": "ميتا تطلق",
                "entities": [{"id": 1, "start": 0, "end": 4, "label": "ORG", "text": "جوجل"}],
            },
            'entity 1 (ORG) text "جوجل" does not match the document text "ميتا" at 0-4',
        ),
        (
            {
                "text": "ميتا تطلق",
                "entities": [{"id": 1, "start": 0, "end": 4, "label": "COMPANY"}],
            },
            "unknown entity labels: COMPANY at in.jsonl line 1 (add them to the schema, or "
            "import with --add-labels)",
        ),
        (
            {
                "text": "ميتا تطلق",
                "entities": [{"id": 1, "start": 0, "end": 4, "label": "ORG"}],
                "stances": [
                    {
                        "id": 1,
                        "scope": "attributed",
                        "holder": None,
                        "target": {"entity": 1},
                        "polarity": "FAVOR",
                        "evidence": [],
                    }
                ],
            },
            "an attributed stance has no holder",
        ),
    ],
)
def test_refusals_name_the_place_and_the_problem(project, tmp_path, record, problem):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [record])
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "jsonl", [path], ImportOptions("Salma"))
    assert any(problem in p for p in refused.value.problems), refused.value.problems
    assert all(
        p.startswith("in.jsonl line 1") or p.startswith("unknown") for p in refused.value.problems
    )


def test_bad_options_and_reserved_names(project, tmp_path):
    path = tmp_path / "x.jsonl"
    write_jsonl(path, [{"text": "نص"}])
    with pytest.raises(ImportRefused, match="'gold' is reserved"):
        import_annotations(project, "jsonl", [path], ImportOptions("gold"))
    with pytest.raises(ImportRefused, match="offsets must be auto"):
        import_annotations(project, "jsonl", [path], ImportOptions("Salma", offsets="bytes"))
    with pytest.raises(ImportRefused, match="no such file"):
        import_annotations(project, "jsonl", [tmp_path / "missing.jsonl"], ImportOptions("Salma"))
    with pytest.raises(ImportRefused, match="unknown format"):
        import_annotations(project, "tei", [path], ImportOptions("Salma"))


def test_a_cancel_even_after_the_last_batch_is_written_changes_nothing(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    export_dataset(seeded_project, "jsonl", tmp_path / "gold.jsonl")
    before = row_counts(seeded_project)
    with pytest.raises(Cancelled):
        import_annotations(
            seeded_project,
            "jsonl",
            [tmp_path / "gold.jsonl"],
            ImportOptions("Salma"),
            progress=lambda done, total, label: label != "finishing",
        )
    assert row_counts(seeded_project) == before


def test_labels_that_cannot_be_schema_keys_are_not_added(project, tmp_path):
    path = tmp_path / "ls.json"
    task = {
        "data": {"text": "ميتا تطلق"},
        "annotations": [
            {
                "result": [
                    {
                        "id": "a",
                        "type": "labels",
                        "value": {"start": 0, "end": 4, "text": "ميتا", "labels": ["Big Company"]},
                    }
                ]
            }
        ],
    }
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ImportRefused, match="cannot add 'Big Company' to the schema"):
        import_annotations(project, "labelstudio", [path], ImportOptions("Salma", add_labels=True))
