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
import string
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pycrfsuite

from core.project.progress import Progress, report_progress
from core.recommend.base import CRF, Proposal, Vocabulary
from core.recommend.examples import Example
from core.recommend.gazetteer import Gazetteer, Match, span_units, train_gazetteer
from core.recommend.units import Reading, Splitter, Units, sequences
from core.schema.model import ENTITY, EVENT
from models.messages import Message

OUTSIDE = "O"
EPOCHS = 10
# Stochastic gradient descent with L2 regularisation: as accurate as L-BFGS here in a
# fraction of the time (measured in bench/bench_recommend.py), with probabilities still
# calibrated for the scores. It stops before EPOCHS once two epochs together improved
# the objective by less than 1%: on 1,000 articles after 5, with the same F1, while a
# few articles, still learning, get every epoch
ALGORITHM = "l2sgd"
PARAMETERS = {
    "c2": 1.0,
    "max_iterations": EPOCHS,
    "period": 2,
    "delta": 0.01,
    "feature.possible_transitions": True,
}
_ROUND = re.compile(r"\*{5} (?:Iteration|Epoch) #(\d+) \*{5}")

_Row = tuple[bytes, ...]  # features: of a unit in one place around a position, of a tag
_BEFORE, _AFTER = 0, 1  # the unit ids of the positions beyond a run's start and end
_NEIGHBOURS = ("-1", "+1", "-2", "+2")  # the units around a position that describe it
_DIGITS = string.digits + string.ascii_letters  # of the codes of forms


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


def _unit_features(word: str, folded: str, kind: str, after_clitic: bool) -> list[str]:
    """What a position says of its own unit; `word`: the code of its form (`_Features`),
    "" for a form the model never saw."""
    lower = folded.lower()
    found = [f"w={word}"] if word else []
    found += [f"k={kind}", f"len={_length(folded)}"]
    if kind in ("arabic", "word"):
        found += [f"p2={lower[:2]}", f"p3={lower[:3]}", f"s2={lower[-2:]}", f"s3={lower[-3:]}"]
    if kind == "word":
        found.append(f"sh={_shape(folded)}")
    if kind == "arabic" and folded.startswith("ال"):
        found.append("al")
    if after_clitic:
        found.append("after_clitic")
    return found


def _neighbour_features(word: str, folded: str, kind: str) -> list[list[str]]:
    """What a position says of a unit at each of _NEIGHBOURS from it ("-1": the unit
    before it)."""
    suffix = f"s2={folded.lower()[-2:]}" if kind in ("arabic", "word") else ""
    found = []
    for where in _NEIGHBOURS:
        features = [f"{where}w={word}"] if word else []
        features.append(f"{where}k={kind}")
        if suffix and where in ("-1", "+1"):
            features.append(where + suffix)
        found.append(features)
    return found


def _code(number: int) -> str:
    """The `number`th form's code: the number in base 62."""
    digits = []
    while True:
        number, digit = divmod(number, len(_DIGITS))
        digits.append(_DIGITS[digit])
        if not number:
            return "".join(digits)


class _Features:
    """The features of units, made once per distinct unit (a document's words repeat)
    and only put together per position.

    They are bytes, which CRFsuite takes without encoding them again, and short: a form
    (folded, in lower case) is named by a code of a few letters given to it in training
    (`words`), so that features fit in a C++ string's own buffer and need no memory of
    their own (twice as fast to hand over). Suggesting, a form the model never saw has
    no code, and no features of its own: the model would not know them."""

    def __init__(self, words: dict[str, str], learn: bool) -> None:
        self._words = words
        self._learn = learn  # give forms not seen before a code
        self._ids: dict[Reading, int] = {}
        # per unit id: its features as the unit itself and as each neighbour
        # (_NEIGHBOURS), and the two halves of its word pair feature (empty without a
        # code); ids _BEFORE and _AFTER stand for the positions beyond a run's ends
        self._own: list[_Row] = [(), ()]
        self._near: list[list[_Row]] = [[(b"bos",), ()], [(), (b"eos",)], [(), ()], [(), ()]]
        self._pair_first: list[bytes] = [b"", b""]
        self._pair_second: list[bytes] = [b"", b""]
        self._tags: dict[str, _Row] = {"": ()}

    def ids(self, units: Units) -> list[int]:
        """Each unit's id, the features of units not seen before made."""
        ids, words = self._ids, self._words
        for reading in set(units.readings).difference(ids):
            ids[reading] = len(self._own)
            folded, kind, after_clitic = reading
            lower = folded.lower()
            word = words.get(lower, "")
            if not word and self._learn:
                word = words[lower] = _code(len(words))
            self._own.append(_encoded(_unit_features(word, folded, kind, after_clitic)))
            near = _neighbour_features(word, folded, kind)
            for rows, features in zip(self._near, near, strict=True):
                rows.append(_encoded(features))
            self._pair_first.append(f"w-1|w={word}|".encode() if word else b"")
            self._pair_second.append(word.encode())
        return list(map(ids.__getitem__, units.readings))

    def tags(self, tags: Sequence[str]) -> list[_Row]:
        """The features of gazetteer tags (`_gazetteer_tags`)."""
        found = self._tags
        for tag in set(tags) - found.keys():
            found[tag] = _encoded([f"g={tag}", f"g={tag[:1]}"])
        return list(map(found.__getitem__, tags))

    def rows(self, ids: Sequence[int], tags: Sequence[_Row]) -> list[list[bytes]]:
        """The features of a run's positions, given its units' ids and tags' features."""
        at = [_BEFORE, _BEFORE, *ids, _AFTER, _AFTER]  # at[i + 2] is position i's unit
        own, (before1, after1, before2, after2) = self._own, self._near
        first, second = self._pair_first, self._pair_second
        return [
            [
                *own[unit],
                *before1[b1],
                *after1[a1],
                *before2[b2],
                *after2[a2],
                *((first[b1] + second[unit],) if first[b1] and second[unit] else ()),
                *tag,
            ]
            for unit, b1, a1, b2, a2, tag in zip(
                ids, at[1:], at[3:], at, at[4:], tags, strict=False
            )
        ]


