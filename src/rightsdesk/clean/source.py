"""`clean_source`: one Source in, one CleanDoc out; sidecar metadata wins."""

from __future__ import annotations

from rightsdesk.clean.html import CleanPage, clean_html
from rightsdesk.clean.text import clean_text
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.model import CleanDoc, Source


def clean_source(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> CleanDoc:
    """Clean one source; raises UnreadableSource when no article text is left."""
    page = _clean_by_kind(source, _decode(source))
    if not page.text.strip():
        raise UnreadableSource(source.path, "no article text left after cleaning")
    return CleanDoc(
        source=source,
        text=page.text,
        title=source.title or page.title,
        published=source.published or page.published,
        url=source.url or page.url,
    )


def _clean_by_kind(source: Source, decoded: str) -> CleanPage:
    if source.kind == "html":
        return clean_html(decoded)
    return CleanPage(text=clean_text(decoded))


def _decode(source: Source) -> str:
    """Decode with ingest's detected encoding; an unknown codec name falls back to UTF-8."""
    try:
        return source.raw.decode(source.encoding or "utf-8", errors="replace")
    except LookupError:
        return source.raw.decode("utf-8", errors="replace")
