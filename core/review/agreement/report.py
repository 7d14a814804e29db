"""The agreement report and the disagreement list: as text, XLSX, CSV and JSON.

Files are written atomically (a temporary file next to the target, then
renamed), so a failed export leaves no half-written file and keeps an older
one intact.

* XLSX: a header row in bold, frozen; sheets holding Arabic text (documents,
  disagreements) are right-to-left. Text that starts with ``= + - @`` is
  written as text, never as a formula.
* CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Arabic):
  the report as one row per figure; such text gets a leading apostrophe, as
  spreadsheets would otherwise run it as a formula (use JSON for the exact text).
* JSON: `AgreementReport.to_json()`; disagreements as a list of objects.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.project.atomic import write_atomically
from core.project.errors import OperationError
from core.project.project import Project
from core.review.agreement.disagreements import KINDS, Disagreement
from core.review.agreement.project import compute_agreement
from core.review.agreement.results import (
    ENTITIES,
    LAYER_TITLES,
    MEASURE_BY_KEY,
    MEASURES,
    SEMEVAL_MEASURES,
    AgreementReport,
    Figure,
    MeasureInfo,
)
from core.review.agreement.semeval import KINDS as SEMEVAL_KINDS
from core.review.agreement.semeval import SCHEMAS
from core.review.agreement.study import AgreementOptions

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

REPORT_SUFFIXES = (".xlsx", ".json", ".csv")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GOLD = "gold"  # the gold set, where an annotator's name would be
POOLED = ("all pairs", "pooled")  # the pooled figure, where a pair's names would be


# --- text, for the command line -----------------------------------------------------------


def _cell(figure: Figure) -> str:
    return figure.text(3) if figure.defined else "—"


def format_report(report: AgreementReport, documents_shown: int = 5) -> str:
    """The report as text: who and what was compared, then a table per layer."""
    lines = _heading_lines(report)
    if len(report.annotators) < 2:
        lines.append("Nothing to compare: agreement needs two annotators with finished documents.")
        return "\n".join(lines)
    for layer, title in LAYER_TITLES.items():
        lines += ["", title.upper()]
        lines += _layer_lines(report, layer, documents_shown)
        if layer == ENTITIES:
            lines += _semeval_lines(report)
    return "\n".join(lines)


def _heading_lines(report: AgreementReport) -> list[str]:
    """Who was compared over what, the restrictions, and what was left out."""
    names = [a.name for a in report.annotators]
    options = report.options
    scope = "finished and in-progress sets" if options.include_unfinished else "finished sets only"
    lines = [
        f"Agreement — {report.project}: {len(names)} annotator(s)"
        + (f" ({', '.join(names)})" if names else "")
        + f", {len(report.documents)} document(s) compared, {scope}",
    ]
    restrictions = []
    if options.documents:
        restrictions.append(f"documents {', '.join(map(str, options.documents))}")
    if options.labels:
        restrictions.append(f"labels {', '.join(options.labels)}")
    if restrictions:
        lines.append("Restricted to " + "; ".join(restrictions))
    left = [
        f"{report.name(a)}: " + ", ".join(f"{n} {what}" for what, n in c.to_json().items() if n)
        for a, c in report.left_out.items()
        if any(c.to_json().values())
    ]
    if left:
        lines.append(
            "Left out (excluded text, deleted spans, repeated stances): " + "; ".join(left)
        )
    return lines


def _layer_lines(report: AgreementReport, layer: str, documents_shown: int) -> list[str]:
    """One layer's table: a row per pair, overall with its interval, per label, and the
    documents that agree least."""
    pair_names = [f"{report.name(a)} × {report.name(b)}" for a, b in report.pairs]
    measures = [m for m in MEASURES if m.layer == layer and m.key not in SEMEVAL_MEASURES]
    results = [report.measures[m.key] for m in measures]
    labels = list(dict.fromkeys(k for r in results for k in r.by_label))
    first = max(len(n) for n in [*pair_names, "overall", *labels]) + 2
    widths = [max(14, len(m.title)) + 2 for m in measures]

    def row(name: str, figures: list[Figure | None]) -> str:
        cells = "".join(
            f"{_cell(f) if f is not None else '':>{w}}"
            for f, w in zip(figures, widths, strict=True)
        )
        return f"  {name:<{first}}" + cells

    lines = [
        " " * (first + 2)
        + "".join(f"{m.title:>{w}}" for m, w in zip(measures, widths, strict=True))
    ]
    for (a, b), name in zip(report.pairs, pair_names, strict=True):
        lines.append(row(name, [report.pair_figure(m.key, a, b) for m in measures]))
    lines.append(row("overall", [r.overall for r in results]))
    lines.append(
        f"  {'95% CI':<{first}}"
        + "".join(
            f"{r.overall.interval_text(2):>{w}}" for r, w in zip(results, widths, strict=True)
        )
    )
    meanings: dict[str, list[str]] = {}
    for m in measures:
        meanings.setdefault(m.overall_title, []).append(m.title)
    lines.append("  overall = " + "; ".join(f"{k} ({', '.join(v)})" for k, v in meanings.items()))
    for reason in sorted({r.overall.undefined for r in results if r.overall.undefined}):
        lines.append(f"  — {reason}")
    if labels:
        kind = next(m.label_title for m in measures if m.label_title).lower()
        lines.append(f"  per {kind}:")
        for label in labels:
            lines.append(row(label, [r.by_label.get(label) for r in results]))
    key = measures[0].per_document
    rows = [r for r in report.documents_by_agreement(key) if r[1].defined][:documents_shown]
    if rows:
        lines.append(f"  lowest {MEASURE_BY_KEY[key].title} per document:")
        for doc, figure in rows:
            lines.append(f"    {figure.text(3)}  {doc.id:>6}  {doc.title[:60]}")
    return lines


def _semeval_lines(report: AgreementReport) -> list[str]:
    rows = semeval_rows(report)
    if not rows:
        return []
    lines = [
        "",
        "SEMEVAL-2013 SPAN SCORES (reference × compared; COR INC PAR MIS SPU, precision, "
        "recall, F1 [95% CI])",
    ]
    width = max(len(f"{r['annotator_a']} × {r['annotator_b']}") for r in rows) + 2
    for row in rows:
        counts = " ".join(f"{row[kind]:>5}" for kind in SEMEVAL_KINDS)
        interval = (
            f" [{row['ci_low']:.2f}, {row['ci_high']:.2f}]" if row["ci_low"] is not None else ""
        )
        name = f"{row['annotator_a']} × {row['annotator_b']}"
        if row["annotator_a"] == POOLED[0]:
            name = ", ".join(POOLED)
        lines.append(
            f"  {name:<{width}}{row['schema']:<8}{counts}  "
            f"{row['precision']:.3f} {row['recall']:.3f} {row['f1']:.3f}{interval}"
        )
    return lines


# --- rows ---------------------------------------------------------------------------------

REPORT_COLUMNS = [
    "measure",
    "title",
    "layer",
    "scope",
    "annotator_a",
    "annotator_b",
    "label",
    "document",
    "value",
    "support",
    "undefined",
    "precision",
    "recall",
    "true_positives",
    "correct",
    "incorrect",
    "partial",
    "missed",
    "spurious",
    "se",
    "ci_low",
    "ci_high",
    "ci_method",
]


def report_rows(report: AgreementReport) -> list[dict[str, Any]]:
    """Every figure as one row (the CSV, and the XLSX "Figures" sheet)."""
    names = {a.id: a.name for a in report.annotators}
    rows = []

    def add(
        info: MeasureInfo,
        scope: str,
        figure: Figure,
        a: str = "",
        b: str = "",
        label: str = "",
        document: int | str = "",
    ) -> None:
        rows.append(
            {
                "measure": info.key,
                "title": info.title,
                "layer": info.layer,
                "scope": scope,
                "annotator_a": a,
                "annotator_b": b,
                "label": label,
                "document": document,
                "value": figure.value,
                "support": figure.support,
                "undefined": figure.undefined or "",
                "precision": figure.get("precision"),
                "recall": figure.get("recall"),
                "true_positives": figure.get("true_positives"),
                **{kind: figure.get(kind) for kind in SEMEVAL_KINDS},
                "se": figure.se,
                "ci_low": figure.low,
                "ci_high": figure.high,
                "ci_method": figure.method,
            }
        )

    for info in MEASURES:
        result = report.measures.get(info.key)
        if result is None:
            continue
        add(info, "overall", result.overall)
        for (a, b), figure in result.pairs.items():
            add(info, "pair", figure, names[a], names[b])
        for label, figure in result.by_label.items():
            add(info, "label", figure, label=label)
        for (a, b), labels in result.pair_by_label.items():
            for label, figure in labels.items():
                add(info, "pair_label", figure, names[a], names[b], label=label)
        for doc, figure in result.by_document.items():
            add(info, "document", figure, document=doc)
        for annotator, figure in result.versus_gold.items():
            add(info, "gold", figure, names[annotator], GOLD)
    return rows


SEMEVAL_COLUMNS = [
    "annotator_a",
    "annotator_b",
    "schema",
    *SEMEVAL_KINDS,
    "precision",
    "recall",
    "f1",
    "ci_low",
    "ci_high",
]


def semeval_rows(report: AgreementReport) -> list[dict[str, Any]]:
    """The SemEval-2013 counts and figures of every pair, the pooled pairs and each
    annotator against gold, one row per schema (the XLSX "SemEval" sheet and the
    text report). The first annotator is the reference."""
    rows = []

    def of_pair(a: int, b: int) -> Callable[[str], Figure | None]:
        return lambda key: report.measures[key].pairs.get((a, b))

    def of_gold(annotator: int) -> Callable[[str], Figure | None]:
        return lambda key: report.measures[key].versus_gold.get(annotator)

    comparisons = [(report.name(a), report.name(b), of_pair(a, b)) for a, b in report.pairs]
    comparisons.append((*POOLED, lambda key: report.measures[key].overall))
    gold = report.measures[SEMEVAL_MEASURES[0]].versus_gold
    comparisons += [(GOLD, report.name(a), of_gold(a)) for a in gold]
    for reference, predicted, figure_of in comparisons:
        for schema, key in zip(SCHEMAS, SEMEVAL_MEASURES, strict=True):
            figure = figure_of(key)
            if figure is None or not figure.defined:
                continue
            rows.append(
                {
                    "annotator_a": reference,
                    "annotator_b": predicted,
                    "schema": schema,
                    **{kind: figure.get(kind) for kind in SEMEVAL_KINDS},
                    "precision": figure.get("precision"),
                    "recall": figure.get("recall"),
                    "f1": figure.value,
                    "ci_low": figure.low,
                    "ci_high": figure.high,
                }
            )
    return rows


DISAGREEMENT_COLUMNS = [
    "kind",
    "layer",
    "document",
    "title",
    "start",
    "end",
    "annotator_a",
    "version_a",
    "annotator_b",
    "version_b",
    "labels",
    "context",
]


def disagreement_rows(
    items: Iterable[Disagreement], names: dict[int, str], titles: dict[int, str]
) -> Iterator[dict[str, Any]]:
    """The rows of the disagreement list, made as they are written (600,000 of them at
    50,000 documents by three annotators)."""
    for d in items:
        a, b = d.annotator_ids
        yield {
            "kind": KINDS[d.kind],
            "layer": d.layer,
            "document": d.document_id,
            "title": titles.get(d.document_id, ""),
            "start": d.start,
            "end": d.end,
            "annotator_a": names.get(a, str(a)),
            "version_a": d.versions[0].describe() if d.versions[0] else "—",
            "annotator_b": names.get(b, str(b)),
            "version_b": d.versions[1].describe() if d.versions[1] else "—",
            "labels": ", ".join(d.labels),
            "context": d.context,
        }


# --- writing ------------------------------------------------------------------------------


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise OperationError(
            f"{path}: unknown format {path.suffix or '(none)'}; use .xlsx, .json or .csv"
        )
    return suffix


def _csv_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _write_csv(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_text(row.get(k)) for k in columns})


def _sheet(
    workbook: Workbook, title: str, columns: list[str], rows: Iterable[dict[str, Any]], rtl: bool
) -> Worksheet:
    """A sheet of `rows` under a bold, frozen header row, as a row stream: it works in a
    write-only workbook too, which holds no cells (a list of 600,000 disagreements)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet: Worksheet = workbook.create_sheet(title)
    sheet.sheet_view.rightToLeft = rtl
    sheet.freeze_panes = "A2"
    rows = iter(rows)
    first = list(islice(rows, 200))  # the rows the column widths are measured on
    for index, column in enumerate(columns, start=1):  # before any row: a stream's order
        letter = get_column_letter(index)
        longest = max((len(str(r.get(column) or "")) for r in first), default=0)
        sheet.column_dimensions[letter].width = min(60, max(10, len(column) + 2, longest + 2))
    bold = Font(bold=True)
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in chain(first, rows):
        values: list[Any] = [_xlsx_value(row.get(c)) for c in columns]
        for place, value in enumerate(values):
            if isinstance(value, str) and value.startswith(_FORMULA_START):
                values[place] = cell = WriteOnlyCell(sheet, value=value)
                _never_a_formula(cell)
        sheet.append(values)
    return sheet


