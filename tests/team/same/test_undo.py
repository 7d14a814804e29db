"""tests/core/test_undo.py on a team project (see conftest.py)."""

from tests.core.test_undo import *  # noqa: F403
