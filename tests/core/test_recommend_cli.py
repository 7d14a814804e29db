"""`python main.py suggest`, `recommend-eval` and `import-annotations --as-suggestions`, run
in-process, on projects built from the seed articles (tests/fixtures/seed_corpus.py).

The issue's "done when": on a corpus where 1,000 articles are annotated and 200 are not,
`suggest` proposes the 200 articles' entities with F1 >= 0.85 against what a careful
annotator tags. The gazetteer is tested on exactly that; the CRF, whose training on
1,000 articles takes a bench's time (bench/bench_recommend.py measures it there, F1
included), on 200 annotated and 50 not.
"""

import json

import pytest

from cli.main import run
from core.recommend.suggestions import stored_recommenders, suggestions_to_show
from tests.fixtures.seed_corpus import annotated_articles, annotated_sentences, corpus_project


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """30 annotated articles and 10 not, and the 10's entities by document id."""
    articles = annotated_articles(40, annotated_sentences())
    path = tmp_path_factory.mktemp("corpus") / "small.tawsim"
    corpus_project(path, articles[:30], articles[30:]).close()
    return path, articles


def suggest(capsys, path, *options):
    status = run(["suggest", "--project", str(path), "--json", *options])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return [json.loads(line) for line in captured.out.splitlines()], captured.err


def f1(lines, articles, first_id):
    proposed = {(line["document"], line["start"], line["end"], line["label"]) for line in lines}
    expected = {
        (first_id + n, start, end, label)
        for n, article in enumerate(articles)
        for start, end, label in article.entities
    }
    correct = len(proposed & expected)
    return 2 * correct / (len(proposed) + len(expected))


def test_suggest_prints_one_suggestion_a_line_for_the_documents_not_learnt_from(
    small_corpus, capsys
):
    path, articles = small_corpus
    lines, err = suggest(capsys, path, "--train-from", "finished", "--recommender", "gazetteer")
    assert "for 10 document(s), learnt from 30 document(s) of the finished annotation sets" in err
    assert {line["document"] for line in lines} == set(range(31, 41))
    first = lines[0]
    assert list(first) == [
        "document",
        "document_key",
        "start",
        "end",
        "text",
        "label",
        "score",
        "recommender",
    ]
    text = articles[first["document"] - 1].text
    assert first["text"] == text[first["start"] : first["end"]]
    assert first["document_key"] == f"article-{first['document']:05}"
    assert first["recommender"] == "gazetteer" and 0 < first["score"] <= 1
    assert f1(lines, articles[30:], 31) >= 0.85

    named, _ = suggest(capsys, path, "--train-from", "Salma", "--documents", "2,35")
    assert {line["document"] for line in named} == {2, 35}
    assert {line["recommender"] for line in named} == {"gazetteer", "crf"}


def test_suggest_and_eval_refuse_what_they_cannot_learn_from(small_corpus, capsys):
    path, _ = small_corpus
    assert run(["suggest", "--project", str(path), "--train-from", "gold"]) == 1
    assert "nothing to learn from in the gold standard" in capsys.readouterr().err
    assert run(["suggest", "--project", str(path), "--train-from", "Nadia"]) == 1
    assert "no annotator named 'Nadia'" in capsys.readouterr().err
    status = run(
        ["recommend-eval", "--project", str(path), "--train-from", "finished", "--folds", "1"]
    )
    assert status == 1 and "--folds: at least 2" in capsys.readouterr().err


def test_recommend_eval_prints_k_fold_figures_per_label(small_corpus, capsys):
    path, _ = small_corpus
    options = ["--train-from", "finished", "--recommender", "gazetteer", "--folds", "3"]
    assert run(["recommend-eval", "--project", str(path), "--json", *options]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    overall = lines[-1]
    assert overall["label"] == "(all)" and overall["recommender"] == "gazetteer"
    assert set(overall) == {
        "recommender",
        "layer",
        "label",
        "precision",
        "recall",
        "f1",
        "correct",
        "proposed",
        "expected",
    }
    assert overall["expected"] == sum(line["expected"] for line in lines[:-1])
    assert overall["f1"] >= 0.85
    assert {line["label"] for line in lines} >= {"ORG", "PERS", "DATE", "(all)"}
    assert run(["recommend-eval", "--project", str(path), *options]) == 0
    table = capsys.readouterr().out
    assert table.startswith("3-fold cross-validation over 30 document(s)")
    assert "gazetteer   all labels" in table


def predictions_file(tmp_path, articles, first_id):
    """A model's output for the plain documents: Tawsim JSONL with a score per entity, one
    prediction changed to a label to reject and one with a stance (not a suggestion)."""
    path = tmp_path / "predictions.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n, article in enumerate(articles):
            entities = [
                {"id": k, "start": s, "end": e, "label": label, "score": 0.75}
                for k, (s, e, label) in enumerate(article.entities)
            ]
            line = {"id": f"article-{first_id + n:05}", "text": article.text, "entities": entities}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def test_predictions_are_imported_as_suggestions_of_a_named_recommender(
    small_corpus, tmp_path, capsys
):
    path, articles = small_corpus
    copy = tmp_path / "copy.tawsim"
    copy.write_bytes(path.read_bytes())
    predictions = predictions_file(tmp_path, articles[30:33], 31)
    base = ["import-annotations", "--project", str(copy), "--format", "jsonl"]
    assert run([*base, "--as-suggestions", str(predictions)]) == 1
    assert "--as-suggestions needs --recommender NAME" in capsys.readouterr().err
    assert run([*base, "--as-suggestions", "--recommender", "crf", str(predictions)]) == 1
    assert "'crf' is a recommender Tawsim trains itself" in capsys.readouterr().err
    assert run([*base, "--recommender", "bert", str(predictions)]) == 1
    assert "--recommender goes with --as-suggestions" in capsys.readouterr().err

    wanted = [*base, "--as-suggestions", "--recommender", "bert-ner", str(predictions)]
    assert run(wanted) == 0
    expected = sum(len(a.entities) for a in articles[30:33])
    printed = capsys.readouterr().out
    assert f"imported {expected} entity and 0 event trigger suggestions of recommender " in printed
    assert "on 3 document(s) (0 new)" in printed
    assert run(wanted) == 0  # again: nothing added
    assert f"already present, not added again: {expected} suggestions" in capsys.readouterr().out

    from core.project.project import Project

    with Project.open(copy) as project:
        assert stored_recommenders(project) == ["bert-ner"]
        shown = suggestions_to_show(project, 31, None)
        assert {s.score for s in shown} == {0.75} and {s.recommender for s in shown} == {"bert-ner"}
        entities = articles[30].entities
        outermost = [
            a
            for a in entities
            if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in entities)
        ]
        assert len(shown) == len(outermost)  # where they overlap, the longer is shown
        # nobody's annotations changed
        assert run(["stats", "--project", str(copy), "--json"]) == 0
        stats = json.loads(capsys.readouterr().out)
        assert [a["name"] for a in stats["annotators"]] == ["Salma"]
        assert stats["layers"]["entities"] == sum(len(a.entities) for a in articles[:30])


