"""The scale suite: the synthetic corpus at 10,000 and 50,000 articles, through the
headless commands, with the time and peak memory of each step.

    python -m bench scale [--documents 10000,50000] [--steps import,annotations,...]
                          [--work DIR]

The corpus is the five seed articles sampled into articles (bench.common.synthetic_articles)
with 12-35 entity spans each (23.5 on average) for annotator "amal", and "badr" and "hind"
copying her with realistic differences. It is generated once per size into a cache folder
under the system's temporary folder (`--cache` to choose another) and reused.

The projects, logs and exports are made in a temporary folder, or kept in ``--work``;
a run without the ``import`` step measures the other steps on the project kept there
by an earlier run (to measure one command again after a change).

Each step runs as its own process (`python main.py COMMAND ...`, start-up included), so its
peak resident memory is its own (see bench.peak). Steps, in order, on one new project per
size:

* ``import``: the articles as one JSONL file;
* ``import-annotations``: amal's annotations (gold JSONL), then badr's and hind's
  (reported too, the last two as the project grows);
* ``agreement``: the three annotators, sets in progress included, token kappa included;
* ``disagreements``: the same comparison without token kappa, its list of disagreements
  written as CSV (no goal: its time and memory are watched);
* ``export``: amal's sets in every format the export registry offers; tokenised formats
  carry their goal as a multiple of the JSONL export's time, in wall time
  (``times_jsonl``, ``target``) and in CPU time (``cpu_times_jsonl``, ``cpu_target``,
  ``cpu_goal_met``): the goal is judged on CPU time, which stays steady on a busy machine;
* ``search``: the folded corpus search for every hit of "ميتا" (in this process, index
  built first; median of nine, wall and CPU).

Every figure is one JSON line: ``{"name", "value", "unit", "target", ...}`` with the peak
memory and its goal beside the time (``peak_rss_mb``, ``peak_rss_target_mb``). A step the
code refuses is reported with ``value`` null and the refusal.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import each_synthetic_article, report

ROOT = Path(__file__).resolve().parent.parent
ANNOTATORS = ("amal", "badr", "hind")
STEPS = ("import", "annotations", "agreement", "disagreements", "export", "search")
# the goals of the issue "Scale"
MEMORY_GOAL_MB = 300.0
AGREEMENT_GOALS = {10_000: (5.0, 300.0), 50_000: (25.0, 500.0)}  # seconds, MB
TOKENISED_FORMATS = ("conll", "conllu", "hf", "tsv3")  # at most twice the JSONL export's time
TOKENISED_GOAL_RATIO = 2.0
SEARCH_GOAL_MS = 100.0
SEARCH_QUERY = "ميتا"
CORPUS_VERSION = 1  # bump when the generated files change


# --- the corpus ------------------------------------------------------------------------


def corpus_folder(cache: Path, documents: int) -> Path:
    """The generated corpus of `documents` articles (made on first use): documents.jsonl
    and one gold-JSONL annotation file per annotator."""
    folder = cache / f"v{CORPUS_VERSION}-{documents}"
    if (folder / "complete").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    _generate(folder, documents)
    (folder / "complete").write_text("")
    report("scale.generate_corpus", time.perf_counter() - started, "s", None, documents=documents)
    return folder


def _entity_keys() -> list[str]:
    from core.schema.model import DEFAULT_PRESET, load_preset

    return [label["key"] for label in load_preset(DEFAULT_PRESET)["entities"]]


def _generate(folder: Path, documents: int) -> None:
    from core.text.tokens import tokenize

    rng = random.Random(23)
    labels = _entity_keys()
    articles = each_synthetic_article(documents)
    files = [folder / "documents.jsonl"] + [folder / f"{name}.jsonl" for name in ANNOTATORS]
    outs = [path.with_suffix(".part").open("w", encoding="utf-8") for path in files]
    try:
        for number, text in enumerate(articles):
            outs[0].write(_line({"id": f"scale-{number:05}", "text": text}))
            words = [t for t in tokenize(text) if t.kind != "punct"]
            chosen = rng.sample(words, min(rng.randint(12, 35), len(words)))
            base = [(t.start, t.end, rng.choice(labels)) for t in chosen]
            versions = [base] + [_perturb(rng, base, words, labels) for _ in ANNOTATORS[1:]]
            for out, spans in zip(outs[1:], versions, strict=True):
                entities = [
                    {"id": f"T{i + 1}", "label": label, "start": s, "end": e, "text": text[s:e]}
                    for i, (s, e, label) in enumerate(sorted(set(spans)))
                ]
                out.write(_line({"text": text, "entities": entities}))
    finally:
        for out in outs:
            out.close()
    for path in files:
        path.with_suffix(".part").replace(path)


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def _perturb(rng: random.Random, spans, words, labels) -> list[tuple[int, int, str]]:
    """Another annotator's version: 85% the same, 7% one extent moved to a neighbouring
    word's edge, 4% another label, 4% missing, and up to two spans of their own."""
    edges = sorted({t.start for t in words} | {t.end for t in words})
    result = []
    for start, end, label in spans:
        draw = rng.random()
        if draw < 0.85:
            result.append((start, end, label))
        elif draw < 0.92:
            later = [x for x in edges if x > end]
            result.append((start, later[0] if later else end, label))
        elif draw < 0.96:
            result.append((start, end, rng.choice([x for x in labels if x != label])))
    for _ in range(rng.randint(0, 2)):
        word = rng.choice(words)
        result.append((word.start, word.end, rng.choice(labels)))
    return result


