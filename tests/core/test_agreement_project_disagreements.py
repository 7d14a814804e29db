"""Typed disagreements and confusion matrices on the hand-made fixtures."""

from __future__ import annotations

from collections import Counter

import pytest

from core.review.agreement.disagreements import context_around, find_disagreements, pair_items
from core.review.agreement.project import DocumentTexts, compute_agreement
from tests.core.review_fixtures import D1, D2, annotate_entities
from tests.core.test_agreement_project_events_stances import (
    E1,
    E2,
    annotate_events,
    annotate_stances,
)


def disagreements_of(project):
    report = compute_agreement(project)
    texts = DocumentTexts(project, report.documents)
    return report, find_disagreements(report.study, texts)


def summary(items, names):
    return [
        (
            d.kind,
            d.layer,
            tuple(names[a] for a in d.annotator_ids),
            tuple(v.describe() if v else None for v in d.versions),
        )
        for d in items
    ]


def test_entity_disagreements_are_typed_with_versions_and_context(project, tmp_path):
    d1, d2, ids = annotate_entities(project, tmp_path)
    _report, found = disagreements_of(project)
    names = {v: k for k, v in ids.items()}
    amal, badr, hind = ids["amal"], ids["badr"], ids["hind"]
    assert summary(found.select(pair=(amal, badr)), names) == [
        ("boundary", "entities", ("amal", "badr"), ("PERS «ألكسندر وانغ»", "PERS «وانغ»")),
        ("missing", "entities", ("amal", "badr"), (None, "PRODUCT «النموذج»")),
    ]
    assert summary(found.select(pair=(hind, amal), document=d1), names) == [
        ("label", "entities", ("amal", "hind"), ("PERS «ألكسندر وانغ»", "ORG «ألكسندر وانغ»")),
        ("missing", "entities", ("amal", "hind"), ("DATE «يونيو»", None)),
    ]
    mixed = found.select(pair=(badr, hind), document=d1)[0]
    assert mixed.kind == "boundary_label"
    assert mixed.kind_title == "Boundary and label mismatch"
    # the place to open is the union of both versions, and the context is its sentence
    start = D1.index("ألكسندر وانغ")
    assert (mixed.document_id, mixed.start, mixed.end) == (d1, start, start + len("ألكسندر وانغ"))
    assert mixed.context == D1
    assert mixed.context_start == 0
    assert set(mixed.labels) == {"PERS", "ORG"}
    # every pair of the three, each disagreement once per pair: amal-badr 2,
    # amal-hind 3 (+ أوبن إيه آي missing in d2), badr-hind 4 (+ أوبن إيه آي and النموذج)
    assert len(found.items) == 2 + 3 + 4
    assert [d.kind for d in found.select(label="DATE")] == ["missing", "missing"]
    assert len(found.select(document=d2)) == 4
    # the confusion matrix of a pair, from the same pairing: ميتا agreed, ألكسندر وانغ
    # PERS vs ORG, يونيو and أوبن إيه آي against nothing
    assert found.confusion_of("entities", amal, hind) == Counter(
        {("ORG", "ORG"): 1, ("PERS", "ORG"): 1, ("DATE", None): 1, ("ORG", None): 1}
    )
    assert found.confusion_of("entities", hind, amal)[("ORG", "PERS")] == 1
    as_json = mixed.to_json(names)
    assert as_json["annotators"] == ["badr", "hind"]
    assert as_json["versions"][0] == {
        "start": D1.index("وانغ"),
        "end": D1.index("وانغ") + 4,
        "label": "PERS",
        "text": "وانغ",
        "detail": "",
    }


