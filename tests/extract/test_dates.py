"""Dates at the precision the text gives, resolved against publication."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rightsdesk.extract.dates import find_dates, published_at, resolve_date

PUBLISHED = date(2012, 10, 9)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 8 October 2012", "2012-10-08"),
        ("on October 8, 2012", "2012-10-08"),
        ("in October 2012", "2012-10"),
        ("in 2012", "2012"),
        ("on 12.03.2013", "2013-03-12"),
    ],
)
def test_absolute_dates_keep_their_precision(text: str, expected: str) -> None:
    assert resolve_date(text, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last July", "2012-07"),
        ("in late March", "2012-03"),
        ("in May", "2012-05"),
        ("since December", "2011-12"),
        ("last October", "2011-10"),
        ("on Monday", "2012-10-08"),
        ("yesterday", "2012-10-08"),
        ("on 4 August", "2012-08-04"),
        ("last year", "2011"),
        ("this weekend", "2012-10"),
    ],
)
def test_relative_dates_resolve_against_publication(text: str, expected: str) -> None:
    assert resolve_date(text, published=PUBLISHED) == expected


def test_month_without_year_is_the_most_recent_not_after_publication() -> None:
    assert resolve_date("in December", published=date(2013, 1, 5)) == "2012-12"


def test_relative_date_without_publication_gives_nothing() -> None:
    assert resolve_date("on Monday", published=None) is None
    assert resolve_date("in May", published=None) is None


def test_no_day_is_invented_for_a_month() -> None:
    assert resolve_date("He was arrested in October 2012.", published=PUBLISHED) == "2012-10"


@pytest.mark.parametrize(
    "text", ["he may go", "sentenced to 7 years", "the 52-year-old", "a march through town"]
)
def test_words_that_are_not_dates(text: str) -> None:
    assert resolve_date(text, published=PUBLISHED) is None


def test_find_dates_gives_spans_in_reading_order() -> None:
    text = "Arrested on 3 May 2011, he was sentenced in January 2012."
    found = find_dates(text, published=PUBLISHED)
    assert [m.value for m in found] == ["2011-05-03", "2012-01"]
    assert text[found[0].start : found[0].end] == "3 May 2011"


MONTH_ONLY = published_at(date(2012, 10, 1), "month")  # a sidecar that says "2012-10"
YEAR_ONLY = published_at(date(2012, 1, 1), "year")


@pytest.mark.parametrize(
    "text", ["on Friday", "yesterday", "this weekend", "last night", "this week"]
)
def test_days_relative_to_a_month_precise_publication_are_unknown(text: str) -> None:
    assert resolve_date(text, published=MONTH_ONLY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("last July", "2012-07"), ("in March", "2012-03"), ("today", "2012-10"),
     ("last year", "2011"), ("this month", "2012-10"), ("on 8 October", "2012-10-08")],
)
def test_months_relative_to_a_month_precise_publication_resolve(text: str, expected: str) -> None:
    assert resolve_date(text, published=MONTH_ONLY) == expected


@pytest.mark.parametrize("text", ["in May", "last month", "on 8 October", "on Monday"])
def test_a_year_precise_publication_resolves_only_years(text: str) -> None:
    assert resolve_date(text, published=YEAR_ONLY) is None
    assert resolve_date("last year", published=YEAR_ONLY) == "2011"


def test_publication_date_prints_at_its_precision() -> None:
    assert MONTH_ONLY.isoformat() == "2012-10"
    assert (MONTH_ONLY - timedelta(days=1)).isoformat() == "2012-09-30"
    assert published_at(date(2012, 10, 9), "day").isoformat() == "2012-10-09"


def test_facts_dated_by_a_month_precise_publication_have_no_day(extractor, make_doc) -> None:
    text = (
        "Human Rights Watch condemned the verdict.\n"
        "Police detained Oleg Sokolov today."
    )
    doc = make_doc(text, published=date(2012, 10, 1))
    doc.published_precision = "month"
    extraction = extractor.extract(doc)
    assert [s.date for s in extraction.statements] == ["2012-10"]
    assert [e.date for e in extraction.events] == ["2012-10"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("held for three years now", "2009-10"), ("detained 18 months ago", "2011-04"),
     ("arrested two years ago", "2010-10"), ("in custody for the past five months", "2012-05")],
)
def test_a_duration_up_to_now_is_counted_back_to_the_month(text: str, expected: str) -> None:
    assert resolve_date(text, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "text", ["held for almost three years now", "jailed more than two years ago",
             "sentenced to three years", "in custody for the past several months"],
)
def test_a_rough_or_future_duration_gives_no_date(text: str) -> None:
    assert resolve_date(text, published=PUBLISHED) is None


def test_a_duration_up_to_now_dates_the_arrest_not_the_sentence(events) -> None:
    found = events(
        "Karim Saidov has been detained for two years now.\n"
        "Lola Karimova has been in prison for two years now."
    )
    assert found[("Karim Saidov", "arrest")].date == "2022-03"
    assert found[("Lola Karimova", "sentence")].date is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("killed on 17 February last year", "2014-02-17"),
        ("sentenced in April this year", "2015-04"),
        ("detained on September 3 and 4, 2021", "2021-09-03"),
        ("held on 3-4 September 2021", "2021-09-03"),
    ],
)
def test_days_of_years_told_relatively_and_spans_of_days(text: str, value: str) -> None:
    assert resolve_date(text, published=date(2015, 2, 20)) == value


def test_a_stated_day_dates_the_event_before_a_count_of_years(events) -> None:
    text = "Five years ago, on April 11, 2017, Anna Berg was arrested for plotting a coup."
    assert events(text, published=date(2022, 4, 11))[("Anna Berg", "arrest")].date == "2017-04-11"


def test_a_weekday_before_a_full_date_is_that_date() -> None:
    published = date(2025, 5, 6)
    told = find_dates("On Wednesday, April 23, police detained him.", published=published)
    assert [m.value for m in told] == ["2025-04-23"]
    alone = find_dates("On Wednesday police detained him in April.", published=published)
    assert [m.value for m in alone] == ["2025-04-30", "2025-04"]


def test_that_year_is_the_year_told_before_it() -> None:
    told = find_dates("He was charged in June 2009 and tried in December of that year.",
                      published=date(2015, 5, 6))
    assert [m.value for m in told] == ["2009-06", "2009-12"]
    again = find_dates("Freed in 2019, he was detained again later that year.",
                       published=date(2025, 5, 6))
    assert [m.value for m in again] == ["2019", "2019"]
