"""Entity agreement over a project, on hand-made annotations worked out here.

Three annotators on two documents:

    d1 "أعلنت ميتا أن ألكسندر وانغ سينضم إلى الشركة في يونيو."
        amal: ORG ميتا, PERS ألكسندر وانغ, DATE يونيو
        badr: ORG ميتا, PERS وانغ,          DATE يونيو
        hind: ORG ميتا, ORG  ألكسندر وانغ
    d2 "قالت أوبن إيه آي إن النموذج الجديد متاح."
        amal: ORG أوبن إيه آي
        badr: ORG أوبن إيه آي, PRODUCT النموذج
        hind: (finished, nothing marked)
"""

from __future__ import annotations

import json

import pytest

from core.project.errors import OperationError
from core.review.agreement import unitizing_alpha
from core.review.agreement.measure_tokens import bio_tags
from core.review.agreement.measure_unitizing import continuum
from core.review.agreement.project import compute_agreement
from core.review.agreement.results import MEASURES
from core.review.agreement.study import AgreementOptions, load_study
from tests.core.review_fixtures import D1, D2, Annotate, add_documents, annotate_entities


@pytest.fixture
def three(project, tmp_path):
    d1, d2, ids = annotate_entities(project, tmp_path)
    return project, d1, d2, ids


def test_span_f1_exact_per_pair_pooled_per_label_and_document(three):
    project, d1, d2, ids = three
    report = compute_agreement(project)
    assert [a.name for a in report.annotators] == ["amal", "badr", "hind"]
    f1 = report.measures["entities.f1_exact"]
    amal, badr, hind = ids["amal"], ids["badr"], ids["hind"]
    # amal-badr: 4 and 5 spans; identical: ميتا, يونيو, أوبن إيه آي -> 2*3/(4+5)
    assert f1.pairs[(amal, badr)].value == pytest.approx(6 / 9)
    assert f1.pairs[(amal, badr)].get("true_positives") == 3
    # amal-hind: 4 and 2 spans, only ميتا identical -> 2/6
    assert f1.pairs[(amal, hind)].value == pytest.approx(2 / 6)
    # badr-hind: 5 and 2 spans, only ميتا -> 2/7
    assert f1.pairs[(badr, hind)].value == pytest.approx(2 / 7)
    # pooled over pairs: tp 3+1+1, spans 9+6+7 -> 10/22
    assert f1.overall.value == pytest.approx(10 / 22)
    assert f1.overall.support == 22
    # ORG: amal-badr 2 of 2+2, amal-hind 1 of 2+2, badr-hind 1 of 2+2 -> 2*4/12
    assert f1.by_label["ORG"].value == pytest.approx(8 / 12)
    # PERS never identical: 0 of 2 + 1 + 1 spans
    assert f1.by_label["PERS"].value == 0.0
    assert f1.by_label["PERS"].support == 4
    assert list(f1.by_label) == ["PERS", "ORG", "PRODUCT", "DATE"]  # schema order
    # d1: tp 2+1+1 of 6+5+5 -> 8/16; d2: tp 1+0+0 of 3+1+2 -> 2/6
    assert f1.by_document[d1].value == pytest.approx(0.5)
    assert f1.by_document[d2].value == pytest.approx(2 / 6)
    ordered = report.documents_by_agreement("entities.f1_exact")
    assert [doc.id for doc, _ in ordered] == [d2, d1]  # lowest first
    # a pair in either order
    assert report.pair_figure("entities.f1_exact", hind, amal).value == pytest.approx(2 / 6)


def test_span_f1_overlap(three):
    project, _d1, _d2, ids = three
    f1 = compute_agreement(project).measures["entities.f1_overlap"]
    amal, badr, hind = ids["amal"], ids["badr"], ids["hind"]
    # amal-badr: PERS ألكسندر وانغ / وانغ now overlap with the same label: 2*4/9
    assert f1.pairs[(amal, badr)].value == pytest.approx(8 / 9)
    # hind's ORG ألكسندر وانغ overlaps the PERS spans but the label differs: unchanged
    assert f1.pairs[(amal, hind)].value == pytest.approx(2 / 6)
    assert f1.pairs[(badr, hind)].value == pytest.approx(2 / 7)
    assert f1.overall.value == pytest.approx(12 / 22)


