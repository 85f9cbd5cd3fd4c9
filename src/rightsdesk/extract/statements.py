"""Statements: public positions taken by governments, bodies and NGOs.

STUB owned by the statements engineer; the Extractor calls it as is.
"""

from __future__ import annotations

from datetime import date

from rightsdesk.extract.sentences import SentenceView
from rightsdesk.model import Statement


def find_statements(
    sents: list[SentenceView], *, published: date | None, author: str | None
) -> list[Statement]:
    """Statements read from the document's sentences (reading order).

    `published` resolves relative dates (see `extract.dates.resolve_date`);
    `author` is the publishing organisation when known (from the URL host),
    so that "we call on ..." can be attributed. Each Statement carries the
    `evidence` of the SentenceView it was read from.
    """
    return []
