"""How people appear in a brief: by name, or by a case code when confidential.

A confidential person's name must not leak through any quoted text either
(evidence sentences, titles, addresses), so every ingested string passes
through `Names.text`, which replaces the name, its aliases and each of their
words with the case code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rightsdesk.brief.scope import Scope, clean_text
from rightsdesk.model import PersonRecord


class Names:
    def __init__(self, persons: Iterable[PersonRecord], scope: Scope) -> None:
        self._display: dict[str, str] = {}
        self._codes: dict[str, str] = {}  # lower-case word or name -> case code
        self._confidential: set[str] = set()
        confidential = sorted(
            (p for p in persons if p.confidential),
            key=lambda p: (scope.first_event_ids.get(p.id, 0), p.id),
        )
        for number, person in enumerate(confidential, start=1):
            code = f"Case {scope.country}-{number}"
            self._display[person.id] = code
            self._confidential.add(person.id)
            for form in [person.name, *person.aliases]:
                for word in [form, *re.split(r"[\s\-.,']+", form)]:
                    if len(word) > 1:
                        self._codes.setdefault(word.lower(), code)
        for person in persons:
            self._display.setdefault(person.id, clean_text(person.name))
        self._pattern = _pattern(self._codes)

    def name(self, person_id: str) -> str:
        return self._display.get(person_id, person_id)

    def is_confidential(self, person_id: str) -> bool:
        return person_id in self._confidential

    def text(self, text: str) -> str:
        """Ingested text, cleaned, with confidential names replaced by case codes."""
        text = clean_text(text)
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: f"[{self._codes[m.group(0).lower()]}]", text)


def _pattern(codes: dict[str, str]) -> re.Pattern[str] | None:
    """Longest forms first, so a full name is replaced once, not word by word."""
    if not codes:
        return None
    forms = sorted(codes, key=len, reverse=True)
    alternatives = "|".join(re.escape(form) for form in forms)
    # Bounded by anything but a letter or digit: "kozlov" is found in "kozlov_v" too.
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)
