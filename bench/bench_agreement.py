"""Agreement over large projects: 10,000 and 50,000 documents x 3 annotators.

Run from the repository root::

    python bench/bench_agreement.py [--documents 10000 50000] [--repeat 3]

For each size, builds a project file in a temporary folder (documents from the seed
articles, spans written with `tx.insert_many`) and runs the command a user runs,
`agreement --include-unfinished` (token kappa included), in a child process:
``agreement_command_seconds`` (wall clock, with the child's CPU time beside it, which a
busy machine disturbs less) and ``agreement_command_peak_rss`` (the child's peak
resident memory), each with its goal (10,000: 5 s and 300 MB; 50,000: 25 s and
500 MB). Then, for the first size only, times from the project file in this process:

* ``agreement_entities``: `compute_agreement` without token kappa — reading the
  study, exact and overlap span F1 per pair, label and document (and pooled),
  unitizing alpha per label for all three annotators and per pair. Target 5 s.
* ``agreement_token_kappa``: the BIO token kappa on top (tokenizes every document).
* ``disagreements``: the typed disagreement list of all pairs with context.

Each value is the best of ``--repeat`` runs (other load only adds time).
Annotator "amal" marks about 30 tokens per document with 9 labels; "badr" and
"hind" copy her with realistic differences (85 % identical, 7 % other extent,
4 % other label, 4 % missing, plus 3 % extra spans of their own).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import report, synthetic_articles
from core.project.project import Project
from core.review.agreement.disagreements import find_disagreements
from core.review.agreement.project import DocumentTexts, compute_agreement
from core.review.agreement.study import AgreementOptions
from core.schema.model import ENTITY
from core.text.tokens import tokenize
from models.tables import AnnotationSet, Annotator, Document, EntitySpan

TARGET_SECONDS = 5.0
# the whole `agreement` command, token kappa included: (seconds, megabytes) per size
COMMAND_GOALS = {10_000: (5.0, 300.0), 50_000: (25.0, 500.0)}
ROOT = Path(__file__).resolve().parent.parent
SPANS_PER_DOCUMENT = 30
ANNOTATORS = ("amal", "badr", "hind")


def perturb(rng: random.Random, spans, tokens, labels):
    """A second annotator's version of `spans` (start, end, label) on `tokens`."""
    result = []
    for start, end, label in spans:
        draw = rng.random()
        if draw < 0.85:
            result.append((start, end, label))
        elif draw < 0.92:
            other_end = end + 1 if rng.random() < 0.5 else max(start + 1, end - 1)
            result.append((start, other_end, label))
        elif draw < 0.96:
            result.append((start, end, rng.choice([x for x in labels if x != label])))
    for _ in range(rng.randint(0, 2)):
        token = rng.choice(tokens)
        result.append((token.start, token.end, rng.choice(labels)))
    return result


def build(path: Path, n_documents: int, seed: int = 3) -> tuple[Project, int]:
    project = Project.create(path)
    return project, fill(project, n_documents, seed)


def fill(project: Project, n_documents: int, seed: int = 3) -> int:
    """Add the documents, the three annotators and their spans; returns the span count."""
    rng = random.Random(seed)
    labels = [label.key for label in project.schema.layer(ENTITY)]
    label_ids = {label.key: label.id for label in project.schema.layer(ENTITY)}
    articles = synthetic_articles(n_documents)
    with project.write() as tx:
        doc_ids = tx.insert_many(
            Document,
            [
                {
                    "title": text.split("\n", 1)[0],
                    "length": len(text),
                    "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                    "text": text,
                }
                for text in articles
            ],
        )
        annotator_ids = tx.insert_many(Annotator, [{"name": name} for name in ANNOTATORS])
        set_rows = [
            {"document_id": doc, "annotator_id": annotator, "state": "finished"}
            for doc in doc_ids
            for annotator in annotator_ids
        ]
        set_ids = tx.insert_many(AnnotationSet, set_rows)
    sets = iter(set_ids)
    pending: list[dict] = []
    total = 0

    def flush() -> None:
        with project.write() as tx:
            tx.insert_many(EntitySpan, pending)
        pending.clear()

    for text in articles:
        words = [t for t in tokenize(text) if t.kind != "punct"]
        chosen = rng.sample(words, min(SPANS_PER_DOCUMENT, len(words)))
        chosen.sort(key=lambda t: t.start)
        base = [(t.start, t.end, rng.choice(labels)) for t in chosen]
        versions = [base, perturb(rng, base, words, labels), perturb(rng, base, words, labels)]
        for spans in versions:
            set_id = next(sets)
            unique = {(s, min(e, len(text)), lab) for s, e, lab in spans if s < min(e, len(text))}
            pending.extend(
                {"set_id": set_id, "label_id": label_ids[lab], "start": s, "end": e}
                for s, e, lab in unique
            )
            total += len(unique)
        if len(pending) > 100_000:
            flush()
    if pending:
        flush()
    return total


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def run_command(path: Path) -> tuple[float, float, float]:
    """`agreement --include-unfinished` on `path` in a child process: wall seconds, CPU
    seconds and peak resident megabytes of that child alone."""
    command = [sys.executable, str(ROOT / "main.py"), "agreement", "--project", str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(
        [*command, "--include-unfinished", "--json"], stdout=subprocess.DEVNULL, cwd=ROOT
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"the agreement command failed with exit code {child.returncode}")
    # ru_maxrss is in kilobytes on Linux
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def in_process(project: Project, size: dict[str, int], repeat: int) -> None:
    fast = AgreementOptions(token_kappa=False)
    seconds, result = best(lambda: compute_agreement(project, fast), repeat)
    f1 = result.measures["entities.f1_exact"].overall.value
    overlap = result.measures["entities.f1_overlap"].overall.value
    alpha = result.measures["entities.unitizing_alpha"].overall.value
    report(
        "agreement_entities",
        seconds,
        "s",
        TARGET_SECONDS,
        **size,
        f1_exact=round(f1, 4),
        f1_overlap=round(overlap, 4),
        unitizing_alpha=round(alpha, 4),
    )
    texts = DocumentTexts(project, result.documents)
    seconds, full = best(lambda: compute_agreement(project, texts=texts), 1)
    kappa = full.measures["entities.token_kappa"].overall.value
    kappa = round(kappa, 4)
    report("agreement_with_token_kappa", seconds, "s", None, **size, fleiss_kappa=kappa)
    seconds, found = best(lambda: find_disagreements(result.study, texts), 1)
    report("disagreements_all_pairs", seconds, "s", None, **size, found=len(found.items))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=sorted(COMMAND_GOALS))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv if argv is not None else [])
    for number, documents in enumerate(args.documents):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.tawsim"
            built_at = time.perf_counter()
            project, n_spans = build(path, documents)
            build_seconds = time.perf_counter() - built_at
            size = {"documents": documents, "annotators": len(ANNOTATORS), "spans": n_spans}
            report("agreement_build_project", build_seconds, "s", None, **size)
            goal_seconds, goal_mb = COMMAND_GOALS.get(documents, (None, None))
            runs = [run_command(path) for _ in range(args.repeat)]
            wall, cpu, _peak = min(runs)
            report(
                "agreement_command_seconds",
                wall,
                "s",
                goal_seconds,
                **size,
                cpu_seconds=round(cpu, 2),
            )
            report("agreement_command_peak_rss", max(r[2] for r in runs), "MB", goal_mb, **size)
            if number == 0:
                in_process(project, size, args.repeat)
            project.close()


if __name__ == "__main__":
    main(sys.argv[1:])
