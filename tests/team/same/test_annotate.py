"""tests/core/test_annotate.py on a team project (see conftest.py)."""

from tests.core.test_annotate import *  # noqa: F403
