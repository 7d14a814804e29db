"""Turn a rough selection into the span an annotator means."""

from __future__ import annotations

from core.text.clitics import analyze, is_clitic_only
from core.text.tokens import Token, tokens_overlapping


def snap_selection(
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    clitic_rule: str = "standard",
    known: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """Grow [start, end) to whole tokens, then drop a leading proclitic.

    Returns None when the selection holds no token (only whitespace).
    A leading token that is only a clitic ("لـ" in "لـMeta") is dropped when
    the selection goes on past it.
    """
    inside = tokens_overlapping(tokens, min(start, end), max(start, end))
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    snapped_start = first.start
    if clitic_rule != "none":
        if len(inside) > 1 and is_clitic_only(first.text) and inside[1].start == first.end:
            first = inside[1]
            snapped_start = first.start
        if first.kind == "arabic":
            split = analyze(text, first.start, first.end, clitic_rule, known)
            snapped_start = split.stem_start
    return snapped_start, last.end
