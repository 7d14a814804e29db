"""File > Export annotator package… and File > Merge annotations from project files…

The desktop workflow for parallel annotation (core/packages.py): the lead gives
each annotator a package — the project's documents and schema, nobody else's
work — and later merges the packages back, documents matched by text. Both are
the lead's work: curators, or anyone while the project has no curator.
Merging is checked first (a dry run shows what would change), then done in
one transaction and one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from core.annotation.annotators import has_curator, read_annotators
from core.io.handoff import MergeReport, PackageReport, export_package, merge_annotations
from core.io.handoff.merge import SetMerge
from core.project.errors import OperationError, ProjectError
from core.project.project import PROJECT_SUFFIX
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text, text_of, translate
from ui.notice import ERROR, INFO
from ui.qt import QtWidgets
from ui.tasks import ProgressDialog, Task

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Refusals and unreadable or unwritable files are shown by their message; anything
# else is a bug and shows as one.
PACKAGE_ERRORS = (OperationError, ProjectError, OSError)


EXPORT_PACKAGES = QT_TRANSLATE_NOOP("Handoff", "export annotator packages")
MERGE = QT_TRANSLATE_NOOP("Handoff", "merge annotators' work into this project")


def lead_refusal(window: MainWindow, doing: str) -> str | None:
    """Why this user may not do the lead's work (`doing`: EXPORT_PACKAGES or MERGE), or
    None when they may."""
    if window.project is None or window.annotator is None:
        return translate("Handoff", "Open a project first.")
    if window.annotator.is_curator:
        return None
    if not has_curator(window.project):
        return None
    return translate(
        "Handoff", "Only a curator can {doing} (Review > Annotators and roles)."
    ).format(doing=translate("Handoff", doing))


class PackageDialog(QtWidgets.QDialog):
    """Whom the package is for, whether it carries their own sets, and where it goes."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Export annotator package"))
        project = window.require_project()  # lead_refusal checked it is open
        names = [a.name for a in read_annotators(project)]
        intro = QtWidgets.QLabel(
            self.tr(
                "A copy of this project with its documents and schema and no one's annotations, "
                "to hand to an annotator. When they are done, merge their copy back with "
                "File > Merge annotations from project files."
            )
        )
        intro.setWordWrap(True)
        self.annotator = QtWidgets.QComboBox()
        self.annotator.setEditable(True)
        self.annotator.addItems(names)
        self.annotator.setCurrentText("")
        name_edit = self.annotator.lineEdit()
        assert name_edit is not None, "an editable combo box has a line edit"
        name_edit.setPlaceholderText(self.tr("the annotator's name"))
        self.include_own = QtWidgets.QCheckBox(
            self.tr("Include the annotator's own sets from this project")
        )
        self.path = QtWidgets.QLineEdit()
        browse = QtWidgets.QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self._folder = project.path.parent
        self.annotator.currentTextChanged.connect(self._suggest_path)
        place = QtWidgets.QHBoxLayout()
        place.addWidget(self.path, 1)
        place.addWidget(browse)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("For"), self.annotator)
        form.addRow("", self.include_own)
        form.addRow(self.tr("Write to"), place)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._project_stem = project.path.stem
        self._update()
        self.resize(560, 0)

    def _suggest_path(self, name: str) -> None:
        name = "-".join(name.split())
        if name:
            self.path.setText(str(self._folder / f"{self._project_stem}-{name}{PROJECT_SUFFIX}"))
        self._update()

    def _browse(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Package file"),
            self.path.text() or str(self._folder),
            self.tr("Tawsim (*.tawsim)"),
        )
        if path:
            self.path.setText(path)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.annotator.currentText().strip() and self.path.text().strip()))

    def chosen(self) -> tuple[str, Path, bool]:
        return (
            self.annotator.currentText().strip(),
            Path(self.path.text().strip()),
            self.include_own.isChecked(),
        )


def export_annotator_package(
    window: MainWindow,
    annotator: str | None = None,
    out: Path | None = None,
    include_own: bool = False,
) -> Task | None:
    """Ask (unless given) and write a package in the background; the notice says how it went."""
    refusal = lead_refusal(window, EXPORT_PACKAGES)
    if refusal is not None:
        window.show_notice(refusal, ERROR)
        return None
    if annotator is None or out is None:
        dialog = PackageDialog(window)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        annotator, out, include_own = dialog.chosen()
    project = window.require_project()  # lead_refusal checked it is open
    task = Task(
        lambda progress: export_package(
            project, out, annotator, include_own=include_own, progress=progress
        ),
        PACKAGE_ERRORS,
        window,
    )
    ProgressDialog(task, translate("Handoff", "Writing the annotator package…"), window)
    task.finished.connect(lambda report: window.show_notice(_package_message(report), INFO))
    task.failed.connect(
        lambda message: window.show_notice(
            translate("Handoff", "No package written: {reason}").format(reason=message), ERROR
        )
    )
    task.cancelled.connect(
        lambda: window.show_notice(translate("Handoff", "No package written (cancelled)."), INFO)
    )
    return window.run_task(task)


