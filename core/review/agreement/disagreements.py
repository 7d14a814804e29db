"""Where annotators disagree: typed disagreements with both versions and context.

`find_disagreements(study, texts, annotators)` compares every pair of the given
annotators (default: all in the study) on the documents both finished, with the
same annotations the figures use (excluded text and unlisted labels already
left out). Per document and pair, annotations are paired in this order:

1. identical (same offsets and label, or event type): agreement, not listed;
2. same offsets, different label: ``label`` (events: ``event_type``);
3. overlapping, same label: ``boundary``, pairs taken by largest overlap, then
   smaller boundary distance, then position (as `span_f1`'s overlap matching);
4. overlapping, different label: ``boundary_label``, paired the same way;
5. the rest: ``missing`` (only one of the two has it).

Events paired identically (same trigger offsets and type) have their
arguments compared the same way, role standing for label: every argument not
identical on both sides is one ``argument`` disagreement (a different role, a
different extent, or missing on one side). Arguments of triggers paired by
overlap only are not compared (the trigger disagreement is listed).

Stances are compared per (document, holder, target) item: both gave it with
different polarities: ``polarity``; one only: ``missing``. Document-level
stances have no place in the text: their offsets are 0, 0.

The same pairing gives the label confusion matrix of a pair: identical and
boundary pairs on the diagonal, label and boundary_label pairs off it, missing
against "—" (None).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from core.project.progress import Progress, report_progress
from core.review.agreement.results import ENTITIES, EVENTS, STANCES
from core.review.agreement.study import AUTHOR, EventItem, StanceItem, StanceKey, Study
from models.messages import Message

T = TypeVar("T")

KINDS = {
    "missing": Message("Missing"),
    "boundary": Message("Boundary mismatch"),
    "label": Message("Label mismatch"),
    "boundary_label": Message("Boundary and label mismatch"),
    "event_type": Message("Event type mismatch"),
    "argument": Message("Argument mismatch"),
    "polarity": Message("Polarity mismatch"),
}
CONTEXT_CHARS = 80  # at most this many characters of context on each side
_SENTENCE_END = frozenset(".!?؟…\n")


@dataclass(frozen=True, slots=True)
class Version:
    """One annotator's version of the disputed annotation."""

    start: int
    end: int
    label: str  # entity label, event type, argument role or polarity
    text: str  # the annotated text ("" for a document-level stance)
    detail: str = ""  # e.g. "Business.Acquire argument, entity ORG"

    def describe(self) -> str:
        parts = [self.label]
        if self.text:
            parts.append(f"«{self.text}»")
        if self.detail:
            parts.append(f"({self.detail})")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class Disagreement:
    kind: str  # a key of KINDS
    layer: str  # ENTITIES, EVENTS or STANCES
    document_id: int
    start: int  # the place to show: the union of both versions (0, 0: the whole document)
    end: int
    annotator_ids: tuple[int, int]
    versions: tuple[Version | None, Version | None]  # per annotator; None: has nothing there
    labels: tuple[str, ...]  # the labels involved (for filtering by label)
    context: str
    context_start: int  # offset of `context` in the document text

    @property
    def kind_title(self) -> str:
        return KINDS[self.kind]

    def to_json(self, names: dict[int, str] | None = None) -> dict[str, Any]:
        names = names or {}
        return {
            "kind": self.kind,
            "layer": self.layer,
            "document": self.document_id,
            "start": self.start,
            "end": self.end,
            "annotators": [names.get(a, a) for a in self.annotator_ids],
            "versions": [v.to_json() if v else None for v in self.versions],
            "labels": list(self.labels),
            "context": self.context,
            "context_start": self.context_start,
        }


Confusion = Counter[tuple[str | None, str | None]]


@dataclass
class DisagreementList:
    items: list[Disagreement] = field(default_factory=list)
    # (layer, a, b) -> {(label of a, label of b): count}; None is "nothing there"
    confusion: dict[tuple[str, int, int], Confusion] = field(default_factory=dict)

    def confusion_of(self, layer: str, a: int, b: int) -> Confusion:
        """The confusion matrix of a pair, oriented as (a's label, b's label)."""
        if (layer, a, b) in self.confusion:
            return self.confusion[(layer, a, b)]
        flipped = self.confusion.get((layer, b, a), Counter())
        return Counter({(y, x): n for (x, y), n in flipped.items()})

    def select(
        self,
        *,
        pair: tuple[int, int] | None = None,
        document: int | None = None,
        label: str | None = None,
        layer: str | None = None,
        kinds: Iterable[str] | None = None,
    ) -> list[Disagreement]:
        wanted_kinds = set(kinds) if kinds is not None else None
        found = []
        for d in self.items:
            if pair is not None and set(d.annotator_ids) != set(pair):
                continue
            if document is not None and d.document_id != document:
                continue
            if label is not None and label not in d.labels:
                continue
            if layer is not None and d.layer != layer:
                continue
            if wanted_kinds is not None and d.kind not in wanted_kinds:
                continue
            found.append(d)
        return found


