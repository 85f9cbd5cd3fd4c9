"""Prison terms in months, in words and digits."""

from __future__ import annotations

import pytest

from rightsdesk.extract.terms import find_terms, is_suspended


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("sentenced to seven and a half years in a penal colony", 90),
        ("jailed for 7.5 years", 90),
        ("sentenced to seven-and-a-half years", 90),
        ("given two years and six months in prison", 30),
        ("sentenced to 15 days of administrative detention", 0.5),
        ("received a five-year sentence", 60),
        ("sent to prison for 7-1/2 years", 90),
        ("sentenced to 18 months", 18),
        ("sentenced to 4 years 6 months of imprisonment", 54),
        ("was sentenced 8 years 3 months of strict regime colony", 99),
    ],
)
def test_terms_in_words_and_digits(text: str, months: float) -> None:
    assert [t.months for t in find_terms(text)] == [months]


@pytest.mark.parametrize(
    "text",
    [
        "faces up to ten years in prison",
        "the 52-year-old activist",
        "two years ago",
        "over the past three years",
        "two hundred supporters",
        "a professor who had been held for eight months",
        "in custody for two years",
        "Ulan Maratovich, 1979 year of birth,",
    ],
)
def test_ages_durations_and_maximums_are_not_terms(text: str) -> None:
    assert find_terms(text) == []


def test_suspended_sentence_is_noticed() -> None:
    assert is_suspended("both received suspended sentences")
    assert not is_suspended("both received prison sentences")


def test_days_held_are_not_a_term_but_days_of_detention_are() -> None:
    assert find_terms("held incommunicado for 471 days") == []
    assert [t.months for t in find_terms("given 10 days of administrative arrest")] == [0.3]
