"""Start-up times of the built bundle next to the source tree's (the venv's Python).

    python packaging/startup_times.py [--bundle dist/tawsim] [--runs 5] [--cold]

Prints one JSON object per line, as bench/ does: the median wall-clock time, in
milliseconds, of `--version` and of opening the window offscreen on the demo project
and closing it (TAWSIM_CLOSE_WHEN_SHOWN=1), each run as a user would start it: a
minimal environment (PATH=/usr/bin:/bin, a fresh HOME and TAWSIM_HOME, no PYTHONPATH).
The first window start (which also builds the demo project from the seeds) is reported
on its own and left out of the median. Bundle and venv runs alternate, so a busy moment
of the machine slows both alike; the CPU time (user + system) beside the wall-clock
time is less disturbed by whatever else the machine is doing.

--cold empties the system's file cache before every run (Linux, as root: it writes
/proc/sys/vm/drop_caches, which slows everything on the machine for a moment), so the
figures include reading the files from disk; without it they are warm-cache times.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def minimal_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "TAWSIM_HOME": str(home / "tawsim"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return env


def prepare_home(home: Path) -> None:
    """A user folder where the annotator's name is already known (the first start would
    ask for it in a dialog)."""
    config = home / "tawsim" / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "state.json").write_text('{"annotator": "timing"}', encoding="utf-8")


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cold: bool) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) milliseconds of one run."""
    if cold:
        drop_caches()
    cpu, start = children_cpu(), time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed * 1000, cpu * 1000


def report(name: str, runs: list[tuple[float, float]], cold: bool) -> None:
    """The median wall-clock time, and the median CPU time (less disturbed by whatever
    else the machine is doing)."""
    line = {
        "name": name + (".cold" if cold else ""),
        "value": round(statistics.median(wall for wall, _ in runs)),
        "unit": "ms",
        "cpu_ms": round(statistics.median(cpu for _, cpu in runs)),
        "runs": [round(wall) for wall, _ in runs],
    }
    print(json.dumps(line), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "tawsim")
    parser.add_argument("--python", default=sys.executable, help="the venv's Python")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="empty the file cache first")
    args = parser.parse_args(argv)
    if args.cold and not os.access("/proc/sys/vm/drop_caches", os.W_OK):
        raise SystemExit("--cold needs root on Linux (it writes /proc/sys/vm/drop_caches)")
    starters = {
        "bundle": [str(args.bundle.resolve() / "tawsim")],
        "venv": [args.python, str(ROOT / "main.py")],
    }
    with tempfile.TemporaryDirectory(prefix="tawsim-startup-") as tmp:
        homes = {kind: Path(tmp) / kind for kind in starters}
        for home in homes.values():
            prepare_home(home)
        measures = {
            "version": (["--version"], {}),
            "window": ([], {"TAWSIM_CLOSE_WHEN_SHOWN": "1"}),
        }
        for what, (arguments, extra) in measures.items():
            if what == "window":  # the first start also builds the demo project: on its own
                for kind, start in starters.items():
                    first = timed(start, minimal_env(homes[kind], **extra), args.cold)
                    report(f"startup.{kind}.first_window_with_demo_project", [first], args.cold)
            runs: dict[str, list[tuple[float, float]]] = {kind: [] for kind in starters}
            for _ in range(args.runs):  # alternating, so a busy moment hits both alike
                for kind, start in starters.items():
                    env = minimal_env(homes[kind], **extra)
                    runs[kind].append(timed([*start, *arguments], env, args.cold))
            for kind in starters:
                report(f"startup.{kind}.{what}", runs[kind], args.cold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
