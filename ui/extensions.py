"""Features that plug into the main window.

Each module named here has `install(window: MainWindow) -> None`, called once
at the end of the window's construction. It adds its panels with
`window.add_panel`, its menu entries with `window.add_action` (or
`window.menu(name)`), listens to `window.operation_did_execute`,
`window.project_changed`, `window.document_changed` and
`window.identity_changed` (emitted once the window and the shown set,
`window.current_set`, are up to date, however early it connects), and changes
data only through `window.run_operation`. See docs/architecture.md, "UI".
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

EXTENSION_MODULES: list[str] = [
    "ui.panels.excluded",
    "ui.panels.events",
    "ui.panels.stances",
    "ui.dialogs.schema_editor",
    "ui.dialogs.handoff",
    "ui.review",
    "ui.curation",
    "ui.recommend",
    "ui.team",
]


def installers() -> list[Callable[[Any], None]]:
    return [importlib.import_module(name).install for name in EXTENSION_MODULES]
