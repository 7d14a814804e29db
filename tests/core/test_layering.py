"""core/ and models/ never load Qt: they run on a server, in scripts and in workers."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, subprocess_env


def test_importing_every_core_and_models_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for package in ("core", "models")
        for p in (ROOT / package).rglob("*.py")
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "gui = ('PySide6', 'shiboken6', 'qtawesome', 'qtpy')\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in gui)\n"
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


def test_core_sources_have_no_qt_import_statements():
    offenders = [
        str(p.relative_to(ROOT))
        for package in ("core", "models")
        for p in (ROOT / package).rglob("*.py")
        if any(
            line.lstrip().startswith(
                ("import PySide6", "from PySide6", "import qtawesome", "from ui")
            )
            for line in Path(p).read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