def test_event_disagreements(project, tmp_path):
    e1, e2 = annotate_events(project, tmp_path)
    report, found = disagreements_of(project)
    names = {a.id: a.name for a in report.annotators}
    amal, badr, hind = (a.id for a in report.annotators)
    events = found.select(pair=(amal, badr), layer="events")
    assert [(d.kind, d.document_id) for d in events] == [("argument", e1), ("boundary", e2)]
    money = events[0]
    assert [v.text for v in money.versions] == ["14.3 مليار دولار", "14.3 مليار"]
    assert "extent differs" in money.versions[0].detail
    assert money.start == E1.index("14.3")
    trigger = events[1]
    assert [v.text for v in trigger.versions] == ["سينضم", "سينضم إلى"]
    assert trigger.versions[0].detail == "Person: وانغ"
    assert trigger.start == E2.index("سينضم")
    typed = found.select(pair=(amal, hind), layer="events")
    assert summary(typed, names)[0][:2] == ("event_type", "events")
    assert typed[0].versions[0].label == "Business.Acquire"
    assert typed[0].versions[1].label == "Business.Invest"
    assert found.confusion_of("events", amal, hind) == Counter(
        {("Business.Acquire", "Business.Invest"): 1, ("Personnel.Hire", None): 1}
    )


def test_stance_disagreements(project, tmp_path):
    _s1, s2 = annotate_stances(project, tmp_path)
    report, found = disagreements_of(project)
    amal, badr, hind = (a.id for a in report.annotators)
    stances = found.select(pair=(amal, badr), layer="stances")
    assert [(d.kind, d.document_id) for d in stances] == [("polarity", s2)]
    polarity = stances[0]
    assert [v.label for v in polarity.versions] == ["NEUTRAL", "FAVOR"]
    assert (polarity.start, polarity.end) == (0, 0)  # document-level: the whole document
    assert polarity.versions[0].detail == "author → OPEN_SOURCE_AI"
    missing = [d for d in found.select(pair=(amal, hind), layer="stances") if d.kind == "missing"]
    assert len(missing) == 1
    holder = missing[0]
    # an attributed stance is placed at its holder
    assert holder.versions[1] is None
    assert holder.versions[0].text == "زوكربيرج"
    assert holder.versions[0].detail == "«زوكربيرج» (PERS) → SUPERINTELLIGENCE"
    assert holder.labels == ("SUPERINTELLIGENCE",)
    assert found.confusion_of("stances", amal, hind)[("FAVOR", None)] == 1


def test_pairing_prefers_the_largest_overlap_and_is_order_free():
    a = [(0, 10, "X"), (20, 25, "X")]
    b = [(5, 10, "X"), (0, 4, "X"), (20, 25, "Y")]
    pairs = pair_items(a, b)
    # [0,10) meets [5,10) by 5 and [0,4) by 4: [5,10) is its boundary partner
    assert ("boundary", 0, 0) in pairs
    assert ("label", 1, 2) in pairs
    assert ("missing", None, 1) in pairs
    flipped = pair_items(list(reversed(a)), list(reversed(b)))
    assert sorted(k for k, *_ in flipped) == sorted(k for k, *_ in pairs)


def test_context_is_the_sentence_within_limits():
    text = "جملة أولى. ثم ميتا في الثانية! وثالثة."
    start = text.index("ميتا")
    offset, context = context_around(text, start, start + 4)
    assert context == "ثم ميتا في الثانية!"
    assert text[offset : offset + len(context)] == context
    long = "ا" * 300 + " ميتا " + "ب" * 300
    start = long.index("ميتا")
    offset, context = context_around(long, start, start + 4, chars=20)
    assert len(context) <= 4 + 2 * 20
    assert "ميتا" in context
    assert context_around(D2, 0, 0) == (0, D2)


def test_the_texts_are_read_a_batch_at_a_time_as_asked_for(project, tmp_path, monkeypatch):
    """Finding disagreements goes through the documents in order: the texts come a batch
    at a time, one batch held, never the whole corpus's at once."""
    from core.documents.importing import import_documents
    from core.review.agreement import project as agreement_project

    paths = []
    for number in range(5):
        paths.append(tmp_path / f"{number}.txt")
        paths[-1].write_text(f"نص رقم {number}", encoding="utf-8")
    ids = import_documents(project, paths).added
    monkeypatch.setattr(agreement_project, "SQL_BATCH", 2)
    texts = DocumentTexts(project, reversed(ids))
    assert list(texts) == sorted(ids) and len(texts) == 5
    assert texts[ids[0]] == "نص رقم 0" and set(texts._batch) == set(ids[:2])
    assert texts[ids[3]] == "نص رقم 3" and set(texts._batch) == set(ids[3:5])
    assert texts[ids[1]] == "نص رقم 1"  # back again: read again
    with pytest.raises(KeyError):
        texts[max(ids) + 1]
