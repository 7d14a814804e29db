"""tests/core/test_formats_import.py on a team project (see conftest.py)."""

from tests.core.test_formats_import import *  # noqa: F403
