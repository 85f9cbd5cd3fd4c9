"""A brief quotes evidence as written and marks a sentence not in English."""

from __future__ import annotations

from rightsdesk.brief.document import SourceEntry


def test_russian_evidence_is_quoted_as_written_and_marked() -> None:
    entry = SourceEntry(number=1, source_id=1, title="t", url=None, published=None,
                        evidence=("Суд приговорил журналиста к пяти годам.",), language="ru")
    assert entry.quotes() == (("Суд приговорил журналиста к пяти годам. (ru)", None),)


def test_english_evidence_is_not_marked() -> None:
    entry = SourceEntry(number=1, source_id=1, title="t", url=None, published=None,
                        evidence=("The court jailed him.",))
    assert entry.quotes() == (("The court jailed him.", None),)
