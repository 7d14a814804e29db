"""Dependencies point one way: ui -> core -> models and cli -> core -> models.

core/, models/ and cli/ never load Qt: they run on a server, in scripts and in workers.
"""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, subprocess_env

HEADLESS = ("core", "models", "cli")
QT_PACKAGES = ("PySide6", "shiboken6", "qtawesome", "qtpy", "ui")
DATABASE = ("models", "sqlalchemy", "sqlmodel", "sqlite3")


def _sources(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def _imported(path: Path) -> set[str]:
    """Every module an import statement of `path` names, at any depth of the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _offenders(packages: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _sources(*packages)
        for name in sorted(_imported(path))
        if name.split(".")[0] in forbidden
    ]


# scripts alembic runs itself (its env.py works only inside a migration), not modules
ALEMBIC_SCRIPTS = ROOT / "models" / "server" / "migrations"


def test_importing_every_headless_module_loads_no_qt():
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in _sources(*HEADLESS)
        if ALEMBIC_SCRIPTS not in p.parents
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})\n"
        "print(len(sys.modules), qt)\n"
        "sys.exit(1 if qt else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(modules) > 10


def test_headless_sources_import_no_qt_and_no_ui():
    assert _offenders(HEADLESS, QT_PACKAGES) == []


def test_ui_and_cli_import_nothing_of_the_database_layer():
    assert _offenders(("ui", "cli"), DATABASE) == []


def _transactions(path: Path) -> list[int]:
    """Lines of `path` that open a project transaction (`with x.read()`, `x.write(...)`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.With):
            for item in node.items:
                call = item.context_expr
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("read", "write")
                ):
                    found.append(node.lineno)
    return found


def test_the_ui_opens_no_transaction_every_read_is_a_core_function():
    offenders = [
        f"{p.relative_to(ROOT)}:{line}" for p in _sources("ui") for line in _transactions(p)
    ]
    assert offenders == []


def test_the_checks_see_what_they_look_for(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("def f(project):\n    with project.read() as conn:\n        import sqlite3\n")
    assert _transactions(source) == [2] and _imported(source) == {"sqlite3"}


def test_the_offender_check_sees_nested_imports(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("def f():\n    from PySide6 import QtCore\n    import sqlite3\n")
    assert _imported(source) == {"PySide6", "sqlite3"}
