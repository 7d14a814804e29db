"""Long work: one progress callback type and one way to cancel.

Core functions that take long accept `progress(done, total, label) -> keep_going`, a
plain callable (the UI passes one that feeds a progress dialog, the command line one
that draws on the terminal). When it returns False the work stops by raising
`Cancelled` through `report_progress`; a transaction in progress is rolled back and a
file being written is discarded. Work that commits as it goes (a large document
import, in batches) says what it kept in `Cancelled.partial`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Progress = Callable[[int, int, str], bool]


class Cancelled(Exception):
    """Long work was cancelled; the message says what became of it. `partial` is the
    report of what was done and kept before the cancel, or None when nothing was."""

    def __init__(self, message: str = "cancelled", partial: Any = None):
        super().__init__(message)
        self.partial = partial


def report_progress(progress: Progress | None, done: int, total: int, label: str = "") -> None:
    """Tell `progress` how far the work is; raise Cancelled when it asks to stop."""
    if progress is not None and not progress(done, total, label):
        raise Cancelled()


def within(progress: Progress | None, start: int, end: int, total: int) -> Progress | None:
    """The callback for one part of long work: the part's own (done, total) reported as
    steps `start` to `end` of the whole's `total` (a cancel still cancels the whole)."""
    if progress is None:
        return None
    outer = progress

    def part(done: int, part_total: int, label: str) -> bool:
        step = start + (end - start) * min(done, part_total) // part_total if part_total else start
        return outer(step, total, label)

    return part
