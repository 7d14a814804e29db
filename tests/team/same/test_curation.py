"""tests/core/test_curation.py on a team project (see conftest.py)."""

from tests.core.test_curation import *  # noqa: F403
