"""A project whose disk fills up: the write in progress is rolled back and the user gets
one line naming the file, not SQLite's error with the statement and its parameters."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event, func, select

from cli.main import run
from core.documents.importing import import_documents
from core.project.errors import ProjectError
from models.tables import Document


def fill_project_disk(project) -> None:
    """Let the project's file grow by a few pages only (SQLite then reports a full disk)."""
    with project.read() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(project.engine, "connect")
    def _limit(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    project.engine.dispose()


def big_corpus(tmp_path, count=400):
    path = tmp_path / "corpus.jsonl"
    words = " ".join(["كلمة"] * 200)
    path.write_text(
        "".join(
            json.dumps({"text": f"نص {n} {words}"}, ensure_ascii=False) + "\n" for n in range(count)
        ),
        encoding="utf-8",
    )
    return path


def test_a_full_disk_while_importing_is_one_line_and_writes_nothing(project, tmp_path):
    fill_project_disk(project)
    with pytest.raises(ProjectError) as raised:
        import_documents(project, [big_corpus(tmp_path)])
    assert str(raised.value) == (
        f"{project.path}: the disk is full; the change in progress was not saved (the "
        "project is as it was before it). Free some space and try again."
    )
    with project.read() as conn:
        assert conn.execute(select(func.count()).select_from(Document)).scalar_one() == 0


def test_the_import_command_words_a_full_disk(seeded_project, tmp_path, capsys, monkeypatch):
    from core.project import project as project_module

    opened = project_module.Project.open

    def open_on_full_disk(path, **kwargs):
        found = opened(path, **kwargs)
        fill_project_disk(found)
        return found

    monkeypatch.setattr(project_module.Project, "open", open_on_full_disk)
    corpus = big_corpus(tmp_path)
    assert run(["import", "--project", str(seeded_project.path), str(corpus)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tawsim: {seeded_project.path}: the disk is full;")
    assert err.count("\n") == 1
