"""Schema operations: labels and roles added, renamed, reordered, deleted — undoably,
keeping annotations when renaming and asking before deleting any."""

import pytest
from sqlalchemy import func, select

from core.annotation.annotators import ensure_annotator
from core.annotation.events import add_argument, add_event, events_of_set
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span, spans_of_set
from core.annotation.stances import add_attributed_stance, set_document_stance, stances_of_set
from core.project.errors import OperationError
from core.schema.labels import (
    add_label,
    delete_label,
    edit_label,
    reorder_labels,
    set_entity_targets,
)
from core.schema.roles import add_role, delete_role, edit_role, reorder_roles
from core.schema.usage import ConfirmationNeeded, UsageCounts, label_usage, role_usage
from models.tables import EntitySpan, EventArgument, Label


@pytest.fixture
def work(seeded_project):
    """Two annotators and the gold set on document 4, with a few annotations each."""
    project = seeded_project
    schema = project.schema
    salma = ensure_annotator(project, "Salma").value
    omar = ensure_annotator(project, "Omar").value
    with project.write() as tx:
        sets = {
            "Salma": ensure_set(tx, 4, salma),
            "Omar": ensure_set(tx, 4, omar),
            "gold": ensure_set(tx, 4, None),
        }
    gpe = schema.by_key("entity", "GPE").id
    money = schema.by_key("entity", "MONEY").id
    invest = schema.by_key("event", "Business.Invest").id
    roles = {r.key: r.id for r in schema.roles_of(invest)}
    spans = {}
    for name, set_id in sets.items():
        spans[name] = add_span(project, set_id, 10, 14, gpe).value
        add_span(project, set_id, 20, 24, gpe)
    add_span(project, sets["Salma"], 31, 35, money)
    event = add_event(project, sets["Salma"], invest, 40, 45).value
    add_argument(project, event, roles["Investor"], spans["Salma"])
    favor = schema.by_key("polarity", "FAVOR").id
    open_source = schema.by_key("stance_target", "OPEN_SOURCE_AI").id
    set_document_stance(project, sets["Omar"], open_source, favor)
    add_attributed_stance(
        project, sets["gold"], spans["gold"], favor, target_label_id=open_source, evidence=[(1, 9)]
    )
    project.undo_stack.clear()
    return project, sets, spans


def revision(project):
    return project.setting("schema_revision")


def test_add_label_appends_with_a_free_colour_and_is_undoable(project):
    before = revision(project)
    result = add_label(project, "entity", "LAW", name_ar="قانون", name_en="Law", shortcut="l")
    assert result.changes.schema and result.changes.settings
    assert revision(project) == before + 1
    assert project.undo_name == "Add entity label LAW"
    law = project.schema.by_key("entity", "LAW")
    assert law.id == result.value
    assert [label.key for label in project.schema.entity_labels][-1] == "LAW"
    assert law.color not in {label.color.lower() for label in project.schema.entity_labels[:-1]}
    changes = project.undo()
    assert changes.schema
    assert project.schema.by_key("entity", "LAW") is None
    assert revision(project) == before


def test_add_label_at_a_position(project):
    add_label(project, "polarity", "MIXED", name_en="Mixed", position=1)
    assert [p.key for p in project.schema.polarities] == ["FAVOR", "MIXED", "AGAINST", "NEUTRAL"]


def test_add_label_refuses_bad_input(project):
    with pytest.raises(OperationError, match="already is an entity label with the key 'ORG'"):
        add_label(project, "entity", "ORG")
    with pytest.raises(OperationError, match="without spaces"):
        add_label(project, "entity", "TWO WORDS")
    with pytest.raises(OperationError, match="colour: expected #rrggbb"):
        add_label(project, "entity", "X", color="red")
    with pytest.raises(OperationError, match="unknown layer 'relation'"):
        add_label(project, "relation", "X")
    assert project.undo_name is None


