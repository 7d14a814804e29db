"""A damaged project is refused before anything is written; `doctor` checks a project and
rescues what is readable; read-only opening never changes a file."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import subprocess
import sys

import pytest

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.documents.demo import create_demo_project
from core.documents.importing import import_documents
from core.documents.navigation import document_text
from core.project.doctor import check_project, rescue_project
from core.project.errors import OperationError, ProjectError
from core.project.project import Project
from models.db import ProjectCorrupt
from tests.conftest import ROOT, subprocess_env

PAGE = 4096


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def many_spans(project, count=3000):
    """Salma's spans over the seed articles, enough to fill many pages."""
    salma = ensure_annotator(project, "Salma").value
    label = project.schema.by_key("entity", "ORG").id
    with project.write() as tx:
        sets = [ensure_set(tx, document, salma) for document in range(1, 6)]
        letters = [
            [i for i, ch in enumerate(document_text(tx.conn, document)) if not ch.isspace()]
            for document in range(1, 6)
        ]
    for i in range(count):
        start = letters[i % 5][i // 5]
        add_span(project, sets[i % 5], start, start + 1, label)


def table_leaf_pages(path, table):
    """The leaf pages of `table`'s b-tree, read from the file as SQLite lays it out."""
    raw = sqlite3.connect(path)
    (root,) = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    raw.close()
    data = path.read_bytes()
    leaves, pending = [], [root]
    while pending:
        page = pending.pop(0)
        start = (page - 1) * PAGE
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind == 0x0D:
            leaves.append(page)
            continue
        assert kind == 0x05, f"page {page} is not a table b-tree page"
        cells = struct.unpack(">H", data[header + 3 : header + 5])[0]
        for i in range(cells):
            (offset,) = struct.unpack(">H", data[header + 12 + 2 * i : header + 14 + 2 * i])
            pending.append(struct.unpack(">I", data[start + offset : start + offset + 4])[0])
        pending.append(struct.unpack(">I", data[header + 8 : header + 12])[0])
    return leaves


def damage_page(path, page):
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * PAGE)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(PAGE)))


