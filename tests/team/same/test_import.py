"""tests/core/test_import.py on a team project (see conftest.py)."""

from tests.core.test_import import *  # noqa: F403

# two processes writing one project *file*: a server has no file (and its writers are
# tested by tests/team/test_load.py)
del test_two_processes_importing_overlapping_files_both_succeed  # noqa: F821 (brought in by the * import)
