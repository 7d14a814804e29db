"""The editor (issue: annotation editor): opening, repainting, start-up, memory.

Times are wall-clock medians; `cpu_ms` is the process's CPU time for the same
work, which shows what the work costs when other processes share the machine.

- a 200 KB article with 10,000 spans opens (text shown and highlighted) < 300 ms
- adding or removing one span repaints < 20 ms (the UI's part, until every panel
  has settled; the committed write, with its fsync, is reported separately);
  `span_add_text_repainted` is the part until the text itself is repainted
- the app starts to a usable window < 2 s (a fresh process)
- a 10,000-document project open (with its search index built) < 300 MB RSS
- while the search index of that project is built (in the background, after opening),
  the window shows < 1 s after it is made and a step to the next document < 100 ms
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import long_article_project, report, synthetic_articles

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_BYTES = 200_000
SPANS = 10_000


def build_big_article_project(folder: Path):
    from core.annotation.annotators import ensure_annotator
    from core.annotation.sets import ensure_set
    from models.tables import EntitySpan

    project, text, words = long_article_project(folder, "editor.tawsim", ARTICLE_BYTES)
    annotator = ensure_annotator(project, "bench").value
    labels = [label.id for label in project.schema.entity_labels]
    step = max(1, len(words) // SPANS)
    rows = []
    for n, i in enumerate(range(0, len(words), step)):
        if len(rows) == SPANS:
            break
        token = words[i]
        if n % 10 == 0 and i + 1 < len(words):  # every tenth: an outer span over two words
            rows.append({"start": token.start, "end": words[i + 1].end, "label_id": labels[n % 9]})
        else:
            rows.append({"start": token.start, "end": token.end, "label_id": labels[n % 9]})
    with project.write() as tx:
        set_id = ensure_set(tx, 1, annotator)
        tx.insert_many(EntitySpan, [{**r, "set_id": set_id} for r in rows])
    return project, text, len(rows)


def bench_open_and_repaint() -> None:
    from core.annotation.spans import annotate, delete_span
    from core.collector import settle_memory
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.qt import QtWidgets

    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TAWSIM_HOME"] = tmp
        project, text, count = build_big_article_project(Path(tmp))
        window = MainWindow(project, annotator="bench")
        window.resize(1280, 820)
        window.show()
        window.wait_for_tasks()
        QtWidgets.QApplication.processEvents()
        settle_memory()  # as ui.app.run_app does once the window is up
        editor = window.editor
        times, cpu = [], []
        for _ in range(5):
            window.current_document_id = None
            editor.clear_document()
            QtWidgets.QApplication.processEvents()
            start, start_cpu = time.perf_counter(), time.process_time()
            window.open_document(1)
            editor.viewport().repaint()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert len(editor.layer.spans) == count
        report(
            "editor_open_200kb_10k_spans",
            statistics.median(times) * 1000,
            "ms",
            300,
            bytes=len(text.encode("utf-8")),
            characters=len(text),
            spans=count,
            paragraphs=editor.document().blockCount(),
            cpu_ms=round(statistics.median(cpu) * 1000, 1),
        )

        # add and remove a span in view: the UI's part (read the changed rows, re-highlight
        # the touched paragraph, patch the lists, process the repaints it asked for) and
        # the whole (including the committed write)
        visible = editor.cp_position(
            editor.cursorForPosition(editor.viewport().rect().center()).position()
        )
        word_start = text.rfind(" ", 0, visible) + 1
        word_end = text.find(" ", word_start)
        label = project.schema.entity_labels[0].id
        add_ui, add_total, remove_ui, remove_total, blocks = [], [], [], [], []
        add_cpu, remove_cpu, add_shown = [], [], []
        # when the text's repaint (the last thing it paints) is done, before the panels'
        painted: list[float] = []
        editor.add_painter(lambda *_: painted.append(time.perf_counter()))
        for _ in range(15):
            t0 = time.perf_counter()
            result = annotate(project, 1, window.annotator.id, word_start, word_end, label)
            t1, c1 = time.perf_counter(), time.process_time()
            before = editor.highlighter.blocks_highlighted
            painted.clear()
            window.emit_changes(result.changes)
            QtWidgets.QApplication.processEvents()  # the repaints the window asked for
            t2 = time.perf_counter()
            add_cpu.append(time.process_time() - c1)
            blocks.append(editor.highlighter.blocks_highlighted - before)
            add_shown.append(painted[-1] - t1)
            add_ui.append(t2 - t1)
            add_total.append(t2 - t0)
            t0 = time.perf_counter()
            removed = delete_span(project, result.value)
            t1, c1 = time.perf_counter(), time.process_time()
            window.emit_changes(removed.changes)
            QtWidgets.QApplication.processEvents()
            t2 = time.perf_counter()
            remove_cpu.append(time.process_time() - c1)
            remove_ui.append(t2 - t1)
            remove_total.append(t2 - t0)
        report(
            "span_add_repaint",
            statistics.median(add_ui) * 1000,
            "ms",
            20,
            paragraphs_rehighlighted=max(blocks),
            cpu_ms=round(statistics.median(add_cpu) * 1000, 1),
        )
        report(
            "span_remove_repaint",
            statistics.median(remove_ui) * 1000,
            "ms",
            20,
            cpu_ms=round(statistics.median(remove_cpu) * 1000, 1),
        )
        report("span_add_text_repainted", statistics.median(add_shown) * 1000, "ms")
        report("span_add_with_committed_write", statistics.median(add_total) * 1000, "ms")
        report("span_remove_with_committed_write", statistics.median(remove_total) * 1000, "ms")
        window.close()
        project.close()


STARTUP = r"""
import sys, time
t0 = float(sys.argv[2])
from core.project.project import Project
from core.collector import settle_memory
from ui.app import make_application
from ui.main_window import MainWindow
from ui.qt import QtWidgets
app = make_application()
window = MainWindow(Project.open(sys.argv[1]), annotator="bench")
window.show()
settle_memory()
window.editor.viewport().repaint()
QtWidgets.QApplication.processEvents()
assert window.editor.text
print(time.time() - t0, time.process_time(), flush=True)
"""

MEMORY = r"""
import sys
from core.project.project import Project
from ui.app import make_application
from ui.main_window import MainWindow
from ui.qt import QtWidgets
app = make_application()
window = MainWindow(Project.open(sys.argv[1]), annotator="bench")
window.resize(1280, 820)
window.show()
window.wait_for_tasks()
assert window.corpus_index.built
window.documents.view.scrollToBottom()
QtWidgets.QApplication.processEvents()
window.step_document(+1)
window.search_panel.query.setText("ميتا")
window.search_panel.run()
QtWidgets.QApplication.processEvents()
for line in open("/proc/self/status"):
    if line.startswith(("VmRSS", "VmHWM")):
        print(line.split()[0].rstrip(":"), int(line.split()[1]) / 1024, flush=True)