def _package_message(report: PackageReport) -> str:
    counts = [Plural.tr("%n document(s)", None, report.documents)]
    if report.own_sets:
        counts.append(Plural.tr("%n of their own set(s)", None, report.own_sets))
    counts.append(Plural.tr("%n region(s) excluded for everyone", None, report.excluded_regions))
    return translate("Handoff", "Package for {annotator} written: {path} ({counts}).").format(
        annotator=report.annotator, path=report.path, counts=list_text(counts)
    )


def merge_summary(report: MergeReport) -> str:
    """How many sets a merge added, replaced or found unchanged (and documents, labels)."""
    parts = [
        Plural.tr("%n set(s) added", None, report.count("added")),
        Plural.tr("%n replaced", None, report.count("replaced")),
        Plural.tr("%n unchanged", None, report.count("unchanged")),
    ]
    documents = sum(len(f.added_documents) for f in report.files)
    if documents:
        parts.append(Plural.tr("%n document(s) added", None, documents))
    if report.labels_added:
        parts.append(Plural.tr("%n label(s) added", None, len(report.labels_added)))
    text = list_text(parts)
    if report.dry_run:
        return translate("Handoff", "Dry run, nothing written: {summary}").format(summary=text)
    return text


def merge_lines(report: MergeReport) -> list[str]:
    """What a merge did (or would do), file by file."""
    out = []
    for f in report.files:
        out.append(f"{f.path}:")
        out.extend(f"  {text_of(note)}" for note in f.notes)
        out.extend(f"  {_set_text(s)}" for s in f.sets if s.action != "unchanged")
        unchanged = f.count("unchanged")
        if unchanged:
            out.append("  " + Plural.tr("%n set(s) already up to date", None, unchanged))
        for title, source in f.unknown_documents:
            out.append(
                "  "
                + translate("Handoff", "Not in this project (not merged): «{title}» {source}")
                .format(title=title[:50], source=source)
                .rstrip()
            )
        for doc_id in f.added_documents:
            out.append("  " + translate("Handoff", "Document added as {id}").format(id=doc_id))
        for title, source, here in f.differing_documents:
            out.append(
                "  "
                + translate(
                    "Handoff",
                    "Text differs from document {id} here (not merged): «{title}» {source}",
                )
                .format(id=here, title=title[:50], source=source)
                .rstrip()
            )
        for damaged in f.damaged_documents:
            out.append(
                "  "
                + translate("Handoff", "Damaged (text does not match its hash): {document}").format(
                    document=damaged
                )
            )
        if f.gold_sets_skipped:
            out.append("  " + Plural.tr("%n gold set(s) not merged", None, f.gold_sets_skipped))
        if f.regions_added:
            out.append(
                "  " + Plural.tr("%n region(s) excluded for everyone added", None, f.regions_added)
            )
    if report.labels_added:
        out.append(
            translate("Handoff", "Labels added: {labels}").format(
                labels=list_text(report.labels_added)
            )
        )
    return out


def _set_text(merged: SetMerge) -> str:
    where = translate("Handoff", "{annotator} on document {id} «{title}»").format(
        annotator=merged.annotator, id=merged.document_id, title=merged.title[:40]
    )
    if merged.action == "added":
        text = translate("Handoff", "Added {where}: {counts}").format(
            where=where, counts=_content_counts(merged.after)
        )
    elif merged.action == "replaced":
        text = translate("Handoff", "Replaced {where}: {before} -> {after}").format(
            where=where,
            before=_content_counts(merged.before),
            after=_content_counts(merged.after),
        )
    else:
        text = translate("Handoff", "Skipped {where}").format(where=where)
    return f"{text} ({text_of(merged.note)})" if merged.note else text


def _content_counts(counts: dict[str, int]) -> str:
    """A set's content counted ("3 entity annotations, 1 event"), as read by SetContent."""
    words = {
        "spans": lambda n: Plural.tr("%n entity annotation(s)", None, n),
        "events": lambda n: Plural.tr("%n event(s)", None, n),
        "arguments": lambda n: Plural.tr("%n event argument(s)", None, n),
        "stances": lambda n: Plural.tr("%n stance(s)", None, n),
        "excluded": lambda n: Plural.tr("%n excluded range(s)", None, n),
    }
    parts = [words[key](n) if key in words else f"{n} {key}" for key, n in counts.items() if n]
    return list_text(parts) or translate("Handoff", "nothing")


