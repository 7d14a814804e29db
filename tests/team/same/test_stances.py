"""tests/core/test_stances.py on a team project (see conftest.py)."""

from tests.core.test_stances import *  # noqa: F403
