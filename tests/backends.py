"""Both store backends for the web and CLI suites: SQLite files and PostgreSQL databases.

Set RIGHTSDESK_TEST_PG to a server URL (`scripts/pg-test-cluster` prints one) and
every test that takes a `BACKENDS`-parametrised fixture also runs on PostgreSQL,
each in a database of its own, created for it and dropped afterwards; without
the variable the `pg` cases are skipped. A database made from a template is a
file copy on the server, so a migrated (or filled) database is copied instead of
being rebuilt.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

PG_ENV = "RIGHTSDESK_TEST_PG"
BACKENDS = ["sqlite", pytest.param("pg", marks=pytest.mark.pg)]
DATABASE_PREFIX = "rightsdesk_t_"


@cache
def _server() -> sa.Engine:
    """An engine on the server's maintenance database, outside any transaction."""
    url = sa.make_url(_server_url()).set(drivername="postgresql+psycopg", database="postgres")
    return sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _server_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run this test there")
    return url


def create_database(template: str | None = None) -> str:
    """A new, empty (or template-copied) database; returns its URL."""
    name = f"{DATABASE_PREFIX}{uuid.uuid4().hex[:12]}"
    copy = f" TEMPLATE {sa.make_url(template).database}" if template else ""
    with _server().connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}{copy}")
    return _server().url.set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """FORCE ends connections a failed test left open."""
    name = sa.make_url(url).database
    assert name and name.startswith(DATABASE_PREFIX), name
    with _server().connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def fresh_store_url(backend: str, folder: Path, *, template: str | None = None) -> Iterator[str]:
    """A store location of its own: a file in `folder`, or a database dropped afterwards."""
    if backend == "sqlite":
        yield str(folder / "cases.db")
        return
    url = create_database(template)
    try:
        yield url
    finally:
        drop_database(url)


def copy_store(source: str, folder: Path, name: str) -> str:
    """A copy of a closed store to change without touching the original.

    SQLite: the file. PostgreSQL: a database made from the original as template;
    the caller drops it with `drop_copies`.
    """
    if "://" not in source:
        return str(shutil.copy(source, folder / f"{name}.db"))
    return create_database(template=source)


def drop_copies(*urls: str) -> None:
    for url in urls:
        if "://" in url:
            drop_database(url)
