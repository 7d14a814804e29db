"""Annotator packages and merging annotators' work back into a project.

A package is a copy of the project for one annotator: the documents, the
schema, the settings and the regions excluded for everyone, and no one else's
annotations (optionally the annotator's own sets; never the gold sets). It is
built in a temporary file next to the target and moved into place, so a
half-written package never exists under its name.

Merging reads other project files (packages or any Tawsim project) and brings
each annotator's sets into this project:

* Documents are matched by the SHA-256 of their canonical text, never by row
  id. A document of the other file that is not here is reported (and added with
  ``add_documents``); one whose title or source matches a document here but
  whose text differs is reported and never merged.
* Sets are matched by (document, annotator name). An incoming set replaces this
  project's set of the same annotator and document when their content differs
  (spans, events with arguments, stances with evidence, the set's excluded
  regions and its state); identical content is left alone, so merging the same
  file twice changes nothing the second time. A set still "new" in the other
  file (never worked on) never replaces anything. Two annotators' work is never
  put into one set. Every replacement is reported, flagged when this project's
  set was changed after the incoming one.
* Labels are matched by key (per layer; roles by event type and role key). Keys
  this schema lacks are refused with the list, or added with ``add_labels``.
* Regions excluded for everyone are added when this project lacks them; gold
  sets are not merged (they are reported).
* Everything happens in one transaction and one undo step: a failed merge
  changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select

from core.project.atomic import write_atomically
from core.project.changes import Changes
from core.project.errors import OperationError, ProjectError
from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.schema.model import (
    ENTITY,
    EVENT,
    POLARITY,
    STANCE_TARGET,
    ProjectSchema,
    load_schema,
    schema_document,
)
from models.db import PROJECT_SUFFIX
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    EventRole,
    ExcludedRegion,
    Label,
    Layer,
    RoleAllowedLabel,
    Setting,
    Stance,
    StanceEvidence,
    utc_now,
)

PACKAGE_SETTING = "package"  # JSON {source_project_id, source_name, annotator, created_at}
LAYER_NAMES = {ENTITY: "entity label", EVENT: "event type", STANCE_TARGET: "stance target"}
LAYER_NAMES[POLARITY] = "polarity"


# --- reading a whole set ---------------------------------------------------------------


@dataclass
class SetContent:
    """One annotation set, with labels as keys and spans as offsets (ids only to link)."""

    state: str
    updated_at: str
    spans: list[dict[str, Any]] = field(default_factory=list)  # id, start, end, label, note
    events: list[dict[str, Any]] = field(default_factory=list)  # id, start, end, type, note
    arguments: list[dict[str, Any]] = field(default_factory=list)  # event_id, role, span_id...
    stances: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # stance_id, start, end
    excluded: list[dict[str, Any]] = field(default_factory=list)  # start, end, reason

    def counts(self) -> dict[str, int]:
        return {
            "spans": len(self.spans),
            "events": len(self.events),
            "arguments": len(self.arguments),
            "stances": len(self.stances),
            "excluded": len(self.excluded),
        }

    @property
    def empty(self) -> bool:
        return not any(self.counts().values())

    def signature(self) -> tuple[Any, ...]:
        """The content without row ids, comparable between projects."""
        spans = {s["id"]: (s["start"], s["end"], s["label"]) for s in self.spans}

        def span_ref(span_id: int | None, detached: tuple[Any, ...] = ()) -> Any:
            return spans.get(span_id) if span_id is not None else ("detached", *detached)

        arguments: defaultdict[int, list[Any]] = defaultdict(list)
        for a in self.arguments:
            where = (a["detached_start"], a["detached_end"], a["detached_label"])
            arguments[a["event_id"]].append((a["role"], span_ref(a["span_id"], where)))
        evidence: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
        for e in self.evidence:
            evidence[e["stance_id"]].append((e["start"], e["end"]))
        return (
            self.state,
            sorted((s["start"], s["end"], s["label"], s["note"]) for s in self.spans),
            sorted(
                (
                    e["start"],
                    e["end"],
                    e["type"],
                    e["note"],
                    tuple(sorted(arguments[e["id"]], key=repr)),
                )
                for e in self.events
            ),
            sorted(
                (
                    (
                        s["scope"],
                        repr(span_ref(s["holder_span_id"])),
                        s["target_label"],
                        repr(span_ref(s["target_span_id"])),
                        s["polarity"],
                        s["note"],
                        tuple(sorted(evidence[s["id"]])),
                    )
                    for s in self.stances
                ),
            ),
            sorted((r["start"], r["end"], r["reason"]) for r in self.excluded),
        )


def _label_keys(conn: Connection) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[str, str]]]:
    """label id -> (layer key, label key); role id -> (event type key, role key)."""
    layers = dict(conn.execute(select(Layer.id, Layer.key)).all())
    labels = {
        row.id: (layers[row.layer_id], row.key)
        for row in conn.execute(select(Label.id, Label.layer_id, Label.key))
    }
    roles = {
        row.id: (labels[row.event_type_id][1], row.key)
        for row in conn.execute(select(EventRole.id, EventRole.event_type_id, EventRole.key))
    }
    return labels, roles


def _read_sets(conn: Connection, set_ids: list[int]) -> dict[int, SetContent]:
    """Every listed set's content, read in a few queries."""
    labels, roles = _label_keys(conn)
    contents: dict[int, SetContent] = {}
    for i in range(0, len(set_ids), 500):
        chunk = set_ids[i : i + 500]
        for row in conn.execute(
            select(AnnotationSet.id, AnnotationSet.state, AnnotationSet.updated_at).where(
                AnnotationSet.id.in_(chunk)
            )
        ):
            contents[row.id] = SetContent(row.state, row.updated_at)
        for row in conn.execute(select(EntitySpan).where(EntitySpan.set_id.in_(chunk))).mappings():
            contents[row["set_id"]].spans.append(
                {
                    "id": row["id"],
                    "start": row["start"],
                    "end": row["end"],
                    "label": labels[row["label_id"]][1],
                    "note": row["note"],
                    "created_at": row["created_at"],
                }
            )
        events = {}
        for row in conn.execute(
            select(EventMention).where(EventMention.set_id.in_(chunk))
        ).mappings():
            events[row["id"]] = row["set_id"]
            contents[row["set_id"]].events.append(
                {
                    "id": row["id"],
                    "start": row["start"],
                    "end": row["end"],
                    "type": labels[row["type_id"]][1],
                    "note": row["note"],
                    "created_at": row["created_at"],
                }
            )
        if events:
            for row in conn.execute(
                select(EventArgument).where(EventArgument.event_id.in_(list(events)))
            ).mappings():
                contents[events[row["event_id"]]].arguments.append(
                    {
                        "event_id": row["event_id"],
                        "role": roles[row["role_id"]],  # (event type, role)
                        "span_id": row["span_id"],
                        "detached_start": row["detached_start"],
                        "detached_end": row["detached_end"],
                        "detached_label": row["detached_label"],
                    }
                )
        stances = {}
        for row in conn.execute(select(Stance).where(Stance.set_id.in_(chunk))).mappings():
            stances[row["id"]] = row["set_id"]
            target = row["target_label_id"]
            contents[row["set_id"]].stances.append(
                {
                    "id": row["id"],
                    "scope": row["scope"],
                    "holder_span_id": row["holder_span_id"],
                    "target_label": labels[target][1] if target is not None else None,
                    "target_span_id": row["target_span_id"],
                    "polarity": labels[row["polarity_id"]][1],
                    "note": row["note"],
                    "created_at": row["created_at"],
                }
            )
        if stances:
            for row in conn.execute(
                select(StanceEvidence).where(StanceEvidence.stance_id.in_(list(stances)))
            ).mappings():
                contents[stances[row["stance_id"]]].evidence.append(
                    {"stance_id": row["stance_id"], "start": row["start"], "end": row["end"]}
                )
        for row in conn.execute(
            select(ExcludedRegion).where(ExcludedRegion.set_id.in_(chunk))
        ).mappings():
            contents[row["set_id"]].excluded.append(
                {
                    "start": row["start"],
                    "end": row["end"],
                    "reason": row["reason"],
                    "created_at": row["created_at"],
                }
            )
    return contents


