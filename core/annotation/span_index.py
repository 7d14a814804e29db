"""An interval index over a document's spans: which spans overlap [a, b)?

The editor asks this for every paragraph it paints and for every mouse
position, so it must not scan all spans. The text is cut into buckets of
`bucket` code points; a span is listed in every bucket it touches, so a query
looks only at the buckets it covers. A list sorted by (start, end, key) keeps
reading order for "next span" and for listing. Adding or removing a span
touches only its own buckets (plus one insertion into the sorted list).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

DEFAULT_BUCKET = 256


class SpanIndex(Generic[K]):
    def __init__(self, spans: Iterable[tuple[K, int, int]] = (), bucket: int = DEFAULT_BUCKET):
        if bucket < 1:
            raise ValueError("bucket size must be positive")
        self._bucket = bucket
        self._spans: dict[K, tuple[int, int]] = {}
        self._buckets: dict[int, list[K]] = {}
        self._order: list[tuple[int, int, K]] = []
        items = list(spans)
        for key, start, end in items:
            self._check(key, start, end)
            self._spans[key] = (start, end)
            self._register(key, start, end)
        self._order = sorted((start, end, key) for key, start, end in items)

    # --- changes -------------------------------------------------------------

    def add(self, key: K, start: int, end: int) -> None:
        self._check(key, start, end)
        self._spans[key] = (start, end)
        self._register(key, start, end)
        insort(self._order, (start, end, key))

    def remove(self, key: K) -> tuple[int, int]:
        start, end = self._spans.pop(key)
        for b in range(start // self._bucket, (end - 1) // self._bucket + 1):
            members = self._buckets[b]
            members.remove(key)
            if not members:
                del self._buckets[b]
        i = bisect_left(self._order, (start, end, key))
        del self._order[i]
        return start, end

    def _check(self, key: K, start: int, end: int) -> None:
        if key in self._spans:
            raise KeyError(f"span {key!r} is already indexed")
        if not 0 <= start < end:
            raise ValueError(f"span {key!r}: expected 0 <= start < end, got {start}-{end}")

    def _register(self, key: K, start: int, end: int) -> None:
        for b in range(start // self._bucket, (end - 1) // self._bucket + 1):
            self._buckets.setdefault(b, []).append(key)

    # --- queries -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def __iter__(self) -> Iterator[K]:
        """Keys in reading order: by start, then end, then key."""
        return (key for _, _, key in self._order)

    def span(self, key: K) -> tuple[int, int]:
        return self._spans[key]

    def overlapping(self, start: int, end: int) -> list[K]:
        """Keys of spans sharing at least one character with [start, end), in reading order.

        An empty range [p, p) returns the spans containing position p.
        """
        if end <= start:
            return self.at(start)
        found: set[K] = set()
        spans = self._spans
        for b in range(start // self._bucket, (end - 1) // self._bucket + 1):
            for key in self._buckets.get(b, ()):
                s, e = spans[key]
                if s < end and e > start:
                    found.add(key)
        return sorted(found, key=self._sort_key)

    def at(self, position: int) -> list[K]:
        """Keys of spans containing the character at `position`."""
        spans = self._spans
        found = [
            key
            for key in self._buckets.get(position // self._bucket, ())
            if spans[key][0] <= position < spans[key][1]
        ]
        return sorted(found, key=self._sort_key)

    def next_after(self, position: int) -> K | None:
        """The first span starting after `position` (reading order), if any."""
        i = bisect_right(self._order, (position, float("inf")))
        return self._order[i][2] if i < len(self._order) else None

    def previous_before(self, position: int) -> K | None:
        """The last span starting before `position`, if any."""
        i = bisect_left(self._order, (position,)) - 1
        return self._order[i][2] if i >= 0 else None

    def _sort_key(self, key: K) -> tuple[int, int, K]:
        start, end = self._spans[key]
        return (start, end, key)
