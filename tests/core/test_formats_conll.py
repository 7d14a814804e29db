"""CoNLL / IOB2: the Wojood peer files, nested columns, the clitic option."""

from __future__ import annotations

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import conll
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, import_annotations
from tests.conftest import SHARED_PEERS
from tests.core.formats_support import (
    add_spans,
    annotate_seed_article,
    annotations_of,
    find,
    set_for,
    text_of,
)

WOJOOD = SHARED_PEERS / "wojood"


def entities_of(doc):
    return [(e.label, doc.text[e.start : e.end]) for e in doc.entities]


def test_wojood_nested_entities_in_varying_columns_are_read():
    parsed = conll.read(WOJOOD / "test.txt")
    (doc,) = parsed.documents
    found = entities_of(doc)
    # "محكمة حكومة فلسطين": ORG containing ORG "حكومة فلسطين" containing GPE "فلسطين"
    # (a type nested in itself, the inner ORG written in the first column on one line)
    assert ("ORG", "محكمة حكومة فلسطين") in found
    assert ("ORG", "حكومة فلسطين") in found
    assert ("GPE", "فلسطين") in found
    # "بلدية مدينة البيرة": ORG with the GPE "مدينة البيرة" nested inside
    assert ("ORG", "بلدية مدينة البيرة") in found
    assert ("GPE", "مدينة البيرة") in found
    assert parsed.warnings == []


def test_wojood_layout_quirks_tokens_and_sentences():
    (doc,) = conll.read(WOJOOD / "val.txt").documents
    lines = doc.text.split("\n")
    raw = (WOJOOD / "val.txt").read_text(encoding="utf-8")
    assert len(lines) == raw.count("\n\n") + 1  # one blank line between sentences, none at the end
    assert lines[0].endswith(" . $#$")  # "$#$ O" is an ordinary token
    found = entities_of(doc)
    # clitics stay inside the tagged token, as Wojood writes them
    assert ("ORG", "لمنظمة الصحة العالمية") in found
    assert ("PERS", "لزهدي باكير") in found
    # nesting written with the outer layer first: "سكرتير ... نابلس" OCC holds ORG and GPE
    assert ("OCC", "سكرتير اللجنة القومية العربية في نابلس") in found
    assert ("ORG", "اللجنة القومية العربية") in found
    assert ("GPE", "نابلس") in found
    # one token, two entities: "كيلو B-UNIT B-QUANTITY"
    assert ("UNIT", "كيلو") in found and ("QUANTITY", "كيلو") in found
    assert doc.rebuilt


def test_wojood_imports_into_a_project_with_the_labels_added(project):
    report = import_annotations(
        project,
        "conll",
        [WOJOOD / "val.txt", WOJOOD / "test.txt"],
        ImportOptions("wojood", add_labels=True),
    )
    assert len(report.documents_added) == 2
    assert report.labels_added["entity"] == [
        "CURR",
        "EVENT",
        "NORP",
        "PERCENT",
        "QUANTITY",
        "TIME",
        "UNIT",
        "WEBSITE",
    ]
    assert report.entities == sum(
        len(conll.read(WOJOOD / name).documents[0].entities) for name in ("val.txt", "test.txt")
    )


@pytest.mark.parametrize("name", ["val.txt", "test.txt"])
def test_wojood_round_trips_token_for_token_sentence_for_sentence(project, tmp_path, name):
    """The file's tokens and sentences are kept with the document, so the export gives
    back the same tokens ("$#$" one token), sentences and entities, nested included."""
    import_annotations(project, "conll", [WOJOOD / name], ImportOptions("w", add_labels=True))
    out = tmp_path / "back.conll"
    export_dataset(project, "conll", out, Selection.from_argument("w"))
    (original,) = conll.read(WOJOOD / name).documents
    (back,) = conll.read(out).documents
    raw = (WOJOOD / name).read_text(encoding="utf-8")
    assert len(original.sentences) == raw.count("\n\n") + 1
    assert back.tokens == original.tokens and back.sentences == original.sentences
    assert back.text == original.text
    assert "$#$" in back.text.split()

    def spans(doc):
        return sorted((e.start, e.end, e.label) for e in doc.entities)

    assert spans(back) == spans(original)
    nested = [
        (a, b) for a in spans(back) for b in spans(back) if a != b and a[0] <= b[0] < b[1] <= a[1]
    ]
    assert nested


