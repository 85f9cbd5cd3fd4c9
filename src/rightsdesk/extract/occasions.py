"""Occasions: dated engagements an advocate can use (visits, hearings, reviews...).

STUB owned by the statements engineer; the Extractor calls it as is.
"""

from __future__ import annotations

from datetime import date

from rightsdesk.extract.sentences import SentenceView
from rightsdesk.model import Occasion, Person


def find_occasions(
    sents: list[SentenceView], *, published: date | None, persons: list[Person]
) -> list[Occasion]:
    """Occasions read from the document's sentences (reading order).

    `persons` are the victims already found (their `key`, `name`, `aliases`),
    so a hearing can be tied to them via `Occasion.persons` (Person.keys).
    """
    return []