def test_unfinished_sets_count_only_when_asked(three, tmp_path):
    project, d1, _d2, ids = three
    dana = Annotate(project, d1, "dana", state="in_progress")
    dana.entity("ميتا", "ORG")
    assert [a.name for a in compute_agreement(project).annotators] == ["amal", "badr", "hind"]
    report = compute_agreement(project, AgreementOptions(include_unfinished=True))
    assert [a.name for a in report.annotators] == ["amal", "badr", "dana", "hind"]
    # amal-dana compared on d1 only (dana has no set in d2): 3 and 1 spans, ميتا -> 2/4
    figure = report.pair_figure("entities.f1_exact", ids["amal"], dana.annotator_id)
    assert figure.value == pytest.approx(0.5)


def test_restricting_annotators_documents_and_labels(three):
    project, d1, _d2, ids = three
    amal, badr, hind = ids["amal"], ids["badr"], ids["hind"]
    report = compute_agreement(project, AgreementOptions(annotators=("badr", "amal")))
    assert list(report.measures["entities.f1_exact"].pairs) == [(amal, badr)]
    report = compute_agreement(project, AgreementOptions(documents=(d1,)))
    assert list(report.documents) == [d1]
    # d1 only: amal-badr 3 and 3 spans, 2 identical -> 4/6
    assert report.measures["entities.f1_exact"].pairs[(amal, badr)].value == pytest.approx(4 / 6)
    report = compute_agreement(project, AgreementOptions(labels=("ORG",)))
    f1 = report.measures["entities.f1_exact"]
    assert list(f1.by_label) == ["ORG"]
    assert f1.pairs[(amal, badr)].value == 1.0  # ميتا and أوبن إيه آي on both sides
    assert f1.pairs[(amal, hind)].value == pytest.approx(0.5)  # 1 of 2 + 2
    with pytest.raises(OperationError, match=r"unknown label.*NOPE"):
        load_study(project, AgreementOptions(labels=("ORG", "NOPE")))
    with pytest.raises(OperationError, match=r"unknown annotator.*zaid.*amal, badr, hind"):
        load_study(project, AgreementOptions(annotators=("zaid",)))
    with pytest.raises(OperationError, match="no document with id 99"):
        load_study(project, AgreementOptions(documents=(99,)))


def test_excluded_text_is_left_out_for_everyone_compared(three):
    project, d1, d2, ids = three
    amal, badr = ids["amal"], ids["badr"]
    # the lead excludes "في يونيو." for everyone: the DATE spans of amal and badr go
    lead = Annotate(project, d1, "lead")
    lead.exclude(*lead.where("في يونيو."), for_everyone=True)
    # hind excludes "النموذج الجديد" in her own set: badr's PRODUCT goes too, since
    # every figure compares the same text
    hind = Annotate(project, d2, "hind")
    hind.exclude(*hind.where("النموذج الجديد"))
    report = compute_agreement(project, AgreementOptions(annotators=("amal", "badr", "hind")))
    # amal-badr: amal ميتا, ألكسندر وانغ, أوبن إيه آي; badr ميتا, وانغ, أوبن إيه آي -> 2*2/6
    assert report.measures["entities.f1_exact"].pairs[(amal, badr)].value == pytest.approx(4 / 6)
    assert report.left_out[amal].excluded == 1
    assert report.left_out[badr].excluded == 2
    study = report.study
    assert study.excluded[d1] == [(D1.index("في يونيو."), len(D1))]
    # the continuum leaves the excluded text out: d1 is shorter, d2 follows it
    tracks, length = continuum(study, [amal, badr], [d1, d2])
    cut = len("في يونيو.")
    assert length == len(D1) - cut + len(D2) - len("النموذج الجديد")
    offset = len(D1) - cut
    start = D2.index("أوبن إيه آي")
    meta = D1.index("ميتا")
    # amal's ORG spans: ميتا in d1, أوبن إيه آي in d2 moved left by the text cut from d1
    org, date = study.label_ids["ORG"], study.label_ids["DATE"]
    assert tuple(column.tolist() for column in tracks[(amal, org)]) == (
        [meta, offset + start],
        [meta + len("ميتا"), offset + start + len("أوبن إيه آي")],
    )
    assert (amal, date) not in tracks  # its only DATE span was in the excluded text