def _used_keys(content: SetContent) -> set[tuple[str, str]]:
    """(layer, key) of every label a set uses; roles as ("role", "Type/Role")."""
    used = {(ENTITY, s["label"]) for s in content.spans}
    used |= {(EVENT, e["type"]) for e in content.events}
    used |= {("role", "/".join(a["role"])) for a in content.arguments}
    used |= {(STANCE_TARGET, s["target_label"]) for s in content.stances if s["target_label"]}
    used |= {(POLARITY, s["polarity"]) for s in content.stances}
    return used


# --- writing a whole set ----------------------------------------------------------------


class _Writer:
    """Inserts SetContent into a project through a Txn, resolving keys to this
    project's label and role ids and giving every row a fresh id."""

    def __init__(self, tx, schema: ProjectSchema):
        self.tx = tx
        self.labels = {(label.layer, label.key): label.id for label in schema.labels}
        self.roles = {
            (schema.label(role.event_type_id).key, role.key): role.id for role in schema.roles
        }

    def write(self, set_id: int, document_id: int, content: SetContent, created_by: int | None):
        tx = self.tx
        span_ids = _insert_renumbered(
            tx,
            EntitySpan,
            content.spans,
            lambda s: {
                "set_id": set_id,
                "label_id": self.labels[(ENTITY, s["label"])],
                "start": s["start"],
                "end": s["end"],
                "note": s["note"],
                "created_at": s["created_at"],
            },
        )
        event_ids = _insert_renumbered(
            tx,
            EventMention,
            content.events,
            lambda e: {
                "set_id": set_id,
                "type_id": self.labels[(EVENT, e["type"])],
                "start": e["start"],
                "end": e["end"],
                "note": e["note"],
                "created_at": e["created_at"],
            },
        )
        tx.insert_many(
            EventArgument,
            [
                {
                    "event_id": event_ids[a["event_id"]],
                    "role_id": self.roles[tuple(a["role"])],
                    "span_id": span_ids.get(a["span_id"]) if a["span_id"] is not None else None,
                    "detached_start": a["detached_start"],
                    "detached_end": a["detached_end"],
                    "detached_label": a["detached_label"],
                }
                for a in content.arguments
            ],
        )
        stance_ids = _insert_renumbered(
            tx,
            Stance,
            content.stances,
            lambda s: {
                "set_id": set_id,
                "scope": s["scope"],
                "holder_span_id": span_ids.get(s["holder_span_id"]),
                "target_label_id": self.labels[(STANCE_TARGET, s["target_label"])]
                if s["target_label"] is not None
                else None,
                "target_span_id": span_ids.get(s["target_span_id"]),
                "polarity_id": self.labels[(POLARITY, s["polarity"])],
                "note": s["note"],
                "created_at": s["created_at"],
            },
        )
        tx.insert_many(
            StanceEvidence,
            [
                {"stance_id": stance_ids[e["stance_id"]], "start": e["start"], "end": e["end"]}
                for e in content.evidence
            ],
        )
        tx.insert_many(
            ExcludedRegion,
            [
                {
                    "document_id": document_id,
                    "set_id": set_id,
                    "start": r["start"],
                    "end": r["end"],
                    "reason": r["reason"],
                    "created_by": created_by,
                    "created_at": r["created_at"],
                }
                for r in content.excluded
            ],
        )

    def clear(self, set_id: int) -> None:
        """Delete a set's content, dependents first (cascades are not journaled)."""
        tx, conn = self.tx, self.tx.conn
        event_ids = [
            r[0] for r in conn.execute(select(EventMention.id).where(EventMention.set_id == set_id))
        ]
        stance_ids = [r[0] for r in conn.execute(select(Stance.id).where(Stance.set_id == set_id))]
        for model, column, owners in (
            (EventArgument, EventArgument.event_id, event_ids),
            (StanceEvidence, StanceEvidence.stance_id, stance_ids),
        ):
            for i in range(0, len(owners), 500):
                chunk = owners[i : i + 500]
                for (row_id,) in conn.execute(select(model.id).where(column.in_(chunk))).all():
                    tx.delete(model, row_id)
        for stance_id in stance_ids:
            tx.delete(Stance, stance_id)
        for event_id in event_ids:
            tx.delete(EventMention, event_id)
        for model in (EntitySpan, ExcludedRegion):
            for (row_id,) in conn.execute(select(model.id).where(model.set_id == set_id)).all():
                tx.delete(model, row_id)


