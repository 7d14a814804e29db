"""Suggestions in a project: what recommenders learn from, what an annotator is shown,
accepting and rejecting (remembered, undoable, counted), and the recommender settings."""

import pytest

from core.annotation.annotators import ensure_annotator, set_annotator_role
from core.annotation.events import events_of_set
from core.annotation.excluded import exclude_for_annotator
from core.annotation.sets import find_set, set_state
from core.annotation.spans import annotate, spans_of_set
from core.documents.importing import import_documents
from core.project.errors import OperationError
from core.recommend.examples import TrainingSource, read_examples
from core.recommend.suggestions import (
    Suggestion,
    accept_suggestions,
    decision_counts,
    recommender_settings,
    reject_suggestion,
    set_recommender_enabled,
    set_training_source,
    suggestions_to_show,
)
from models.tables import SuggestionDecision

TEXTS = [
    "أعلنت ميتا وجوجل شراكة في الصين.",
    "قالت ميتا إن جوجل منافس.",
    "اشترت أمازون شركة ناشئة في الهند.",
]


@pytest.fixture
def corpus(project, tmp_path):
    paths = []
    for n, text in enumerate(TEXTS):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import_documents(project, paths)
    salma = ensure_annotator(project, "Salma").value
    omar = ensure_annotator(project, "Omar").value
    return project, salma, omar


def label(project, key, layer="entity"):
    return project.schema.by_key(layer, key).id


def tag(project, document, owner, surface, key):
    start = TEXTS[document - 1].index(surface)
    return annotate(project, document, owner, start, start + len(surface), label(project, key))


def suggestion(project, document, surface, key, score=0.9, recommender="gazetteer", layer="entity"):
    start = TEXTS[document - 1].index(surface)
    return Suggestion(start, start + len(surface), label(project, key, layer), score, recommender)


def test_training_sources_read_the_sets_they_name(corpus):
    project, salma, omar = corpus
    tag(project, 1, salma, "ميتا", "ORG")
    tag(project, 2, salma, "جوجل", "ORG")
    tag(project, 2, omar, "ميتا", "ORG")
    tag(project, 2, None, "ميتا", "ORG")  # gold
    tag(project, 2, None, "جوجل", "ORG")
    set_state(project, find_set_of(project, 2, omar), "finished")
    set_state(project, find_set_of(project, 1, salma), "finished")

    def read(source):
        return [
            (e.document_id, [TEXTS[e.document_id - 1][s.start : s.end] for s in e.spans])
            for e in read_examples(project, TrainingSource.parse(source))
        ]

    assert read("Salma") == [(1, ["ميتا"]), (2, ["جوجل"])]  # any state
    assert read("gold") == [(2, ["ميتا", "جوجل"])]
    assert read("finished") == [(1, ["ميتا"]), (2, ["ميتا"])]  # the gold set is not finished
    set_state(project, find_set_of(project, 2, None), "finished")
    assert read("finished") == [(1, ["ميتا"]), (2, ["ميتا", "جوجل"])]  # gold stands for 2
    exclude_for_annotator(project, 1, salma, 0, 10)  # "أعلنت ميتا" left out
    assert read("Salma")[0] == (1, [])  # finished: nothing to annotate there is a lesson
    set_state(project, find_set_of(project, 1, salma), "in_progress")
    assert read("Salma") == [(2, ["جوجل"])]  # not yet: nothing learnt from it
    with pytest.raises(OperationError, match="no annotator named 'Nadia'"):
        read("Nadia")


def find_set_of(project, document, owner):
    with project.read() as conn:
        return find_set(conn, document, owner)


def test_shown_suggestions_leave_out_what_is_decided_annotated_excluded_or_off(corpus):
    project, salma, omar = corpus
    meta = suggestion(project, 1, "ميتا", "ORG")
    google = suggestion(project, 1, "جوجل", "ORG")
    china = suggestion(project, 1, "الصين", "GPE")
    weak_overlap = suggestion(project, 1, "ميتا وجوجل", "ORG", score=0.4, recommender="crf")
    assert suggestions_to_show(project, 1, salma, [meta, google, china, weak_overlap]) == [
        meta,
        google,
        china,
    ]  # the overlapping one scored lower is not shown
    tag(project, 1, salma, "جوجل", "PRODUCT")  # annotated otherwise: not suggested again
    reject_suggestion(project, 1, salma, china)
    assert suggestions_to_show(project, 1, salma, [meta, google, china]) == [meta]
    # Omar's work and decisions are his own
    assert suggestions_to_show(project, 1, omar, [meta, google, china]) == [meta, google, china]
    exclude_for_annotator(project, 1, omar, 0, 10)
    assert suggestions_to_show(project, 1, omar, [meta, google, china]) == [google, china]
    set_annotator_role(project, omar, "curator")
    set_recommender_enabled(project, omar, "gazetteer", False)
    assert suggestions_to_show(project, 1, salma, [meta, google, china]) == []
    assert recommender_settings(project).disabled == {"gazetteer"}


