"""The review charts' data: labels per annotator and gold, and annotators' progress."""

from __future__ import annotations

from sqlalchemy import update

from core.annotation.annotators import ensure_annotator
from core.review.overview import GOLD, annotator_progress, label_distribution
from models.tables import AnnotationSet, Assignment, EntitySpan, table_of
from tests.core.review_fixtures import Annotate, add_documents, annotate_entities


def test_label_distribution_per_annotator_and_gold(project, tmp_path):
    d1, _d2, _ids = annotate_entities(project, tmp_path)
    amal = Annotate(project, d1, "amal")
    with project.write() as tx:
        gold = tx.insert(AnnotationSet, document_id=d1, annotator_id=None, state="finished")
        start, end = amal.where("ميتا")
        tx.insert(
            EntitySpan, set_id=gold, label_id=amal.label_id("entity", "ORG"), start=start, end=end
        )
    found = label_distribution(project)
    assert [w.name for w in found.series] == ["amal", "badr", "hind", "gold"]
    assert found.labels.index("PERS") < found.labels.index("ORG")  # schema order
    by = {w.name: w for w in found.series}
    assert found.count(by["amal"], "ORG") == 2
    assert found.count(by["badr"], "PRODUCT") == 1
    assert found.count(by["hind"], "ORG") == 2
    assert found.count(by["hind"], "DATE") == 0
    assert found.count(GOLD, "ORG") == 1 and found.total(GOLD) == 1
    assert found.total(by["badr"]) == 5


def test_progress_counts_states_assignments_and_days(project, tmp_path):
    d1, d2, d3, d4 = add_documents(project, tmp_path, ["أ ب", "ت ث", "ج ح", "خ د"])
    Annotate(project, d1, "amal")
    Annotate(project, d2, "amal", state="in_progress")
    Annotate(project, d1, "badr")
    Annotate(project, d2, "badr")
    Annotate(project, d3, "badr", state="new")  # not started: counts as new
    ensure_annotator(project, "lead", role="curator")  # annotates nothing: not shown
    zaid = ensure_annotator(project, "zaid").value
    sets = table_of(AnnotationSet)
    with project.write() as tx:
        tx.insert(Assignment, document_id=d3, annotator_id=zaid)
        tx.insert(Assignment, document_id=d4, annotator_id=zaid)
        tx.conn.execute(
            update(sets).where(sets.c.document_id == d1).values(updated_at="2026-03-01T10:00:00Z")
        )
        tx.conn.execute(
            update(sets).where(sets.c.document_id == d2).values(updated_at="2026-03-04T09:00:00Z")
        )
    rows = {p.who.name: p for p in annotator_progress(project)}
    assert list(rows) == ["amal", "badr", "zaid"]
    amal, badr, zaid_row = rows["amal"], rows["badr"], rows["zaid"]
    assert (amal.finished, amal.in_progress, amal.new) == (1, 1, 2)
    assert (badr.finished, badr.in_progress, badr.new) == (2, 0, 2)
    assert (zaid_row.finished, zaid_row.in_progress, zaid_row.new) == (0, 0, 2)  # assigned two
    assert amal.finished_on == (("2026-03-01", 1),)
    assert badr.finished_on == (("2026-03-01", 1), ("2026-03-04", 1))


def test_the_report_carries_the_charts_numbers_and_excel_charts(project, tmp_path):
    import zipfile

    from openpyxl import load_workbook

    from core.review.agreement.project import compute_agreement
    from core.review.agreement.report import write_report

    annotate_entities(project, tmp_path)
    report = compute_agreement(project)
    data = report.to_json()
    assert data["label_distribution"]["badr"]["PRODUCT"] == 1
    assert data["label_distribution"]["amal"]["ORG"] == 2
    assert [(p["annotator"], p["finished"], p["new"]) for p in data["progress"]] == [
        ("amal", 2, 0),
        ("badr", 2, 0),
        ("hind", 2, 0),
    ]
    path = write_report(report, tmp_path / "report.xlsx")
    sheet = load_workbook(path)["Charts"]
    cells = [[c for c in r if c is not None] for r in sheet.iter_rows(values_only=True)]
    assert cells[0] == ["Entity labels per annotator"]
    assert cells[1] == ["label", "amal", "badr", "hind"]
    assert ["ORG", 2, 2, 2] in cells and ["PRODUCT", 0, 1, 0] in cells
    assert ["annotator", "finished", "in progress", "new"] in cells
    assert ["hind", 2, 0, 0] in cells
    with zipfile.ZipFile(path) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 3
        first = archive.read(charts[0]).decode()
        progress = archive.read(charts[1]).decode()
    # horizontal bars over the table's numbers; the progress bars stacked
    assert '<barDir val="bar"/>' in first and "'Charts'!$B$3:$B$" in first
    assert '<grouping val="stacked"/>' in progress


def test_names_in_the_charts_sheet_are_never_formulas(project, tmp_path):
    from openpyxl import load_workbook

    from core.review.agreement.project import compute_agreement
    from core.review.agreement.report import write_report

    d1, _d2, _ids = annotate_entities(project, tmp_path)
    Annotate(project, d1, "=cmd|' /C calc'!A0").entity("ميتا", "ORG")
    path = write_report(compute_agreement(project), tmp_path / "report.xlsx")
    sheet = load_workbook(path)["Charts"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=cmd|' /C calc'!A0")
    assert cell.data_type == "s"
