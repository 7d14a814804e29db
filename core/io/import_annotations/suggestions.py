"""A model's predictions imported as suggestions (`import-annotations --as-suggestions
--recommender NAME`): any format the importer reads, read and checked exactly as an
annotation import is, then written as rows of `suggestion` under the recommender's name,
with the `score` the file gives (or none). Predictions are entity spans and event
triggers; stances, event arguments and excluded ranges in the file are counted as left
out. Importing the same file again adds nothing; undo takes the whole import back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from core.io.import_annotations.match import DocumentKey, DocumentWork
from core.io.import_annotations.options import ImportRefused, ImportReport
from core.io.import_annotations.prepare import Prepared
from core.io.import_annotations.write import ImportWriter
from core.project.journal import Txn
from core.project.project import in_batches
from core.recommend.base import RECOMMENDERS
from core.schema.model import ENTITY, EVENT, valid_key
from models.messages import Message
from models.tables import Suggestion


def checked_recommender(name: str) -> str:
    """The recommender name predictions are stored under: a key (no spaces), not the name
    of a recommender Tawsim trains itself."""
    name = name.strip()
    if not valid_key(name):
        return _refuse(
            Message(
                "a recommender name is 1-64 characters without spaces (not {name!r}): "
                "give it with --recommender NAME",
                name=name,
            )
        )
    if name in RECOMMENDERS:
        return _refuse(
            Message(
                "{name!r} is a recommender Tawsim trains itself; choose another name", name=name
            )
        )
    return name


def _refuse(problem: str) -> str:
    raise ImportRefused([problem])


def predictions_only(prepared: Sequence[Prepared], report: ImportReport) -> None:
    """Keep the entity spans and event triggers; count the rest as left out."""
    for p in prepared:
        arguments = sum(len(event.arguments) for event in p.events)
        report.left_out[Message("event arguments (suggestions are spans and triggers)")] += (
            arguments
        )
        report.left_out[Message("stances (suggestions are spans and triggers)")] += len(p.stances)
        report.left_out[Message("excluded ranges (suggestions are spans and triggers)")] += len(
            p.excluded
        )
        for event in p.events:
            event.arguments = []
        p.stances = []
        p.excluded = []
    for what in list(report.left_out):
        if not report.left_out[what]:
            del report.left_out[what]


class SuggestionWriter(ImportWriter):
    """Writes the predictions a batch of documents at a time, in the import's one
    transaction, as suggestions of `recommender`, those already stored for it left out
    (the documents the project lacks are added as an annotation import adds them)."""

    def __init__(
        self,
        tx: Txn,
        recommender: str,
        report: ImportReport,
        label_ids: dict[tuple[str, str], int],
    ):
        self.tx, self.report = tx, report
        self.recommender = recommender
        self.label_ids = label_ids
        self.layer_of = {label_id: layer for (layer, _), label_id in label_ids.items()}
        self.written: dict[DocumentKey, tuple[int, int]] = {}  # document ids (no sets)

    def write_batch(self, documents: list[DocumentWork]) -> None:
        tx, report, label_ids = self.tx, self.report, self.label_ids
        doc_ids = self._add_documents(documents)
        for work, doc_id in zip(documents, doc_ids, strict=True):
            self.written[work.key] = (doc_id, 0)
        existing: set[tuple[int, int, int, int]] = set()
        for batch in in_batches(sorted(set(doc_ids))):
            existing.update(
                (row.document_id, row.start, row.end, row.label_id)
                for row in tx.conn.execute(
                    select(
                        Suggestion.document_id,
                        Suggestion.start,
                        Suggestion.end,
                        Suggestion.label_id,
                    ).where(
                        Suggestion.recommender == self.recommender,
                        Suggestion.document_id.in_(batch),
                    )
                )
            )
        rows: list[dict[str, Any]] = []
        for work, doc_id in zip(documents, doc_ids, strict=True):
            for part in work.parts:
                found = [
                    (e.start, e.end, label_ids[(ENTITY, e.label)], e.score) for e in part.entities
                ]
                found += [
                    (e.start, e.end, label_ids[(EVENT, e.type)], e.score) for e in part.events
                ]
                for start, end, label_id, score in found:
                    key = (doc_id, start, end, label_id)
                    if key in existing:
                        report.already_present["suggestions"] += 1
                        continue
                    existing.add(key)
                    rows.append(
                        {
                            "document_id": doc_id,
                            "start": start,
                            "end": end,
                            "label_id": label_id,
                            "score": score,
                            "recommender": self.recommender,
                        }
                    )
        tx.insert_many(Suggestion, rows)
        entities = sum(self.layer_of[row["label_id"]] == ENTITY for row in rows)
        report.entities += entities
        report.events += len(rows) - entities
        tx.changes.documents.update(doc_ids)

    def finish(self) -> None:
        pass
