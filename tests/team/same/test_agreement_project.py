"""tests/core/test_agreement_project.py on a team project (see conftest.py)."""

from tests.core.test_agreement_project import *  # noqa: F403
