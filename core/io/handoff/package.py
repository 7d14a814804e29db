"""Annotator packages: a copy of the project for one annotator (see the package's
docstring), built in a temporary file next to the target and moved into place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from core.io.handoff.sets import SetContent, SetWriter, read_sets
from core.project.atomic import write_atomically
from core.project.errors import OperationError
from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.schema.model import schema_document
from core.team.assignment import assigned_documents
from models.db import PROJECT_SUFFIX
from models.messages import Message
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    ExcludedRegion,
    Setting,
    table_of,
    utc_now,
)

PACKAGE_SETTING = "package"  # JSON {source_project_id, source_name, annotator, created_at}


@dataclass
class PackageReport:
    path: Path
    annotator: str
    documents: int
    own_sets: int
    excluded_regions: int

    def summary(self) -> str:
        own = f", {self.own_sets} of {self.annotator}'s own set(s)" if self.own_sets else ""
        return (
            f"wrote {self.path}: {self.documents} document(s) for {self.annotator}{own}, "
            f"{self.excluded_regions} region(s) excluded for everyone"
        )


def export_package(
    project: Project,
    out: str | Path,
    annotator: str,
    *,
    include_own: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> PackageReport:
    """Write a package of `project` for `annotator` to `out` (see the package's docstring)."""
    out, name = _package_target(project, out, annotator, overwrite)

    def step(done: int, label: str) -> None:
        report_progress(progress, done, 3, label)

    step(0, Message("Reading the project"))
    content = _read_package_content(project, name, include_own)
    step(1, Message("Writing the package"))

    def build(tmp: Path) -> None:
        tmp.unlink()  # Project.create makes the file itself
        try:
            package = Project.create(tmp, schema=schema_document(project.schema))
            try:
                _fill_package(package, content, name)
            finally:
                package.close()
        finally:
            for leftover in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)
        step(2, Message("Moving the package into place"))

    write_atomically(out, build, suffix=PROJECT_SUFFIX)
    step(3, Message("Done"))
    return PackageReport(
        out, name, len(content.documents), len(content.own_sets), len(content.regions)
    )


def _package_target(
    project: Project, out: str | Path, annotator: str, overwrite: bool
) -> tuple[Path, str]:
    """The package's file (with the project suffix) and the annotator's name, once both
    are known to be usable."""
    out = Path(out)
    if out.suffix != PROJECT_SUFFIX:
        out = out.with_name(out.name + PROJECT_SUFFIX)
    name = " ".join(annotator.split())
    if not name:
        raise OperationError("a package needs the annotator's name")
    if out.resolve() == project.path.resolve():
        raise OperationError(
            Message(
                "{path} is this project itself; choose another file for the package",
                path=str(out),
            )
        )
    if out.exists() and not overwrite:
        raise OperationError(
            Message("{path} already exists; choose another name (or overwrite it)", path=str(out))
        )
    if not out.parent.is_dir():
        raise OperationError(Message("{path}: no such folder", path=str(out.parent)))
    return out, name


@dataclass
class _PackageContent:
    """What goes into a package, read from the project before the package is written."""

    documents: list[dict[str, Any]]  # document rows
    regions: list[dict[str, Any]]  # excluded for everyone
    settings: dict[str, str]  # key -> JSON value, the package's own settings included
    role: str  # the annotator's role
    own_sets: list[tuple[int, int]] = field(default_factory=list)  # (set id, document id)
    contents: dict[int, SetContent] = field(default_factory=dict)


def _read_package_content(project: Project, name: str, include_own: bool) -> _PackageContent:
    with project.read() as conn:
        person = conn.execute(select(Annotator).where(Annotator.name == name)).mappings().first()
        assigned = set(assigned_documents(conn, person["id"])) if person is not None else set()
        documents = [
            dict(r)
            for r in conn.execute(select(Document)).mappings()
            # the curator planned this annotator's work: those documents only
            if not assigned or r["id"] in assigned
        ]
        kept = {d["id"] for d in documents}
        regions = [
            dict(r)
            for r in conn.execute(
                select(ExcludedRegion).where(ExcludedRegion.set_id.is_(None))
            ).mappings()
            if r["document_id"] in kept
        ]
        own: list[tuple[int, int]] = []
        contents: dict[int, SetContent] = {}
        if include_own and person is not None:
            own = [
                (r.id, r.document_id)
                for r in conn.execute(
                    select(AnnotationSet.id, AnnotationSet.document_id).where(
                        AnnotationSet.annotator_id == person["id"]
                    )
                )
                if r.document_id in kept
            ]
            contents = read_sets(conn, [set_id for set_id, _ in own])
        settings = dict(conn.execute(select(Setting.key, Setting.value)).all())
        source_id = project.meta().get("project_id", "")
    settings[PACKAGE_SETTING] = json.dumps(
        {
            "source_project_id": source_id,
            "source_name": project.name,
            "annotator": name,
            "created_at": utc_now(),
        },
        ensure_ascii=False,
    )
    settings["name"] = json.dumps(f"{project.name} — {name}", ensure_ascii=False)
    role = person["role"] if person is not None else "annotator"
    return _PackageContent(documents, regions, settings, role, own, contents)


def _fill_package(package: Project, content: _PackageContent, name: str) -> None:
    """Write the content into the new package (no undo step: the file is new)."""
    with package.write() as tx:
        conn = tx.conn
        for key, value in content.settings.items():
            exists = conn.execute(select(Setting.key).where(Setting.key == key)).first()
            if exists:
                conn.execute(
                    table_of(Setting).update().where(Setting.key == key).values(value=value)
                )
            else:
                conn.execute(insert(table_of(Setting)).values(key=key, value=value))
        if content.documents:
            conn.execute(insert(table_of(Document)), content.documents)
        if content.regions:
            conn.execute(
                insert(table_of(ExcludedRegion)),
                [{**r, "created_by": None} for r in content.regions],
            )
        annotator_id = tx.insert(Annotator, name=name, role=content.role)
        writer = SetWriter(tx, package.schema)
        for set_id, document_id in content.own_sets:
            writer.new_set(document_id, annotator_id, content.contents[set_id])
