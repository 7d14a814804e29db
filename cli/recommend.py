"""Pre-annotation from the command line: `suggest` and `recommend-eval`.

    python main.py suggest --project P --train-from gold|finished|ANNOTATOR \
        [--recommender gazetteer|crf|all] [--documents ID,...] [--json]
    python main.py recommend-eval --project P --train-from ... [--folds K] [--json]

Both train the recommenders on the project's own annotations (nothing is downloaded) and
only read the project. `suggest` prints one suggestion a line (JSON: `document`,
`document_key`, `start`, `end`, `text`, `label`, `score`, `recommender`) for every
document the training set does not cover, or for the documents named; `recommend-eval`
prints each recommender's precision, recall and F1 per label, by k-fold
cross-validation over documents.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli.exchange import parse_document_ids
from cli.main import CommandError, command, open_project, progress_printer, project_argument
from core.recommend.base import RECOMMENDERS
from core.recommend.evaluate import DEFAULT_FOLDS


def _common(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument(
        "--train-from",
        required=True,
        metavar="gold|finished|ANNOTATOR",
        help="learn from the gold standard, the finished sets, or one annotator's sets",
    )
    parser.add_argument(
        "--recommender",
        default="all",
        choices=[*RECOMMENDERS, "all"],
        help="which recommender (default: all of them)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON, one object a line")


def _configure_suggest(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument(
        "--documents",
        metavar="IDS",
        help="suggest for these documents, e.g. 1,4,10-20 (default: every document the "
        "training set does not cover)",
    )


@command(
    "suggest",
    "train recommenders on the project's annotations and print their suggestions",
    _configure_suggest,
)
def cmd_suggest(args: argparse.Namespace) -> int:
    from core.recommend.examples import TrainingSource
    from core.recommend.training import suggest_documents, targets_of, train_recommenders

    source = TrainingSource.parse(args.train_from)
    wanted = parse_document_ids(args.documents) if args.documents else None
    project = open_project(args.project, read_only=True)
    progress, clear = progress_printer()
    try:
        trained = train_recommenders(project, source, [args.recommender], progress)
        documents = targets_of(project, trained, wanted)
        count = 0
        for line in suggest_documents(project, trained, documents, progress):
            clear()
            if args.json:
                print(json.dumps(line.as_json(), ensure_ascii=False))
            else:
                key = f" ({line.document_key})" if line.document_key else ""
                print(
                    f"{line.document}{key}\t{line.start}-{line.end}\t{line.label}\t"
                    f"{line.score:.2f}\t{line.recommender}\t{line.text}"
                )
            count += 1
    finally:
        clear()
        project.close()
    print(
        f"{count:,} suggestion(s) for {len(documents):,} document(s), learnt from "
        f"{len(trained.documents):,} document(s) of {source.describe()}",
        file=sys.stderr,
    )
    return 0


def _configure_eval(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument(
        "--folds",
        type=int,
        default=DEFAULT_FOLDS,
        metavar="K",
        help=f"cross-validation folds over documents (default {DEFAULT_FOLDS})",
    )


@command(
    "recommend-eval",
    "each recommender's precision, recall and F1 per label, by k-fold over documents",
    _configure_eval,
)
def cmd_recommend_eval(args: argparse.Namespace) -> int:
    from core.recommend.evaluate import OVERALL, evaluate_recommenders
    from core.recommend.examples import TrainingSource

    if args.folds < 2:
        raise CommandError("--folds: at least 2")
    source = TrainingSource.parse(args.train_from)
    project = open_project(args.project, read_only=True)
    progress, clear = progress_printer()
    try:
        evaluation = evaluate_recommenders(
            project, source, [args.recommender], args.folds, progress
        )
    finally:
        clear()
        project.close()
    if args.json:
        for figures in evaluation.figures:
            print(json.dumps(figures.as_json(), ensure_ascii=False))
        return 0
    print(
        f"{evaluation.folds}-fold cross-validation over {evaluation.documents:,} document(s) "
        f"of {source.describe()}"
    )
    print(f"{'recommender':<12}{'label':<22}{'P':>7}{'R':>7}{'F1':>7}{'correct':>9}{'proposed':>10}"
          f"{'expected':>10}")  # fmt: skip
    for f in evaluation.figures:
        label = "all labels" if f.label == OVERALL else f.label
        print(
            f"{f.recommender:<12}{label:<22}{f.precision:>7.3f}{f.recall:>7.3f}{f.f1:>7.3f}"
            f"{f.correct:>9,}{f.proposed:>10,}{f.expected:>10,}"
        )
    return 0
