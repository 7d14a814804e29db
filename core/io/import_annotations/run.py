"""The annotation import, step by step: check the options, then read the files a
document at a time, preparing and checking each and writing them a batch at a time in
one transaction, which any problem rolls back (see the package's docstring).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from functools import reduce
from pathlib import Path
from types import ModuleType

from sqlalchemy import Connection, select

from core.collector import collection_paused
from core.io.formats import format_info, module
from core.io.formats.common import CODEPOINTS, UTF16, FormatError, ImportedDocument
from core.io.formats.offsets import CanonicalText
from core.io.import_annotations.match import (
    LabelUse,
    Matcher,
    SetChecker,
    check_references,
    count_only,
    group_by_document,
    label_places,
    shared_text_note,
)
from core.io.import_annotations.options import (
    AUTO,
    LAYER_WORDS,
    RESERVED_NAMES,
    ImportOptions,
    ImportRefused,
    ImportReport,
)
from core.io.import_annotations.prepare import (
    FilePreparer,
    Prepared,
    events_from_relations,
    strip_clitics,
)
from core.io.import_annotations.suggestions import (
    SuggestionWriter,
    checked_recommender,
    predictions_only,
)
from core.io.import_annotations.write import ImportWriter, add_unknown_labels
from core.project.journal import UndoStep
from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.schema.model import ProjectSchema, valid_key
from core.text.clitics import words_of
from models.messages import Message
from models.tables import Document

# documents (or entity spans) held before they are written
BATCH_DOCUMENTS = 500
BATCH_SPANS = 20_000


def import_annotations(
    project: Project,
    format_key: str,
    paths: Iterable[str | Path],
    options: ImportOptions,
    progress: Progress | None = None,
    *,
    undo: bool = True,
) -> ImportReport:
    """Import annotation files into `options.annotator`'s sets; see the package docstring.
    `undo=False`: no undo step (a one-shot command), and the rows are not journaled."""
    annotator = _checked_annotator(format_key, options)
    files = [Path(p) for p in paths]
    if not files:
        raise ImportRefused([Message("no file to import")])
    suggestions = options.as_suggestions is not None
    report = ImportReport(
        format=format_key, annotator=annotator, dry_run=options.dry_run, suggestions=suggestions
    )
    reader = module(format_key)
    schema = project.schema
    rule = project.setting("clitic_rule") if options.clitics == "strip" else None
    known = _known_words(project, reader, files, options) if rule not in (None, "none") else set()
    if options.dry_run:
        with project.read() as conn, collection_paused():
            run = _Run(conn, reader, schema, options, report, rule, known, None)
            run.read_all(files, progress)
            run.finish()
        report.notes.append(Message("dry run: nothing was written"))
        return report
    # labels the files use and the schema lacks are added first, in the order of their keys
    use = _survey(reader, files, schema, options, progress) if options.add_labels else LabelUse()
    unknown = use.unknown(schema)
    # many small objects, freed a batch at a time and holding no cycles
    with project.write(journal=undo) as tx, collection_paused():
        writer: ImportWriter | None = None
        if not _label_problems(unknown, options, {}):  # else the run only checks, and refuses
            label_ids, role_ids = add_unknown_labels(
                tx, schema, unknown, use.missing_roles(schema), use.several
            )
            if suggestions:
                writer = SuggestionWriter(tx, annotator, report, label_ids)
            else:
                writer = ImportWriter(tx, annotator, report, label_ids, role_ids)
        run = _Run(tx.conn, reader, schema, options, report, rule, known, writer)
        run.read_all(files, progress)
        run.finish()
        if writer is not None:
            writer.finish()
    report.changes = tx.changes
    count = len(run.documents)
    if undo and tx.records:
        name = {  # (suggestions, one document)
            (True, True): Message("Import suggestions ({count} document)", count=count),
            (True, False): Message("Import suggestions ({count} documents)", count=count),
            (False, True): Message("Import annotations ({count} document)", count=count),
            (False, False): Message("Import annotations ({count} documents)", count=count),
        }[(suggestions, count == 1)]
        project.undo_stack.push(UndoStep(name, tx.records, tx.changes))
    if progress is not None:
        progress(len(files) + 1, len(files) + 1, "")
    return report


class _Run:
    """One pass over the files: every document prepared, checked and matched as it is
    read, and written (`writer`) a batch at a time until a problem is found; then only
    checked, so the refusal names every problem."""

    def __init__(
        self,
        conn: Connection,
        reader: ModuleType,
        schema: ProjectSchema,
        options: ImportOptions,
        report: ImportReport,
        clitic_rule: str | None,
        known: Container[str],
        writer: ImportWriter | None,
    ):
        self.conn, self.reader, self.schema = conn, reader, schema
        self.options, self.report = options, report
        self.clitic_rule, self.known = clitic_rule, known
        self.writer = writer
        self.problems: list[str] = []
        self.matcher = Matcher(conn)
        self.sets = SetChecker(options)
        self.labels = LabelUse()
        self.suggestions = options.as_suggestions is not None
        # the keys of the documents seen (see match), each with where its first record is
        self.documents: dict[tuple, str] = {}
        self.shared: dict[tuple, list[str]] = {}  # documents given by several records
        self.places: dict[tuple[str, str], str] = {}  # where each label is first used
        self.batch: list[Prepared] = []
        self.batch_spans = 0
        self.prepared = 0
        self.moved = 0
        self.progress: Progress | None = None
        self.at: tuple[int, int, str] = (0, 1, "")  # the file being read: index, of, name

    def read_all(self, files: list[Path], progress: Progress | None) -> None:
        self.progress = progress
        for index, path in enumerate(files):
            self.at = (index, len(files) + 1, path.name)
            report_progress(
                progress, index, len(files) + 1, Message("reading {file}", file=path.name)
            )
            self.report.files.append(str(path))
            try:
                self._read(path)
            except FormatError as err:
                self.problems.append(err.args[0])
            except OSError as err:
                self.problems.append(
                    Message(
                        "{path}: cannot be read ({reason})",
                        path=str(path),
                        reason=err.strerror or str(err),
                    )
                )
        report_progress(progress, len(files), len(files) + 1, Message("finishing"))

    def _read(self, path: Path) -> None:
        if not path.exists():
            raise FormatError(path, Message("no such file or folder"))
        parsed = self.reader.read(path)
        report = self.report
        report.notes.extend(parsed.warnings)
        warned = len(parsed.warnings)
        preparer: FilePreparer | None = None
        group = None
        for doc in parsed.each():
            try:
                events_from_relations(doc, self.schema, report.left_out)
            except FormatError as err:
                self.problems.append(err.args[0])
                continue
            if self.options.from_set is not None and doc.source_set not in (
                None,
                self.options.from_set,
            ):
                continue
            if preparer is None or (doc.file or str(path)) != group:
                if preparer is not None:
                    self._take(*preparer.finish())
                group = doc.file or str(path)
                preparer = FilePreparer(parsed.default_unit, self.options.offsets, report.notes)
            self._take(*preparer.add(doc))
        if preparer is not None:
            self._take(*preparer.finish())
        report.left_out.update(parsed.left_out)
        report.notes.extend(parsed.warnings[warned:])

    def _take(self, prepared: list[Prepared], problems: list[str]) -> None:
        self.problems.extend(problems)
        for p in prepared:
            self.prepared += 1
            if self.clitic_rule is not None and p.source.rebuilt:
                self.moved += strip_clitics(p, self.clitic_rule, self.known)
            self.problems.extend(check_references([p]))
            if self.suggestions:
                predictions_only([p], self.report)
            self.batch.append(p)
            self.batch_spans += len(p.entities)
            if len(self.batch) >= BATCH_DOCUMENTS or self.batch_spans >= BATCH_SPANS:
                self._flush()

    def _flush(self) -> None:
        batch, self.batch, self.batch_spans = self.batch, [], 0
        self.matcher.match(self.conn, batch)
        for p in batch:
            self.sets.add(p)
            self.labels.add_prepared(p)
        for place, where in label_places(batch).items():
            self.places.setdefault(place, where)
        documents = group_by_document(batch)
        if self.writer is None:
            count_only(documents, self.report)
            report = self.report
            for work in documents:
                if work.key not in self.documents:
                    found = report.documents_matched if work.existing_id else report.documents_added
                    found.append(work.existing_id or 0)
        elif self._writing():
            self.writer.write_batch(documents)
        for work in documents:
            wheres = [p.source.where for p in work.parts]
            if work.key in self.documents:
                self.shared.setdefault(work.key, [self.documents[work.key]]).extend(wheres)
            else:
                self.documents[work.key] = wheres[0]
                if len(wheres) > 1:
                    self.shared[work.key] = wheres
        index, total, name = self.at
        report_progress(
            self.progress,
            index,
            total,
            Message("{file}: {count:,} documents", file=name, count=len(self.documents)),
        )

    def _writing(self) -> bool:
        """Whether the import may still be written: nothing refuses it so far."""
        return (
            not self.problems
            and not self.sets.problems()
            and (self.options.add_labels or not self.labels.unknown(self.schema))
        )

    def finish(self) -> None:
        """The last batch; the problems only the whole import shows; the notes."""
        self._flush()
        report = self.report
        if not self.prepared and not self.problems:
            self.problems.append(
                Message("the file(s) hold no document of set {name!r}", name=self.options.from_set)
                if self.options.from_set
                else Message("the file(s) hold no document")
            )
        self.problems.extend(self.sets.problems())
        unknown = self.labels.unknown(self.schema)
        self.problems.extend(_label_problems(unknown, self.options, self.places))
        if self.problems:
            raise ImportRefused(self.problems, unknown if not self.options.add_labels else None)
        if self.moved:
            report.notes.append(
                Message("entity starts moved past a proclitic: {count:,}", count=self.moved)
            )
        self.matcher.note(report)
        if self.shared:
            order = {key: index for index, key in enumerate(self.documents) if key in self.shared}
            for key in sorted(self.shared, key=order.__getitem__):
                note = shared_text_note(self.shared[key])
                if note is not None:
                    report.notes.append(note)
        report.labels_added = dict(unknown)


def _survey(
    reader: ModuleType,
    files: list[Path],
    schema: ProjectSchema,
    options: ImportOptions,
    progress: Progress | None,
) -> LabelUse:
    """The labels, types and roles the files use, read before anything is written (for
    adding what the schema lacks); unreadable files are left to the import to report."""
    use = LabelUse()
    for index, path in enumerate(files):
        try:
            for count, doc in enumerate(reader.read(path).each()):
                if count % BATCH_DOCUMENTS == 0:
                    report_progress(
                        progress, index, len(files) + 1, Message("labels in {file}", file=path.name)
                    )
                events_from_relations(doc, schema, Counter())
                if options.from_set is None or doc.source_set in (None, options.from_set):
                    _use_of(use, doc, options.as_suggestions is not None)
        except (FormatError, OSError):
            continue
    return use


def _known_words(
    project: Project, reader: ModuleType, files: list[Path], options: ImportOptions
) -> set[str]:
    """The words standing alone in the project and in the documents imported, the evidence
    of the clitic rule (core.text.clitics), read before any document is prepared;
    unreadable files and texts are left to the import to report."""
    with project.read() as conn:
        known = words_of(conn.execute(select(Document.text)).scalars())
    for path in files:
        try:
            for doc in reader.read(path).each():
                if options.from_set is None or doc.source_set in (None, options.from_set):
                    known.update(_words_of_document(doc))
        except (FormatError, OSError):
            continue
    return known


def _words_of_document(doc: ImportedDocument) -> set[str]:
    try:
        return words_of([CanonicalText(doc.text).text])
    except ValueError:  # not a text to import: the import names it
        return set()


def _use_of(use: LabelUse, doc: ImportedDocument, predictions: bool) -> None:
    """`predictions`: spans and triggers only (their arguments and the stances are left
    out of a suggestions import)."""
    use.add(
        (e.label for e in doc.entities),
        ((e.type, [] if predictions else [a.role for a in e.arguments]) for e in doc.events),
        () if predictions else ((s.polarity, s.target_label) for s in doc.stances),
    )


def _checked_annotator(format_key: str, options: ImportOptions) -> str:
    """The annotator's name (or with `as_suggestions`, the recommender's) as it will be
    stored, once the options are known to be usable."""
    try:
        info = format_info(format_key)
    except ValueError as err:
        raise ImportRefused([err.args[0] if err.args else str(err)]) from None
    if not info.reads:
        raise ImportRefused(
            [Message("{format} files are written by Tawsim, not read", format=info.title)]
        )
    if options.as_suggestions is not None:
        return checked_recommender(options.as_suggestions)
    annotator = " ".join(options.annotator.split())
    if not annotator:
        raise ImportRefused([Message("an annotator name is needed")])
    if annotator.lower() in RESERVED_NAMES:
        raise ImportRefused(
            [
                Message(
                    "{name!r} is reserved for exports (--set gold|all); "
                    "choose another annotator name",
                    name=annotator,
                )
            ]
        )
    if options.offsets not in (AUTO, CODEPOINTS, UTF16):
        raise ImportRefused(
            [
                Message(
                    "offsets must be auto, codepoints or utf16 (not {value!r})",
                    value=options.offsets,
                )
            ]
        )
    if options.clitics not in ("keep", "strip"):
        raise ImportRefused(
            [Message("clitics must be keep or strip (not {value!r})", value=options.clitics)]
        )
    return annotator


def _label_problems(
    unknown: dict[str, list[str]], options: ImportOptions, places: dict[tuple[str, str], str]
) -> list[str]:
    """Labels the schema lacks: refused with the list (each with the file and line of its
    first use), or refused when they cannot be keys."""
    if unknown and not options.add_labels:

        def placed(layer: str, key: str) -> str:
            where = places.get((layer, key))
            return Message("{key} at {where}", key=key, where=where) if where else key

        layers = [
            Message(
                "{layer}: {keys}",
                layer=LAYER_WORDS[layer],
                keys=tuple(placed(layer, k) for k in keys),
            )
            for layer, keys in unknown.items()
        ]
        listing = reduce(lambda a, b: Message("{a}; {b}", a=a, b=b), layers)
        return [
            Message(
                "unknown {listing} (add them to the schema, or import with --add-labels)",
                listing=listing,
            )
        ]
    bad = [k for keys in unknown.values() for k in keys if not valid_key(k.split(":")[-1])]
    if bad:
        return [
            Message(
                "cannot add {keys} to the schema: a key is 1-64 "
                "characters without spaces (rename them in the file or the schema first)",
                keys=", ".join(map(repr, bad)),
            )
        ]
    return []
