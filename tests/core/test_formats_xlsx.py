"""The Excel workbook: formula injection, right-to-left sheets, escapes, long texts,
and safe reading (defusedxml, zip-bomb limits)."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import xlsx
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, import_annotations
from models.tables import EntitySpan
from tests.core.formats_support import (
    add_spans,
    annotate_seed_article,
    annotations_of,
    find,
    set_for,
    text_of,
)

DANGEROUS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "#N/A",
    "=",
]


def test_cells_that_look_like_formulas_are_stored_and_read_back_as_text(seeded_project, tmp_path):
    annotated = annotate_seed_article(seeded_project)
    ids = list(annotated.spans.values())
    with seeded_project.write() as tx:
        for span_id, note in zip(ids, DANGEROUS, strict=False):
            tx.update(EntitySpan, span_id, note=note)
    out = tmp_path / "review.xlsx"
    export_dataset(seeded_project, "xlsx", out)
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(b"<f>" not in archive.read(n) for n in sheets)
    book = openpyxl.load_workbook(out)
    notes = {}
    for row in book["Entities"].iter_rows(min_row=2):
        note = row[10]
        if note.value is not None:
            notes[row[2].value] = note
    written = [notes[i] for i in ids[: len(DANGEROUS)] if i in notes]
    assert [c.value for c in written] == [
        n for i, n in zip(ids, DANGEROUS, strict=False) if i in notes
    ]
    for cell in written:
        assert cell.data_type == "s" and cell.quotePrefix
    # and Tawsim reads the same strings back
    import_annotations(seeded_project, "xlsx", [out], ImportOptions("Salma"))
    with seeded_project.read() as conn:
        back = {
            n
            for (n,) in conn.execute(
                EntitySpan.__table__.select().with_only_columns(EntitySpan.note)
            )
        }
    assert set(DANGEROUS[:6]) <= back


def test_every_sheet_is_right_to_left_with_a_frozen_bold_header_and_a_filter(
    seeded_project, tmp_path
):
    annotate_seed_article(seeded_project)
    out = tmp_path / "review.xlsx"
    export_dataset(seeded_project, "xlsx", out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Summary",
        "Documents",
        "Entities",
        "Events",
        "Arguments",
        "Stances",
        "Excluded",
    ]
    for sheet in book:
        assert sheet.sheet_view.rightToLeft is True
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        )
        assert sheet["A1"].font.b and sheet["A1"].font.name == xlsx.FONT_NAME
        assert sheet.column_dimensions["A"].width > 5
        # printed: landscape, fitted to one page wide, the header row on every page
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == "$1:$1"
    entities = book["Entities"]
    assert [c.value for c in entities[1]][:8] == [
        "Document",
        "Annotation set",
        "Entity",
        "Start",
        "End",
        "Label",
        "Label name",
        "Text",
    ]
    first = [c.value for c in entities[2]]
    assert first[:8] == [1, "gold", first[2], 0, 4, "ORG", "منظمة", "ميتا"]
    assert first[9].startswith(" تفكر في دمج")  # right context
    assert entities["H2"].font.name == xlsx.FONT_NAME  # the workbook's default font
    with zipfile.ZipFile(out) as archive:
        styles = archive.read("xl/styles.xml").decode()
    # the default font (the first) is Arial with no theme scheme, whichever XML writer
    # openpyxl uses (lxml writes `/>`, the standard library ` />`)
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    first_font = ElementTree.fromstring(styles).find(f"{main}fonts/{main}font")
    assert first_font[0].tag == f"{main}name" and first_font[0].get("val") == "Arial"
    assert "scheme" not in styles
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Entities"] == 6 and summary["ORG (منظمة)"] == 5
    assert summary["Business.Partnership (شراكة)"] == 1
    assert summary["Inter-annotator agreement"] == (
        "not available: fewer than two annotators finished the same document"
    )


def test_agreement_figures_of_finished_annotator_sets_are_in_the_summary(seeded_project, tmp_path):
    from core.annotation.annotators import ensure_annotator
    from core.annotation.sets import ensure_set, set_state
    from core.annotation.spans import add_span

    annotate_seed_article(seeded_project)  # the gold set being exported
    org = seeded_project.schema.by_key("entity", "ORG").id
    for name, spans in (("Amal", [(0, 4), (198, 202)]), ("Badr", [(0, 4), (708, 712)])):
        annotator = ensure_annotator(seeded_project, name).value
        with seeded_project.write() as tx:
            set_id = ensure_set(tx, 1, annotator)
        for start, end in spans:
            add_span(seeded_project, set_id, start, end, org)
        set_state(seeded_project, set_id, "finished")

    export_dataset(seeded_project, "xlsx", tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    # one span each in common out of two each: precision = recall = F1 = 1/2
    assert summary["Span F1 (exact), all pairs pooled · Entities"] == 0.5

    export_dataset(seeded_project, "xlsx", tmp_path / "b.xlsx", options={"agreement": "no"})
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Inter-annotator agreement"] == "not computed for this export"


def test_a_sheet_longer_than_a_worksheet_continues_on_the_next_and_reads_back(
    seeded_project, tmp_path, monkeypatch
):
    from core.io.formats.xlsx import sheets

    monkeypatch.setattr(sheets, "ROW_LIMIT", 4)  # Excel's is 1,048,576: a header and 3 rows
    annotate_seed_article(seeded_project)  # 6 entities
    out = tmp_path / "review.xlsx"
    export_dataset(seeded_project, "xlsx", out)
    book = openpyxl.load_workbook(out)
    names = book.sheetnames
    assert names.index("Entities (2)") == names.index("Entities") + 1  # then Events
    assert "Entities (3)" not in names and "Documents (2)" not in names
    assert names[: names.index("Documents")] == [
        "Summary",
        *[f"Summary ({n})" for n in range(2, names.index("Documents") + 1)],
    ]
    parts = [book["Entities"], book["Entities (2)"]]
    for part in parts:
        assert [c.value for c in part[1]][:3] == ["Document", "Annotation set", "Entity"]
        assert part.max_row == 4 and part.auto_filter.ref == "A1:K4"
        assert part.sheet_view.rightToLeft is True and part.freeze_panes == "A2"
    entity_ids = [row[2] for part in parts for row in part.iter_rows(min_row=2, values_only=True)]
    assert len(set(entity_ids)) == 6
    summary = {
        row[0].value: row[1].value
        for name in names
        if name.startswith("Summary")
        for row in book[name].iter_rows(min_row=2)
    }
    assert summary["Entities"] == 6 and summary["ORG (منظمة)"] == 5
    import_annotations(seeded_project, "xlsx", [out], ImportOptions("Salma"))
    gold = annotations_of(seeded_project, Selection())
    assert annotations_of(seeded_project, Selection.from_argument("Salma")) == gold
    book["Entities (2)"]["D3"] = "four"
    book.save(out)
    with pytest.raises(FormatError, match=r"sheet Entities \(2\) row 3: Start must be a whole"):
        xlsx.read(out)


def test_control_characters_escapes_and_long_texts_survive(project, tmp_path):
    from core.documents.importing import import_documents

    long_text = ("ميتا تطلق نموذجا جديدا اليوم. " * 2000) + "\x0bنهاية _x0041_ النص"
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    import_documents(project, [tmp_path / "long.txt"])
    text = text_of(project, 1)
    assert len(text) > 2 * xlsx.TEXT_CHUNK
    add_spans(project, set_for(project, 1, None), [(*find(text, "نهاية"), "ORG"), (0, 4, "ORG")])
    out = tmp_path / "long.xlsx"
    export_dataset(project, "xlsx", out)
    book = openpyxl.load_workbook(out, read_only=True)
    header = next(book["Documents"].iter_rows(values_only=True))
    assert header[-4:] == ("Text", "Text (2)", "Text (3)", "Text (4)")
    row = next(book["Documents"].iter_rows(min_row=2, values_only=True))
    assert all(v is None or len(v) <= xlsx.CELL_LIMIT for v in row if isinstance(v, str))
    book.close()
    import_annotations(project, "xlsx", [out], ImportOptions("Salma"))
    gold = annotations_of(project, Selection())
    assert annotations_of(project, Selection.from_argument("Salma")) == gold
    assert xlsx.unescape_text(xlsx.escape_text("a\x0b_x0041_\r")) == "a\x0b_x0041_\r"
    assert xlsx.escape_text("a\x0b_x0041_") == "a_x000B__x005F_x0041_"


def test_reading_refuses_zip_bombs_and_needs_defusedxml(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    with pytest.raises(FormatError, match="refused as a possible zip bomb"):
        xlsx.read(bomb)
    big = tmp_path / "big.xlsx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.xml", b"x" * 5000)
    monkeypatch.setattr(xlsx.reader, "MAX_UNCOMPRESSED", 4000)
    with pytest.raises(FormatError, match=r"would unpack to .* refused"):
        xlsx.read(big)
    (tmp_path / "not.xlsx").write_bytes(b"PK but not really")
    with pytest.raises(FormatError, match="not a zip archive"):
        xlsx.read(tmp_path / "not.xlsx")
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(FormatError, match="needs defusedxml"):
        xlsx.read(big)


def test_a_workbook_that_is_not_ours_is_refused_clearly(tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet"
    book.save(path)
    with pytest.raises(FormatError, match="has no sheet 'Documents'"):
        xlsx.read(path)
