"""When two written names can be one person: surnames, given names, patronymics.

The parts come from `rightsdesk.names`; this module decides how far apart they
may be. `surname_bands` says where in the store's surname index a surname's
matches can lie, so a batch asks only for those.
"""

from __future__ import annotations

import re
from math import ceil, floor

from rapidfuzz import fuzz

from rightsdesk.names import NAME_PARTICLES, VOWELS, NameParts, surname_band

SURNAME_MIN_RATIO = 80  # "Kalesnikava"/"Kolesnikova" score 82; unrelated names far lower
GIVEN_MIN_RATIO = 75  # "Roza"/"Rosa" score 75, "Viktar"/"Viktor" 83
SKELETON_MIN = 3  # consonants a given name needs for its skeleton to identify it
# fuzz.ratio >= 80 needs a common subsequence of 40% of both lengths together, so
# one length is at most 1.5 times the other; a letter of slack covers rounding.
LENGTH_REACH = 1.5
LENGTH_SLACK = 1


def same_surname_key(a: str, b: str) -> bool:
    """Romanisations of one surname (transliteration keys); "-ov"/"-ova" (husband, wife)
    stay apart."""
    if a == b:
        return True
    if a[:1] != b[:1] or a.endswith("a") != b.endswith("a"):
        return False
    return fuzz.ratio(a, b) >= SURNAME_MIN_RATIO


def surname_bands(surname: str) -> set[str]:
    """The `surname_band`s of every surname `same_surname_key` could pair with this one."""
    shortest = max(0, floor(len(surname) / LENGTH_REACH) - LENGTH_SLACK)
    longest = ceil(len(surname) * LENGTH_REACH) + LENGTH_SLACK
    stem = surname_band(surname).removesuffix(str(len(surname)))
    return {f"{stem}{length}" for length in range(shortest, longest + 1)}


def given_score(a: NameParts, b: NameParts) -> float:
    """How well the given names agree: 100 equal, 0 incompatible, 50 nothing to compare."""
    if a.patronymic and b.patronymic and not _similar(a.patronymic, b.patronymic):
        return 0.0
    if a.given and b.given:
        if not _second_given_agree(a, b):
            return 0.0
        return given_pair(a.given[0], b.given[0])
    first_a = a.given[0][0] if a.given else (a.initials[0] if a.initials else None)
    first_b = b.given[0][0] if b.given else (b.initials[0] if b.initials else None)
    if first_a and first_b:
        return 80.0 if first_a == first_b else 0.0
    return 50.0


def _second_given_agree(a: NameParts, b: NameParts) -> bool:
    """Second given names written in both must agree: "Mohammed Wali" and "Mohammed
    Khudair" are two people, and so are "Ko Wai Phyo" and "Ko Min Thitsar" (an honorific
    first)."""
    second_a = [g for g in a.given[1:] if g not in NAME_PARTICLES][:1]
    second_b = [g for g in b.given[1:] if g not in NAME_PARTICLES][:1]
    return not (second_a and second_b) or bool(given_pair(second_a[0], second_b[0]))


def given_pair(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if a[0] != b[0]:
        return 0.0
    ratio = fuzz.ratio(a, b)
    if ratio < GIVEN_MIN_RATIO and _skeleton(a) == _skeleton(b):
        return float(GIVEN_MIN_RATIO)  # "Muhammad", "Mohammed", "Mohamed": one name, vowels apart
    return ratio if ratio >= GIVEN_MIN_RATIO else 0.0


def _skeleton(key: str) -> str | None:
    """The consonants of a name: romanisations of Arabic and Persian names differ in
    their vowels ("Ahmad"/"Ahmed"), rarely in their consonants."""
    consonants = re.sub(f"[{VOWELS}]", "", key)
    return consonants if len(consonants) >= SKELETON_MIN else None


def _similar(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= GIVEN_MIN_RATIO
