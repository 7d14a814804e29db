"""Shared fixtures: every test runs with its own user folder (TAWSIM_HOME).

Projects that take a while to build (the seed articles imported) are built once per test
session (per worker under pytest-xdist) and copied for each test that asks for one, so
tests stay independent and cheap.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

# a throwaway PostgreSQL server and team projects on it, for team mode's tests
pytest_plugins = ["tests.fixtures.team_server"]

ROOT = Path(__file__).resolve().parent.parent
SHARED_PEERS = ROOT / "tests" / "data" / "peers"
PACKAGING = ROOT / "packaging"


def load_script(name: str) -> ModuleType:
    """A script of packaging/ (not a package: its name would hide the `packaging` library)."""
    spec = importlib.util.spec_from_file_location(f"tawsim_packaging_{name}", PACKAGING / name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from core.documents.demo import create_demo_project

    path = tmp_path_factory.mktemp("templates") / "demo.tawsim"
    create_demo_project(path).close()  # closing checkpoints the WAL: one file holds it all
    return path


@pytest.fixture
def seeded_project(tmp_path: Path, _seeded_template: Path):
    """A project holding the five seed articles (documents 1-5): a fresh copy per test."""
    from core.project.project import Project

    path = tmp_path / "demo.tawsim"
    shutil.copyfile(_seeded_template, path)
    p = Project.open(path)
    yield p
    p.close()


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env
