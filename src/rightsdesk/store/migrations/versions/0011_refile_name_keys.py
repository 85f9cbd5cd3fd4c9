"""Refile every person under its name keys: given names now compare across their
Belarusian, Ukrainian and Russian forms ("Uladzimir" is "Vladimir") and "ia" after a
consonant folds as "ya" does ("Bialiatski"), so the keys of stored names changed.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rightsdesk.store import name_index, schema

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.delete(schema.person_name_keys))
    conn.execute(sa.delete(schema.surname_keys))
    name_index.file_everyone(conn)


def downgrade() -> None:
    """The keys of the older rules are not kept; refiling under them needs the older code."""
