"""WebAnno / INCEpTION TSV 3.3: files INCEpTION wrote, and what Tawsim writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import tsv3
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, import_annotations
from core.project.project import Project
from core.schema.model import load_preset
from tests.core.formats_support import annotate_seed_article, annotations_of, find, text_of

PEERS = Path(__file__).parents[1] / "data" / "peers" / "inception"


def spans(doc):
    return sorted((e.label, doc.text[e.start : e.end]) for e in doc.entities)


def test_stacked_named_entities_with_identifier_and_value():
    (doc,) = tsv3.read(PEERS / "simpleSpanDiffWithLabelStackingTest-user1.tsv").documents
    assert doc.text.startswith("Mourinho admitted a top four finish for Champions League")
    assert spans(doc) == [("ORG", "Champions League"), ("ORG", "Champions League")]
    assert len(doc.tokens) == 15 and doc.sentences == [(0, 91)]


def test_stacked_multi_token_and_sub_token_spans():
    (doc,) = tsv3.read(PEERS / "testMultiTokenStackedSpanWithFeatureValue.tsv").documents
    assert spans(doc) == [("LOCATION", "This is a test ."), ("PERSON", "This is a test .")]
    parsed = tsv3.read(PEERS / "testSubMultiTokenSpanWithFeatureValue.tsv")
    (doc,) = parsed.documents
    found = {(e.label, e.start, e.end) for e in doc.entities}
    # "9[4]" starts inside "aaaaaa" (sub-token 3-6), covers "bbbbbb", ends inside "cccccc"
    assert ("9", 3, 17) in found and ("7", 0, 10) in found and ("4", 7, 11) in found
    assert parsed.left_out == {"zero-length annotations": 3}
    (prefix,) = tsv3.read(PEERS / "testSubTokenPrefix.tsv").documents
    assert [(e.label, e.start, e.end) for e in prefix.entities] == [("OTH", 0, 1)]  # "T" of "Test"


def test_slot_features_become_event_arguments():
    (doc,) = tsv3.read(PEERS / "testSimpleSlotFeature.tsv").documents
    (event,) = doc.events
    assert (event.type, doc.text[event.start : event.end]) == ("SimpleLinkHost", "This")
    targets = {e.ref: doc.text[e.start : e.end] for e in doc.entities}
    assert [(a.role, targets[a.entity_ref]) for a in event.arguments] == [("p1", "is"), ("p2", "a")]
    (doc,) = tsv3.read(PEERS / "testMultiTokenSlotFeature.tsv").documents
    (event,) = doc.events
    targets = {e.ref: doc.text[e.start : e.end] for e in doc.entities}
    assert [(a.role, targets[a.entity_ref]) for a in event.arguments] == [
        ("p1", "is a"),
        ("p2", "test ."),
    ]


def test_texts_are_rebuilt_as_inception_does():
    (doc,) = tsv3.read(PEERS / "testSentenceWithLineBreak.tsv").documents
    assert doc.text == "This is\na test .\n"
    (doc,) = tsv3.read(PEERS / "testTwoSentencesWithNoSpaceInBetween.tsv").documents
    assert doc.text == "onetwo\n" and doc.tokens == [(0, 3), (3, 6)]
    (doc,) = tsv3.read(PEERS / "testSentenceWithEmoji.tsv").documents
    assert doc.unit == "utf16" and doc.tokens[3] == (10, 12)  # "😊" counts two units


def test_inception_files_import_with_utf16_offsets_and_their_tokens(project):
    files = sorted(PEERS.glob("*.tsv"))
    report = import_annotations(project, "tsv3", files, ImportOptions("ann", add_labels=True))
    # the two slot files hold the same text and trigger: one event with all four arguments
    assert report.events == 1 and report.arguments == 4
    assert report.already_present == {
        "entities given twice in the file(s)": 1,  # the stacked identical ORG spans
        "events given twice in the file(s)": 1,
    }
    emoji = next(
        text for text in annotations_of(project, Selection.from_argument("ann")) if "😊" in text
    )
    found = annotations_of(project, Selection.from_argument("ann"))[emoji]["entities"]
    assert [emoji[s:e] for s, e, _ in found] == ["😊"]  # UTF-16 10-12: one code point


@pytest.mark.parametrize(
    "name",
    [
        "simpleSpanDiffWithLabelStackingTest-user1.tsv",
        "testMultiTokenStackedSpanWithFeatureValue.tsv",
        "testSubMultiTokenSpanWithFeatureValue.tsv",
        "testSubTokenPrefix.tsv",
        "testSentenceWithEmoji.tsv",
        "testTwoSentencesWithNoSpaceInBetween.tsv",
    ],
)
def test_inception_files_round_trip(tmp_path, name):
    """Imported and exported again: the same text, tokens, sentences and spans (two
    identical spans are one annotation in Tawsim)."""
    project = Project.create(tmp_path / "p.tawsim", schema=load_preset("anercorp"))
    try:
        import_annotations(project, "tsv3", [PEERS / name], ImportOptions("a", add_labels=True))
        out = tmp_path / "out"
        export_dataset(project, "tsv3", out, Selection.from_argument("a"))
        (original,) = tsv3.read(PEERS / name).documents
        (back,) = tsv3.read(next(out.iterdir())).documents
        assert back.text == original.text
        assert back.tokens == original.tokens and back.sentences == original.sentences
        assert {(e.start, e.end, e.label) for e in back.entities} == {
            (e.start, e.end, e.label) for e in original.entities
        }
    finally:
        project.close()


def test_the_export_writes_sub_tokens_stacks_and_event_slots(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    out = tmp_path / "tsv"
    report = export_dataset(seeded_project, "tsv3", out)
    (path,) = out.iterdir()
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value",
        "#T_SP=webanno.custom.Event|value|ROLE_webanno.custom.Event:arguments_"
        "webanno.custom.EventArgumentsLink|de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
    ]
    text = text_of(seeded_project, 1)
    start, end = find(text, "وأوبن")
    token = next(line for line in lines if f"\t{start}-{end}\tوأوبن\t" in line)
    sub = lines[lines.index(token) + 1].split("\t")
    assert sub[1:3] == [f"{start + 1}-{end}", "أوبن"] and sub[4].startswith("ORG[")
    lab = next(i for i, line in enumerate(lines) if "\tSuperintelligence\t" in line)
    assert lines[lab - 1].split("\t")[4].count("ORG[") == 2  # the lab and the nested "Meta"
    trigger = next(line for line in lines if "\tدمج\t" in line).split("\t")
    assert trigger[5] == "Business.Partnership"
    assert trigger[6] == "Participants;Participants"
    assert len(trigger[7].split(";")) == 2
    assert report.left_out["stances (WebAnno TSV holds entities and events here)"] == 2
    fresh = Project.create(tmp_path / "fresh.tawsim")
    try:
        import_annotations(fresh, "tsv3", [out], ImportOptions("S"))
        ((_, back),) = annotations_of(fresh, Selection.from_argument("S")).items()
        ((_, original),) = annotations_of(seeded_project, Selection()).items()
        assert back["entities"] == original["entities"]
        assert back["events"] == original["events"]
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("hello\n", "line 1: is not a WebAnno TSV 3 file"),
        ("#FORMAT=WebAnno TSV 3.3\n\n\n1-1\t0-3\tone\t\n", "line 4: a token line before"),
        ("#FORMAT=WebAnno TSV 3.3\n#T_SP=x.Span|value\n\n\n#Text=one\n1-1\t0-3\tone\n", "line 6"),
        ("#FORMAT=WebAnno TSV 3.3\n\n\n#Text=one\n1-1\t0-9\tone\t\n", "outside the sentence"),
    ],
)
def test_malformed_files_name_the_line(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        tsv3.read(path)
