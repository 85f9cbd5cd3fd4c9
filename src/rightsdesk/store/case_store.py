"""The case store: one object the CLI, briefs and the web desk talk to.

It owns an engine and hands each call a connection: reads share a snapshot,
and each document is written in one write transaction.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from types import TracebackType

import sqlalchemy as sa

from rightsdesk.errors import StoreError
from rightsdesk.model import (
    CaseFile,
    CleanDoc,
    EventRecord,
    Extraction,
    PersonRecord,
    Resolution,
    SourceRecord,
)
from rightsdesk.names import KeyQuery, NameKey
from rightsdesk.store import migrate, name_index, reader, refresh, search, sqlite, writer
from rightsdesk.store.engine import create_engine
from rightsdesk.store.transactions import writing


class Store:
    """Sources and facts with their evidence; SQLite or PostgreSQL behind one API."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> sa.Engine:
        """For modules that keep tables of their own beside the record (accounts, audit)."""
        return self._engine

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- write ---

    def save(self, extraction: Extraction, resolution: Resolution) -> bool:
        """Store one document and its facts atomically; False if that content is stored."""
        content_hash = extraction.doc.source.content_hash
        try:
            with writing(self._engine) as conn:
                if reader.has_source(conn, content_hash):
                    return False
                writer.write_extraction(conn, extraction, resolution, now=datetime.now(UTC))
        except sa.exc.IntegrityError as error:  # another writer stored it first (PostgreSQL)
            if self.has_source(content_hash):
                return False
            raise StoreError(f"{extraction.doc.source.doc_id}: {error.orig}") from error
        return True

    def refresh(self, extraction: Extraction, resolution: Resolution) -> bool:
        """Replace a stored source's machine facts with a new extraction's, atomically.

        Facts an analyst reviewed, edited or added are kept and win over new ones.
        Always True (the source was read again), to match `save`.
        """
        with writing(self._engine) as conn:
            refresh.replace_machine_facts(conn, extraction, resolution, now=datetime.now(UTC))
        return True

    def stale_sources(self, extractor: str) -> list[int]:
        """Ids of sources read by another extractor version (manual ones never)."""
        with self._engine.connect() as conn:
            return refresh.stale_source_ids(conn, extractor)

    def clean_doc(self, source_id: int) -> CleanDoc:
        """A stored source's clean text, ready to be extracted again."""
        with self._engine.connect() as conn:
            return refresh.clean_doc(conn, source_id)

    def set_confidential(self, person_id: str, confidential: bool = True) -> None:
        """Mark a person whose name must not leave the desk (exports leave them out)."""
        with writing(self._engine) as conn:
            writer.set_confidential(conn, person_id, confidential)

    # --- read ---

    def has_source(self, content_hash: str) -> bool:
        with self._engine.connect() as conn:
            return reader.has_source(conn, content_hash)

    def known_persons(self) -> list[PersonRecord]:
        """Every stored person (resolution asks only for those `filed_under` its keys)."""
        with self._engine.connect() as conn:
            return reader.person_records(conn)

    def surnames_in(self, bands: Collection[str]) -> list[str]:
        """The surnames persons are filed under in these bands (`rightsdesk.names.surname_band`)."""
        with self._engine.connect() as conn:
            return name_index.surnames_in(conn, bands)

    def filed_under(self, queries: Collection[KeyQuery]) -> list[tuple[str, NameKey]]:
        """(person id, name key) of the persons filed under keys these queries ask for."""
        with self._engine.connect() as conn:
            return name_index.filed_under(conn, queries)

    def named_under(self, surnames: Collection[str], limit: int | None) -> list[str]:
        """Ids of at most `limit` persons filed with a given name under these surnames."""
        with self._engine.connect() as conn:
            return name_index.named_under(conn, surnames, limit)

    def persons_by_id(self, person_ids: Collection[str]) -> list[PersonRecord]:
        """These persons (unknown ids are left out)."""
        with self._engine.connect() as conn:
            return reader.persons_by_id(conn, person_ids)

    def has_person(self, person_id: str) -> bool:
        with self._engine.connect() as conn:
            return reader.has_person(conn, person_id)

    def person(self, person_id: str) -> PersonRecord:
        """Raises UnknownPerson."""
        with self._engine.connect() as conn:
            return reader.person(conn, person_id)

    def find_persons(self, query: str) -> list[PersonRecord]:
        with self._engine.connect() as conn:
            return reader.find_persons(conn, query)

    def timeline(self, person_id: str) -> list[EventRecord]:
        """Raises UnknownPerson."""
        with self._engine.connect() as conn:
            return reader.timeline(conn, person_id)

    def source(self, source_id: int) -> SourceRecord:
        with self._engine.connect() as conn:
            return reader.source(conn, source_id)

    def source_text(self, source_id: int) -> str:
        with self._engine.connect() as conn:
            return reader.source_text(conn, source_id)

    def case_file(self, country: str | None = None, as_of: date | None = None) -> CaseFile:
        with self._engine.connect() as conn:
            return reader.case_file(conn, country, as_of)

    def search(self, query: str, limit: int = 20) -> list[search.SearchHit]:
        with self._engine.connect() as conn:
            return search.search(conn, query, limit)

    # --- housekeeping ---

    def counts(self) -> dict[str, int]:
        with self._engine.connect() as conn:
            return reader.counts(conn)

    def integrity_check(self) -> list[str]:
        """Problems found (empty means healthy): database-level checks plus orphan facts."""
        with self._engine.connect() as conn:
            problems = []
            if conn.dialect.name == "sqlite":
                problems += sqlite.integrity_problems(conn)
            return problems + reader.orphan_problems(conn)

    def schema_version(self) -> str | None:
        return migrate.current_revision(self._engine)


def open_store(url_or_path: str) -> Store:
    """Open (creating or upgrading) a store: a path or sqlite:/// URL, postgresql://, :memory:."""
    engine = create_engine(url_or_path)
    try:
        migrate.upgrade(engine)
    except sa.exc.SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"{url_or_path}: cannot open the case store: {error}") from error
    return Store(engine)