def test_shortcut_conflicts_are_refused_naming_the_other_item(project):
    # entity labels and event types share the editor's keyboard
    with pytest.raises(OperationError, match=r"'1' is already used by entity label PERS;"):
        add_label(project, "event", "Legal.Sue", shortcut="1")
    with pytest.raises(OperationError, match=r"event type Business\.Acquire"):
        add_label(project, "entity", "LAW", shortcut="Q")  # case does not matter
    org = project.schema.by_key("entity", "ORG").id
    with pytest.raises(OperationError, match="entity label PERS"):
        edit_label(project, org, shortcut="1")
    # the stance panel has its own keys: 'q' is free there
    add_label(project, "polarity", "MIXED", shortcut="q")
    with pytest.raises(OperationError, match="polarity FAVOR"):
        add_label(project, "stance_target", "AGI", shortcut="f")
    # keeping one's own shortcut, or dropping it, is fine
    edit_label(project, org, shortcut="2")
    edit_label(project, org, shortcut=None)
    assert project.schema.label(org).shortcut is None
    add_label(project, "event", "Legal.Sue", shortcut="2")


def test_rename_keeps_annotations(work):
    project, sets, _ = work
    gpe = project.schema.by_key("entity", "GPE").id
    result = edit_label(project, gpe, key="COUNTRY")
    assert result.changes.schema
    assert project.undo_name == "Rename GPE to COUNTRY"
    assert project.schema.label(gpe).key == "COUNTRY"
    with project.read() as conn:
        labels = {project.schema.label(s.label_id).key for s in spans_of_set(conn, sets["Salma"])}
    assert labels == {"COUNTRY", "MONEY"}
    with pytest.raises(OperationError, match="already is an entity label with the key 'PERS'"):
        edit_label(project, gpe, key="PERS")
    project.undo()
    assert project.schema.label(gpe).key == "GPE"


def test_rename_updates_the_key_detached_arguments_remember(work):
    from core.annotation.spans import delete_span

    project, _, spans = work
    delete_span(project, spans["Salma"])
    gpe = project.schema.by_key("entity", "GPE").id
    edit_label(project, gpe, key="COUNTRY")
    with project.read() as conn:
        assert conn.execute(select(EventArgument.detached_label)).scalars().all() == ["COUNTRY"]


def test_edit_names_colour_guideline(project):
    org = project.schema.by_key("entity", "ORG").id
    edit_label(project, org, color="#123ABC")
    assert project.undo_name == "Recolour ORG"
    edit_label(project, org, name_ar="  مؤسسة ", name_en="Organisation", guideline="Companies.")
    assert project.undo_name == "Edit ORG"
    label = project.schema.label(org)
    assert (label.color, label.name_ar, label.name_en, label.guideline) == (
        "#123abc", "مؤسسة", "Organisation", "Companies.",
    )  # fmt: skip
    steps = len(project.undo_stack.undo_steps)
    edit_label(project, org, name_en="Organisation")  # no change: no undo step
    assert len(project.undo_stack.undo_steps) == steps


def test_reorder_labels(project):
    ids = [p.id for p in project.schema.polarities]
    reorder_labels(project, "polarity", [ids[2], ids[0], ids[1]])
    assert [p.key for p in project.schema.polarities] == ["NEUTRAL", "FAVOR", "AGAINST"]
    assert project.undo_name == "Reorder polarities"
    with pytest.raises(OperationError, match="every polarity exactly once"):
        reorder_labels(project, "polarity", ids[:2])
    project.undo()
    assert [p.key for p in project.schema.polarities] == ["FAVOR", "AGAINST", "NEUTRAL"]


def test_usage_counts_per_annotator(work):
    project, *_ = work
    schema = project.schema
    usage = label_usage(project, schema.by_key("entity", "GPE").id)
    assert usage.counts == UsageCounts(spans=6, detached=2)  # an argument and a stance holder
    assert dict(usage.by_annotator) == {
        "Omar": UsageCounts(spans=2),
        "Salma": UsageCounts(spans=2, detached=1),
        "gold": UsageCounts(spans=2, detached=1),
    }
    assert usage.describe() == (
        "6 entity spans (Omar: 2, Salma: 2, gold: 2); 2 reference(s) to those spans "
        "(event arguments, stance holders or targets) stay, flagged as detached"
    )
    event_usage = label_usage(project, schema.by_key("event", "Business.Invest").id)
    assert event_usage.counts == UsageCounts(events=1, arguments=1)
    favor = label_usage(project, schema.by_key("polarity", "FAVOR").id)
    assert dict(favor.by_annotator) == {
        "Omar": UsageCounts(stances=1),
        "gold": UsageCounts(stances=1),
    }
    assert not label_usage(project, schema.by_key("entity", "LOC").id).in_use


