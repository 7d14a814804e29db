"""The recommenders themselves, on texts held in memory: units, the gazetteer, the CRF,
cross-validation, training in a child process."""

import pytest

from core.documents.demo import seed_files
from core.project.errors import OperationError
from core.project.progress import Cancelled
from core.recommend.base import Vocabulary
from core.recommend.crf import train_crf
from core.recommend.evaluate import OVERALL, cross_validate
from core.recommend.examples import Example, Tagged
from core.recommend.gazetteer import train_gazetteer
from core.recommend.isolated import run_isolated
from core.recommend.training import train
from core.recommend.units import CLITIC, Splitter, sequences
from core.text.fold import fold
from core.text.tokens import tokenize
from tests.fixtures.seed_corpus import annotated_articles, annotated_sentences


def example(document_id, text, *tagged, excluded=()):
    """An example with `(surface, label)` tags, each at its next occurrence."""
    spans, cursor = [], 0
    for surface, label, *layer in tagged:
        start = text.index(surface, cursor)
        spans.append(Tagged(start, start + len(surface), layer[0] if layer else "entity", label))
        cursor = start + len(surface)
    return Example(document_id, text, tuple(sorted(spans)), tuple(excluded))


def shown(text, proposals):
    return [(text[p.start : p.end], p.label) for p in proposals]


def test_units_split_proclitics_by_the_rule_and_fold():
    splitter = Splitter("standard", {"ميتا"})
    text = "قال متحدث لميتا إنّ أوبن\nأعلنت"
    units = splitter.units(text)
    assert [(text[units.starts[i] : units.ends[i]], units.readings[i].kind) for i in (2, 3)] == [
        ("ل", CLITIC),
        ("ميتا", "arabic"),
    ]
    assert units.readings[3].after_clitic and units.folded[3] == "ميتا"
    assert units.folded[4] == "ان"  # hamza and shadda folded
    # without evidence that the stem stands alone, the word stays whole
    assert Splitter("standard", set()).units("لكريم").folded == ["لكريم"]
    assert [len(run) for run in sequences(text, units)] == [6, 1]  # a line break ends a run
    text = "جملة أولى. جملة ثانية"
    assert [len(run) for run in sequences(text, Splitter("none", set()).units(text))] == [3, 2]
    assert sequences("", Splitter("none", set()).units("")) == []


@pytest.mark.parametrize(
    "text",
    [
        *(path.read_text(encoding="utf-8") for path in seed_files()),
        "H100 و4o بـ14.3 و1,000 و٢٠٢٥ و14٫3 لـMeta 12abc 3. (أ) «ب»… x2y",
    ],
)
def test_units_are_the_tokens_when_nothing_is_split(text):
    units = Splitter("none", set()).units(text)
    tokens = tokenize(text)
    assert units.starts == [t.start for t in tokens] and units.ends == [t.end for t in tokens]
    assert [r.kind for r in units.readings] == [t.kind for t in tokens]
    assert units.folded == [fold(t.text) for t in tokens]


def test_gazetteer_finds_folded_forms_after_clitics_longest_first():
    examples = [
        example(1, "أعلنت أوبن إيه آي وميتا شراكة.", ("أوبن إيه آي", "ORG"), ("ميتا", "ORG")),
        example(2, "قالت ميتا إن أوبن تعمل.", ("ميتا", "ORG")),  # "أوبن" alone: untagged
    ]
    vocabulary = Vocabulary.of("standard", examples)
    gazetteer = train_gazetteer(examples, vocabulary.splitter())
    text = "وقّعت اوبن إيه آي مع لمِيتا اتفاقاً."
    proposals = gazetteer.suggest(text, vocabulary.splitter([text]))
    # hamza and diacritics folded, the clitic left out, the longer form preferred
    assert shown(text, proposals) == [("اوبن إيه آي", "ORG"), ("مِيتا", "ORG")]
    assert {p.score for p in proposals} == {1.0}


def test_gazetteer_score_is_how_often_the_form_got_the_label():
    examples = [
        example(1, "زار ترامب الصين.", ("الصين", "GPE")),
        example(2, "الصين والهند.", ("الصين", "GPE")),
        example(3, "سوق الصين كبيرة.", ("الصين", "LOC")),
        example(4, "في الصين اليوم.", excluded=[(0, 14)]),  # excluded text counts for nothing
        example(5, "تجارة الصين."),  # untagged: counts against
    ]
    vocabulary = Vocabulary.of("standard", examples)
    gazetteer = train_gazetteer(examples, vocabulary.splitter())
    assert gazetteer.best("entity", ("الصين",)) == ("GPE", 0.5)
    [proposal] = gazetteer.suggest("إلى الصين", vocabulary.splitter())
    assert (proposal.label, proposal.score) == ("GPE", 0.5)
    # a form tagged once in ten is not proposed
    rare = [example(n, "كلمة عادية.") for n in range(9)] + [example(9, "كلمة", ("كلمة", "ORG"))]
    vocabulary = Vocabulary.of("standard", rare)
    assert train_gazetteer(rare, vocabulary.splitter()).suggest("كلمة", vocabulary.splitter()) == []