@pytest.fixture
def damaged(seeded_project):
    many_spans(seeded_project)
    path = seeded_project.path
    seeded_project.close()
    leaves = table_leaf_pages(path, "entity_span")
    assert len(leaves) > 4
    damage_page(path, leaves[len(leaves) // 2])
    return path


def test_a_damaged_project_is_refused_before_the_first_write(damaged, tmp_path):
    before = digest(damaged)
    project = Project.open(damaged)
    seed = tmp_path / "new.txt"
    seed.write_text("مقال جديد عن ميتا", encoding="utf-8")
    with pytest.raises(ProjectCorrupt, match=r"damaged .*doctor --project"):
        import_documents(project, [seed])
    project.close()
    assert digest(damaged) == before


def test_commands_word_a_damaged_project_without_a_traceback(damaged, tmp_path):
    seed = tmp_path / "new.txt"
    seed.write_text("مقال جديد عن ميتا", encoding="utf-8")
    before = digest(damaged)
    for args in (
        ["stats", "--project", str(damaged)],
        ["import", "--project", str(damaged), str(seed)],
        [
            "export",
            "--project",
            str(damaged),
            "--format",
            "jsonl",
            "--out",
            str(tmp_path / "o.jsonl"),
        ],
    ):
        result = subprocess.run(
            [sys.executable, "main.py", *args],
            cwd=ROOT,
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert "damaged" in result.stderr and "doctor" in result.stderr
    assert digest(damaged) == before


def test_doctor_finds_nothing_wrong_with_a_sound_project(seeded_project):
    many_spans(seeded_project, 50)
    seeded_project.close()
    report = check_project(seeded_project.path)
    assert report.sound, report.damage + report.problems
    assert report.rows["entity_span"] == 50 and report.rows["document"] == 5


def test_doctor_finds_the_damage_and_the_rules_broken(damaged, tmp_path):
    report = check_project(damaged)
    assert not report.sound and report.damage
    assert "rescue" in report.summary()
    other = create_demo_project(tmp_path / "other.tawsim")
    other.close()
    raw = sqlite3.connect(other.path)
    raw.execute("DROP INDEX ux_set_gold_per_document")
    raw.execute("DROP TRIGGER trg_document_frozen")
    raw.execute(
        "INSERT INTO annotation_set(document_id, annotator_id, state, updated_at)"
        " VALUES (1, NULL, 'new', ''), (1, NULL, 'new', '')"
    )
    raw.execute("DROP TRIGGER trg_entity_span_end_insert")
    raw.execute(
        'INSERT INTO entity_span(set_id, label_id, start, "end", note, created_at) '
        "VALUES (1, (SELECT id FROM label WHERE key = 'ORG'), 0, 999999, '', '')"
    )
    raw.commit()
    raw.close()
    found = check_project(other.path)
    assert not found.damage
    assert "1 documents with more than one gold set" in found.problems
    assert "1 entity spans end beyond their document" in found.problems
    with pytest.raises(ProjectCorrupt, match="triggers missing: trg_document_frozen"):
        Project.open(other.path).verify()


def test_a_damaged_page_is_rescued_into_a_new_project(damaged, tmp_path):
    before = digest(damaged)
    report = rescue_project(damaged, tmp_path / "rescued")
    assert report.method == "salvage"
    assert digest(damaged) == before
    spans = next(t for t in report.tables if t.table == "entity_span")
    assert 2000 < spans.saved < 3000  # one leaf page of spans is lost, the rest saved
    assert next(t for t in report.tables if t.table == "document").saved == 5
    assert "rescued" in report.summary()
    rescued = Project.open(tmp_path / "rescued.tawsim")
    rescued.verify()
    assert check_project(rescued.path).sound
    salma = ensure_annotator(rescued, "Salma").value  # a working project: it takes new work
    with rescued.write() as tx:
        set_id = ensure_set(tx, 1, salma)
    add_span(rescued, set_id, 700, 705, rescued.schema.by_key("entity", "PERS").id)
    rescued.close()


def test_a_sound_project_is_rescued_whole_by_copy(seeded_project, tmp_path):
    seeded_project.close()
    report = rescue_project(seeded_project.path, tmp_path / "copy.tawsim")
    assert report.method == "copy" and all(t.lost == 0 for t in report.tables)
    with pytest.raises(OperationError, match="already exists"):
        rescue_project(seeded_project.path, tmp_path / "copy.tawsim")


def test_read_only_opening_never_changes_the_file(seeded_project):
    path = seeded_project.path
    seeded_project.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    before = digest(path)
    project = Project.open(path, read_only=True)
    assert project.schema.entity_labels and project.settings()["name"]
    with pytest.raises(OperationError, match="read-only"):
        ensure_annotator(project, "Salma")
    project.close()
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("demo")) == [
        "demo.tawsim"
    ]


def test_a_project_in_a_read_only_folder_is_not_called_damaged(seeded_project, monkeypatch):
    import os

    path = seeded_project.path
    seeded_project.close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(path.parent) else real_access(p, mode)
    )
    with pytest.raises(ProjectError, match=r"folder .* is read-only") as refused:
        Project.open(path)
    assert "damaged" not in str(refused.value)
    Project.open(path, read_only=True).close()


def test_the_doctor_command_reports_and_rescues(damaged, tmp_path):
    import json

    out = tmp_path / "saved.tawsim"
    result = subprocess.run(
        [sys.executable, "main.py", "doctor", "--project", str(damaged), "--rescue", str(out)],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "damage:" in result.stdout
    assert f"into {out} (salvage)" in result.stdout and out.exists()
    again = subprocess.run(
        [sys.executable, "main.py", "doctor", "--project", str(out), "--json"],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0 and json.loads(again.stdout)["sound"] is True