def test_unitizing_alpha_lays_documents_end_to_end(three):
    project, _d1, _d2, ids = three
    amal, badr, hind = ids["amal"], ids["badr"], ids["hind"]
    report = compute_agreement(project)
    alpha = report.measures["entities.unitizing_alpha"]

    # the same units placed by hand: d1 at 0, d2 right after it
    def at(doc_text, needle, offset=0):
        start = doc_text.index(needle)
        return offset + start, offset + start + len(needle)

    o2 = len(D1)
    units = [
        (amal, *at(D1, "ميتا"), "ORG"),
        (amal, *at(D1, "ألكسندر وانغ"), "PERS"),
        (amal, *at(D1, "يونيو"), "DATE"),
        (amal, *at(D2, "أوبن إيه آي", o2), "ORG"),
        (badr, *at(D1, "ميتا"), "ORG"),
        (badr, *at(D1, "وانغ"), "PERS"),
        (badr, *at(D1, "يونيو"), "DATE"),
        (badr, *at(D2, "أوبن إيه آي", o2), "ORG"),
        (badr, *at(D2, "النموذج", o2), "PRODUCT"),
        (hind, *at(D1, "ميتا"), "ORG"),
        (hind, *at(D1, "ألكسندر وانغ"), "ORG"),
    ]
    length = len(D1) + len(D2)
    everyone = [amal, badr, hind]
    assert alpha.overall.value == pytest.approx(unitizing_alpha(units, 0, length, coders=everyone))
    for label in ("ORG", "PERS", "DATE", "PRODUCT"):
        expected = unitizing_alpha(units, 0, length, label, coders=everyone)
        assert alpha.by_label[label].value == pytest.approx(expected), label
    pair = [u for u in units if u[0] in (amal, badr)]
    assert alpha.pairs[(amal, badr)].value == pytest.approx(
        unitizing_alpha(pair, 0, length, coders=[amal, badr])
    )
    assert -1.0 <= alpha.overall.value < 1.0


def test_bio_tags_for_clitics_nesting_and_crossing():
    from core.text.tokens import tokenize

    text = "وقالت لميتا إن جامعة القاهرة"
    tokens = tokenize(text)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    meta = text.index("ميتا")  # inside the token لميتا, after the clitic
    university = text.index("جامعة القاهرة")
    cairo = text.index("القاهرة")
    spans = [
        (meta, meta + 4, "ORG"),
        (university, len(text), "ORG"),  # the longer span wins its tokens
        (cairo, len(text), "GPE"),
    ]
    assert bio_tags(starts, ends, spans) == ["O", "B-ORG", "O", "B-ORG", "I-ORG"]
    # crossing spans: the second keeps only its free tokens, and starts them with B-
    assert bio_tags([0, 2, 4], [1, 3, 5], [(0, 3, "A"), (2, 5, "B")]) == ["B-A", "I-A", "B-B"]


def test_token_kappa_hand_computed(project, tmp_path):
    (doc,) = add_documents(project, tmp_path, ["ميتا تشتري سكيل"])
    amal = Annotate(project, doc, "amal")
    amal.entity("ميتا", "ORG")
    amal.entity("سكيل", "ORG")
    badr = Annotate(project, doc, "badr")
    badr.entity("ميتا", "ORG")
    report = compute_agreement(project)
    kappa = report.measures["entities.token_kappa"]
    # tokens: ميتا تشتري سكيل; amal B-ORG O B-ORG, badr B-ORG O O
    # p_o = 2/3; marginals amal (B 2/3, O 1/3), badr (B 1/3, O 2/3)
    # p_e = 2/3*1/3 + 1/3*2/3 = 4/9; kappa = (2/3 - 4/9) / (1 - 4/9) = 0.4
    assert kappa.pairs[(amal.annotator_id, badr.annotator_id)].value == pytest.approx(0.4)
    assert kappa.pairs[(amal.annotator_id, badr.annotator_id)].support == 3
    # Fleiss with two raters: pooled shares B 1/2, O 1/2, p_e = 1/2 -> (2/3 - 1/2)/(1/2)
    assert kappa.overall.value == pytest.approx(1 / 3)


def test_undefined_figures_say_why_and_serialise_without_nan(project, tmp_path):
    (doc,) = add_documents(project, tmp_path, ["نص قصير بلا كيانات."])
    Annotate(project, doc, "amal")
    report = compute_agreement(project)  # one annotator: nothing is compared
    assert report.annotators == []
    f1 = report.measures["entities.f1_exact"]
    assert f1.overall.value is None
    assert "fewer than two" in f1.overall.undefined
    Annotate(project, doc, "badr")
    report = compute_agreement(project)  # two annotators who marked nothing
    text = json.dumps(report.to_json(), allow_nan=False)  # no NaN anywhere
    for info in MEASURES:
        overall = report.measures[info.key].overall
        assert overall.value is not None or overall.undefined, info.key
    f1 = report.measures["entities.f1_exact"]
    assert f1.overall.value is None
    assert f1.overall.undefined == "no spans to compare"
    # declared categories make "everything is O" full agreement, not 0/0
    assert report.measures["entities.token_kappa"].overall.value == 1.0
    assert '"undefined": "no spans to compare"' in text


