"""The country pattern's prefix tree matches what a longest-first alternation matches."""

from __future__ import annotations

import re

import pytest

from rightsdesk.extract.country import country_pattern, prefix_tree

WORDS = ["congo", "congo-brazzaville", "niger", "nigeria", "nigerian", "us", "u.s."]


def flat(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "Congo-Brazzaville and Congo-Kinshasa are neighbours of Congo.",
        "A Nigerian court in Nigeria, not Niger; Nigerians protested.",
        "The U.S. and US officials, then USA.",
    ],
)
def test_prefix_tree_finds_the_longest_form_like_an_alternation(text: str) -> None:
    tree = re.compile(rf"\b(?:{prefix_tree(WORDS)})\b", re.IGNORECASE)
    found = [m.group() for m in tree.finditer(text)]
    assert found == [m.group() for m in flat(WORDS).finditer(text)]
    assert found


def test_country_pattern_still_matches_whole_names_only() -> None:
    pattern, forms = country_pattern()
    assert [m.group() for m in pattern.finditer("Belarusian and Kazakh courts")] == [
        "Belarusian",
        "Kazakh",
    ]
    assert pattern.fullmatch("Kazakhstan") and not pattern.fullmatch("Kazakhstani Ivanov")
    assert forms["kazakhstan"] == "KZ"
