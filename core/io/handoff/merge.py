"""Merging annotators' sets from other project files into this one (the rules are
in the package's docstring), and the report of what it did.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.annotation.sets import find_set
from core.io.handoff.package import PACKAGE_SETTING
from core.io.handoff.received import readable_copy
from core.io.handoff.sets import SetContent, SetWriter, read_sets, used_keys
from core.project.changes import Changes
from core.project.errors import OperationError, ProjectError
from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.schema.labels import insert_label
from core.schema.model import (
    ENTITY,
    EVENT,
    LAYER_ITEM_NAMES,
    ProjectSchema,
    load_schema,
)
from core.schema.roles import insert_role
from models.messages import Message
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
    ExcludedRegion,
    Setting,
)


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
    spans_trimmed: int = 0  # of edge whitespace (files older than the rule)

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
            if f.spans_trimmed:
                out.append(f"  {f.spans_trimmed:,} span(s) trimmed of edge whitespace")
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


GOLD = ""  # the annotator name of a gold set brought in (merge with include_gold)


@dataclass
class _Incoming:
    """One set to bring in."""

    path: str
    document: dict[str, Any]  # the other file's document row
    annotator: str  # GOLD for the gold set
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


def _read_other(path: Path, include_gold: bool) -> _OtherFile:
    """What a merge takes from another file, read from a checked private copy of it (see
    core.io.handoff.received): the file itself is only read."""
    with tempfile.TemporaryDirectory(prefix="tawsim-merge-") as folder:
        copy = readable_copy(path, Path(folder))
        try:
            other = Project.open(copy, read_only=True)
        except ProjectError as err:
            raise OperationError(
                Message("cannot merge {path}: {reason}", path=str(path), reason=str(err))
            ) from None
        try:
            with other.read() as conn:
                documents = {r["id"]: dict(r) for r in conn.execute(select(Document)).mappings()}
                annotators: dict[int | None, str] = dict(
                    conn.execute(select(Annotator.id, Annotator.name)).all()
                )
                rows = conn.execute(
                    select(AnnotationSet.id, AnnotationSet.document_id, AnnotationSet.annotator_id)
                ).all()
                gold = 0 if include_gold else sum(1 for r in rows if r.annotator_id is None)
                own = [r for r in rows if include_gold or r.annotator_id is not None]
                contents = read_sets(conn, [r.id for r in own])
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
    annotators[None] = GOLD
    for r in own:
        _check_offsets(path, annotators[r.annotator_id], documents[r.document_id], contents[r.id])
    sets = [
        _Incoming(
            str(path),
            documents[r.document_id],
            annotators[r.annotator_id],
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


def _check_offsets(
    path: Path, annotator: str, document: dict[str, Any], content: SetContent
) -> None:
    """Every span of a set inside its document, start before end (a file written by
    Tawsim always is; another may not be)."""
    length = len(document["text"])
    for what, rows in (
        ("span", content.spans),
        ("trigger", content.events),
        ("evidence", content.evidence),
        ("excluded range", content.excluded),
    ):
        for row in rows:
            if not 0 <= row["start"] < row["end"] <= length:
                raise OperationError(
                    f"cannot merge {path}: {annotator}'s set of document {document['id']} "
                    f"«{document['title'][:40]}» has a {what} at {row['start']}-{row['end']}, "
                    f"outside the document ({length:,} characters) or empty"
                )


def merge_annotations(
    project: Project,
    paths: Iterable[str | Path],
    *,
    add_labels: bool = False,
    add_documents: bool = False,
    include_gold: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge annotators' sets from other project files (rules in the package's docstring).

    One transaction and one undo step. Raises OperationError, with nothing changed,
    for a file that is not a project, this project itself, or labels this schema
    lacks (unless `add_labels`). `include_gold`: gold sets come in too, by the same
    rules as annotators' sets (a project moving to a team server keeps its curated
    work). With `dry_run` the report says what would happen and nothing is written.
    """
    files = [Path(p) for p in paths]
    if not files:
        raise OperationError("no project files to merge")
    report = MergeReport(dry_run=dry_run)
    here_id = project.meta().get("project_id", "")
    others = []
    for number, path in enumerate(files):
        report_progress(progress, number, len(files) + 1, Message("Reading {file}", file=path.name))
        if path.resolve() == project.path.resolve():
            raise OperationError(Message("{path} is this project itself", path=str(path)))
        others.append(_read_other(path, include_gold))
    here = _read_here(project)
    plan = _MergePlan(here, add_documents)
    for other in others:
        merge = FileMerge(other.path)
        report.files.append(merge)
        plan.take(other, merge, here_id)
    schema = project.schema
    missing = plan.missing_labels(schema)
    if missing and not add_labels:
        names = ", ".join(f"{LAYER_ITEM_NAMES.get(layer, 'role')} {key}" for layer, key in missing)
        raise OperationError(
            f"the other file(s) use labels this project's schema lacks: {names}; nothing was "
            "merged (add them to the schema, or merge with the option to add labels)"
        )

    report_progress(progress, len(files), len(files) + 1, Message("Merging"))
    try:
        undo = Message("Merge annotations ({count} set(s))", count=len(plan.chosen))
        with project.write(undo) as tx:
            if missing:
                report.labels_added = _add_labels(tx, schema, missing, others)
                schema = load_schema(tx.conn)
            _add_documents(tx, plan.new_documents, here)
            _bring_sets(tx, schema, plan.chosen, here.documents)
            _add_regions(tx, plan.regions, here)
            if dry_run:
                raise _DryRun()  # rolls the transaction back; no undo step
    except _DryRun:
        return report
    report.changes = tx.changes
    return report


