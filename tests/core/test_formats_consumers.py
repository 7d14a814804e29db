"""Every token export loaded by the library its users feed it to: spaCy's CoNLL
converter, seqeval, conllu, datasets (the others: test_formats_exchange.py)."""

from __future__ import annotations

import json

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import conll
from core.io.import_annotations import ImportOptions, import_annotations
from tests.conftest import SHARED_PEERS
from tests.core.formats_support import annotate_seed_article

WOJOOD = SHARED_PEERS / "wojood"


@pytest.fixture
def wojood(project):
    """Both Wojood samples imported (nested entities, the files' own tokens)."""
    import_annotations(
        project,
        "conll",
        [WOJOOD / "val.txt", WOJOOD / "test.txt"],
        ImportOptions("w", add_labels=True),
    )
    return project


def outer_entities(doc):
    """The entities of the outermost layer, as token ranges: what a one-layer reader
    should find."""
    starts = [s for s, _ in doc.tokens]
    ends = [e for _, e in doc.tokens]
    spans = sorted((e.start, -e.end, e.label) for e in doc.entities)
    outer, last_end = [], -1
    for start, negative_end, label in spans:
        if start >= last_end:
            outer.append((starts.index(start), ends.index(-negative_end) + 1, label))
            last_end = -negative_end
    return outer


