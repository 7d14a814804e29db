"""Peer files whose records are not what they seem are named, not imported silently:
legacy doccano labels given as numbers, several records with one text, labels the schema
lacks (with the file and line of each), text that is not UTF-8 (with its line), and
JSON strings holding U+2028, U+2029 or U+0085 (legal JSON: lines end at \\n only)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations
from models.tables import Document

TEXT = "قالت شركة ميتا إن سام ألتمان يزور الرياض"
META = TEXT.index("ميتا")


def write_jsonl(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def test_legacy_doccano_numeric_labels_are_refused_naming_the_line(project, tmp_path):
    path = write_jsonl(
        tmp_path / "legacy.jsonl",
        [
            {"text": "نص أول", "label": []},
            {
                "text": TEXT,
                "annotations": [{"label": 3, "start_offset": META, "end_offset": META + 4}],
            },
        ],
    )
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    (problem,) = refused.value.problems
    assert problem.startswith("legacy.jsonl line 2: annotations[0] has label 3, a number")


def test_legacy_doccano_annotations_with_label_names_are_imported(project, tmp_path):
    path = write_jsonl(
        tmp_path / "legacy.jsonl",
        [
            {
                "text": TEXT,
                "annotations": [{"label": "ORG", "start_offset": META, "end_offset": META + 4}],
            }
        ],
    )
    report = import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert report.entities == 1


def test_records_sharing_one_text_are_reported(project, tmp_path):
    path = write_jsonl(
        tmp_path / "dup.jsonl",
        [
            {"text": TEXT, "label": [[META, META + 4, "ORG"]], "id": n, "source_x": f"r{n}"}
            for n in range(3)
        ],
    )
    report = import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert (
        "dup.jsonl lines 2, 3 have the same text as dup.jsonl line 1: one document, their "
        "annotations together; the document keeps the first record's fields (id, title, "
        "metadata)" in report.details()
    )
    with project.read() as conn:
        assert len(conn.execute(select(Document.id)).all()) == 1


def test_unknown_labels_name_the_file_and_line(project, tmp_path):
    path = write_jsonl(
        tmp_path / "labels.jsonl",
        [
            {"text": "نص أول", "label": []},
            {"text": TEXT, "label": [[META, META + 4, "NOPE"], [0, 4, "ALSO_NOPE"]]},
        ],
    )
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert refused.value.problems == [
        "unknown entity labels: ALSO_NOPE at labels.jsonl line 2, NOPE at labels.jsonl line 2 "
        "(add them to the schema, or import with --add-labels)"
    ]


def test_text_that_is_not_utf8_is_named_by_line(project, tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        json.dumps({"text": "سطر"}, ensure_ascii=False).encode() + b"\n" + b'{"text": "caf\xe9"}\n'
    )
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert refused.value.problems == ["latin.jsonl line 2: not UTF-8 (byte 0xe9 at column 14)"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_a_separator_inside_a_json_string_does_not_split_the_line(project, tmp_path, separator):
    text = f"قالت شركة ميتا{separator} إن سام ألتمان"
    path = write_jsonl(tmp_path / "sep.jsonl", [{"text": text, "label": [[10, 14, "ORG"]]}])
    assert path.read_text(encoding="utf-8").count("\n") == 1
    report = import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert report.entities == 1
