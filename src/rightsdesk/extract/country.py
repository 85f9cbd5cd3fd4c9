"""The country a document reports on, from a gazetteer of names and demonyms."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from rightsdesk.extract.lexicon import load_table


@cache
def country_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over every country name and demonym, longest first."""
    forms: dict[str, str] = {}
    for rule in load_table("countries").rules:
        for form in rule.terms:
            forms[form.lower()] = rule.id
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE), forms


def detect_country(text: str) -> str | None:
    """The ISO alpha-2 code of the country mentioned most; ties go to the first seen."""
    pattern, forms = country_pattern()
    counts: Counter[str] = Counter(forms[m.group(0).lower()] for m in pattern.finditer(text))
    if not counts:
        return None
    return counts.most_common(1)[0][0]
