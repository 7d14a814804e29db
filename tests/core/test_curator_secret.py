"""The curator passphrase: stored as a salted scrypt hash; becoming a curator or another
existing annotator, and exporting others' sets (in a dataset or a package) from the command
line, need it."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from sqlalchemy import select

from cli.main import run
from core.annotation.annotators import ensure_annotator
from core.annotation.curator_secret import (
    SECRET_SETTING,
    SecretRequired,
    check_curator_secret,
    identity_needs_secret,
    require_curator_secret,
    set_curator_secret,
)
from core.project.errors import OperationError
from models.tables import Setting
from tests.core.formats_support import annotate_seed_article

PASSPHRASE = "صباح الخير 2026"


def stored_setting(project):
    with project.read() as conn:
        value = conn.execute(select(Setting.value).where(Setting.key == SECRET_SETTING)).scalar()
    return json.loads(value) if value else None


def test_only_a_salted_scrypt_hash_is_stored(project):
    set_curator_secret(project, PASSPHRASE, None)
    stored = stored_setting(project)
    assert stored["scheme"] == "scrypt" and stored["n"] >= 2**14
    assert PASSPHRASE not in json.dumps(stored, ensure_ascii=False)
    expected = hashlib.scrypt(
        PASSPHRASE.encode(),
        salt=bytes.fromhex(stored["salt"]),
        n=stored["n"],
        r=stored["r"],
        p=stored["p"],
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )
    assert stored["hash"] == expected.hex()
    assert check_curator_secret(project, PASSPHRASE)
    assert not check_curator_secret(project, PASSPHRASE + " ")
    first_salt = stored["salt"]
    set_curator_secret(project, PASSPHRASE, PASSPHRASE)
    assert stored_setting(project)["salt"] != first_salt  # a fresh salt each time


def test_changing_or_removing_it_needs_the_current_one(project):
    with pytest.raises(OperationError, match="at least 8 characters"):
        set_curator_secret(project, "short", None)
    set_curator_secret(project, PASSPHRASE, None)
    with pytest.raises(SecretRequired, match="needs it"):
        set_curator_secret(project, "another passphrase", None)
    with pytest.raises(SecretRequired, match="wrong curator passphrase"):
        set_curator_secret(project, None, "guess guess")
    set_curator_secret(project, None, PASSPHRASE)
    assert stored_setting(project) is None
    require_curator_secret(project, None, "anything")  # none set: nothing asked


def test_who_needs_it_to_be_whom(project):
    amal = ensure_annotator(project, "amal").value
    ensure_annotator(project, "badr")
    ensure_annotator(project, "lead", "curator")
    assert identity_needs_secret(project, amal, "lead") is None  # no passphrase set yet
    set_curator_secret(project, PASSPHRASE, None)
    assert identity_needs_secret(project, amal, "lead") == "becoming the curator lead"
    assert identity_needs_secret(project, None, "lead") == "becoming the curator lead"
    assert identity_needs_secret(project, amal, "badr") == "annotating as badr, who is someone else"
    assert identity_needs_secret(project, amal, "amal") is None
    assert identity_needs_secret(project, amal, "someone new") is None


def test_exporting_someone_elses_sets_asks_for_it(seeded_project, tmp_path, monkeypatch, capsys):
    annotate_seed_article(seeded_project)
    set_curator_secret(seeded_project, PASSPHRASE, None)
    path = str(seeded_project.path)
    base = ["export", "--project", path, "--format", "jsonl"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.delenv("TAWSIM_CURATOR_PASSPHRASE", raising=False)
    assert run([*base, "--out", str(tmp_path / "gold.jsonl")]) == 0  # gold: no passphrase
    for chosen in ("Salma", "all"):
        out = tmp_path / f"{chosen}.jsonl"
        assert run([*base, "--set", chosen, "--out", str(out)]) == 1
        assert "this project has a curator passphrase" in capsys.readouterr().err
        assert not out.exists()
    monkeypatch.setenv("TAWSIM_CURATOR_PASSPHRASE", "not it at all")
    assert run([*base, "--set", "all", "--out", str(tmp_path / "all.jsonl")]) == 1
    assert "wrong curator passphrase" in capsys.readouterr().err
    monkeypatch.setenv("TAWSIM_CURATOR_PASSPHRASE", PASSPHRASE)
    assert run([*base, "--set", "all", "--out", str(tmp_path / "all.jsonl")]) == 0
    assert (tmp_path / "all.jsonl").exists()
    monkeypatch.delenv("TAWSIM_CURATOR_PASSPHRASE")
    report = tmp_path / "disagreements.json"
    assert run(["agreement", "--project", path, "--disagreements", str(report)]) == 1
    assert "writing the disagreements needs it" in capsys.readouterr().err
    assert not report.exists()


def test_a_package_with_the_annotators_own_sets_asks_for_it(
    seeded_project, tmp_path, monkeypatch, capsys
):
    annotate_seed_article(seeded_project, "Salma")
    set_curator_secret(seeded_project, PASSPHRASE, None)
    base = ["package", "--project", str(seeded_project.path), "--annotator", "Salma"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.delenv("TAWSIM_CURATOR_PASSPHRASE", raising=False)
    bare = tmp_path / "bare.tawsim"
    assert run([*base, "--out", str(bare)]) == 0  # documents and schema only: no passphrase
    with_sets = tmp_path / "with-sets.tawsim"
    assert run([*base, "--with-own-sets", "--out", str(with_sets)]) == 1
    assert "packaging Salma's own sets needs it" in capsys.readouterr().err
    assert not with_sets.exists()
    monkeypatch.setenv("TAWSIM_CURATOR_PASSPHRASE", PASSPHRASE)
    assert run([*base, "--with-own-sets", "--out", str(with_sets)]) == 0
    assert "1 of Salma's own set(s)" in capsys.readouterr().out


def test_the_passphrase_command_sets_and_removes_it(project, monkeypatch, capsys):
    path = str(project.path)
    monkeypatch.delenv("TAWSIM_CURATOR_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert run(["curator-passphrase", "--project", path]) == 0
    assert "curator passphrase set" in capsys.readouterr().out
    assert check_curator_secret(project, PASSPHRASE)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run(["curator-passphrase", "--project", path, "--remove"]) == 1
    monkeypatch.setenv("TAWSIM_CURATOR_PASSPHRASE", PASSPHRASE)
    assert run(["curator-passphrase", "--project", path, "--remove"]) == 0
    assert stored_setting(project) is None