class MergeDialog(QtWidgets.QDialog):
    """Project files to merge; Check shows what would change, Merge does it."""

    # the report shown; the name hides QDialog.result() (the result code, which nothing
    # here asks for) and is kept because tests read the text through it
    result: QtWidgets.QPlainTextEdit  # type: ignore[assignment]

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Merge annotations from project files"))
        self.report: MergeReport | None = None
        intro = QtWidgets.QLabel(
            self.tr(
                "Bring annotators' sets back from their packages or other projects. Documents "
                "are matched by their text; merging the same annotator again updates their "
                "sets instead of adding copies. Nothing in this project is lost: the merge is "
                "one step you can undo."
            )
        )
        intro.setWordWrap(True)
        self.paths = QtWidgets.QListWidget()
        add = QtWidgets.QPushButton(self.tr("Add project files…"))
        remove = QtWidgets.QPushButton(self.tr("Remove"))
        add.clicked.connect(self._add_files)
        remove.clicked.connect(self._remove_selected)
        self.add_labels = QtWidgets.QCheckBox(self.tr("Add labels this project's schema lacks"))
        self.add_documents = QtWidgets.QCheckBox(self.tr("Add documents this project lacks"))
        self.result = QtWidgets.QPlainTextEdit()
        self.result.setReadOnly(True)
        self.result.setPlaceholderText(self.tr("Check shows here what merging would do."))
        self.check_button = QtWidgets.QPushButton(self.tr("Check"))
        self.merge_button = QtWidgets.QPushButton(self.tr("Merge"))
        close = QtWidgets.QPushButton(self.tr("Close"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.merge_button.clicked.connect(lambda: self.run(dry_run=False))
        close.clicked.connect(self.reject)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.paths)
        layout.addLayout(row)
        layout.addWidget(self.add_labels)
        layout.addWidget(self.add_documents)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        for signal in (self.paths.model().rowsInserted, self.paths.model().rowsRemoved):
            signal.connect(self._update)
        self._update()
        self.resize(640, 520)

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        for path in paths:
            self.paths.addItem(str(path))

    def chosen(self) -> list[Path]:
        return [Path(self.paths.item(i).text()) for i in range(self.paths.count())]

    def _add_files(self) -> None:
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self,
            self.tr("Project files to merge"),
            str(self.window_.require_project().path.parent),  # the dialog is window-modal
            self.tr("Tawsim projects (*.tawsim)"),
        )
        self.add_paths(files)

    def _remove_selected(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))

    def _update(self) -> None:
        has_files = self.paths.count() > 0
        self.check_button.setEnabled(has_files)
        self.merge_button.setEnabled(has_files)

    def run(self, dry_run: bool) -> Task | None:
        self.check_button.setEnabled(False)
        self.merge_button.setEnabled(False)
        task = merge_project_files(
            self.window_,
            self.chosen(),
            add_labels=self.add_labels.isChecked(),
            add_documents=self.add_documents.isChecked(),
            dry_run=dry_run,
        )
        if task is None:
            self._update()
            return None
        task.finished.connect(self._show_report)
        task.failed.connect(self._show_error)
        task.cancelled.connect(lambda: self._show_error(self.tr("cancelled")))
        return task

    def _show_report(self, report: MergeReport) -> None:
        self.report = report
        self.result.setPlainText("\n".join([merge_summary(report), "", *merge_lines(report)]))
        self._update()

    def _show_error(self, message: str) -> None:
        self.result.setPlainText(self.tr("Nothing was merged: {reason}").format(reason=message))
        self._update()


def merge_project_files(
    window: MainWindow,
    paths: list[Path],
    *,
    add_labels: bool = False,
    add_documents: bool = False,
    dry_run: bool = False,
) -> Task | None:
    """Merge (or, with `dry_run`, check) in the background; a real merge redraws the window."""
    refusal = lead_refusal(window, MERGE)
    if refusal is not None:
        window.show_notice(refusal, ERROR)
        return None
    project = window.require_project()  # lead_refusal checked it is open
    task = Task(
        lambda progress: merge_annotations(
            project,
            paths,
            add_labels=add_labels,
            add_documents=add_documents,
            dry_run=dry_run,
            progress=progress,
        ),
        PACKAGE_ERRORS,
        window,
    )
    ProgressDialog(
        task,
        translate("Handoff", "Checking the project files…")
        if dry_run
        else translate("Handoff", "Merging annotations…"),
        window,
    )

    def merged(report: MergeReport) -> None:
        if report.changes:
            window.emit_changes(report.changes)
        window.show_notice(
            translate("Handoff", "Merged: {summary}.").format(summary=merge_summary(report)), INFO
        )

    if not dry_run:
        task.finished.connect(merged)
        task.failed.connect(
            lambda message: window.show_notice(
                translate("Handoff", "Nothing was merged: {reason}").format(reason=message), ERROR
            )
        )
    return window.run_task(task)


def open_merge_dialog(window: MainWindow) -> MergeDialog | None:
    refusal = lead_refusal(window, MERGE)
    if refusal is not None:
        window.show_notice(refusal, ERROR)
        return None
    dialog = MergeDialog(window)
    dialog.open()
    return dialog


def install(window: MainWindow) -> None:
    """File > Export annotator package… and Merge annotations…, before Switch annotator."""
    window.add_action(
        "file",
        translate("Handoff", "Export annotator &package…"),
        lambda: export_annotator_package(window),
        icon_name="mdi6.package-variant-closed",
        before="file.switch_annotator",
    )
    window.add_action(
        "file",
        translate("Handoff", "&Merge annotations from project files…"),
        lambda: open_merge_dialog(window),
        icon_name="mdi6.call-merge",
        before="file.switch_annotator",
    )
    window.menu("file").insertSeparator(window.actions["file.switch_annotator"])
