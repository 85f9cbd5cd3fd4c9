"""A refreshed overview reads only what changed, and is exactly what reading it all gives."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from bench_desk import synthetic
from desk_sample import PROTECTED_ID, TODAY, Sample

from rightsdesk.store import Store, reader, review, schema
from rightsdesk.web.casebook import Casebook

COUNTRIES = (None, "BY", "RU", "AZ")


@pytest.fixture
def full_reads(monkeypatch) -> list[int]:
    """Counts reads of the whole case file (the expensive path a refresh avoids)."""
    counted: list[int] = []
    read_all = reader.case_file

    def counting(conn, *args, **kwargs):
        counted.append(1)
        return read_all(conn, *args, **kwargs)

    monkeypatch.setattr(reader, "case_file", counting)
    return counted


def _ingest(store: Store, first: int, count: int) -> None:
    """New sources naming new persons and the sample's, the protected one included."""
    s = Sample()
    rng = random.Random(first)
    people = [(s.verbitsky, "Anton Verbitsky"), (s.karpenko, "Lidia Karpenko")]
    people += [(PROTECTED_ID, "Zorkavian Qelmstrup")]
    people += [(f"person-{i}", f"Person Number{i}") for i in range(12)]
    for n in range(first, first + count):
        assert store.save(*synthetic(n, rng, people))


def _looked_at(casebook: Casebook) -> None:
    """Both views of everything and of a few countries, as pages would ask for them."""
    for full in (True, False):
        lens = casebook.lens(full=full)
        for country in COUNTRIES:
            casebook.overview(lens, country, TODAY)


def _assert_as_read_afresh(casebook: Casebook, store: Store) -> None:
    fresh = Casebook(store, store.engine)
    for full in (True, False):
        for country in COUNTRIES:
            kept = casebook.overview(casebook.lens(full=full), country, TODAY)
            read = fresh.overview(fresh.lens(full=full), country, TODAY)
            assert kept.case_file == read.case_file
            assert kept.persons == read.persons and kept.sources == read.sources
            assert kept.statuses == read.statuses and kept.events_of == read.events_of
            assert kept.named_in == read.named_in


def _event_ids(store: Store, person_id: str) -> list[int]:
    return [e.id for e in store.timeline(person_id)]


def test_ingests_and_decisions_are_read_alone_and_give_what_a_full_read_gives(
    store: Store, full_reads: list[int]
) -> None:
    casebook = Casebook(store, store.engine, max_stale=0)  # every change rebuilds at once
    _looked_at(casebook)
    assert len(full_reads) == 1  # one read of everything, shared by both views
    s, engine = Sample(), store.engine
    _ingest(store, 0, 15)
    verbitsky, karpenko = _event_ids(store, s.verbitsky), _event_ids(store, s.karpenko)
    review.review_fact(engine, actor="a", kind="event", fact_id=verbitsky[0], decision="rejected")
    review.review_fact(engine, actor="a", kind="event", fact_id=karpenko[0], decision="accepted")
    edit = review.EventEdit(date="2019-03-04", charges=["treason"])  # moves it in the order
    review.edit_event(engine, actor="a", event_id=verbitsky[-1], edit=edit)
    with engine.connect() as conn:
        statement = conn.scalar(sa.select(sa.func.min(schema.statements.c.id)))
    review.review_fact(engine, actor="a", kind="statement", fact_id=statement, decision="rejected")
    _ingest(store, 15, 5)
    _looked_at(casebook)
    assert len(full_reads) == 1
    _assert_as_read_afresh(casebook, store)


@pytest.mark.parametrize("change", ["merge", "protect", "unaccounted"])
def test_other_changes_read_everything_again(store: Store, full_reads: list[int], change) -> None:
    casebook = Casebook(store, store.engine, max_stale=0)
    _ingest(store, 0, 10)
    _looked_at(casebook)
    s, engine = Sample(), store.engine
    if change == "merge":
        review.merge_persons(engine, actor="a", keep=s.verbitsky, absorb="person-1")
    elif change == "protect":
        review.set_person_confidential(engine, actor="a", person_id=s.karpenko, confidential=True)
    else:  # a fact gone with no audit row, then a new source: the version moves
        with engine.begin() as conn:
            gone = _event_ids(store, s.karpenko)[0]
            conn.execute(
                sa.delete(schema.event_charges).where(schema.event_charges.c.event_id == gone)
            )
            conn.execute(sa.delete(schema.events).where(schema.events.c.id == gone))
    _ingest(store, 10, 2)
    _looked_at(casebook)
    assert len(full_reads) == 2
    _assert_as_read_afresh(casebook, store)


def test_persons_whose_facts_did_not_change_keep_their_records_and_status(store: Store) -> None:
    casebook = Casebook(store, store.engine, max_stale=0)
    _ingest(store, 0, 10)
    before = casebook.overview(casebook.lens(full=True), None, TODAY)
    _ingest(store, 10, 2)
    after = casebook.overview(casebook.lens(full=True), None, TODAY)
    unchanged = [
        person_id
        for person_id, events in after.events_of.items()
        if len(events) == len(before.events_of.get(person_id, []))
        and all(a is b for a, b in zip(events, before.events_of[person_id], strict=True))
    ]
    assert 0 < len(unchanged) < len(after.events_of)
    assert all(after.statuses[p] is before.statuses[p] for p in unchanged)
