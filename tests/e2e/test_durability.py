"""Real processes: concurrent writers, and a kill -9 in the middle of an import."""

from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from core.project.project import Project
from tests.conftest import ROOT, subprocess_env

pytestmark = pytest.mark.slow

ANNOTATE = r"""
import sys, time
from pathlib import Path
from core.project.project import Project
from core.annotation.spans import add_span
from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.documents.navigation import document_text
path, name, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
project = Project.open(path)
annotator = ensure_annotator(project, name).value
with project.write() as tx:
    set_id = ensure_set(tx, 1, annotator)
org = project.schema.by_key("entity", "ORG").id
with project.read() as conn:
    text = document_text(conn, 1)
letters = [i for i, ch in enumerate(text) if not ch.isspace()][:count]
while not go.exists():
    time.sleep(0.005)
for i in letters:
    add_span(project, set_id, i, i + 1, org)
project.close()
print("done", name)
"""


def test_two_processes_annotating_the_same_file_lose_nothing(seeded_project, tmp_path):
    path = seeded_project.path
    seeded_project.close()
    go = tmp_path / "go"
    count = 150
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", ANNOTATE, str(path), name, str(go), str(count)],
            cwd=ROOT,
            env=subprocess_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("Salma", "Omar")
    ]
    time.sleep(1.0)  # both are open and waiting
    go.touch()
    outputs = [w.communicate(timeout=120) for w in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        assert "locked" not in err
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT a.name, count(*) FROM entity_span s JOIN annotation_set t ON t.id = s.set_id "
        "JOIN annotator a ON a.id = t.annotator_id GROUP BY a.name ORDER BY a.name"
    ).fetchall()
    con.close()
    assert rows == [("Omar", count), ("Salma", count)]


def _write_corpus(folder, n):
    folder.mkdir()
    sentence = "ضخت ميتا استثمارا قدره 14.3 مليار دولار في شركة Scale AI الناشئة. "
    for i in range(n):
        (folder / f"{i:05}.txt").write_text(f"المقال {i}\n" + sentence * 30, encoding="utf-8")


def test_kill_9_during_a_large_import_leaves_a_sound_project(project, tmp_path):
    path = project.path
    project.close()
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 6000)
    proc = subprocess.Popen(
        [sys.executable, "main.py", "import", "--project", str(path), str(corpus)],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # wait until the first batch is committed, then kill while later ones are written
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        con = sqlite3.connect(path, timeout=30)
        count = con.execute("SELECT count(*) FROM document").fetchone()[0]
        con.close()
        if count:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = con.execute("SELECT text, length, text_sha256 FROM document").fetchall()
    con.close()
    assert 0 < len(rows) < 6000, "the kill should land in the middle of the import"
    for text, length, digest in rows:
        assert len(text) == length
        assert hashlib.sha256(text.encode()).hexdigest() == digest
        assert text.startswith("المقال ") and text.endswith("الناشئة. ")
    reopened = Project.open(path)  # and the project still opens and takes more work
    reopened.close()