def test_deleting_a_used_label_asks_then_deletes_undoably(work):
    project, sets, spans = work
    gpe = project.schema.by_key("entity", "GPE").id
    with pytest.raises(ConfirmationNeeded) as asked:
        delete_label(project, gpe)
    usage = asked.value.usage
    assert "6 entity spans" in str(asked.value)
    with project.read() as conn:  # nothing happened
        assert conn.execute(select(func.count(EntitySpan.id))).scalar() == 7
    stale = type(usage)(usage.what, UsageCounts(spans=5), usage.by_annotator)
    with pytest.raises(ConfirmationNeeded):
        delete_label(project, gpe, confirm=stale)

    result = delete_label(project, gpe, confirm=usage)
    assert result.value == usage
    assert result.changes.schema and result.changes.sets == set(sets.values())
    assert project.undo_name == "Delete GPE"
    assert project.schema.by_key("entity", "GPE") is None
    with project.read() as conn:
        assert conn.execute(select(func.count(EntitySpan.id))).scalar() == 1  # MONEY
        (event,) = events_of_set(conn, sets["Salma"])
        assert event.arguments[0].detached and event.arguments[0].detached_label == "GPE"
        (stance,) = stances_of_set(conn, sets["gold"])
        assert stance.holder_span_id is None
        # the Investor role still accepts ORG and PERS; the GPE permission went with the label
        investor = project.schema.role(event.arguments[0].role_id)
        assert {project.schema.label(i).key for i in investor.allowed_label_ids} == {
            "ORG", "PERS",
        }  # fmt: skip

    project.undo()
    assert project.schema.label(gpe).key == "GPE"
    with project.read() as conn:
        assert conn.execute(select(func.count(EntitySpan.id))).scalar() == 7
        (event,) = events_of_set(conn, sets["Salma"])
        assert event.arguments[0].span_id == spans["Salma"]
        assert stances_of_set(conn, sets["gold"])[0].holder_span_id == spans["gold"]
    investor = project.schema.role(event.arguments[0].role_id)
    assert gpe in investor.allowed_label_ids


def test_deleting_an_event_type_deletes_its_events_roles_and_arguments(work):
    project, sets, _ = work
    invest = project.schema.by_key("event", "Business.Invest").id
    usage = label_usage(project, invest)
    delete_label(project, invest, confirm=usage)
    assert project.schema.by_key("event", "Business.Invest") is None
    assert project.schema.roles_of(invest) == []
    with project.read() as conn:
        assert events_of_set(conn, sets["Salma"]) == []
        assert conn.execute(select(func.count(EventArgument.id))).scalar() == 0
    project.undo()
    with project.read() as conn:
        assert len(events_of_set(conn, sets["Salma"])[0].arguments) == 1
    assert len(project.schema.roles_of(invest)) == 5


def test_deleting_an_event_type_also_takes_its_roles_from_re_typed_events(work):
    from core.annotation.events import change_event_type

    project, sets, _ = work
    schema = project.schema
    invest = schema.by_key("event", "Business.Invest").id
    (event,) = _events(project, sets["Salma"])
    change_event_type(project, event.id, schema.by_key("event", "Business.Layoff").id)
    usage = label_usage(project, invest)
    assert usage.counts == UsageCounts(arguments=1)  # the Investor argument, now flagged
    delete_label(project, invest, confirm=usage)
    assert _events(project, sets["Salma"])[0].arguments == ()


def _events(project, set_id):
    with project.read() as conn:
        return events_of_set(conn, set_id)


def test_deleting_a_polarity_or_target_deletes_the_stances_with_their_evidence(work):
    project, sets, _ = work
    target = project.schema.by_key("stance_target", "OPEN_SOURCE_AI").id
    delete_label(project, target, confirm=label_usage(project, target))
    with project.read() as conn:
        assert stances_of_set(conn, sets["Omar"]) == []
        assert stances_of_set(conn, sets["gold"]) == []
    project.undo()
    with project.read() as conn:
        assert stances_of_set(conn, sets["gold"])[0].evidence[0].start == 1


def test_an_unused_label_is_deleted_without_asking(project):
    loc = project.schema.by_key("entity", "LOC").id
    assert delete_label(project, loc).value.in_use is False
    assert project.schema.by_key("entity", "LOC") is None