def test_accept_one_then_all_of_a_label_each_one_undo_step(corpus):
    project, salma, _ = corpus
    meta = suggestion(project, 1, "ميتا", "ORG")
    google = suggestion(project, 1, "جوجل", "ORG")
    china = suggestion(project, 1, "الصين", "GPE")
    result = accept_suggestions(project, 1, salma, [china])
    assert project.undo_name == "Accept GPE suggestion"
    assert "suggestion_decision" in result.changes.rows
    result = accept_suggestions(project, 1, salma, [meta, google])
    assert project.undo_name == "Accept 2 ORG suggestions"
    set_id = find_set_of(project, 1, salma)

    def spans():
        with project.read() as conn:
            return [TEXTS[0][s.start : s.end] for s in spans_of_set(conn, set_id)]

    def decisions():
        with project.read() as conn:
            rows = conn.execute(
                SuggestionDecision.__table__.select().where(SuggestionDecision.set_id == set_id)
            ).all()
        return sorted((TEXTS[0][r.start : r.end], r.decision, r.recommender) for r in rows)

    assert spans() == ["ميتا", "جوجل", "الصين"]
    assert decisions() == [
        ("الصين", "accepted", "gazetteer"),
        ("جوجل", "accepted", "gazetteer"),
        ("ميتا", "accepted", "gazetteer"),
    ]
    assert decision_counts(project, salma, 1).accepted == 3
    project.undo()
    assert spans() == ["الصين"] and len(decisions()) == 1
    project.undo()
    assert spans() == [] and decisions() == []
    project.redo()
    assert spans() == ["الصين"]


def test_rejections_are_remembered_counted_and_undoable(corpus):
    project, salma, _ = corpus
    china = suggestion(project, 1, "الصين", "GPE")
    reject_suggestion(project, 1, salma, china)
    assert project.undo_name == "Reject GPE suggestion"
    accept_suggestions(project, 2, salma, [suggestion(project, 2, "جوجل", "ORG")])
    counts = decision_counts(project, salma, 1)
    assert (counts.accepted, counts.rejected) == (0, 1)
    assert (counts.accepted_total, counts.rejected_total) == (1, 1)
    assert suggestions_to_show(project, 1, salma, [china]) == []
    project.undo()
    project.undo()
    assert suggestions_to_show(project, 1, salma, [china]) == [china]
    assert decision_counts(project, salma, None).rejected_total == 0


def test_an_event_type_suggestion_becomes_an_event(corpus):
    project, salma, _ = corpus
    trigger = suggestion(project, 3, "اشترت", "Business.Acquire", layer="event")
    result = accept_suggestions(project, 3, salma, [trigger])
    with project.read() as conn:
        [event] = events_of_set(conn, find_set(conn, 3, salma))
    assert (event.id, event.start, event.end) == (result.value[0], 0, 5)
    # a trigger hides trigger suggestions there, not entity suggestions
    assert suggestions_to_show(project, 3, salma, [trigger]) == []
    amazon = suggestion(project, 3, "أمازون", "ORG")
    assert suggestions_to_show(project, 3, salma, [amazon]) == [amazon]


def test_accepting_what_became_annotated_meanwhile_is_refused_whole(corpus):
    project, salma, _ = corpus
    tag(project, 1, salma, "ميتا", "ORG")
    with pytest.raises(OperationError, match="already annotated as ORG"):
        accept_suggestions(
            project,
            1,
            salma,
            [suggestion(project, 1, "جوجل", "ORG"), suggestion(project, 1, "ميتا", "ORG")],
        )
    with project.read() as conn:
        assert len(spans_of_set(conn, find_set(conn, 1, salma))) == 1


def test_only_curators_switch_recommenders_and_choose_what_they_learn_from(corpus):
    project, salma, omar = corpus
    with pytest.raises(OperationError, match="only a curator can switch recommenders"):
        set_recommender_enabled(project, salma, "crf", False)
    set_annotator_role(project, omar, "curator")
    set_recommender_enabled(project, omar, "crf", False)
    set_training_source(project, omar, "gold")
    assert recommender_settings(project).as_json() == {"disabled": ["crf"], "train_from": "gold"}
    set_recommender_enabled(project, omar, "crf", True)
    assert recommender_settings(project).disabled == frozenset()
    with pytest.raises(OperationError, match="train from one of own, finished, gold"):
        set_training_source(project, omar, "everyone")
