"""SQLite specifics: WAL readers during an ingest, integrity checks, what a path means."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import IDS, resolve

from rightsdesk.errors import StoreError
from rightsdesk.model import Extraction
from rightsdesk.store import Store, open_store, writer
from rightsdesk.store.engine import create_engine, store_url


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
