"""Review on the desk: decisions are audited and survive re-ingestion of the same content."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from desk_sample import Sample, csrf_of, sample_extractions

from rightsdesk.store import audit, review
from rightsdesk.store.audit import audit_log
from rightsdesk.web.digest import changes_since


def event_of(store, person_id: str, kind: str):
    return next(e for e in store.timeline(person_id) if e.type == kind)


def post(client, url: str, **data):
    return client.post(url, data={**data, "csrf_token": csrf_of(client)}, follow_redirects=False)


def test_accept_writes_review_state_and_an_audit_row(client_for, store) -> None:
    arrest = event_of(store, Sample().verbitsky, "arrest")
    response = post(client_for("analyst"), f"/facts/event/{arrest.id}/review", decision="accepted")
    assert response.status_code == 303
    assert event_of(store, Sample().verbitsky, "arrest").review == "accepted"
    [entry] = audit.history(store.engine, kind="event", ref=arrest.id)
    assert (entry.actor, entry.action) == ("analyst", "accepted")
    assert entry.before["review"] == "machine" and entry.after["review"] == "accepted"


def test_edit_changes_the_fact_and_keeps_before_and_after(client_for, store) -> None:
    sentence = event_of(store, Sample().verbitsky, "sentence")
    response = post(
        client_for("analyst"),
        f"/facts/event/{sentence.id}/edit",
        type="sentence",
        date="2026-10-21",
        place="Minsk",
        sentence_months="60",
        charges="organising mass riots\nresisting the police",
    )
    assert response.status_code == 303
    edited = event_of(store, Sample().verbitsky, "sentence")
    assert (edited.review, edited.date, edited.sentence_months) == ("edited", "2026-10-21", 60.0)
    assert edited.charges == ["organising mass riots", "resisting the police"]
    [entry] = audit.history(store.engine, kind="event", ref=sentence.id)
    assert entry.before["sentence_months"] == 72.0 and entry.after["sentence_months"] == 60.0


def test_a_bad_edit_is_refused_with_the_form_again(client_for, store) -> None:
    sentence = event_of(store, Sample().verbitsky, "sentence")
    response = post(
        client_for("analyst"),
        f"/facts/event/{sentence.id}/edit",
        type="sentence",
        date="21/10/2026",
    )
    assert response.status_code == 400 and "not a date" in response.text
    assert event_of(store, Sample().verbitsky, "sentence").review == "machine"


def test_review_decisions_survive_a_resave_of_the_same_extraction(client_for, store) -> None:
    analyst = client_for("analyst")
    arrest = event_of(store, Sample().verbitsky, "arrest")
    sentence = event_of(store, Sample().verbitsky, "sentence")
    post(analyst, f"/facts/event/{arrest.id}/review", decision="rejected")
    post(
        analyst,
        f"/facts/event/{sentence.id}/edit",
        type="sentence",
        date="2026-10",
        sentence_months="66",
    )
    for extraction, resolution in sample_extractions():
        assert store.save(extraction, resolution) is False
    events = {e.id: e for e in store.timeline(Sample().verbitsky)}
    assert events[arrest.id].review == "rejected"
    assert (events[sentence.id].review, events[sentence.id].sentence_months) == ("edited", 66.0)
    queue = review.review_queue(store.engine, today=date(2026, 11, 2))
    assert {arrest.id, sentence.id}.isdisjoint({i.id for i in queue if i.kind == "event"})


def test_rejected_facts_are_hidden_from_viewers(client_for, store) -> None:
    arrest = event_of(store, Sample().verbitsky, "arrest")
    post(client_for("analyst"), f"/facts/event/{arrest.id}/review", decision="rejected")
    viewer_page = client_for("viewer").get(f"/persons/{Sample().verbitsky}").text
    assert f'id="event-{arrest.id}"' not in viewer_page
    assert (
        f'id="event-{arrest.id}"'
        in client_for("analyst").get(f"/persons/{Sample().verbitsky}").text
    )


def test_queue_puts_people_with_an_occasion_ahead_first(store) -> None:
    queue = review.review_queue(store.engine, today=date(2026, 11, 2))
    assert queue[0].upcoming and queue[0].person_id == Sample().verbitsky
    later = [i for i in queue if not i.upcoming]
    assert [i.confidence for i in later] == sorted(i.confidence for i in later)


def test_manual_source_person_and_event_then_merge_and_split(client_for, store) -> None:
    analyst = client_for("analyst")
    made = post(
        analyst,
        "/manual/source",
        title="Call with the family",
        country="BY",
        text="His brother said Anton V. was moved to a prison colony in Mogilev.",
    )
    source_id = int(made.headers["location"].split("=")[1])
    made = post(analyst, "/manual/person", name="Anton V.", source_id=str(source_id))
    duplicate = made.headers["location"].rsplit("/", 1)[1]
    post(
        analyst,
        "/manual/event",
        person_id=duplicate,
        source_id=str(source_id),
        type="trial",
        sentence="His brother said Anton V. was moved to a prison colony in Mogilev.",
        date="2026-10-30",
    )
    [manual] = store.timeline(duplicate)
    assert manual.review == "manual" and manual.evidence.start == 0

    post(analyst, f"/persons/{Sample().verbitsky}/merge", absorb=duplicate)
    assert manual.id in {e.id for e in store.timeline(Sample().verbitsky)}
    assert "Anton V." in store.person(Sample().verbitsky).aliases
    assert analyst.get(f"/persons/{duplicate}").status_code == 404

    made = post(
        analyst,
        f"/persons/{Sample().verbitsky}/split",
        name="Anton Verbitsky Jr",
        event_ids=str(manual.id),
    )
    new_id = made.headers["location"].rsplit("/", 1)[1]
    assert [e.id for e in store.timeline(new_id)] == [manual.id]
    actions = [
        e.action for e in audit.history(store.engine, kind="person", ref=Sample().verbitsky)
    ]
    assert actions == ["merged", "split"]
    assert "split" in analyst.get(f"/persons/{Sample().verbitsky}/history").text


def test_every_desk_change_leaves_an_audit_row(client_for, store) -> None:
    engine = store.engine
    with engine.connect() as conn:
        before = conn.scalar(sa.select(sa.func.count()).select_from(audit_log))
    analyst = client_for("analyst")
    post(analyst, "/facts/event/1/confidential", confidential="yes")
    post(analyst, f"/persons/{Sample().karpenko}/confidential", confidential="yes")
    post(analyst, "/facts/statement/1/review", decision="accepted")
    with engine.connect() as conn:
        after = conn.scalar(sa.select(sa.func.count()).select_from(audit_log))
    assert after - before == 3


def test_watchlist_shows_only_what_the_user_follows(client_for, store) -> None:
    viewer = client_for("viewer")
    post(viewer, f"/persons/{Sample().karpenko}/follow")
    changes = changes_since(store, date(2020, 1, 1), "viewer")
    assert {c.person_id for c in changes} == {Sample().karpenko}
    page = viewer.get("/watchlist").text
    assert "Lidia Karpenko" in page
