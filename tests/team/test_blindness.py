"""Blindness enforced by the database: connected as annotator A with plain psycopg,
whatever SQL is sent, B's rows cannot be seen or changed; documents and the schema are
read-only to annotators; curators read everything and write the gold set; only the
owner changes the schema."""

from __future__ import annotations

import psycopg
import pytest

from tests.fixtures.team_server import member_password

# every table holding annotations, with how a row of it is tied to its set
SET_TABLES = {
    "annotation_set": "id",
    "entity_span": "set_id",
    "event_mention": "set_id",
    "stance": "set_id",
    "suggestion_decision": "set_id",
    "excluded_region": "set_id",
    "event_argument": "(SELECT set_id FROM event_mention m WHERE m.id = event_id)",
    "stance_evidence": "(SELECT set_id FROM stance t WHERE t.id = stance_id)",
}


def _connect(team_server, user: str) -> psycopg.Connection:
    return psycopg.connect(team_server.url(user), autocommit=True)


def _label(conn, kind: str) -> int:
    return conn.execute(
        "SELECT l.id FROM label l JOIN layer y ON y.id = l.layer_id WHERE y.kind = %s "
        "ORDER BY l.id LIMIT 1",
        (kind,),
    ).fetchone()[0]


def _fill_set(owner: psycopg.Connection, annotator: str | None, document: int) -> int:
    """A set of `annotator` (None: gold) with a row in every table that hangs off a set,
    written as the owner (who is not subject to the policies)."""
    who = owner.execute("SELECT id FROM annotator WHERE name = %s", (annotator,)).fetchone()
    set_id = owner.execute(
        "INSERT INTO annotation_set (document_id, annotator_id, state, updated_at) "
        "VALUES (%s, %s, 'in_progress', 'now') RETURNING id",
        (document, who[0] if who else None),
    ).fetchone()[0]
    span = owner.execute(
        'INSERT INTO entity_span (set_id, label_id, start, "end", note, created_at) '
        "VALUES (%s, %s, 0, 4, '', 'now') RETURNING id",
        (set_id, _label(owner, "span")),
    ).fetchone()[0]
    event_type = _label(owner, "event")
    event = owner.execute(
        'INSERT INTO event_mention (set_id, type_id, start, "end", note, created_at) '
        "VALUES (%s, %s, 5, 9, '', 'now') RETURNING id",
        (set_id, event_type),
    ).fetchone()[0]
    role = owner.execute(
        "SELECT id FROM event_role WHERE event_type_id = %s LIMIT 1", (event_type,)
    ).fetchone()[0]
    owner.execute(
        "INSERT INTO event_argument (event_id, role_id, span_id) VALUES (%s, %s, %s)",
        (event, role, span),
    )
    stance = owner.execute(
        "INSERT INTO stance (set_id, scope, target_label_id, polarity_id, note, created_at) "
        "VALUES (%s, 'document', %s, %s, '', 'now') RETURNING id",
        (set_id, _label(owner, "stance_target"), _label(owner, "polarity")),
    ).fetchone()[0]
    owner.execute(
        'INSERT INTO stance_evidence (stance_id, start, "end") VALUES (%s, 10, 20)', (stance,)
    )
    owner.execute(
        'INSERT INTO excluded_region (document_id, set_id, start, "end", reason, created_at) '
        "VALUES (%s, %s, 30, 40, 'boilerplate', 'now')",
        (document, set_id),
    )
    owner.execute(
        'INSERT INTO suggestion_decision (set_id, start, "end", label_id, recommender, '
        "decision, decided_at) VALUES (%s, 0, 4, %s, 'lexicon', 'rejected', 'now')",
        (set_id, _label(owner, "span")),
    )
    return set_id


@pytest.fixture
def sets(team_server):
    with _connect(team_server, "owner") as owner:
        found = {
            "amal": _fill_set(owner, "amal", 1),
            "badr": _fill_set(owner, "badr", 1),
            "gold": _fill_set(owner, None, 1),
        }
        owner.execute(
            "INSERT INTO curation_decision (document_id, kind, key, decision, decided_at) "
            "VALUES (1, 'entity', '[0, 4, 1]', 'rejected', 'now')"
        )
    return found


def _visible_sets(conn, table: str) -> set[int]:
    return {row[0] for row in conn.execute(f"SELECT {SET_TABLES[table]} FROM {table}")}


