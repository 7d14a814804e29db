"""`doctor`: check a project thoroughly, and rescue what is readable from a damaged one."""

from __future__ import annotations

import argparse

from cli.main import command, print_json, project_argument


def _configure_doctor(parser: argparse.ArgumentParser) -> None:
    project_argument(parser, team=False)  # a server checks its own data
    parser.add_argument(
        "--rescue",
        metavar="NEW.tawsim",
        help="write what can be read into this new project (the checked file is only read)",
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")


@command(
    "doctor",
    "check a project (SQLite integrity, foreign keys, Tawsim's rules); exit status 1 when "
    "something is wrong; --rescue copies what is readable into a new project",
    _configure_doctor,
)
def cmd_doctor(args: argparse.Namespace) -> int:
    from core.project.doctor import check_project, rescue_project

    report = check_project(args.project)
    rescued = rescue_project(args.project, args.rescue) if args.rescue else None
    if args.json:
        found: dict[str, object] = {
            "sound": report.sound,
            "damage": report.damage,
            "problems": report.problems,
            "rows": report.rows,
        }
        if rescued is not None:
            found["rescue"] = {
                "file": str(rescued.target),
                "method": rescued.method,
                "tables": {t.table: {"saved": t.saved, "lost": t.lost} for t in rescued.tables},
            }
        print_json(found)
    else:
        print(report.summary())
        for line in report.damage[:20]:
            print(f"  damage: {line}")
        for line in report.problems:
            print(f"  problem: {line}")
        if rescued is not None:
            print(rescued.summary())
    return 0 if report.sound else 1
