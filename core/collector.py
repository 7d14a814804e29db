"""The cyclic garbage collector: paused for bulk work, settled after it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    The collector would otherwise walk every live container again and again as
    they are allocated, which costs more than the building itself; data that holds
    no reference cycles loses nothing by waiting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle_memory() -> None:
    """Collect, then move everything alive into the collector's permanent generation, so
    that later work does not make the collector walk all of it again: for a window once
    it is up, and when large results have just been shown (an agreement report, the
    search index). Opening a document of ten thousand spans walked the whole Qt/Python
    object graph again and again; after an agreement over 10,000 documents, the next
    click took a full walk of 0.4 s. What was frozen before is thawed first, so what
    died since is collected."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
