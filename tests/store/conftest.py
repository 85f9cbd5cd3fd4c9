"""Store fixtures: a fresh store per test, and documents built by hand from the model.

The same store tests run on PostgreSQL when RIGHTSDESK_TEST_PG gives a server URL
(each test gets its own schema there); otherwise the `pg` cases are skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from store_factories import IDS, REPORT_2021, REPORT_2022, clean_doc, evidence, extraction, resolve

from rightsdesk.model import Event, Extraction, Occasion, Person, Statement
from rightsdesk.store import Store, open_store

PG_ENV = "RIGHTSDESK_TEST_PG"



@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store: SQLite in memory, or a throwaway schema on PostgreSQL."""
    if request.param == "sqlite":
        with open_store(":memory:") as opened:
            yield opened
        return
    yield from _pg_store()


def _pg_store() -> Iterator[Store]:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run the store tests there")
    schema = f"rightsdesk_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(sa.make_url(url).set(drivername="postgresql+psycopg"))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        with open_store(f"{url}{separator}options={quote(f'-csearch_path={schema}')}") as opened:
            yield opened
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def report_2021() -> Extraction:
    """Two persons, four events (one undated), a statement and an occasion."""
    doc = clean_doc(REPORT_2021, doc_id="report-2021", published=date(2021, 8, 1))
    item = extraction(doc)
    item.persons = [
        Person("p1", "Maria Ivanova", roles=["blogger"], evidence=[evidence(doc, "Maria Ivanova")]),
        Person("p2", "Aleś Navumčyk", roles=["journalist"]),
    ]
    sentences = REPORT_2021.split(". ")
    item.events = [
        Event("arrest", "p1", evidence(doc, sentences[0]), date="2021-07-14", place="Grodno"),
        Event(
            "charge",
            "p1",
            evidence(doc, sentences[1]),
            date="2021-07",
            charges=["organising mass riots", "insulting the president"],
        ),
        Event("ill_treatment", "p1", evidence(doc, sentences[2])),
        Event("arrest", "p2", evidence(doc, sentences[3]), confidence=0.8),
    ]
    item.statements = [
        Statement("UN Special Rapporteur", evidence(doc, sentences[4]), date="2021-08-01")
    ]
    item.occasions = [
        Occasion(
            "trial",
            evidence(doc, sentences[5]),
            "Trial of Maria Ivanova",
            date="2022-01-20",
            persons=["p1"],
        )
    ]
    return item


@pytest.fixture
def report_2022() -> Extraction:
    """A later report naming the same woman by a shorter form."""
    doc = clean_doc(REPORT_2022, doc_id="report-2022", published=date(2022, 4, 2))
    item = extraction(doc)
    item.persons = [Person("p1", "M. Ivanova", roles=["prisoner"])]
    sentence = REPORT_2022.split(". ")[0] + "."
    item.events = [
        Event(
            "sentence",
            "p1",
            evidence(doc, sentence),
            date="2022-03",
            place="Grodno",
            sentence_months=72.0,
            also=["trial"],
        )
    ]
    item.statements = [
        Statement("European Union", evidence(doc, "The EU spokesperson condemned the verdict."))
    ]
    return item


@pytest.fixture
def both_reports(
    store: Store, report_2021: Extraction, report_2022: Extraction
) -> tuple[Extraction, Extraction]:
    """The two reports saved in publication order, resolved as one woman + one man."""
    assert store.save(report_2021, resolve(report_2021, ids=IDS))
    assert store.save(report_2022, resolve(report_2022, ids=IDS))
    return report_2021, report_2022
