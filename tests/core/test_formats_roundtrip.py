"""Export -> import -> the same annotations, for every format."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.documents.importing import import_documents
from core.io.dataset import Selection, open_dataset
from core.io.export import export_dataset
from core.io.formats import FORMATS
from core.io.import_annotations import ImportOptions, import_annotations
from core.project.project import Project
from tests.core.formats_support import (
    EMOJI_TEXT,
    add_spans,
    annotate_seed_article,
    annotations_of,
    find,
    set_for,
)

SALMA = Selection.from_argument("Salma")
CARRIES_EVERYTHING = ("jsonl", "xlsx")
CARRIES_EVENTS = ("brat", "doccano", "labelstudio")


def out_path(tmp_path: Path, key: str, name: str = "out") -> Path:
    info = FORMATS[key]
    return tmp_path / (name if info.folder else name + info.suffix)


@pytest.fixture
def gold(seeded_project, tmp_path):
    """The annotated seed article and an emoji document, in the gold standard."""
    annotate_seed_article(seeded_project)
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    import_documents(seeded_project, [tmp_path / "emoji.txt"])
    spans = [
        (*find(EMOJI_TEXT, "ميتا"), "ORG"),
        (*find(EMOJI_TEXT, "Llama 4"), "PRODUCT"),
        (*find(EMOJI_TEXT, "كاليفورنيا"), "GPE"),
        (*find(EMOJI_TEXT, "زوكربيرغ"), "PERS"),
        (*find(EMOJI_TEXT, "ميتا", 1), "ORG"),
    ]
    add_spans(seeded_project, set_for(seeded_project, 6, None), spans)
    return seeded_project


def expected_after(key: str, options: dict, original: dict) -> dict:
    """What a format carries of the original annotations."""
    kept = {}
    for text, found in original.items():
        layers = dict(found)
        if key not in CARRIES_EVERYTHING:
            layers["stances"] = []
            layers["excluded"] = []
        if key not in CARRIES_EVERYTHING + CARRIES_EVENTS or options.get("variant") == "label":
            layers["events"] = []
        kept[text] = layers
    return kept


@pytest.mark.parametrize(
    ("key", "options"),
    [
        ("jsonl", {}),
        ("xlsx", {}),
        ("brat", {}),
        ("doccano", {}),
        ("doccano", {"variant": "label"}),
        ("doccano", {"offsets": "codepoints"}),
        ("labelstudio", {}),
        ("labelstudio", {"offsets": "codepoints"}),
    ],
)
def test_round_trip_into_a_fresh_project(gold, tmp_path, key, options):
    out = out_path(tmp_path, key)
    export_dataset(gold, key, out, options=options)
    fresh = Project.create(tmp_path / "fresh.tawsim")
    try:
        report = import_annotations(fresh, key, [out], ImportOptions("Salma"))
        assert len(report.documents_added) == 2
        assert annotations_of(fresh, SALMA) == expected_after(
            key, options, annotations_of(gold, Selection())
        )
        again = import_annotations(fresh, key, [out], ImportOptions("Salma"))
        assert again.entities == 0 and again.already_present["entities"] == 11
    finally:
        fresh.close()


@pytest.mark.parametrize("key", ["conll", "hf"])
def test_token_formats_come_back_onto_the_same_documents(gold, tmp_path, key):
    """The text is rebuilt from tokens, matched to the project's documents by its
    characters, and every entity lands on its original offsets (split clitics: exact)."""
    out = out_path(tmp_path, key)
    export_dataset(gold, key, out, options={"clitics": "split"})
    report = import_annotations(gold, key, [out], ImportOptions("Salma"))
    assert report.documents_added == [] and sorted(report.documents_matched) == [1, 6]
    original = annotations_of(gold, Selection())
    back = annotations_of(gold, SALMA)
    for text, found in original.items():  # nested entities too (Hugging Face: its spans)
        assert back[text]["entities"] == found["entities"]


@pytest.mark.parametrize("key", ["conll", "hf"])
def test_token_formats_in_a_fresh_project_rebuild_the_text(gold, tmp_path, key):
    out = out_path(tmp_path, key)
    export_dataset(gold, key, out, options={"clitics": "split"})
    fresh = Project.create(tmp_path / "fresh.tawsim")
    try:
        import_annotations(fresh, key, [out], ImportOptions("Salma"))
        texts = {}
        for text, found in annotations_of(fresh, SALMA).items():
            texts[text.split("\n")[0]] = sorted(
                (label, text[s:e]) for s, e, label in found["entities"]
            )
        first = texts["ميتا تفكر في دمج نماذج جوجل و أوبن إيه آي لدعم تقنياتها الذكية"]
        assert ("ORG", "أوبن إيه آي") in first and ("ORG", "ميتا") in first
        emoji = texts["أطلقت ميتا 🚀 نموذج Llama 4 اليوم 😀 في كاليفورنيا ."]
        assert emoji == sorted(
            [
                ("GPE", "كاليفورنيا"),
                ("ORG", "ميتا"),
                ("ORG", "ميتا"),
                ("PERS", "زوكربيرغ"),
                ("PRODUCT", "Llama 4"),
            ]
        )
    finally:
        fresh.close()


# --- property tests: random span sets over seed texts ---------------------------------------

SNIPPET = (
    "قال مارك زوكربيرغ إن ميتا ستستثمر 14.3 مليار دولار في Scale AI، وعيّن ألكسندر وانغ.\n"
    "وأكدت لميتا مصادرُ أن «Llama 4» لم يحقق النجاح المتوقع!\n\nتاريخ النشر: 5th, September 2025"
)
LABELS = ("PERS", "ORG", "PRODUCT", "MONEY", "DATE")


@st.composite
def span_sets(draw):
    text = draw(st.sampled_from([SNIPPET, EMOJI_TEXT]))
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    spans = set()
    for _ in range(draw(st.integers(1, 12))):
        a = draw(st.sampled_from(visible))
        b = draw(st.sampled_from(visible))
        start, end = min(a, b), max(a, b) + 1
        if end - start > 60:
            end = start + 1
        spans.add((start, end, draw(st.sampled_from(LABELS))))
    return text, sorted(spans)


@pytest.fixture(scope="module")
def base_projects():
    folder = Path(tempfile.mkdtemp(prefix="tawsim-roundtrip-"))
    paths = {}
    for name, text in (("snippet", SNIPPET), ("emoji", EMOJI_TEXT)):
        project = Project.create(folder / f"{name}.tawsim")
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        import_documents(project, [folder / f"{name}.txt"])
        project.close()
        paths[text] = folder / f"{name}.tawsim"
    yield folder, paths
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(
    ("key", "options"),
    [
        ("jsonl", {}),
        ("brat", {}),
        ("doccano", {}),
        ("labelstudio", {}),
        ("xlsx", {}),
        ("conll", {"clitics": "split"}),
    ],
)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=span_sets())
def test_random_spans_survive_the_round_trip(base_projects, key, options, case):
    folder, paths = base_projects
    text, spans = case
    work = Path(tempfile.mkdtemp(dir=folder))
    shutil.copy(paths[text], work / "p.tawsim")
    project = Project.open(work / "p.tawsim")
    try:
        add_spans(project, set_for(project, 1, None), spans)
        out = out_path(work, key)
        export_dataset(project, key, out, options=options)
        import_annotations(project, key, [out], ImportOptions("Salma"))
        (back,) = annotations_of(project, SALMA).values()
        assert back["entities"] == sorted((s, e, label) for s, e, label in spans)
        with open_dataset(project, SALMA) as dataset:
            for record in dataset:
                for entity in record.entities:
                    assert entity.text == record.text[entity.start : entity.end]
                    assert entity.text == entity.text.strip()
    finally:
        project.close()
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "doccano.jsonl",
            '{"text": "قال مارك زوكربيرغ إن ميتا", "label": [[3, 17, "PERS"], [20, 25, "ORG"]]}\n',
        ),
        ("ann/a.txt", None),
    ],
)
def test_spans_with_edge_whitespace_are_trimmed_and_counted_per_file(
    project, tmp_path, name, content
):
    text = "قال مارك زوكربيرغ إن ميتا"
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    if content is None:  # brat: a .txt and its .ann
        path.write_text(text, encoding="utf-8")
        (tmp_path / "ann" / "a.ann").write_text(
            "T1\tPERS 3 17\t مارك زوكربيرغ\nT2\tORG 20 25\t ميتا\n", encoding="utf-8"
        )
        key, files = "brat", [tmp_path / "ann"]
    else:
        path.write_text(content, encoding="utf-8")
        key, files = "doccano", [path]
    report = import_annotations(project, key, files, ImportOptions("Salma"))
    (back,) = annotations_of(project, SALMA).values()
    assert back["entities"] == [(4, 17, "PERS"), (21, 25, "ORG")]
    assert any("2 span(s) trimmed of edge whitespace" in note for note in report.notes)