def test_nested_entities_get_their_own_column_and_clitics_split_or_keep(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    split, keep = tmp_path / "split.conll", tmp_path / "keep.conll"
    export_dataset(seeded_project, "conll", split, options={"clitics": "split"})
    export_dataset(seeded_project, "conll", keep, options={"clitics": "keep"})
    split_lines = split.read_text(encoding="utf-8").split("\n")
    keep_lines = keep.read_text(encoding="utf-8").split("\n")
    assert split_lines[:2] == ["-DOCSTART- -X- O O", ""]  # the CoNLL-2003 form
    # "وأوبن إيه آي" with the entity starting after the conjunction
    assert split_lines[8:12] == ["و O O", "أوبن O B-ORG", "إيه O I-ORG", "آي O I-ORG"]
    assert keep_lines[8:11] == ["وأوبن O B-ORG", "إيه O I-ORG", "آي O I-ORG"]
    # "Meta Superintelligence Lab" holds "Meta": the outer entity in the last column (the
    # one single-layer readers take), the nested one before it
    at = split_lines.index("Meta B-ORG B-ORG")
    assert split_lines[at + 1 : at + 3] == ["Superintelligence O I-ORG", "Lab O I-ORG"]
    # the excluded line's tokens stay (untagged): its DATE entity is left out
    assert "5th O O" in split_lines


def test_excluded_sentences_can_be_dropped(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    out = tmp_path / "drop.conll"
    report = export_dataset(seeded_project, "conll", out, options={"excluded_text": "drop"})
    content = out.read_text(encoding="utf-8")
    assert "5th" not in content and "النشر" not in content
    assert report.left_out["sentences touching excluded text"] == 1


def test_a_sentence_break_never_cuts_an_entity(seeded_project, tmp_path):
    text = text_of(seeded_project, 2)
    newline = text.index("\n")
    add_spans(seeded_project, set_for(seeded_project, 2, None), [(newline - 3, newline + 4, "ORG")])
    out = tmp_path / "x.conll"
    export_dataset(seeded_project, "conll", out)
    import_annotations(seeded_project, "conll", [out], ImportOptions("Salma"))
    (back,) = annotations_of(seeded_project, Selection.from_argument("Salma")).values()
    assert back["entities"] == [(newline - 3, newline + 4, "ORG")]


def test_keep_then_strip_puts_entities_back_after_their_clitic(seeded_project, tmp_path):
    text = text_of(seeded_project, 2)
    start, end = find(text, " لميتا ")
    start, end = start + 1, end - 1
    add_spans(seeded_project, set_for(seeded_project, 2, None), [(start + 1, end, "ORG")])
    out = tmp_path / "keep.conll"
    export_dataset(seeded_project, "conll", out, options={"clitics": "keep"})
    assert "لميتا B-ORG" in out.read_text(encoding="utf-8").split("\n")
    import_annotations(seeded_project, "conll", [out], ImportOptions("kept"))
    import_annotations(seeded_project, "conll", [out], ImportOptions("stripped", clitics="strip"))
    (kept,) = annotations_of(seeded_project, Selection.from_argument("kept")).values()
    (stripped,) = annotations_of(seeded_project, Selection.from_argument("stripped")).values()
    assert kept["entities"] == [(start, end, "ORG")]  # the whole token, clitic included
    assert stripped["entities"] == [(start + 1, end, "ORG")]  # "ميتا" occurs alone: split


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("ميتا B-ORG\nتطلق\n", "line 2: token 'تطلق' has no tag"),
        ("ميتا B-ORG\nتطلق ORG\n", "line 2: 'ORG' is not a tag"),
        ("ميتا X-ORG\n", "line 1: 'X-ORG' is not a tag"),
        ("\n\n", "holds no tokens"),
    ],
)
def test_malformed_files_name_the_line(tmp_path, content, message):
    path = tmp_path / "bad.conll"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        conll.read(path)
    assert str(caught.value).startswith("bad.conll")
    assert message in str(caught.value)