def _insert_renumbered(
    tx, model, items: list[dict[str, Any]], row: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[int, int]:
    """Insert `row(item)` for every item; returns each item's old id -> its new row's id."""
    new_ids = tx.insert_many(model, [row(item) for item in items])
    return dict(zip([item["id"] for item in items], new_ids, strict=True))


# --- packages -------------------------------------------------------------------------


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
    """Write a package of `project` for `annotator` to `out` (see the module doc)."""
    out = Path(out)
    if out.suffix != PROJECT_SUFFIX:
        out = out.with_name(out.name + PROJECT_SUFFIX)
    name = " ".join(annotator.split())
    if not name:
        raise OperationError("a package needs the annotator's name")
    if out.resolve() == project.path.resolve():
        raise OperationError(f"{out} is this project itself; choose another file for the package")
    if out.exists() and not overwrite:
        raise OperationError(f"{out} already exists; choose another name (or overwrite it)")
    if not out.parent.is_dir():
        raise OperationError(f"{out.parent}: no such folder")

    def step(done: int, label: str) -> None:
        report_progress(progress, done, 3, label)

    step(0, "Reading the project")
    with project.read() as conn:
        documents = [dict(r) for r in conn.execute(select(Document)).mappings()]
        regions = [
            dict(r)
            for r in conn.execute(
                select(ExcludedRegion).where(ExcludedRegion.set_id.is_(None))
            ).mappings()
        ]
        person = conn.execute(select(Annotator).where(Annotator.name == name)).mappings().first()
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
            ]
            contents = _read_sets(conn, [set_id for set_id, _ in own])
        settings = dict(conn.execute(select(Setting.key, Setting.value)).all())
        source_id = project.meta().get("project_id", "")
    role = person["role"] if person is not None else "annotator"
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

    step(1, "Writing the package")

    def build(tmp: Path) -> None:
        tmp.unlink()  # Project.create makes the file itself
        try:
            package = Project.create(tmp, schema=schema_document(project.schema))
            try:
                with package.write() as tx:
                    conn = tx.conn
                    for key, value in settings.items():
                        exists = conn.execute(select(Setting.key).where(Setting.key == key)).first()
                        if exists:
                            conn.execute(
                                Setting.__table__.update()
                                .where(Setting.key == key)
                                .values(value=value)
                            )
                        else:
                            conn.execute(insert(Setting.__table__).values(key=key, value=value))
                    if documents:
                        conn.execute(insert(Document.__table__), documents)
                    if regions:
                        conn.execute(
                            insert(ExcludedRegion.__table__),
                            [{**r, "created_by": None} for r in regions],
                        )
                    annotator_id = tx.insert(Annotator, name=name, role=role)
                    writer = _Writer(tx, package.schema)
                    for set_id, document_id in own:
                        content = contents[set_id]
                        new_set = tx.insert(
                            AnnotationSet,
                            document_id=document_id,
                            annotator_id=annotator_id,
                            state=content.state,
                            updated_at=content.updated_at,
                        )
                        writer.write(new_set, document_id, content, annotator_id)
            finally:
                package.close()
        finally:
            for leftover in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)
        step(2, "Moving the package into place")

    write_atomically(out, build, suffix=PROJECT_SUFFIX)
    step(3, "Done")
    return PackageReport(out, name, len(documents), len(own), len(regions))


