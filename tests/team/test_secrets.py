"""Team passwords go to the system keyring (never to Tawsim's files), and a refused one
is forgotten."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null

from core.team.secrets import forget_password, keyring_available, save_password, saved_password


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_a_password_is_kept_in_the_keyring_and_forgotten(memory_keyring, tawsim_home):
    account = "amal@db.example:5432/newsroom"
    assert keyring_available() and saved_password(account) is None
    assert save_password(account, "s3cret")
    assert saved_password(account) == "s3cret"
    assert not any(b"s3cret" in p.read_bytes() for p in tawsim_home.rglob("*") if p.is_file())
    forget_password(account)
    forget_password(account)  # already gone: nothing to do
    assert saved_password(account) is None


def test_without_a_keyring_nothing_is_kept():
    before = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        assert not keyring_available()
        assert saved_password("amal@db.example:5432/newsroom") is None
    finally:
        keyring.set_keyring(before)
