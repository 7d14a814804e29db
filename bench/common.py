"""Shared helpers: timing, reporting, and the synthetic corpus and long article built
from the seeds."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from core.documents.demo import seed_files
from core.text.tokens import sentences


def report(name: str, value: float, unit: str, target: float | None = None, **extra) -> None:
    line = {"name": name, "value": round(value, 4), "unit": unit, "target": target, **extra}
    print(json.dumps(line, ensure_ascii=False), flush=True)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    return statistics.median(timed(fn)[0] for _ in range(repeat))


def seed_sentences() -> list[str]:
    found = []
    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        found.extend(text[s.start : s.end] for s in sentences(text) if s.end - s.start > 20)
    return found


def long_article(size_bytes: int) -> str:
    """The seed sentences, four to a paragraph, repeated to about `size_bytes` of UTF-8."""
    pool = seed_sentences()
    paragraphs, size, i = [], 0, 0
    while size < size_bytes:
        paragraph = " ".join(pool[(i + k) % len(pool)] for k in range(4))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
        i += 4
    return "\n".join(paragraphs)


def long_article_project(folder: Path, name: str, size_bytes: int):
    """A new project `folder/name` holding one long article (document 1); returns the
    project, the text and its words (Arabic and Latin tokens)."""
    from core.documents.importing import import_documents
    from core.project.project import Project
    from core.text.tokens import tokenize

    text = long_article(size_bytes)
    source = folder / "long.txt"
    source.write_text(text, encoding="utf-8")
    project = Project.create(folder / name)
    import_documents(project, [source], undo_name=None)
    words = [t for t in tokenize(text) if t.kind in ("arabic", "word")]
    return project, text, words


def synthetic_articles(count: int, seed: int = 7) -> list[str]:
    """Articles of 8-30 sentences sampled from the seed articles (about 2.5 KB each);
    each starts with a numbered headline so every article is distinct."""
    return list(each_synthetic_article(count, seed))


def each_synthetic_article(count: int, seed: int = 7) -> Iterator[str]:
    """synthetic_articles one at a time (a corpus of any size in little memory)."""
    rng = random.Random(seed)
    pool = seed_sentences()
    for i in range(count):
        body = [rng.choice(pool) for _ in range(rng.randint(8, 30))]
        paragraphs = ["\n".join(body[j : j + 4]) for j in range(0, len(body), 4)]
        yield f"مقال تجريبي رقم {i}\n" + "\n\n".join(paragraphs)


def write_corpus_folder(folder: Path, articles: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles):
        (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")
