"""brat standoff: the tutorial peer files, and what Tawsim writes."""

from __future__ import annotations

import re

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import brat
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations
from tests.conftest import SHARED_PEERS
from tests.core.formats_support import (
    add_spans,
    annotate_seed_article,
    annotations_of,
    set_for,
    text_of,
)

BRAT = SHARED_PEERS / "brat"


def test_news_tutorial_entities_event_notes_and_what_is_left_out():
    parsed = brat.read(BRAT / "news")
    (doc,) = parsed.documents
    assert [(e.ref, e.label, e.text) for e in doc.entities] == [
        ("T1", "Organization", "Citibank"),
        ("T2", "Money", "$100 million"),
        ("T4", "Person", "Raul Salinas de Gortari"),
        ("T5", "Person", "former Mexican president"),
        ("T6", "Organization", "banks"),
        ("T7", "GPE", "Switzerland"),
    ]
    (event,) = doc.events
    assert (event.type, event.text) == ("Transfer-money", "moving")
    assert [(a.role, a.entity_ref) for a in event.arguments] == [
        ("Giver-Arg", "T1"),
        ("Money-Arg", "T2"),
        ("Beneficiary-Arg", "T4"),
        ("Recipient-Arg", "T6"),
    ]
    notes = {e.ref: e.note for e in doc.entities}
    assert notes["T2"] == "100000000 USD"
    # R lines (TAB-terminated, written R2 before R1), A lines (one on the event), N line
    assert parsed.left_out == {
        "brat relations (R lines)": 2,
        "brat attributes (A lines)": 5,
        "brat normalisations (N lines)": 1,
    }


def test_bio_tutorial_events_whose_arguments_are_events():
    parsed = brat.read(BRAT / "bio" / "000-introduction.ann")
    (doc,) = parsed.documents
    assert [(e.label, e.text) for e in doc.entities] == [
        ("Protein", "IkB-alpha"),
        ("Protein", "VCAM-1"),
    ]
    events = {e.ref: e for e in doc.events}
    assert set(events) == {"E1", "E2", "E3", "E4"}
    assert [(a.role, a.entity_ref) for a in events["E1"].arguments] == [("Theme", "T2")]
    # "E2 Negative_regulation:T3 Cause:E1 Theme:E3": both arguments are events
    assert events["E2"].arguments == [] and events["E3"].arguments == []
    assert events["E1"].note.startswith('The "suggest that" applies')
    assert parsed.left_out["event arguments that are events (arguments are entity spans)"] == 3
    assert parsed.left_out["brat attributes (A lines)"] == 4


def test_importing_the_tutorials_asks_for_labels_then_adds_them(project):
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "brat", [BRAT / "news"], ImportOptions("Salma"))
    assert refused.value.unknown_labels == {
        "entity": ["Money", "Organization", "Person"],
        "event": ["Transfer-money"],
        "role": [
            "Transfer-money:Beneficiary-Arg",
            "Transfer-money:Giver-Arg",
            "Transfer-money:Money-Arg",
            "Transfer-money:Recipient-Arg",
        ],
    }
    assert annotations_of(project, Selection.from_argument("all")) == {}
    revision = project.setting("schema_revision")
    report = import_annotations(
        project, "brat", [BRAT / "news", BRAT / "bio"], ImportOptions("Salma", add_labels=True)
    )
    assert project.setting("schema_revision") == revision + 1
    assert project.schema.by_key("event", "Gene_expression") is not None
    assert report.entities == 8 and report.events == 5 and report.arguments == 6
    assert any("not imported: 3 event arguments that are events" in d for d in report.details())
    project.undo()
    assert project.schema.by_key("event", "Gene_expression") is None
    assert project.setting("schema_revision") == revision


def test_written_ann_files_and_configuration(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    text = text_of(seeded_project, 4)
    newline = re.search(r"\S{4}\n\S{4}", text).start() + 4
    # a span across a line break is written as two fragments, as brat does
    add_spans(seeded_project, set_for(seeded_project, 4, None), [(newline - 4, newline + 5, "ORG")])
    out = tmp_path / "brat"
    report = export_dataset(seeded_project, "brat", out)
    ann = (out / "000001.ann").read_text(encoding="utf-8").splitlines()
    assert ann[0] == "T1\tORG 0 4\tميتا"
    assert "T5\tORG 530 534\tMeta" in ann
    assert ann[-1] == "E1\tBusiness.Partnership:T7 Participants:T1 Participants2:T2"
    assert (out / "000001.txt").read_text(encoding="utf-8") == text_of(seeded_project, 1)
    fragments = (out / "000004.ann").read_text(encoding="utf-8").splitlines()[0]
    assert fragments == (
        f"T1\tORG {newline - 4} {newline};{newline + 1} {newline + 5}\t"
        f"{text[newline - 4 : newline]} {text[newline + 1 : newline + 5]}"
    )
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    partnership = "Business.Partnership\tParticipants+:GPE|ORG|PERS, Product*:PRODUCT, Time?:DATE"
    assert f"\n{partnership}\n" in conf
    assert "bgColor:#3c7dd9" in (out / "visual.conf").read_text(encoding="utf-8")
    assert report.left_out["stances (brat has no place for them)"] == 2
    # read back: numbered roles and fragments come back as they were
    import_annotations(seeded_project, "brat", [out], ImportOptions("Salma"))
    gold = annotations_of(seeded_project, Selection())
    back = annotations_of(seeded_project, Selection.from_argument("Salma"))
    for doc_text in gold:
        assert back[doc_text]["entities"] == gold[doc_text]["entities"]
        assert back[doc_text]["events"] == gold[doc_text]["events"]


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1 ORG 0 4 ميتا\n", "line 1: expected an id, a TAB and an annotation"),
        ("T1\tORG 0 x\tميتا\n", "line 1: T1: offsets '0 x' are not 'start end'"),
        ("T1\tORG 0 4\tميتا\nE1\tAcquire:T9\n", "line 2: E1: trigger T9 is not defined"),
        ("T1\tORG 0 4\tميتا\nX1\tfoo\n", "line 2: unknown annotation kind 'X1'"),
    ],
)
def test_malformed_ann_lines_name_file_and_line(tmp_path, ann, message):
    (tmp_path / "doc.txt").write_text("ميتا تطلق", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        brat.read(tmp_path / "doc.ann")
    assert str(caught.value) == f"doc.ann {message}"


def test_a_span_text_that_does_not_match_is_refused_with_file_and_line(project, tmp_path):
    (tmp_path / "doc.txt").write_text("ميتا تطلق نموذجا", encoding="utf-8")
    (tmp_path / "doc.ann").write_text("T1\tORG 0 4\tميتا\nT2\tORG 5 9\tجوجل\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "brat", [tmp_path], ImportOptions("Salma"))
    assert refused.value.problems == [
        'doc.ann line 2: entity T2 (ORG) text "جوجل" does not match the document text "تطلق" at 5-9'
    ]
