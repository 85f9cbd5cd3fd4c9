"""The name index: persons filed under keys of their names (surname, first initial, first
given name), and the filed surnames by band, so resolution asks the store for the people a
batch could match instead of reading everyone. Existing persons are filed from their names
and aliases.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rightsdesk.store import name_index

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_name_keys",
        sa.Column("surname", sa.Text, primary_key=True),
        sa.Column("initial", sa.String(1), primary_key=True),
        sa.Column("given", sa.Text, primary_key=True),
        sa.Column("person_id", sa.String(200),
                  sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_person_name_keys_person", "person_name_keys", ["person_id"])
    op.create_table(
        "surname_keys",
        sa.Column("surname", sa.Text, primary_key=True),
        sa.Column("band", sa.String(12), nullable=False),
    )
    op.create_index("ix_surname_keys_band", "surname_keys", ["band", "surname"])
    name_index.file_everyone(op.get_bind())


def downgrade() -> None:
    op.drop_table("surname_keys")
    op.drop_table("person_name_keys")
