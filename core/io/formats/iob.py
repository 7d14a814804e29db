"""Entities as token tags (IOB2), both ways, for CoNLL and Hugging Face.

Writing: tokens and sentences are the document's own when a tokenised file
gave them (core.documents.token_layer), else core.text.tokens'. With clitics
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from core.io.dataset import DocumentRecord, Entity
from core.text.tokens import sentence_starts, token_bounds
from models.messages import Message

OUTSIDE = "O"
_TAG_RE = re.compile(r"^([BIESLU])-(\S+)$")


@dataclass
class TaggedDocument:
    """One record's tokens with their tags, as parallel lists (no object per token: a
    corpus holds millions of them)."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    columns: list[list[str]]  # tag columns, outermost entities first; each one per token
    entities: list[tuple[int, int, str, int]]  # (first token, last token, label, column)
    sentences: list[tuple[int, int]]  # the sentences written: [first token, end token)
    left_out: Counter[str]
    own_tokens: bool  # the document's own tokens, which may leave characters out

    @property
    def layers(self) -> int:
        return len(self.columns)

    @property
    def sentence_firsts(self) -> set[int]:
        return {first for first, _ in self.sentences}


def base_tokens(record: DocumentRecord) -> tuple[list[str], list[int], list[int]]:
    """The record's tokens (texts, starts, ends): the document's own, else Tawsim's."""
    if record.tokens is None:
        return token_bounds(record.text)
    text, starts, ends = record.text, record.tokens.starts, record.tokens.ends
    return [text[s:e] for s, e in zip(starts, ends, strict=True)], list(starts), list(ends)


def _cut_at_entities(
    text: str, tokens: tuple[list[str], list[int], list[int]], entities: Sequence[Entity]
) -> tuple[list[str], list[int], list[int]]:
    """Tokens cut at every entity boundary that falls inside one."""
    texts, starts, ends = tokens
    cuts: dict[int, list[int]] = {}
    # a bound on a token's edge cuts nothing: each bound is looked up (a document's tokens
    # are far more than its entities' bounds)
    for bound in sorted({e.start for e in entities} | {e.end for e in entities}):
        k = bisect_right(starts, bound) - 1
        if k >= 0 and starts[k] < bound < ends[k]:
            cuts.setdefault(k, []).append(bound)
    for k in sorted(cuts, reverse=True):
        new_starts = [starts[k], *cuts[k]]
        new_ends = [*cuts[k], ends[k]]
        starts[k : k + 1] = new_starts
        ends[k : k + 1] = new_ends
        texts[k : k + 1] = [text[a:b] for a, b in zip(new_starts, new_ends, strict=True)]
    return texts, starts, ends


def tag_document(
    record: DocumentRecord, clitics: str = "split", drop_excluded: bool = False
) -> TaggedDocument:
    text = record.text
    left_out: Counter[str] = Counter()
    tokens = base_tokens(record)
    if clitics == "split" and record.entities:
        tokens = _cut_at_entities(text, tokens, record.entities)
    texts, starts, ends = tokens
    placed, layers = _layered(_token_ranges(record, starts, ends, left_out))
    columns = [[OUTSIDE] * len(texts) for _ in range(layers)]
    for first, last, label, layer in placed:
        column = columns[layer]
        column[first] = f"B-{label}"
        if last > first:
            column[first + 1 : last + 1] = [f"I-{label}"] * (last - first)
    firsts = _sentence_firsts(record, starts, placed)
    bounds = [*firsts, len(texts)]
    sentences = list(pairwise(bounds))
    if drop_excluded and record.excluded:
        sentences = _without_excluded(record, sentences, starts, ends, columns, left_out)
    return TaggedDocument(
        texts, starts, ends, columns, placed, sentences, left_out, record.tokens is not None
    )


def _sentence_firsts(
    record: DocumentRecord, starts: list[int], placed: list[tuple[int, int, str, int]]
) -> list[int]:
    """Tokens that begin a sentence (the document's own sentences, else Tawsim's), but
    where an entity crosses the break (the two sentences are then one)."""
    if not starts:
        return []
    if record.tokens is not None:
        firsts = sorted({bisect_left(starts, s) for s in record.tokens.sentence_starts} | {0})
        firsts = [k for k in firsts if k < len(starts)]
    else:
        firsts = sentence_starts(record.text, starts)
    if not placed:
        return firsts
    inside = sorted((first + 1, last) for first, last, _, _ in placed if last > first)
    merged: list[list[int]] = []
    for low, high in inside:  # breaks before tokens low..high would cut an entity
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    lows = [m[0] for m in merged]
    kept = []
    for k in firsts:
        i = bisect_right(lows, k) - 1
        if i < 0 or k > merged[i][1]:
            kept.append(k)
    return kept