def test_docstart_separates_documents_and_bioes_and_orphans_are_understood(tmp_path):
    path = tmp_path / "two.conll"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\nميتا S-ORG\nتطلق O\nLlama B-PRODUCT\n4 E-PRODUCT\n\n"
        "-DOCSTART- O\n\nجوجل I-ORG\nو O\nأوبن B-ORG\nإيه I-ORG\n",
        encoding="utf-8",
    )
    parsed = conll.read(path)
    first, second = parsed.documents
    assert first.text == "ميتا تطلق Llama 4" and second.text == "جوجل و أوبن إيه"
    assert entities_of(first) == [("ORG", "ميتا"), ("PRODUCT", "Llama 4")]
    assert entities_of(second) == [("ORG", "جوجل"), ("ORG", "أوبن إيه")]
    assert parsed.warnings == [
        "two.conll line 8: 1 I- tag(s) with no entity open were read as starts"
    ]
    assert first.title == "two #1"


def test_a_windows_1256_file_is_decoded(tmp_path):
    path = tmp_path / "legacy.conll"
    path.write_bytes(
        "قال O\nمارك B-PERS\nزوكربيرغ I-PERS\nإن O\nالشركة O\nفي O\nالولايات B-GPE\n"
        "المتحدة I-GPE\nهي O\nالتي O\nمن O\nأكبر O\n".encode("cp1256")
    )
    parsed = conll.read(path)
    assert parsed.warnings == ["legacy.conll: read as cp1256"]
    assert entities_of(parsed.documents[0])[0] == ("PERS", "مارك زوكربيرغ")


def test_strip_takes_its_evidence_from_every_document_of_the_project(project, tmp_path):
    from core.documents.importing import import_documents

    # "زيدان" stands alone only in another document, and is in no lexicon
    (tmp_path / "a.txt").write_text("وصل زيدان أمس إلى القاهرة", encoding="utf-8")
    import_documents(project, [tmp_path / "a.txt"])
    conll_file = tmp_path / "b.conll"
    conll_file.write_text("قال O\nلزيدان B-PERS\nشيئا O\n", encoding="utf-8")
    import_annotations(project, "conll", [conll_file], ImportOptions("Salma", clitics="strip"))
    (found,) = [a for a in annotations_of(project, Selection.from_argument("Salma")).values()]
    text = "قال لزيدان شيئا"
    assert found["entities"] == [(text.index("زيدان"), text.index("زيدان") + 5, "PERS")]


def test_conllu_spacing_names_every_gap_but_one_space_and_a_sentence_break(project, tmp_path):
    from core.documents.importing import import_documents

    source = tmp_path / "spacing.txt"
    source.write_text(
        "ميتا،  تفكر\tفي\u00a0دمج لجوجل.\n\nسطر ثان. آخر", encoding="utf-8", newline="\n"
    )
    import_documents(project, [source])
    text = text_of(project, 1)
    set_id = set_for(project, 1, None)
    add_spans(project, set_id, [(*find(text, "جوجل"), "ORG")])  # cuts the clitic ل off
    out = tmp_path / "x.conllu"
    export_dataset(project, "conllu", out, Selection("gold"))
    misc = [
        (fields[1], fields[9])
        for line in out.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
        for fields in [line.split("\t")]
    ]
    assert misc == [
        ("ميتا", "NER=O|SpaceAfter=No"),
        ("،", "NER=O|SpacesAfter=\\s\\s"),
        ("تفكر", "NER=O|SpacesAfter=\\t"),
        ("في", "NER=O|SpacesAfter=\\u00a0"),
        ("دمج", "NER=O"),
        ("ل", "NER=O|SpaceAfter=No"),
        ("جوجل", "NER=B-ORG|SpaceAfter=No"),
        (".", "NER=O|SpacesAfter=\\n\\n"),
        ("سطر", "NER=O"),
        ("ثان", "NER=O|SpaceAfter=No"),
        (".", "NER=O|SpacesAfter=\\s"),
        ("آخر", "NER=O"),
    ]
