"""Input checks that the span (spans.py) and unit (unitizing.py) measures share."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["is_int", "listed"]


def is_int(value: object) -> bool:
    """An int offset (True and False are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def listed(values: Iterable[object] | None, message: str) -> list[object]:
    """``values`` as a list; None, a string or anything not iterable is refused
    (``ValueError`` with ``message``)."""
    if values is None or isinstance(values, (str, bytes)):
        raise ValueError(message)
    try:
        return list(values)
    except TypeError:
        raise ValueError(message) from None
