"""Headless commands: `python main.py <command> ...`.

Each command is a function registered with `@command`; it gets the parsed
arguments and returns an exit status. Failures print one line to stderr
("tawsim: <reason>") and exit non-zero.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from core.project.errors import ProjectError
from core.version import APP_NAME, APP_VERSION, COMMAND

if TYPE_CHECKING:
    from core.project.project import Project

Handler = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse.ArgumentParser], None]
_COMMANDS: dict[str, tuple[str, Configure, Handler]] = {}


class CommandError(Exception):
    """A command cannot go on; the message is the one line the user sees."""


def command(name: str, help: str, configure: Configure) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _COMMANDS[name] = (help, configure, handler)
        return handler

    return register


# Modules whose import registers commands (listed here so `--help` shows them all).
COMMAND_MODULES = [
    "cli.project",
    "cli.exchange",
    "cli.review",
    "cli.recommend",
    "cli.doctor",
    "cli.team",
]


def _load_commands() -> None:
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module)


def build_parser() -> argparse.ArgumentParser:
    _load_commands()
    parser = argparse.ArgumentParser(
        prog=COMMAND,
        description=(
            f"{APP_NAME}: annotate entities, events and stances in Arabic news. "
            "Without a command, opens the application window (on the last project, "
            "or the bundled demo corpus)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    parser.add_argument("--project", metavar="P.tawsim", help="open this project in the window")
    parser.add_argument(
        "--db",
        dest="project",
        metavar="URL",
        help="open this team project in the window (postgresql://user@host[:port]/database)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="headless commands")
    for name, (help_text, configure, handler) in _COMMANDS.items():
        child = sub.add_parser(name, help=help_text, description=help_text)
        configure(child)
        child.set_defaults(handler=handler)
    return parser


def project_argument(parser: argparse.ArgumentParser, *, team: bool = True) -> None:
    """The command works on a project: `--project P` after the command or before it
    (`python main.py --project P stats`), or with `team` a team project, `--db URL`;
    `run` refuses the command without one."""
    parser.add_argument(
        "--project", default=argparse.SUPPRESS, metavar="P.tawsim", help="the project file"
    )
    if team:
        parser.add_argument(
            "--db",
            dest="project",
            default=argparse.SUPPRESS,
            metavar="URL",
            help="a team project instead: postgresql://user[:password]@host[:port]/database "
            "(without a password in it: PGPASSWORD, ~/.pgpass, or asked for)",
        )
    parser.set_defaults(needs_project=True)


def progress_printer() -> tuple[Callable[[int, int, str], bool], Callable[[], None]]:
    """A core `progress` callback drawing "done/total label" on one line of stderr (only
    when it is a terminal), and `clear()` to wipe that line afterwards."""
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, label: str) -> bool:
        if interactive and total:
            print(f"\r{done}/{total} {label[:60]:<60}", end="", file=sys.stderr, flush=True)
        return True

    def clear() -> None:
        if interactive:
            print("\r" + " " * 80 + "\r", end="", file=sys.stderr)

    return progress, clear


def open_project(location: str, *, read_only: bool = False) -> Project:
    """The project a command works on, checked first: a damaged file is refused with the
    way out rather than read wrongly. `location`: a file, or a team project's URL (its
    password asked for on a terminal when the server wants one not given).
    `read_only` for commands that only read."""
    from core.project.project import Project
    from core.project.server import PasswordRequired

    try:
        project = Project.open_location(location, read_only=read_only)
    except PasswordRequired:
        if not sys.stdin.isatty():
            raise
        project = Project.open_location(
            location, read_only=read_only, password=getpass.getpass("Password: ")
        )
    try:
        project.verify()
    except BaseException:
        project.close()
        raise
    return project


PASSPHRASE_VARIABLE = "TAWSIM_CURATOR_PASSPHRASE"


def curator_passphrase(prompt: str = "Curator passphrase: ") -> str | None:
    """The curator passphrase: from the environment variable TAWSIM_CURATOR_PASSPHRASE,
    else asked on the terminal (not echoed); None when there is no one to ask."""
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return None


def require_curator_passphrase(project: Project, doing: str) -> None:
    """When the project has a curator passphrase, refuse `doing` (words for the message)
    unless it is given (see curator_passphrase)."""
    from core.annotation.curator_secret import has_curator_secret, require_curator_secret

    if has_curator_secret(project):
        require_curator_secret(project, curator_passphrase(), doing)


# containers this deep and deeper are written on one line
_JSON_LINE_DEPTH = 3
_encode_json = json.JSONEncoder(ensure_ascii=False).encode  # C-accelerated: no indent


def print_json(value: object) -> None:
    """`value` as JSON: its outer containers an item a line, indented, and anything
    deeper on its item's line. Each piece is encoded by json's C encoder and written
    at once, so a report of millions of values is quick and never held whole as text.
    An iterator of (key, value) pairs is written as an object whose values are made
    only as they are reached, so that large parts need not all be held at once."""
    write = sys.stdout.write

    def emit(item: object, depth: int) -> None:
        pairs: Iterator[tuple[object, object]]
        if isinstance(item, Iterator):
            pairs, is_list = item, False
        elif depth >= _JSON_LINE_DEPTH or not isinstance(item, (dict, list)) or not item:
            write(_encode_json(item))
            return
        else:
            is_list = isinstance(item, list)
            pairs = iter(enumerate(item) if isinstance(item, list) else item.items())
        pad = " " * (depth + 1)
        first = True
        for key, inner in pairs:
            write(("[\n" if is_list else "{\n") if first else ",\n")
            first = False
            write(pad)
            if not is_list:
                # json's keys: strings, and numbers, booleans and null as their JSON text
                name = key if isinstance(key, str) else _encode_json(key)
                write(f"{_encode_json(name)}: ")
            emit(inner, depth + 1)
        if first:  # pairs that were none: an empty object
            write("{}")
            return
        write("\n" + " " * depth + ("]" if is_list else "}"))

    emit(value, 0)
    write("\n")


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return 2
    if getattr(args, "needs_project", False) and not args.project:
        parser.error(f"{args.command} needs --project P.tawsim (or --db URL)")
    from core.project.errors import OperationError
    from core.schema.model import SchemaError

    try:
        status: int = args.handler(args)
        sys.stdout.flush()  # here, so a reader that went away is met below
        return status
    except (CommandError, ProjectError, OperationError, SchemaError) as err:
        print(f"tawsim: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tawsim: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`stats --json | head`): stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
