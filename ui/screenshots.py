"""Render the main views to PNG files: `python -m ui.screenshots OUT_DIR` (offscreen)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(out_dir: Path) -> list[Path]:
    from core.demo import create_demo_project
    from ui.fonts import load_bundled_fonts
    from ui.main_window import MainWindow
    from ui.qt import QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    load_bundled_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TAWSIM_HOME"] = tmp
        project = create_demo_project(Path(tmp) / "demo.tawsim")
        window = MainWindow(project)
        window.resize(1280, 800)
        window.show()
        window.document_list.setCurrentIndex(window.documents.index(3))
        app.processEvents()
        path = out_dir / "main-window.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
        project.close()
    return written


if __name__ == "__main__":
    for written in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written)