# --- merging --------------------------------------------------------------------------


@dataclass
class SetMerge:
    document_id: int  # in this project
    title: str
    annotator: str
    action: str  # "added", "replaced", "unchanged", "skipped"
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    note: str = ""

    def describe(self) -> str:
        def counts(c: dict[str, int]) -> str:
            return ", ".join(f"{n} {k}" for k, n in c.items() if n) or "nothing"

        where = f"{self.annotator} on document {self.document_id} «{self.title[:40]}»"
        if self.action == "added":
            text = f"added {where}: {counts(self.after)}"
        elif self.action == "replaced":
            text = f"replaced {where}: {counts(self.before)} -> {counts(self.after)}"
        else:
            text = f"{self.action} {where}"
        return f"{text} ({self.note})" if self.note else text


@dataclass
class FileMerge:
    path: str
    sets: list[SetMerge] = field(default_factory=list)
    unknown_documents: list[tuple[str, str]] = field(default_factory=list)  # (title, source)
    added_documents: list[int] = field(default_factory=list)
    differing_documents: list[tuple[str, str, int]] = field(default_factory=list)  # + here id
    damaged_documents: list[str] = field(default_factory=list)
    gold_sets_skipped: int = 0
    regions_added: int = 0
    notes: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for s in self.sets if s.action == action)


