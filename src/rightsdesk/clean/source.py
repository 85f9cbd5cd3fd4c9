"""`clean_source`: one Source in, one CleanDoc out; sidecar metadata wins."""

from __future__ import annotations

from rightsdesk.clean.html import CleanPage, PageOverLimit, clean_html
from rightsdesk.clean.language import detect_language
from rightsdesk.clean.limits import within_time
from rightsdesk.clean.text import clean_text, stated_day
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.model import CleanDoc, Source


def clean_source(
    source: Source, *, limits: Limits = DEFAULT_LIMITS, metadata: bool = True
) -> CleanDoc:
    """Clean one source; raises UnreadableSource when no article text is left
    or the page exceeds an input limit (nesting depth, parse time, text length).
    Without `metadata`, a page's title, date and language are not read (`rightsdesk
    clean` prints the text alone; the language model takes 0.4 s to load).

    The text length bound is the NLP time budget: parsing costs time in
    proportion to the characters, so a bound on them bounds the extractor's work.
    """
    try:
        page = _clean_by_kind(source, limits, metadata)
    except PageOverLimit as over:
        raise UnreadableSource(source.path, over.reason) from over
    if page.listing:
        raise UnreadableSource(source.path, "no article text: the page lists other pages "
                               "(a home page, a section, tag or forum index)")
    if not page.text.strip():
        raise UnreadableSource(source.path, "no article text left after removing boilerplate")
    if len(page.text) > limits.max_text_chars:
        raise UnreadableSource(
            source.path,
            f"clean text is {len(page.text)} characters, over the "
            f"{limits.max_text_chars}-character limit for extraction",
        )
    return CleanDoc(
        source=source,
        text=page.text,
        title=source.title or page.title,
        published=source.published or page.published,
        url=source.url or page.url,
        published_precision=source.published_precision if source.published else "day",
        pages=page.pages,
        language=detect_language(page.text) if metadata else "en",
    )


def _clean_by_kind(source: Source, limits: Limits, metadata: bool) -> CleanPage:
    if source.kind == "pdf":
        return _clean_pdf(source, limits)
    decoded = _decode(source)
    if source.kind == "html":
        sidecar_complete = bool(source.title and source.published and source.url)
        return clean_html(decoded, limits=limits, metadata=metadata and not sidecar_complete)
    # Dumps get the same time budget as pages: the line filter is not free on 50 MB.
    text = within_time(limits.parse_seconds, lambda: clean_text(decoded))
    return CleanPage(text=text, published=None if source.published else stated_day(decoded))


def _clean_pdf(source: Source, limits: Limits) -> CleanPage:
    """A report's text layer; its date, like a dump's, from a dateline at its top."""
    from rightsdesk.clean.pdf import read_pdf  # PDFium loads only when a PDF comes (start-up)

    pdf = read_pdf(source.raw, limits=limits)  # bounded in time and memory by its sandbox
    published = None if source.published else stated_day(pdf.text)
    return CleanPage(text=pdf.text, title=pdf.title, published=published, pages=pdf.pages)


def _decode(source: Source) -> str:
    """Decode with ingest's detected encoding; an unknown codec name falls back to UTF-8."""
    try:
        return source.raw.decode(source.encoding or "utf-8", errors="replace")
    except LookupError:
        return source.raw.decode("utf-8", errors="replace")
