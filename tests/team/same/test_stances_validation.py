"""tests/core/test_stances_validation.py on a team project (see conftest.py)."""

from tests.core.test_stances_validation import *  # noqa: F403
