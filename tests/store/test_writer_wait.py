"""A PostgreSQL writer waits for the others a bounded time, then says so clearly, as a
SQLite writer does (tests/store/test_sqlite.py)."""

from __future__ import annotations

import threading

import pytest

from rightsdesk.errors import StoreBusy
from rightsdesk.store import postgres
from rightsdesk.store.transactions import writing


def test_a_writer_behind_a_long_transaction_fails_with_a_clear_error(store, monkeypatch) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's bounded wait is tested on a file store in test_sqlite.py")
    monkeypatch.setattr(postgres, "WRITE_WAIT_S", 0.2)
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with writing(store.engine):
            held.set()
            done.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with pytest.raises(StoreBusy, match="busy with another writer"), writing(store.engine):
            pass
    finally:
        done.set()
        holder.join()
