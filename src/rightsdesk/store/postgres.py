"""PostgreSQL specifics: the psycopg 3 driver whatever the URL says."""

from __future__ import annotations

import sqlalchemy as sa

DRIVER = "postgresql+psycopg"


def create_postgres_engine(url: sa.URL) -> sa.Engine:
    """Both `postgresql://` and `postgres://` go to psycopg 3; psycopg2 is not a dependency."""
    return sa.create_engine(url.set(drivername=DRIVER), pool_pre_ping=True)
