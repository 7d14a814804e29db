"""Roles and privileges of a team project.

PostgreSQL roles belong to the whole server, so each project has a team role of its own
(`tawsim_team_<database>`): the only role, besides the owner, allowed to connect to the
project's database, and the one holding the privileges on its tables. Each person is a
login role of their own name, a member of the team role, with an `annotator` row of the
same name; the policies (models.server.migrations) read that row to decide whose sets
are whose and who is a curator.

Privileges are granted again after every migration (`grant_team`), so a table a later
revision adds is covered too.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, text

# tables the team role may change (rows further limited by the policies)
WRITABLE = (
    "annotation_set",
    "entity_span",
    "event_mention",
    "event_argument",
    "stance",
    "stance_evidence",
    "excluded_region",
    "curation_decision",
    "suggestion",
    "suggestion_decision",
    "assignment",
)
# tables the team role may add rows to (curators only, by policy): importing documents
INSERTABLE = ("document", "token_layer")
# tables the team role may add rows to and change, never delete from (curators only, and
# only some rows, by policy): the team's settings
UPDATABLE = ("setting",)

_MAX_IDENTIFIER = 63  # bytes: PostgreSQL truncates longer names


def quote_identifier(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def team_role_name(database: str) -> str:
    name = f"tawsim_team_{database}"
    if len(name.encode("utf-8")) <= _MAX_IDENTIFIER:
        return name
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:12]
    return f"tawsim_team_{digest}"


def role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
    return found.first() is not None


def create_team_role(conn: Connection, database: str) -> str:
    """The project's team role (made if missing), allowed to connect and nobody else."""
    role = team_role_name(database)
    if not role_exists(conn, role):
        conn.exec_driver_sql(f"CREATE ROLE {quote_identifier(conn, role)} NOLOGIN")
    db = quote_identifier(conn, database)
    conn.exec_driver_sql(f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {db} TO {quote_identifier(conn, role)}")
    return role


def grant_team(conn: Connection, role: str) -> None:
    """The team role's privileges on every table and sequence of the project."""
    team = quote_identifier(conn, role)
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {team}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {team}")
    conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {team}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(WRITABLE)} TO {team}")
    conn.exec_driver_sql(f"GRANT INSERT ON {', '.join(INSERTABLE)} TO {team}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {', '.join(UPDATABLE)} TO {team}")


def create_login(conn: Connection, name: str, password: str, team_role: str) -> bool:
    """A login role for a person, a member of the team role; True if it was made now.

    An existing role (the same person on another project of this server) keeps its
    password unless one is given. The password reaches the server only as a SCRAM
    verifier, computed here by libpq, so it never appears in the server's logs."""
    ident = quote_identifier(conn, name)
    made = not role_exists(conn, name)
    if made:
        conn.exec_driver_sql(f"CREATE ROLE {ident} LOGIN")
    if password:
        verifier = _scram_verifier(conn, name, password)
        conn.exec_driver_sql(f"ALTER ROLE {ident} PASSWORD '{verifier}'")
    conn.exec_driver_sql(f"GRANT {quote_identifier(conn, team_role)} TO {ident}")
    return made


def _scram_verifier(conn: Connection, name: str, password: str) -> str:
    raw = conn.connection.driver_connection
    verifier: bytes = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
        password.encode("utf-8"), name.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")
