"""Entities as token tags (IOB2), both ways, for CoNLL and Hugging Face.

Writing: tokens and sentences come from core.text.tokens. With clitics
"split", a token is cut at every entity boundary inside it, so "لميتا" with
the entity "ميتا" becomes "ل" (O) and "ميتا" (B-ORG) and every span survives
exactly; with "keep", tokens stay whole and an entity covers every token it
touches (the clitic is tagged with it, as in Wojood and ANERcorp). Nested or
overlapping entities go to extra tag columns ("layers"): an entity takes the
first column free over its tokens, outer entities first. A sentence break
never falls inside an entity (the sentences are joined instead).

Reading: one sentence at a time; a column does not have to hold the same
layer on every line (Wojood's files do not), so an I- tag continues the open
entity of its type in the same column, else the earliest-opened one of its
type. B-/I- (IOB2) and also S-/E- (IOBES) and U-/L- (BILOU) are understood; an
I- tag with nothing open starts an entity (counted as a warning).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from core.io.dataset import DocumentRecord, Entity
from core.text.tokens import sentences, tokenize

OUTSIDE = "O"
_TAG_RE = re.compile(r"^([BIESLU])-(\S+)$")


@dataclass(frozen=True, slots=True)
class TaggedToken:
    text: str
    start: int
    end: int
    tags: tuple[str, ...]  # one per layer


@dataclass
class TaggedDocument:
    sentences: list[list[TaggedToken]]
    layers: int
    left_out: Counter[str]


def _split_tokens(text: str, entities: Sequence[Entity]) -> list[tuple[int, int]]:
    bounds = sorted({e.start for e in entities} | {e.end for e in entities})
    pieces = []
    for token in tokenize(text):
        cut = token.start
        i = bisect_right(bounds, token.start)
        while i < len(bounds) and bounds[i] < token.end:
            pieces.append((cut, bounds[i]))
            cut = bounds[i]
            i += 1
        pieces.append((cut, token.end))
    return pieces


def tag_document(
    record: DocumentRecord, clitics: str = "split", drop_excluded: bool = False
) -> TaggedDocument:
    text = record.text
    left_out: Counter[str] = Counter()
    if clitics == "split":
        pieces = _split_tokens(text, record.entities)
    else:
        pieces = [(t.start, t.end) for t in tokenize(text)]
    starts = [p[0] for p in pieces]
    ends = [p[1] for p in pieces]
    placed, layers = _layered(_token_ranges(record, starts, ends, left_out))
    tags = [[OUTSIDE] * layers for _ in pieces]
    for first, last, label, layer in placed:
        tags[first][layer] = f"B-{label}"
        for k in range(first + 1, last + 1):
            tags[k][layer] = f"I-{label}"
    breaks = _sentence_breaks(text, starts, placed)
    mask = _ExcludedMask(record) if drop_excluded else None
    result: list[list[TaggedToken]] = []
    current: list[TaggedToken] = []

    def flush() -> None:
        if not current:
            return
        if mask and mask.overlaps(current[0].start, current[-1].end):
            left_out["sentences touching excluded text"] += 1
            entities = sum(tag.startswith("B-") for token in current for tag in token.tags)
            if entities:
                left_out["entities in sentences left out with excluded text"] += entities
        else:
            result.append(list(current))
        current.clear()

    for k, (start, end) in enumerate(pieces):
        if k in breaks:
            flush()
        current.append(TaggedToken(text[start:end], start, end, tuple(tags[k])))
    flush()
    return TaggedDocument(result, layers, left_out)


def _token_ranges(
    record: DocumentRecord, starts: list[int], ends: list[int], left_out: Counter[str]
) -> list[tuple[int, int, str]]:
    """Entities as (first token, last token, label), without duplicates."""
    ranges: dict[tuple[int, int, str], None] = {}
    for entity in record.entities:
        first = bisect_right(ends, entity.start)  # first token ending after the start
        last = bisect_left(starts, entity.end) - 1  # last token starting before the end
        if first > last:
            left_out["entities covering no token (only spaces)"] += 1
            continue
        key = (first, last, entity.label)
        if key in ranges:
            left_out["entities identical to another once rounded to whole tokens"] += 1
            continue
        ranges[key] = None
    return list(ranges)


def _layered(
    ranges: list[tuple[int, int, str]],
) -> tuple[list[tuple[int, int, str, int]], int]:
    """Outer entities first, each in the first tag column free over its tokens; returns
    (first, last, label, column) and the number of columns (at least one)."""
    layer_end: list[int] = []
    placed: list[tuple[int, int, str, int]] = []
    for first, last, label in sorted(ranges, key=lambda r: (r[0], -r[1], r[2])):
        for layer, end in enumerate(layer_end):
            if end < first:
                layer_end[layer] = last
                break
        else:
            layer = len(layer_end)
            layer_end.append(last)
        placed.append((first, last, label, layer))
    return placed, max(1, len(layer_end))


def _sentence_breaks(
    text: str, starts: list[int], placed: list[tuple[int, int, str, int]]
) -> set[int]:
    """Tokens that begin a sentence, but where an entity crosses the break (the two
    sentences are then one)."""
    no_break = [0] * (len(starts) + 1)
    for first, last, _, _ in placed:
        no_break[first + 1] += 1
        no_break[last + 1] -= 1
    inside = 0
    covered = []
    for k in range(len(starts) + 1):
        inside += no_break[k]
        covered.append(inside > 0)  # a break before token k would cut an entity
    breaks = set()
    for sentence in sentences(text)[1:]:
        k = bisect_left(starts, sentence.start)
        if k < len(starts) and not covered[k]:
            breaks.add(k)
    return breaks


class _ExcludedMask:
    def __init__(self, record: DocumentRecord):
        self.ranges = [(r.start, r.end) for r in record.excluded]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.ranges)


# --- reading -------------------------------------------------------------------------------


class TagError(ValueError):
    pass


def parse_tag(tag: str) -> tuple[str, str] | None:
    """("B", "ORG") for "B-ORG", None for "O"; TagError otherwise."""
    if tag == OUTSIDE:
        return None
    m = _TAG_RE.match(tag)
    if not m:
        raise TagError(f"{tag!r} is not a tag (expected O, B-TYPE or I-TYPE)")
    return m.group(1), m.group(2)


@dataclass(eq=False)
class _Open:
    label: str
    column: int
    first: int
    last: int


def entities_from_tags(
    sentence_tags: Sequence[Sequence[Sequence[tuple[str, str] | None]]],
) -> tuple[list[list[tuple[int, int, str]]], int]:
    """Per sentence, the entities (first token, last token, label) its tag columns spell.

    `sentence_tags[s][t][c]` is the parsed tag of token t, column c. Returns the
    entities per sentence and how many I- tags had nothing open to continue.
    """
    result = []
    orphans = 0
    for tags_of_tokens in sentence_tags:
        found: list[tuple[int, int, str]] = []
        open_: list[_Open] = []
        for t, columns in enumerate(tags_of_tokens):
            continued: list[_Open] = []
            starting: list[tuple[int, str, str]] = []
            closing_after: list[_Open] = []
            continuing = [
                (c, kind, label)
                for c, tag in enumerate(columns)
                if tag is not None
                for kind, label in [tag]
                if kind in "IEL"
            ]
            # same column first, then the earliest-opened entity of the type
            pending = []
            for c, kind, label in continuing:
                match = next(
                    (o for o in open_ if o.label == label and o.column == c and o not in continued),
                    None,
                )
                if match is None:
                    pending.append((c, kind, label))
                else:
                    continued.append(match)
                    if kind in "EL":
                        closing_after.append(match)
            for c, kind, label in pending:
                match = next(
                    (o for o in open_ if o.label == label and o not in continued),
                    None,
                )
                if match is None:
                    orphans += 1
                    starting.append((c, "S" if kind in "EL" else "B", label))
                else:
                    continued.append(match)
                    if kind in "EL":
                        closing_after.append(match)
            for c, tag in enumerate(columns):
                if tag is not None and tag[0] in "BSU":
                    starting.append((c, tag[0], tag[1]))
            for o in open_:
                if o not in continued:
                    found.append((o.first, o.last, o.label))
            open_ = []
            for o in continued:
                o.last = t
                if o in closing_after:
                    found.append((o.first, o.last, o.label))
                else:
                    open_.append(o)
            for c, kind, label in starting:
                if kind in "SU":
                    found.append((t, t, label))
                else:
                    open_.append(_Open(label, c, t, t))
        found.extend((o.first, o.last, o.label) for o in open_)
        found.sort(key=lambda f: (f[0], -f[1], f[2]))
        result.append(found)
    return result, orphans


def rebuild_text(
    sentence_tokens: Sequence[Sequence[str]],
) -> tuple[str, list[list[tuple[int, int]]]]:
    """Tokens joined by single spaces, sentences by line breaks; and each token's offsets."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    for s, tokens in enumerate(sentence_tokens):
        if s:
            parts.append("\n")
            position += 1
        row = []
        for t, token in enumerate(tokens):
            if t:
                parts.append(" ")
                position += 1
            parts.append(token)
            row.append((position, position + len(token)))
            position += len(token)
        offsets.append(row)
    return "".join(parts), offsets


__all__ = [
    "OUTSIDE",
    "TagError",
    "TaggedDocument",
    "TaggedToken",
    "entities_from_tags",
    "parse_tag",
    "rebuild_text",
    "tag_document",
]
