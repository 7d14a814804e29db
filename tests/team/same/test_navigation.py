"""tests/core/test_navigation.py on a team project (see conftest.py)."""

from tests.core.test_navigation import *  # noqa: F403
