"""Nothing to lose on a crash: the real window, an annotation, then SIGKILL."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT, subprocess_env

pytestmark = pytest.mark.slow

DRIVE_WINDOW = r"""
import sys, time
from core.project.project import Project
from ui.app import make_application
from ui.main_window import MainWindow
from ui.qt import Qt, QtGui, QtWidgets

app = make_application()
window = MainWindow(Project.open(sys.argv[1]), annotator="Salma")
window.show()
app.processEvents()
window.open_document(3)
editor = window.editor
start = editor.text.index("بلومبرغ")
editor.select_range(start, start + 7)
key_2 = (Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier, "2")
press = QtGui.QKeyEvent(QtGui.QKeyEvent.Type.KeyPress, *key_2)
QtWidgets.QApplication.sendEvent(editor, press)
print("annotated", start, len(editor.layer.spans), flush=True)
while True:  # the annotator goes on working... until the process is killed
    app.processEvents()
    time.sleep(0.02)
"""


def test_an_annotation_survives_the_process_being_killed(seeded_project):
    path = seeded_project.path
    seeded_project.close()
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVE_WINDOW, str(path)],
        cwd=ROOT,
        env=subprocess_env(QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("annotated"), child.stderr.read()
        _, start, shown = line.split()
        assert shown == "1"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    con = sqlite3.connect(path)
    rows = con.execute(
        'SELECT s.document_id, e.start, e."end", l.key FROM entity_span e '
        "JOIN annotation_set s ON s.id = e.set_id JOIN annotator a ON a.id = s.annotator_id "
        "JOIN label l ON l.id = e.label_id WHERE a.name = 'Salma'"
    ).fetchall()
    con.close()
    assert rows == [(3, int(start), int(start) + 7, "ORG")]