def _never_a_formula(cell: Any) -> None:
    if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
        cell.data_type = "s"  # text, never a formula
        cell.number_format = "@"


def _write_json_list(path: Path, items: list[Disagreement], names: dict[int, str]) -> None:
    """`json.dumps(list, indent=1)` of the items' JSON, written an item at a time."""
    with path.open("w", encoding="utf-8") as f:
        if not items:
            f.write("[]\n")
            return
        f.write("[\n")
        for number, item in enumerate(items):
            text = json.dumps(item.to_json(names), ensure_ascii=False, indent=1)
            f.write((",\n " if number else " ") + text.replace("\n", "\n "))
        f.write("\n]\n")


def _xlsx_value(value: Any) -> Any:
    """Control characters XLSX cannot hold become U+FFFD (the JSON export keeps them)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def _summary_rows(report: AgreementReport) -> list[dict[str, Any]]:
    rows = []
    for info in MEASURES:
        result = report.measures.get(info.key)
        if result is None:
            continue
        row = {
            "layer": LAYER_TITLES[info.layer],
            "measure": info.title,
            "overall": result.overall.value,
            "95% CI low": result.overall.low,
            "95% CI high": result.overall.high,
            "overall is": info.overall_title,
            "undefined": result.overall.undefined or "",
        }
        for a, b in report.pairs:
            row[f"{report.name(a)} × {report.name(b)}"] = report.pair_figure(info.key, a, b).value
        rows.append(row)
    return rows


def _charts_sheet(workbook: Workbook, report: AgreementReport) -> None:
    """The review dashboard's charts as Excel charts over their numbers: entity labels
    per annotator (and gold), annotators' progress, span F1 (exact) per label."""
    from openpyxl.chart import BarChart, Reference

    sheet: Worksheet = workbook.create_sheet("Charts")
    row = 1

    def table(title: str, header: list[str], rows: list[list[Any]]) -> tuple[int, int]:
        """Write a titled table at `row`; return its header row and last row."""
        nonlocal row
        sheet.cell(row, 1, title).font = _bold()
        top = row + 1
        for r, values in enumerate([header, *rows]):
            for c, value in enumerate(values, start=1):
                _never_a_formula(sheet.cell(top + r, c, _xlsx_value(value)))
        row = top + len(rows) + 1
        return top, row - 1

    def chart(title: str, top: int, last: int, columns: int, stacked: bool) -> None:
        """A horizontal bar chart (as in the dashboard) of the table's columns, beside it."""
        nonlocal row
        bars = BarChart()
        bars.type = "bar"
        bars.title = title
        if stacked:
            bars.grouping = "stacked"
            bars.overlap = 100
        data = Reference(sheet, min_col=2, max_col=1 + columns, min_row=top, max_row=last)
        bars.add_data(data, titles_from_data=True)
        bars.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
        rows_tall = 16 + (last - top) * (columns if not stacked else 1)
        bars.width, bars.height = 18, (rows_tall + 1) // 2  # cm; a row is about half a cm
        sheet.add_chart(bars, f"G{top}")
        row = max(row, top + rows_tall + 2)

    labels = report.label_distribution
    if labels is not None and labels.series:
        used = [k for k in labels.labels if any(labels.count(w, k) for w in labels.series)]
        header = ["label", *(w.name for w in labels.series)]
        rows = [[k, *(labels.count(w, k) for w in labels.series)] for k in used]
        if rows:
            top, last = table("Entity labels per annotator", header, rows)
            chart("Entity labels per annotator", top, last, len(labels.series), stacked=False)
    if report.progress:
        rows = [[p.who.name, p.finished, p.in_progress, p.new] for p in report.progress]
        header = ["annotator", "finished", "in progress", "new"]
        top, last = table("Annotator progress (documents)", header, rows)
        chart("Annotator progress (documents)", top, last, 3, stacked=True)
    per_label = report.measures.get("entities.f1_exact")
    if per_label is not None and per_label.by_label:
        rows = [
            [label, figure.value, figure.low, figure.high]
            for label, figure in per_label.by_label.items()
            if figure.defined
        ]
        if rows:
            header = ["label", "span F1 (exact)", "95% CI low", "95% CI high"]
            top, last = table("Span F1 (exact) per label", header, rows)
            chart("Span F1 (exact) per label", top, last, 1, stacked=False)
    sheet.column_dimensions["A"].width = 24


