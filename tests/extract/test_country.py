"""The country a document reports on."""

from __future__ import annotations

from rightsdesk.extract.country import detect_country


def test_most_mentioned_country_wins() -> None:
    text = "A Kazakh court jailed a blogger. Kazakhstan denied it. Russia said nothing."
    assert detect_country(text) == "KZ"


def test_demonyms_count() -> None:
    assert detect_country("Belarusian police detained two Belarusian students.") == "BY"


def test_no_country_gives_none() -> None:
    assert detect_country("The court sat for three hours.") is None


def test_cities_count_only_when_no_country_is_named() -> None:
    assert detect_country("Police in Aktau detained two oil workers.") == "KZ"
    assert detect_country("Police in Moscow detained a Kazakh journalist.") == "KZ"


def test_a_city_written_with_its_own_letters_is_found() -> None:
    # the dotted capital I lowers to two characters; the gazetteer writes "Istanbul"
    assert detect_country("Police in İstanbul detained two students.") == "TR"
