import gc
import weakref

from core.collector import settle_memory


class _Node:
    pass


def test_settling_again_collects_what_died_since_the_last_settle():
    """Settled objects are out of the collector's walks; a cycle that dies after one
    settle is collected by the next (a window settles after each large result: without
    the thaw, every old report with a cycle would stay for good)."""
    node = _Node()
    node.itself = node
    alive = weakref.ref(node)
    try:
        settle_memory()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert alive() is not None  # frozen: the collector does not look at it
        settle_memory()
        assert alive() is None
    finally:
        gc.unfreeze()
