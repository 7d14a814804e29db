"""The server schema (alembic revision 0001, written out by hand) is the desktop file's
schema of the same format: the same tables, columns, empty-or-not, keys, checks and
indexes. A change to models.tables that is not made to the server too fails here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Inspector, create_engine, inspect

from core.project.project import Project
from models import tables
from models.migrations import project_tables


def _shape(inspector: Inspector, table: str) -> dict[str, Any]:
    return {
        "columns": {c["name"]: c["nullable"] for c in inspector.get_columns(table)},
        "primary key": inspector.get_pk_constraint(table)["constrained_columns"],
        "foreign keys": sorted(
            (
                tuple(fk["constrained_columns"]),
                fk["referred_table"],
                tuple(fk["referred_columns"]),
                fk["options"].get("ondelete"),
            )
            for fk in inspector.get_foreign_keys(table)
        ),
        "checks": sorted(c["name"] for c in inspector.get_check_constraints(table)),
        "uniques": sorted(
            (u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)
        ),
        # PostgreSQL lists a unique constraint's own index too; SQLite does not
        "indexes": sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]))
            for i in inspector.get_indexes(table)
            if "duplicates_constraint" not in i
        ),
    }


def test_the_server_schema_is_the_desktop_schema(empty_server, tmp_path):
    names = [tables.table_of(t).name for t in project_tables()]
    Project.create(tmp_path / "desktop.tawsim").close()
    desktop = create_engine(f"sqlite:///{tmp_path / 'desktop.tawsim'}")
    server = create_engine(empty_server.url().replace("postgresql://", "postgresql+psycopg://"))
    try:
        with desktop.connect() as file_conn, server.connect() as server_conn:
            file_side, server_side = inspect(file_conn), inspect(server_conn)
            assert set(server_side.get_table_names()) - {"alembic_version"} == set(names)
            for name in names:
                assert _shape(server_side, name) == _shape(file_side, name), name
    finally:
        desktop.dispose()
        server.dispose()
