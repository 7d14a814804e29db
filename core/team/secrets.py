"""Team project passwords in the system keyring (never in Tawsim's own files).

Where no keyring is available (a desktop without a secret service, a server) nothing is
stored and the window asks for the password each time.
"""

from __future__ import annotations

import contextlib

SERVICE = "Tawsim team projects"


def keyring_available() -> bool:
    """Whether a real keyring is there to keep passwords (not keyring's stand-ins that
    fail or forget)."""
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring | null.Keyring)


def saved_password(account: str) -> str | None:
    """The password kept for `account` (user@host:port/database), if any."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError:
        return None


def save_password(account: str, password: str) -> bool:
    """Keep the password in the keyring; False when it could not be kept."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account, password)
    except KeyringError:
        return False
    return True


def forget_password(account: str) -> None:
    """Drop a kept password (the server refused it)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, account)
