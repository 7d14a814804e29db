"""Shared fixtures: every test runs with its own user folder (TAWSIM_HOME)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_PEERS = ROOT / "tests" / "data" / "peers"


@pytest.fixture(autouse=True)
def tawsim_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TAWSIM_HOME", str(home))
    return home


@pytest.fixture
def project(tmp_path: Path):
    from core.project.project import Project

    p = Project.create(tmp_path / "test.tawsim")
    yield p
    p.close()


@pytest.fixture
def seeded_project(tmp_path: Path):
    """A project holding the five seed articles (documents 1-5)."""
    from core.documents.demo import create_demo_project

    p = create_demo_project(tmp_path / "demo.tawsim")
    yield p
    p.close()


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env
