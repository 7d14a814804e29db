"""Tawsim: `python main.py` opens the window; `python main.py <command>` runs headless."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path


def has_library(name: str) -> bool:
    """Whether the shared library `name` (as for ctypes.util.find_library) can be loaded:
    the installed bundle carries its own copies, next to sys._MEIPASS; otherwise the
    system must have it."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle and any(Path(bundle).glob(f"lib{name}.so*")):
        return True
    return ctypes.util.find_library(name) is not None


def display_problem() -> str | None:
    """Why a window cannot open here, or None. Checked before Qt loads, because Qt
    aborts the process (instead of raising) when no display or platform plugin works."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return (
            "Tawsim needs a graphical display to open its window, and none was found "
            "(DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "On a machine without a screen, use the headless commands instead, for example:\n"
            "  python main.py import --project P.tawsim FILES...\n"
            "  python main.py stats --project P.tawsim\n"
            "  python main.py --help\n"
            "or run the window on a virtual screen: xvfb-run python main.py"
        )
    if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        missing = [lib for lib in ("xcb-cursor", "xkbcommon-x11") if not has_library(lib)]
        if missing:
            packages = " ".join(
                {"xcb-cursor": "libxcb-cursor0", "xkbcommon-x11": "libxkbcommon-x11-0"}[m]
                for m in missing
            )
            return (
                "Qt's X11 support needs system libraries that are missing "
                f"({', '.join(missing)}).\n"
                f"Install them with: sudo apt-get install -y {packages}"
            )
    return None


def close_when_shown() -> None:
    """With TAWSIM_CLOSE_WHEN_SHOWN=1, once the window is up: print its title, open Help >
    About and print its text, then close both as a user would (the normal way out, so the
    exit status means something). The smoke test of the installed bundle uses this
    (packaging/, `make package-test`): a frozen app runs no code but its own."""
    import re

    from ui.qt import QtCore, QtWidgets

    if not QtWidgets.QApplication.instance():
        QtWidgets.QApplication(sys.argv)

    def say(what: str, html: str) -> None:
        print(f"{what}: {' '.join(re.sub('<[^>]*>', ' ', html).split())}", flush=True)

    def close_dialog() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if isinstance(box, QtWidgets.QMessageBox):
            say("dialog", box.text())
            box.done(0)

    def close_window() -> None:
        from ui.main_window import MainWindow

        windows = [
            w
            for w in QtWidgets.QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:  # not up yet, or a message box came first (it would be closed)
            close_dialog()
            QtCore.QTimer.singleShot(50, close_window)
            return
        say("window", windows[0].windowTitle())
        QtCore.QTimer.singleShot(0, close_dialog)
        windows[0].actions["help.about"].trigger()
        windows[0].close()

    QtCore.QTimer.singleShot(0, close_window)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # numpy's OpenBLAS would start a thread per core that spins while it waits: the
    # matrix products here (agreement's bootstrap) gain no time from them, and the
    # spinning costs as much CPU as the products themselves (a user's setting is kept)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from cli.main import build_parser, run

    parser = build_parser()
    args, _ = parser.parse_known_args(argv)
    if getattr(args, "handler", None) is not None or any(
        a in ("-h", "--help", "--version") for a in argv
    ):
        return run(argv)
    args = parser.parse_args(argv)
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if os.environ.get("TAWSIM_CLOSE_WHEN_SHOWN"):
        close_when_shown()
    from ui.app import run_app

    return run_app(project_path=args.project)


if __name__ == "__main__":
    import multiprocessing

    # the bundle starts itself again to train recommenders in a child process
    # (core.recommend.isolated); this hands such a start to the child's work
    multiprocessing.freeze_support()
    sys.exit(main())
