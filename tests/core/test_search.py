import pytest

from core.documents import search
from core.documents.importing import import_documents
from core.documents.search import CorpusIndex
from core.text.fold import fold
from models.tables import Document


def texts(project):
    from sqlalchemy import select

    with project.read() as conn:
        return dict(conn.execute(select(Document.id, Document.text)).all())


def test_corpus_search_finds_folded_variants_and_maps_back(seeded_project):
    index = CorpusIndex(seeded_project)
    result = index.search("ميتا")
    docs = texts(seeded_project)
    assert {hit.document_id for hit in result.hits} == {1, 2, 3, 4, 5}
    assert result.documents == 5
    for hit in result.hits:
        assert fold(docs[hit.document_id][hit.start : hit.end]) == "ميتا"
    # "لميتا" contains a hit: substring search sees through the clitic
    assert any(docs[h.document_id][h.start - 1 : h.end] == "لميتا" for h in result.hits)


def test_hamza_and_teh_marbuta_variants_match(seeded_project):
    index = CorpusIndex(seeded_project)
    docs = texts(seeded_project)
    found = {docs[h.document_id][h.start : h.end] for h in index.search("استراتيجيه").hits}
    assert {"استراتيجية", "إستراتيجية"} <= found


def test_limit_truncates(seeded_project):
    result = CorpusIndex(seeded_project).search("ال", limit=10)
    assert len(result.hits) == 10 and result.truncated


def test_index_follows_imports_and_undo(seeded_project, tmp_path):
    index = CorpusIndex(seeded_project)
    assert index.search("كلمةفريدة").hits == []
    f = tmp_path / "new.txt"
    f.write_text("نص فيه كلمةفريدة واحدة", encoding="utf-8")
    report = import_documents(seeded_project, [f])
    index.apply(report.changes)
    (hit,) = index.search("كلمةفريدة").hits
    assert hit.document_id == report.added[0]
    changes = seeded_project.undo()
    assert changes.documents_removed == set(report.added)
    index.apply(changes)
    assert index.search("كلمةفريدة").hits == []


def test_empty_and_multiline_queries_find_nothing(seeded_project):
    index = CorpusIndex(seeded_project)
    assert index.search("   ").hits == []
    assert index.search("\u0651").hits == []  # folds to nothing


def test_the_index_knows_the_words_of_every_document(project, tmp_path):
    from core.text.clitics import analyze

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("وأعلنت شركة وأوبن", encoding="utf-8")
    second.write_text("قالت أوبن إيه آي", encoding="utf-8")
    report = import_documents(project, [first])
    index = CorpusIndex(project)
    index.build()
    assert fold("أوبن") not in index.words and fold("شركة") in index.words
    report = import_documents(project, [second])
    index.apply(report.changes)
    assert fold("أوبن") in index.words  # standing alone in another document
    text = "وأعلنت شركة وأوبن"
    assert analyze(text, 12, 17, "standard", index.words).stem_start == 13
    index.apply(project.undo())  # the second import undone: its words are gone
    assert fold("أوبن") not in index.words


@pytest.mark.parametrize("chunk_chars", [1, 12, 1 << 23])
def test_every_hit_maps_back_as_its_document_alone_would(
    project, tmp_path, monkeypatch, chunk_chars
):
    """The corpus index maps hits through one joined table of edits; each document's own
    folding map (FoldedText) is the reference, for hits after, inside and at the end of
    dropped marks and invisibles, in ligatures and across documents added later; with
    the folded text in one chunk, a chunk a document, and chunks of a few documents."""
    from core.text.fold import find_folded

    monkeypatch.setattr(search, "_CHUNK_CHARS", chunk_chars)

    documents = [
        "ميتا وميتا",  # nothing to map: an identity map
        "قالت ميتَا إن \u200fميتا\u200f ومِيتاً",  # marks inside and after, invisibles around
        "ﻻ ميتا لا ﷲ ميتاـــ",  # ligatures expanded before a hit; tatweel after one
        "م\u0651يتا ﻻميتا ميتا\u064b\u064c",  # a mark after the first letter; marks at the end
        "\u064e",  # folds to nothing
        "ميتا",
    ]
    paths = []
    for number, text in enumerate(documents):
        paths.append(tmp_path / f"{number}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    report = import_documents(project, paths[:2])
    index = CorpusIndex(project)
    index.build()
    index.apply(import_documents(project, paths[2:4]).changes)
    for path in paths[4:]:  # one at a time: each joins the last chunk or starts one
        index.apply(import_documents(project, [path]).changes)
    stored = texts(project)
    assert len(stored) == len(documents) and len(report.added) == 2
    assert len(index._chunks) == {1: 5, 12: 4}.get(chunk_chars, 1)  # the empty one shares
    for query in ("ميتا", "لا", "ل", "ا م", "الله", "ا"):
        expected = [
            (doc_id, start, end)
            for doc_id, text in sorted(stored.items())
            for start, end in find_folded(text, query)
        ]
        hits = index.search(query, limit=10**6).hits
        assert [tuple(hit) for hit in hits] == expected, query


def test_building_reports_every_document_and_stops_when_cancelled(seeded_project):
    from core.project.progress import Cancelled

    reports = []
    index = CorpusIndex(seeded_project)
    index.build(lambda done, total, _label: reports.append((done, total)) or True)
    assert reports == [(done, 5) for done in range(5)] and index.built

    def cancel_after_two(done, _total, _label):
        return done < 2

    index = CorpusIndex(seeded_project)
    with pytest.raises(Cancelled):
        index.build(cancel_after_two)
    assert not index.built
    assert index.search("ميتا").documents == 5  # built whole on first use after all


def test_an_import_the_index_fails_to_take_in_keeps_what_it_had(project, tmp_path, monkeypatch):
    """The documents taken in before a failure keep their text in the index, and so do
    those of the chunk the import was joining (it is taken apart to grow)."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("ميتا في الأولى", encoding="utf-8")
    second.write_text("نص يفشل", encoding="utf-8")
    import_documents(project, [first])
    index = CorpusIndex(project)
    index.build()
    added = import_documents(project, [second])
    real_fold = search.fold

    def failing(text, *args):
        if text.startswith("نص يفشل"):
            raise RuntimeError("cannot fold")
        return real_fold(text, *args)

    monkeypatch.setattr(search, "fold", failing)
    with pytest.raises(RuntimeError):
        index.apply(added.changes)
    assert index.search("ميتا").documents == 1
