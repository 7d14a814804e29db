"""Pre-annotation (issue: recommenders that learn from the project).

Data: the seed articles as a careful annotator tags them (tests/data/seed-entities.json)
and articles made of their sentences, each with its entities (tests/fixtures/
seed_corpus.py). Times are wall-clock (CPU time beside them: this machine is shared).

- suggestions for one 200 KB article (bench.common.long_article) < 200 ms: each trained
  recommender's proposals, and the suggestions the editor shows (stored and live ones
  filtered against the set): reported apart, the recommenders' timed 5 times (the median
  wall-clock time, CPU time's minimum, median and maximum)
- training the CRF on 1,000 annotated articles < 20 s (timed 3 times on the same
  sentences, as above)
- quality: F1 per label of the gazetteer and the CRF, learnt from 1,000 articles and
  suggesting for 200 others, on articles of the same sentences (what `suggest` is tested
  on) and on articles of sentences never seen in training (a fifth of the sentences held
  out: how far each generalises beyond what it was shown)
- a simulated annotator: the five seed articles in order, then 30 articles made of them,
  each document annotated with the suggestions of the recommenders trained on the ones
  before (retrained after each seed, every 5 articles); accepting a correct suggestion is
  one key (Enter), rejecting a wrong one one key (Backspace) and going to the first
  suggestion one (Alt+Down); by hand an entity is a selection and a label key. Reported:
  the actions by hand, with suggestions, and the share saved.
- the editor while the window trains on 1,000 annotated articles: the longest time its
  event loop was held (a 10 ms timer's largest gap) from opening a document still to
  annotate until its suggestions show, with training in a child process (as the window
  does for that much text) and, for comparison, in a worker thread of the window's own
  process (as it does for small training sets).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import long_article, report, timed
from core.recommend.base import Vocabulary
from core.recommend.crf import train_crf
from core.recommend.evaluate import OVERALL, LabelFigures
from core.recommend.examples import Example, Tagged
from core.recommend.gazetteer import train_gazetteer
from tests.fixtures.seed_corpus import (
    AnnotatedText,
    annotated_articles,
    annotated_sentences,
    seed_articles,
    split_sentences,
)

ARTICLE_BYTES = 200_000
LEARNT, ASKED = 1_000, 200


def examples_of(articles: list[AnnotatedText], first: int = 1) -> list[Example]:
    return [
        Example(
            first + n, a.text, tuple(Tagged(s, e, "entity", label) for s, e, label in a.entities)
        )
        for n, a in enumerate(articles)
    ]


SUGGESTION_RUNS, TRAINING_RUNS = 5, 3


def cpu_timed(fn):
    start = time.process_time()
    seconds, result = timed(fn)
    return seconds, time.process_time() - start, result


def timed_runs(fn, runs: int):
    """`fn` run `runs` times: the median wall-clock seconds, the CPU seconds of each run,
    and the first run's result."""
    walls, cpus, results = zip(*(cpu_timed(fn) for _ in range(runs)), strict=True)
    return statistics.median(walls), sorted(cpus), results[0]


def spread(name: str, cpus: list[float], scale: float) -> dict[str, float]:
    """The minimum, median and maximum of CPU times, as report fields."""
    return {
        f"{name}_min": round(cpus[0] * scale, 2),
        f"{name}_median": round(statistics.median(cpus) * scale, 2),
        f"{name}_max": round(cpus[-1] * scale, 2),
    }


def suggestion_speed(gazetteer, model, vocabulary) -> None:
    from core.documents.importing import import_documents
    from core.project.project import Project
    from core.recommend.suggestions import from_proposals, suggestions_to_show

    text = long_article(ARTICLE_BYTES)
    for name, recommender in (("gazetteer", gazetteer), ("crf", model)):
        recommender.suggest(text[:5000], vocabulary.splitter([text[:5000]]))  # warm up
        seconds, cpus, proposals = timed_runs(
            lambda r=recommender: r.suggest(text, vocabulary.splitter([text])), SUGGESTION_RUNS
        )
        report(
            f"recommend: {name} suggestions for one 200 KB article",
            seconds * 1000,
            "ms",
            200,
            **spread("cpu_ms", cpus, 1000),
            suggestions=len(proposals),
        )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.txt"
        source.write_text(text, encoding="utf-8")
        project = Project.create(Path(folder) / "long.tawsim")
        import_documents(project, [source], undo_name=None)
        live = from_proposals(project.schema, gazetteer.suggest(text, vocabulary.splitter([text])))
        seconds, cpu, shown = cpu_timed(lambda: suggestions_to_show(project, 1, None, live))
        report(
            "recommend: suggestions shown for one 200 KB article (filtered, no overlaps)",
            seconds * 1000,
            "ms",
            200,
            cpu_ms=round(cpu * 1000, 1),
            suggestions=len(shown),
        )
        project.close()


