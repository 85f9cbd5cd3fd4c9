"""Write transactions: one way to say "this connection writes", whatever the backend.

Each backend begins a transaction marked so in its own way (`sqlite.py`: BEGIN
IMMEDIATE, tried every millisecond; `postgres.py`: the writers' advisory lock),
so writers follow one another and never fail halfway through a document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from rightsdesk.errors import StoreBusy

WRITE_OPTION = "rightsdesk_write"
# How long a writer waits for the others, on either backend (RIGHTSDESK_WRITE_WAIT, s).
WRITE_WAIT_S = float(os.environ.get("RIGHTSDESK_WRITE_WAIT", "30"))


def store_busy(waited_s: float) -> StoreBusy:
    return StoreBusy(f"the store stayed busy with another writer for {waited_s:g} s; "
                     "try again once the running ingest or re-extraction has finished")


def marked_for_writing(connection: sa.Connection) -> bool:
    """Whether the transaction being begun on `connection` will write."""
    return bool(connection.get_execution_options().get(WRITE_OPTION, False))


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One write transaction, committed when the block ends without an error."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn
