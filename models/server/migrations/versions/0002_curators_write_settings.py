"""Team project schema 2: curators change the team's settings that the application lets
curators change (which recommenders run, what they learn from); everyone reads every
setting, and nobody but the owner changes the others (the schema's revision, the name).

The team role is granted INSERT and UPDATE on `setting` (models.server.security); this
policy limits them to curators and to these keys.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CURATOR_KEYS = "('recommenders')"
_WHO = f"(SELECT tawsim_is_curator()) AND key IN {_CURATOR_KEYS}"


def upgrade() -> None:
    op.execute(f"CREATE POLICY setting_write ON setting FOR ALL USING ({_WHO}) WITH CHECK ({_WHO})")


def downgrade() -> None:
    op.execute("DROP POLICY setting_write ON setting")
