"""A small, seeded agreement corpus with every hard case, for comparing figures with
those frozen in tests/data/agreement/.

Sixty articles sampled from the seed sentences, four annotators: "amal" marks words
and multi-word names with every entity label; "badr", "hind" and "zaid" copy her
with differences (other extent, other label, missing, extra spans), and with nested
and crossing spans, spans starting or ending inside a word (clitics), and spans
over punctuation. Some sets are in progress, some documents lack an annotator, and
text is excluded for everyone and in single sets.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from core.documents.demo import seed_files
from core.project.project import Project
from core.schema.model import ENTITY
from core.text.tokens import sentences, tokenize
from models.tables import AnnotationSet, Annotator, Document, EntitySpan, ExcludedRegion

ANNOTATORS = ("amal", "badr", "hind", "zaid")


def _articles(count: int, rng: random.Random) -> list[str]:
    pool = []
    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        pool.extend(text[s.start : s.end] for s in sentences(text) if s.end - s.start > 20)
    return [
        f"مقال رقم {i}\n" + "\n".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
        for i in range(count)
    ]


def _spans(rng: random.Random, text: str, labels: list[str]) -> list[tuple[int, int, str]]:
    tokens = tokenize(text)
    spans = []
    for _ in range(rng.randint(0, 12)):
        i = rng.randrange(len(tokens))
        j = min(len(tokens) - 1, i + rng.choice((0, 0, 0, 1, 2)))
        start, end = tokens[i].start, tokens[j].end
        if end - start > 3 and rng.random() < 0.15:  # a clitic left out, or cut short
            start, end = (start + 1, end) if rng.random() < 0.5 else (start, end - 1)
        spans.append((start, end, rng.choice(labels)))
    return spans


def _variant(
    rng: random.Random, text: str, spans: list[tuple[int, int, str]], labels: list[str]
) -> list[tuple[int, int, str]]:
    result = []
    for start, end, label in spans:
        draw = rng.random()
        if draw < 0.7:
            result.append((start, end, label))
        elif draw < 0.8:
            result.append((start, min(len(text), end + rng.randint(1, 6)), label))
        elif draw < 0.9:
            result.append((start, end, rng.choice(labels)))
        elif draw < 0.95 and end - start > 2:  # a nested span inside it, and the span
            result.append((start, end, label))
            result.append((start + 1, end, rng.choice(labels)))
    result.extend(_spans(rng, text, labels)[:2])
    return result


def build_corpus(path: Path, seed: int = 11) -> Project:
    rng = random.Random(seed)
    project = Project.create(path)
    labels = [label.key for label in project.schema.layer(ENTITY)]
    label_ids = {label.key: label.id for label in project.schema.layer(ENTITY)}
    articles = _articles(60, rng)
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
        annotators = tx.insert_many(Annotator, [{"name": name} for name in ANNOTATORS])
        spans, excluded = [], []
        for doc, text in zip(doc_ids, articles, strict=True):
            base = _spans(rng, text, labels)
            if rng.random() < 0.2:  # excluded for everyone
                start = rng.randrange(len(text) - 10)
                excluded.append(
                    {"document_id": doc, "set_id": None, "start": start, "end": start + 9}
                )
            for number, annotator in enumerate(annotators):
                if number and rng.random() < 0.15:
                    continue  # this annotator has no set here
                draw = rng.random()
                state = "finished" if draw < 0.75 else "in_progress" if draw < 0.95 else "new"
                (set_id,) = tx.insert_many(
                    AnnotationSet,
                    [{"document_id": doc, "annotator_id": annotator, "state": state}],
                )
                version = base if number == 0 else _variant(rng, text, base, labels)
                unique = {(s, e, lab) for s, e, lab in version if s < e <= len(text)}
                spans.extend(
                    {"set_id": set_id, "label_id": label_ids[lab], "start": s, "end": e}
                    for s, e, lab in sorted(unique)
                )
                if rng.random() < 0.05:  # excluded in this annotator's set only
                    start = rng.randrange(len(text) - 20)
                    excluded.append(
                        {"document_id": doc, "set_id": set_id, "start": start, "end": start + 15}
                    )
        tx.insert_many(EntitySpan, spans)
        tx.insert_many(ExcludedRegion, excluded)
    return project
