"""tests/core/test_excluded.py on a team project (see conftest.py)."""

from tests.core.test_excluded import *  # noqa: F403
