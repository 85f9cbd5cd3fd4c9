"""SQLite specifics: WAL readers during an ingest, integrity checks, what a path means."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import IDS, resolve

from rightsdesk.errors import StoreBusy, StoreError
from rightsdesk.model import Extraction
from rightsdesk.store import Store, open_store, writer
from rightsdesk.store.engine import create_engine, store_url
from rightsdesk.store.sqlite import BUSY_TIMEOUT_MS, take_write_lock


def test_file_store_uses_wal_and_refuses_orphans(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    open_store(str(path)).close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)
    engine = create_engine(str(path))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO event_charges VALUES (999, 0, 'orphan')")
    engine.dispose()


def test_reader_sees_the_last_commit_while_a_writer_is_mid_document(
    tmp_path: Path, report_2021: Extraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "cases.db")
    seen: list[dict[str, int]] = []
    with open_store(path) as ingest, open_store(path) as desk:
        real = writer.insert_statements

        def insert_and_peek(*args: object) -> None:
            real(*args)  # type: ignore[arg-type]
            seen.append(desk.counts())  # would wait out the busy timeout without WAL

        monkeypatch.setattr(writer, "insert_statements", insert_and_peek)
        assert ingest.save(report_2021, resolve(report_2021, ids=IDS))
        assert seen == [{"sources": 0, "persons": 0, "events": 0, "statements": 0, "occasions": 0}]
        assert desk.counts()["events"] == 4


def test_integrity_check_reports_orphans_left_by_an_outside_writer(
    tmp_path: Path, report_2021: Extraction
) -> None:
    path = tmp_path / "cases.db"
    with open_store(str(path)) as store:
        store.save(report_2021, resolve(report_2021, ids=IDS))
        assert store.integrity_check() == []
        outside = sqlite3.connect(path)  # foreign keys off, as in any plain sqlite3 shell
        outside.execute("INSERT INTO event_charges VALUES (999, 0, 'orphan')")
        outside.commit()
        outside.close()
        problems = store.integrity_check()
    assert "1 charge without event" in problems
    assert any("event_charges" in problem for problem in problems)


def test_plain_paths_memory_and_urls_name_their_backend(tmp_path: Path) -> None:
    assert store_url(":memory:").render_as_string() == "sqlite://"
    assert store_url("cases.db").database == str(Path("cases.db").resolve())
    assert store_url("sqlite:///x.db").database == "x.db"
    assert create_engine("postgresql://u@db/cases").url.drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="unsupported"):
        create_engine("mysql://u@db/cases")


def test_unopenable_path_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        open_store(str(tmp_path / "missing-dir" / "cases.db"))


def test_store_url_hides_the_password() -> None:
    store = Store(create_engine("postgresql://u:secret@db/cases"))
    assert "secret" not in store.url


def _holder(path: Path, seconds: float, gap: float | None = None) -> threading.Thread:
    """Another writer holding the write lock: for `seconds`, or, with a `gap`, like an
    ingest: 7 ms transactions one after another for `seconds`, `gap` apart."""
    ready = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(path, isolation_level=None)
        until = time.monotonic() + seconds
        while True:
            other.execute("BEGIN IMMEDIATE")
            ready.set()
            time.sleep(seconds if gap is None else 0.007)
            other.execute("COMMIT")
            if gap is None or time.monotonic() > until:
                break
            time.sleep(gap)
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


def test_a_writer_gets_its_turn_between_an_ingest_s_transactions(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    open_store(str(path)).close()
    ingest = _holder(path, 1.5, gap=0.0005)  # begins again half a millisecond after commit
    mine = sqlite3.connect(path, isolation_level=None)
    started = time.monotonic()
    take_write_lock(mine)
    waited = time.monotonic() - started
    mine.execute("COMMIT")
    ingest.join()
    # SQLite's own busy handler backs off to a try every 100 ms and mostly meets the
    # lock (0.05-1.8 s in five tries on this machine); trying every millisecond, 7-92 ms
    assert waited < 0.3


def test_a_writer_gives_up_with_a_clear_error_after_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    open_store(str(path)).close()
    holder = _holder(path, 0.5)
    mine = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(StoreBusy, match="busy with another writer for 0.1 s"):
        take_write_lock(mine, timeout_ms=100)
    holder.join()
    assert mine.execute("PRAGMA busy_timeout").fetchone() == (BUSY_TIMEOUT_MS,)
