"""tests/core/test_formats_roundtrip.py on a team project (see conftest.py): exports of a
server's gold come back, and imports trim spans' edge whitespace there too."""

from tests.core.test_formats_roundtrip import *  # noqa: F403

# its projects are files built once for many generated cases (the round trip itself is
# the same code as the tests kept here)
del test_random_spans_survive_the_round_trip  # noqa: F821
