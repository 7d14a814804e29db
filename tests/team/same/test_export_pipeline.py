"""tests/core/test_export_pipeline.py on a team project (see conftest.py)."""

from tests.core.test_export_pipeline import *  # noqa: F403
