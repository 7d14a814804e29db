"""An export that cannot be written says so in one line naming the path and leaves
nothing behind: a full disk (every format), a read-only target (unless --force), a
read-only folder. An Excel workbook always carries its extension."""

from __future__ import annotations

import os

import openpyxl
import pytest

from cli.main import run
from core.io.export import export_dataset
from core.io.formats import FORMATS
from core.project.errors import OutputError
from tests.core.formats_support import annotate_seed_article
from tests.core.full_disk import fill_disk


@pytest.mark.parametrize("format_key", sorted(FORMATS))
def test_a_full_disk_is_one_line_and_leaves_no_temporary_file(
    seeded_project, tmp_path, monkeypatch, format_key
):
    annotate_seed_article(seeded_project)
    out_dir = tmp_path / "full"
    out_dir.mkdir()
    fill_disk(monkeypatch, out_dir, room=2000)
    target = out_dir / ("gold.xlsx" if format_key == "xlsx" else f"gold-{format_key}")
    with pytest.raises(OutputError) as raised:
        export_dataset(seeded_project, format_key, target)
    message = str(raised.value)
    assert message == f"{target}: cannot be written (the disk is full); nothing was written"
    assert os.listdir(out_dir) == []


def test_the_export_command_words_a_full_disk(seeded_project, tmp_path, monkeypatch, capsys):
    annotate_seed_article(seeded_project)
    out_dir = tmp_path / "full"
    out_dir.mkdir()
    fill_disk(monkeypatch, out_dir, room=100)
    target = out_dir / "gold.jsonl"
    argv = ["export", "--project", str(seeded_project.path), "--format", "jsonl"]
    assert run([*argv, "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"tawsim: {target}: cannot be written (the disk is full); nothing was written\n"
    assert os.listdir(out_dir) == []


def test_a_read_only_target_needs_force(seeded_project, tmp_path, capsys):
    annotate_seed_article(seeded_project)
    target = tmp_path / "gold.jsonl"
    target.write_text("keep\n", encoding="utf-8")
    target.chmod(0o444)
    argv = ["export", "--project", str(seeded_project.path), "--format", "jsonl"]
    assert run([*argv, "--out", str(target)]) == 1
    assert "gold.jsonl is read-only; it was not replaced" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep\n"
    assert run([*argv, "--out", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith('{"id":1,')


def test_an_excel_export_gets_its_extension(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    report = export_dataset(seeded_project, "xlsx", tmp_path / "out-xlsx")
    assert report.paths == [tmp_path / "out-xlsx.xlsx"]
    assert not (tmp_path / "out-xlsx").exists()
    assert "Entities" in openpyxl.load_workbook(tmp_path / "out-xlsx.xlsx").sheetnames
    with pytest.raises(OutputError, match=r"gold\.csv: an Excel workbook needs the \.xlsx"):
        export_dataset(seeded_project, "xlsx", tmp_path / "gold.csv")