def test_an_annotator_sees_only_their_own_sets_in_every_table(team_server, sets):
    with _connect(team_server, "amal") as amal:
        for table in SET_TABLES:
            visible = _visible_sets(amal, table)
            if table == "excluded_region":
                visible.discard(None)  # text excluded for everyone is everyone's
            assert visible == {sets["amal"]}, table
        assert amal.execute("SELECT count(*) FROM curation_decision").fetchone()[0] == 0
    with _connect(team_server, "owner") as owner:
        for table in SET_TABLES:
            assert _visible_sets(owner, table) == set(sets.values()), table


def test_another_annotators_rows_cannot_be_changed_whatever_sql_is_sent(team_server, sets):
    badr = sets["badr"]
    with _connect(team_server, "amal") as amal:
        for table, column in SET_TABLES.items():
            assert amal.execute(f"DELETE FROM {table} WHERE {column} = %s", (badr,)).rowcount == 0
        moved = amal.execute(
            "UPDATE annotation_set SET annotator_id = (SELECT id FROM annotator "
            "WHERE name = 'amal') WHERE id = %s",
            (badr,),
        )
        assert moved.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            amal.execute(
                'INSERT INTO entity_span (set_id, label_id, start, "end", note, created_at) '
                "SELECT %s, id, 50, 60, '', 'now' FROM label LIMIT 1",
                (badr,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            # giving one's own set away is writing into someone else's
            amal.execute(
                "UPDATE annotation_set SET annotator_id = (SELECT id FROM annotator "
                "WHERE name = 'badr') WHERE id = %s",
                (sets["amal"],),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            amal.execute("SET ROLE badr")
    with _connect(team_server, "owner") as owner:
        for table, column in SET_TABLES.items():
            count = owner.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", (badr,))
            assert count.fetchone()[0] == 1, table


def test_documents_and_the_schema_are_read_only_to_annotators(team_server, sets):
    with _connect(team_server, "amal") as amal:
        assert amal.execute("SELECT count(*) FROM document").fetchone()[0] == 5
        assert amal.execute("SELECT count(*) FROM label").fetchone()[0] > 0
        for statement in (
            "UPDATE document SET title = 'x'",
            "DELETE FROM document",
            "UPDATE label SET key = 'X'",
            "INSERT INTO layer (key, kind, name_ar, name_en, position, options) "
            "VALUES ('x', 'span', '', '', 9, '{}')",
            "UPDATE annotator SET role = 'curator'",
            "DROP TABLE entity_span",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                amal.execute(statement)
        # settings: curators change some (tests/team/test_settings.py), no row is amal's
        assert amal.execute("UPDATE setting SET value = '\"x\"' WHERE key = 'name'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            amal.execute(
                "INSERT INTO document (title, source, meta, length, text_sha256, raw_sha256, "
                "encoding, imported_at, text) VALUES ('t', '', '{}', 1, 'x', '', '', 'now', 'a')"
            )


def test_a_curator_reads_everything_writes_gold_and_not_the_annotators_sets(team_server, sets):
    with _connect(team_server, "lead") as lead:
        for table in SET_TABLES:
            assert _visible_sets(lead, table) == set(sets.values()), table
        assert lead.execute("SELECT count(*) FROM curation_decision").fetchone()[0] == 1
        added = lead.execute(
            'INSERT INTO entity_span (set_id, label_id, start, "end", note, created_at) '
            "SELECT %s, id, 50, 60, '', 'now' FROM label WHERE id = "
            "(SELECT label_id FROM entity_span WHERE set_id = %s) RETURNING id",
            (sets["gold"], sets["gold"]),
        )
        assert added.fetchone() is not None
        assert (
            lead.execute("DELETE FROM entity_span WHERE set_id = %s", (sets["amal"],)).rowcount == 0
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lead.execute("UPDATE label SET color = '#000000'")


def test_only_the_owner_changes_the_schema(team_server):
    with _connect(team_server, "owner") as owner:
        owner.execute("UPDATE label SET color = '#123456' WHERE key = 'ORG'")
        assert owner.execute("SELECT color FROM label WHERE key = 'ORG'").fetchone()[0] == "#123456"


def test_nobody_outside_the_team_connects(team_server, pg_cluster):
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
        admin.execute("CREATE ROLE stranger LOGIN PASSWORD 'stranger-secret'")
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied"):
            psycopg.connect(pg_cluster.url(team_server.database, "stranger", "stranger-secret"))
    finally:
        with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
            admin.execute("DROP ROLE stranger")


def test_member_passwords_are_checked(team_server):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(team_server.url("amal").replace(member_password("amal"), "wrong"))
