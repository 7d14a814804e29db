"""The agreement report and disagreement list as files, and the review commands."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from cli.main import run
from core.project.errors import OperationError
from core.review.agreement.disagreements import Disagreement, Version, find_disagreements
from core.review.agreement.project import DocumentTexts, compute_agreement
from core.review.agreement.report import (
    format_report,
    write_disagreements,
    write_report,
)
from tests.core.review_fixtures import D1, Annotate, add_documents, annotate_entities


@pytest.fixture
def studied(project, tmp_path):
    annotate_entities(project, tmp_path)
    report = compute_agreement(project)
    found = find_disagreements(report.study, DocumentTexts(project, report.documents))
    return project, report, found


def formula_disagreement(found):
    return Disagreement(
        "missing",
        "entities",
        1,
        0,
        4,
        found.items[0].annotator_ids,
        (Version(0, 4, "ORG", "=SUM(A1)"), None),
        ("ORG",),
        "=HYPERLINK(1)+@x",
        0,
    )


def assert_disagreement_sheet(sheet, rows):
    """Bold frozen header, right to left, widths set, and text that looks like a formula
    kept as text."""
    assert sheet.sheet_view.rightToLeft
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.max_row == rows + 1
    assert sheet["A2"].value == "Boundary mismatch"
    assert sheet["L2"].value == D1  # the context, whole sentence
    assert sheet.column_dimensions["L"].width > 10  # measured on the contexts
    last = sheet[sheet.max_row]
    context = next(c for c in last if c.value == "=HYPERLINK(1)+@x")
    assert context.data_type == "s"
    version = next(c for c in last if c.value == "ORG «=SUM(A1)»")
    assert version.data_type == "s"


def test_xlsx_report_is_bold_frozen_rtl_and_never_a_formula(studied, tmp_path):
    _project, report, found = studied
    items = [*found.items, formula_disagreement(found)]
    path = write_report(report, tmp_path / "report.xlsx", items)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "Summary",
        "Figures",
        "SemEval",
        "Charts",
        "Documents",
        "Left out",
        "Disagreements",
    ]
    assert_disagreement_sheet(workbook["Disagreements"], len(items))
    assert not workbook["Summary"].sheet_view.rightToLeft
    summary = workbook["Summary"]
    header = [c.value for c in summary[1]]
    assert header[:3] == ["layer", "measure", "overall"]
    assert "amal × badr" in header
    row = next(r for r in summary.iter_rows(values_only=True) if r[1] == "Span F1 (exact)")
    assert row[2] == pytest.approx(10 / 22)
    assert row[header.index("amal × badr")] == pytest.approx(6 / 9)


def test_csv_and_json_reports(studied, tmp_path):
    _project, report, found = studied
    path = write_report(report, tmp_path / "report.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, for spreadsheet programs
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    pooled = next(
        r for r in rows if r["measure"] == "entities.f1_exact" and r["scope"] == "overall"
    )
    assert float(pooled["value"]) == pytest.approx(10 / 22)
    pair = next(
        r
        for r in rows
        if r["measure"] == "entities.f1_exact"
        and r["scope"] == "pair"
        and (r["annotator_a"], r["annotator_b"]) == ("amal", "hind")
    )
    assert float(pair["value"]) == pytest.approx(2 / 6)
    data = json.loads(write_report(report, tmp_path / "r.json", found.items).read_text("utf-8"))
    assert data["format"] == "tawsim-agreement-report"
    assert data["measures"]["entities.f1_exact"]["overall"]["value"] == pytest.approx(10 / 22)
    assert len(data["disagreements"]) == len(found.items)
    assert data["disagreements"][0]["annotators"] == ["amal", "badr"]


def test_disagreement_csv_writes_formula_text_as_text(studied, tmp_path):
    _project, report, found = studied
    names = {a.id: a.name for a in report.annotators}
    item = Disagreement("label", "entities", 1, 0, 4, (1, 2), (None, None), ("ORG",), "-1+1", 0)
    path = write_disagreements([*found.items, item], tmp_path / "d.csv", names, {1: "=title"})
    rows = list(csv.DictReader(path.read_text("utf-8-sig").splitlines()))
    assert len(rows) == len(found.items) + 1
    assert rows[-1]["context"] == "'-1+1"
    assert rows[-1]["title"] == "'=title"
    assert rows[0]["version_b"] == "PERS «وانغ»"


def test_a_failed_export_leaves_the_old_file(studied, tmp_path):
    _project, report, _found = studied
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OperationError, match=r"unknown format \.txt"):
        write_report(report, tmp_path / "report.txt")
    with pytest.raises(OperationError, match="no such folder"):
        write_report(report, tmp_path / "missing" / "report.json")
    report.measures["entities.f1_exact"].overall = report.measures[
        "entities.f1_exact"
    ].overall.__class__(float("nan"))  # JSON refuses NaN: the write fails
    with pytest.raises(ValueError):
        write_report(report, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_text_report_has_the_dashboard_figures(studied):
    _project, report, _found = studied
    text = format_report(report)
    assert "3 annotator(s) (amal, badr, hind), 2 document(s) compared" in text
    pair_line = next(line for line in text.splitlines() if line.strip().startswith("amal × badr"))
    # exact 6/9, overlap 8/9, as worked out in test_agreement_project.py
    assert pair_line.split()[3:5] == ["0.667", "0.889"]
    assert "lowest Span F1 (exact) per document" in text
    overall = report.measures["entities.f1_exact"].overall
    interval = next(line for line in text.splitlines() if line.strip().startswith("95% CI"))
    assert overall.interval_text(2) in interval


def test_reports_carry_the_intervals(studied, tmp_path):
    _project, report, _found = studied
    overall = report.measures["entities.f1_exact"].overall
    rows = list(
        csv.DictReader(write_report(report, tmp_path / "r.csv").read_text("utf-8-sig").splitlines())
    )
    pooled = next(
        r for r in rows if r["measure"] == "entities.f1_exact" and r["scope"] == "overall"
    )
    assert float(pooled["ci_low"]) == overall.low and pooled["ci_method"] == "bootstrap"
    workbook = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    header = [c.value for c in workbook["Summary"][1]]
    row = next(
        r for r in workbook["Summary"].iter_rows(values_only=True) if r[1] == "Span F1 (exact)"
    )
    assert row[header.index("95% CI low")] == overall.low
    assert row[header.index("95% CI high")] == overall.high
    stance = next(
        r for r in workbook["Summary"].iter_rows(values_only=True) if r[1] == "Stance Bennett's S"
    )
    assert stance[0] == "Stances"


def test_agreement_command(studied, tmp_path, capsys):
    project, _report, _found = studied
    path = str(project.path)
    assert run(["agreement", "--project", path, "--json", "--annotators", "amal,badr"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["name"] for a in data["annotators"]] == ["amal", "badr"]
    assert data["measures"]["entities.f1_exact"]["overall"]["value"] == pytest.approx(6 / 9)
    out = tmp_path / "out.xlsx"
    assert run(["agreement", "--project", path, "--report", str(out), "--labels", "ORG"]) == 0
    text = capsys.readouterr().out
    assert f"wrote {out}" in text
    assert "Restricted to labels ORG" in text
    assert load_workbook(out)["Disagreements"].max_row > 1
    assert run(["agreement", "--project", path, "--labels", "NOPE"]) == 1
    assert "unknown label(s) NOPE" in capsys.readouterr().err
    assert run(["agreement", "--project", path, "--report", str(tmp_path / "r.pdf")]) == 1
    assert "unknown format" in capsys.readouterr().err


def test_package_and_merge_commands(project, tmp_path, capsys):
    (doc,) = add_documents(project, tmp_path, ["قالت ميتا إن وانغ سينضم إلى الشركة."])
    path = str(project.path)
    pkg = tmp_path / "amal.tawsim"
    assert run(["package", "--project", path, "--annotator", "amal", "--out", str(pkg)]) == 0
    assert "1 document(s) for amal" in capsys.readouterr().out
    from core.project.project import Project

    with Project.open(pkg) as package:
        Annotate(package, doc, "amal").entity("ميتا", "ORG")
    assert run(["merge", "--project", path, str(pkg), "--dry-run"]) == 0
    assert "dry run, nothing written: 1 set(s) added" in capsys.readouterr().out
    assert run(["merge", "--project", path, str(pkg)]) == 0
    out = capsys.readouterr().out
    assert "added amal on document 1" in out
    assert out.strip().endswith("1 set(s) added, 0 replaced, 0 unchanged")
    assert run(["merge", "--project", path, str(pkg)]) == 0
    assert capsys.readouterr().out.strip().endswith("0 set(s) added, 0 replaced, 1 unchanged")
    assert run(["package", "--project", path, "--annotator", "amal", "--out", str(pkg)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_the_disagreement_json_is_written_an_item_at_a_time_as_one_list(studied, tmp_path):
    """Streamed, and byte for byte the JSON of the whole list: a newline in a text stays
    escaped inside its string, so only the layout's lines are indented."""
    _project, report, found = studied
    names = {a.id: a.name for a in report.annotators}
    odd = Disagreement("label", "entities", 1, 0, 4, (1, 2), (None, None), ("ORG",), "a\nb", 0)
    items = [*found.items, odd]
    path = write_disagreements(items, tmp_path / "d.json", names, {})
    whole = json.dumps([d.to_json(names) for d in items], ensure_ascii=False, indent=1) + "\n"
    assert len(items) > 2 and path.read_text(encoding="utf-8") == whole
    empty = write_disagreements([], tmp_path / "none.json", names, {})
    assert empty.read_text(encoding="utf-8") == "[]\n"


def test_the_xlsx_disagreement_list_is_written_as_a_row_stream_with_the_report_look(
    studied, tmp_path
):
    """Written by a write-only workbook (no cell held: 600,000 rows at 50,000 documents),
    the sheet looks as the report's does."""
    _project, report, found = studied
    names = {a.id: a.name for a in report.annotators}
    items = [*found.items, formula_disagreement(found)]
    path = write_disagreements(items, tmp_path / "d.xlsx", names, {})
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Disagreements"]
    assert_disagreement_sheet(workbook["Disagreements"], len(items))