"""


def _child_env(home: str) -> dict[str, str]:
    env = dict(os.environ, TAWSIM_HOME=home, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # a user's start reads the compiled modules the first start wrote
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def bench_startup() -> None:
    from core.documents.demo import create_demo_project

    with tempfile.TemporaryDirectory() as tmp:
        create_demo_project(Path(tmp) / "demo.tawsim").close()
        times, cpu = [], []
        for run in range(4):  # the first compiles the modules, as a first start does
            out = subprocess.run(
                [sys.executable, "-c", STARTUP, str(Path(tmp) / "demo.tawsim"), repr(time.time())],
                cwd=ROOT,
                env=_child_env(tmp),
                capture_output=True,
                text=True,
                check=True,
            )
            wall, cpu_s = out.stdout.strip().splitlines()[-1].split()
            if run == 0:
                first = float(wall)
                continue
            times.append(float(wall))
            cpu.append(float(cpu_s))
        report(
            "startup_to_usable_window",
            statistics.median(times),
            "s",
            2.0,
            runs=len(times),
            cpu_s=round(statistics.median(cpu), 2),
            first_start_s=round(first, 2),
        )


WHILE_INDEXING = r"""
import statistics, sys, time
from core.project.project import Project
from ui.app import make_application
from ui.main_window import MainWindow
from ui.qt import QtWidgets
app = make_application()
started = time.perf_counter()
window = MainWindow(Project.open(sys.argv[1]), annotator="bench")
window.resize(1280, 820)
window.show()
QtWidgets.QApplication.processEvents()
shown = time.perf_counter() - started
steps = []
for _ in range(7):
    step = time.perf_counter()
    window.step_document(+1)
    QtWidgets.QApplication.processEvents()
    steps.append(time.perf_counter() - step)
building = not window.corpus_index.built
print("shown", shown)
print("step", statistics.median(steps))
print("slowest", max(steps))
print("building", int(building))
window.wait_for_tasks()
window.close()
"""


def bench_memory() -> None:
    """The 10,000-document project open: its memory once the search index is built, and
    how quick the window is while it is being built."""
    from core.documents.importing import import_documents
    from core.project.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        articles = synthetic_articles(10_000)
        jsonl = Path(tmp) / "corpus.jsonl"
        jsonl.write_text(
            "\n".join(json.dumps({"text": a}, ensure_ascii=False) for a in articles),
            encoding="utf-8",
        )
        project = Project.create(Path(tmp) / "big.tawsim")
        import_documents(project, [jsonl], undo_name=None)
        project.close()
        values = _child_values(MEMORY, Path(tmp) / "big.tawsim", tmp)
        report(
            "memory_10k_documents_open",
            values["VmRSS"],
            "MB",
            300,
            peak_mb=round(values["VmHWM"], 1),
            documents=10_000,
            megachars=round(sum(len(a) for a in articles) / 1e6, 1),
        )
        values = _child_values(WHILE_INDEXING, Path(tmp) / "big.tawsim", tmp)
        report("window_shown_while_indexing_10k", values["shown"], "s", 1.0)
        report(
            "document_step_while_indexing_10k",
            values["step"] * 1000,
            "ms",
            100,
            slowest_ms=round(values["slowest"] * 1000, 1),
            # 0: the index was built before the last step, which then measured less
            index_still_building=int(values["building"]),
        )


def _child_values(script: str, project: Path, home: str) -> dict[str, float]:
    """The `name value` lines a script run in a fresh process prints."""
    out = subprocess.run(
        [sys.executable, "-c", script, str(project)],
        cwd=ROOT,
        env=_child_env(home),
        capture_output=True,
        text=True,
        check=True,
    )
    pairs = (line.split() for line in out.stdout.splitlines())
    return {name: float(value) for name, value in pairs}


def main() -> None:
    bench_open_and_repaint()
    bench_startup()
    bench_memory()


if __name__ == "__main__":
    main()
