import pytest

from core.annotation.annotators import ensure_annotator
from core.annotation.bulk import annotate_occurrences, find_occurrences
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span, spans_of_set
from core.documents.importing import import_documents
from core.documents.search import CorpusIndex
from core.project.errors import OperationError

TEXT = (
    "أعلنت ميتا اليوم. وقال متحدث لميتا إن مِيتَا ستطلق منصة الميتافيرس.\n"
    "وتخطط ميتا مع ميتاء؟ لا. ولميتا خطط أخرى، ومنتجات Meta كثيرة."
)


@pytest.fixture
def corpus(project, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("شراكة بين ميتا وجوجل.\nلا شيء هنا", encoding="utf-8")
    (tmp_path / "c.txt").write_text("نص بلا اسم الشركة", encoding="utf-8")
    import_documents(project, [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"])
    salma = ensure_annotator(project, "Salma").value
    return project, salma


def tagged(text, occurrences):
    return [(text[o.start : o.end], o.clitic) for o in occurrences]


def test_folded_and_clitic_aware_matches_in_one_document(corpus):
    project, salma = corpus
    org = project.schema.by_key("entity", "ORG").id
    found = find_occurrences(project, salma, "ميتا", org, document_ids=[1])
    # whole words, with the clitic left out; diacritics folded; not inside الميتافيرس
    assert tagged(TEXT, found.occurrences) == [
        ("ميتا", ""),
        ("ميتا", "ل"),
        ("مِيتَا", ""),
        ("ميتا", ""),
        ("ميتا", "ول"),
    ]  # "ميتاء" is another word
    assert all(o.suggested for o in found.occurrences)
    assert found.documents == 1


def test_already_annotated_are_counted_and_overlaps_are_flagged(corpus):
    project, salma = corpus
    org = project.schema.by_key("entity", "ORG").id
    prod = project.schema.by_key("entity", "PRODUCT").id
    with project.write() as tx:
        set_id = ensure_set(tx, 1, salma)
    first = TEXT.index("ميتا")
    add_span(project, set_id, first, first + 4, org)
    second = TEXT.index("لميتا") + 1
    add_span(project, set_id, second, second + 4, prod)
    found = find_occurrences(project, salma, "ميتا", org, document_ids=[1])
    assert found.already == 1
    assert len(found.occurrences) == 4
    flagged = [o for o in found.occurrences if o.overlaps]
    assert [(o.start, o.overlaps, o.suggested) for o in flagged] == [(second, ("PRODUCT",), False)]
    # another annotator's work is not theirs
    omar = ensure_annotator(project, "Omar").value
    assert find_occurrences(project, omar, "ميتا", org, document_ids=[1]).already == 0


def test_corpus_scope_with_and_without_the_index_then_one_undo_step(corpus):
    project, salma = corpus
    org = project.schema.by_key("entity", "ORG").id
    plain = find_occurrences(project, salma, "ميتا", org)
    index = CorpusIndex(project)
    index.build()
    indexed = find_occurrences(project, salma, "ميتا", org, index=index)
    assert plain.occurrences == indexed.occurrences
    assert {o.document_id for o in plain.occurrences} == {1, 2}
    assert plain.documents == 2

    result = annotate_occurrences(project, salma, org, plain.occurrences)
    assert len(result.value) == 6
    assert result.changes.documents == {1, 2}
    assert project.undo_name == "Annotate all ORG (6)"
    with project.read() as conn:
        set_ids = {doc: ensure_set_id(conn, doc, salma) for doc in (1, 2)}
        assert len(spans_of_set(conn, set_ids[1])) == 5
    project.undo()
    with project.read() as conn:
        assert spans_of_set(conn, set_ids[1]) == []
    again = find_occurrences(project, salma, "ميتا", org)
    assert again.already == 0 and len(again.occurrences) == 6


def ensure_set_id(conn, doc, annotator):
    from core.annotation.sets import find_set

    return find_set(conn, doc, annotator)


def test_progress_can_cancel_and_bad_requests_are_refused(corpus):
    project, salma = corpus
    org = project.schema.by_key("entity", "ORG").id
    calls = []

    def progress(done, total, label):
        calls.append((done, total))
        return True

    find_occurrences(project, salma, "ميتا", org, progress=progress)
    assert calls[-1] == (3, 3)
    with pytest.raises(OperationError):
        find_occurrences(project, salma, "   ", org)
    with pytest.raises(OperationError):
        annotate_occurrences(project, salma, org, [])
    found = find_occurrences(project, salma, "ميتا", org, document_ids=[2])
    annotate_occurrences(project, salma, org, found.occurrences)
    with pytest.raises(OperationError, match="already annotated"):
        annotate_occurrences(project, salma, org, found.occurrences)