@dataclass
class _Here:
    """What a merge compares the other files with in this project."""

    documents: dict[str, tuple[int, str]]  # text SHA-256 -> (id, title)
    by_source: dict[str, int]
    by_title: dict[str, int]
    regions: set[tuple[int, int, int]]  # excluded for everyone: (document id, start, end)


def _read_here(project: Project) -> _Here:
    with project.read() as conn:
        documents = {
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
        regions = {
            (r.document_id, r.start, r.end)
            for r in conn.execute(
                select(ExcludedRegion.document_id, ExcludedRegion.start, ExcludedRegion.end).where(
                    ExcludedRegion.set_id.is_(None)
                )
            )
        }
    return _Here(documents, by_source, by_title, regions)


class _MergePlan:
    """What a merge brings in, chosen file by file: documents to add, one set per
    (document, annotator), regions excluded for everyone."""

    def __init__(self, here: _Here, add_documents: bool):
        self.here = here
        self.add_documents = add_documents
        self.new_documents: dict[str, tuple[dict[str, Any], FileMerge]] = {}  # sha -> row
        self.chosen: dict[tuple[str, str], tuple[_Incoming, FileMerge]] = {}  # sha, annotator
        self.regions: list[tuple[str, dict[str, Any], FileMerge]] = []  # (sha, region, file)

    def take(self, other: _OtherFile, merge: FileMerge, here_id: str) -> None:
        merge.gold_sets_skipped = other.gold_sets
        if other.package and other.package.get("source_project_id") not in ("", here_id):
            merge.notes.append(
                Message(
                    "a package of another project ({name}); documents matched by their text",
                    name=other.package.get("source_name", "?"),
                )
            )
        usable = self.usable_documents(other, merge)
        self.choose_sets(other, usable, merge)
        for region in other.regions:
            doc = other.documents.get(region["document_id"])
            if doc is not None and doc["id"] in usable:
                self.regions.append((doc["text_sha256"], region, merge))

    def usable_documents(self, other: _OtherFile, merge: FileMerge) -> set[int]:
        """The other file's documents whose sets can come in (ids in that file); the
        others are reported: damaged, text differing from one here, not in this project."""
        here = self.here
        usable: set[int] = set()
        worked_on = {s.document["id"] for s in other.sets if not s.content.empty}
        for doc_id, doc in other.documents.items():
            digest = doc["text_sha256"]
            if hashlib.sha256(doc["text"].encode("utf-8")).hexdigest() != digest:
                merge.damaged_documents.append(f"«{doc['title'][:50]}» (id {doc_id})")
                continue
            if digest in here.documents or digest in self.new_documents:
                usable.add(doc_id)
                continue
            similar = here.by_source.get(doc["source"]) if doc["source"] else None
            if similar is None and doc["title"]:
                similar = here.by_title.get(doc["title"])
            if similar is not None:
                merge.differing_documents.append((doc["title"], doc["source"], similar))
            elif self.add_documents:
                self.new_documents[digest] = (doc, merge)
                usable.add(doc_id)
            elif doc_id in worked_on:
                merge.unknown_documents.append((doc["title"], doc["source"]))
        return usable

    def choose_sets(self, other: _OtherFile, usable: set[int], merge: FileMerge) -> None:
        """One set per (document, annotator): of two files holding it, the later one."""
        for incoming in other.sets:
            if incoming.document["id"] not in usable:
                continue
            if incoming.content.state == "new" and incoming.content.empty:
                continue  # never worked on: brings nothing
            key = (incoming.document["text_sha256"], incoming.annotator)
            if key in self.chosen:
                earlier = self.chosen[key][0]
                later = max(earlier, incoming, key=lambda s: s.content.updated_at)
                merge.notes.append(
                    Message(
                        "the set of {annotator} for «{title}» is in {first} and {second}; the "
                        "later one ({later}) is used",
                        annotator=incoming.annotator,
                        title=incoming.document["title"][:40],
                        first=earlier.path,
                        second=incoming.path,
                        later=later.path,
                    )
                )
                if later is earlier:
                    continue
            self.chosen[key] = (incoming, merge)
            merge.spans_trimmed += incoming.content.trim_whitespace(incoming.document["text"])

    def missing_labels(self, schema: ProjectSchema) -> list[tuple[str, str]]:
        """(layer, key) of the labels the chosen sets use and the schema lacks; roles as
        ("role", "Type/Role")."""
        known = {(label.layer, label.key) for label in schema.labels}
        known |= {("role", f"{schema.label(r.event_type_id).key}/{r.key}") for r in schema.roles}
        needed = set()
        for incoming, _merge in self.chosen.values():
            needed |= used_keys(incoming.content)
        return sorted(k for k in needed if k not in known)


def _add_documents(
    tx, new_documents: dict[str, tuple[dict[str, Any], FileMerge]], here: _Here
) -> None:
    for digest, (doc, merge) in new_documents.items():
        new_id = tx.insert(Document, **{k: v for k, v in doc.items() if k != "id"})
        here.documents[digest] = (new_id, doc["title"])
        merge.added_documents.append(new_id)
        tx.changes.documents_added.add(new_id)


def _add_regions(tx, regions: list[tuple[str, dict[str, Any], FileMerge]], here: _Here) -> None:
    """Regions excluded for everyone that this project lacks."""
    for digest, region, merge in regions:
        document_id = here.documents[digest][0]
        where = (document_id, region["start"], region["end"])
        if where in here.regions:
            continue
        here.regions.add(where)
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


class _DryRun(Exception):
    """Leaves a merge's transaction without writing anything."""


def _bring_sets(
    tx,
    schema: ProjectSchema,
    chosen: dict[tuple[str, str], tuple[_Incoming, FileMerge]],
    here_docs: dict[str, tuple[int, str]],
) -> None:
    writer = SetWriter(tx, schema)
    annotator_ids: dict[str, int] = dict(
        tx.conn.execute(select(Annotator.name, Annotator.id)).all()
    )
    for (digest, annotator), (incoming, merge) in sorted(
        chosen.items(), key=lambda item: (here_docs[item[0][0]][0], item[0][1])
    ):
        document_id, title = here_docs[digest]
        if annotator not in annotator_ids and annotator != GOLD:
            # the receiving project gives roles: a package never makes its annotator a curator
            annotator_ids[annotator] = tx.insert(Annotator, name=annotator, role="annotator")
            tx.changes.annotators = True
        annotator_id = annotator_ids.get(annotator)  # None: the gold set
        existing = find_set(tx.conn, document_id, annotator_id)
        content = incoming.content
        entry = SetMerge(document_id, title, annotator or "gold", "added", after=content.counts())
        merge.sets.append(entry)
        if existing is None:
            set_id = writer.new_set(document_id, annotator_id, content)
        else:
            set_id = existing
            current = read_sets(tx.conn, [existing])[existing]
            if current.signature() == content.signature():
                entry.action = "unchanged"
                continue
            entry.action = "replaced"
            entry.before = current.counts()
            if current.updated_at > content.updated_at:
                entry.note = Message(
                    "this project's copy was changed later ({here}) than the merged one ({merged})",
                    here=current.updated_at,
                    merged=content.updated_at,
                )
            writer.clear(existing)
            tx.update(AnnotationSet, existing, state=content.state, updated_at=content.updated_at)
            writer.write(set_id, document_id, content, annotator_id)
        tx.changes.sets.add(set_id)
        tx.changes.documents.add(document_id)


def _add_labels(
    tx, schema: ProjectSchema, missing: list[tuple[str, str]], others: list[_OtherFile]
) -> list[str]:
    """Add the missing labels and roles as the schema editor adds them, with the names,
    colour, shortcut, guideline and allowed labels of the first file that has them (a
    shortcut already taken here is left out)."""
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
        copied = {}
        if info is not None:
            copied = {
                "name_ar": info.name_ar,
                "name_en": info.name_en,
                "color": info.color,
                "shortcut": info.shortcut,
                "guideline": info.guideline,
            }
        label_ids[(layer, key)] = insert_label(tx, layer, key, **copied, drop_taken_shortcut=True)
        added.append(f"{LAYER_ITEM_NAMES[layer]} {key}")
    for layer, key in missing:
        if layer != "role":
            continue
        type_key, role_key = key.split("/", 1)
        other, event_type = source_label(EVENT, type_key)
        copied = {}
        if other is not None and event_type is not None:
            role = other.schema.role_by_key(event_type.id, role_key)
            if role is not None:
                allowed_keys = [other.schema.label(i).key for i in sorted(role.allowed_label_ids)]
                copied = {
                    "name_ar": role.name_ar,
                    "name_en": role.name_en,
                    "required": role.required,
                    "multiple": role.multiple,
                    "guideline": role.guideline,
                    "allowed_label_ids": [
                        label_ids[(ENTITY, k)] for k in allowed_keys if (ENTITY, k) in label_ids
                    ],
                }
        insert_role(tx, label_ids[(EVENT, type_key)], role_key, **copied)
        added.append(f"role {type_key}/{role_key}")
    return added
