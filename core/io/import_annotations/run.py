"""The annotation import, step by step: check the options, read the files, prepare
and check every document, then write everything in one transaction (see the
package's docstring).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from types import ModuleType

from sqlalchemy import select

from core.io.formats import format_info, module
from core.io.formats.common import (
    CODEPOINTS,
    UTF16,
    FormatError,
    ImportedDocument,
    ParsedFile,
)
from core.io.import_annotations.match import (
    check_references,
    check_sets,
    count_only,
    group_by_document,
    label_places,
    match_documents,
    shared_text_notes,
    unknown_labels,
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
    Prepared,
    events_from_relations,
    prepare_file,
    strip_clitics,
)
from core.io.import_annotations.suggestions import (
    checked_recommender,
    predictions_only,
    write_suggestions,
)
from core.io.import_annotations.write import write_import
from core.project.progress import Progress, report_progress
from core.project.project import Project
from core.schema.model import ProjectSchema, valid_key
from core.text.clitics import words_of
from models.messages import Message
from models.tables import Document


def import_annotations(
    project: Project,
    format_key: str,
    paths: Iterable[str | Path],
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Import annotation files into `options.annotator`'s sets; see the package docstring."""
    annotator = _checked_annotator(format_key, options)
    files = [Path(p) for p in paths]
    if not files:
        raise ImportRefused(["no file to import"])
    suggestions = options.as_suggestions is not None
    report = ImportReport(
        format=format_key, annotator=annotator, dry_run=options.dry_run, suggestions=suggestions
    )
    problems: list[str] = []
    steps = len(files) + 2
    parsed = _read_files(module(format_key), files, report, problems, progress, steps)
    report_progress(progress, len(files), steps, "checking")

    schema = project.schema
    prepared = _prepare(parsed, schema, options, report, problems)
    if options.clitics == "strip":
        rule = project.setting("clitic_rule")
        with project.read() as conn:
            project_texts = conn.execute(select(Document.text)).scalars()
            known = words_of(chain(project_texts, (p.text for p in prepared)))
        moved = sum(strip_clitics(p, rule, known) for p in prepared if p.source.rebuilt)
        if moved:
            report.notes.append(
                Message("entity starts moved past a proclitic: {count:,}", count=moved)
            )
    problems.extend(check_references(prepared))
    if suggestions:
        predictions_only(prepared, report)
    with project.read() as conn:
        match_documents(conn, prepared, report)
    problems.extend(check_sets(prepared, options))
    unknown = unknown_labels(prepared, schema)
    problems.extend(_label_problems(unknown, options, label_places(prepared)))
    if problems:
        raise ImportRefused(problems, unknown if not options.add_labels else None)
    report_progress(progress, len(files) + 1, steps, "writing")

    documents = group_by_document(prepared)
    report.notes.extend(shared_text_notes(documents))
    if options.dry_run:
        count_only(documents, report, unknown)
        return report
    count = len(documents)
    what = "suggestions" if suggestions else "annotations"
    with project.write(f"Import {what} ({count} document{'s' if count != 1 else ''})") as tx:
        if suggestions:
            write_suggestions(tx, schema, annotator, documents, unknown, report)
        else:
            write_import(tx, schema, annotator, documents, unknown, report)
    report.changes = tx.changes
    if progress is not None:
        progress(steps, steps, "")
    return report


def _checked_annotator(format_key: str, options: ImportOptions) -> str:
    """The annotator's name (or with `as_suggestions`, the recommender's) as it will be
    stored, once the options are known to be usable."""
    try:
        info = format_info(format_key)
    except ValueError as err:
        raise ImportRefused([str(err)]) from None
    if not info.reads:
        raise ImportRefused([f"{info.title} files are written by Tawsim, not read"])
    if options.as_suggestions is not None:
        return checked_recommender(options.as_suggestions)
    annotator = " ".join(options.annotator.split())
    if not annotator:
        raise ImportRefused(["an annotator name is needed"])
    if annotator.lower() in RESERVED_NAMES:
        raise ImportRefused(
            [
                f"{annotator!r} is reserved for exports (--set gold|all); "
                "choose another annotator name"
            ]
        )
    if options.offsets not in (AUTO, CODEPOINTS, UTF16):
        raise ImportRefused(
            [f"offsets must be auto, codepoints or utf16 (not {options.offsets!r})"]
        )
    if options.clitics not in ("keep", "strip"):
        raise ImportRefused([f"clitics must be keep or strip (not {options.clitics!r})"])
    return annotator


def _read_files(
    reader: ModuleType,
    paths: list[Path],
    report: ImportReport,
    problems: list[str],
    progress: Progress | None,
    steps: int,
) -> list[ParsedFile]:
    """Every file read by its format's reader; the problems of those that cannot be."""
    parsed: list[ParsedFile] = []
    for index, path in enumerate(paths):
        report_progress(progress, index, steps, f"reading {path.name}")
        report.files.append(str(path))
        try:
            if not path.exists():
                raise FormatError(path, "no such file or folder")
            parsed.append(reader.read(path))
        except FormatError as err:
            problems.append(str(err))
        except OSError as err:
            problems.append(f"{path}: cannot be read ({err.strerror or err})")
    return parsed


def _prepare(
    parsed: list[ParsedFile],
    schema: ProjectSchema,
    options: ImportOptions,
    report: ImportReport,
    problems: list[str],
) -> list[Prepared]:
    """Every document of the set asked for, its offsets carried to its canonical text
    (the offset unit is chosen per file)."""
    prepared: list[Prepared] = []
    for parsed_file in parsed:
        report.left_out.update(parsed_file.left_out)
        report.notes.extend(parsed_file.warnings)
        by_file: dict[str, list[ImportedDocument]] = defaultdict(list)
        for doc in parsed_file.documents:
            try:
                events_from_relations(doc, schema, report.left_out)
            except FormatError as err:
                problems.append(str(err))
                continue
            if options.from_set is not None and doc.source_set not in (None, options.from_set):
                continue
            by_file[doc.file or str(parsed_file.path)].append(doc)
        for docs in by_file.values():
            file_prepared, file_problems = prepare_file(
                docs, parsed_file.default_unit, options.offsets, report.notes
            )
            prepared.extend(file_prepared)
            problems.extend(file_problems)
    if not prepared and not problems:
        wanted = f" of set {options.from_set!r}" if options.from_set else ""
        problems.append(f"the file(s) hold no document{wanted}")
    return prepared


def _label_problems(
    unknown: dict[str, list[str]], options: ImportOptions, places: dict[tuple[str, str], str]
) -> list[str]:
    """Labels the schema lacks: refused with the list (each with the file and line of its
    first use), or refused when they cannot be keys."""
    if unknown and not options.add_labels:

        def placed(layer: str, key: str) -> str:
            where = places.get((layer, key))
            return f"{key} at {where}" if where else key

        listing = "; ".join(
            f"{LAYER_WORDS[layer]}: {', '.join(placed(layer, k) for k in keys)}"
            for layer, keys in unknown.items()
        )
        return [f"unknown {listing} (add them to the schema, or import with --add-labels)"]
    bad = [k for keys in unknown.values() for k in keys if not valid_key(k.split(":")[-1])]
    if bad:
        return [
            f"cannot add {', '.join(map(repr, bad))} to the schema: a key is 1-64 "
            "characters without spaces (rename them in the file or the schema first)"
        ]
    return []