def quality(name: str, recommender, vocabulary, asked: list[Example], variant: str) -> None:
    counts: dict[str, list[int]] = {}
    for example in asked:
        expected = {(s.start, s.end, s.label) for s in example.spans}
        proposed = {
            (p.start, p.end, p.label)
            for p in recommender.suggest(example.text, vocabulary.splitter([example.text]))
        }
        for label in {x[2] for x in expected | proposed} | {OVERALL}:
            mine = {x for x in expected if label in (x[2], OVERALL)}
            theirs = {x for x in proposed if label in (x[2], OVERALL)}
            figures = counts.setdefault(label, [0, 0, 0])
            figures[0] += len(mine & theirs)
            figures[1] += len(theirs)
            figures[2] += len(mine)
    for label, (correct, proposed, expected) in sorted(counts.items()):
        f = LabelFigures(name, "entity", label, correct, proposed, expected)
        report(
            f"recommend: {name} F1, {label}, {variant}",
            f.f1,
            "F1",
            0.85 if label == OVERALL and variant == "same sentences" else None,
            precision=round(f.precision, 3),
            recall=round(f.recall, 3),
            expected=expected,
        )


def learn_and_judge() -> None:
    sentences = annotated_sentences()
    seen, unseen = split_sentences(sentences, held_out=0.2)
    variants = {
        "same sentences": (
            annotated_articles(LEARNT, sentences),
            annotated_articles(ASKED, sentences, seed=8, first_number=LEARNT),
        ),
        "unseen sentences": (
            annotated_articles(LEARNT, seen),
            annotated_articles(ASKED, unseen, seed=8, first_number=LEARNT),
        ),
    }
    for variant, (learnt, asked) in variants.items():
        examples = examples_of(learnt)
        vocabulary = Vocabulary.of("standard", examples)
        seconds, cpu, gazetteer = cpu_timed(
            lambda e=examples, v=vocabulary: train_gazetteer(e, v.splitter())
        )
        report(
            f"recommend: gazetteer training on {LEARNT:,} articles ({variant})",
            seconds,
            "s",
            cpu_s=round(cpu, 2),
        )
        seconds, cpus, model = timed_runs(
            lambda e=examples, v=vocabulary: train_crf(e, v),
            TRAINING_RUNS if variant == "same sentences" else 1,
        )
        report(
            f"recommend: CRF training on {LEARNT:,} annotated articles ({variant})",
            seconds,
            "s",
            20,
            **spread("cpu_s", cpus, 1),
        )
        judged = examples_of(asked, LEARNT + 1)
        quality("gazetteer", gazetteer, vocabulary, judged, variant)
        quality("crf", model, vocabulary, judged, variant)
        if variant == "same sentences":
            suggestion_speed(gazetteer, model, vocabulary)


