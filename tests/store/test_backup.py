"""Backup and restore: a round trip gives back every source, person, fact and edit."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_factories import IDS, resolve
from typer.testing import CliRunner

from rightsdesk.cli import app
from rightsdesk.errors import StoreError
from rightsdesk.model import CaseFile, Extraction
from rightsdesk.store import open_store
from rightsdesk.store.backup import backup, restore

PG_ENV = "RIGHTSDESK_TEST_PG"
CONFIDENTIAL = "navumcyk-ales"  # a detainee who asked not to be named


def fill(url: str, *reports: Extraction) -> CaseFile:
    """Save the reports, mark any confidential person; returns the case file as stored."""
    with open_store(url) as store:
        for report in reports:
            store.save(report, resolve(report, ids=IDS))
        if any(p.id == CONFIDENTIAL for p in store.known_persons()):
            store.set_confidential(CONFIDENTIAL)
        return store.case_file()


def case_file(url: str) -> CaseFile:
    with open_store(url) as store:
        assert store.integrity_check() == []
        return store.case_file()


@pytest.fixture
def two_stores(tmp_path: Path) -> tuple[str, str]:
    return str(tmp_path / "cases.db"), str(tmp_path / "restored.db")


def test_sqlite_round_trip_gives_back_the_whole_case_file(
    two_stores: tuple[str, str], tmp_path: Path, report_2021, report_2022
) -> None:
    original, restored = two_stores
    stored = fill(original, report_2021, report_2022)
    backup(original, tmp_path / "backup.db")
    restore(tmp_path / "backup.db", restored)
    assert case_file(restored) == stored
    assert [p.confidential for p in case_file(restored).persons] == [True, False]


def test_backup_is_consistent_while_the_store_is_open_for_writing(
    two_stores: tuple[str, str], tmp_path: Path, report_2021, report_2022
) -> None:
    """The online backup copies committed pages only, WAL included, never a torn write."""
    original, restored = two_stores
    fill(original, report_2021)
    with open_store(original) as live:
        live.save(report_2022, resolve(report_2022, ids=IDS))
        backup(original, tmp_path / "backup.db")
    restore(tmp_path / "backup.db", restored)
    assert len(case_file(restored).sources) == 2


def test_restore_refuses_to_discard_a_store_unless_told(
    two_stores: tuple[str, str], tmp_path: Path, report_2021, report_2022
) -> None:
    original, other = two_stores
    fill(original, report_2021)
    backup(original, tmp_path / "backup.db")
    fill(other, report_2022)
    with pytest.raises(StoreError, match="holds 1 sources .*--replace"):
        restore(tmp_path / "backup.db", other)
    restore(tmp_path / "backup.db", other, replace=True)
    assert [s.doc_id for s in case_file(other).sources] == ["report-2021"]


def test_restore_refuses_a_file_that_is_not_a_store_backup(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_bytes(b"minutes of the meeting")
    with sqlite3.connect(tmp_path / "other.db") as conn:
        conn.execute("CREATE TABLE t (x)")
    target = str(tmp_path / "cases.db")
    with pytest.raises(StoreError, match="not a SQLite backup"):
        restore(tmp_path / "notes.db", target)
    with pytest.raises(StoreError, match="not a case store backup"):
        restore(tmp_path / "other.db", target)
    with pytest.raises(StoreError, match="no such backup file"):
        restore(tmp_path / "missing.db", target)
    assert not Path(target).exists()


def test_failed_backup_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such case store"):
        backup(str(tmp_path / "missing.db"), tmp_path / "backup.db")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(StoreError, match="in-memory"):
        backup(":memory:", tmp_path / "backup.db")


@pytest.fixture
def pg_databases() -> Iterator[tuple[str, str]]:
    """Two empty databases on the test server, dropped afterwards."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run the backup tests there")
    admin_url = sa.make_url(url).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = [f"rightsdesk_backup_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield tuple(admin_url.set(database=n).render_as_string(hide_password=False) for n in names)
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.mark.pg
def test_postgres_round_trip_with_pg_dump_and_pg_restore(
    pg_databases: tuple[str, str], tmp_path: Path, report_2021, report_2022
) -> None:
    original, restored = pg_databases
    stored = fill(original, report_2021, report_2022)
    backup(original, tmp_path / "cases.dump")
    restore(tmp_path / "cases.dump", restored)
    assert case_file(restored) == stored
    fill(original, report_2022)  # nothing new: idempotent save
    with pytest.raises(StoreError, match="--replace"):
        restore(tmp_path / "cases.dump", original)
    restore(tmp_path / "cases.dump", original, replace=True)
    assert case_file(original) == stored


def test_cli_backup_then_restore_round_trip(tmp_path: Path, report_2021) -> None:
    original, restored = str(tmp_path / "cases.db"), str(tmp_path / "restored.db")
    stored = fill(original, report_2021)
    file = str(tmp_path / "cases.bak")
    runner = CliRunner()
    assert runner.invoke(app, ["backup", file, "--db", original]).exit_code == 0
    assert runner.invoke(app, ["restore", file, "--db", restored]).exit_code == 0
    assert case_file(restored) == stored
    again = runner.invoke(app, ["restore", file, "--db", restored])
    assert again.exit_code == 2 and "--replace" in again.output
    assert runner.invoke(app, ["restore", file, "--db", restored, "--replace"]).exit_code == 0