def _bold() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True)


def summary_figures(
    project: Project, documents: Iterable[int] | None = None
) -> list[tuple[str, str, Any]]:
    """Overall figures for a dataset's summary: (measure, layer, value, or why it is
    undefined). Token kappa is left out: it is the slow one and not what exports need."""
    options = AgreementOptions(
        documents=tuple(documents) if documents is not None else None, token_kappa=False
    )
    try:
        report = compute_agreement(project, options)
    except OperationError as err:
        return [("Inter-annotator agreement", "", f"not computed: {err}")]
    figures = [
        (info, report.measures[info.key].overall)
        for info in MEASURES
        if info.key in report.measures and info.key != "entities.token_kappa"
    ]
    if not any(figure.defined for _, figure in figures):
        reason = next((f.undefined for _, f in figures if f.undefined), "nothing to compare")
        return [("Inter-annotator agreement", "", f"not available: {reason}")]
    return [
        (
            f"{info.title}, {info.overall_title}",
            LAYER_TITLES[info.layer],
            figure.value if figure.defined else f"undefined: {figure.undefined}",
        )
        for info, figure in figures
    ]


def write_report(
    report: AgreementReport,
    path: str | Path,
    disagreements: list[Disagreement] | None = None,
) -> Path:
    """Write the report (and, in XLSX and JSON, the disagreements if given) to `path`."""
    path = Path(path)
    suffix = _check_suffix(path)
    names = {a.id: a.name for a in report.annotators}
    titles = {d.id: d.title for d in report.documents.values()}
    if suffix == ".json":
        data = report.to_json()
        if disagreements is not None:
            data["disagreements"] = [d.to_json(names) for d in disagreements]
        text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
        return write_atomically(
            path, lambda tmp: tmp.write_text(text + "\n", encoding="utf-8"), suffix=path.suffix
        )
    if suffix == ".csv":
        rows = report_rows(report)
        return write_atomically(
            path, lambda tmp: _write_csv(tmp, REPORT_COLUMNS, rows), suffix=path.suffix
        )

    def write_xlsx(tmp: Path) -> None:
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.remove(workbook.worksheets[0])  # the empty sheet a workbook starts with
        summary = _summary_rows(report)
        columns = list(summary[0]) if summary else ["measure"]
        _sheet(workbook, "Summary", columns, summary, rtl=False)
        _sheet(workbook, "Figures", REPORT_COLUMNS, report_rows(report), rtl=False)
        _sheet(workbook, "SemEval", SEMEVAL_COLUMNS, semeval_rows(report), rtl=False)
        _charts_sheet(workbook, report)
        documents = []
        for info in MEASURES:
            if info.per_document != info.key:
                continue
            for doc, figure in report.documents_by_agreement(info.key):
                documents.append(
                    {
                        "measure": info.title,
                        "document": doc.id,
                        "title": doc.title,
                        "value": figure.value,
                        "undefined": figure.undefined or "",
                    }
                )
        doc_columns = ["measure", "document", "title", "value", "undefined"]
        _sheet(workbook, "Documents", doc_columns, documents, rtl=True)
        left = [
            {"annotator": names[a], **counts.to_json()} for a, counts in report.left_out.items()
        ]
        left_columns = [
            "annotator",
            "excluded",
            "detached",
            "duplicate_stances",
            "incomplete_stances",
        ]
        _sheet(workbook, "Left out", left_columns, left, rtl=False)
        if disagreements is not None:
            rows = disagreement_rows(disagreements, names, titles)
            _sheet(workbook, "Disagreements", DISAGREEMENT_COLUMNS, rows, rtl=True)
        workbook.save(tmp)

    return write_atomically(path, write_xlsx, suffix=path.suffix)


