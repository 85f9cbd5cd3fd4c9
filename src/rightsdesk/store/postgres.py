"""PostgreSQL specifics: the psycopg 3 driver whatever the URL says; SQLite's concurrency.

The store's writers were written for SQLite, where a write transaction (BEGIN
IMMEDIATE) has the database to itself and a read transaction is one snapshot.
PostgreSQL gets the same two guarantees here:

- A write transaction first takes a transaction-level advisory lock, so writers
  follow one another. Under READ COMMITTED alone, an analyst's edit committed
  between the re-extraction choosing the machine facts to replace and deleting
  them was deleted with them, and the two could deadlock.
- A read transaction runs at REPEATABLE READ: one snapshot for the whole read.
  READ COMMITTED takes one per statement, so a case file read while an ingest
  committed listed events of a source it did not list. A transaction that only
  reads is never refused at this level.
"""

from __future__ import annotations

import sqlalchemy as sa
from psycopg.errors import LockNotAvailable

from rightsdesk.store.transactions import WRITE_WAIT_S, marked_for_writing, store_busy

DRIVER = "postgresql+psycopg"
WRITE_LOCK = 0x7264_7772_6974  # any fixed key; advisory locks are per database


def create_postgres_engine(url: sa.URL) -> sa.Engine:
    """Both `postgresql://` and `postgres://` go to psycopg 3; psycopg2 is not a dependency."""
    engine = sa.create_engine(url.set(drivername=DRIVER), pool_pre_ping=True)
    sa.event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: sa.Connection) -> None:
    if marked_for_writing(connection):
        # wait for the other writers at most as long as SQLite's writers do
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(WRITE_WAIT_S * 1000)}ms'")
        try:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        except sa.exc.OperationalError as error:
            if not isinstance(error.orig, LockNotAvailable):
                raise
            raise store_busy(WRITE_WAIT_S) from error
    else:
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
