"""`merge` never touches the files it reads: an older-format package is merged without
being upgraded or backed up, a DELETE-journal file keeps its bytes, nothing stored in a
package (a trigger, a view) runs, and a package is checked before a row is read — every
refusal names the file."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import select

from cli.main import run
from core.io.handoff import export_package, merge_annotations
from core.project.errors import OperationError
from models.tables import Annotator, Document
from tests.core.test_migrations import ADDED_BY, CHANGED_BY
from tests.core.test_packages import annotate_in_package, work_of


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_texts(project):
    with project.read() as conn:
        return [text for (text,) in conn.execute(select(Document.text))]


def amal_package(project, tmp_path):
    package = export_package(project, tmp_path / "amal.tawsim", "amal").path
    annotate_in_package(package, "amal", 0, "ORG", "ميتا")
    return package


def as_received(path, *statements, version=None, journal="DELETE"):
    """The package as it arrives from elsewhere: checkpointed into one file with a rollback
    journal, changed by `statements`, of an older format when `version` is given."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA legacy_alter_table = ON")
    if version is not None:
        for later in range(version + 1, 4):
            for table in ADDED_BY[later]:
                raw.execute(f"DROP TABLE {table}")
            for statement in CHANGED_BY.get(later, []):
                raw.execute(statement)
        raw.execute(f"PRAGMA user_version = {version}")
        raw.execute(f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version'")
    for statement in statements:
        raw.execute(statement)
    raw.execute(f"PRAGMA journal_mode = {journal}")
    raw.close()
    return path


def test_an_older_format_package_is_merged_and_left_as_it_was(seeded_project, tmp_path):
    package = as_received(amal_package(seeded_project, tmp_path), version=1)
    before = digest(package)
    files_before = sorted(p.name for p in tmp_path.iterdir())
    report = merge_annotations(seeded_project, [package])
    assert report.count("added") == 1
    assert work_of(seeded_project, "amal")  # the annotator's work arrived
    assert digest(package) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # no backup beside it


def test_a_trigger_stored_in_a_package_never_runs(seeded_project, tmp_path):
    package = as_received(
        amal_package(seeded_project, tmp_path),
        "DROP TRIGGER trg_document_frozen",
        # same name as one of Tawsim's, another body: it would fire on an upgrade or a write
        "CREATE TRIGGER trg_document_frozen BEFORE UPDATE ON document BEGIN "
        "SELECT RAISE(ABORT, 'the package ran its own code'); END",
        version=2,
    )
    before = digest(package)
    report = merge_annotations(seeded_project, [package])
    assert report.count("added") == 1
    assert digest(package) == before


@pytest.mark.parametrize(
    ("statements", "said"),
    [
        (
            [
                "CREATE VIEW many AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                "FROM n WHERE i < 3000000) SELECT i FROM n"
            ],
            "holds a view (many)",
        ),
        (
            ["CREATE TRIGGER keep_quiet AFTER INSERT ON document BEGIN SELECT 1; END"],
            "holds a trigger Tawsim does not make (keep_quiet)",
        ),
        (["CREATE TABLE extra (x)"], "holds a table Tawsim does not make (extra)"),
    ],
)
def test_a_package_with_objects_of_its_own_is_refused_before_a_row_is_read(
    seeded_project, tmp_path, statements, said
):
    package = as_received(amal_package(seeded_project, tmp_path), *statements)
    before = digest(package)
    with pytest.raises(OperationError) as raised:
        merge_annotations(seeded_project, [package])
    assert str(raised.value).startswith(f"cannot merge {package}: ")
    assert said in str(raised.value)
    assert digest(package) == before
    assert not work_of(seeded_project, "amal")


def test_a_document_larger_than_an_import_allows_is_refused(seeded_project, tmp_path, monkeypatch):
    from core.io.handoff import received

    package = amal_package(seeded_project, tmp_path)
    monkeypatch.setattr(received, "MAX_DOCUMENT_BYTES", 1000)
    with pytest.raises(OperationError) as raised:
        merge_annotations(seeded_project, [package])
    longest = max(len(text.encode()) for text in document_texts(seeded_project))
    assert str(raised.value).startswith(
        f"cannot merge {package}: document 4 holds {longest:,} bytes of text, larger than an "
        "import accepts (1,000 bytes)"
    )


def test_offsets_outside_a_document_are_refused_naming_the_file(seeded_project, tmp_path):
    package = as_received(
        amal_package(seeded_project, tmp_path),
        "DROP TRIGGER trg_entity_span_end_update",
        'UPDATE entity_span SET "end" = 999999 WHERE id = (SELECT min(id) FROM entity_span)',
    )
    with pytest.raises(OperationError) as raised:
        merge_annotations(seeded_project, [package])
    message = str(raised.value)
    assert message.startswith(f"cannot merge {package}: amal's set of document 1")
    assert "999999" in message and "outside the document" in message


def test_merge_and_stats_leave_a_read_only_package_as_it_was(seeded_project, tmp_path):
    package = as_received(amal_package(seeded_project, tmp_path))
    package.chmod(0o444)
    before = digest(package)
    assert run(["stats", "--project", str(package)]) == 0
    assert run(["merge", "--project", str(seeded_project.path), str(package)]) == 0
    assert digest(package) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("amal")) == [
        "amal.tawsim"
    ]


def test_a_package_cannot_make_its_annotator_a_curator(seeded_project, tmp_path):
    """Roles are the receiving project's to give: a package whose annotator was made a
    curator in it brings their work, not the role (else a package would get round the
    curator passphrase)."""
    package = amal_package(seeded_project, tmp_path)
    as_received(package, "UPDATE annotator SET role = 'curator' WHERE name = 'amal'")
    merge_annotations(seeded_project, [package])
    with seeded_project.read() as conn:
        role = conn.execute(select(Annotator.role).where(Annotator.name == "amal")).scalar()
    assert role == "annotator"
    assert work_of(seeded_project, "amal")
