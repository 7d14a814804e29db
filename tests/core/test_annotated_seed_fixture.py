"""The hand-annotated seed fixture (tests/data/annotated-seed-003.json) replays into a
project through core operations and reads back the same, without a problem."""

import pytest

from core.annotation.validation import load_set_content, validate_set
from tests.fixtures.annotated_seed import build_annotated_seed, dump, load_fixture


@pytest.mark.parametrize("annotator", ["Salma", "Omar"])
def test_the_fixture_replays_into_a_project(seeded_project, annotator):
    set_id = build_annotated_seed(seeded_project, annotator)
    assert dump(seeded_project, annotator=annotator) == {**load_fixture(), "annotator": annotator}
    with seeded_project.read() as conn:
        assert validate_set(seeded_project.schema, load_set_content(conn, set_id)) == []


def test_the_fixture_holds_what_later_tests_rely_on():
    data = load_fixture()
    entities = data["entities"]
    assert len(entities) >= 40
    # nested spans: the lab's name holds "ميتا"
    lab = next(e for e in entities if e["text"].startswith("مختبر"))
    assert any(lab["start"] < e["start"] and e["end"] < lab["end"] for e in entities)
    assert len(data["events"]) >= 3 and all(e["arguments"] for e in data["events"])
    scopes = [s["scope"] for s in data["stances"]]
    assert "document" in scopes and "attributed" in scopes
    assert all(s["evidence"] for s in data["stances"] if s["scope"] == "attributed")
    (region,) = data["excluded"]
    assert region["reason"] and region["start"] > max(e["end"] for e in entities)


def test_reading_only_the_spans_validation_needs_finds_the_same_problems(seeded_project):
    from core.annotation.excluded import exclude_region
    from core.annotation.spans import delete_span, relabel_span, spans_of_set
    from core.annotation.validation import load_sets_content

    project = seeded_project
    set_id = build_annotated_seed(project)
    schema = project.schema
    with project.read() as conn:
        spans = {(s.start, s.end): s for s in spans_of_set(conn, set_id)}
    data = load_fixture()
    # an argument's span deleted, another relabelled, spans and evidence excluded
    first, second = data["events"][0]["arguments"][:2]
    delete_span(project, spans[(first["start"], first["end"])].id)
    relabel_span(
        project, spans[(second["start"], second["end"])].id, schema.by_key("entity", "DATE").id
    )
    evidence = data["stances"][1]["evidence"][0]
    exclude_region(project, set_id, evidence["start"] - 30, evidence["end"])
    with project.read() as conn:
        full = load_sets_content(conn, [set_id])[set_id]
        lean = load_sets_content(conn, [set_id], all_spans=False)[set_id]
    problems = validate_set(schema, full)
    assert {p.code for p in problems} >= {"detached", "label_not_allowed", "excluded"}
    assert validate_set(schema, lean) == problems
    assert len(lean.spans) < len(full.spans)  # those no argument, stance or exclusion touches


def test_a_detached_argument_is_dumped_as_detached(seeded_project):
    from core.annotation.spans import delete_span, spans_of_set

    set_id = build_annotated_seed(seeded_project)
    with seeded_project.read() as conn:
        spans = {(s.start, s.end): s for s in spans_of_set(conn, set_id)}
    argument = load_fixture()["events"][0]["arguments"][0]
    delete_span(seeded_project, spans[(argument["start"], argument["end"])].id)
    arguments = dump(seeded_project)["events"][0]["arguments"]
    assert {"role": argument["role"], "detached": True} in arguments
