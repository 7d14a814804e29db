"""tests/core/test_events.py on a team project (see conftest.py)."""

from tests.core.test_events import *  # noqa: F403