def test_a_pair_without_a_shared_document_is_undefined(project, tmp_path):
    d1, d2 = add_documents(project, tmp_path, ["ميتا هنا.", "جوجل هناك."])
    Annotate(project, d1, "amal").entity("ميتا", "ORG")
    Annotate(project, d1, "hind").entity("ميتا", "ORG")
    Annotate(project, d2, "badr").entity("جوجل", "ORG")
    Annotate(project, d2, "hind").entity("جوجل", "ORG")
    report = compute_agreement(project)
    amal, badr = (a.id for a in report.annotators[:2])
    figure = report.pair_figure("entities.f1_exact", amal, badr)
    assert figure.value is None
    assert figure.undefined == "these annotators finished no document in common"
    # no document was finished by all three: unitizing alpha over everyone is undefined
    alpha = report.measures["entities.unitizing_alpha"].overall
    assert alpha.value is None
    assert "all of these annotators" in alpha.undefined


def test_token_kappa_reads_a_stored_token_layer(project, tmp_path):
    import struct

    from models.tables import TokenLayer

    text = "ميتا تشتري سكيل"
    (doc,) = add_documents(project, tmp_path, [text])
    amal = Annotate(project, doc, "amal")
    amal.entity("ميتا", "ORG")
    amal.entity("سكيل", "ORG")
    Annotate(project, doc, "badr").entity("ميتا", "ORG")
    assert compute_agreement(project).measures["entities.token_kappa"].overall.value == 1 / 3
    # an imported file's tokens: the whole text is one token, which both tag B-ORG
    with project.write() as tx:
        packed = struct.pack("<2I", 0, len(text))
        tx.insert(TokenLayer, document_id=doc, source="conll", tokens=packed, sentences=packed)
    kappa = compute_agreement(project).measures["entities.token_kappa"]
    assert kappa.overall.value == 1.0
    assert kappa.overall.support == 1


def test_figures_carry_standard_errors_and_intervals(tmp_path):
    from tests.core.agreement_corpus import build_corpus

    project = build_corpus(tmp_path / "corpus.tawsim")
    report = compute_agreement(project)
    again = compute_agreement(project)
    f1 = report.measures["entities.f1_exact"]
    for figure in (f1.overall, *f1.pairs.values(), *f1.by_label.values()):
        assert figure.method == "bootstrap"
        assert figure.low <= figure.value <= figure.high and figure.se > 0
    assert again.measures["entities.f1_exact"].overall == f1.overall  # seeded: the same
    kappa = report.measures["entities.token_kappa"]
    for figure in (kappa.overall, *kappa.pairs.values()):
        assert figure.method == "analytic"
        assert figure.low < figure.value < figure.high
    # per-document figures are one unit each: no interval
    assert all(f.se is None for f in f1.by_document.values())
    data = report.to_json()["measures"]["entities.f1_exact"]["overall"]
    assert data["ci_low"] == f1.overall.low and data["ci_method"] == "bootstrap"
    project.close()


def test_pooled_span_f1_intervals_are_the_bootstrap_of_their_document_counts(tmp_path):
    from core.review.agreement.intervals import bootstrap_sums
    from tests.core.agreement_corpus import build_corpus

    project = build_corpus(tmp_path / "corpus.tawsim")
    report = compute_agreement(project, AgreementOptions(include_unfinished=True))
    project.close()

    def f1(sums):
        return 2 * sums[0] / (sums[1] + sums[2]) if sums[1] + sums[2] else None

    # exact and overlap share one draw of documents; each interval is still the
    # bootstrap of its own counts per document (pooled over pairs), in document order
    for key in ("entities.f1_exact", "entities.f1_overlap"):
        measure = report.measures[key]
        rows = []
        for figure in measure.by_document.values():
            tp = figure.get("true_positives") or 0
            rows.append([tp, tp + (figure.get("a_only") or 0), tp + (figure.get("b_only") or 0)])
        assert sum(row[0] for row in rows) == measure.overall.get("true_positives")
        expected = bootstrap_sums(rows, {"f1": f1})["f1"]
        assert (measure.overall.se, measure.overall.low, measure.overall.high) == expected
