"""The curator passphrase: blind annotation on a shared project file.

A project may set a passphrase for its curators. Only a salted scrypt hash of it is
stored (the `curator_secret` setting: the salt, scrypt's cost parameters and the
hash). When one is set, becoming a curator, taking the name of another annotator who
already exists, and exporting sets other than the gold standard from the command line
ask for it.

On a file everyone can write this deters rather than enforces: whoever can open the
file with SQLite can read every set or remove the setting. Team mode (one shared
project on PostgreSQL) enforces the same rule in the database, with an account per
person.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any

from sqlalchemy import select

from core.annotation.annotators import find_annotator
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.project import Project, set_setting
from models.messages import Message
from models.tables import Setting

SECRET_SETTING = "curator_secret"
MIN_LENGTH = 8
# scrypt's cost: 2^15 rounds of 8-block mixing, 32 MiB of memory, ~0.1 s per check
_COST = {"n": 2**15, "r": 8, "p": 1}
_MAXMEM = 64 * 1024 * 1024


class SecretRequired(OperationError):
    """The curator passphrase is needed for this; the message says what for."""


def _stored(project: Project) -> dict[str, Any] | None:
    with project.read() as conn:
        value = conn.execute(select(Setting.value).where(Setting.key == SECRET_SETTING)).scalar()
    if not value:
        return None
    found = json.loads(value)
    return found if isinstance(found, dict) else None


def _derive(passphrase: str, salt: bytes, cost: dict[str, int]) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=cost["n"],
        r=cost["r"],
        p=cost["p"],
        maxmem=_MAXMEM,
        dklen=32,
    )


def has_curator_secret(project: Project) -> bool:
    return _stored(project) is not None


def check_curator_secret(project: Project, passphrase: str) -> bool:
    """Whether `passphrase` is the project's curator passphrase (True when none is set)."""
    stored = _stored(project)
    if stored is None:
        return True
    try:
        cost = {key: int(stored[key]) for key in ("n", "r", "p")}
        salt, expected = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
    except (KeyError, TypeError, ValueError):
        return False  # a damaged setting opens nothing
    return hmac.compare_digest(_derive(passphrase, salt, cost), expected)


def require_curator_secret(project: Project, passphrase: str | None, doing: str) -> None:
    """Refuse `doing` (words for the message) unless the passphrase is given and right."""
    if not has_curator_secret(project):
        return
    if not passphrase:
        raise SecretRequired(f"this project has a curator passphrase; {doing} needs it")
    if not check_curator_secret(project, passphrase):
        raise SecretRequired(f"wrong curator passphrase; {doing} was refused")


def set_curator_secret(project: Project, new: str | None, current: str | None) -> OpResult[None]:
    """Set (or with `new` empty, remove) the curator passphrase. Changing or removing one
    needs the `current` one."""
    require_curator_secret(project, current, "changing the curator passphrase")
    if new and len(new) < MIN_LENGTH:
        raise OperationError(
            Message("a curator passphrase needs at least {count} characters", count=MIN_LENGTH)
        )
    # no undo step: undoing would bring back a passphrase its curator meant to retire
    with project.write() as tx:
        if new:
            salt = secrets.token_bytes(16)
            value: dict[str, Any] = {"scheme": "scrypt", **_COST, "salt": salt.hex()}
            value["hash"] = _derive(new, salt, _COST).hex()
            set_setting(tx, SECRET_SETTING, value)
        elif tx.conn.execute(select(Setting.key).where(Setting.key == SECRET_SETTING)).first():
            tx.delete(Setting, SECRET_SETTING)
            tx.changes.settings = True
    return OpResult(tx.changes, None)


def identity_needs_secret(project: Project, current_id: int | None, name: str) -> str | None:
    """What becoming the annotator `name` would do that needs the curator passphrase, in
    words, or None: becoming a curator, or someone else who already exists (and could
    then read and change their sets). A new name never needs it."""
    if not has_curator_secret(project):
        return None
    with project.read() as conn:
        found = find_annotator(conn, " ".join(name.split()))
    if found is None:
        return None
    annotator_id, role = found
    if role == "curator":
        return f"becoming the curator {name}"
    if current_id is not None and annotator_id != current_id:
        return f"annotating as {name}, who is someone else"
    return None


__all__ = [
    "MIN_LENGTH",
    "SECRET_SETTING",
    "SecretRequired",
    "check_curator_secret",
    "has_curator_secret",
    "identity_needs_secret",
    "require_curator_secret",
    "set_curator_secret",
]
