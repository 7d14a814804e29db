"""Event and stance agreement over a project, worked out by hand.

Events (ACE-style, exact offsets):

    e1 "استحوذت ميتا على سكيل مقابل 14.3 مليار دولار."
        amal: Business.Acquire استحوذت  Acquirer ميتا, Target سكيل, Money 14.3 مليار دولار
        badr: Business.Acquire استحوذت  Acquirer ميتا, Target سكيل, Money 14.3 مليار
        hind: Business.Invest  استحوذت  Investor ميتا, Recipient سكيل
    e2 "قالت ميتا إن وانغ سينضم إلى الشركة."
        amal: Personnel.Hire سينضم       Person وانغ
        badr: Personnel.Hire سينضم إلى   Person وانغ
        hind: nothing

Stances, items (document, holder, target):

    I1 (s1, author, OPEN_SOURCE_AI)             amal FAVOR    badr FAVOR  hind AGAINST
    I2 (s1, author, CLOSED_MODELS)              amal AGAINST  badr AGAINST hind AGAINST
    I3 (s1, زوكربيرج PERS, SUPERINTELLIGENCE)   amal FAVOR    badr FAVOR  hind -
    I4 (s2, author, OPEN_SOURCE_AI)             amal NEUTRAL  badr FAVOR  hind NEUTRAL
"""

from __future__ import annotations

import pytest

from core.review.agreement.project import compute_agreement
from core.review.agreement.study import AgreementOptions
from tests.core.review_fixtures import Annotate, add_documents

E1 = "استحوذت ميتا على سكيل مقابل 14.3 مليار دولار."
E2 = "قالت ميتا إن وانغ سينضم إلى الشركة."
S1 = "قال زوكربيرج إن الذكاء الفائق قريب، وإن ميتا ستبقي بعض النماذج مفتوحة."
S2 = "تراجع الحماس للنماذج المفتوحة في ميتا."


def annotate_events(project, tmp_path):
    e1, e2 = add_documents(project, tmp_path, [E1, E2])
    for name, money in (("amal", "14.3 مليار دولار"), ("badr", "14.3 مليار")):
        a = Annotate(project, e1, name)
        a.event(
            *a.where("استحوذت"),
            "Business.Acquire",
            Acquirer=a.entity("ميتا", "ORG"),
            Target=a.entity("سكيل", "ORG"),
            Money=a.entity(money, "MONEY"),
        )
    hind = Annotate(project, e1, "hind")
    hind.event(
        *hind.where("استحوذت"),
        "Business.Invest",
        Investor=hind.entity("ميتا", "ORG"),
        Recipient=hind.entity("سكيل", "ORG"),
    )
    for name, trigger in (("amal", "سينضم"), ("badr", "سينضم إلى")):
        a = Annotate(project, e2, name)
        a.event(*a.where(trigger), "Personnel.Hire", Person=a.entity("وانغ", "PERS"))
    Annotate(project, e2, "hind")
    return e1, e2


def ids_of(report):
    return [a.id for a in report.annotators]


