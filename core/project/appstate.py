"""Per-user state outside any project: recent projects, last annotator.

Stored as JSON in the user's config folder (platformdirs), or under
$TAWSIM_HOME when set (tests and portable installs use that).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from core.project.atomic import write_atomically

APP_DIR_NAME = "Tawsim"
RECENT_LIMIT = 10


def _home_override() -> Path | None:
    value = os.environ.get("TAWSIM_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_DIR_NAME, False))


def data_dir() -> Path:
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_DIR_NAME, False))


@dataclass
class AppState:
    recent_projects: list[str] = field(default_factory=list)
    annotator: str = ""

    @property
    def last_project(self) -> str | None:
        return self.recent_projects[0] if self.recent_projects else None

    def remember_project(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.recent_projects = [path] + [p for p in self.recent_projects if p != path]
        del self.recent_projects[RECENT_LIMIT:]

    def forget_project(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.recent_projects = [p for p in self.recent_projects if p != path]


def state_file() -> Path:
    return config_dir() / "state.json"


def load_state() -> AppState:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AppState()
    if not isinstance(data, dict):
        return AppState()
    recent = [p for p in data.get("recent_projects", []) if isinstance(p, str)]
    annotator = data.get("annotator", "")
    return AppState(recent, annotator if isinstance(annotator, str) else "")


def save_state(state: AppState) -> None:
    """Write atomically, so a crash never leaves a half-written state file."""
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(state), ensure_ascii=False, indent=1)
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), suffix=".json")