# --- context -----------------------------------------------------------------------


def context_around(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[int, str]:
    """``(offset, context)``: the sentence(s) holding [start, end), at most `chars`
    characters either side, trimmed of surrounding whitespace."""
    left, right = context_bounds(text, start, end, chars)
    return left, text[left:right]


def context_bounds(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[int, int]:
    """Where `context_around`'s context begins and ends in `text`."""
    if start == end == 0:  # the whole document: its first line
        line_end = text.find("\n")
        return 0, min(len(text), chars * 2) if line_end < 0 else min(line_end, chars * 2)
    lo = max(0, start - chars)
    # the character after the last sentence end before `start` (C-level searches)
    left = max(lo, *(text.rfind(mark, lo, start) + 1 for mark in _SENTENCE_END))
    hi = min(len(text), end + chars)
    ends = [found for mark in _SENTENCE_END if (found := text.find(mark, end, hi)) >= 0]
    right = min(ends) if ends else hi
    if right < len(text) and text[right] in _SENTENCE_END and text[right] != "\n":
        right += 1  # keep the sentence's full stop
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


# --- pairing -----------------------------------------------------------------------

Item = tuple[int, int, str]  # (start, end, label)


def _whole(item: Item) -> tuple[int | str, ...]:
    return item


def _offsets(item: Item) -> tuple[int | str, ...]:
    return item[:2]


def pair_items(a: list[Item], b: list[Item]) -> list[tuple[str, int | None, int | None]]:
    """Pair two annotators' items in one document: ``(kind, index in a, index in b)``
    with kind "same", "label", "boundary", "boundary_label" or "missing" (one index
    None). Rules in the module doc; the result does not depend on input order."""
    result: list[tuple[str, int | None, int | None]] = []
    free_a = sorted(range(len(a)), key=lambda i: a[i])
    free_b = sorted(range(len(b)), key=lambda j: b[j])

    # 1 and 2: identical items, then same offsets with another label
    for kind, key in (("same", _whole), ("label", _offsets)):
        waiting: dict[tuple[int | str, ...], list[int]] = {}
        for j in free_b:
            waiting.setdefault(key(b[j]), []).append(j)
        rest_a = []
        taken: set[int] = set()
        for i in free_a:
            queue = waiting.get(key(a[i]))
            if queue:
                j = queue.pop(0)
                taken.add(j)
                result.append((kind, i, j))
            else:
                rest_a.append(i)
        free_a = rest_a
        free_b = [j for j in free_b if j not in taken]

    # 3 and 4: overlapping, same label first, then any label
    for kind, same_label in (("boundary", True), ("boundary_label", False)):
        candidates = []
        starts = [b[j][0] for j in free_b]
        longest = max((b[j][1] - b[j][0] for j in free_b), default=0)
        for i in free_a:
            s_a, e_a, label_a = a[i]
            first = bisect_left(starts, s_a - longest)
            for position in range(first, len(free_b)):
                j = free_b[position]
                s_b, e_b, label_b = b[j]
                if s_b >= e_a:
                    break
                if e_b <= s_a or (label_a == label_b) != same_label:
                    continue
                overlap = min(e_a, e_b) - max(s_a, s_b)
                distance = abs(s_a - s_b) + abs(e_a - e_b)
                candidates.append((-overlap, distance, a[i], b[j], i, j))
        candidates.sort()
        used_a: set[int] = set()
        used_b: set[int] = set()
        for *_, i, j in candidates:
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                result.append((kind, i, j))
        free_a = [i for i in free_a if i not in used_a]
        free_b = [j for j in free_b if j not in used_b]

    result.extend(("missing", i, None) for i in free_a)
    result.extend(("missing", None, j) for j in free_b)
    return result


# --- finding -----------------------------------------------------------------------


class _Finder:
    """Finds the disagreements a document at a time, every pair on it in turn. What the
    pairs of a document share (an annotator's version of an annotation, a sentence of
    context, the tuple of labels) is made once: a study of 50,000 documents by three
    annotators lists 600,000 disagreements."""

    def __init__(self, study: Study, texts: Mapping[int, str]):
        self.study = study
        self.texts = texts
        self.found: list[Disagreement] = []
        self.confusion: dict[tuple[str, int, int], Confusion] = {}
        self._versions: dict[tuple[int, int, str, str], Version] = {}  # this document's
        self._contexts: dict[tuple[int, int], str] = {}  # this document's
        self._labels: dict[tuple[str, ...], tuple[str, ...]] = {}

    def next_document(self) -> None:
        self._versions.clear()
        self._contexts.clear()

    def add(
        self,
        kind: str,
        layer: str,
        doc: int,
        pair: tuple[int, int],
        versions: tuple[Version | None, Version | None],
        labels: Iterable[str],
        place: tuple[int, int] | None = None,
    ) -> None:
        present = [v for v in versions if v is not None]
        if place is None:
            place = (min(v.start for v in present), max(v.end for v in present))
        text = self.texts[doc]
        bounds = context_bounds(text, *place)
        context = self._contexts.get(bounds)
        if context is None:
            context = self._contexts[bounds] = text[slice(*bounds)]
        kept = tuple(dict.fromkeys(labels))
        self.found.append(
            Disagreement(
                kind,
                layer,
                doc,
                place[0],
                place[1],
                pair,
                versions,
                self._labels.setdefault(kept, kept),
                context,
                bounds[0],
            )
        )

    def version(self, doc: int, start: int, end: int, label: str, detail: str = "") -> Version:
        key = (start, end, label, detail)
        found = self._versions.get(key)
        if found is None:
            found = self._versions[key] = Version(
                start, end, label, self.texts[doc][start:end], detail
            )
        return found

    # entities ------------------------------------------------------------------

    def entities(self, doc: int, pair: tuple[int, int], a: list[Item], b: list[Item]) -> None:
        confusion = self.confusion.setdefault((ENTITIES, *pair), Counter())
        if len(a) == len(b) and sorted(a) == sorted(b):  # full agreement: nothing to list
            confusion.update((label, label) for _start, _end, label in a)
            return
        for kind, i, j in pair_items(a, b):
            label_a = a[i][2] if i is not None else None
            label_b = b[j][2] if j is not None else None
            confusion[(label_a, label_b)] += 1
            if kind == "same":
                continue
            versions = (
                self.version(doc, *a[i]) if i is not None else None,
                self.version(doc, *b[j]) if j is not None else None,
            )
            labels = [x for x in (label_a, label_b) if x is not None]
            self.add(kind, ENTITIES, doc, pair, versions, labels)

    # events --------------------------------------------------------------------

    def events(
        self, doc: int, pair: tuple[int, int], a: list[EventItem], b: list[EventItem]
    ) -> None:
        confusion = self.confusion.setdefault((EVENTS, *pair), Counter())
        items_a = [(e.start, e.end, e.type) for e in a]
        items_b = [(e.start, e.end, e.type) for e in b]
        for kind, i, j in pair_items(items_a, items_b):
            type_a = a[i].type if i is not None else None
            type_b = b[j].type if j is not None else None
            confusion[(type_a, type_b)] += 1
            if kind == "same":
                if i is not None and j is not None:  # (always: a pair)
                    self.arguments(doc, pair, a[i], b[j])
                continue
            versions = (
                self.trigger(doc, a[i]) if i is not None else None,
                self.trigger(doc, b[j]) if j is not None else None,
            )
            labels = [x for x in (type_a, type_b) if x is not None]
            self.add("event_type" if kind == "label" else kind, EVENTS, doc, pair, versions, labels)

    def trigger(self, doc: int, event: EventItem) -> Version:
        roles = ", ".join(
            f"{role}: {self.texts[doc][start:end]}" for role, start, end, _ in event.arguments
        )
        return self.version(doc, event.start, event.end, event.type, roles)

    def arguments(self, doc: int, pair: tuple[int, int], a: EventItem, b: EventItem) -> None:
        args_a = [(start, end, role) for role, start, end, _ in a.arguments]
        args_b = [(start, end, role) for role, start, end, _ in b.arguments]
        entity_a = [label for *_, label in a.arguments]
        entity_b = [label for *_, label in b.arguments]
        for kind, i, j in pair_items(args_a, args_b):
            if kind == "same":
                continue
            how = {
                "label": "role differs",
                "boundary": "extent differs",
                "boundary_label": "role and extent differ",
                "missing": "missing on one side",
            }[kind]
            versions = (
                self.version(doc, *args_a[i], f"{a.type} argument, entity {entity_a[i]}; {how}")
                if i is not None
                else None,
                self.version(doc, *args_b[j], f"{b.type} argument, entity {entity_b[j]}; {how}")
                if j is not None
                else None,
            )
            self.add("argument", EVENTS, doc, pair, versions, [a.type])

    # stances -------------------------------------------------------------------

    def stances(
        self,
        doc: int,
        pair: tuple[int, int],
        a: dict[StanceKey, StanceItem],
        b: dict[StanceKey, StanceItem],
    ) -> None:
        confusion = self.confusion.setdefault((STANCES, *pair), Counter())
        keys = sorted(set(a) | set(b), key=repr)
        for key in keys:
            item_a, item_b = a.get(key), b.get(key)
            pol_a = item_a.polarity if item_a else None
            pol_b = item_b.polarity if item_b else None
            confusion[(pol_a, pol_b)] += 1
            if pol_a == pol_b:
                continue
            place, what, target_label = self.stance_place(doc, key)
            versions = (
                self.version(doc, *place, item_a.polarity, what) if item_a else None,
                self.version(doc, *place, item_b.polarity, what) if item_b else None,
            )
            kind = "polarity" if item_a and item_b else "missing"
            self.add(kind, STANCES, doc, pair, versions, [target_label], place)

    def stance_place(self, doc: int, key: StanceKey) -> tuple[tuple[int, int], str, str]:
        """The text range to show, a description and the label to filter by."""
        _doc, holder, target = key
        text = self.texts[doc]
        if target[0] == "label":
            target_text, target_label = target[1], target[1]
        else:
            target_text, target_label = f"«{text[target[1] : target[2]]}» ({target[3]})", target[3]
        if holder == AUTHOR:
            return (0, 0), f"author → {target_text}", target_label
        holder_text = f"«{text[holder[1] : holder[2]]}» ({holder[3]})"
        ranges = [holder[1:3]] + ([target[1:3]] if target[0] == "span" else [])
        place = (min(r[0] for r in ranges), max(r[1] for r in ranges))
        return place, f"{holder_text} → {target_text}", target_label


def _by_document(items: Iterable[T], doc_of: Callable[[T], int]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = {}
    for item in items:
        grouped.setdefault(doc_of(item), []).append(item)
    return grouped


def find_disagreements(
    study: Study,
    texts: Mapping[int, str],
    annotators: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> DisagreementList:
    """Disagreements of every pair among `annotators` (default: everyone in the
    study), sorted by document, position and kind, and each pair's confusion."""
    chosen = set(annotators) if annotators is not None else set(study.annotator_ids)
    pairs = [(a, b) for a, b in study.compared_pairs() if a in chosen and b in chosen]
    finder = _Finder(study, texts)
    for pair in pairs:  # each pair's matrices, in the order of the pairs
        for layer in (ENTITIES, EVENTS, STANCES):
            finder.confusion[(layer, *pair)] = Counter()
    spans = {a: _SpansByDocument(study, a) for a in chosen}
    events = {a: _by_document(study.events[a], lambda e: e.doc) for a in chosen}
    stances = {a: _by_document(study.stances[a].values(), lambda s: s.key[0]) for a in chosen}
    pairs_on: dict[int, list[tuple[int, int]]] = {}
    for pair in pairs:
        for doc in study.shared_documents(pair):
            pairs_on.setdefault(doc, []).append(pair)
    for number, doc in enumerate(sorted(pairs_on)):
        report_progress(progress, number, len(pairs_on), Message("Finding disagreements"))
        finder.next_document()
        for pair in pairs_on[doc]:
            a, b = pair
            finder.entities(doc, pair, spans[a].of(doc), spans[b].of(doc))
            finder.events(doc, pair, events[a].get(doc, []), events[b].get(doc, []))
            finder.stances(
                doc,
                pair,
                {s.key: s for s in stances[a].get(doc, ())},
                {s.key: s for s in stances[b].get(doc, ())},
            )
    layer_order = {ENTITIES: 0, EVENTS: 1, STANCES: 2}
    finder.found.sort(
        key=lambda d: (d.document_id, d.start, d.end, layer_order[d.layer], d.kind, d.annotator_ids)
    )
    return DisagreementList(finder.found, finder.confusion)


class _SpansByDocument:
    """One annotator's entities in a document as (start, end, label key) items, in the
    study's order (label, start, end), made for one document at a time from the study's
    columns (not all at once: millions of tuples) and kept for the pairs of that document."""

    def __init__(self, study: Study, annotator: int):
        columns = study.spans[annotator]
        self.keys = study.label_keys
        # the study sorts by (label, doc, start, end): by document first, the same order within
        self.order = np.lexsort((columns.end, columns.start, columns.label, columns.doc))
        self.docs = columns.doc[self.order]
        self.columns = columns
        self.last: tuple[int, list[Item]] = (-1, [])

    def of(self, doc: int) -> list[Item]:
        if self.last[0] != doc:
            low, high = np.searchsorted(self.docs, [doc, doc + 1])
            rows = self.order[low:high]
            columns = self.columns
            starts, ends = columns.start[rows].tolist(), columns.end[rows].tolist()
            labels = map(self.keys.__getitem__, columns.label[rows].tolist())
            items = list(zip(starts, ends, labels, strict=True))
            self.last = (doc, items)
        return self.last[1]


__all__ = [
    "CONTEXT_CHARS",
    "KINDS",
    "Disagreement",
    "DisagreementList",
    "Version",
    "context_around",
    "context_bounds",
    "find_disagreements",
    "pair_items",
]