def seed_examples(count, first=1, seed=7):
    articles = annotated_articles(count, annotated_sentences(), seed=seed, first_number=first)
    return [
        Example(
            first + n, a.text, tuple(Tagged(s, e, "entity", label) for s, e, label in a.entities)
        )
        for n, a in enumerate(articles)
    ]


def f1(examples, proposals_of):
    expected = {(e.document_id, s.start, s.end, s.label) for e in examples for s in e.spans}
    proposed = {
        (e.document_id, p.start, p.end, p.label) for e in examples for p in proposals_of(e.text)
    }
    correct = len(expected & proposed)
    return 2 * correct / (len(expected) + len(proposed))


def test_crf_learns_entities_and_triggers_of_seed_articles():
    learnt, tested = seed_examples(40), seed_examples(10, first=100, seed=8)
    triggers = [
        example(90 + n, text, ("استحواذ", "Business.Acquire", "event"))
        for n, text in enumerate(
            [
                "أعلنت ميتا استحواذ شركة ناشئة.",
                "أتمت جوجل استحواذ منافس لها.",
                "تدرس أمازون استحواذ شركة أخرى.",
                "وافق المجلس على استحواذ المختبر.",
            ]
        )
    ]
    vocabulary = Vocabulary.of("standard", [*learnt, *triggers])
    seen = []
    model = train_crf([*learnt, *triggers], vocabulary, lambda *step: seen.append(step) or True)
    assert set(model.models) == {"entity", "event"}
    assert seen[-1][2] == "sequence model: learning (event)"
    score = f1(tested, lambda text: model.suggest(text, vocabulary.splitter([text])))
    assert score >= 0.9
    text = "قررت إنفيديا استحواذ شركة."
    proposals = model.suggest(text, vocabulary.splitter())
    assert ("استحواذ", "Business.Acquire") in shown(text, proposals)
    assert all(0 < p.score <= 1 for p in proposals)


def test_cross_validation_keeps_a_document_in_one_fold_and_counts_per_label():
    examples = [
        example(1, "ميتا وجوجل.", ("ميتا", "ORG"), ("جوجل", "ORG")),
        example(1, "ميتا وجوجل.", ("ميتا", "ORG")),  # another set of document 1
        example(2, "ميتا اليوم.", ("ميتا", "ORG")),
        example(3, "جوجل في الصين.", ("جوجل", "ORG"), ("الصين", "GPE")),
        example(4, "الصين وميتا.", ("الصين", "GPE"), ("ميتا", "ORG")),
    ]
    evaluation = cross_validate(examples, ["gazetteer"], "standard", folds=2)
    assert (evaluation.folds, evaluation.documents) == (2, 4)
    figures = {f.label: f for f in evaluation.figures}
    # folds: {1, 3} and {2, 4}; learning from 2 and 4 finds ميتا and الصين in 1 and 3
    assert (figures["GPE"].correct, figures["GPE"].expected) == (2, 2)
    overall = evaluation.overall("gazetteer")
    assert overall is figures[OVERALL] and overall.expected == 8
    assert overall.precision == 1.0 and 0 < overall.recall < 1
    assert overall.f1 == pytest.approx(2 * overall.recall / (1 + overall.recall))
    with pytest.raises(OperationError, match="at least 5 annotated documents"):
        cross_validate(examples, ["gazetteer"], "standard", folds=5)


def test_training_refuses_unknown_recommenders_and_empty_training_sets():
    with pytest.raises(OperationError, match="no recommender named svm"):
        train(seed_examples(2), ["svm"], "standard")
    with pytest.raises(OperationError, match="no annotations to learn from"):
        train([example(1, "نص بلا كيانات.")], ["all"], "standard")


def test_training_in_a_child_process_returns_the_model_refusals_and_cancels():
    learnt = seed_examples(6)
    steps = []
    trained = run_isolated(train, (learnt, ["all"], "standard"), lambda *s: steps.append(s) or True)
    assert list(trained.recommenders) == ["gazetteer", "crf"]
    assert trained.suggest(learnt[0].text)  # the CRF's tagger opens again here
    assert steps and steps[-1][1] == 9
    with pytest.raises(OperationError, match="no annotations to learn from") as refused:
        run_isolated(train, ([example(1, "لا شيء.")], ["all"], "standard"), None)
    # the refusal crosses the process whole, as a Message the window translates
    reason = refused.value.args[0]
    assert reason.template == "the training set holds no annotations to learn from"
    with pytest.raises(Cancelled):
        run_isolated(train, (learnt, ["all"], "standard"), lambda *s: False)
