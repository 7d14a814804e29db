"""Streaming imports write exactly what the imports that read everything first wrote.

`tests/data/import-golden/` holds documents and annotation files (gold JSONL with events,
stances and excluded text, a document given in two parts, labels and roles to add,
doccano with UTF-16 offsets around emoji, CoNLL rebuilt from tokens) and `expected.json`:
the rows and reports the same imports produced before documents and annotations were
streamed. Here they run in batches of a few documents, so every boundary is crossed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.documents import importing
from core.documents.importing import import_documents
from core.io.import_annotations import ImportOptions, import_annotations, run
from core.project.project import Project
from models.tables import EntitySpan, SQLModel

DATA = Path(__file__).resolve().parent.parent / "data" / "import-golden"
# when a row was written differs from run to run; the project's id too
VARYING = {"created_at", "updated_at", "imported_at", "decided_at"}
STEPS = [
    ("jsonl", "amal.jsonl", ImportOptions("amal")),
    ("jsonl", "amal-more.jsonl", ImportOptions("amal")),
    ("jsonl", "badr-labels.jsonl", ImportOptions("badr", add_labels=True)),
    ("doccano", "doccano.jsonl", ImportOptions("hind")),
    ("conll", "tokens.conll", ImportOptions("omar")),
    ("jsonl", "amal.jsonl", ImportOptions("amal")),  # everything already there
    ("jsonl", "badr-labels.jsonl", ImportOptions("nour", dry_run=True)),
]


def run_imports(project: Project, data: Path) -> list[list[str]]:
    """The imports, in order; the report lines of each."""
    documents = import_documents(
        project, [data / "documents.jsonl", data / "more.txt", data / "again.txt"]
    )
    reports = [[documents.summary(), *map(str, documents.duplicates)]]
    for format_key, name, options in STEPS:
        report = import_annotations(project, format_key, [data / name], options)
        reports.append([report.summary(), *report.details()])
    return reports


def table_rows(project: Project) -> dict[str, list[dict[str, Any]]]:
    rows = {}
    with project.read() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name == "meta":
                continue
            found = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            rows[table.name] = [
                {key: _plain(value) for key, value in row.items() if key not in VARYING}
                for row in found
            ]
    return rows


def _plain(value: Any) -> Any:
    """A value as JSON keeps it: bytes (a token layer's offsets) as hex."""
    return value.hex() if isinstance(value, bytes) else value


def test_streamed_imports_write_the_rows_and_reports_of_before(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "_BATCH_DOCUMENTS", 4)
    monkeypatch.setattr(run, "BATCH_DOCUMENTS", 5)
    monkeypatch.setattr(run, "BATCH_SPANS", 40)
    project = Project.create(tmp_path / "golden.tawsim")
    reports = run_imports(project, DATA)
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    assert reports == expected["reports"]
    rows = table_rows(project)
    assert rows.keys() == expected["rows"].keys()
    for table, table_expected in expected["rows"].items():
        assert rows[table] == table_expected, table
    assert len(rows["entity_span"]) > 250 and rows["event_argument"] and rows["stance_evidence"]


def test_a_document_given_again_batches_later_is_one_document_with_both_parts(
    tmp_path, monkeypatch
):
    lines = (DATA / "amal.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    again = {
        "text": first["text"],
        "entities": [first["entities"][0], {**first["entities"][1], "label": "ZZ_NEW"}],
    }
    path = tmp_path / "parts.jsonl"
    path.write_text("\n".join([*lines[:8], json.dumps(again, ensure_ascii=False)]), "utf-8")

    def imported(batch: int) -> tuple[list[str], list[tuple]]:
        monkeypatch.setattr(run, "BATCH_DOCUMENTS", batch)
        project = Project.create(tmp_path / f"parts-{batch}.tawsim")
        report = import_annotations(
            project, "jsonl", [path], ImportOptions("amal", add_labels=True)
        )
        with project.read() as conn:
            spans = conn.execute(
                select(EntitySpan.set_id, EntitySpan.start, EntitySpan.end, EntitySpan.label_id)
            ).all()
        return [report.summary(), *report.details()], sorted(spans)

    one_batch, batches = imported(500), imported(2)
    assert batches == one_batch
    assert "already present, not added again: 1 entities given twice in the file(s)" in batches[0]
    assert "on 7 document(s) (7 new)" in batches[0][0]
