"""Case status: stage, term arithmetic on partial dates, and disputes between sources."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from rightsdesk.model import EventRecord, Evidence
from rightsdesk.status import (
    add_months,
    case_status,
    earliest_day,
    is_after,
    latest_day,
    months_between,
)

_ids = count(1)


def event(type_, date_=None, *, source=1, **fields) -> EventRecord:
    return EventRecord(
        id=next(_ids),
        person_id="p",
        source_id=source,
        type=type_,
        evidence=Evidence("h", 0, 10, f"A report of a {type_}."),
        date=date_,
        **fields,
    )


ON = date(2013, 6, 30)


@pytest.mark.parametrize(
    ("events", "stage"),
    [
        ([event("arrest", "2013-05-02")], "arrested"),
        ([event("arrest", "2013-05-02"), event("charge", "2013-05-02")], "charged"),
        ([event("arrest", "2012-01"), event("trial", "2012-08-16")], "on trial"),
        ([event("arrest", "2012-01-23"), event("sentence", "2012-10-08")], "sentenced"),
        ([event("sentence", "2012-10-08"), event("trial", "2013-07-01")], "sentenced"),
        ([event("sentence", "2012-10-08"), event("trial", "2012-11-19")], "on appeal"),
        ([event("sentence", None, also=["arrest"])], "detained"),
        ([event("arrest", "2011-12"), event("release", "2012-03-01")], "released"),
        ([event("arrest", "2011-12"), event("killing", "2011-12-16")], "killed"),
        ([event("arrest", "2012-01-23"), event("sentence")], "sentenced"),
        ([event("ill_treatment", "2012-02")], None),
    ],
    ids=[
        "arrest",
        "arrest-and-charge-same-day",
        "trial",
        "sentence",
        "trial-after-as-of-ignored",
        "appeal-after-sentence",
        "jailed-only",
        "release",
        "killing",
        "undated-sentence-moves-forward",
        "ill-treatment-alone-has-no-stage",
    ],
)
def test_stage(events, stage):
    assert case_status(events, as_of=ON).stage == stage


def test_rejected_event_is_ignored():
    events = [event("arrest", "2012-01"), event("release", "2012-02", review="rejected")]
    assert case_status(events, as_of=ON).stage == "arrested"


def test_term_counts_from_arrest_and_gives_expected_release():
    arrest = event("arrest", "2012-01-23")
    sentence = event("sentence", "2012-10-08", sentence_months=90, charges=["inciting discord"])
    status = case_status([arrest, sentence], as_of=ON)
    assert status.since == "2012-10-08"
    assert status.sentence_months == 90
    assert status.sentence_start == "2012-01-23"
    assert status.start_event_ids == (arrest.id,)
    assert status.served_months == 17
    assert status.expected_release == "2019-07-23"
    assert status.in_custody
    assert status.charges == ("inciting discord",)


def test_term_from_sentence_when_arrest_was_ended_by_release():
    events = [
        event("arrest", "2011-03-01"),
        event("release", "2011-03-05"),
        event("sentence", "2012-10", sentence_months=24),
    ]
    status = case_status(events, as_of=ON)
    assert status.sentence_start == "2012-10"
    assert status.expected_release == "2014-10"


def test_disputed_sentence_length_shows_both_claims_and_no_release_date():
    events = [
        event("sentence", "2012-10-08", source=1, sentence_months=90),
        event("sentence", "2012-10-08", source=2, sentence_months=84),
    ]
    status = case_status(events, as_of=ON)
    assert status.sentence_months is None
    assert status.expected_release is None
    (conflict,) = status.conflicts
    assert conflict.attribute == "sentence_months"
    assert {(c.value, c.source_ids) for c in conflict.claims} == {(90, (1,)), (84, (2,))}


def test_disputed_dates_of_one_event_are_a_conflict_but_refinements_are_not():
    refined = [event("arrest", "2012-01", source=1), event("arrest", "2012-01-23", source=2)]
    assert case_status(refined, as_of=ON).conflicts == ()
    disputed = [event("arrest", "2012-01-23", source=1), event("arrest", "2012-01-25", source=2)]
    (conflict,) = case_status(disputed, as_of=ON).conflicts
    assert conflict.attribute == "date"
    assert {c.value for c in conflict.claims} == {"2012-01-23", "2012-01-25"}


def test_two_arrests_a_year_apart_are_two_events_not_a_dispute():
    events = [event("arrest", "2011-01-10"), event("arrest", "2012-01-23")]
    assert case_status(events, as_of=ON).conflicts == ()


def test_disputed_charges_need_no_charge_in_common():
    overlapping = [
        event("charge", "2012-05", source=1, charges=["hooliganism"]),
        event("charge", "2012-05", source=2, charges=["hooliganism", "extremism"]),
    ]
    assert case_status(overlapping, as_of=ON).conflicts == ()
    disjoint = [
        event("charge", "2012-05", source=1, charges=["hooliganism"]),
        event("charge", "2012-05", source=2, charges=["tax evasion"]),
    ]
    (conflict,) = case_status(disjoint, as_of=ON).conflicts
    assert conflict.attribute == "charges"


def test_charged_after_release_on_bail_is_not_in_custody():
    events = [
        event("arrest", "2013-01-05"),
        event("release", "2013-01-07"),
        event("charge", "2013-02-01"),
    ]
    status = case_status(events, as_of=ON)
    assert status.stage == "charged"
    assert not status.in_custody


def test_no_events_means_no_stage():
    assert case_status([], as_of=ON).stage is None


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2012-01-23", 90, "2019-07-23"),
        ("2012-10", 90, "2020-04"),
        ("2012", 24, "2014"),
        ("2012", 90, None),
        ("2012-10", 7.5, None),
        ("2012-01-31", 1, "2012-02-29"),
        ("2012-01-01", 0.5, "2012-01-16"),
    ],
)
def test_add_months_keeps_the_precision_of_the_start(start, months, end):
    assert add_months(start, months) == end


def test_partial_date_bounds():
    assert earliest_day("2012-10") == date(2012, 10, 1)
    assert latest_day("2012-02") == date(2012, 2, 29)
    assert latest_day("2012") == date(2012, 12, 31)
    assert is_after("2013-07", ON)
    assert not is_after("2013-06", ON)
    assert not is_after(None, ON)
    assert months_between("2012-01-23", date(2012, 3, 22)) == 1
    assert months_between("2014-01", ON) == 0


def test_a_fine_is_not_custody_but_a_prison_term_is():
    fined = [event("sentence", "2013-03-01")]
    assert not case_status(fined, as_of=ON).in_custody
    jailed = [event("sentence", "2013-03-01", sentence_months=24)]
    assert case_status(jailed, as_of=ON).in_custody
