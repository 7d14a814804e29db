"""Project settings on a team project: curators change them for everyone, annotators
cannot, whatever SQL they send."""

from __future__ import annotations

import psycopg
import pytest

from core.annotation.annotators import read_annotators
from core.project.errors import OperationError, ProjectError
from core.recommend.suggestions import (
    recommender_settings,
    set_recommender_enabled,
    set_training_source,
)


def _id(project, name):
    return {a.name: a.id for a in read_annotators(project)}[name]


def test_a_curator_switches_a_recommender_off_for_everyone(team_server):
    with team_server.connect("lead") as lead:
        set_recommender_enabled(lead, _id(lead, "lead"), "crf", False)
        set_training_source(lead, _id(lead, "lead"), "gold")
    with team_server.connect("amal") as amal:
        settings = recommender_settings(amal)
        assert settings.disabled == frozenset({"crf"})
        assert settings.train_from == "gold"
        with pytest.raises(OperationError):
            set_recommender_enabled(amal, _id(amal, "amal"), "crf", True)
        assert recommender_settings(amal).disabled == frozenset({"crf"})


def test_an_annotator_cannot_write_settings_with_plain_sql(team_server):
    with psycopg.connect(team_server.url("amal")) as conn:
        before = conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall()
        assert before
        # row-level security: no row is the annotator's to change
        assert conn.execute("UPDATE setting SET value = '{}'").rowcount == 0
        for statement in (
            "INSERT INTO setting (key, value) VALUES ('recommenders', '{}')",
            "DELETE FROM setting",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        assert conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall() == before


def test_a_curator_changes_no_other_setting(team_server):
    with psycopg.connect(team_server.url("lead")) as conn:
        name = conn.execute("SELECT value FROM setting WHERE key = 'name'").fetchall()
        assert name
        assert conn.execute("UPDATE setting SET value = '\"x\"' WHERE key = 'name'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO setting (key, value) VALUES ('clitic_rule', '\"none\"')")
        conn.rollback()
        assert conn.execute("SELECT value FROM setting WHERE key = 'name'").fetchall() == name


def test_server_upgrade_brings_a_revision_0001_project_to_curators_writing_settings(
    team_server,
):
    from alembic import command
    from sqlalchemy import create_engine

    from core.team.admin import upgrade_team_project
    from models.server.setup import _config, head_revision

    owner_url = team_server.url()
    engine = create_engine(owner_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            command.downgrade(_config(conn), "0001")
    finally:
        engine.dispose()
    with pytest.raises(ProjectError, match="needs upgrading"):
        team_server.connect("lead")
    assert upgrade_team_project(owner_url) == ("0001", head_revision())
    with team_server.connect("lead") as lead:
        set_recommender_enabled(lead, _id(lead, "lead"), "gazetteer", False)
        assert recommender_settings(lead).disabled == frozenset({"gazetteer"})
