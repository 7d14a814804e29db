"""Curation of one long document: reading the candidates, auto-merge, one accept.

A 60 KB article annotated by three annotators, about 2,000 entity spans each,
with the usual noise: a tenth of the spans carry another label, a tenth another
boundary, a tenth are missing. The curation view re-reads the candidates after
every decision, so reading them and one accept must stay interactive.

- the candidates of the document are read and grouped < 300 ms
- auto-merge (2 of 3) of the whole document, one undo step < 2 s
- accepting one candidate (its transaction included) < 500 ms
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.common import long_article_project, median_time, report, timed

ARTICLE_BYTES = 60_000
SPANS = 2_000
ANNOTATORS = ("Amal", "Badr", "Carim")


def build(folder: Path):
    from core.annotation.annotators import ensure_annotator
    from core.annotation.sets import ensure_set
    from models.tables import AnnotationSet, EntitySpan

    project, text, words = long_article_project(folder, "curation.tawsim", ARTICLE_BYTES)
    labels = [label.id for label in project.schema.entity_labels]
    step = max(1, len(words) // SPANS)
    truth = [
        (words[i].start, words[i].end, labels[n % len(labels)])
        for n, i in enumerate(range(0, len(words) - 1, step))
    ][:SPANS]
    rng = random.Random(5)
    ids = {"Lead": ensure_annotator(project, "Lead", "curator").value}
    for name in ANNOTATORS:
        ids[name] = ensure_annotator(project, name).value
        rows = set()
        for start, end, label in truth:
            roll = rng.random()
            if roll < 0.1:
                continue  # missed
            if roll < 0.2:
                label = labels[(labels.index(label) + 1) % len(labels)]
            elif roll < 0.3:
                end = min(len(text), end + 2)
            rows.add((start, end, label))
        with project.write() as tx:
            set_id = ensure_set(tx, 1, ids[name])
            tx.insert_many(
                EntitySpan,
                [{"set_id": set_id, "start": s, "end": e, "label_id": la} for s, e, la in rows],
            )
            tx.update(AnnotationSet, set_id, state="finished")
    return project, ids


def main() -> None:
    from core.review.curation.model import DISPUTED, Strategy
    from core.review.curation.operations import accept, auto_merge
    from core.review.curation.reading import load_curation

    with tempfile.TemporaryDirectory() as tmp:
        project, ids = build(Path(tmp))
        schema = project.schema

        def read():
            with project.read() as conn:
                return load_curation(conn, schema, 1)

        seconds = median_time(read, repeat=5)
        curation = read()
        report(
            "curation_read_candidates",
            seconds * 1000,
            "ms",
            300,
            candidates=len(curation.candidates),
            spans_per_annotator=SPANS,
        )
        seconds, result = timed(lambda: auto_merge(project, ids["Lead"], 1, Strategy.at_least(2)))
        report(
            "curation_auto_merge_2_of_3",
            seconds * 1000,
            "ms",
            2000,
            taken=len(result.value.taken),
            undecided=len(result.value.undecided),
        )
        disputed = [c for c in read().candidates if c.status == DISPUTED][:5]
        times = [timed(lambda c=c: accept(project, ids["Lead"], 1, c.ref))[0] for c in disputed]
        report("curation_accept_one", sorted(times)[len(times) // 2] * 1000, "ms", 500)
        project.close()


if __name__ == "__main__":
    main()