def _encoded(features: list[str]) -> _Row:
    return tuple(map(str.encode, features))


def _gazetteer_tags(units: Units, matches: Sequence[Match], g: Gazetteer) -> list[str]:
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


def _labels(units: Units, example: Example, layer: str) -> list[str]:
    labels = [OUTSIDE] * len(units)
    for span in _outermost([s for s in example.spans if s.layer == layer]):
        inside = span_units(units, span.start, span.end)
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
    words: dict[str, str]  # the code of each form seen in training (`_Features`)
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
        features = _Features(self.words, learn=False)
        ids = features.ids(units)
        tags = features.tags(_gazetteer_tags(units, matches, self.gazetteer))
        proposals: list[Proposal] = []
        for run in sequences(text, units):
            rows = features.rows(ids[run.start : run.stop], tags[run.start : run.stop])
            # converted to CRFsuite's form once for several layers (a copy is cheaper)
            items = rows if len(self.models) == 1 else pycrfsuite.ItemSequence(rows)
            for layer in self.models:
                proposals += self._decode(layer, units, run, items)
        proposals.sort()
        return proposals

    def _decode(
        self,
        layer: str,
        units: Units,
        run: range,
        items: list[list[bytes]] | pycrfsuite.ItemSequence,
    ) -> list[Proposal]:
        """The proposals of a layer's model in `run`, the units `items` describes."""
        tagger = self._tagger(layer)
        labels = tagger.tag(items)
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
            start, end = units.starts[run[i]], units.ends[run[j - 1]]
            found.append(Proposal(start, end, layer, label, round(score, 4), CRF))
            i = j
        return found


def train_crf(
    examples: Sequence[Example], vocabulary: Vocabulary, progress: Progress | None = None
) -> SequenceModel:
    """Train a model per layer that the examples hold spans of."""
    splitter = vocabulary.splitter()
    units = [splitter.units(example.text) for example in examples]
    gazetteer = train_gazetteer(examples, splitter, units=units, scored=False)
    halves = (
        train_gazetteer(examples[1::2], splitter, units=units[1::2], scored=False),
        train_gazetteer(examples[0::2], splitter, units=units[0::2], scored=False),
    )
    layers = [
        layer
        for layer in (ENTITY, EVENT)
        if any(s.layer == layer for e in examples for s in e.spans)
    ]
    words: dict[str, str] = {}
    features = _Features(words, learn=True)
    trainers = {
        layer: _Trainer(progress, f"sequence model: learning ({layer})") for layer in layers
    }
    for n, (example, example_units) in enumerate(zip(examples, units, strict=True)):
        if n % 100 == 0:
            report_progress(
                progress, n, len(examples), Message("sequence model: reading the examples")
            )
        other_half = halves[n % 2]
        ids = features.ids(example_units)
        matches = other_half.matches(example.text, example_units)
        tags = features.tags(_gazetteer_tags(example_units, matches, other_half))
        labels = {layer: _labels(example_units, example, layer) for layer in layers}
        for run in sequences(example.text, example_units):
            if _touches(example.excluded, example_units, run):
                continue
            at = slice(run.start, run.stop)
            rows = features.rows(ids[at], tags[at])
            # converted to CRFsuite's form once for several layers (a copy is cheaper)
            items = rows if len(layers) == 1 else pycrfsuite.ItemSequence(rows)
            for layer, trainer in trainers.items():
                trainer.append(items, labels[layer][at])
    models = {layer: _train(trainer) for layer, trainer in trainers.items()}
    return SequenceModel(vocabulary, gazetteer, models, words)


def _touches(excluded: Sequence[tuple[int, int]], units: Units, run: range) -> bool:
    start, end = units.starts[run[0]], units.ends[run[-1]]
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
