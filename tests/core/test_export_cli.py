"""`python main.py export` and `import-annotations`, run in-process."""

from __future__ import annotations

import json

import pytest

from cli.exchange import parse_document_ids
from cli.main import CommandError, run
from tests.conftest import SHARED_PEERS
from tests.core.formats_support import annotate_seed_article


def test_export_and_import_annotations_commands(seeded_project, tmp_path, capsys):
    annotate_seed_article(seeded_project)
    path = str(seeded_project.path)
    out = tmp_path / "gold.jsonl"
    assert run(["export", "--project", path, "--format", "jsonl", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}: 1 record(s) of 1 document(s), 6 entities" in printed
    assert "left out: 1 entities in excluded text" in printed
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == 1

    status = run(
        [
            "import-annotations",
            "--project",
            path,
            "--format",
            "conll",
            "--annotator",
            "wojood",
            str(SHARED_PEERS / "wojood" / "val.txt"),
        ]
    )
    captured = capsys.readouterr()
    assert status == 1
    assert "problem: unknown entity labels: NORP" in captured.err
    assert "tawsim: nothing was imported (1 problem(s), listed above)" in captured.err

    status = run(
        [
            "import-annotations",
            "--project",
            path,
            "--format",
            "conll",
            "--annotator",
            "wojood",
            "--add-labels",
            str(SHARED_PEERS / "wojood" / "val.txt"),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0 and "into wojood's sets on 1 document(s) (1 new)" in printed
    assert "added entity labels: NORP" in printed

    status = run(
        [
            "export",
            "--project",
            path,
            "--format",
            "conll",
            "--set",
            "wojood",
            "--clitics",
            "keep",
            "--out",
            str(tmp_path / "w.conll"),
        ]
    )
    assert status == 0
    assert "لمنظمة O O B-ORG" in (tmp_path / "w.conll").read_text(encoding="utf-8")


def test_command_line_mistakes_get_one_clear_line(seeded_project, tmp_path, capsys):
    path = str(seeded_project.path)
    out = str(tmp_path / "x.jsonl")
    assert run(["export", "--project", path, "--format", "jsonl", "--out", out]) == 1
    assert "nothing to export: no document has a gold set" in capsys.readouterr().err
    status = run(
        ["export", "--project", path, "--format", "jsonl", "--offsets", "utf16", "--out", out]
    )
    assert status == 1
    assert "--offsets does not apply to the jsonl format" in capsys.readouterr().err
    status = run(
        ["export", "--project", path, "--format", "jsonl", "--documents", "3-x", "--out", out]
    )
    assert status == 1 and "'3-x' is not an id" in capsys.readouterr().err


def test_document_id_lists():
    assert parse_document_ids("1, 4,10-12") == [1, 4, 10, 11, 12]
    with pytest.raises(CommandError):
        parse_document_ids("5-2")


def test_a_split_dataset_from_the_command_line(tmp_path, capsys):
    from core.io.import_annotations import ImportOptions, import_annotations
    from core.project.project import Project

    project = Project.create(tmp_path / "w.tawsim")
    wojood = SHARED_PEERS / "wojood"
    import_annotations(
        project, "conll", [wojood / "val.txt", wojood / "test.txt"], ImportOptions("w", True)
    )
    project.close()
    out = tmp_path / "dataset"
    args = ["export", "--project", str(tmp_path / "w.tawsim"), "--format", "hf", "--set", "w"]
    assert run([*args, "--split", "50/0/50", "--seed", "3", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "labels.json",
        "test.jsonl",
        "train.jsonl",
    ]
    assert run([*args, "--split", "50/50", "--out", str(tmp_path / "x")]) == 1
    assert "split: '50/50' is not none or three percentages" in capsys.readouterr().err
    assert run([*args, "--format", "conll", "--seed", "3", "--out", str(tmp_path / "y")]) == 1
    assert "--seed does not apply to the conll format" in capsys.readouterr().err
