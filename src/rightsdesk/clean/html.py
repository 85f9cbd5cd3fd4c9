"""Main content of an HTML page, with the page's own title, date and address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura


@dataclass(slots=True)
class CleanPage:
    """The article text of a page and the metadata the page itself declares."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


def clean_html(html: str) -> CleanPage:
    """Main content and metadata of one page; empty text when nothing is found."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return CleanPage(text="")
    return CleanPage(
        text=doc.text or "",
        title=doc.title or None,
        published=_parse_date(doc.date),
        url=doc.url or None,
    )


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