def test_the_only_label_a_role_accepts_cannot_go_first(work):
    project, *_ = work
    money = project.schema.by_key("entity", "MONEY").id
    # refused before asking about the span that uses it
    with pytest.raises(
        OperationError,
        match=r"only entity label these roles accept: role Money of Business\.Acquire, .*; change",
    ):
        delete_label(project, money)
    assert project.schema.label(money).key == "MONEY"


def test_roles_added_edited_reordered(work):
    project, sets, _ = work
    schema = project.schema
    invest = schema.by_key("event", "Business.Invest").id
    org = schema.by_key("entity", "ORG").id
    pers = schema.by_key("entity", "PERS").id
    seller = add_role(
        project, invest, "Seller", name_en="Seller", labels=[org, pers, org], multiple=True
    ).value
    assert project.undo_name == "Add role Seller to Business.Invest"
    role = project.schema.role(seller)
    assert role.allowed_label_ids == {org, pers} and role.multiple and not role.required
    with pytest.raises(OperationError, match="already has a role 'Seller'"):
        add_role(project, invest, "Seller")
    with pytest.raises(OperationError, match="only accept entity labels"):
        add_role(project, invest, "Mood", labels=[schema.by_key("polarity", "FAVOR").id])
    with pytest.raises(OperationError, match="roles belong to event types"):
        add_role(project, org, "X")

    investor = schema.role_by_key(invest, "Investor").id
    edit_role(project, investor, key="Buyer", labels=[org], required=False)
    assert project.undo_name == "Rename role Investor to Buyer"
    buyer = project.schema.role(investor)
    assert (buyer.key, buyer.allowed_label_ids, buyer.required) == ("Buyer", {org}, False)
    with project.read() as conn:  # the argument keeps its (renamed) role
        assert events_of_set(conn, sets["Salma"])[0].arguments[0].role_id == investor

    ids = [r.id for r in project.schema.roles_of(invest)]
    reorder_roles(project, invest, list(reversed(ids)))
    assert project.schema.roles_of(invest)[0].key == "Seller"
    with pytest.raises(OperationError, match=r"every role of Business\.Invest exactly once"):
        reorder_roles(project, invest, ids[1:])
    for _ in range(3):
        project.undo()
    assert project.schema.role_by_key(invest, "Seller") is None
    assert project.schema.role(investor).key == "Investor"


def test_deleting_a_used_role_asks_first(work):
    project, sets, _ = work
    invest = project.schema.by_key("event", "Business.Invest").id
    investor = project.schema.role_by_key(invest, "Investor").id
    usage = role_usage(project, investor)
    assert usage.counts == UsageCounts(arguments=1)
    assert usage.what == "role Investor of Business.Invest"
    with pytest.raises(ConfirmationNeeded, match="1 event argument"):
        delete_role(project, investor)
    delete_role(project, investor, confirm=usage)
    assert project.schema.role_by_key(invest, "Investor") is None
    with project.read() as conn:
        assert events_of_set(conn, sets["Salma"])[0].arguments == ()
    project.undo()
    with project.read() as conn:
        assert len(events_of_set(conn, sets["Salma"])[0].arguments) == 1
    money = project.schema.role_by_key(invest, "Money").id
    delete_role(project, money)  # unused: no question
    assert project.schema.role_by_key(invest, "Money") is None


def test_entity_targets_switch(project):
    assert project.schema.entity_targets
    set_entity_targets(project, False)
    assert not project.schema.entity_targets
    assert project.undo_name == "Disallow entity targets"
    project.undo()
    assert project.schema.entity_targets


def test_every_schema_operation_bumps_the_revision(project):
    org = project.schema.by_key("entity", "ORG").id
    invest = project.schema.by_key("event", "Business.Invest").id
    start = revision(project)
    add_label(project, "entity", "LAW")
    edit_label(project, org, name_en="Org")
    reorder_labels(project, "entity", list(reversed([e.id for e in project.schema.entity_labels])))
    role = add_role(project, invest, "Seller").value
    edit_role(project, role, guideline="Who sells.")
    delete_role(project, role)
    delete_label(project, project.schema.by_key("entity", "LAW").id)
    set_entity_targets(project, False)
    assert revision(project) == start + 8
    with project.read() as conn:
        assert conn.execute(select(func.count(Label.id))).scalar() == len(project.schema.labels)
