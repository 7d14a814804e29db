"""UIMA CAS XMI through dkpro-cassis: INCEpTION's file, and Tawsim's round trip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import xmi
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, import_annotations
from core.project.project import Project
from tests.core.formats_support import EMOJI_TEXT, annotate_seed_article, annotations_of

PEERS = Path(__file__).parents[1] / "data" / "peers" / "inception"


def test_inceptions_xmi_with_a_slot_feature_is_read_with_its_type_system():
    (doc,) = xmi.read(PEERS / "testSimpleSlotFeature.xmi").documents
    assert doc.text == "This is a test ." and len(doc.tokens) == 5 and doc.sentences == [(0, 16)]
    words = {e.ref: doc.text[e.start : e.end] for e in doc.entities}
    (event,) = doc.events
    assert (event.type, doc.text[event.start : event.end]) == ("SimpleLinkHost", "This")
    assert [(a.role, words[a.entity_ref]) for a in event.arguments] == [("p1", "is"), ("p2", "a")]


def test_the_export_comes_back_whole_with_utf16_offsets_in_the_file(gold_with_emoji, tmp_path):
    project = gold_with_emoji
    out = tmp_path / "xmi"
    export_dataset(project, "xmi", out)
    assert sorted(p.name for p in out.iterdir()) == ["000001.xmi", "000006.xmi", "TypeSystem.xml"]
    raw = (out / "000006.xmi").read_text(encoding="utf-8")
    zuckerberg = EMOJI_TEXT.index("زوكربيرغ")
    utf16 = zuckerberg + 2  # two emoji before it, each two UTF-16 units
    assert re.search(rf'NamedEntity [^>]*begin="{utf16}"', raw)
    fresh = Project.create(tmp_path / "fresh.tawsim")
    try:
        report = import_annotations(fresh, "xmi", [out], ImportOptions("S"))
        assert len(report.documents_added) == 2
        back = annotations_of(fresh, Selection.from_argument("S"))
        original = annotations_of(project, Selection())
        assert set(back) == set(original)  # the texts, exactly
        for text, found in original.items():
            assert back[text]["entities"] == found["entities"]
            assert back[text]["events"] == found["events"]
    finally:
        fresh.close()


@pytest.fixture
def gold_with_emoji(seeded_project, tmp_path):
    from core.documents.importing import import_documents
    from tests.core.formats_support import add_spans, find, set_for

    annotate_seed_article(seeded_project)
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    import_documents(seeded_project, [tmp_path / "emoji.txt"])
    spans = [(*find(EMOJI_TEXT, "ميتا"), "ORG"), (*find(EMOJI_TEXT, "زوكربيرغ"), "PERS")]
    add_spans(seeded_project, set_for(seeded_project, 6, None), spans)
    return seeded_project


def test_a_file_that_is_not_xmi_is_refused_by_name(tmp_path):
    (tmp_path / "broken.xmi").write_text("<xmi:XMI", encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken\.xmi: is not a UIMA CAS XMI file"):
        xmi.read(tmp_path / "broken.xmi")
