"""Every older format is upgraded to exactly what a new file has: format 2 added the
curation decisions, format 3 the token layer, suggestions and assignments."""

from __future__ import annotations

import sqlite3

import pytest

from core.project.project import Project
from models import migrations

# what each format added; an older file is made by taking them out again
ADDED_BY = {
    2: ["curation_decision"],
    3: ["token_layer", "suggestion", "suggestion_decision", "assignment"],
}


def schema_sql(path):
    """Every table, index and trigger of the file, as SQLite keeps their definitions."""
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
    finally:
        raw.close()
    return [(kind, name, " ".join(sql.replace("( ", "(").split())) for kind, name, sql in rows]


def older_file(path, version):
    """A project file as format `version` wrote it."""
    project = Project.create(path)
    project.close()
    raw = sqlite3.connect(project.path)
    for later in range(version + 1, migrations.SCHEMA_VERSION + 1):
        for table in ADDED_BY[later]:
            raw.execute(f"DROP TABLE {table}")  # its indexes and triggers go with it
    raw.execute(f"PRAGMA user_version = {version}")
    raw.commit()
    raw.close()
    return project.path


def test_every_format_is_listed():
    assert sorted(ADDED_BY) == list(range(2, migrations.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, migrations.SCHEMA_VERSION))
def test_an_older_file_gets_exactly_what_a_new_file_has(tmp_path, version):
    fresh = Project.create(tmp_path / "fresh.tawsim")
    fresh.close()
    path = older_file(tmp_path / "old.tawsim", version)
    assert schema_sql(path) != schema_sql(fresh.path)
    upgraded = Project.open(path)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == migrations.SCHEMA_VERSION
    assert upgraded.meta()["schema_version"] == str(migrations.SCHEMA_VERSION)
    upgraded.close()
    assert schema_sql(path) == schema_sql(fresh.path)
    assert len(list(tmp_path.glob(f"old.format{version}-backup-*.tawsim"))) == 1


def test_an_upgrade_another_process_finished_first_is_not_run_again(tmp_path):
    from models.db import _upgrade_with_backup, make_engine

    path = older_file(tmp_path / "old.tawsim", 1)
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

    path = older_file(tmp_path / "old.tawsim", 1)
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