@dataclass
class MergeReport:
    files: list[FileMerge] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(f.count(action) for f in self.files)

    def summary(self) -> str:
        parts = [
            f"{self.count('added')} set(s) added",
            f"{self.count('replaced')} replaced",
            f"{self.count('unchanged')} unchanged",
        ]
        documents = sum(len(f.added_documents) for f in self.files)
        if documents:
            parts.append(f"{documents} document(s) added")
        if self.labels_added:
            parts.append(f"{len(self.labels_added)} label(s) added")
        text = ", ".join(parts)
        return f"dry run, nothing written: {text}" if self.dry_run else text

    def lines(self) -> list[str]:
        out = []
        for f in self.files:
            out.append(f"{f.path}:")
            out.extend(f"  {n}" for n in f.notes)
            out.extend(f"  {s.describe()}" for s in f.sets if s.action != "unchanged")
            unchanged = f.count("unchanged")
            if unchanged:
                out.append(f"  {unchanged} set(s) already up to date")
            for title, source in f.unknown_documents:
                out.append(f"  not in this project (not merged): «{title[:50]}» {source}".rstrip())
            for doc_id in f.added_documents:
                out.append(f"  document added as {doc_id}")
            for title, source, here in f.differing_documents:
                out.append(
                    f"  text differs from document {here} here (not merged): «{title[:50]}» "
                    f"{source}".rstrip()
                )
            out.extend(
                f"  damaged (text does not match its hash): {d}" for d in f.damaged_documents
            )
            if f.gold_sets_skipped:
                out.append(f"  {f.gold_sets_skipped} gold set(s) not merged")
            if f.regions_added:
                out.append(f"  {f.regions_added} region(s) excluded for everyone added")
        if self.labels_added:
            out.append("labels added: " + ", ".join(self.labels_added))
        return out


@dataclass
class _Incoming:
    """One set to bring in."""

    path: str
    document: dict[str, Any]  # the other file's document row
    annotator: str
    role: str
    content: SetContent


@dataclass
class _OtherFile:
    path: str
    project_id: str
    package: dict[str, Any] | None
    schema: ProjectSchema
    documents: dict[int, dict[str, Any]]
    sets: list[_Incoming]
    regions: list[dict[str, Any]]  # excluded for everyone
    gold_sets: int


