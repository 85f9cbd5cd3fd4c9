"""Schema migrations: revision 1 stores keep their data on upgrade; code and DDL agree."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from store_factories import IDS, REPORT_2021, clean_doc, extraction, resolve

from rightsdesk.model import Person
from rightsdesk.store import migrate, open_store, schema
from rightsdesk.store.engine import create_engine

CASE_TABLES = {
    "sources",
    "persons",
    "person_aliases",
    "person_name_keys",
    "surname_keys",
    "person_roles",
    "person_mentions",
    "events",
    "event_charges",
    "statements",
    "occasions",
    "occasion_persons",
}
REVISION_1_ROWS = [
    "INSERT INTO sources (id, content_hash, doc_id, path, url, title, published, country,"
    " kind, encoding, text, ingested_at, extractor) VALUES (1, 'abc', 'old-report',"
    " '/in/old.txt', NULL, 'Old report', '2021-08-01', 'BY', 'text', 'utf-8', :text,"
    " '2021-08-02 10:00:00', 'rightsdesk.extract/0.0.1')",
    "INSERT INTO persons (id, name, name_key, country, confidential, created_at)"
    " VALUES ('ivanova-maria', 'Maria Ivanova', 'maria ivanova', 'BY', 0,"
    " '2021-08-02 10:00:00')",
    "INSERT INTO person_mentions VALUES ('ivanova-maria', 1, 'p1', 'Maria Ivanova')",
    "INSERT INTO events (id, person_id, source_id, type, date, date_start, also, confidence,"
    " evidence_start, evidence_end, evidence_sentence, extractor) VALUES (1,"
    " 'ivanova-maria', 1, 'charge', '2021-07', '2021-07-01', '[]', 1.0, 71, 140,"
    " 'She was charged with organising mass riots and insulting the president',"
    " 'rightsdesk.extract/0.0.1')",
    "INSERT INTO event_charges VALUES (1, 0, 'organising mass riots')",
]


def _store_at_revision_1(path: Path) -> None:
    engine = create_engine(str(path))
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        for statement in REVISION_1_ROWS:
            conn.execute(sa.text(statement), {"text": REPORT_2021})
    assert migrate.current_revision(engine) == "0001"
    engine.dispose()


def test_store_made_at_revision_1_keeps_its_data_and_becomes_searchable(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cases.db"
    _store_at_revision_1(path)
    with open_store(str(path)) as store:
        assert store.schema_version() == migrate.head_revision()
        [event] = store.timeline("ivanova-maria")
        assert (event.type, event.date, event.charges) == (
            "charge",
            "2021-07",
            ["organising mass riots"],
        )
        assert event.evidence.content_hash == "abc"
        assert store.counts()["sources"] == 1
        assert {hit.kind for hit in store.search("mass riots")} == {"source", "event"}
        assert store.integrity_check() == []


def test_upgraded_store_takes_new_documents_next_to_old_ones(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    _store_at_revision_1(path)
    doc = clean_doc(REPORT_2021 + " More later.", doc_id="new-report")
    item = extraction(doc)
    item.persons = [Person("p1", "Maria Ivanova")]
    with open_store(str(path)) as store:
        assert store.save(item, resolve(item, ids=IDS))
        assert [s.doc_id for s in store.case_file().sources] == ["new-report", "old-report"]
        assert len(store.known_persons()) == 1


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = str(tmp_path / "cases.db")
    open_store(path).close()
    with open_store(path) as store:
        assert store.schema_version() == migrate.head_revision()


def test_schema_module_matches_what_the_migrations_create() -> None:
    with open_store(":memory:") as store, store._engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _case_table_parts}
        )
        assert compare_metadata(context, schema.metadata) == []


def _case_table_parts(item: object, name: str | None, kind: str, *_args: object) -> bool:
    """Compare the case tables only: FTS5 shadow tables and other modules' tables differ."""
    table = item if kind == "table" else getattr(item, "table", None)
    return getattr(table, "name", name) in CASE_TABLES
