"""SQLite specifics: WAL so readers never wait for the ingest, real foreign keys.

pysqlite opens transactions lazily and never for reads, so the engine takes
over: every transaction starts with an explicit BEGIN, and writes with
BEGIN IMMEDIATE, which takes the write lock up front instead of failing halfway
through a document when another writer got there first.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from rightsdesk.store.transactions import WRITE_WAIT_S, marked_for_writing, store_busy

BUSY_TIMEOUT_MS = 30_000  # an ingest commits per document; half a minute is generous
WRITE_RETRY_S = 0.001  # how often a waiting writer tries for the write lock
# The web desk answers from a pool of 40 threads; with SQLAlchemy's default 5 + 10
# connections they queued for one and reopened (and re-configured) them all the time.
POOL_SIZE = 20
POOL_OVERFLOW = 40


def create_sqlite_engine(url: sa.URL) -> sa.Engine:
    """An engine whose connections have WAL, foreign keys and a busy timeout."""
    in_memory = url.database in (None, "", ":memory:")
    engine = sa.create_engine(url, **_pool_arguments(in_memory))
    sa.event.listen(engine, "connect", _configure_connection(in_memory))
    sa.event.listen(engine, "begin", _begin)
    return engine


def _pool_arguments(in_memory: bool) -> dict[str, Any]:
    """An in-memory database exists once per connection: share one across the engine."""
    if in_memory:
        return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    return {
        "pool_size": POOL_SIZE,
        "max_overflow": POOL_OVERFLOW,
        "connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000},
    }


def _configure_connection(in_memory: bool) -> Any:
    def configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun by `_begin`
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not in_memory:
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            dbapi_connection.execute("PRAGMA synchronous = NORMAL")

    return configure


def _begin(connection: sa.Connection) -> None:
    if marked_for_writing(connection):
        take_write_lock(connection.connection.dbapi_connection)
    else:
        connection.exec_driver_sql("BEGIN")


def take_write_lock(raw: sqlite3.Connection, timeout_ms: float = WRITE_WAIT_S * 1000) -> None:
    """BEGIN IMMEDIATE, tried every millisecond until `timeout_ms`.

    SQLite's own busy handler sleeps longer and longer between tries (up to 100 ms),
    while an ingest begins its next document within a millisecond of each commit: an
    analyst's decision waited up to 2.3 s behind transactions of 7 ms. Trying often
    gives every writer its turn.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error):
                    raise
                if time.monotonic() >= deadline:
                    raise store_busy(timeout_ms / 1000) from error
                time.sleep(WRITE_RETRY_S)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def integrity_problems(connection: sa.Connection) -> list[str]:
    """SQLite's own page-level check and its foreign key check, as readable lines."""
    problems = [
        row[0]
        for row in connection.exec_driver_sql("PRAGMA integrity_check").all()
        if row[0] != "ok"
    ]
    for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} points to a missing {parent} row")
    return problems