def simulate(documents: list, retrain_every: int, name: str) -> None:
    """An annotator works through `documents` in order with the window's suggestions:
    the real operations (accept, reject, annotate by hand) on a real project."""
    from core.annotation.annotators import ensure_annotator
    from core.annotation.excluded import exclude_for_annotator
    from core.annotation.sets import find_set, set_state
    from core.annotation.spans import annotate, spans_of_set
    from core.documents.importing import import_documents
    from core.project.project import Project
    from core.recommend.suggestions import (
        accept_suggestions,
        from_proposals,
        reject_suggestion,
        suggestions_to_show,
    )
    from core.recommend.training import train

    by_hand = with_suggestions = accepted = rejected = 0
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, document in enumerate(documents):
            paths.append(Path(folder) / f"{n:03}.txt")
            paths[-1].write_text(document.text, encoding="utf-8")
        project = Project.create(Path(folder) / "simulated.tawsim")
        import_documents(project, paths, undo_name=None)
        salma = ensure_annotator(project, "Salma").value
        labels = {label.key: label.id for label in project.schema.entity_labels}
        for n, document in enumerate(documents):  # boilerplate left out first, by either way
            for start, end in getattr(document, "excluded", ()):
                exclude_for_annotator(project, n + 1, salma, start, end)
        learnt: list[Example] = []
        trained = None
        for n, document in enumerate(documents):
            document_id = n + 1
            if learnt and (trained is None or n % retrain_every == 0):
                trained = train(learnt, ["all"], "standard")
            expected = {(s, e, labels[label]) for s, e, label in document.entities}
            by_hand += 2 * len(expected)
            live = from_proposals(project.schema, trained.suggest(document.text)) if trained else []
            shown = suggestions_to_show(project, document_id, salma, live)
            with_suggestions += 1 if shown else 0  # Alt+Down to the first
            for suggestion in shown:
                with_suggestions += 1
                if (suggestion.start, suggestion.end, suggestion.label_id) in expected:
                    accept_suggestions(project, document_id, salma, [suggestion])
                    accepted += 1
                else:
                    reject_suggestion(project, document_id, salma, suggestion)
                    rejected += 1
            with project.read() as conn:
                set_id = find_set(conn, document_id, salma)
                done = {(s.start, s.end, s.label_id) for s in spans_of_set(conn, set_id)}
            for start, end, label_id in sorted(expected - done):
                annotate(project, document_id, salma, start, end, label_id)
                with_suggestions += 2
            set_state(project, find_set_of(project, document_id, salma), "finished")
            learnt.append(examples_of([document], document_id)[0])
        project.close()
    saved = by_hand - with_suggestions
    report(
        f"recommend: simulated annotator, {name}: actions saved by suggestions",
        100 * saved / by_hand,
        "%",
        by_hand=by_hand,
        with_suggestions=with_suggestions,
        accepted=accepted,
        rejected=rejected,
    )


def find_set_of(project, document_id: int, owner: int) -> int:
    from core.annotation.sets import find_set

    with project.read() as conn:
        found = find_set(conn, document_id, owner)
    assert found is not None
    return found


def editor_while_training(isolated: bool) -> None:
    from tests.fixtures.seed_corpus import corpus_project
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.qt import QtCore
    from ui.recommend import controller

    make_application()
    sentences = annotated_sentences()
    articles = annotated_articles(LEARNT + 1, sentences)
    limit = controller.ISOLATE_ABOVE
    controller.ISOLATE_ABOVE = limit if isolated else 10**12
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TAWSIM_HOME"] = folder
        project = corpus_project(
            Path(folder) / "corpus.tawsim", articles[:LEARNT], articles[LEARNT:]
        )
        window = MainWindow(project, annotator="Salma")
        window.resize(1280, 820)
        window.show()
        recommending = window.panels["suggestions"].recommending
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QtCore.QTimer()
        timer.timeout.connect(tick)
        loop = QtCore.QEventLoop()
        done = QtCore.QTimer()
        done.timeout.connect(
            lambda: loop.quit() if recommending.trained and recommending.shown else None
        )
        start = time.perf_counter()
        window.open_document(LEARNT + 1)
        timer.start(10)
        done.start(50)
        loop.exec()
        took = time.perf_counter() - start
        timer.stop()
        done.stop()
        window.close()
        window.wait_for_tasks()
        project.close()
    controller.ISOLATE_ABOVE = limit
    gaps.sort()
    where = "in a child process" if isolated else "in a worker thread"
    report(
        f"recommend: longest wait of the editor while training on {LEARNT:,} articles {where}",
        gaps[-1] * 1000,
        "ms",
        median_gap_ms=round(gaps[len(gaps) // 2] * 1000, 1),
        ticks=len(gaps),
        until_suggestions_s=round(took, 1),
    )


def main() -> None:
    editor_while_training(isolated=True)
    editor_while_training(isolated=False)
    simulate(seed_articles(), 1, "the five seed articles")
    simulate(annotated_articles(30, annotated_sentences(), seed=5), 5, "30 seed-built articles")
    learn_and_judge()


if __name__ == "__main__":
    main()