def _read_other(path: Path) -> _OtherFile:
    try:
        other = Project.open(path)
    except ProjectError as err:
        raise OperationError(f"cannot merge {path}: {err}") from None
    try:
        with other.read() as conn:
            documents = {r["id"]: dict(r) for r in conn.execute(select(Document)).mappings()}
            annotators = {
                r.id: (r.name, r.role)
                for r in conn.execute(select(Annotator.id, Annotator.name, Annotator.role))
            }
            rows = conn.execute(
                select(AnnotationSet.id, AnnotationSet.document_id, AnnotationSet.annotator_id)
            ).all()
            gold = sum(1 for r in rows if r.annotator_id is None)
            own = [r for r in rows if r.annotator_id is not None]
            contents = _read_sets(conn, [r.id for r in own])
            regions = [
                dict(r)
                for r in conn.execute(
                    select(ExcludedRegion).where(ExcludedRegion.set_id.is_(None))
                ).mappings()
            ]
            package = conn.execute(
                select(Setting.value).where(Setting.key == PACKAGE_SETTING)
            ).scalar()
        meta = other.meta()
        schema = other.schema
    finally:
        other.close()
    sets = [
        _Incoming(
            str(path),
            documents[r.document_id],
            annotators[r.annotator_id][0],
            annotators[r.annotator_id][1],
            contents[r.id],
        )
        for r in own
    ]
    return _OtherFile(
        str(path),
        meta.get("project_id", ""),
        json.loads(package) if package else None,
        schema,
        documents,
        sets,
        regions,
        gold,
    )