def test_event_trigger_and_argument_f1(project, tmp_path):
    _e1, e2 = annotate_events(project, tmp_path)
    report = compute_agreement(project)
    amal, badr, hind = ids_of(report)
    m = report.measures
    # amal-badr triggers: استحوذت identical, سينضم vs سينضم إلى differ -> 2*1/(2+2)
    assert m["events.trigger_identification"].pairs[(amal, badr)].value == 0.5
    assert m["events.trigger_classification"].pairs[(amal, badr)].value == 0.5
    # amal-hind: hind's استحوذت has the same offsets (identified) but another type
    assert m["events.trigger_identification"].pairs[(amal, hind)].value == pytest.approx(2 / 3)
    assert m["events.trigger_classification"].pairs[(amal, hind)].value == 0.0
    # amal-badr arguments: 4 each; Acquirer ميتا and Target سكيل match; Money differs in
    # extent; Person وانغ hangs off triggers with different offsets, so never matches
    assert m["events.argument_identification"].pairs[(amal, badr)].value == 0.5
    assert m["events.argument_role"].pairs[(amal, badr)].value == 0.5
    # amal-hind: identification ignores the type: ميتا and سكيل under the same trigger
    # offsets match -> 2*2/(4+2); roles need the type too (Acquirer vs Investor) -> 0
    assert m["events.argument_identification"].pairs[(amal, hind)].value == pytest.approx(4 / 6)
    assert m["events.argument_role"].pairs[(amal, hind)].value == 0.0
    # pooled trigger classification: tp 1+0+0 of (2+2)+(2+1)+(2+1) -> 2/10
    assert m["events.trigger_classification"].overall.value == pytest.approx(0.2)
    # per type, pooled: Business.Acquire amal-badr 1 of 1+1, amal-hind 0 of 1+0,
    # badr-hind 0 of 1+0 -> 2/4; Business.Invest never matched
    by_type = m["events.trigger_classification"].by_label
    assert by_type["Business.Acquire"].value == 0.5
    assert by_type["Business.Invest"].value == 0.0
    # argument roles of Business.Acquire, pooled: amal-badr 2 of 3+3, amal-hind and
    # badr-hind 0 of 3+0 (hind's arguments belong to Business.Invest) -> 2*2/12
    assert m["events.argument_role"].by_label["Business.Acquire"].value == pytest.approx(4 / 12)
    # per document: e2 has only amal-badr's differing triggers (and 0 for hind): 0 of 2+1+1
    assert m["events.trigger_classification"].by_document[e2].value == 0.0
    # restricting labels to an event type keeps only those events
    report = compute_agreement(project, AgreementOptions(labels=("Personnel.Hire",)))
    trig = report.measures["events.trigger_identification"]
    assert trig.pairs[(amal, badr)].value == 0.0  # only سينضم vs سينضم إلى remain
    assert trig.pairs[(amal, hind)].value == 0.0  # amal's سينضم against nothing
    assert trig.by_label == {}  # identification has no per-type figures


def annotate_stances(project, tmp_path):
    s1, s2 = add_documents(project, tmp_path, [S1, S2])
    polarities = {
        "amal": ("FAVOR", "AGAINST", "FAVOR", "NEUTRAL"),
        "badr": ("FAVOR", "AGAINST", "FAVOR", "FAVOR"),
        "hind": ("AGAINST", "AGAINST", None, "NEUTRAL"),
    }
    for name, (p1, p2, p3, p4) in polarities.items():
        a = Annotate(project, s1, name)
        a.stance(p1, target="OPEN_SOURCE_AI")
        a.stance(p2, target="CLOSED_MODELS")
        holder = a.entity("زوكربيرج", "PERS")
        if p3:
            a.stance(
                p3,
                target="SUPERINTELLIGENCE",
                holder_span=holder,
                evidence=[a.where("الذكاء الفائق قريب")],
            )
        Annotate(project, s2, name).stance(p4, target="OPEN_SOURCE_AI")
    return s1, s2


