"""Counts over a project, for `main.py stats` and the UI."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from core.project.project import Project
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    ExcludedRegion,
    Stance,
)

LAYER_TABLES = {
    "entities": EntitySpan,
    "events": EventMention,
    "stances": Stance,
}


def project_stats(project: Project) -> dict[str, Any]:
    """Documents, characters, annotators, and annotation counts per layer and per set owner."""
    with project.read() as conn:
        documents, characters = conn.execute(
            select(func.count(Document.id), func.coalesce(func.sum(Document.length), 0))
        ).one()
        annotators = conn.execute(
            select(Annotator.id, Annotator.name, Annotator.role).order_by(Annotator.name)
        ).all()

        def per_owner(model) -> dict[int | None, int]:
            rows = conn.execute(
                select(AnnotationSet.annotator_id, func.count(model.id))
                .join(AnnotationSet, AnnotationSet.id == model.set_id)
                .group_by(AnnotationSet.annotator_id)
            ).all()
            return {owner: count for owner, count in rows}

        counts = {layer: per_owner(model) for layer, model in LAYER_TABLES.items()}
        argument_rows = conn.execute(
            select(AnnotationSet.annotator_id, func.count(EventArgument.id))
            .join(EventMention, EventMention.id == EventArgument.event_id)
            .join(AnnotationSet, AnnotationSet.id == EventMention.set_id)
            .group_by(AnnotationSet.annotator_id)
        ).all()
        counts["arguments"] = {owner: count for owner, count in argument_rows}
        state_rows = conn.execute(
            select(
                AnnotationSet.annotator_id, AnnotationSet.state, func.count(AnnotationSet.id)
            ).group_by(AnnotationSet.annotator_id, AnnotationSet.state)
        ).all()
        excluded = conn.execute(select(func.count(ExcludedRegion.id))).scalar_one()

    states: dict[int | None, dict[str, int]] = {}
    for owner, state, count in state_rows:
        states.setdefault(owner, {})[state] = count

    def owner_entry(owner: int | None) -> dict[str, Any]:
        entry: dict[str, Any] = {layer: counts[layer].get(owner, 0) for layer in counts}
        entry["documents"] = states.get(owner, {})
        return entry

    layers = {layer: sum(values.values()) for layer, values in counts.items()}
    layers["excluded_regions"] = excluded
    return {
        "project": project.name,
        "path": str(project.path),
        "documents": documents,
        "characters": characters,
        "annotators": [
            {"name": name, "role": role, **owner_entry(annotator_id)}
            for annotator_id, name, role in annotators
        ],
        "gold": owner_entry(None),
        "layers": layers,
    }


def format_stats(stats: dict[str, Any]) -> str:
    lines = [
        f"Project     {stats['project']}  ({stats['path']})",
        f"Documents   {stats['documents']:,}",
        f"Characters  {stats['characters']:,}",
        "Annotations "
        + ", ".join(f"{stats['layers'][k]:,} {k.replace('_', ' ')}" for k in stats["layers"]),
        f"Annotators  {len(stats['annotators'])}",
    ]
    owners = [*stats["annotators"], {"name": "(gold)", "role": "", **stats["gold"]}]
    for owner in owners:
        done = owner["documents"]
        lines.append(
            f"  {owner['name']:<20} {owner['role']:<9} entities {owner['entities']:>7,}  "
            f"events {owner['events']:>6,}  arguments {owner['arguments']:>6,}  "
            f"stances {owner['stances']:>6,}  finished {done.get('finished', 0):,}"
            f"/{sum(done.values()):,} documents"
        )
    return "\n".join(lines)