def test_spacy_convert_keeps_every_outer_entity_of_the_conll_export(wojood, tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    out = tmp_path / "w.conll"
    export_dataset(wojood, "conll", out, Selection.from_argument("w"))
    content = out.read_text(encoding="utf-8")
    docs = list(conll_ner_to_docs(content, no_print=True))  # what `spacy convert -c ner` runs
    expected = [outer_entities(doc) for doc in conll.read(out).documents]
    assert len(docs) == len(expected) == 2
    for doc, outer in zip(docs, expected, strict=True):
        assert sorted((e.start, e.end, e.label_) for e in doc.ents) == outer


def test_seqeval_finds_the_entities_in_the_tag_columns(wojood, tmp_path):
    from seqeval.metrics import f1_score
    from seqeval.metrics.sequence_labeling import get_entities

    out = tmp_path / "w.conll"
    export_dataset(wojood, "conll", out, Selection.from_argument("w"))
    first_document = out.read_text(encoding="utf-8").split("-DOCSTART- -X- O O\n\n")[1]
    sentences = [s.split("\n") for s in first_document.strip("\n").split("\n\n")]
    found = set()
    for n, sentence in enumerate(sentences):
        rows = [line.split() for line in sentence]
        for column in range(1, len(rows[0])):
            tags = [row[column] for row in rows]
            if set(tags) != {"O"}:
                assert f1_score([tags], [tags]) == 1.0
            found.update((n, a, b, label) for label, a, b in get_entities(tags))
    doc = conll.read(out).documents[0]
    token_of = {start: k for k, (start, _) in enumerate(doc.tokens)}
    last_of = {end: k for k, (_, end) in enumerate(doc.tokens)}
    first_token = [token_of[start] for start, _ in doc.sentences]
    expected = set()
    for e in doc.entities:
        n = max(i for i, k in enumerate(first_token) if k <= token_of[e.start])
        expected.add(
            (n, token_of[e.start] - first_token[n], last_of[e.end] - first_token[n], e.label)
        )
    assert found == expected


def test_conllu_parses_ten_columns_with_the_tags_in_misc(seeded_project, tmp_path):
    import conllu

    annotate_seed_article(seeded_project)
    out = tmp_path / "x.conllu"
    export_dataset(seeded_project, "conllu", out)
    sentences = conllu.parse(out.read_text(encoding="utf-8"))
    assert sentences[0].metadata["newdoc id"] == "1"
    assert sentences[0].metadata["text"].startswith("ميتا تفكر في دمج")
    for sentence in sentences:
        for token in sentence:
            assert len(token) == 10
            assert token["misc"]["NER"] in ("O",) or token["misc"]["NER"][:2] in ("B-", "I-")
    words = {token["form"]: token["misc"] for token in sentences[0]}
    assert words["جوجل"]["NER"] == "B-ORG"
    assert words["و"]["SpaceAfter"] == "No"  # the clitic split off "وأوبن"
    lab = next(s for s in sentences if any(t["form"] == "Superintelligence" for t in s))
    meta = next(t for t in lab if t["form"] == "Meta")
    assert (meta["misc"]["NER"], meta["misc"]["NER2"]) == ("B-ORG", "B-ORG")


def test_conllu_comes_back_onto_the_same_text(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    out = tmp_path / "x.conllu"
    export_dataset(seeded_project, "conllu", out)
    report = import_annotations(seeded_project, "conllu", [out], ImportOptions("Salma"))
    assert report.documents_matched == [1] and report.notes == ["new annotator Salma"]


def test_datasets_loads_the_folder_with_label_names_spans_and_splits(wojood, tmp_path):
    import datasets

    out = tmp_path / "hf"
    export_dataset(
        wojood, "hf", out, Selection.from_argument("w"), {"split": "50/0/50", "seed": "7"}
    )
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert sorted(loaded) == ["test", "train"]
    names = loaded["train"].features["ner_tags"].feature.names
    assert names == json.loads((out / "labels.json").read_text(encoding="utf-8"))
    span_labels = loaded["train"].features["spans"].feature["label"].names
    documents = {split: set(loaded[split]["document"]) for split in loaded}
    assert len(documents["train"] | documents["test"]) == 2
    assert not documents["train"] & documents["test"]  # a document goes whole to one split
    rows = [row for split in loaded for row in loaded[split]]
    kept = {
        (row["document"], row["sentence"], s["start"], s["end"], span_labels[s["label"]])
        for row in rows
        for s in row["spans"]
    }
    total = sum(len(doc.entities) for doc in conll.read(WOJOOD / "val.txt").documents) + sum(
        len(doc.entities) for doc in conll.read(WOJOOD / "test.txt").documents
    )
    assert len(kept) == total  # nested entities survive in the spans
    tags = [[names[i] for i in row["ner_tags"]] for row in rows]
    assert any("B-" in t for sentence in tags for t in sentence)


def test_the_same_seed_gives_the_same_split(wojood, tmp_path):
    for name in ("a", "b"):
        export_dataset(
            wojood, "hf", tmp_path / name, Selection.from_argument("w"), {"split": "50/0/50"}
        )
    for split in ("train", "test"):
        a = (tmp_path / "a" / f"{split}.jsonl").read_text(encoding="utf-8")
        assert a == (tmp_path / "b" / f"{split}.jsonl").read_text(encoding="utf-8")


def test_label_studio_converter_reads_the_tasks_with_their_ids(seeded_project, tmp_path):
    from label_studio_sdk.converter import Converter

    annotate_seed_article(seeded_project)
    out = tmp_path / "tasks.json"
    export_dataset(seeded_project, "labelstudio", out)
    config = (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
    converter = Converter(config=config, project_dir=str(tmp_path), download_resources=False)
    (item,) = list(converter.iter_from_json_file(str(out)))
    assert item["id"] == 1 and item["annotation_id"] == 1 and item["completed_by"] == "gold"
    labels = item["output"]["label"]
    assert sorted(v["labels"][0] for v in labels) == ["ORG"] * 5 + ["PRODUCT"]  # DATE: excluded
    assert [v["labels"] for v in item["output"]["event"]] == [["Business.Partnership"]]
    converter.convert_to_json(str(out), str(tmp_path / "converted"), is_dir=False)
    (converted,) = json.loads((tmp_path / "converted" / "result.json").read_text(encoding="utf-8"))
    assert converted["id"] == 1 and converted["data"]["text"].startswith("ميتا تفكر")


def test_spacy_reads_the_docbin_with_nested_entities_in_its_span_group(wojood, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    out = tmp_path / "train.spacy"
    export_dataset(wojood, "spacy", out, Selection.from_argument("w"))
    nlp = spacy.blank("ar")  # a blank Arabic pipeline: no model to download
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    originals = [conll.read(WOJOOD / name).documents[0] for name in ("val.txt", "test.txt")]
    assert len(docs) == 2
    for doc, original in zip(docs, originals, strict=True):
        assert [t.text for t in doc] == [original.text[s:e] for s, e in original.tokens]
        assert len(list(doc.sents)) == len(original.sentences)
        expected = sorted((original.text[e.start : e.end], e.label) for e in original.entities)
        assert sorted((s.text, s.label_) for s in doc.spans["sc"]) == expected
        assert {(e.start, e.end, e.label_) for e in doc.ents} == set(outer_entities(original))
        assert doc.user_data["tawsim"]["annotation_set"] == "w"


def test_without_spacy_the_spacy_export_says_what_to_install(seeded_project, tmp_path, monkeypatch):
    import importlib.util

    from core.project.errors import OperationError

    annotate_seed_article(seeded_project)
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "spacy" else real(name, *a)
    )
    with pytest.raises(OperationError, match=r"needs the Python package 'spacy'.*pip install"):
        export_dataset(seeded_project, "spacy", tmp_path / "x.spacy")
    assert not (tmp_path / "x.spacy").exists()


def test_the_docbin_is_written_as_spacy_writes_it_a_few_documents_at_a_time(
    wojood, tmp_path, monkeypatch
):
    """Token arrays wait on disk, not in memory, and each Doc is stored without DocBin.add's
    step per token, yet the file is byte for byte the one spaCy's DocBin.to_disk writes for
    the same documents."""
    from spacy.tokens import DocBin
    from srsly.msgpack import msgpack_encoders

    from core.io.formats import spacy_docbin

    made = docs_made(monkeypatch)
    monkeypatch.setattr(spacy_docbin, "SPILL_DOCUMENTS", 1)  # every document spilled
    out = tmp_path / "train.spacy"
    export_dataset(wojood, "spacy", out, Selection.from_argument("w"))
    assert len(made) == 2
    expected = DocBin(store_user_data=True, docs=[doc for doc, _ in made]).to_bytes()
    assert out.read_bytes() == expected
    assert "get_all" not in vars(msgpack_encoders)  # srsly is left as it was


def test_the_docbin_without_the_sentences_of_excluded_text_is_spacys_too(
    seeded_project, tmp_path, monkeypatch
):
    from spacy.tokens import DocBin

    annotate_seed_article(seeded_project)
    made = docs_made(monkeypatch)
    out = tmp_path / "train.spacy"
    report = export_dataset(seeded_project, "spacy", out, options={"excluded_text": "drop"})
    assert report.left_out["sentences touching excluded text"] == 1
    ((doc, words),) = made
    assert "5th" not in words
    assert ("أوبن إيه آي", "ORG") in {(span.text, span.label_) for span in doc.spans["sc"]}
    assert out.read_bytes() == DocBin(store_user_data=True, docs=[doc]).to_bytes()


def docs_made(monkeypatch):
    """The (Doc, words) the spaCy export makes, in order, as it makes them."""
    from core.io.formats import spacy_docbin

    made = []
    real_doc = spacy_docbin.Writer._doc
    monkeypatch.setattr(
        spacy_docbin.Writer,
        "_doc",
        lambda self, record: made.append(real_doc(self, record)) or made[-1],
    )
    return made
