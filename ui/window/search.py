"""Searching: the find bar under the text, search in all documents (a dock), and the
corpus index behind it.

Writes `window.corpus_index`. The index is built off the GUI thread right after a
project opens; documents added or removed meanwhile are applied once it is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.collector import settle_memory
from core.documents.search import CorpusIndex
from core.project.changes import Changes
from ui.i18n import Translatable
from ui.notice import ERROR
from ui.qt import Qt
from ui.tasks import Task
from ui.window import TASK_ERRORS

if TYPE_CHECKING:
    from core.project.project import Project
    from ui.main_window import MainWindow


class Search(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        self._pending: list[Changes] = []  # documents added or removed while indexing

    def show_find_bar(self) -> None:
        editor = self.window.editor
        if self.window.current_document_id is None:
            return
        pending = editor.raw_selection()
        initial = editor.text[pending[0] : pending[1]] if pending else ""
        self.window.find_bar.open_bar(initial)

    def show_corpus_search(self) -> None:
        window, panel = self.window, self.window.search_panel
        dock = window.docks["search"]
        opening = not dock.isVisible()
        dock.show()
        dock.raise_()
        if opening and not dock.isFloating():  # a strip under the text, not half of it
            height = max(160, window.height() // 4)
            window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        pending = window.editor.raw_selection()
        if pending and not panel.query.text():
            panel.query.setText(window.editor.text[pending[0] : pending[1]])
        panel.query.setFocus()
        panel.query.selectAll()

    # --- the corpus index

    def forget_index(self) -> None:
        self.window.corpus_index = None
        self.window.editor.project_words = frozenset()
        self._pending = []

    def start_index(self, project: Project) -> None:
        window = self.window
        index = CorpusIndex(project)
        window.corpus_index = index
        window.search_panel.set_source(project, index)
        task = Task(index.build, TASK_ERRORS, window, background=True)
        task.finished.connect(lambda _result, i=index: self._index_built(i))
        task.failed.connect(
            lambda message: window.show_notice(
                self.tr("The search index could not be built: {reason}").format(reason=message),
                ERROR,
            )
        )
        window.run_task(task)

    def _index_built(self, index: CorpusIndex) -> None:
        if index is not self.window.corpus_index:
            return
        for changes in self._pending:
            index.apply(changes)
        self._pending = []
        # clitic evidence from every document from now on (kept current by the index)
        self.window.editor.project_words = index.words
        self.window.search_panel.index_ready(index)
        settle_memory()  # the index is large: the collector walks it no more

    def apply(self, changes: Changes) -> None:
        """Documents added or removed: the index follows (once it is built)."""
        index = self.window.corpus_index
        if index is not None and (changes.documents_added or changes.documents_removed):
            if index.built:
                index.apply(changes)
            else:
                self._pending.append(changes)
