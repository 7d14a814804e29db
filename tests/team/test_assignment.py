"""Workload planning: the curator's plan, what each annotator's list shows, progress,
reassigning, and packages holding the assigned documents only."""

from __future__ import annotations

from collections import Counter

import pytest

from core.annotation.annotators import ensure_annotator, read_annotators, set_annotator_role
from core.documents.navigation import FINISHED, document_ids, set_document_state
from core.io.handoff import export_package
from core.project.errors import OperationError
from core.project.project import Project
from core.team.assignment import (
    RANDOM_ORDER,
    assign_automatically,
    assign_documents,
    plan_assignments,
    reassign,
    workload,
)


def test_every_document_gets_k_annotators_and_the_shared_share_goes_to_everyone():
    plan = plan_assignments(
        list(range(1, 101)), [1, 2, 3], per_document=2, shared_fraction=0.2, order="corpus"
    )
    assert plan.shared == list(range(1, 21))
    per_document = Counter(d for docs in plan.documents.values() for d in docs)
    assert all(per_document[d] == 3 for d in plan.shared)
    assert all(per_document[d] == 2 for d in range(21, 101))
    loads = sorted(len(docs) for docs in plan.documents.values())
    assert loads[-1] - loads[0] <= 1  # 20 + 160/3 each, as even as can be


def test_a_random_plan_is_the_same_for_the_same_seed_and_differs_for_another():
    def plan(seed):
        return plan_assignments(
            list(range(1, 41)), [1, 2], per_document=1, order=RANDOM_ORDER, seed=seed
        ).documents

    assert plan(7) == plan(7)
    assert plan(7) != plan(8)
    assert sorted(plan(7)[1] + plan(7)[2]) == list(range(1, 41))


def test_impossible_plans_are_refused():
    with pytest.raises(OperationError, match="1 to 2 annotator"):
        plan_assignments([1], [1, 2], per_document=3)
    with pytest.raises(OperationError, match="between 0 and 1"):
        plan_assignments([1], [1], per_document=1, shared_fraction=1.5)


def _people(project: Project) -> dict[str, int]:
    return {a.name: a.id for a in read_annotators(project)}


def test_on_the_server_each_list_shows_its_own_documents_and_the_free_ones_on_request(
    team_server,
):
    with team_server.connect("lead") as lead:
        ids = _people(lead)
        assign_documents(lead, ids["lead"], ids["amal"], [1, 2])
        assign_documents(lead, ids["lead"], ids["badr"], [2, 3])
    with team_server.connect("amal") as amal:
        me = _people(amal)["amal"]
        assert document_ids(amal, me, assigned_to=me) == [1, 2]
        assert document_ids(amal, me, assigned_to=me, free=True) == [1, 2, 4, 5]
        set_document_state(amal, 2, me, FINISHED)
        assert document_ids(amal, me, [FINISHED], assigned_to=me) == [2]
        with pytest.raises(OperationError, match="only a curator can assign"):
            assign_documents(amal, me, me, [4])
    with team_server.connect("lead") as lead:
        progress = {w.name: w for w in workload(lead)}
        assert (progress["amal"].assigned, progress["amal"].finished) == (2, 1)
        assert (progress["badr"].assigned, progress["badr"].new) == (2, 2)
        moved = reassign(lead, ids["lead"], ids["amal"], ids["badr"]).value
        assert moved == 1  # document 1: amal finished document 2, which stays hers
        progress = {w.name: w for w in workload(lead)}
        assert progress["amal"].assigned == 1 and progress["badr"].assigned == 3


def test_the_server_refuses_an_annotator_writing_the_plan_whatever_the_core_checks(team_server):
    with team_server.connect("amal") as amal:
        me = _people(amal)["amal"]
        with pytest.raises(OperationError, match="may not do this"), amal.write() as tx:
            from models.tables import Assignment

            tx.insert(Assignment, document_id=4, annotator_id=me)


def test_automatic_assignment_takes_the_unassigned_documents(seeded_project):
    curator = ensure_annotator(seeded_project, "lead").value
    set_annotator_role(seeded_project, curator, "curator")
    amal = ensure_annotator(seeded_project, "amal").value
    badr = ensure_annotator(seeded_project, "badr").value
    assign_documents(seeded_project, curator, amal, [1])
    plan = assign_automatically(seeded_project, curator, [amal, badr], per_document=1).value
    assert sorted(d for docs in plan.documents.values() for d in docs) == [2, 3, 4, 5]
    assert document_ids(seeded_project, amal, assigned_to=amal)[0] == 1


def test_a_package_holds_the_documents_assigned_to_its_annotator(seeded_project, tmp_path):
    curator = ensure_annotator(seeded_project, "lead").value
    set_annotator_role(seeded_project, curator, "curator")
    amal = ensure_annotator(seeded_project, "amal").value
    assign_documents(seeded_project, curator, amal, [2, 4])
    report = export_package(seeded_project, tmp_path / "amal", "amal")
    assert report.documents == 2
    with Project.open(report.path, read_only=True) as package:
        assert document_ids(package, None) == [2, 4]
    unplanned = export_package(seeded_project, tmp_path / "badr", "badr")
    assert unplanned.documents == 5
