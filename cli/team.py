"""Team mode's commands: `server init | add-annotator | push | pull | upgrade` (the
administrator's), and planning the work: `assign`, `workload`, `reassign` (a curator's,
on a project file or a team project)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from cli.exchange import parse_document_ids
from cli.main import CommandError, command, open_project, progress_printer, project_argument


def _server_url(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the team project: postgresql://user[:password]@host[:port]/database",
    )


def _configure_server(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="create a team project in an empty database (as its owner)",
        description="Create the tables, rules, roles and policies of a team project in an "
        "empty database. Run it as the role that owns the database and may create roles.",
    )
    _server_url(init)
    init.add_argument(
        "--schema",
        default="ai-news-ar",
        help="a bundled preset key or a schema JSON file (default: ai-news-ar)",
    )
    init.add_argument("--name", help="display name (default: the database's name)")
    add = actions.add_parser(
        "add-annotator",
        help="give a person a login on the team project (as its owner)",
        description="A login role named NAME (its password given or asked for), a member of "
        "the project's team, and the annotator of that name.",
    )
    _server_url(add)
    add.add_argument("name", metavar="NAME", help="the person's name: the user they connect as")
    add.add_argument("--curator", action="store_true", help="a curator (reads everyone's sets)")
    add.add_argument("--password", metavar="PW", help="their password (default: asked for)")
    push = actions.add_parser(
        "push",
        help="upload a desktop project into the team project",
        description="Documents, schema labels and every set of the file (gold included) go "
        "into the team project as a merge brings them: matched by text, label key and "
        "annotator; a set with the same content is left alone.",
    )
    _server_url(push)
    push.add_argument("path", metavar="P.tawsim", help="the desktop project to upload")
    pull = actions.add_parser(
        "pull",
        help="write a desktop copy of what you may see of the team project",
        description="A new project file with what the connecting role may read (a "
        "curator's: everything; an annotator's: their own sets), row for row.",
    )
    _server_url(pull)
    pull.add_argument("--out", required=True, metavar="P.tawsim", help="the file to write")
    upgrade = actions.add_parser(
        "upgrade", help="migrate the team project to this version (as its owner)"
    )
    _server_url(upgrade)


@command("server", "set up and administer a team project on PostgreSQL", _configure_server)
def cmd_server(args: argparse.Namespace) -> int:
    handlers = {
        "init": _init,
        "add-annotator": _add_annotator,
        "push": _push,
        "pull": _pull,
        "upgrade": _upgrade,
    }
    handlers[args.action](args)
    return 0


def _init(args: argparse.Namespace) -> None:
    from core.schema.model import load_preset, read_schema_file
    from core.team.admin import init_team_project

    schema_path = Path(args.schema)
    schema = (
        read_schema_file(schema_path) if schema_path.suffix == ".json" else load_preset(args.schema)
    )
    where = init_team_project(args.db, name=args.name, schema=schema)
    print(f"created the team project {where}")


def _add_annotator(args: argparse.Namespace) -> None:
    from core.team.admin import add_team_member

    password = args.password
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError("give the new member's password with --password")
        password = getpass.getpass(f"Password for {args.name}: ")
    if not password:
        raise CommandError("a team member needs a password to connect with")
    project = open_project(args.db)
    try:
        add_team_member(project, args.name, password, curator=args.curator)
    finally:
        project.close()
    role = "curator" if args.curator else "annotator"
    print(f"{args.name} ({role}) may connect to {project.location}")


def _push(args: argparse.Namespace) -> None:
    from core.team.transfer import push_project

    project = open_project(args.db)
    progress, clear = progress_printer()
    try:
        report = push_project(project, args.path, progress=progress)
    finally:
        project.close()
        clear()
    for line in report.lines():
        print(line)
    print(report.summary())


def _pull(args: argparse.Namespace) -> None:
    from core.team.transfer import pull_project

    project = open_project(args.db, read_only=True)
    progress, clear = progress_printer()
    try:
        report = pull_project(project, args.out, progress=progress)
    finally:
        project.close()
        clear()
    print(report.summary())


def _upgrade(args: argparse.Namespace) -> None:
    from core.team.admin import upgrade_team_project

    before, after = upgrade_team_project(args.db)
    if before == after:
        print(f"the team project is up to date (server revision {after})")
    else:
        print(f"upgraded the team project from server revision {before} to {after}")


# --- planning the work -------------------------------------------------------------


def _identity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="curator",
        metavar="NAME",
        help="the curator doing it (default on a team project: the connected user)",
    )


def _curator_id(project, name: str | None) -> int:
    from core.annotation.annotators import read_annotators

    if name is None and project.team is not None:
        name = project.team.user
    if name is None:
        raise CommandError("say which curator you are with --as NAME")
    return _annotator_id(project, name, read_annotators)


def _annotator_id(project, name: str, read_annotators) -> int:
    known = {a.name: a.id for a in read_annotators(project)}
    if name not in known:
        raise CommandError(f"no annotator named {name!r} (annotators: {', '.join(sorted(known))})")
    return known[name]


def _configure_assign(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    _identity(parser)
    parser.add_argument(
        "--annotators",
        required=True,
        metavar="A,B,...",
        help="the annotators to give documents to (by name, comma-separated)",
    )
    by_hand = parser.add_argument_group("by hand")
    by_hand.add_argument(
        "--documents", metavar="IDS", help="these documents (e.g. 1-20,31) to each annotator"
    )
    auto = parser.add_argument_group("automatically (the documents assigned to nobody yet)")
    auto.add_argument(
        "--per-document", type=int, default=1, metavar="K", help="annotators per document"
    )
    auto.add_argument(
        "--shared",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of the documents given to every annotator, for agreement (e.g. 0.2)",
    )
    auto.add_argument("--order", choices=("corpus", "random"), default="corpus")
    auto.add_argument("--seed", type=int, help="with --order random: the same seed, the same plan")


@command("assign", "assign documents to annotators (by hand or automatically)", _configure_assign)
def cmd_assign(args: argparse.Namespace) -> int:
    from core.annotation.annotators import read_annotators
    from core.team.assignment import assign_automatically, assign_documents

    project = open_project(args.project)
    try:
        curator = _curator_id(project, args.curator)
        names = [n.strip() for n in args.annotators.split(",") if n.strip()]
        annotators = [_annotator_id(project, n, read_annotators) for n in names]
        if args.documents:
            documents = parse_document_ids(args.documents)
            for name, annotator in zip(names, annotators, strict=True):
                added = assign_documents(project, curator, annotator, documents).value
                print(f"{name}: {added} document(s) assigned")
            return 0
        plan = assign_automatically(
            project,
            curator,
            annotators,
            per_document=args.per_document,
            shared_fraction=args.shared,
            order=args.order,
            seed=args.seed,
        ).value
    finally:
        project.close()
    for name, annotator in zip(names, annotators, strict=True):
        print(f"{name}: {len(plan.documents[annotator])} document(s)")
    print(f"{len(plan.shared)} document(s) given to everyone")
    return 0


def _configure_workload(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)


@command(
    "workload",
    "each annotator's assigned documents: new, in progress, finished",
    _configure_workload,
)
def cmd_workload(args: argparse.Namespace) -> int:
    from core.team.assignment import workload

    project = open_project(args.project, read_only=True)
    try:
        rows = workload(project)
    finally:
        project.close()
    if not rows:
        print("no documents are assigned")
        return 0
    width = max(len(r.name) for r in rows)
    print(f"{'annotator':<{width}}  assigned  new  in progress  finished")
    for r in rows:
        counts = f"{r.assigned:>8}  {r.new:>3}  {r.in_progress:>11}  {r.finished:>8}"
        print(f"{r.name:<{width}}  {counts}")
    return 0


def _configure_reassign(parser: argparse.ArgumentParser) -> None:
    project_argument(parser)
    _identity(parser)
    parser.add_argument("--from", dest="source", required=True, metavar="NAME")
    parser.add_argument("--to", dest="target", required=True, metavar="NAME")
    parser.add_argument(
        "--documents",
        metavar="IDS",
        help="these documents (default: every one the first has not finished)",
    )


@command("reassign", "move documents from one annotator to another", _configure_reassign)
def cmd_reassign(args: argparse.Namespace) -> int:
    from core.annotation.annotators import read_annotators
    from core.team.assignment import reassign

    project = open_project(args.project)
    try:
        curator = _curator_id(project, args.curator)
        source = _annotator_id(project, args.source, read_annotators)
        target = _annotator_id(project, args.target, read_annotators)
        documents = parse_document_ids(args.documents) if args.documents else None
        moved = reassign(project, curator, source, target, documents).value
    finally:
        project.close()
    print(f"moved {moved} document(s) from {args.source} to {args.target}")
    return 0