def write_disagreements(
    items: list[Disagreement],
    path: str | Path,
    names: dict[int, str],
    titles: dict[int, str],
) -> Path:
    """Write the raw disagreement list to `path` (.xlsx, .csv or .json)."""
    path = Path(path)
    suffix = _check_suffix(path)
    if suffix == ".json":
        return write_atomically(
            path, lambda tmp: _write_json_list(tmp, items, names), suffix=path.suffix
        )
    rows = disagreement_rows(items, names, titles)
    if suffix == ".csv":
        return write_atomically(
            path, lambda tmp: _write_csv(tmp, DISAGREEMENT_COLUMNS, rows), suffix=path.suffix
        )

    def write_xlsx(tmp: Path) -> None:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)  # rows written as they come, not held
        _sheet(workbook, "Disagreements", DISAGREEMENT_COLUMNS, rows, rtl=True)
        workbook.save(tmp)

    return write_atomically(path, write_xlsx, suffix=path.suffix)


__all__ = [
    "DISAGREEMENT_COLUMNS",
    "REPORT_COLUMNS",
    "REPORT_SUFFIXES",
    "SEMEVAL_COLUMNS",
    "disagreement_rows",
    "format_report",
    "report_rows",
    "semeval_rows",
    "write_disagreements",
    "write_report",
]
