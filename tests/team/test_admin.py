"""An administrator's round: `server init` on an empty database, three people added,
a desktop project pushed, and `server pull` giving back exactly what the server holds
(what the connecting role may see, nothing more)."""

from __future__ import annotations

import shutil

import psycopg
import pytest
from sqlalchemy import select

from cli.main import run
from core.annotation.annotators import read_annotators
from core.annotation.spans import annotate
from core.project.project import Project
from models.migrations import project_tables
from models.server.setup import TEAM_ROLE_KEY
from models.tables import Meta, table_of
from tests.fixtures.annotated_seed import build_annotated_seed
from tests.fixtures.team_server import OWNER, TeamServer, member_password


@pytest.fixture
def blank(team_templates):
    """An empty database owned by the owner role: where `server init` starts."""
    database = "blank_project"
    with psycopg.connect(team_templates.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {database} OWNER {OWNER}")
    yield TeamServer(team_templates, database)
    with psycopg.connect(team_templates.url(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {database} WITH (FORCE)")
        for role in ("ines", "omar", "zaid", f"tawsim_team_{database}"):
            admin.execute(f"DROP ROLE IF EXISTS {role}")


def _content(project) -> dict[str, list[dict]]:
    """Every row of every table, by primary key (the server's bookkeeping left out)."""
    found = {}
    with project.read() as conn:
        for model in project_tables():
            table = table_of(model)
            query = select(table).order_by(*table.primary_key.columns)
            if model is Meta:
                query = query.where(table.c.key != TEAM_ROLE_KEY)
            found[table.name] = [dict(row) for row in conn.execute(query).mappings()]
    return found


def test_init_add_push_pull_round(blank, tmp_path, capsys, _seeded_template):
    url = blank.url()
    assert run(["server", "init", "--db", url, "--name", "Newsroom"]) == 0
    for name, flag in (("ines", "--curator"), ("omar", None), ("zaid", None)):
        argv = ["server", "add-annotator", "--db", url, name, "--password", member_password(name)]
        assert run(argv + ([flag] if flag else [])) == 0
    desktop = tmp_path / "desk.tawsim"
    shutil.copyfile(_seeded_template, desktop)
    with Project.open(desktop) as local:
        build_annotated_seed(local, annotator="omar")
    assert run(["server", "push", "--db", url, str(desktop)]) == 0
    assert "1 set(s) added" in capsys.readouterr().out
    assert run(["server", "push", "--db", url, str(desktop)]) == 0  # the same file again
    assert "0 set(s) added, 0 replaced, 1 unchanged" in capsys.readouterr().out

    with blank.connect("zaid") as zaid:
        people = {a.name: a for a in read_annotators(zaid)}
        assert people["ines"].is_curator and not people["zaid"].is_curator
        annotate(zaid, 1, people["zaid"].id, 0, 4, zaid.schema.by_key("entity", "ORG").id)

    pulled = tmp_path / "curator.tawsim"
    assert run(["server", "pull", "--db", blank.url("ines"), "--out", str(pulled)]) == 0
    with blank.connect("ines") as server, Project.open(pulled) as copy:
        assert _content(copy) == _content(server)
        sets = {row["annotator_id"] for row in _content(copy)["annotation_set"]}
        assert sets == {people["omar"].id, people["zaid"].id}

    mine = tmp_path / "zaid.tawsim"
    assert run(["server", "pull", "--db", blank.url("zaid"), "--out", str(mine)]) == 0
    with Project.open(mine) as copy:
        content = _content(copy)
    assert {row["annotator_id"] for row in content["annotation_set"]} == {people["zaid"].id}
    assert len(content["entity_span"]) == 1 and len(content["document"]) == 5


def test_init_refuses_a_database_that_is_not_empty(team_server, capsys):
    assert run(["server", "init", "--db", team_server.url()]) == 1
    assert "already a Tawsim team project; nothing was changed" in capsys.readouterr().err


def test_init_refuses_another_programs_database(blank, capsys):
    with psycopg.connect(blank.url(), autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    assert run(["server", "init", "--db", blank.url()]) == 1
    assert "is not empty (1 table(s), e.g. invoices)" in capsys.readouterr().err


def test_commands_take_db_wherever_they_take_project(team_server, capsys):
    assert run(["stats", "--db", team_server.url("lead"), "--json"]) == 0
    assert '"documents": 5' in capsys.readouterr().out
    assert run(["--db", team_server.url("amal"), "stats"]) == 0


def test_a_wrong_password_or_a_missing_server_is_one_clear_line(team_server, capsys):
    wrong = team_server.url("amal").replace(member_password("amal"), "nope")
    assert run(["stats", "--db", wrong]) == 1
    assert "the server refused the password" in capsys.readouterr().err
    gone = team_server.url().replace(f":{team_server.cluster.port}/", ":1/")
    assert run(["stats", "--db", gone]) == 1
    assert "cannot reach the team project owner@127.0.0.1:1/" in capsys.readouterr().err
    assert run(["stats", "--db", "postgresql://127.0.0.1/x"]) == 1
    assert "names no user" in capsys.readouterr().err


def test_only_the_owner_adds_people(team_server, capsys):
    argv = ["server", "add-annotator", "--db", team_server.url("lead"), "eve", "--password", "x"]
    assert run(argv) == 1
    assert "may not do this" in capsys.readouterr().err
