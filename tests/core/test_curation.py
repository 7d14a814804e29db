"""Curation: candidates grouped from three annotators, auto-merge by hand-worked rules,
accept / reject / edit in gold, undo, curators only, excluded text left out."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from core.annotation.annotators import ensure_annotator, set_annotator_role
from core.annotation.events import add_argument, add_event
from core.annotation.excluded import exclude_for_everyone
from core.annotation.sets import ensure_set, set_state
from core.annotation.spans import add_span
from core.annotation.stances import add_attributed_stance, set_document_stance
from core.project.errors import OperationError
from core.review.curation.documents import documents_to_curate, next_to_curate
from core.review.curation.editing import add_gold_span, delete_gold_span, relabel_gold_span
from core.review.curation.model import (
    ACCEPTED,
    AGREED,
    ARGUMENT,
    ATTRIBUTED_STANCE,
    BOUNDARY,
    DISPUTED,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    EVENT_TYPE,
    LABEL,
    POLARITY,
    REJECTED,
    Strategy,
)
from core.review.curation.operations import accept, auto_merge, mark_curated, reject
from core.review.curation.reading import load_curation
from models.tables import AnnotationSet, CurationDecision, Document

DOC = 3  # seed 002: "تحوّل جذري داخلي.. ميتا تعيد هندسة خطط الذكاء الاصطناعي"


class Article:
    """Find text in the seed article and annotate it in one annotator's set."""

    def __init__(self, project):
        self.project = project
        with project.read() as conn:
            self.text = conn.execute(select(Document.text).where(Document.id == DOC)).scalar()
        self.sets = {}

    def at(self, needle, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return start, start + len(needle)

    def label(self, layer, key):
        return self.project.schema.by_key(layer, key).id

    def person(self, name, role="annotator"):
        annotator = ensure_annotator(self.project, name, role).value
        with self.project.write() as tx:
            self.sets[name] = ensure_set(tx, DOC, annotator)
        return annotator

    def span(self, who, needle, label, nth=0):
        return add_span(
            self.project, self.sets[who], *self.at(needle, nth), self.label("entity", label)
        ).value

    def event(self, who, needle, type_key, nth=0):
        return add_event(
            self.project, self.sets[who], self.label("event", type_key), *self.at(needle, nth)
        ).value

    def role(self, type_key, role_key):
        return self.project.schema.role_by_key(self.label("event", type_key), role_key).id

    def argument(self, event_id, type_key, role_key, span_id):
        add_argument(self.project, event_id, self.role(type_key, role_key), span_id)

    def entity_key(self, needle, label, nth=0):
        return (ENTITY, (*self.at(needle, nth), self.label("entity", label)))


@pytest.fixture
def article(seeded_project):
    """Three annotators' finished work on seed 002, and a curator (see the test notes)."""
    a = Article(seeded_project)
    a.lead = ensure_annotator(seeded_project, "Lead", "curator").value
    a.amal, a.badr, a.carim = a.person("Amal"), a.person("Badr"), a.person("Carim")
    for who in ("Amal", "Badr", "Carim"):
        a.span(who, "مارك زوكربيرج", "PERS")  # unanimous
        a.span(who, "ميتا", "ORG", 1)  # "شركة ميتا": unanimous
    for who in ("Amal", "Carim"):
        a.span(who, "البوابة العربية", "ORG")  # in the header line excluded below
    a.span("Amal", "بلومبرغ", "ORG")  # 2 ORG against 1 PERS
    a.span("Badr", "بلومبرغ", "ORG")
    a.span("Carim", "بلومبرغ", "PERS")
    a.span("Amal", "Avocado", "PRODUCT")  # one annotator, nobody disagrees
    a.span("Amal", "شركة ميتا", "ORG")  # nested around the unanimous "ميتا"
    a.span("Amal", "ربيع العام المقبل", "DATE")  # boundary: one each
    a.span("Badr", "العام المقبل", "DATE")

    # "انضم إلى ميتا ضمن صفقة استحواذ على شركته الناشئة Scale AI قُدّرت بنحو 14.3 مليار دولار"
    for who in ("Amal", "Badr"):
        meta = a.span(who, "ميتا", "ORG", 4)
        target = a.span(who, "Scale AI", "ORG" if who == "Amal" else "PRODUCT")
        money = a.span(who, "14.3 مليار دولار" if who == "Amal" else "14.3 مليار", "MONEY")
        event = a.event(who, "استحواذ", "Business.Acquire")
        a.argument(event, "Business.Acquire", "Acquirer", meta)
        a.argument(event, "Business.Acquire", "Target", target)
        a.argument(event, "Business.Acquire", "Money", money)
    a.event("Carim", "استحواذ", "Business.Invest")  # another type on the same trigger

    against = a.label("polarity", "AGAINST")
    for who in ("Amal", "Badr", "Carim"):
        set_document_stance(
            seeded_project, a.sets[who], a.label("stance_target", "OPEN_SOURCE_AI"), against
        )
    closed = a.label("stance_target", "CLOSED_MODELS")
    set_document_stance(seeded_project, a.sets["Amal"], closed, a.label("polarity", "FAVOR"))
    set_document_stance(seeded_project, a.sets["Badr"], closed, a.label("polarity", "NEUTRAL"))
    for who, evidence in (
        ("Amal", "أكبر تحول في إستراتيجية الذكاء الاصطناعي"),
        ("Badr", "بدء الشركة تطوير نموذج جديد مغلق"),
    ):
        holder = _span_id(seeded_project, a.sets[who], *a.at("مارك زوكربيرج"))
        add_attributed_stance(
            seeded_project,
            a.sets[who],
            holder,
            a.label("polarity", "FAVOR"),
            target_label_id=closed,
            evidence=[a.at(evidence)],
        )
    # the lead excludes the site's header line for everyone (after two annotated in it)
    exclude_for_everyone(
        seeded_project, DOC, *a.at("تكنولوجيا / البوابة العربية للأخبار التقنية"), curator_id=a.lead
    )
    for who in ("Amal", "Badr", "Carim"):
        set_state(seeded_project, a.sets[who], "finished")
    # Dana has not finished: left out unless asked for
    a.dana = a.person("Dana")
    a.span("Dana", "Llama 4", "PRODUCT")
    seeded_project.undo_stack.clear()
    return a


def _span_id(project, set_id, start, end):
    from models.tables import EntitySpan

    with project.read() as conn:
        return conn.execute(
            select(EntitySpan.id).where(
                EntitySpan.set_id == set_id, EntitySpan.start == start, EntitySpan.end == end
            )
        ).scalar()


def curation(article, **options):
    with article.project.read() as conn:
        return load_curation(conn, article.project.schema, DOC, **options)


def gold_rows(project):
    """What the gold set holds, as comparable tuples."""
    sql = {
        "spans": 'SELECT e.start, e."end", l.key FROM entity_span e JOIN label l ON l.id = '
        "e.label_id JOIN annotation_set s ON s.id = e.set_id WHERE s.annotator_id IS NULL "
        "AND s.document_id = :doc",
        "events": 'SELECT m.start, m."end", l.key FROM event_mention m JOIN label l ON l.id = '
        "m.type_id JOIN annotation_set s ON s.id = m.set_id WHERE s.annotator_id IS NULL "
        "AND s.document_id = :doc",
        "arguments": 'SELECT r.key, e.start, e."end", l.key FROM event_argument a '
        "JOIN event_role r ON r.id = a.role_id JOIN entity_span e ON e.id = a.span_id "
        "JOIN label l ON l.id = e.label_id JOIN event_mention m ON m.id = a.event_id "
        "JOIN annotation_set s ON s.id = m.set_id WHERE s.annotator_id IS NULL "
        "AND s.document_id = :doc",
        "stances": 'SELECT t.scope, tl.key, p.key, h.start, h."end" FROM stance t '
        "JOIN label p ON p.id = t.polarity_id LEFT JOIN label tl ON tl.id = t.target_label_id "
        "LEFT JOIN entity_span h ON h.id = t.holder_span_id "
        "JOIN annotation_set s ON s.id = t.set_id WHERE s.annotator_id IS NULL "
        "AND s.document_id = :doc",
        "evidence": 'SELECT v.start, v."end" FROM stance_evidence v JOIN stance t '
        "ON t.id = v.stance_id JOIN annotation_set s ON s.id = t.set_id "
        "WHERE s.annotator_id IS NULL AND s.document_id = :doc",
    }
    with project.read() as conn:
        return {
            name: sorted(tuple(r) for r in conn.execute(text(query), {"doc": DOC}))
            for name, query in sql.items()
        }


def test_candidates_are_grouped_with_who_proposed_them_and_where_they_disagree(article):
    cur = curation(article)
    assert [a.name for a in cur.annotators] == ["Amal", "Badr", "Carim"]
    assert [(a.name, state) for a, state in cur.skipped] == [("Dana", "in_progress")]
    assert cur.gold_set_id is None and cur.gold_state == "new"
    a = article
    names = {a.amal: "Amal", a.badr: "Badr", a.carim: "Carim"}

    def who(ref):
        return [names[i] for i in cur.find(ref).annotators]

    pers = a.entity_key("مارك زوكربيرج", "PERS")
    assert who(pers) == ["Amal", "Badr", "Carim"] and cur.find(pers).status == AGREED
    org = cur.find(a.entity_key("بلومبرغ", "ORG"))
    assert who(org.ref) == ["Amal", "Badr"] and org.status == DISPUTED
    assert [names[i] for i in org.missing] == ["Carim"]
    assert [(c.kind, c.other) for c in org.conflicts] == [(LABEL, a.entity_key("بلومبرغ", "PERS"))]
    # nested: Amal marked both, the others only "ميتا": missing, not a conflict
    outer = cur.find(a.entity_key("شركة ميتا", "ORG"))
    assert outer.status == DISPUTED and outer.conflicts == ()
    date = cur.find(a.entity_key("ربيع العام المقبل", "DATE"))
    assert [(c.kind, c.other) for c in date.conflicts] == [
        (BOUNDARY, a.entity_key("العام المقبل", "DATE"))
    ]
    # the excluded header: nothing from there, and said so
    assert cur.find(a.entity_key("البوابة العربية", "ORG")) is None
    assert dict(cur.left_out)["entity spans in excluded text"] == 2
    # Dana's in-progress work only on request
    llama = a.entity_key("Llama 4", "PRODUCT")
    assert cur.find(llama) is None
    with_dana = curation(article, include_unfinished=True)
    assert len(with_dana.annotators) == 4 and with_dana.find(llama).status == DISPUTED
    assert with_dana.find(pers).status == DISPUTED  # Dana did not mark it

    # the event, with arguments grouped by (role, span) and its rival type
    acquire_key = (*a.at("استحواذ"), a.label("event", "Business.Acquire"))
    event = cur.find((EVENT, acquire_key))
    assert who(event.ref) == ["Amal", "Badr"]
    assert [c.kind for c in event.conflicts] == [EVENT_TYPE]
    arguments = {
        (article.project.schema.role(x.label_id).key, a.text[x.start : x.end]): (
            [names[i] for i in x.annotators],
            [c.kind for c in x.conflicts],
        )
        for x in event.arguments
    }
    assert arguments == {
        ("Acquirer", "ميتا"): (["Amal", "Badr"], []),
        ("Target", "Scale AI"): (["Amal", "Badr"], []),
        ("Money", "14.3 مليار دولار"): (["Amal"], [BOUNDARY]),
        ("Money", "14.3 مليار"): (["Badr"], [BOUNDARY]),
    }
    target = next(x for x in event.arguments if a.text[x.start : x.end] == "Scale AI")
    # labelled ORG by Amal and PRODUCT by Badr: a tie, ORG comes first in the schema
    assert target.span_label_id == a.label("entity", "ORG")

    # stances
    closed = a.label("stance_target", "CLOSED_MODELS")
    favor, neutral = a.label("polarity", "FAVOR"), a.label("polarity", "NEUTRAL")
    doc_favor = cur.find((DOCUMENT_STANCE, (closed, favor)))
    assert [(c.kind, c.other) for c in doc_favor.conflicts] == [
        (POLARITY, (DOCUMENT_STANCE, (closed, neutral)))
    ]
    osai = (a.label("stance_target", "OPEN_SOURCE_AI"), a.label("polarity", "AGAINST"))
    assert cur.find((DOCUMENT_STANCE, osai)).status == AGREED
    attributed = cur.find((ATTRIBUTED_STANCE, (*a.at("مارك زوكربيرج"), closed, None, None, favor)))
    assert who(attributed.ref) == ["Amal", "Badr"]
    assert [(e.start, e.end) for e in attributed.evidence] == sorted(
        [a.at("أكبر تحول في إستراتيجية الذكاء الاصطناعي"), a.at("بدء الشركة تطوير نموذج جديد مغلق")]
    )
    # document stances come first, the rest in reading order
    kinds = [c.kind for c in cur.candidates]
    assert kinds[:3] == [DOCUMENT_STANCE] * 3
    starts = [c.start for c in cur.candidates[3:]]
    assert starts == sorted(starts)


def test_unanimous_auto_merge_takes_what_all_three_agree_on(article):
    a = article
    result = auto_merge(a.project, a.lead, DOC, Strategy.unanimous())
    report = result.value
    # worked out by hand: PERS «مارك زوكربيرج», ORG «ميتا» (in "شركة ميتا") and the
    # document stance AGAINST open-source AI are the only candidates all three made
    assert sorted(report.taken) == sorted(
        [
            a.entity_key("مارك زوكربيرج", "PERS"),
            a.entity_key("ميتا", "ORG", 1),
            (
                DOCUMENT_STANCE,
                (a.label("stance_target", "OPEN_SOURCE_AI"), a.label("polarity", "AGAINST")),
            ),
        ]
    )
    assert report.brought_along == ()
    assert gold_rows(a.project)["spans"] == sorted(
        [(*a.at("مارك زوكربيرج"), "PERS"), (*a.at("ميتا", 1), "ORG")]
    )
    assert gold_rows(a.project)["stances"] == [
        ("document", "OPEN_SOURCE_AI", "AGAINST", None, None)
    ]
    assert "Auto-merge (unanimous (3 of 3)) took 2 entities, 1 document stance" in report.summary()
    assert a.project.undo_name == "Auto-merge (unanimous (3 of 3))"
    with a.project.read() as conn:
        gold = conn.execute(
            select(AnnotationSet.curator_id, AnnotationSet.state).where(
                AnnotationSet.document_id == DOC, AnnotationSet.annotator_id.is_(None)
            )
        ).one()
    assert tuple(gold) == (a.lead, "in_progress")
    cur = curation(article)
    assert cur.find(a.entity_key("مارك زوكربيرج", "PERS")).status == ACCEPTED
    assert set(report.undecided) == {c.ref for c in cur.undecided()}
    # merging again takes nothing new
    assert auto_merge(a.project, a.lead, DOC, Strategy.unanimous()).value.taken == ()


def test_two_of_three_takes_majorities_and_brings_argument_spans_along(article):
    a = article
    report = auto_merge(a.project, a.lead, DOC, Strategy.at_least(2)).value
    acquire = (*a.at("استحواذ"), a.label("event", "Business.Acquire"))
    role = a.role
    expected = {
        a.entity_key("مارك زوكربيرج", "PERS"),
        a.entity_key("ميتا", "ORG", 1),
        a.entity_key("بلومبرغ", "ORG"),  # 2 ORG beat 1 PERS
        a.entity_key("ميتا", "ORG", 4),  # the acquirer: Amal and Badr
        (EVENT, acquire),  # 2 Acquire beat 1 Invest
        (ARGUMENT, (*acquire, role("Business.Acquire", "Acquirer"), *a.at("ميتا", 4))),
        (ARGUMENT, (*acquire, role("Business.Acquire", "Target"), *a.at("Scale AI"))),
        (
            DOCUMENT_STANCE,
            (a.label("stance_target", "OPEN_SOURCE_AI"), a.label("polarity", "AGAINST")),
        ),
        (
            ATTRIBUTED_STANCE,
            (
                *a.at("مارك زوكربيرج"),
                a.label("stance_target", "CLOSED_MODELS"),
                None,
                None,
                a.label("polarity", "FAVOR"),
            ),
        ),
    }
    assert set(report.taken) == expected
    # "Scale AI" was ORG for Amal and PRODUCT for Badr: no entity majority, so the Target
    # argument brought its span along, labelled as the tie-break says (ORG)
    assert report.brought_along == ((*a.at("Scale AI"), a.label("entity", "ORG")),)
    rows = gold_rows(a.project)
    assert rows["events"] == [(*a.at("استحواذ"), "Business.Acquire")]
    assert rows["arguments"] == sorted(
        [("Acquirer", *a.at("ميتا", 4), "ORG"), ("Target", *a.at("Scale AI"), "ORG")]
    )
    assert rows["stances"] == sorted(
        [
            ("document", "OPEN_SOURCE_AI", "AGAINST", None, None),
            ("attributed", "CLOSED_MODELS", "FAVOR", *a.at("مارك زوكربيرج")),
        ]
    )
    # the union of both annotators' evidence
    assert rows["evidence"] == sorted(
        [a.at("أكبر تحول في إستراتيجية الذكاء الاصطناعي"), a.at("بدء الشركة تطوير نموذج جديد مغلق")]
    )
    # left undecided (13): entities Avocado, the nested "شركة ميتا", both DATEs, PERS
    # «بلومبرغ», PRODUCT «Scale AI», both MONEY spans; Carim's Invest event; both Money
    # arguments; both CLOSED_MODELS document stances
    cur = curation(article)
    undecided = {c.ref for c in cur.undecided()}
    assert set(report.undecided) == undecided
    assert a.entity_key("Avocado", "PRODUCT") in undecided
    assert a.entity_key("ربيع العام المقبل", "DATE") in undecided
    assert a.entity_key("العام المقبل", "DATE") in undecided
    money = [
        x
        for x in cur.find((EVENT, acquire)).arguments
        if x.label_id == role("Business.Acquire", "Money")
    ]
    assert len(money) == 2 and all(x.undecided for x in money)
    assert len(undecided) == 13


def test_one_of_three_leaves_ties_between_rivals_to_the_curator(article):
    a = article
    taken = set(auto_merge(a.project, a.lead, DOC, Strategy.at_least(1)).value.taken)
    assert a.entity_key("Avocado", "PRODUCT") in taken  # nobody disagrees
    assert a.entity_key("شركة ميتا", "ORG") in taken  # nested, not an alternative
    assert a.entity_key("بلومبرغ", "ORG") in taken  # 2 beat 1
    assert a.entity_key("بلومبرغ", "PERS") not in taken
    # one each: tied rivals
    assert a.entity_key("ربيع العام المقبل", "DATE") not in taken
    assert a.entity_key("العام المقبل", "DATE") not in taken
    closed = a.label("stance_target", "CLOSED_MODELS")
    assert (DOCUMENT_STANCE, (closed, a.label("polarity", "FAVOR"))) not in taken


def test_a_threshold_that_cannot_be_met_is_refused(article):
    with pytest.raises(OperationError, match="at least 4 of 3"):
        auto_merge(article.project, article.lead, DOC, Strategy.at_least(4))
    with pytest.raises(OperationError, match="choose k from 1 to 3"):
        auto_merge(article.project, article.lead, DOC, Strategy.at_least(0))
    assert gold_rows(article.project)["spans"] == []


def test_auto_merge_is_one_undo_step(article):
    a = article
    auto_merge(a.project, a.lead, DOC, Strategy.at_least(2))
    assert gold_rows(a.project)["spans"]
    changes = a.project.undo()
    assert DOC in changes.documents
    assert gold_rows(a.project) == {
        "spans": [],
        "events": [],
        "arguments": [],
        "stances": [],
        "evidence": [],
    }
    with a.project.read() as conn:
        assert (
            conn.execute(
                select(AnnotationSet.id).where(AnnotationSet.annotator_id.is_(None))
            ).first()
            is None
        )
    a.project.redo()
    assert len(gold_rows(a.project)["arguments"]) == 2


def test_accept_an_argument_brings_its_event_and_span_and_respects_single_roles(article):
    a = article
    acquire = (*a.at("استحواذ"), a.label("event", "Business.Acquire"))
    money_role = a.role("Business.Acquire", "Money")
    long_money = (ARGUMENT, (*acquire, money_role, *a.at("14.3 مليار دولار")))
    report = accept(a.project, a.lead, DOC, long_money).value
    assert report.taken == ((EVENT, acquire), long_money)
    assert report.brought_along == ((*a.at("14.3 مليار دولار"), a.label("entity", "MONEY")),)
    assert "brought along the entity span(s) it needs: MONEY" in report.summary(a.project.schema)
    rows = gold_rows(a.project)
    assert rows["events"] == [(*a.at("استحواذ"), "Business.Acquire")]
    assert rows["arguments"] == [("Money", *a.at("14.3 مليار دولار"), "MONEY")]
    assert a.project.undo_name == "Accept Money"
    short_money = (ARGUMENT, (*acquire, money_role, *a.at("14.3 مليار")))
    with pytest.raises(OperationError, match="Money takes one argument"):
        accept(a.project, a.lead, DOC, short_money)
    # the event as a unit: its other undecided arguments come with it
    report = accept(a.project, a.lead, DOC, (EVENT, acquire)).value
    assert {ref[1][3] for ref in report.taken if ref[0] == ARGUMENT} == {
        a.role("Business.Acquire", "Acquirer"),
        a.role("Business.Acquire", "Target"),
    }
    assert report.left == (short_money,)  # its rival is in gold already
    assert len(gold_rows(a.project)["arguments"]) == 3
    with pytest.raises(OperationError, match="in the gold standard already"):
        accept(a.project, a.lead, DOC, a.entity_key("ميتا", "ORG", 4))  # brought along


def test_reject_remembers_and_removes_from_gold_and_both_undo(article):
    a = article
    pers = a.entity_key("بلومبرغ", "PERS")
    reject(a.project, a.lead, DOC, pers)
    assert curation(article).find(pers).status == REJECTED
    assert gold_rows(a.project)["spans"] == []
    assert a.project.undo_name == "Reject PERS"
    with pytest.raises(OperationError, match="rejected already"):
        reject(a.project, a.lead, DOC, pers)
    # a rejected candidate can still be accepted: the decision is forgotten
    accept(a.project, a.lead, DOC, pers)
    assert curation(article).find(pers).status == ACCEPTED
    with a.project.read() as conn:
        assert conn.execute(select(CurationDecision.id)).first() is None
    # rejecting what gold holds takes it out
    reject(a.project, a.lead, DOC, pers)
    assert gold_rows(a.project)["spans"] == []
    assert curation(article).find(pers).status == REJECTED
    a.project.undo()
    assert gold_rows(a.project)["spans"] == [(*a.at("بلومبرغ"), "PERS")]
    assert curation(article).find(pers).status == ACCEPTED
    a.project.undo()  # the accept
    a.project.undo()  # the first reject
    assert curation(article).find(pers).status == DISPUTED


def test_rejecting_an_accepted_event_removes_it_with_its_arguments(article):
    a = article
    auto_merge(a.project, a.lead, DOC, Strategy.at_least(2))
    acquire = (*a.at("استحواذ"), a.label("event", "Business.Acquire"))
    reject(a.project, a.lead, DOC, (EVENT, acquire))
    rows = gold_rows(a.project)
    assert rows["events"] == [] and rows["arguments"] == []
    assert (*a.at("Scale AI"), "ORG") in rows["spans"]  # spans stay


def test_document_stance_accept_replaces_the_gold_polarity(article):
    a = article
    closed = a.label("stance_target", "CLOSED_MODELS")
    favor, neutral = a.label("polarity", "FAVOR"), a.label("polarity", "NEUTRAL")
    accept(a.project, a.lead, DOC, (DOCUMENT_STANCE, (closed, favor)))
    accept(a.project, a.lead, DOC, (DOCUMENT_STANCE, (closed, neutral)))
    assert gold_rows(a.project)["stances"] == [("document", "CLOSED_MODELS", "NEUTRAL", None, None)]
    cur = curation(article)
    assert cur.find((DOCUMENT_STANCE, (closed, neutral))).status == ACCEPTED
    assert cur.find((DOCUMENT_STANCE, (closed, favor))).status == DISPUTED
    # auto-merge never overrides what the curator put there
    report = auto_merge(a.project, a.lead, DOC, Strategy.at_least(1)).value
    assert (DOCUMENT_STANCE, (closed, favor)) not in report.taken


def test_gold_is_edited_like_any_set_and_curated(article):
    a = article
    org = a.label("entity", "ORG")
    span = add_gold_span(a.project, a.lead, DOC, *a.at("Avocado"), org).value
    assert a.project.undo_name == "Add ORG to gold"
    relabel_gold_span(a.project, a.lead, span, a.label("entity", "PRODUCT"))
    assert curation(article).find(a.entity_key("Avocado", "PRODUCT")).status == ACCEPTED
    amal_span = _span_id(a.project, a.sets["Amal"], *a.at("Avocado"))
    with pytest.raises(OperationError, match="an annotator's, not the gold standard's"):
        delete_gold_span(a.project, a.lead, amal_span)
    delete_gold_span(a.project, a.lead, span)
    assert gold_rows(a.project)["spans"] == []
    with pytest.raises(OperationError, match="excluded text"):
        add_gold_span(a.project, a.lead, DOC, *a.at("البوابة العربية"), org)

    assert documents_to_curate(a.project) == [DOC]
    assert next_to_curate(a.project, DOC) is None
    mark_curated(a.project, a.lead, DOC)
    assert curation(article).curated
    assert a.project.undo_name == "Mark gold curated"
    assert documents_to_curate(a.project) == []
    assert documents_to_curate(a.project, include_unfinished=True) == []
    mark_curated(a.project, a.lead, DOC, curated=False)
    assert curation(article).gold_state == "in_progress"
    assert next_to_curate(a.project, 1) == DOC


def test_only_curators_curate(article):
    a = article
    before = gold_rows(a.project)
    pers = a.entity_key("بلومبرغ", "PERS")
    for call in (
        lambda: auto_merge(a.project, a.amal, DOC, Strategy.unanimous()),
        lambda: accept(a.project, a.amal, DOC, pers),
        lambda: reject(a.project, a.amal, DOC, pers),
        lambda: mark_curated(a.project, a.amal, DOC),
        lambda: add_gold_span(a.project, a.amal, DOC, 0, 3, a.label("entity", "ORG")),
    ):
        with pytest.raises(OperationError, match=r"only a curator .* Amal is an annotator"):
            call()
    with pytest.raises(OperationError, match="only a curator"):
        accept(a.project, None, DOC, pers)
    assert gold_rows(a.project) == before
    assert a.project.undo_name is None
    # promoted, Amal may
    set_annotator_role(a.project, a.amal, "curator")
    accept(a.project, a.amal, DOC, pers)
    with a.project.read() as conn:
        curator = conn.execute(
            select(AnnotationSet.curator_id).where(AnnotationSet.annotator_id.is_(None))
        ).scalar()
    assert curator == a.amal


def test_an_attributed_stance_is_accepted_with_its_holder_and_evidence(article):
    a = article
    closed = a.label("stance_target", "CLOSED_MODELS")
    favor = a.label("polarity", "FAVOR")
    ref = (ATTRIBUTED_STANCE, (*a.at("مارك زوكربيرج"), closed, None, None, favor))
    report = accept(a.project, a.lead, DOC, ref).value
    assert report.taken == (ref,)
    # the holder was not in gold: brought along with the label both annotators gave it
    assert report.brought_along == ((*a.at("مارك زوكربيرج"), a.label("entity", "PERS")),)
    rows = gold_rows(a.project)
    assert rows["stances"] == [("attributed", "CLOSED_MODELS", "FAVOR", *a.at("مارك زوكربيرج"))]
    assert len(rows["evidence"]) == 2
    assert a.project.undo_name == "Accept stance FAVOR"
    # rejecting it takes the stance and its evidence out; the holder span stays
    reject(a.project, a.lead, DOC, ref)
    rows = gold_rows(a.project)
    assert rows["stances"] == [] and rows["evidence"] == []
    assert rows["spans"] == [(*a.at("مارك زوكربيرج"), "PERS")]
    assert curation(article).find(ref).status == REJECTED
