"""Every older format is upgraded to exactly what a new file has: format 2 added the
curation decisions, format 3 the token layer, suggestions and assignments."""

from __future__ import annotations

import sqlite3

import pytest

from core.project.project import Project
from models import migrations

from .formats_support import set_for

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


# what each format changed, as the statements that undo it on a new file
CHANGED_BY = {
    3: [
        # before, every stance had a polarity
        "ALTER TABLE stance RENAME TO stance_format_3",
        """CREATE TABLE stance (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, set_id INTEGER NOT NULL,
        scope VARCHAR NOT NULL, holder_span_id INTEGER, target_label_id INTEGER,
        target_span_id INTEGER, polarity_id INTEGER NOT NULL, note VARCHAR NOT NULL,
        created_at VARCHAR NOT NULL,
        CONSTRAINT ck_stance_scope CHECK (scope IN ('document', 'attributed')),
        CONSTRAINT ck_stance_one_target CHECK (
            NOT (target_label_id IS NOT NULL AND target_span_id IS NOT NULL)),
        CONSTRAINT ck_stance_document_no_holder CHECK (
            scope = 'attributed' OR holder_span_id IS NULL),
        FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
        FOREIGN KEY(holder_span_id) REFERENCES entity_span (id) ON DELETE SET NULL,
        FOREIGN KEY(target_label_id) REFERENCES label (id) ON DELETE RESTRICT,
        FOREIGN KEY(target_span_id) REFERENCES entity_span (id) ON DELETE SET NULL,
        FOREIGN KEY(polarity_id) REFERENCES label (id) ON DELETE RESTRICT)""",
        "INSERT INTO stance SELECT * FROM stance_format_3",
        "DROP TABLE stance_format_3",
        "CREATE INDEX ix_stance_set_id ON stance (set_id)",
        "CREATE UNIQUE INDEX ux_stance_document_target ON stance (set_id, target_label_id) "
        "WHERE scope = 'document'",
    ],
}


def older_file(path, version, populate=None):
    """A project file as format `version` wrote it (with what `populate` adds first)."""
    project = Project.create(path)
    if populate is not None:
        populate(project)
    project.close()
    raw = sqlite3.connect(project.path)  # foreign keys off: a drop cascades to nothing
    raw.execute("PRAGMA legacy_alter_table = ON")
    for later in range(version + 1, migrations.SCHEMA_VERSION + 1):
        for table in ADDED_BY[later]:
            raw.execute(f"DROP TABLE {table}")  # its indexes and triggers go with it
        for statement in CHANGED_BY.get(later, []):
            raw.execute(statement)
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


def test_stances_and_their_evidence_survive_the_format_3_rebuild(tmp_path):
    from core.annotation.spans import add_span
    from core.annotation.stances import add_attributed_stance, set_document_stance, stances_of_set
    from core.documents.importing import import_documents

    def populate(project):
        text = tmp_path / "a.txt"
        text.write_text("قال زوكربيرج إن ميتا ستفتح النموذج", encoding="utf-8")
        import_documents(project, [text])
        set_id = set_for(project, 1, "Salma")
        schema = project.schema
        holder = add_span(project, set_id, 4, 12, schema.by_key("entity", "PERS").id).value
        favor = schema.polarities[0].id
        add_attributed_stance(
            project,
            set_id,
            holder,
            favor,
            target_label_id=schema.stance_targets[0].id,
            evidence=[(16, 20)],
        )
        set_document_stance(project, set_id, schema.stance_targets[0].id, favor)

    path = older_file(tmp_path / "old.tawsim", 2, populate)
    project = Project.open(path)
    with project.read() as conn:
        stances = stances_of_set(conn, 1)
        violations = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    project.close()
    assert [(s.scope, len(s.evidence)) for s in stances] == [("document", 0), ("attributed", 1)]
    assert [(e.start, e.end) for e in stances[1].evidence] == [(16, 20)]
    assert violations == []
