"""Team mode on a PostgreSQL server on loopback (a throwaway cluster, fsync on).

Run from the repository root::

    python bench/bench_team.py [--writers 20] [--spans 100] [--documents 10000]

* ``team_annotation_write_p50`` / ``_p95``: one annotation's committed write (the core's
  `annotate`, as a key press in the window runs it: checks, insert, set touched, change
  set notified, commit) while ``--writers`` annotator processes write at once, each
  ``--spans`` times at ``--rate`` annotations a second (a brisk person's pace; 0: as
  fast as they can, which on a small machine measures the writers' own CPU more than
  the server). Goal: p95 under 30 ms.
* ``team_dashboard_refresh``: what the curator's agreement dashboard computes on refresh
  (the agreement study, the texts of the compared documents, the disagreements) on
  ``--documents`` documents x 3 annotators, read as the curator through row-level
  security; ``file_dashboard_refresh`` is the same on a project file, for comparison.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from bench.bench_agreement import build, fill
from bench.common import report
from core.documents.demo import seed_files
from core.documents.importing import import_documents
from core.project.project import Project
from core.project.server import ServerProject
from core.review.agreement.disagreements import find_disagreements
from core.review.agreement.project import DocumentTexts, compute_agreement
from core.review.agreement.study import AgreementOptions
from core.team.admin import add_team_member, init_team_project
from tests.fixtures.postgres import TemporaryCluster

ROOT = Path(__file__).resolve().parent.parent
WRITE_TARGET = 0.030
OWNER, OWNER_PASSWORD = "owner", "owner-secret"


def _new_project(cluster: TemporaryCluster, database: str) -> str:
    """An initialised team project; returns its owner's URL."""
    with psycopg.connect(cluster.url(), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone()
        if exists is None:
            admin.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'")
        admin.execute(f"CREATE DATABASE {database} OWNER {OWNER}")
    url = cluster.url(database, OWNER, OWNER_PASSWORD)
    init_team_project(url)
    return url


def write_latencies(
    cluster: TemporaryCluster, writers: int, spans: int, rate: float
) -> list[float]:
    url = _new_project(cluster, "latency")
    names = [f"writer{n:02}" for n in range(writers)]
    with ServerProject.connect(url) as owner:
        import_documents(owner, seed_files(), undo_name=None)
        for name in names:
            add_team_member(owner, name, f"{name}-pw")
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.fixtures.team_writer",
                cluster.url("latency", name, f"{name}-pw"),
                str(spans),
                "1",
                str(rate),
                "--together",
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    # every writer started and connected before any writes: starting 20 Python processes
    # on a small machine would otherwise be measured as the server's latency
    for process in processes:
        assert process.stdout is not None and process.stdin is not None
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError("a writer failed to start")
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    latencies: list[float] = []
    for process in processes:
        out, _ = process.communicate()
        if process.returncode != 0:
            raise RuntimeError("a writer failed")
        latencies.extend(json.loads(out)["latencies"])
    return latencies


def dashboard_refresh(project: Project) -> float:
    started = time.perf_counter()
    result = compute_agreement(project, AgreementOptions(token_kappa=False))
    texts = DocumentTexts(project, result.documents)
    find_disagreements(result.study, texts)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--spans", type=int, default=100)
    parser.add_argument("--rate", type=float, default=2.0)
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args(argv if argv is not None else [])
    cluster = TemporaryCluster(durable=True).start()
    try:
        latencies = sorted(write_latencies(cluster, args.writers, args.spans, args.rate))
        size = {"writers": args.writers, "writes": len(latencies), "rate_per_writer": args.rate}
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        report("team_annotation_write_p50", statistics.median(latencies), "s", None, **size)
        report("team_annotation_write_p95", p95, "s", WRITE_TARGET, **size)

        url = _new_project(cluster, "dashboard")
        with ServerProject.connect(url) as owner:
            spans = fill(owner, args.documents)
            add_team_member(owner, "lead", "lead-pw", curator=True)
        size = {"documents": args.documents, "annotators": 3, "spans": spans}
        with ServerProject.connect(cluster.url("dashboard", "lead", "lead-pw")) as lead:
            seconds = min(dashboard_refresh(lead) for _ in range(2))
        report("team_dashboard_refresh", seconds, "s", None, **size)
        with tempfile.TemporaryDirectory() as tmp:
            project, _ = build(Path(tmp) / "bench.tawsim", args.documents)
            with project:
                seconds = min(dashboard_refresh(project) for _ in range(2))
        report("file_dashboard_refresh", seconds, "s", None, **size)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
