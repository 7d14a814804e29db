"""What kind of refusal a database error is, whichever database gave it (SQLite for a
project file, PostgreSQL for a team project)."""

from __future__ import annotations

UNIQUE, FOREIGN_KEY, RULE = "unique", "foreign_key", "rule"


def sqlstate(err: BaseException) -> str:
    """The SQLSTATE of a PostgreSQL error ('' for anything else)."""
    orig = getattr(err, "orig", err)
    return str(getattr(orig, "sqlstate", "") or "")


def integrity_kind(err: BaseException) -> str:
    """UNIQUE (a duplicate), FOREIGN_KEY (a dangling reference) or RULE (a CHECK or a
    trigger of the project's own)."""
    state = sqlstate(err)
    text = str(getattr(err, "orig", err))
    if state == "23505" or "UNIQUE constraint failed" in text:
        return UNIQUE
    if state == "23503" or "FOREIGN KEY constraint failed" in text:
        return FOREIGN_KEY
    return RULE


def error_detail(err: BaseException) -> str:
    """The driver's message, its first line only (PostgreSQL adds context lines)."""
    orig = getattr(err, "orig", err)
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__
