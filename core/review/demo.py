"""A demo study for the review features: the seed articles annotated by three made-up
annotators, so the agreement dashboard has something to show (its screenshots, a first
look at the review menu).

"amal" marks the names of a small gazetteer and the money amounts; "badr" and "hind"
follow her with seeded, realistic differences (other extents, other labels, misses,
extra spans), and each gives the articles' stances.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.documents.demo import create_demo_project
from core.project.project import Project
from models.tables import AnnotationSet, Document, EntitySpan, Stance

GAZETTEER = {
    "ORG": ["ميتا", "جوجل", "أوبن إيه آي", "Scale AI", "مايكروسوفت", "أنثروبيك", "بلومبرغ"],
    "PERS": ["مارك زوكربيرج", "زوكربيرج", "ألكسندر وانغ", "يان لوكون", "سام ألتمان"],
    "PRODUCT": ["Llama", "ChatGPT", "Gemini", "واتساب", "Meta AI"],
    "GPE": ["الولايات المتحدة", "الصين"],
}
MONEY = re.compile(r"[\d.,]+ (?:مليار|مليون) دولار")
CONFUSABLE = {"ORG": "PRODUCT", "PRODUCT": "ORG", "PERS": "ORG", "GPE": "LOC", "MONEY": "CARDINAL"}


def reference_spans(text: str) -> list[tuple[int, int, str]]:
    """amal's spans: every gazetteer name and money amount, longest first, no overlaps."""
    found: list[tuple[int, int, str]] = []
    candidates = [(m.start(), m.end(), "MONEY") for m in MONEY.finditer(text)]
    for label, names in GAZETTEER.items():
        for name in names:
            candidates += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    taken: list[tuple[int, int]] = []
    for start, end, label in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or e <= start for s, e in taken):
            taken.append((start, end))
            found.append((start, end, label))
    return sorted(found)


def variant(rng: random.Random, spans, text: str, keep: float) -> list[tuple[int, int, str]]:
    """Another annotator's version of `spans`: the same with probability `keep`, else
    another extent (the clitic before it taken along, or only the last word of a
    name), another label, or nothing; plus a few spans of their own."""
    result = []
    for start, end, label in spans:
        draw = rng.random()
        space = text.rfind(" ", start, end)
        if draw < keep:
            result.append((start, end, label))
        elif draw < keep + (1 - keep) * 0.45:
            if space > start:
                result.append((space + 1, end, label))  # "زوكربيرج" for "مارك زوكربيرج"
            elif start > 0 and text[start - 1] in "لبوف":
                result.append((start - 1, end, label))  # "لميتا" with its clitic
            else:
                result.append((start, end, label))
        elif draw < keep + (1 - keep) * 0.75:
            result.append((start, end, CONFUSABLE.get(label, "ORG")))
    words = [m for m in re.finditer(r"\w{4,}", text)]
    for match in rng.sample(words, min(len(words), rng.randint(0, 3))):
        result.append((match.start(), match.end(), rng.choice(["ORG", "PERS", "PRODUCT"])))
    unique = {(s, e, lab) for s, e, lab in result if 0 <= s < e <= len(text)}
    return sorted(unique)


def create_review_demo(path: Path) -> tuple[Project, dict[str, int]]:
    """The demo corpus annotated by amal, badr and hind, every set finished; returns the
    project and the annotators' ids by name."""
    project = create_demo_project(path)
    schema = project.schema
    rng = random.Random(5)
    names = {"amal": 1.0, "badr": 0.86, "hind": 0.7}
    ids = {name: ensure_annotator(project, name).value for name in names}
    with project.read() as conn:
        documents = conn.execute(select(Document.id, Document.text)).all()
    polarities = ["FAVOR", "AGAINST", "NEUTRAL"]
    targets = [t.key for t in schema.stance_targets]
    with project.write() as tx:
        for doc_id, text in documents:
            reference = reference_spans(text)
            stances = {t: rng.choice(polarities) for t in targets}
            for name, keep in names.items():
                set_id = ensure_set(tx, doc_id, ids[name])
                tx.update(AnnotationSet, set_id, state="finished")
                spans = reference if keep == 1.0 else variant(rng, reference, text, keep)
                tx.insert_many(
                    EntitySpan,
                    [
                        {
                            "set_id": set_id,
                            "label_id": schema.label_by_key("entity", label).id,
                            "start": s,
                            "end": e,
                        }
                        for s, e, label in spans
                    ],
                )
                for target, polarity in stances.items():
                    if rng.random() > keep:
                        polarity = rng.choice(polarities)
                    tx.insert(
                        Stance,
                        set_id=set_id,
                        scope="document",
                        target_label_id=schema.label_by_key("stance_target", target).id,
                        polarity_id=schema.label_by_key("polarity", polarity).id,
                    )
    return project, ids
