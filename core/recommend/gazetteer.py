"""The gazetteer: every surface form the annotators tagged, found again wherever it occurs.

A form is the folded units of an annotated span (core.recommend.units), so spelling
variants (hamza forms, ى/ي, diacritics, tatweel) and a proclitic before it ("لميتا",
split by the project's rule) do not hide it. Matching walks the units left to right and
takes the longest form starting at each unit, within one line. A match proposes the
label the form was given most often, scored by its history: how often the form got that
label among all the times it occurred in the training texts (tagged or not, text left
out excluded). Forms scoring under `MIN_SCORE` are not proposed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from core.project.progress import Progress, report_progress
from core.recommend.base import GAZETTEER, Proposal
from core.recommend.examples import Example
from core.recommend.units import Splitter, Units
from models.messages import Message

MIN_SCORE = 0.3  # a form tagged less often than this is left to the annotator

Form = tuple[str, ...]  # folded units


class Match(NamedTuple):
    first: int  # unit index
    last: int  # unit index, inclusive
    layer: str
    form: Form


@dataclass
class Gazetteer:
    # per layer: form -> label counts, and how often the form occurred untagged
    labels: dict[str, dict[Form, Counter[str]]] = field(default_factory=dict)
    untagged: dict[str, Counter[Form]] = field(default_factory=dict)
    _by_head: dict[str, dict[str, list[Form]]] = field(default_factory=dict)  # longest first

    name = GAZETTEER

    def add(self, layer: str, form: Form, label: str) -> None:
        if not any(ch.isalnum() for part in form for ch in part):
            return  # punctuation alone is no entity
        self.labels.setdefault(layer, {}).setdefault(form, Counter())[label] += 1

    def index(self) -> None:
        """Get ready to match (after the forms are added)."""
        self._by_head = {}
        for layer, forms in self.labels.items():
            heads: dict[str, list[Form]] = defaultdict(list)
            for form in forms:
                heads[form[0]].append(form)
            for candidates in heads.values():
                candidates.sort(key=len, reverse=True)
            self._by_head[layer] = dict(heads)

    def matches(self, text: str, units: Units) -> list[Match]:
        """The longest form at each unit, left to right, per layer (layers may overlap)."""
        found: list[Match] = []
        folded = units.folded
        count = len(folded)
        for layer, heads in self._by_head.items():
            i = 0
            while i < count:
                candidates = heads.get(folded[i])
                length = _longest(text, units, i, candidates) if candidates else 0
                if length:
                    found.append(Match(i, i + length - 1, layer, tuple(folded[i : i + length])))
                    i += length
                else:
                    i += 1
        return found

    def best(self, layer: str, form: Form) -> tuple[str, float]:
        """The label given most often to `form`, and how often it got it among all its
        occurrences."""
        counts = self.labels[layer][form]
        label, tagged = max(counts.items(), key=lambda item: (item[1], item[0]))
        occurrences = sum(counts.values()) + self.untagged.get(layer, Counter())[form]
        return label, tagged / occurrences

    def suggest(self, text: str, splitter: Splitter) -> list[Proposal]:
        units = splitter.units(text)
        proposals = []
        for match in self.matches(text, units):
            label, score = self.best(match.layer, match.form)
            if score >= MIN_SCORE:
                proposals.append(
                    Proposal(
                        units.starts[match.first],
                        units.ends[match.last],
                        match.layer,
                        label,
                        round(score, 4),
                        GAZETTEER,
                    )
                )
        proposals.sort()
        return proposals


def _longest(text: str, units: Units, i: int, candidates: list[Form]) -> int:
    """The length of the longest candidate form at unit `i` (0: none), within a line."""
    folded, starts, ends = units.folded, units.starts, units.ends
    for form in candidates:
        n = len(form)
        if tuple(folded[i : i + n]) == form and "\n" not in text[ends[i] : starts[i + n - 1]]:
            return n
    return 0


def span_units(units: Units, start: int, end: int) -> range:
    """The indexes of the units overlapping [start, end)."""
    return range(bisect_right(units.ends, start), bisect_left(units.starts, end))


def train_gazetteer(
    examples: Sequence[Example],
    splitter: Splitter,
    progress: Progress | None = None,
    units: Sequence[Units] | None = None,
    scored: bool = True,
) -> Gazetteer:
    """The forms of the examples' spans, and how often each occurred untagged; `units`:
    the examples' units when the caller has them already. Unless `scored`, the untagged
    occurrences are not counted (a second pass over the texts): the forms' labels are
    all a sequence model's gazetteer features need."""
    gazetteer = Gazetteer()
    if units is None:
        units = [splitter.units(example.text) for example in examples]
    total = (2 if scored else 1) * len(examples)
    for done, (example, example_units) in enumerate(zip(examples, units, strict=True), 1):
        if done % 200 == 0:
            report_progress(progress, done, total, Message("gazetteer: reading forms"))
        for span in example.spans:
            inside = span_units(example_units, span.start, span.end)
            if inside:
                form = tuple(example_units.folded[inside.start : inside.stop])
                gazetteer.add(span.layer, form, span.label)
    gazetteer.index()
    if not scored:
        return gazetteer
    for done, (example, example_units) in enumerate(zip(examples, units, strict=True), 1):
        if done % 200 == 0:
            report_progress(
                progress, len(examples) + done, total, Message("gazetteer: counting forms")
            )
        tagged = {(span.start, span.end, span.layer) for span in example.spans}
        for match in gazetteer.matches(example.text, example_units):
            start, end = example_units.starts[match.first], example_units.ends[match.last]
            if (start, end, match.layer) in tagged or _inside(example.excluded, start, end):
                continue
            gazetteer.untagged.setdefault(match.layer, Counter())[match.form] += 1
    return gazetteer


def _inside(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in ranges)