# --- running a step --------------------------------------------------------------------


@dataclass
class Step:
    seconds: float
    cpu_seconds: float  # steadier than wall time on a shared machine
    peak_mb: float
    ok: bool
    output: str

    def count(self, pattern: str) -> int | None:
        """A number the command printed (its first group), for checking the work done."""
        found = re.search(pattern, self.output)
        return int(found.group(1).replace(",", "")) if found else None


def run_command(args: list[str], log: Path) -> Step:
    """`python main.py ARGS` in a process of its own: its wall and CPU time and its peak
    resident memory (see bench.peak)."""
    peak = log.with_suffix(".peak")
    peak.unlink(missing_ok=True)
    with log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.peak", str(peak), "main.py", *args],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(encoding="utf-8", errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    peak_kb = int(peak.read_text()) if peak.exists() else usage.ru_maxrss
    return Step(seconds, cpu, peak_kb / 1024, child.returncode == 0, output)


def step_report(
    name: str,
    step: Step,
    documents: int,
    target: float | None = None,
    memory_target: float | None = MEMORY_GOAL_MB,
    **extra,
) -> None:
    figures = {"documents": documents, **extra}
    if not step.ok:
        lines = [line for line in step.output.splitlines() if line.strip()]
        print(
            json.dumps(
                {
                    "name": name,
                    "value": None,
                    "unit": "s",
                    "target": target,
                    **figures,
                    "refused": lines[-1] if lines else "failed",
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
        return
    report(
        name,
        step.seconds,
        "s",
        target,
        **figures,
        cpu_seconds=round(step.cpu_seconds, 2),
        peak_rss_mb=round(step.peak_mb, 1),
        peak_rss_target_mb=memory_target,
        load_1min=round(os.getloadavg()[0], 1),  # wall times on a busy machine mean little
    )


# --- the suite -------------------------------------------------------------------------


def run_size(corpus: Path, work: Path, documents: int, steps: tuple[str, ...]) -> None:
    from core.project.project import Project

    project = work / f"scale-{documents}.tawsim"
    if "import" in steps:
        for stale in work.glob(f"{project.name}*"):
            stale.unlink()
        Project.create(project).close()
    elif not project.exists():
        raise SystemExit(f"{project}: no project to measure; run the import step first")
    where = ["--project", str(project)]
    logs = work / "logs"
    logs.mkdir(exist_ok=True)

    if "import" in steps:
        step = run_command(["import", *where, str(corpus / "documents.jsonl")], logs / "import.log")
        added = step.count(r"([\d,]+) document\(s\) added")
        step_report("scale.import", step, documents, added=added)
    if "annotations" in steps:
        annotations_command = ["import-annotations", *where, "--format", "jsonl", "--annotator"]
        for name in ANNOTATORS:
            step = run_command(
                [*annotations_command, name, str(corpus / f"{name}.jsonl")],
                logs / f"import-annotations-{name}.log",
            )
            entities = step.count(r"imported ([\d,]+) entities")
            step_report(
                "scale.import_annotations", step, documents, annotator=name, entities=entities
            )
    if "agreement" in steps:
        seconds, megabytes = AGREEMENT_GOALS.get(documents, (None, None))
        step = run_command(
            ["agreement", *where, "--include-unfinished", "--json"], logs / "agreement.log"
        )
        step_report("scale.agreement", step, documents, seconds, megabytes, annotators=3)
    if "disagreements" in steps:
        out = work / "disagreements.csv"
        command = ["agreement", *where, "--include-unfinished", "--no-token-kappa"]
        step = run_command([*command, "--disagreements", str(out)], logs / "disagreements.log")
        rows = None
        if out.exists():
            with out.open(encoding="utf-8-sig", newline="") as f:
                rows = sum(1 for _ in csv.reader(f)) - 1
        step_report("scale.disagreements", step, documents, None, None, rows=rows)
    if "export" in steps:
        run_exports(where, work, logs, documents)
    if "search" in steps:
        run_search(project, documents)


def run_exports(where: list[str], work: Path, logs: Path, documents: int) -> None:
    from core.io.formats import FORMATS

    keys = ["jsonl"] + [key for key in FORMATS if key != "jsonl"]
    jsonl: Step | None = None
    for key in keys:
        info = FORMATS[key]
        out = work / f"export-{key}{info.suffix}"
        step = run_command(
            ["export", *where, "--format", key, "--set", ANNOTATORS[0], "--out", str(out)],
            logs / f"export-{key}.log",
        )
        if key == "jsonl" and step.ok:
            jsonl = step
        extra = {}
        target = None
        if key in TOKENISED_FORMATS and jsonl is not None:
            target = round(TOKENISED_GOAL_RATIO * jsonl.seconds, 2)
            # the goal is judged on CPU time: wall time swings with the machine's load
            extra["times_jsonl"] = round(step.seconds / jsonl.seconds, 2)
            extra["cpu_times_jsonl"] = round(step.cpu_seconds / jsonl.cpu_seconds, 2)
            extra["cpu_target"] = round(TOKENISED_GOAL_RATIO * jsonl.cpu_seconds, 2)
            extra["cpu_goal_met"] = step.cpu_seconds <= TOKENISED_GOAL_RATIO * jsonl.cpu_seconds
        step_report(f"scale.export.{key}", step, documents, target, None, **extra)


def run_search(project_path: Path, documents: int) -> None:
    from core.documents.search import CorpusIndex
    from core.project.project import Project

    with Project.open(project_path, read_only=True) as project:
        index = CorpusIndex(project)
        started = time.perf_counter()
        index.build()
        seconds = time.perf_counter() - started
        report("scale.search_index_build", seconds, "s", None, documents=documents)
        found = index.search(SEARCH_QUERY, limit=10**9)
        walls, cpus = [], []
        for _ in range(9):
            wall, cpu = time.perf_counter(), time.process_time()
            index.search(SEARCH_QUERY, limit=10**9)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        report(
            "scale.folded_search_all_hits",
            statistics.median(walls) * 1000,
            "ms",
            SEARCH_GOAL_MS,
            documents=documents,
            query=SEARCH_QUERY,
            hits=len(found.hits),
            cpu_ms=round(statistics.median(cpus) * 1000, 1),
            load_1min=round(os.getloadavg()[0], 1),
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench scale", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--documents", default="10000,50000", help="corpus sizes, comma-separated")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"some of {','.join(STEPS)}")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "tawsim-bench-scale",
        help="where generated corpora are kept between runs",
    )
    parser.add_argument(
        "--work", type=Path, help="keep the projects, logs and exports here (one folder a size)"
    )
    args = parser.parse_args(argv)
    steps = tuple(s for s in args.steps.split(",") if s)
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown step(s): {', '.join(sorted(unknown))}")
    for documents in (int(n) for n in args.documents.split(",")):
        corpus = corpus_folder(args.cache, documents)
        if args.work:
            kept = args.work / str(documents)
            kept.mkdir(parents=True, exist_ok=True)
            run_size(corpus, kept, documents, steps)
            continue
        with tempfile.TemporaryDirectory(dir=args.cache) as work:
            run_size(corpus, Path(work), documents, steps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
