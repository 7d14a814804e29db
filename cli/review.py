"""Review commands: agreement, package, merge, curator-passphrase."""

from __future__ import annotations

import argparse
import sys

from cli.main import (
    CommandError,
    command,
    curator_passphrase,
    open_project,
    print_json,
    progress_printer,
    project_argument,
    require_curator_passphrase,
)


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _ids(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in _names(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected document ids separated by commas, got {text!r}"
        ) from None


# --- agreement ------------------------------------------------------------------------


def _configure_agreement(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--annotators", type=_names, metavar="A,B", help="compare only these annotators"
    )
    parser.add_argument(
        "--documents", type=_ids, metavar="1,2", help="compare only these documents (ids)"
    )
    parser.add_argument(
        "--labels",
        type=_names,
        metavar="ORG,PERS",
        help="only these label keys (entity labels, event types, stance targets; a layer "
        "none of them belongs to is compared whole)",
    )
    parser.add_argument(
        "--include-unfinished",
        action="store_true",
        help="also compare sets still in progress (default: finished sets only)",
    )
    parser.add_argument(
        "--no-token-kappa",
        action="store_true",
        help="skip the token-level kappa (it tokenizes every document: slower on big projects)",
    )
    parser.add_argument(
        "--report",
        metavar="PATH",
        help="also write the report, with the disagreements, to PATH (.xlsx, .json or .csv)",
    )
    parser.add_argument(
        "--disagreements",
        metavar="PATH",
        help="write the raw list of disagreements of all pairs to PATH (.xlsx, .json or .csv)",
    )


@command(
    "agreement",
    "inter-annotator agreement: entities, events and stances (the dashboard's figures)",
    _configure_agreement,
)
def cmd_agreement(args: argparse.Namespace) -> int:
    from core.review.agreement.disagreements import find_disagreements
    from core.review.agreement.project import DocumentTexts, compute_agreement
    from core.review.agreement.report import (
        REPORT_SUFFIXES,
        format_report,
        write_disagreements,
        write_report,
    )
    from core.review.agreement.study import AgreementOptions

    for path in (args.report, args.disagreements):
        if path and not path.lower().endswith(REPORT_SUFFIXES):
            raise CommandError(f"{path}: unknown format; use .xlsx, .json or .csv")
    options = AgreementOptions(
        documents=args.documents or None,
        annotators=args.annotators or None,
        labels=args.labels or None,
        include_unfinished=args.include_unfinished,
        token_kappa=not args.no_token_kappa,
    )
    project = open_project(args.project, read_only=True)
    progress, clear = progress_printer()
    try:
        if args.report or args.disagreements:
            # the disagreements quote annotators' spans: the curator's to read
            require_curator_passphrase(project, "writing the disagreements")
        report = compute_agreement(project, options, progress)
        found = None
        if args.report or args.disagreements:
            texts = DocumentTexts(project, report.documents)
            found = find_disagreements(report.study, texts)
    finally:
        clear()
        project.close()
    names = {a.id: a.name for a in report.annotators}
    titles = {d.id: d.title for d in report.documents.values()}
    if args.report:
        write_report(report, args.report, found.items if found else None)
    if args.disagreements:
        write_disagreements(found.items if found else [], args.disagreements, names, titles)
    if args.json:
        document = report.to_json(measures=False)
        document["measures"] = report.measures_json()  # one measure at a time
        print_json(document)
    else:
        print(format_report(report))
        for path in (args.report, args.disagreements):
            if path:
                print(f"wrote {path}")
    return 0


# --- packages ---------------------------------------------------------------------------


def _configure_package(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument("--annotator", required=True, metavar="NAME", help="who the package is for")
    parser.add_argument("--out", required=True, metavar="PKG.tawsim", help="the package file")
    parser.add_argument(
        "--with-own-sets",
        action="store_true",
        help="include the annotator's own annotation sets (never anyone else's, never gold)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace PKG.tawsim if it exists")


@command(
    "package",
    "write an annotator package: the documents and schema, without others' annotations",
    _configure_package,
)
def cmd_package(args: argparse.Namespace) -> int:
    from core.io.handoff import export_package

    project = open_project(args.project, read_only=True)
    try:
        if args.with_own_sets:  # they may be someone else's to see
            require_curator_passphrase(project, f"packaging {args.annotator}'s own sets")
        report = export_package(
            project,
            args.out,
            args.annotator,
            include_own=args.with_own_sets,
            overwrite=args.overwrite,
        )
    finally:
        project.close()
    print(report.summary())
    return 0


def _configure_merge(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument(
        "others",
        nargs="+",
        metavar="OTHER.tawsim",
        help="packages or other projects holding annotators' work on the same documents",
    )
    parser.add_argument(
        "--add-labels",
        action="store_true",
        help="add labels the other files use and this schema lacks (default: refuse)",
    )
    parser.add_argument(
        "--add-documents",
        action="store_true",
        help="add documents that are only in the other files (default: report them)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would change; write nothing"
    )


@command(
    "merge",
    "merge annotators' sets from packages or other projects (documents matched by text)",
    _configure_merge,
)
def cmd_merge(args: argparse.Namespace) -> int:
    from core.io.handoff import merge_annotations

    project = open_project(args.project)
    progress, clear = progress_printer()
    try:
        report = merge_annotations(
            project,
            args.others,
            add_labels=args.add_labels,
            add_documents=args.add_documents,
            dry_run=args.dry_run,
            progress=progress,
        )
    finally:
        clear()
        project.close()
    for line in report.lines():
        print(line)
    print(report.summary())
    return 0


def _configure_passphrase(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument("--remove", action="store_true", help="remove the passphrase")


@command(
    "curator-passphrase",
    "set, change or remove the curator passphrase (asked for to become a curator or "
    "another annotator, and to export annotators' sets); the current one comes from "
    "TAWSIM_CURATOR_PASSPHRASE or the prompt, the new one from the prompt or standard input",
    _configure_passphrase,
)
def cmd_curator_passphrase(args: argparse.Namespace) -> int:
    from core.annotation.curator_secret import has_curator_secret, set_curator_secret

    project = open_project(args.project)
    try:
        current = (
            curator_passphrase("Current curator passphrase: ")
            if has_curator_secret(project)
            else None
        )
        new = None if args.remove else _new_passphrase()
        set_curator_secret(project, new, current)
    finally:
        project.close()
    print("curator passphrase removed" if args.remove else "curator passphrase set")
    return 0


def _new_passphrase() -> str:
    """Asked twice on a terminal; else the first line of standard input."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("New curator passphrase: ")
        if getpass.getpass("Again: ") != first:
            raise CommandError("the two passphrases differ; nothing was changed")
        return first
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise CommandError("no passphrase given on standard input; nothing was changed")
    return line
