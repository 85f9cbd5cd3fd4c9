"""Dates at the precision the text gives, resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest

from rightsdesk.extract.dates import find_dates, resolve_date

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
