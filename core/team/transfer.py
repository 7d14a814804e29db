"""Moving work between a desktop project file and a team project.

* push: a desktop project goes up into the team project as a merge does it (documents
  matched by their text, labels by key, sets by document and annotator, a set with the
  same content left alone, one transaction), gold sets included.
* pull: a new desktop file holding what the connecting role may see of the team project
  (row-level security decides: an annotator's pull has their own sets, a curator's
  everyone's), with the server's row ids, so it is the same content row for row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, insert, select
from sqlmodel import SQLModel

from core.io.handoff.merge import MergeReport, merge_annotations
from core.project.errors import OperationError
from core.project.progress import Progress, report_progress
from core.project.project import Project
from models.db import PROJECT_SUFFIX, create_project_file
from models.messages import Message
from models.migrations import project_tables
from models.server.setup import TEAM_ROLE_KEY
from models.tables import Meta, table_of

_PULL_BATCH = 2000  # rows per insert statement


def push_project(
    project: Project, path: str | Path, *, progress: Progress | None = None
) -> MergeReport:
    """Bring the desktop project at `path` into the team project (see the module)."""
    return merge_annotations(
        project,
        [path],
        add_labels=True,
        add_documents=True,
        include_gold=True,
        progress=progress,
    )


@dataclass
class PullReport:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied

    def summary(self) -> str:
        shown = ("document", "annotation_set", "entity_span", "event_mention", "stance")
        counts = ", ".join(f"{self.rows.get(t, 0)} {t}" for t in shown)
        return f"wrote {self.path}: {counts}"


def pull_project(
    project: Project, out: str | Path, *, progress: Progress | None = None
) -> PullReport:
    """Write a new desktop file `out` with what this connection may read of the team
    project, in one snapshot. Refuses an existing file."""
    out = Path(out)
    if out.suffix != PROJECT_SUFFIX:
        out = out.with_name(out.name + PROJECT_SUFFIX)
    if out.exists():
        raise OperationError(Message("{path} already exists; choose another name", path=str(out)))
    report = PullReport(out)
    tables = project_tables()

    def populate(target: Connection) -> None:
        with project.read() as source:
            for number, model in enumerate(tables):
                report_progress(
                    progress,
                    number,
                    len(tables),
                    Message("Copying {table}", table=table_of(model).name),
                )
                report.rows[table_of(model).name] = _copy_table(source, target, model)

    create_project_file(out, populate)
    report_progress(progress, len(tables), len(tables), Message("Done"))
    return report


def _copy_table(source: Connection, target: Connection, model: type[SQLModel]) -> int:
    table = table_of(model)
    query = select(table).order_by(*table.primary_key.columns)
    if model is Meta:  # the server's own bookkeeping stays there
        query = query.where(table.c.key != TEAM_ROLE_KEY)
    copied = 0
    result = source.execute(query.execution_options(yield_per=_PULL_BATCH)).mappings()
    for batch in result.partitions():
        target.execute(insert(table), [dict(row) for row in batch])
        copied += len(batch)
    return copied


__all__ = ["PullReport", "pull_project", "push_project"]