def _without_excluded(
    record: DocumentRecord,
    sentences: list[tuple[int, int]],
    starts: list[int],
    ends: list[int],
    columns: list[list[str]],
    left_out: Counter[str],
) -> list[tuple[int, int]]:
    ranges = [(r.start, r.end) for r in record.excluded]
    kept = []
    for first, end in sentences:
        low, high = starts[first], ends[end - 1]
        if any(s < high and low < e for s, e in ranges):
            left_out[Message("sentences touching excluded text")] += 1
            entities = sum(tag.startswith("B-") for column in columns for tag in column[first:end])
            if entities:
                left_out[Message("entities in sentences left out with excluded text")] += entities
        else:
            kept.append((first, end))
    return kept


class TagStrings(dict[Any, str]):
    """Tags (a key of `tag_keys`) -> the string `render` makes of them, each combination
    rendered on first use (a document has a few dozen)."""

    def __init__(self, render: Callable[[tuple[str, ...]], str], columns: Sequence[Sequence[str]]):
        super().__init__()
        self.render = render
        self.single = len(columns) == 1

    def __missing__(self, tags: Any) -> str:
        value = self[tags] = self.render((tags,) if self.single else tags)
        return value


def tag_keys(columns: Sequence[Sequence[str]]) -> Sequence[Any]:
    """Each token's tags as a key of TagStrings: the tag itself with one column (no tuple
    per token), else the tuple of its columns' tags."""
    return columns[0] if len(columns) == 1 else list(zip(*columns, strict=True))


def rendered_tags(
    columns: Sequence[Sequence[str]], render: Callable[[tuple[str, ...]], str]
) -> list[str]:
    """Per token, `render` of its tags (one per column): rendered once per combination,
    then one C-level dict look-up per token, so a format builds its tag columns without
    a Python step per token."""
    return list(map(TagStrings(render, columns).__getitem__, tag_keys(columns)))


def interleaved(parts: Sequence[Sequence[str]], tagged: TaggedDocument) -> str:
    """The strings of parallel per-token lists joined token by token (parts[0][0],
    parts[1][0]... parts[0][1]...) over the sentences kept: whole lines of a token file
    built by C-level slicing, with no string made per token."""
    total = len(tagged.texts)
    kept = tagged.sentences
    if sum(b - a for a, b in kept) == total:
        return joined_across(parts)
    return "".join(joined_across([part[first:end] for part in parts]) for first, end in kept)


def joined_across(parts: Sequence[Sequence[str]]) -> str:
    """Parallel lists of strings joined item by item: parts[0][0], parts[1][0]...
    parts[0][1]... (by slice assignment and one join, no Python step per item)."""
    width = len(parts)
    out: list[str] = [""] * (width * len(parts[0]))
    for i, part in enumerate(parts):
        out[i::width] = part
    return "".join(out)


def _token_ranges(
    record: DocumentRecord, starts: list[int], ends: list[int], left_out: Counter[str]
) -> list[tuple[int, int, str]]:
    """Entities as (first token, last token, label), without duplicates."""
    ranges: dict[tuple[int, int, str], None] = {}
    for entity in record.entities:
        first = bisect_right(ends, entity.start)  # first token ending after the start
        last = bisect_left(starts, entity.end) - 1  # last token starting before the end
        if first > last:
            left_out[Message("entities covering no token (only spaces)")] += 1
            continue
        key = (first, last, entity.label)
        if key in ranges:
            left_out[Message("entities identical to another once rounded to whole tokens")] += 1
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
    for first, negative_last, label in sorted([(f, -last, lab) for f, last, lab in ranges]):
        last = -negative_last
        layer = 0
        for end in layer_end:
            if end < first:
                break
            layer += 1
        if layer == len(layer_end):
            layer_end.append(last)
        else:
            layer_end[layer] = last
        placed.append((first, last, label, layer))
    return placed, max(1, len(layer_end))


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
    gaps: Sequence[Sequence[str | None]] | None = None,
) -> tuple[str, list[list[tuple[int, int]]]]:
    """Tokens joined by single spaces, sentences by line breaks, unless `gaps[s][t]` gives
    the text after token t of sentence s; and each token's offsets."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    after: str | None = None
    for s, tokens in enumerate(sentence_tokens):
        row = []
        for t, token in enumerate(tokens):
            if s or t:
                between = after if after is not None else (" " if t else "\n")
                parts.append(between)
                position += len(between)
            parts.append(token)
            row.append((position, position + len(token)))
            position += len(token)
            after = gaps[s][t] if gaps is not None else None
        offsets.append(row)
    return "".join(parts), offsets


__all__ = [
    "OUTSIDE",
    "TagError",
    "TagStrings",
    "TaggedDocument",
    "base_tokens",
    "entities_from_tags",
    "interleaved",
    "joined_across",
    "parse_tag",
    "rebuild_text",
    "rendered_tags",
    "tag_document",
    "tag_keys",
]
