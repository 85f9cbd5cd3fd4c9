"""The list pages' cache: stale during an ingest for a while, never across protection."""

from __future__ import annotations

import time
from datetime import date

import sqlalchemy as sa
from desk_sample import THIRD_TEXT, TODAY, Sample, csrf_of, extraction, resolution

from rightsdesk.model import Person, PersonRef
from rightsdesk.web.casebook import Casebook, Overview


def test_protection_change_is_never_served_stale(client_for) -> None:
    viewer, analyst = client_for("viewer"), client_for("analyst")
    assert "Lidia Karpenko" in viewer.get("/cases").text
    analyst.post(
        f"/persons/{Sample().karpenko}/confidential",
        data={"confidential": "yes", "csrf_token": csrf_of(analyst)},
    )
    assert "Karpenko" not in viewer.get("/cases").text
    assert "Karpenko" not in viewer.get("/dashboard").text


def _drozd_released():
    text = THIRD_TEXT.replace("Lidia Karpenko", "Pavel Drozd")
    new = extraction(
        "fourth",
        text,
        title="Another release",
        published=date(2026, 10, 1),
        persons=[("p1", "Pavel Drozd")],
        events=[
            (
                "release",
                "p1",
                text.split(" after")[0] + " after serving her sentence.",
                "2026-09-01",
                {},
            )
        ],
    )
    return new, resolution(new, {"p1": "drozd-pavel"})


def test_a_new_source_shows_once_the_background_refresh_is_done(client_for, store) -> None:
    viewer = client_for("viewer")
    assert "Pavel Drozd" not in viewer.get("/cases").text
    assert store.save(*_drozd_released())
    deadline = time.monotonic() + 10
    while "Pavel Drozd" not in viewer.get("/cases").text:
        assert time.monotonic() < deadline, "the list never caught up with the store"
        time.sleep(0.05)


def test_a_young_overview_is_served_without_rebuilding(store) -> None:
    """Under a steady ingest the store changes every second; a list is rebuilt less often."""
    casebook = Casebook(store, store.engine, max_stale=60, refresh_every=30)
    lens = casebook.lens(full=False)
    first = casebook.overview(lens, None, TODAY)
    assert store.save(*_drozd_released())
    time.sleep(0.3)
    assert casebook.overview(casebook.lens(full=False), None, TODAY) is first
    assert not casebook._refreshing


def test_a_page_read_asks_the_store_version_once(client_for, app) -> None:
    """Lens, list and menu share one read of the version per request."""
    viewer, engine = client_for("viewer"), app.state.desk.engine
    asked = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if "max(sources.id)" in statement:
            asked.append(statement)

    viewer.get("/cases")
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        assert viewer.get("/cases").status_code == 200
        assert viewer.get("/dashboard?country=BY").status_code == 200
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert len(asked) == 2


def test_a_country_cut_from_the_whole_is_what_reading_that_country_gives(store) -> None:
    """Both lenses, a country with a shared person, one with none."""
    elsewhere, resolved = _drozd_released()
    elsewhere.country = "RU"
    elsewhere.persons.append(Person(key="p2", name="Anton Verbitsky"))
    resolved.person_ids[PersonRef(elsewhere.doc.source.content_hash, "p2")] = Sample().verbitsky
    assert store.save(elsewhere, resolved)
    casebook = Casebook(store, store.engine)
    for full in (True, False):
        lens = casebook.lens(full=full)
        for country in ("BY", "RU", "XX"):
            cut = casebook.overview(lens, country, TODAY)
            read = Overview.of(lens.case_file(store.case_file(country)), TODAY)
            assert cut.case_file == read.case_file
            assert cut.statuses == read.statuses and cut.events_of == read.events_of