def test_stance_kappa_and_alpha(project, tmp_path):
    s1, s2 = annotate_stances(project, tmp_path)
    report = compute_agreement(project)
    amal, badr, _hind = ids_of(report)
    m = report.measures
    # Cohen amal-badr over I1..I4: p_o = 3/4; amal F2 A1 N1, badr F3 A1 (of 4)
    # p_e = 2/4*3/4 + 1/4*1/4 = 7/16; kappa = (12/16 - 7/16) / (9/16) = 5/9
    assert m["stances.cohen_kappa"].pairs[(amal, badr)].value == pytest.approx(5 / 9)
    assert m["stances.cohen_kappa"].pairs[(amal, badr)].support == 4
    # Fleiss, all three (I3 rated twice): p_a = (1/3 + 1 + 1 + 1/3)/4 = 2/3;
    # shares F (2/3+0+1+1/3)/4 = 1/2, A (1/3+1)/4 = 1/3, N (2/3)/4 = 1/6
    # p_e = 1/4 + 1/9 + 1/36 = 7/18; kappa = (2/3 - 7/18)/(11/18) = 5/11
    assert m["stances.cohen_kappa"].overall.value == pytest.approx(5 / 11)
    # Krippendorff (nominal): coincidences o_FF 3, o_FA = o_AF 1, o_AA 3, o_NN 1,
    # o_NF = o_FN 1; n_F 5, n_A 4, n_N 2, n 11; D_o = 4/11,
    # D_e = 2(5*4 + 5*2 + 4*2)/(11*10) = 76/110; alpha = 1 - 40/76 = 9/19
    assert m["stances.krippendorff_alpha"].overall.value == pytest.approx(9 / 19)
    assert m["stances.percent_agreement"].overall.value == pytest.approx(2 / 3)
    # per target: OPEN_SOURCE_AI items I1 (F F A) and I4 (N F N) -> agreement (1/3+1/3)/2
    assert m["stances.percent_agreement"].by_label["OPEN_SOURCE_AI"].value == pytest.approx(1 / 3)
    assert m["stances.percent_agreement"].by_label["CLOSED_MODELS"].value == 1.0
    # per document: s2 is I4 only -> 1/3
    assert m["stances.percent_agreement"].by_document[s2].value == pytest.approx(1 / 3)
    ordered = report.documents_by_agreement("stances.cohen_kappa")
    assert [doc.id for doc, _ in ordered] == [s2, s1]


def test_stances_on_excluded_holders_are_left_out(project, tmp_path):
    s1, _s2 = annotate_stances(project, tmp_path)
    lead = Annotate(project, s1, "lead")
    lead.exclude(*lead.where("قال زوكربيرج"), for_everyone=True)
    report = compute_agreement(project, AgreementOptions(annotators=("amal", "badr", "hind")))
    amal, badr, _hind = ids_of(report)
    # I3 is gone (its holder is excluded): amal-badr on I1, I2, I4
    # p_o = 2/3; amal F1 A1 N1, badr F2 A1; p_e = 1/3*2/3 + 1/3*1/3 = 1/3; kappa = 1/2
    assert report.measures["stances.cohen_kappa"].pairs[(amal, badr)].value == pytest.approx(0.5)
    assert report.left_out[amal].excluded == 2  # the holder span and the stance


def test_argument_f1_of_a_pair_that_shares_only_some_documents(project, tmp_path):
    # e1: amal and badr agree on an event with its arguments; e2: only amal and hind
    # finished it, so the amal-badr pair is compared on e1 alone
    e1, e2 = add_documents(project, tmp_path, [E1, E2])
    for name in ("amal", "badr"):
        a = Annotate(project, e1, name)
        a.event(*a.where("استحوذت"), "Business.Acquire", Acquirer=a.entity("ميتا", "ORG"))
    for name in ("amal", "hind"):
        a = Annotate(project, e2, name)
        a.event(*a.where("سينضم"), "Personnel.Hire", Person=a.entity("وانغ", "PERS"))
    report = compute_agreement(project)
    amal, badr, hind = ids_of(report)
    m = report.measures
    for key in ("events.trigger_identification", "events.argument_identification"):
        assert m[key].pairs[(amal, badr)].value == 1.0, key
        assert m[key].pairs[(amal, badr)].support == 2, key
        assert m[key].pairs[(amal, hind)].value == 1.0, key
    assert m["events.argument_role"].pairs[(amal, badr)].value == 1.0
    assert m["events.argument_role"].by_label["Business.Acquire"].value == 1.0
    assert m["events.argument_identification"].by_document[e1].value == 1.0
    assert m["events.argument_identification"].by_document[e2].value == 1.0
