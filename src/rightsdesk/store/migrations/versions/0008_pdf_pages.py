"""PDF pages: a source keeps its page map, and each fact the page its evidence is on.

`sources.pages` holds the page map as `[[start, page], ...]` (see `model.PageSpan`),
so a PDF read again keeps its pages; `evidence_page` is the page a fact's sentence
starts on, for the desk and for briefs to cite. Both are null for unpaged sources
and for every row stored before this revision.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FACT_TABLES = ("events", "statements", "occasions")


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("pages", sa.JSON))
    for table in FACT_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("evidence_page", sa.Integer))


def downgrade() -> None:
    for table in FACT_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("evidence_page")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("pages")
