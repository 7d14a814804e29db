"""The sequence model: a linear-chain CRF (python-crfsuite) over units, one per layer.

Each unit (a token, proclitics split off: core.recommend.units) is described by Arabic-
aware features: its folded form, prefixes and suffixes, the article, whether a clitic
was split off it, its script and shape, its length, the units around it, and whether a
gazetteer form covers it (B-/I- and the label). Labels are B-/I-/O of the layer's
outermost spans (entities, and separately event triggers). The gazetteer features of
the training texts come from a gazetteer trained on the other half of the examples, so
the model does not learn to trust a gazetteer that knows every answer; at suggestion
time the gazetteer of all the examples serves.

A proposal's score is the mean of the model's marginal probabilities of its labels.
CRFsuite trains into a file: the model keeps its bytes (so it can be sent back from
another process) and opens a tagger on them when first used.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pycrfsuite

from core.project.progress import Progress, report_progress
from core.recommend.base import CRF, Proposal, Vocabulary
from core.recommend.examples import Example
from core.recommend.gazetteer import Gazetteer, Match, span_units, train_gazetteer
from core.recommend.units import Splitter, Unit, sequences
from core.schema.model import ENTITY, EVENT

OUTSIDE = "O"
EPOCHS = 10
# Stochastic gradient descent with L2 regularisation: as accurate as L-BFGS here in a
# fraction of the time (measured in bench/bench_recommend.py), with probabilities still
# calibrated for the scores
ALGORITHM = "l2sgd"
PARAMETERS = {"c2": 1.0, "max_iterations": EPOCHS, "feature.possible_transitions": True}
_ROUND = re.compile(r"\*{5} (?:Iteration|Epoch) #(\d+) \*{5}")

_Key = tuple[str, str, bool]  # a unit's folded form, kind, after a clitic


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if text.isupper():
        return "XX"
    if text[:1].isupper():
        return "Xx"
    if any(ch.isdigit() for ch in text):
        return "xd"
    return "x"


def _length(text: str) -> str:
    n = len(text)
    return str(n) if n < 4 else "4-6" if n < 7 else "7+"


class _Features:
    """Feature strings of units, made once per distinct unit and reused."""

    def __init__(self) -> None:
        self._own: dict[_Key, list[str]] = {}
        self._near: dict[tuple[_Key, str], list[str]] = {}

    def own(self, key: _Key) -> list[str]:
        found = self._own.get(key)
        if found is None:
            folded, kind, after = key
            lower = folded.lower()
            found = [f"w={lower}", f"k={kind}", f"len={_length(folded)}"]
            if kind in ("arabic", "word"):
                found += [f"p2={lower[:2]}", f"p3={lower[:3]}", f"s2={lower[-2:]}"]
                found += [f"s3={lower[-3:]}"]
            if kind == "word":
                found.append(f"sh={_shape(folded)}")
            if kind == "arabic" and folded.startswith("ال"):
                found.append("al")
            if after:
                found.append("after_clitic")
            self._own[key] = found
        return found

    def near(self, key: _Key, where: str) -> list[str]:
        found = self._near.get((key, where))
        if found is None:
            folded, kind, _ = key
            lower = folded.lower()
            found = [f"{where}w={lower}", f"{where}k={kind}"]
            if where in ("-1", "+1") and kind in ("arabic", "word"):
                found.append(f"{where}s2={lower[-2:]}")
            self._near[(key, where)] = found
        return found

    def of(self, run: Sequence[Unit], gazetteer_tags: Sequence[str]) -> list[list[str]]:
        keys = [(u.folded, u.kind, u.after_clitic) for u in run]
        own, near = self.own, self.near
        rows = []
        last = len(run) - 1
        for i, key in enumerate(keys):
            tag = gazetteer_tags[i]
            rows.append(
                [
                    *own(key),
                    *(near(keys[i - 1], "-1") if i > 0 else ("bos",)),
                    *(near(keys[i + 1], "+1") if i < last else ("eos",)),
                    *(near(keys[i - 2], "-2") if i > 1 else ()),
                    *(near(keys[i + 2], "+2") if i < last - 1 else ()),
                    *((f"w-1|w={keys[i - 1][0].lower()}|{key[0].lower()}",) if i > 0 else ()),
                    *((f"g={tag}", f"g={tag[:1]}") if tag else ()),
                ]
            )
        return rows


def _gazetteer_tags(units: Sequence[Unit], matches: Sequence[Match], g: Gazetteer) -> list[str]:
    tags = [""] * len(units)
    for match in matches:
        label, _ = g.best(match.layer, match.form)
        tags[match.first] = f"B-{label}"
        for i in range(match.first + 1, match.last + 1):
            tags[i] = f"I-{label}"
    return tags


def _outermost(spans: Sequence[Any]) -> list[Any]:
    """The spans not inside (or overlapping) an earlier, longer one."""
    kept: list[Any] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _labels(units: Sequence[Unit], example: Example, layer: str) -> list[str]:
    labels = [OUTSIDE] * len(units)
    ends = [u.end for u in units]
    for span in _outermost([s for s in example.spans if s.layer == layer]):
        inside = span_units(ends, units, span.start, span.end)
        for n, i in enumerate(inside):
            labels[i] = f"{'B' if n == 0 else 'I'}-{span.label}"
    return labels


class _Trainer(pycrfsuite.BaseTrainer):
    """Reports each epoch as progress, from CRFsuite's log; a cancel stops the training
    (CRFsuite passes the exception raised here on)."""

    def __init__(self, progress: Progress | None, label: str):
        super().__init__(ALGORITHM, PARAMETERS)
        self.progress = progress
        self.label = label

    def message(self, message: str) -> None:
        found = _ROUND.match(message)
        if found:
            report_progress(self.progress, int(found.group(1)) - 1, EPOCHS, self.label)


@dataclass
class SequenceModel:
    vocabulary: Vocabulary
    gazetteer: Gazetteer
    models: dict[str, bytes]  # layer -> CRFsuite model
    _taggers: dict[str, pycrfsuite.Tagger] = field(default_factory=dict, repr=False)

    name = CRF

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_taggers"] = {}  # taggers are C objects: opened again where needed
        return state

    def _tagger(self, layer: str) -> pycrfsuite.Tagger:
        tagger = self._taggers.get(layer)
        if tagger is None:
            tagger = self._taggers[layer] = pycrfsuite.Tagger()
            tagger.open_inmemory(self.models[layer])
        return tagger

    def suggest(self, text: str, splitter: Splitter) -> list[Proposal]:
        units = splitter.units(text)
        matches = self.gazetteer.matches(text, units)
        tags = _gazetteer_tags(units, matches, self.gazetteer)
        features = _Features()
        proposals: list[Proposal] = []
        position = 0
        for run in sequences(text, units):
            rows = features.of(run, tags[position : position + len(run)])
            position += len(run)
            for layer in self.models:
                proposals += self._decode(layer, run, rows)
        proposals.sort()
        return proposals

    def _decode(self, layer: str, run: Sequence[Unit], rows: list[list[str]]) -> list[Proposal]:
        tagger = self._tagger(layer)
        labels = tagger.tag(rows)
        found = []
        i = 0
        while i < len(labels):
            if labels[i] == OUTSIDE:
                i += 1
                continue
            label = labels[i][2:]
            j = i + 1
            while j < len(labels) and labels[j] == f"I-{label}":
                j += 1
            score = sum(tagger.marginal(labels[k], k) for k in range(i, j)) / (j - i)
            found.append(Proposal(run[i].start, run[j - 1].end, layer, label, round(score, 4), CRF))
            i = j
        return found


def train_crf(
    examples: Sequence[Example], vocabulary: Vocabulary, progress: Progress | None = None
) -> SequenceModel:
    """Train a model per layer that the examples hold spans of."""
    splitter = vocabulary.splitter()
    units = [splitter.units(example.text) for example in examples]
    gazetteer = train_gazetteer(examples, splitter, units=units)
    halves = (
        train_gazetteer(examples[1::2], splitter, units=units[1::2]),
        train_gazetteer(examples[0::2], splitter, units=units[0::2]),
    )
    layers = [
        layer
        for layer in (ENTITY, EVENT)
        if any(s.layer == layer for e in examples for s in e.spans)
    ]
    features = _Features()
    data: list[tuple[list[list[str]], dict[str, list[str]]]] = []
    for n, (example, example_units) in enumerate(zip(examples, units, strict=True)):
        if n % 100 == 0:
            report_progress(progress, n, len(examples), "sequence model: reading the examples")
        other_half = halves[n % 2]
        tags = _gazetteer_tags(
            example_units, other_half.matches(example.text, example_units), other_half
        )
        labels = {layer: _labels(example_units, example, layer) for layer in layers}
        position = 0
        for run in sequences(example.text, example_units):
            at = slice(position, position + len(run))
            position += len(run)
            if _touches(example.excluded, run):
                continue
            data.append(
                (features.of(run, tags[at]), {layer: labels[layer][at] for layer in layers})
            )
    models = {}
    for layer in layers:
        trainer = _Trainer(progress, f"sequence model: learning ({layer})")
        for rows, labels in data:
            trainer.append(rows, labels[layer])
        models[layer] = _train(trainer)
    return SequenceModel(vocabulary, gazetteer, models)


def _touches(excluded: Sequence[tuple[int, int]], run: Sequence[Unit]) -> bool:
    start, end = run[0].start, run[-1].end
    return any(a < end and start < b for a, b in excluded)


def _train(trainer: _Trainer) -> bytes:
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as model:
            return model.read()
    finally:
        os.unlink(path)
