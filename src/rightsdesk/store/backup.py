"""Backup and restore of the case store, as one file.

SQLite uses its online backup API: a consistent copy taken page by page while
the desk reads and an ingest writes. PostgreSQL uses pg_dump's custom format and
pg_restore in one transaction. A backup is written beside its target and renamed
into place, so a failure never leaves a half-written file under the final name;
a restore refuses a file that is not a case store backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import sqlalchemy as sa

from rightsdesk.errors import StoreError
from rightsdesk.store.engine import create_engine, store_url

PAGES_PER_STEP = 1024  # SQLite pages copied per step; writers get the lock in between
STORE_TABLES = ("sources", "persons", "events")  # a file without these is not a store


def backup(url_or_path: str, file: Path) -> None:
    """Write a backup of the store to `file` (replaced if it exists)."""
    url = store_url(url_or_path)
    with _written_atomically(Path(file)) as partial:
        if _is_sqlite(url):
            _sqlite_backup(_sqlite_path(url), partial)
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}"], url)


def restore(file: Path, url_or_path: str, *, replace: bool = False) -> None:
    """Put the backup in `file` into the store; a store that already holds sources
    is only overwritten with `replace=True`, since restoring discards them."""
    file = Path(file)
    if not file.is_file():
        raise StoreError(f"{file}: no such backup file")
    url = store_url(url_or_path)
    held = _stored_sources(url_or_path)
    if held and not replace:
        raise StoreError(
            f"{url.render_as_string()}: the store holds {held} sources that restoring would "
            "discard; restore with replace (--replace) to overwrite them"
        )
    if _is_sqlite(url):
        _check_sqlite_backup(file)
        _sqlite_copy(file, _sqlite_path(url))
    else:
        restore_command = ["pg_restore", "--clean", "--if-exists", "--no-owner"]
        _run([*restore_command, "--single-transaction", str(file)], url)


def _stored_sources(url_or_path: str) -> int:
    """Sources in the target store; 0 when it does not exist yet or has no tables."""
    url = store_url(url_or_path)
    if _is_sqlite(url) and not _sqlite_path(url).exists():
        return 0
    engine = create_engine(url_or_path)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("sources"):
                return 0
            return conn.execute(sa.text("SELECT count(*) FROM sources")).scalar_one()
    except sa.exc.SQLAlchemyError as error:
        raise StoreError(f"{url.render_as_string()}: cannot read the store ({error})") from error
    finally:
        engine.dispose()


def _is_sqlite(url: sa.URL) -> bool:
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql", "postgres"):
        raise StoreError(f"{url.render_as_string()}: backup supports sqlite and postgresql")
    return backend == "sqlite"


def _sqlite_path(url: sa.URL) -> Path:
    if url.database in (None, "", ":memory:"):
        raise StoreError("an in-memory store has nothing to back up or restore into")
    return Path(url.database)


def _sqlite_backup(database: Path, file: Path) -> None:
    if not database.is_file():
        raise StoreError(f"{database}: no such case store")
    _sqlite_copy(database, file)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy one SQLite database onto another with the backup API (WAL included)."""
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as reading,
            closing(sqlite3.connect(target)) as writing,
        ):
            reading.backup(writing, pages=PAGES_PER_STEP)
    except sqlite3.Error as error:
        raise StoreError(f"{source} -> {target}: {error}") from error


def _check_sqlite_backup(file: Path) -> None:
    """Refuse anything but a healthy SQLite file holding the store's tables."""
    try:
        with closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            health = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{file}: not a SQLite backup ({error})") from error
    missing = [t for t in STORE_TABLES if t not in tables]
    if missing:
        raise StoreError(f"{file}: not a case store backup (no {', '.join(missing)} table)")
    if health != "ok":
        raise StoreError(f"{file}: the backup is damaged ({health})")


@contextmanager
def _written_atomically(file: Path) -> Iterator[Path]:
    """A temporary path beside `file`, renamed onto it only when the block succeeds."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".partial", dir=file.parent)
    os.close(handle)
    partial = Path(name)
    partial.unlink()  # the writers below create the file themselves
    try:
        yield partial
        partial.replace(file)
    finally:
        partial.unlink(missing_ok=True)


def _run(command: list[str], url: sa.URL) -> None:
    """Run a PostgreSQL client tool against the store; the password travels in the
    environment, not on the command line where `ps` shows it."""
    if shutil.which(command[0]) is None:
        raise StoreError(f"{command[0]} not found: install the PostgreSQL client tools")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    dsn = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    result = subprocess.run([*command, f"--dbname={dsn}"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise StoreError(f"{command[0]}: {last}")
