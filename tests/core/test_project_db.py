import hashlib
import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.project.errors import OperationError
from core.project.project import Project
from models import migrations
from models.db import NotAProject, ProjectCorrupt, ProjectError, ProjectTooNew
from models.tables import Document, EntitySpan, Label, Layer


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_document(project, body="ميتا تستحوذ على Scale AI"):
    from core.text.canonical import text_sha256

    with project.write() as tx:
        return tx.insert(
            Document, title="t", length=len(body), text_sha256=text_sha256(body), text=body
        )


def test_new_project_is_a_marked_wal_database(project):
    raw = sqlite3.connect(project.path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    with project.read() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    assert project.meta()["format"] == "tawsim-project"


def test_default_schema_is_installed(project):
    schema = project.schema
    assert [label.key for label in schema.entity_labels] == [
        "PERS", "ORG", "GPE", "LOC", "PRODUCT", "OCC", "MONEY", "DATE", "CARDINAL",
    ]  # fmt: skip
    acquire = schema.by_key("event", "Business.Acquire")
    roles = {r.key: r for r in schema.roles_of(acquire.id)}
    assert roles["Acquirer"].required and not roles["Money"].required
    org = schema.by_key("entity", "ORG")
    assert roles["Acquirer"].accepts(org.id)
    assert not roles["Money"].accepts(org.id)
    assert [p.key for p in schema.polarities] == ["FAVOR", "AGAINST", "NEUTRAL"]


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "x.tawsim"
    path.write_text("my notes")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    assert path.read_text() == "my notes"


def test_offsets_are_checked_by_the_database(project):
    doc = add_document(project)
    annotator = ensure_annotator(project, "Salma").value
    org = project.schema.by_key("entity", "ORG").id
    with project.write() as tx:
        set_id = ensure_set(tx, doc, annotator)
    for start, end, message in [
        (3, 3, "ck_entity_span_offsets"),
        (-1, 2, "ck_entity_span_offsets"),
        (5, 4, "ck_entity_span_offsets"),
        (0, 999, "end beyond the document length"),
    ]:
        with pytest.raises(IntegrityError, match=message), project.engine.begin() as conn:
            conn.execute(
                EntitySpan.__table__.insert().values(
                    set_id=set_id, label_id=org, start=start, end=end
                )
            )
    # the operation layer refuses with a user-facing message
    with pytest.raises(OperationError, match="outside the document"):
        add_span(project, set_id, 0, 999, org)


def test_label_of_the_wrong_layer_is_refused(project):
    doc = add_document(project)
    event_type = project.schema.by_key("event", "Business.Acquire").id
    with project.write() as tx:
        set_id = ensure_set(tx, doc, None)
    with pytest.raises(IntegrityError, match="not a span label"), project.engine.begin() as conn:
        conn.execute(
            EntitySpan.__table__.insert().values(set_id=set_id, label_id=event_type, start=0, end=4)
        )


def test_uniqueness_rules(project):
    doc = add_document(project)
    annotator = ensure_annotator(project, "Salma").value
    layer = project.schema.label(project.schema.entity_labels[0].id).layer
    with project.read() as conn:
        layer_id = conn.execute(select(Layer.id).where(Layer.key == layer)).scalar()
    with pytest.raises(IntegrityError, match="UNIQUE"), project.engine.begin() as conn:
        conn.execute(Label.__table__.insert().values(layer_id=layer_id, key="ORG"))
    with project.write() as tx:
        ensure_set(tx, doc, annotator)
        ensure_set(tx, doc, None)
    from models.tables import AnnotationSet

    for annotator_id in (annotator, None):
        with pytest.raises(IntegrityError, match="UNIQUE"), project.engine.begin() as conn:
            conn.execute(
                AnnotationSet.__table__.insert().values(document_id=doc, annotator_id=annotator_id)
            )
    # the same document text twice
    with pytest.raises(OperationError, match="already exists"):
        add_document(project)


def test_foreign_keys_are_enforced(project):
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), project.engine.begin() as conn:
        conn.execute(EntitySpan.__table__.insert().values(set_id=999, label_id=1, start=0, end=1))


def test_document_text_is_frozen(project):
    doc = add_document(project)
    with pytest.raises(IntegrityError, match="frozen"), project.engine.begin() as conn:
        conn.execute(text("UPDATE document SET text = 'x', length = 1 WHERE id = :id"), {"id": doc})


def test_a_newer_file_is_refused_and_left_unchanged(project, tmp_path):
    path = project.path
    project.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(ProjectTooNew, match="newer version of Tawsim"):
        Project.open(path)
    assert digest(path) == before


def test_other_files_are_not_projects_and_stay_untouched(tmp_path):
    text_file = tmp_path / "notes.tawsim"
    text_file.write_text("ميتا" * 100, encoding="utf-8")
    other_db = tmp_path / "other.tawsim"
    con = sqlite3.connect(other_db)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    empty = tmp_path / "empty.tawsim"
    empty.write_bytes(b"")
    for path, message in [
        (text_file, "not an SQLite database"),
        (other_db, "another program"),
        (empty, "is empty"),
    ]:
        before = digest(path)
        with pytest.raises(NotAProject, match=message):
            Project.open(path)
        assert digest(path) == before
        assert not path.with_name(path.name + "-wal").exists()
    with pytest.raises(ProjectError, match="no such file"):
        Project.open(tmp_path / "missing.tawsim")


def test_a_damaged_file_is_reported_and_not_overwritten(project):
    add_document(project)
    path = project.path
    project.close()
    data = bytearray(path.read_bytes())
    # keep the header (so it still looks like ours), trash the schema pages
    data[100 : 4096 * 3] = b"\xde\xad" * ((4096 * 3 - 100) // 2)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(ProjectCorrupt, match="damaged"):
        Project.open(path)
    assert digest(path) == before


def test_an_older_file_is_backed_up_then_upgraded(project, monkeypatch):
    doc = add_document(project)
    path = project.path
    project.close()

    def add_reviewed_column(conn):
        conn.exec_driver_sql("ALTER TABLE document ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0")

    current = migrations.SCHEMA_VERSION
    nxt = current + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(migrations.MIGRATIONS, nxt, add_reviewed_column)
    import models.db

    monkeypatch.setattr(models.db, "SCHEMA_VERSION", nxt)
    before = path.read_bytes()
    upgraded = Project.open(path)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == nxt
        assert (
            conn.exec_driver_sql("SELECT reviewed FROM document WHERE id = ?", (doc,)).scalar() == 0
        )
        assert conn.execute(select(Document.text).where(Document.id == doc)).scalar()
    upgraded.close()
    backups = list(path.parent.glob(f"test.format{current}-backup-*.tawsim"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    assert old.execute("SELECT count(*) FROM document").fetchone()[0] == 1
    old.close()
    assert len(before) > 0


def test_a_failed_upgrade_changes_nothing(project, monkeypatch):
    path = project.path
    project.close()

    def broken(conn):
        conn.exec_driver_sql("ALTER TABLE document ADD COLUMN x INTEGER")
        raise RuntimeError("step failed")

    import models.db

    current = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(models.db, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, current + 1, broken)
    with pytest.raises(RuntimeError, match="step failed"):
        Project.open(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == current
    columns = [r[1] for r in raw.execute("PRAGMA table_info(document)")]
    assert "x" not in columns
    raw.close()
