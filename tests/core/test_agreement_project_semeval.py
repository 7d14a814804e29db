"""SemEval-2013 scores over a project: per pair, pooled, per label, against gold, and
in the command's text, JSON, CSV and Excel report (counts worked out by hand from the
three annotators of tests/core/review_fixtures.py)."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from core.review.agreement.project import compute_agreement
from core.review.agreement.report import format_report, write_report
from models.tables import AnnotationSet, EntitySpan
from tests.core.review_fixtures import Annotate, annotate_entities

KEYS = {s: f"entities.semeval_{s}" for s in ("strict", "exact", "partial", "type")}


def counts(figure) -> tuple[int, ...]:
    return tuple(figure.get(k) for k in ("correct", "incorrect", "partial", "missed", "spurious"))


@pytest.fixture
def three_and_gold(project, tmp_path):
    d1, d2, ids = annotate_entities(project, tmp_path)
    # gold for d1 only: ميتا ORG and ألكسندر وانغ PERS (as amal has them)
    amal = Annotate(project, d1, "amal")
    org, pers = amal.label_id("entity", "ORG"), amal.label_id("entity", "PERS")
    with project.write() as tx:
        gold = tx.insert(AnnotationSet, document_id=d1, annotator_id=None, state="finished")
        for needle, label in (("ميتا", org), ("ألكسندر وانغ", pers)):
            start, end = amal.where(needle)
            tx.insert(EntitySpan, set_id=gold, label_id=label, start=start, end=end)
    return project, d1, d2, ids


def test_pairs_pooled_and_per_label(three_and_gold):
    project, d1, _d2, ids = three_and_gold
    report = compute_agreement(
        project,
    )
    amal, badr, hind = ids["amal"], ids["badr"], ids["hind"]
    m = {schema: report.measures[key] for schema, key in KEYS.items()}
    # amal (reference) x badr: ميتا, يونيو, أوبن إيه آي equal; وانغ inside ألكسندر وانغ
    # (PERS both); badr's النموذج spurious
    assert counts(m["strict"].pairs[(amal, badr)]) == (3, 1, 0, 0, 1)
    assert counts(m["exact"].pairs[(amal, badr)]) == (3, 1, 0, 0, 1)
    assert counts(m["partial"].pairs[(amal, badr)]) == (3, 0, 1, 0, 1)
    assert counts(m["type"].pairs[(amal, badr)]) == (4, 0, 0, 0, 1)
    strict = m["strict"].pairs[(amal, badr)]
    # precision 3/5, recall 3/4
    assert (strict.get("precision"), strict.get("recall")) == (0.6, 0.75)
    assert strict.value == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    partial = m["partial"].pairs[(amal, badr)]
    assert (partial.get("precision"), partial.get("recall")) == (3.5 / 5, 3.5 / 4)
    assert strict.support == 9  # 4 + 5 spans
    # amal x hind: ألكسندر وانغ PERS vs ORG (same offsets); يونيو and أوبن إيه آي missed
    assert counts(m["strict"].pairs[(amal, hind)]) == (1, 1, 0, 2, 0)
    assert counts(m["exact"].pairs[(amal, hind)]) == (2, 0, 0, 2, 0)
    assert counts(m["type"].pairs[(amal, hind)]) == (1, 1, 0, 2, 0)
    # pooled: the three pairs' counts summed (badr x hind: ميتا COR, وانغ vs ألكسندر
    # وانغ INC, يونيو, أوبن إيه آي, النموذج missed)
    assert counts(m["strict"].pairs[(badr, hind)]) == (1, 1, 0, 3, 0)
    assert counts(m["strict"].overall) == (5, 3, 0, 5, 1)
    # per label: both sides cut to PERS, ORG, ...: amal-hind's PERS is missed, hind's
    # ORG ألكسندر وانغ spurious (and amal's ORG أوبن إيه آي missed); pooled over pairs
    assert counts(m["strict"].pair_by_label[(amal, hind)]["PERS"]) == (0, 0, 0, 1, 0)
    assert counts(m["strict"].pair_by_label[(amal, hind)]["ORG"]) == (1, 0, 0, 1, 1)
    assert counts(m["strict"].by_label["PERS"]) == (0, 1, 0, 2, 0)
    assert counts(m["type"].by_label["PERS"]) == (1, 0, 0, 2, 0)
    # per document: pooled over the pairs who finished it
    assert counts(m["strict"].by_document[d1]) == (4, 3, 0, 2, 0)
    # bootstrap intervals like the other span figures
    assert m["strict"].overall.has_interval and m["strict"].overall.method == "bootstrap"


def test_each_annotator_against_gold(three_and_gold):
    project, _d1, _d2, ids = three_and_gold
    report = compute_agreement(project)
    strict = report.measures[KEYS["strict"]].versus_gold
    exact = report.measures[KEYS["exact"]].versus_gold
    # gold only in d1: amal's يونيو spurious; badr's وانغ inside gold's ألكسندر وانغ;
    # hind's ألكسندر وانغ ORG where gold has PERS
    assert counts(strict[ids["amal"]]) == (2, 0, 0, 0, 1)
    assert counts(strict[ids["badr"]]) == (1, 1, 0, 0, 1)
    assert counts(strict[ids["hind"]]) == (1, 1, 0, 0, 0)
    assert counts(exact[ids["hind"]]) == (2, 0, 0, 0, 0)


def test_no_gold_no_gold_figures(project, tmp_path):
    annotate_entities(project, tmp_path)
    report = compute_agreement(project)
    assert report.measures[KEYS["strict"]].versus_gold == {}
    assert "versus_gold" not in report.to_json()["measures"][KEYS["strict"]]


def test_text_json_csv_and_excel_carry_the_counts(three_and_gold, tmp_path):
    project, _d1, _d2, _ids = three_and_gold
    report = compute_agreement(project)
    text = format_report(report)
    assert "SEMEVAL-2013 SPAN SCORES" in text
    line = next(x for x in text.splitlines() if "amal × badr" in x and "partial" in x)
    assert line.split()[4:9] == ["3", "0", "1", "0", "1"]
    assert line.split()[9:12] == ["0.700", "0.875", "0.778"]
    assert any(x.split()[:3] == ["gold", "×", "hind"] for x in text.splitlines())

    data = json.loads(json.dumps(report.to_json()))
    pair = next(p for p in data["measures"][KEYS["type"]]["pairs"] if p["b"] == "badr")
    assert (pair["a"], pair["correct"], pair["spurious"]) == ("amal", 4, 1)
    gold = {g["annotator"]: g for g in data["measures"][KEYS["strict"]]["versus_gold"]}
    assert (gold["badr"]["correct"], gold["badr"]["incorrect"]) == (1, 1)

    path = write_report(report, tmp_path / "report.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(
        r
        for r in rows
        if r["measure"] == KEYS["partial"]
        and r["scope"] == "pair"
        and r["annotator_b"] == "badr"
        and r["annotator_a"] == "amal"
    )
    assert [row[k] for k in ("correct", "incorrect", "partial", "missed", "spurious")] == [
        "3",
        "0",
        "1",
        "0",
        "1",
    ]
    gold_rows = [r for r in rows if r["scope"] == "gold" and r["measure"] == KEYS["exact"]]
    assert {(r["annotator_a"], r["annotator_b"], r["correct"]) for r in gold_rows} == {
        ("amal", "gold", "2"),
        ("badr", "gold", "1"),
        ("hind", "gold", "2"),
    }

    workbook = load_workbook(write_report(report, tmp_path / "report.xlsx"))
    sheet = workbook["SemEval"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == [
        "annotator_a",
        "annotator_b",
        "schema",
        "correct",
        "incorrect",
        "partial",
        "missed",
        "spurious",
    ]
    found = {(r[0], r[1], r[2]): r[3:8] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert found[("amal", "badr", "type")] == (4, 0, 0, 0, 1)
    assert found[("gold", "hind", "exact")] == (2, 0, 0, 0, 0)
    assert found[("all pairs", "pooled", "strict")] == (5, 3, 0, 5, 1)


def test_documents_scored_a_block_at_a_time_give_the_same_report(three_and_gold, monkeypatch):
    from core.review.agreement import measure_semeval

    project, *_ = three_and_gold
    whole = compute_agreement(project).to_json()
    monkeypatch.setattr(measure_semeval, "BLOCK_SPANS", 1)  # a document a block
    blocks = compute_agreement(project).to_json()
    for found in (whole, blocks):
        found.pop("generated_at", None)
    assert blocks == whole
    assert whole["measures"][KEYS["strict"]]["pairs"]
