"""Which documents wait for curation: those with annotators' work and no curated gold
set, and the next of them after the one the curator is on, for "Mark curated and
go to the next"."""

from __future__ import annotations

from core.project.project import Project


def documents_to_curate(project: Project, *, include_unfinished: bool = False) -> list[int]:
    """Documents with annotators' work (finished sets by default) and no curated gold set."""
    states = "" if include_unfinished else "AND s.state = 'finished'"
    sql = (
        "SELECT d.id FROM document d WHERE EXISTS (SELECT 1 FROM annotation_set s "
        f"WHERE s.document_id = d.id AND s.annotator_id IS NOT NULL {states}) "
        "AND NOT EXISTS (SELECT 1 FROM annotation_set g WHERE g.document_id = d.id "
        "AND g.annotator_id IS NULL AND g.state = 'finished') ORDER BY d.id"
    )
    with project.read() as conn:
        return [row[0] for row in conn.exec_driver_sql(sql)]


def next_to_curate(
    project: Project, after: int | None, *, include_unfinished: bool = False
) -> int | None:
    """The next document needing curation after `after` (by id, wrapping around)."""
    waiting = [
        d for d in documents_to_curate(project, include_unfinished=include_unfinished) if d != after
    ]
    if not waiting:
        return None
    later = [d for d in waiting if after is None or d > after]
    return later[0] if later else waiting[0]


__all__ = ["documents_to_curate", "next_to_curate"]
