"""Headless export and import of annotations: `export` and `import-annotations`."""

from __future__ import annotations

import argparse
import sys

from cli.main import (
    CommandError,
    command,
    open_project,
    progress_printer,
    project_argument,
    require_curator_passphrase,
)
from core.io.formats import FORMATS, readable_formats


def parse_document_ids(value: str) -> list[int]:
    """ "1,2,5-9" -> [1, 2, 5, 6, 7, 8, 9]."""
    ids: list[int] = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        first, dash, last = part.partition("-")
        try:
            if dash:
                low, high = int(first), int(last)
                if low > high:
                    raise ValueError
                ids.extend(range(low, high + 1))
            else:
                ids.append(int(part))
        except ValueError:
            raise CommandError(f"--documents: {part!r} is not an id or a range like 5-9") from None
    if not ids:
        raise CommandError("--documents: no document ids given")
    return ids


def _configure_export(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument("--format", required=True, choices=list(FORMATS), help="output format")
    parser.add_argument(
        "--set",
        default="gold",
        metavar="gold|ANNOTATOR|all",
        help="the gold standard (default), one annotator's sets, or all sets "
        "(one record per document and set)",
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="output file (a folder for brat, hf, tsv3 and xmi)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace an output file even if it is read-only"
    )
    parser.add_argument("--documents", metavar="IDS", help="only these documents, e.g. 1,4,10-20")
    parser.add_argument("--finished", action="store_true", help="only sets marked finished")
    parser.add_argument(
        "--clitics",
        choices=("split", "keep"),
        help="conll, conllu, hf: how a proclitic before an entity is tokenised (default split)",
    )
    parser.add_argument(
        "--excluded-text",
        choices=("keep", "drop"),
        help="conll, conllu, hf: keep text in excluded regions untagged (default), or drop "
        "the sentences",
    )
    parser.add_argument(
        "--spans",
        choices=("yes", "no"),
        help="hf: a spans column with every entity, nested ones too (default yes)",
    )
    parser.add_argument(
        "--split",
        metavar="TRAIN/VALIDATION/TEST",
        help="hf: percentages of documents per split, e.g. 80/10/10 (default none: one train "
        "split)",
    )
    parser.add_argument("--seed", metavar="N", help="hf: the random seed of --split (default 0)")
    parser.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        help="doccano, labelstudio: offset unit (default utf16, as the tools count)",
    )
    parser.add_argument(
        "--variant",
        choices=("entities", "label"),
        help="doccano: entities+relations (default) or the label list",
    )


@command("export", "export annotations as a dataset (JSONL, Excel, CoNLL, ...)", _configure_export)
def cmd_export(args: argparse.Namespace) -> int:
    from core.io.dataset import GOLD, Selection
    from core.io.export import export_dataset

    info = FORMATS[args.format]
    given = {
        "clitics": args.clitics,
        "excluded_text": args.excluded_text,
        "offsets": args.offsets,
        "variant": args.variant,
        "spans": args.spans,
        "split": args.split,
        "seed": args.seed,
    }
    for name, value in given.items():
        if value is not None and info.option(name) is None:
            raise CommandError(
                f"--{name.replace('_', '-')} does not apply to the {args.format} format"
            )
    documents = parse_document_ids(args.documents) if args.documents else None
    selection = Selection.from_argument(args.set, documents, args.finished)
    project = open_project(args.project, read_only=True)
    progress, clear = progress_printer()
    try:
        if selection.sets != GOLD:
            # annotators' own sets are blind to one another: only the curator sees them all
            require_curator_passphrase(project, f"exporting {selection.describe()}")
        report = export_dataset(
            project, args.format, args.out, selection, given, progress=progress, force=args.force
        )
    finally:
        clear()
        project.close()
    print(report.summary())
    for line in report.details():
        print(line)
    return 0


def _configure_import(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument("--format", required=True, choices=readable_formats(), help="input format")
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        help="whose sets receive the annotations (created if new)",
    )
    parser.add_argument(
        "--as-suggestions",
        action="store_true",
        help="the file holds a model's predictions (with an optional score): import them as "
        "suggestions of --recommender NAME, not as anyone's annotations",
    )
    parser.add_argument(
        "--recommender",
        metavar="NAME",
        help="with --as-suggestions: the name the suggestions are shown and counted under",
    )
    parser.add_argument(
        "--add-labels",
        action="store_true",
        help="add labels, event types and roles the schema lacks (default: refuse)",
    )
    parser.add_argument(
        "--offsets",
        choices=("auto", "codepoints", "utf16"),
        default="auto",
        help="offset unit of the file (default auto: detected per file)",
    )
    parser.add_argument(
        "--clitics",
        choices=("keep", "strip"),
        default="keep",
        help="conll, conllu, hf: strip a proclitic from an entity's first token (by the "
        "project's clitic rule)",
    )
    parser.add_argument(
        "--from-set",
        metavar="gold|NAME",
        help="files holding several annotation sets per document: the one to import",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check everything and report, write nothing"
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files (or folders: brat, hf, tsv3, xmi)"
    )


@command(
    "import-annotations",
    "import annotations (CoNLL, CoNLL-U, WebAnno TSV, XMI, brat, doccano, Label Studio, ...) "
    "into an annotator's sets, or a model's predictions as suggestions",
    _configure_import,
)
def cmd_import_annotations(args: argparse.Namespace) -> int:
    from core.io.import_annotations import ImportOptions, ImportRefused, import_annotations

    if args.as_suggestions:
        if not args.recommender:
            raise CommandError("--as-suggestions needs --recommender NAME")
        if args.annotator:
            raise CommandError("--as-suggestions imports no one's annotations: drop --annotator")
    elif args.recommender:
        raise CommandError("--recommender goes with --as-suggestions")
    elif not args.annotator:
        raise CommandError("--annotator NAME is needed (or --as-suggestions --recommender NAME)")
    options = ImportOptions(
        annotator=args.annotator or "",
        as_suggestions=args.recommender if args.as_suggestions else None,
        add_labels=args.add_labels,
        offsets=args.offsets,
        clitics=args.clitics,
        from_set=args.from_set,
        dry_run=args.dry_run,
    )
    project = open_project(args.project)
    progress, clear = progress_printer()
    try:
        # no undo step: the command ends with the import (and keeps no journal of its rows)
        report = import_annotations(project, args.format, args.paths, options, progress, undo=False)
    except ImportRefused as err:
        clear()
        for problem in err.problems:
            print(f"problem: {problem}", file=sys.stderr)
        raise CommandError(
            f"nothing was imported ({len(err.problems)} problem(s), listed above)"
        ) from None
    finally:
        clear()
        project.close()
    print(report.summary())
    for line in report.details():
        print(line)
    return 0
