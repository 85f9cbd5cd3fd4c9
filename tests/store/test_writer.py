"""Partial dates become their first day, so months and years sort and filter."""

from __future__ import annotations

from datetime import date

import pytest

from rightsdesk.store.writer import first_day


@pytest.mark.parametrize(
    ("partial", "expected"),
    [
        ("2012", date(2012, 1, 1)),
        ("2012-10", date(2012, 10, 1)),
        ("2012-10-08", date(2012, 10, 8)),
        ("2024-02-29", date(2024, 2, 29)),
        (None, None),
        ("", None),
        ("2023-02-29", None),
        ("2012-13", None),
        ("October 2012", None),
        ("2012-10-08-01", None),
    ],
)
def test_first_day_of_a_partial_date(partial: str | None, expected: date | None) -> None:
    assert first_day(partial) == expected
