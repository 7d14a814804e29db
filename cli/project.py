"""The foundation's commands: new, import, stats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.main import (
    CommandError,
    command,
    open_project,
    print_json,
    progress_printer,
    project_argument,
)


def _configure_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="P.tawsim", help="the project file to create")
    parser.add_argument("--name", help="display name (default: the file name)")
    parser.add_argument(
        "--schema",
        default="ai-news-ar",
        help="a bundled preset key or a schema JSON file (default: ai-news-ar)",
    )


@command("new", "create an empty project", _configure_new)
def cmd_new(args: argparse.Namespace) -> int:
    from core.project.project import Project
    from core.schema.model import load_preset, read_schema_file

    schema_path = Path(args.schema)
    schema = (
        read_schema_file(schema_path) if schema_path.suffix == ".json" else load_preset(args.schema)
    )
    project = Project.create(Path(args.path), name=args.name, schema=schema)
    print(f"created {project.path}")
    project.close()
    return 0


def _configure_import(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument(
        "--encoding",
        help="encoding of the text files when detection is not confident "
        "(utf-8, windows-1256, iso-8859-6)",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="FILE_OR_DIR",
        help=".txt files, JSONL files (one object per line with a 'text' field and optional "
        "'id', 'title', 'meta'), or folders of them",
    )


@command("import", "import documents (text or JSONL) into a project", _configure_import)
def cmd_import(args: argparse.Namespace) -> int:
    from core.documents.importing import import_documents

    project = open_project(args.project)
    progress, clear = progress_printer()
    try:
        # no undo step: the command ends with the import (and keeps no journal of its rows)
        report = import_documents(
            project, args.paths, encoding=args.encoding, progress=progress, undo_name=None
        )
    finally:
        project.close()
    clear()
    for file_report in report.files:
        if file_report.added:
            print(f"added {len(file_report.added)} document(s) from {file_report.path}")
        for where, existing in file_report.duplicates:
            print(f"duplicate: {where} has the same text as document {existing}; not added")
        if file_report.error:
            print(f"refused: {file_report.error}", file=sys.stderr)
    for line in report.note_summary():
        print(f"warning: {line}")
    print(report.summary())
    if report.failed:
        raise CommandError(
            f"{len(report.failed)} file(s) were refused (see above); the others were imported"
        )
    return 0


def _configure_stats(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")


@command("stats", "count documents, characters, annotators and annotations", _configure_stats)
def cmd_stats(args: argparse.Namespace) -> int:
    from core.documents.stats import format_stats, project_stats

    project = open_project(args.project, read_only=True)
    try:
        stats = project_stats(project)
    finally:
        project.close()
    if args.json:
        print_json(stats)
    else:
        print(format_stats(stats))
    return 0


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--export",
        metavar="OUT.json",
        help="write the project's schema as JSON (- for standard output)",
    )
    action.add_argument(
        "--import",
        dest="import_path",
        metavar="SCHEMA.json",
        help="merge a schema JSON into the project by key (shows the plan; add --apply to do it)",
    )
    parser.add_argument("--apply", action="store_true", help="carry out the import plan")
    parser.add_argument(
        "--remove-missing",
        action="store_true",
        help="on import, also remove items the file does not list (never ones annotations use)",
    )


@command("schema", "export the annotation schema, or import one (dry run first)", _configure_schema)
def cmd_schema(args: argparse.Namespace) -> int:
    from core.schema.model import read_schema_file
    from core.schema.transfer import (
        apply_schema_import,
        export_schema,
        plan_schema_import,
        project_schema_document,
    )

    project = open_project(args.project, read_only=bool(args.export))
    try:
        if args.export == "-":
            print_json(project_schema_document(project))
            return 0
        if args.export:
            print(f"wrote {export_schema(project, args.export)}")
            return 0
        data = read_schema_file(Path(args.import_path))
        if not args.apply:
            plan = plan_schema_import(project, data, remove_missing=args.remove_missing)
            print(plan.summary())
            print("dry run: nothing was changed; add --apply to import")
            return 0
        result = apply_schema_import(project, data, remove_missing=args.remove_missing)
        print(result.value.summary())
        return 0
    finally:
        project.close()
