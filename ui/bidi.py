"""Numbers and text placed among words of the other direction, shown as they are.

Offsets such as "614–623" inside a right-to-left row would be reordered by the bidi
algorithm into "623–614"; text of a document inside a left-to-right row would take
its neighbours' direction. Isolating them (Unicode's LRI/FSI ... PDI) keeps each as
it is wherever it is shown.
"""

from __future__ import annotations

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def offsets(start: int, end: int, *, brackets: bool = False) -> str:
    """ "start–end", always read low to high."""
    shown = f"{start}–{end}"
    return f"{LRI}[{shown}]{PDI}" if brackets else f"{LRI}{shown}{PDI}"


def isolated(text: str) -> str:
    """`text` in its own direction, whatever surrounds it."""
    return f"{FSI}{text}{PDI}"


def unbroken(text: str) -> str:
    """`text` isolated and kept on one line: an interval "[0.816, 0.875]" broken across
    lines of a right-to-left paragraph would read backwards."""
    return isolated(text.replace(" ", "\u00a0"))
