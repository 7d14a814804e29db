"""Render the curation view: `python -m ui.curation.screenshots OUT_DIR` (offscreen).

Three annotators (Amal, Badr, Carim) annotate the first paragraphs of a seed
article with the usual kinds of disagreement (a label, a boundary, a missed
span, an event type, a polarity); the lead auto-merges two of three and looks at
a disputed candidate. Written to `curation-light.png` and `curation-dark.png`, and in
Arabic to `curation-ar.png`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCUMENT = 3  # "تحوّل جذري داخلي.. ميتا تعيد هندسة خطط الذكاء الاصطناعي للبقاء في المنافسة"
EVERYONE = ("Amal", "Badr", "Carim")
# (who, text, occurrence, label)
ENTITIES = [
    *((who, "ميتا", 0, "ORG") for who in EVERYONE),
    *((who, "ميتا", 1, "ORG") for who in EVERYONE),
    *((who, "مارك زوكربيرج", 0, "PERS") for who in EVERYONE),
    ("Amal", "Avocado", 0, "PRODUCT"),
    ("Badr", "Avocado", 0, "PRODUCT"),
    ("Amal", "ربيع العام المقبل", 0, "DATE"),
    ("Badr", "العام المقبل", 0, "DATE"),
    ("Carim", "ربيع العام المقبل", 0, "DATE"),
    ("Amal", "بلومبرغ", 0, "ORG"),
    ("Badr", "بلومبرغ", 0, "ORG"),
    ("Carim", "بلومبرغ", 0, "PERS"),
    *((who, "ميتا", 2, "ORG") for who in EVERYONE),
    ("Amal", "OpenAI", 0, "ORG"),
    ("Carim", "OpenAI", 0, "ORG"),
    ("Amal", "Llama 4", 0, "PRODUCT"),
    ("Badr", "Llama 4", 0, "PRODUCT"),
    ("Carim", "Llama", 0, "PRODUCT"),
    *((who, "زوكربيرج", 1, "PERS") for who in EVERYONE),
    ("Amal", "ميتا", 3, "ORG"),
    ("Badr", "ميتا", 3, "ORG"),
    *((who, "ميتا", 4, "ORG") for who in ("Amal", "Badr")),
    *((who, "ألكسندر وانغ", 0, "PERS") for who in EVERYONE),
    ("Amal", "Scale AI", 0, "ORG"),
    ("Badr", "Scale AI", 0, "ORG"),
    ("Carim", "Scale AI", 0, "PRODUCT"),
    ("Amal", "14.3 مليار دولار", 0, "MONEY"),
    ("Badr", "14.3 مليار دولار", 0, "MONEY"),
    ("Carim", "14.3 مليار", 0, "MONEY"),
]
# (who, trigger, event type, [(role, text, occurrence, label of the span)])
EVENTS = [
    (
        who,
        "استحواذ",
        "Business.Acquire",
        [
            ("Acquirer", "ميتا", 4, "ORG"),
            ("Target", "Scale AI", 0, "ORG"),
            ("Money", "14.3 مليار دولار", 0, "MONEY"),
        ],
    )
    for who in ("Amal", "Badr")
] + [("Carim", "استحواذ", "Business.Invest", [])]
# (who, target, polarity)
DOCUMENT_STANCES = [
    ("Amal", "CLOSED_MODELS", "FAVOR"),
    ("Badr", "CLOSED_MODELS", "FAVOR"),
    ("Carim", "CLOSED_MODELS", "NEUTRAL"),
]
CHOSEN = ("بلومبرغ", "ORG")  # the candidate shown selected


def find(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    """Where the `occurrence`-th (from 0) `needle` stands in `text`: (start, end)."""
    from ui.screenshots import find as find_start

    start = find_start(text, needle, occurrence)
    return start, start + len(needle)


def seed_curation(project) -> dict[str, int]:
    """Three annotators' finished versions of DOCUMENT and a curator, Lead; returns the
    annotator ids by name."""
    from core.annotation.annotators import ensure_annotator
    from core.annotation.events import add_argument, add_event
    from core.annotation.sets import set_state
    from core.annotation.spans import add_span
    from core.annotation.stances import set_document_stance
    from core.documents.navigation import IN_PROGRESS, read_document_text, set_document_state

    schema = project.schema
    text = read_document_text(project, DOCUMENT)
    ids = {"Lead": ensure_annotator(project, "Lead", "curator").value}
    sets = {}
    for who in EVERYONE:
        ids[who] = ensure_annotator(project, who).value
        sets[who] = set_document_state(project, DOCUMENT, ids[who], IN_PROGRESS).value
    spans: dict[tuple[str, int, int, int], int] = {}

    def span(who: str, needle: str, occurrence: int, key: str) -> int:
        start, end = find(text, needle, occurrence)
        label = schema.by_key("entity", key).id
        found = spans.get((who, start, end, label))
        if found is None:
            found = add_span(project, sets[who], start, end, label).value
            spans[(who, start, end, label)] = found
        return found

    for who, needle, occurrence, key in ENTITIES:
        span(who, needle, occurrence, key)
    for who, trigger, type_key, arguments in EVENTS:
        type_id = schema.by_key("event", type_key).id
        event = add_event(project, sets[who], type_id, *find(text, trigger, 0)).value
        for role_key, needle, occurrence, label in arguments:
            role = schema.role_by_key(type_id, role_key).id
            add_argument(project, event, role, span(who, needle, occurrence, label))
    for who, target, polarity in DOCUMENT_STANCES:
        set_document_stance(
            project,
            sets[who],
            schema.by_key("stance_target", target).id,
            schema.by_key("polarity", polarity).id,
        )
    for who in EVERYONE:
        set_state(project, sets[who], "finished")
    project.undo_stack.clear()
    return ids


def render(out_dir: Path, language: str) -> list[Path]:
    from core.documents.navigation import read_document_text
    from ui.curation.view import open_curation
    from ui.i18n import ENGLISH
    from ui.qt import QtWidgets
    from ui.screenshots import demo_project, session, themed_window, themes

    written = []
    with session(out_dir, language) as (app, home):
        project = demo_project(home)
        seed_curation(project)
        schema = project.schema
        text = read_document_text(project, DOCUMENT)
        merged = False
        for theme in themes(language):
            window = themed_window(app, project, "Lead", theme)
            window.wait_for_tasks()
            window.open_document(DOCUMENT)
            view = open_curation(window, DOCUMENT)
            if view is None:  # refused; the window's notice says why
                raise RuntimeError("the curation view did not open for the lead")
            view.resize(1600, 980)
            if not merged:
                view.strategy.setCurrentIndex(1)
                view.k.setValue(2)
                view.auto_merge()
                merged = True
            view.reload()
            start, end = find(text, CHOSEN[0], 0)
            ref = ("entity", (start, end, schema.by_key("entity", CHOSEN[1]).id))
            view.candidates.select_ref(ref)
            for _ in range(3):
                QtWidgets.QApplication.processEvents()
            suffix = theme if language == ENGLISH else language
            path = out_dir / f"curation-{suffix}.png"
            view.grab().save(str(path))
            written.append(path)
            view.close()
            window.close()
        project.close()
    return written


if __name__ == "__main__":
    from ui.i18n import LANGUAGES

    for language in LANGUAGES:
        for written in render(
            Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), language
        ):
            print(written)
