"""tests/core/test_formats_tsv3.py on a team project (see conftest.py): a tokenised import
keeps its token layer on the server and exports give the tokens back."""

from tests.core.test_formats_tsv3 import *  # noqa: F403
