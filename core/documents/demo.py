"""The bundled demo corpus (seeds/) and the demo project built from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.documents.importing import import_documents
from core.project.appstate import data_dir, load_state
from core.project.project import Project
from core.resources import SEEDS_DIR

DEMO_PROJECT_NAME = "Tawsim demo"


def seed_manifest() -> list[dict[str, Any]]:
    """Entries of seeds/manifest.json: file, title, language."""
    return json.loads((SEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))["documents"]


def seed_files() -> list[Path]:
    return [SEEDS_DIR / entry["file"] for entry in seed_manifest()]


def demo_project_path() -> Path:
    return data_dir() / "demo.tawsim"


def create_demo_project(path: Path) -> Project:
    """A project holding exactly the seed articles, with the default schema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(path, name=DEMO_PROJECT_NAME)
    try:
        report = import_documents(project, seed_files(), undo_name=None)
        if report.failed:
            raise RuntimeError("; ".join(f.error or "" for f in report.failed))
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    return project


def startup_project_path() -> Path:
    """The project to open when none is named: the last one, else the demo (created if new)."""
    last = load_state().last_project
    if last and Path(last).is_file():
        return Path(last)
    demo = demo_project_path()
    if not demo.exists():
        create_demo_project(demo).close()
    return demo
