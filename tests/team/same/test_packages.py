"""tests/core/test_packages.py on a team project (see conftest.py): packages taken from a
server project, and merged back into it (what `server push` does)."""

from tests.core.test_packages import *  # noqa: F403

# it ends by writing a package over the project's own file: a server project has none
del test_package_refuses_to_overwrite_unless_asked_and_can_carry_own_sets  # noqa: F821