def merge_annotations(
    project: Project,
    paths: Iterable[str | Path],
    *,
    add_labels: bool = False,
    add_documents: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge annotators' sets from other project files (rules in the module doc).

    One transaction and one undo step. Raises MergeError, with nothing changed,
    for a file that is not a project, this project itself, or labels this schema
    lacks (unless `add_labels`). With `dry_run` the report says what would
    happen and nothing is written.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise OperationError("no project files to merge")
    report = MergeReport(dry_run=dry_run)
    here_id = project.meta().get("project_id", "")
    others = []
    for number, path in enumerate(paths):
        report_progress(progress, number, len(paths) + 1, f"Reading {path.name}")
        if path.resolve() == project.path.resolve():
            raise OperationError(f"{path} is this project itself")
        others.append(_read_other(path))

    with project.read() as conn:
        here_docs = {
            r.text_sha256: (r.id, r.title)
            for r in conn.execute(select(Document.id, Document.text_sha256, Document.title))
        }
        by_source: dict[str, int] = {}
        by_title: dict[str, int] = {}
        for r in conn.execute(select(Document.id, Document.source, Document.title)):
            if r.source:
                by_source.setdefault(r.source, r.id)
            if r.title:
                by_title.setdefault(r.title, r.id)
        here_regions = {
            (r.document_id, r.start, r.end)
            for r in conn.execute(
                select(ExcludedRegion.document_id, ExcludedRegion.start, ExcludedRegion.end).where(
                    ExcludedRegion.set_id.is_(None)
                )
            )
        }
    schema = project.schema
    known = {(label.layer, label.key) for label in schema.labels}
    known |= {("role", f"{schema.label(r.event_type_id).key}/{r.key}") for r in schema.roles}

    new_documents: dict[str, tuple[dict[str, Any], FileMerge]] = {}  # sha -> (row, file)
    chosen: dict[tuple[str, str], tuple[_Incoming, FileMerge]] = {}  # (sha, annotator)
    regions: list[tuple[str, dict[str, Any], FileMerge]] = []  # (sha, region, file)
    for other in others:
        merge = FileMerge(other.path)
        report.files.append(merge)
        merge.gold_sets_skipped = other.gold_sets
        if other.package and other.package.get("source_project_id") not in ("", here_id):
            merge.notes.append(
                f"a package of another project ({other.package.get('source_name', '?')}); "
                "documents matched by their text"
            )
        usable: set[int] = set()
        worked_on = {s.document["id"] for s in other.sets if not s.content.empty}
        for doc_id, doc in other.documents.items():
            digest = doc["text_sha256"]
            if hashlib.sha256(doc["text"].encode("utf-8")).hexdigest() != digest:
                merge.damaged_documents.append(f"«{doc['title'][:50]}» (id {doc_id})")
                continue
            if digest in here_docs or digest in new_documents:
                usable.add(doc_id)
                continue
            similar = by_source.get(doc["source"]) if doc["source"] else None
            if similar is None and doc["title"]:
                similar = by_title.get(doc["title"])
            if similar is not None:
                merge.differing_documents.append((doc["title"], doc["source"], similar))
            elif add_documents:
                new_documents[digest] = (doc, merge)
                usable.add(doc_id)
            elif doc_id in worked_on:
                merge.unknown_documents.append((doc["title"], doc["source"]))
        for incoming in other.sets:
            if incoming.document["id"] not in usable:
                continue
            if incoming.content.state == "new" and incoming.content.empty:
                continue  # never worked on: brings nothing
            key = (incoming.document["text_sha256"], incoming.annotator)
            if key in chosen:
                earlier = chosen[key][0]
                later = max(earlier, incoming, key=lambda s: s.content.updated_at)
                merge.notes.append(
                    f"{incoming.annotator}'s set for «{incoming.document['title'][:40]}» is in "
                    f"{earlier.path} and {incoming.path}; the later one ({later.path}) is used"
                )
                if later is earlier:
                    continue
            chosen[key] = (incoming, merge)
        for region in other.regions:
            doc = other.documents.get(region["document_id"])
            if doc is not None and doc["id"] in usable:
                regions.append((doc["text_sha256"], region, merge))

    needed = set()
    for incoming, _merge in chosen.values():
        needed |= _used_keys(incoming.content)
    missing = sorted(k for k in needed if k not in known)
    if missing and not add_labels:
        names = ", ".join(f"{LAYER_NAMES.get(layer, 'role')} {key}" for layer, key in missing)
        raise OperationError(
            f"the other file(s) use labels this project's schema lacks: {names}; nothing was "
            "merged (add them to the schema, or merge with the option to add labels)"
        )

    report_progress(progress, len(paths), len(paths) + 1, "Merging")
    try:
        with project.write(f"Merge annotations ({len(chosen)} set(s))") as tx:
            if missing:
                report.labels_added = _add_labels(tx, schema, missing, others)
                tx.changes.schema = True
                schema = load_schema(tx.conn)
            for digest, (doc, merge) in new_documents.items():
                new_id = tx.insert(Document, **{k: v for k, v in doc.items() if k != "id"})
                here_docs[digest] = (new_id, doc["title"])
                merge.added_documents.append(new_id)
                tx.changes.documents_added.add(new_id)
            _bring_sets(tx, schema, chosen, here_docs)
            for digest, region, merge in regions:
                document_id = here_docs[digest][0]
                where = (document_id, region["start"], region["end"])
                if where in here_regions:
                    continue
                here_regions.add(where)
                tx.insert(
                    ExcludedRegion,
                    document_id=document_id,
                    set_id=None,
                    start=region["start"],
                    end=region["end"],
                    reason=region["reason"],
                    created_at=region["created_at"],
                )
                merge.regions_added += 1
                tx.changes.documents.add(document_id)
            if dry_run:
                raise _DryRun()  # rolls the transaction back; no undo step
    except _DryRun:
        return report
    report.changes = tx.changes
    return report


class _DryRun(Exception):
    """Leaves a merge's transaction without writing anything."""


def _bring_sets(
    tx,
    schema: ProjectSchema,
    chosen: dict[tuple[str, str], tuple[_Incoming, FileMerge]],
    here_docs: dict[str, tuple[int, str]],
) -> None:
    writer = _Writer(tx, schema)
    annotator_ids: dict[str, int] = dict(
        tx.conn.execute(select(Annotator.name, Annotator.id)).all()
    )
    for (digest, annotator), (incoming, merge) in sorted(
        chosen.items(), key=lambda item: (here_docs[item[0][0]][0], item[0][1])
    ):
        document_id, title = here_docs[digest]
        if annotator not in annotator_ids:
            annotator_ids[annotator] = tx.insert(Annotator, name=annotator, role=incoming.role)
            tx.changes.annotators = True
        annotator_id = annotator_ids[annotator]
        existing = tx.conn.execute(
            select(AnnotationSet.id).where(
                AnnotationSet.document_id == document_id,
                AnnotationSet.annotator_id == annotator_id,
            )
        ).scalar()
        content = incoming.content
        entry = SetMerge(document_id, title, annotator, "added", after=content.counts())
        merge.sets.append(entry)
        if existing is None:
            set_id = tx.insert(
                AnnotationSet,
                document_id=document_id,
                annotator_id=annotator_id,
                state=content.state,
                updated_at=content.updated_at,
            )
        else:
            set_id = existing
            current = _read_sets(tx.conn, [existing])[existing]
            if current.signature() == content.signature():
                entry.action = "unchanged"
                continue
            entry.action = "replaced"
            entry.before = current.counts()
            if current.updated_at > content.updated_at:
                entry.note = (
                    f"this project's copy was changed later ({current.updated_at}) than the "
                    f"merged one ({content.updated_at})"
                )
            writer.clear(existing)
            tx.update(AnnotationSet, existing, state=content.state, updated_at=content.updated_at)
        writer.write(set_id, document_id, content, annotator_id)
        tx.changes.sets.add(set_id)
        tx.changes.documents.add(document_id)


def _add_labels(
    tx, schema: ProjectSchema, missing: list[tuple[str, str]], others: list[_OtherFile]
) -> list[str]:
    """Add the missing labels and roles, copied from the first file that has them."""
    conn = tx.conn
    layer_ids = dict(conn.execute(select(Layer.key, Layer.id)).all())
    shortcuts = {label.shortcut.lower() for label in schema.labels if label.shortcut}
    added = []
    label_ids = {(label.layer, label.key): label.id for label in schema.labels}

    def source_label(layer: str, key: str):
        for other in others:
            found = other.schema.by_key(layer, key)
            if found is not None:
                return other, found
        return None, None

    for layer, key in missing:
        if layer == "role":
            continue
        _other, info = source_label(layer, key)
        position = conn.execute(
            select(func.coalesce(func.max(Label.position), -1)).where(
                Label.layer_id == layer_ids[layer]
            )
        ).scalar_one()
        shortcut = info.shortcut if info is not None else None
        if shortcut and shortcut.lower() in shortcuts:
            shortcut = None  # taken here already
        if shortcut:
            shortcuts.add(shortcut.lower())
        label_ids[(layer, key)] = tx.insert(
            Label,
            layer_id=layer_ids[layer],
            key=key,
            name_ar=info.name_ar if info else "",
            name_en=info.name_en if info else "",
            color=info.color if info else "#888888",
            shortcut=shortcut,
            guideline=info.guideline if info else "",
            position=position + 1,
        )
        added.append(f"{LAYER_NAMES[layer]} {key}")
    for layer, key in missing:
        if layer != "role":
            continue
        type_key, role_key = key.split("/", 1)
        other, event_type = source_label(EVENT, type_key)
        role_info = None
        if other is not None and event_type is not None:
            role_info = next(
                (r for r in other.schema.roles_of(event_type.id) if r.key == role_key), None
            )
        type_id = label_ids[(EVENT, type_key)]
        position = conn.execute(
            select(func.coalesce(func.max(EventRole.position), -1)).where(
                EventRole.event_type_id == type_id
            )
        ).scalar_one()
        role_id = tx.insert(
            EventRole,
            event_type_id=type_id,
            key=role_key,
            name_ar=role_info.name_ar if role_info else "",
            name_en=role_info.name_en if role_info else "",
            required=role_info.required if role_info else False,
            multiple=role_info.multiple if role_info else False,
            guideline=role_info.guideline if role_info else "",
            position=position + 1,
        )
        if role_info is not None and other is not None:
            for allowed in sorted(role_info.allowed_label_ids):
                allowed_key = other.schema.label(allowed).key
                if (ENTITY, allowed_key) in label_ids:
                    tx.insert(
                        RoleAllowedLabel, role_id=role_id, label_id=label_ids[(ENTITY, allowed_key)]
                    )
        added.append(f"role {type_key}/{role_key}")
    return added


__all__ = [
    "PACKAGE_SETTING",
    "FileMerge",
    "MergeReport",
    "PackageReport",
    "SetContent",
    "SetMerge",
    "export_package",
    "merge_annotations",
]
