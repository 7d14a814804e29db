"""Format 2 adds the curation_decision table; a format-1 file is upgraded to it."""

from __future__ import annotations

import sqlite3

from core.project.project import Project
from models import migrations


def _table_sql(path):
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'curation_decision' "
            "AND sql IS NOT NULL ORDER BY type, name"
        ).fetchall()
    finally:
        raw.close()
    return [(kind, name, " ".join(sql.split())) for kind, name, sql in rows]


def test_a_format_1_file_gets_the_table_a_new_file_has(tmp_path):
    assert migrations.SCHEMA_VERSION == 2
    fresh = Project.create(tmp_path / "fresh.tawsim")
    fresh.close()
    expected = _table_sql(fresh.path)
    assert [name for _, name, _ in expected] == [
        "ix_curation_decision_curator_id",
        "ix_curation_decision_document_id",
        "curation_decision",
    ]

    # a format-1 file: the same tables without curation_decision
    old = Project.create(tmp_path / "old.tawsim")
    old.close()
    raw = sqlite3.connect(old.path)
    raw.execute("DROP TABLE curation_decision")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    assert _table_sql(old.path) == []

    upgraded = Project.open(old.path)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 2
        assert upgraded.meta()["schema_version"] == "2"
    upgraded.close()
    assert _table_sql(old.path) == expected
    assert len(list(tmp_path.glob("old.format1-backup-*.tawsim"))) == 1


def _format_1_file(path):
    old = Project.create(path)
    old.close()
    raw = sqlite3.connect(old.path)
    raw.execute("DROP TABLE curation_decision")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    return old.path


def test_an_upgrade_another_process_finished_first_is_not_run_again(tmp_path):
    from models.db import _upgrade_with_backup, make_engine

    path = _format_1_file(tmp_path / "old.tawsim")
    Project.open(path).close()  # the other process: upgraded, one backup
    engine = make_engine(path)
    try:
        _upgrade_with_backup(path, engine, 1)  # this one read format 1 before the lock
    finally:
        engine.dispose()
    assert len(list(tmp_path.glob("old.format1-backup-*.tawsim"))) == 1


def test_processes_opening_an_old_file_at_once_all_succeed(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT, subprocess_env

    path = _format_1_file(tmp_path / "old.tawsim")
    script = (
        "import sys\nfrom core.project.project import Project\nProject.open(sys.argv[1]).close()\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path)],
            cwd=ROOT,
            env=subprocess_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    errors = [run.communicate()[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, errors
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    raw.close()
