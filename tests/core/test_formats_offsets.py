"""Offsets in UTF-16 units and through canonicalisation; detecting a file's unit."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.io.dataset import Selection
from core.io.formats.offsets import CanonicalText, Utf16Offsets, has_astral, utf16_length
from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations
from core.text.canonical import canonicalize
from tests.core.formats_support import EMOJI_TEXT, annotations_of, find


def test_utf16_offsets_both_ways():
    text = "a😀بc🤖"
    units = Utf16Offsets(text)
    assert units.length == utf16_length(text) == len(text.encode("utf-16-le")) // 2 == 7
    assert [units.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 7]
    assert [units.from_utf16(u) for u in range(8)] == [0, 1, None, 2, 3, 4, None, 5]
    assert units.from_utf16(8) is None
    assert Utf16Offsets("ميتا").identical and not has_astral("ميتا") and has_astral(text)


@given(st.text(alphabet=st.sampled_from("aب 😀🤖\U0001d400\n"), max_size=30))
def test_utf16_conversion_agrees_with_the_encoding(text):
    units = Utf16Offsets(text)
    for i in range(len(text) + 1):
        u = units.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert units.from_utf16(u) == i


def test_canonical_offsets_through_bom_crlf_and_nfc():
    raw = "\ufeffقال\r\nا\u0654حمد\rx"
    canonical = CanonicalText(raw)
    assert canonical.text == "قال\nأحمد\nx"
    assert canonical.offset(1) == 0  # after the BOM
    assert canonical.offset(4) == 3  # before CR LF
    assert canonical.offset(5) is None  # between CR and LF
    assert canonical.offset(6) == 4  # before alef + hamza above
    assert canonical.offset(7) is None  # between the letter and the mark NFC composes
    assert canonical.offset(8) == 5
    assert canonical.offset(len(raw)) == len(canonical.text)
    assert not CanonicalText("ميتا").changed


@given(
    st.text(
        alphabet=st.sampled_from(
            [
                "ا",
                "\u0654",
                "\u0653",
                "e",
                "\u0301",
                "\r",
                "\n",
                "ᄀ",
                "\u1161",
                "\u11a8",
                " ",
                "\ufeff",
            ]
        ),
        max_size=25,
    )
)
def test_canonical_offsets_map_prefixes_exactly(raw):
    canonical = CanonicalText(raw)
    for i in range(len(raw) + 1):
        mapped = canonical.offset(i)
        if mapped is not None:
            assert canonicalize(raw[:i]) == canonical.text[:mapped] or (
                # a prefix ending in a lone CR canonicalises to LF either way
                unicodedata.normalize(
                    "NFC", raw[:i].replace("\r\n", "\n").replace("\r", "\n")
                ).removeprefix("\ufeff")
                == canonical.text[:mapped]
            )


def labelstudio_task(text, spans, with_text=True):
    result = [
        {
            "id": f"r{i}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": s, "end": e, "labels": [label]}
            | ({"text": text[cs:ce]} if with_text else {}),
        }
        for i, (s, e, cs, ce, label) in enumerate(spans)
    ]
    return {"data": {"text": text}, "annotations": [{"result": result}]}


def spans_in_both_units(text, words):
    units = Utf16Offsets(text)
    spans = []
    for word, label in words:
        start, end = find(text, word)
        spans.append((start, end, units.to_utf16(start), units.to_utf16(end), label))
    return spans


def test_a_label_studio_file_in_utf16_units_is_read_as_such(project, tmp_path):
    spans = spans_in_both_units(EMOJI_TEXT, [("كاليفورنيا", "GPE"), ("زوكربيرغ", "PERS")])
    path = tmp_path / "tasks.json"
    path.write_text(
        json.dumps(
            [labelstudio_task(EMOJI_TEXT, [(u, v, s, e, lab) for s, e, u, v, lab in spans])],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    import_annotations(project, "labelstudio", [path], ImportOptions("Salma"))
    (back,) = annotations_of(project, Selection.from_argument("Salma")).values()
    assert back["entities"] == sorted((s, e, lab) for s, e, _, _, lab in spans)


def test_a_file_in_code_points_is_detected_when_only_that_reading_fits(project, tmp_path):
    """Label Studio files usually count UTF-16 units; these offsets only match the span
    texts when read as code points, so they are read that way (and the user is told)."""
    spans = spans_in_both_units(EMOJI_TEXT, [("كاليفورنيا", "GPE"), ("ميتا ستنافس", "ORG")])
    path = tmp_path / "tasks.json"
    path.write_text(
        json.dumps(
            [labelstudio_task(EMOJI_TEXT, [(s, e, s, e, lab) for s, e, _, _, lab in spans])]
        ),
        encoding="utf-8",
    )
    report = import_annotations(project, "labelstudio", [path], ImportOptions("Salma"))
    assert "tasks.json: offsets read as code points (they only fit the text that way)" in (
        report.notes
    )
    (back,) = annotations_of(project, Selection.from_argument("Salma")).values()
    assert back["entities"] == sorted((s, e, lab) for s, e, _, _, lab in spans)


def test_without_span_texts_word_boundaries_decide(project, tmp_path):
    text = "😀😀😀 أطلقت ميتا 🚀 نموذج Llama 4 اليوم"
    start, end = find(text, "ميتا")
    path = tmp_path / "data.jsonl"
    path.write_text(
        json.dumps({"text": text, "label": [[start, end, "ORG"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    report = import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert any("word boundaries" in note for note in report.notes)
    (back,) = annotations_of(project, Selection.from_argument("Salma")).values()
    assert back["entities"] == [(start, end, "ORG")]
    # a unit given explicitly is obeyed: as UTF-16 units the offsets point elsewhere
    import_annotations(project, "doccano", [path], ImportOptions("Omar", offsets="utf16"))
    (forced,) = annotations_of(project, Selection.from_argument("Omar")).values()
    assert forced["entities"] == [(start - 3, end - 3, "ORG")]


def test_a_file_mixing_units_is_refused(project, tmp_path):
    other = "🤖 قال زوكربيرغ في كاليفورنيا"
    first = spans_in_both_units(EMOJI_TEXT, [("كاليفورنيا", "GPE")])
    second = spans_in_both_units(other, [("زوكربيرغ", "PERS")])
    path = tmp_path / "mixed.json"
    path.write_text(
        json.dumps(
            [
                labelstudio_task(EMOJI_TEXT, [(u, v, s, e, lab) for s, e, u, v, lab in first]),
                labelstudio_task(other, [(s, e, s, e, lab) for s, e, _, _, lab in second]),
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused, match=r"offsets count code points in .* but UTF-16 units"):
        import_annotations(project, "labelstudio", [path], ImportOptions("Salma"))


def test_offsets_cutting_a_surrogate_pair_or_out_of_range_are_refused(project, tmp_path):
    rocket = Utf16Offsets(EMOJI_TEXT).to_utf16(EMOJI_TEXT.index("🚀"))
    path = tmp_path / "bad.jsonl"
    lines = [
        {"text": EMOJI_TEXT, "label": [[rocket + 1, rocket + 4, "ORG"]], "offset_unit": "utf16"},
        {"text": "ميتا", "label": [[0, 9, "ORG"]]},
    ]
    path.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    with pytest.raises(ImportRefused) as refused:
        import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert refused.value.problems == [
        f"bad.jsonl line 1: entity #0 (ORG) offsets {rocket + 1}-{rocket + 4} cut a character in "
        "two (UTF-16 surrogate pair)",
        "bad.jsonl line 2: entity #0 (ORG) offsets 0-9 are outside the document (4 UTF-16 units)",
    ]


def test_offsets_in_a_crlf_file_are_carried_to_the_canonical_text(project, tmp_path):
    (tmp_path / "doc.txt").write_bytes("ميتا\r\nتطلق Llama 4\r\n".encode())
    (tmp_path / "doc.ann").write_text(
        "T1\tORG 0 4\tميتا\nT2\tPRODUCT 11 18\tLlama 4\n", encoding="utf-8"
    )
    import_annotations(project, "brat", [tmp_path], ImportOptions("Salma"))
    ((text, back),) = annotations_of(project, Selection.from_argument("Salma")).items()
    assert text == "ميتا\nتطلق Llama 4\n"
    assert [text[s:e] for s, e, _ in back["entities"]] == ["ميتا", "Llama 4"]
