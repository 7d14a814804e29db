"""Exports: dataset -> formatter -> atomic writer.

`export_dataset(project, "jsonl", "gold.jsonl")` reads the selected annotation
sets (core.io.dataset), hands each record to the format's writer
(core.io.formats.<format>), and moves the files into place only when every record
was written. A failure or a cancel (`Cancelled`, when the progress callback returns
False) leaves nothing under the final name and no temporary file; a full disk or a
folder that refuses the files is one OutputError naming the output.
"""

from __future__ import annotations

import contextlib
import importlib.util
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.io.dataset import Dataset, Selection, open_dataset
from core.io.formats import FormatInfo, format_info, module
from core.io.formats.common import ExportContext, FormatWriter
from core.io.formats.jsonl import FORMAT_NAME, FORMAT_VERSION
from core.project.atomic import AtomicOutput, output_error
from core.project.errors import OperationError, OutputError
from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.review.agreement.report import summary_figures
from core.version import APP_NAME, APP_VERSION
from models.messages import Message
from models.tables import utc_now


@dataclass
class ExportReport:
    format: str
    paths: list[Path] = field(default_factory=list)
    records: int = 0
    documents: int = 0
    entities: int = 0
    events: int = 0
    arguments: int = 0
    stances: int = 0
    documents_without_set: list[int] = field(default_factory=list)
    left_out: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        where = ", ".join(str(p) for p in self.paths)
        parts = [
            f"{self.records:,} record(s) of {self.documents:,} document(s)",
            f"{self.entities:,} entities",
            f"{self.events:,} events ({self.arguments:,} arguments)",
            f"{self.stances:,} stances",
        ]
        return f"wrote {where}: " + ", ".join(parts)

    def details(self) -> list[str]:
        """Lines worth showing the user: what was skipped or left out, and why."""
        lines = []
        if self.documents_without_set:
            lines.append(
                f"{len(self.documents_without_set):,} document(s) have no matching annotation "
                "set and were skipped"
            )
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"left out: {count:,} {reason}")
        lines.extend(self.warnings)
        return lines


def export_provenance(project: Project, selection: Selection) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "project": project.name,
        "selection": selection.describe(),
        "schema_revision": project.setting("schema_revision"),
        "application": APP_NAME,
        "application_version": APP_VERSION,
        "exported_at": utc_now(),
    }


def export_dataset(
    project: Project,
    format_key: str,
    out: str | Path,
    selection: Selection | None = None,
    options: dict[str, str] | None = None,
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> ExportReport:
    """Write the selected annotation sets to `out` in a format; see the module docstring.

    Raises OperationError (nothing written) for a bad choice: unknown format, option,
    annotator or document, or nothing to export; OutputError for an output place that
    cannot be used (a read-only target is replaced only with `force`); Cancelled when
    `progress` asks to stop.
    """
    started = time.perf_counter()
    selection = selection or Selection()
    info, resolved = _format_and_options(format_key, options)
    out = _with_suffix(Path(out), info)
    report = ExportReport(format=format_key)
    formatter = module(format_key)
    with open_dataset(project, selection) as dataset:
        report.documents_without_set = list(dataset.documents_without_set)
        if not dataset.planned:
            raise OperationError(_nothing_message(selection, len(dataset.documents_without_set)))
        context = ExportContext(
            schema=dataset.schema,
            selection=selection,
            provenance=export_provenance(project, selection),
            options={**resolved, "max_text_length": dataset.max_text_length},
            documents=tuple(dict.fromkeys(p.document_id for p in dataset.planned)),
        )
        if resolved.get("agreement") == "yes":
            context.agreement = summary_figures(project, selection.documents)
        output = AtomicOutput(
            out,
            folder=info.folder,
            replaceable=getattr(formatter, "REPLACEABLE", (".txt",)),
            force=force,
        )
        _write_records(formatter.Writer, output, context, dataset, report, progress)
    report.left_out.update(context.left_out)
    report.warnings.extend(context.warnings)
    report.seconds = time.perf_counter() - started
    return report


def _format_and_options(
    format_key: str, options: dict[str, str] | None
) -> tuple[FormatInfo, dict[str, str]]:
    """The format and its options with defaults filled in; OperationError for an unknown
    format or option, or a format whose Python package is not installed."""
    try:
        info = format_info(format_key)
        resolved = info.resolve_options(options)
    except ValueError as err:
        raise OperationError(str(err)) from None
    if info.needs and importlib.util.find_spec(info.needs) is None:
        raise OperationError(
            f"the {info.title} export needs the Python package {info.needs!r}, which is not "
            f"installed (pip install {info.needs})"
        )
    return info, resolved


def _write_records(
    make_writer: type[FormatWriter],
    output: AtomicOutput,
    context: ExportContext,
    dataset: Dataset,
    report: ExportReport,
    progress: Progress | None,
) -> None:
    """Every record through the format's writer, counted in `report`; the files are moved
    into place only when all were written, and removed on any failure or cancel."""
    total = len(dataset.planned)
    documents: set[int] = set()
    writer: FormatWriter | None = None
    try:
        writer = make_writer(output, context)
        for done, record in enumerate(dataset):
            report_progress(progress, done, total, record.title)
            writer.write(record)
            report.records += 1
            documents.add(record.document_id)
            report.entities += len(record.entities)
            report.events += len(record.events)
            report.arguments += sum(len(e.arguments) for e in record.events)
            report.stances += len(record.stances)
            report.left_out.update(dict(record.left_out))
        writer.close()
        report.paths = output.commit()
    except BaseException as err:
        if writer is not None:
            # closing a file on a full disk fails again: the temporary files must go anyway
            with contextlib.suppress(OSError):
                writer.abort()
        output.discard()
        if isinstance(err, OSError):
            raise output_error(output.target, err) from None
        raise
    if progress is not None:
        progress(total, total, "")  # done: a late cancel changes nothing
    report.documents = len(documents)


def _with_suffix(out: Path, info: FormatInfo) -> Path:
    """Where a format whose files are opened by their extension (Excel) is written: a
    name without one gets it, another one is refused."""
    if not info.suffix_required or out.suffix.lower() == info.suffix:
        return out
    if out.suffix:
        raise OutputError(
            Message(
                "{path}: an {format} needs the {suffix} extension (programs open it by its "
                "name); nothing was written",
                path=str(out),
                format=info.title,
                suffix=info.suffix,
            )
        )
    return out.with_name(out.name + info.suffix)


def _nothing_message(selection: Selection, without: int) -> Message:
    finished = selection.finished_only
    if selection.sets == "gold":
        what = Message("a finished gold set") if finished else Message("a gold set")
    elif selection.sets == "all":
        what = Message("any finished annotation set") if finished else Message("any annotation set")
    elif finished:
        what = Message("a finished set by {name}", name=selection.annotator)
    else:
        what = Message("a set by {name}", name=selection.annotator)
    if selection.documents is not None:
        message = Message("nothing to export: none of the selected documents has {what}", what=what)
    else:
        message = Message("nothing to export: no document has {what}", what=what)
    if selection.sets == "gold":
        return Message(
            "{message} (curate a gold standard first, or export an annotator's sets)",
            message=message,
        )
    return message


__all__ = ["ExportReport", "export_dataset", "export_provenance"]