def test_a_score_outside_0_to_1_is_refused_naming_the_line(small_corpus, tmp_path, capsys):
    path, articles = small_corpus
    bad = tmp_path / "bad.jsonl"
    s, e, label = articles[30].entities[0]
    line = {"text": articles[30].text, "entities": [{"start": s, "end": e, "label": label}]}
    line["entities"][0]["score"] = 7
    bad.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    status = run(
        [
            "import-annotations",
            "--project",
            str(path),
            "--format",
            "jsonl",
            "--as-suggestions",
            "--recommender",
            "m",
            str(bad),
        ]
    )
    assert status == 1
    assert "bad.jsonl line 1: entities[0].score must be a number from 0 to 1, not 7" in (
        capsys.readouterr().err
    )


@pytest.mark.slow
def test_done_when_1000_annotated_articles_teach_the_gazetteer_the_other_200(tmp_path, capsys):
    articles = annotated_articles(1_200, annotated_sentences())
    path = tmp_path / "corpus.tawsim"
    corpus_project(path, articles[:1_000], articles[1_000:]).close()
    lines, err = suggest(capsys, path, "--train-from", "finished", "--recommender", "gazetteer")
    assert "for 200 document(s), learnt from 1,000 document(s)" in err
    assert f1(lines, articles[1_000:], 1_001) >= 0.85


@pytest.mark.slow
def test_done_when_the_crf_learns_from_200_annotated_articles_the_other_50(tmp_path, capsys):
    articles = annotated_articles(250, annotated_sentences(), seed=3)
    path = tmp_path / "corpus.tawsim"
    corpus_project(path, articles[:200], articles[200:]).close()
    lines, _ = suggest(capsys, path, "--train-from", "Salma", "--recommender", "crf")
    assert {line["recommender"] for line in lines} == {"crf"}
    assert f1(lines, articles[200:], 201) >= 0.85


def test_label_studio_predictions_keep_their_scores_and_brat_files_have_none(
    seeded_project, tmp_path
):
    from core.io.import_annotations import ImportOptions, import_annotations

    project = seeded_project
    text = project_text(project, 1)
    start = text.index("جوجل")
    trigger = text.index("دمج")
    partnership = value(trigger, 3, "Business.Partnership")
    task = {
        "data": {"text": text},
        "predictions": [
            {
                "score": 0.6,
                "result": [
                    {"id": "a", "type": "labels", "value": value(start, 4, "ORG")},
                    {"id": "b", "type": "labels", "value": partnership, "score": 0.9},
                ],
            }
        ],
    }
    studio = tmp_path / "tasks.json"
    studio.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    options = ImportOptions(as_suggestions="studio-model")
    report = import_annotations(project, "labelstudio", [studio], options)
    assert (report.entities, report.events) == (1, 1)
    assert project.undo_name == "Import suggestions (1 document)"
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "doc.txt").write_text(text, encoding="utf-8")
    (brat / "doc.ann").write_text(f"T1\tORG {start} {start + 4}\tجوجل\n", encoding="utf-8")
    import_annotations(project, "brat", [brat], ImportOptions(as_suggestions="brat-model"))
    shown = {(s.recommender, s.score) for s in stored_in_document_1(project)}
    assert shown == {("studio-model", 0.6), ("studio-model", 0.9), ("brat-model", None)}
    project.undo()
    assert stored_recommenders(project) == ["studio-model"]


def value(start, length, label):
    return {"start": start, "end": start + length, "labels": [label]}


def project_text(project, document_id):
    from core.documents.navigation import read_document_text

    return read_document_text(project, document_id)


def stored_in_document_1(project):
    from core.recommend.suggestions import stored_suggestions

    with project.read() as conn:
        return stored_suggestions(conn, 1)
