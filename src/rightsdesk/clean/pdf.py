"""PDF reports: the text layer, page by page, into clean text with a page map.

PDFium (pypdfium2) opens the document; pages are loaded one at a time and closed
again, and only each page's text runs and their places are kept, so a long report
costs its text, not its pages. `layout` turns the runs into paragraphs in reading
order; this module checks the document first and joins the pages after:

- refused, with the reason, are encrypted and damaged files, page counts over
  `Limits.max_pdf_pages`, text over `Limits.max_text_chars` (counted as pages are
  read) and reading over `Limits.pdf_seconds`;
- a document without a single character of text is a scan: it must be OCRed first;
- a paragraph running on over a page break is joined again; footnotes follow the
  body, each page's under its own page span, so a citation still finds its page.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from rightsdesk.clean.layout import (
    Page,
    Segment,
    clean_run,
    edge_rows,
    join_words,
    read_page,
    running_keys,
)
from rightsdesk.clean.limits import PageOverLimit
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.model import PageSpan

NO_TEXT_LAYER = "no text layer: run OCR first"
CHAR_TOLERANCE = 2.0  # points around a run's first character when asking its type size
# PDFium is not thread-safe: one document is read at a time in a process.
_PDFIUM = threading.Lock()


@dataclass(slots=True)
class PdfText:
    """A PDF's clean text, its page map and the title its metadata gives."""

    text: str
    pages: tuple[PageSpan, ...]
    title: str | None = None


@dataclass(slots=True)
class _Runs:
    """One page's text runs, as read (layout waits until every page is read)."""

    number: int
    width: float
    segments: list[Segment]


def read_pdf(raw: bytes, *, limits: Limits = DEFAULT_LIMITS) -> PdfText:
    """The text of a PDF's text layer with its page map; PageOverLimit says why not."""
    with _PDFIUM:
        document = _open(raw, limits)
        try:
            runs = list(_page_runs(document, limits))
            title = _title(document)
        finally:
            document.close()
    if not any(page.segments for page in runs):
        raise PageOverLimit(NO_TEXT_LAYER)
    running = running_keys([edge_rows(page.segments) for page in runs])
    pages = [read_page(p.number, p.segments, width=p.width, running=running) for p in runs]
    text, spans = join_pages(pages)
    return PdfText(text, spans, title)


def join_pages(pages: Sequence[Page]) -> tuple[str, tuple[PageSpan, ...]]:
    """All pages' body paragraphs, then their footnotes, one paragraph a line, with spans."""
    parts: list[str] = []
    spans: list[PageSpan] = []
    length = 0
    runs_on = False
    for page in pages:
        for index, paragraph in enumerate(page.body):
            if index == 0 and runs_on and parts:
                joined = join_words(parts[-1], paragraph)
                spans.append(PageSpan(length - len(parts[-1]) + len(joined) - len(paragraph),
                                      page.number))
                length += len(joined) - len(parts[-1])
                parts[-1] = joined
                continue
            if index == 0:
                spans.append(PageSpan(length + (1 if parts else 0), page.number))
            length += len(paragraph) + (1 if parts else 0)
            parts.append(paragraph)
        runs_on = page.continues if page.body else runs_on
    for page in pages:
        if page.notes:
            spans.append(PageSpan(length + (1 if parts else 0), page.number))
            for note in page.notes:
                length += len(note) + (1 if parts else 0)
                parts.append(note)
    return "\n".join(parts), tuple(spans)


def _open(raw: bytes, limits: Limits) -> pdfium.PdfDocument:
    """The document, or the reason it cannot be read (password, damage, size)."""
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PageOverLimit("encrypted PDF: it needs a password to be read") from exc
        raise PageOverLimit(f"damaged PDF: PDFium cannot open it ({exc})") from exc
    count = len(document)
    if count == 0 or count > limits.max_pdf_pages:
        document.close()
        reason = "no pages" if count == 0 else f"over the {limits.max_pdf_pages}-page limit"
        raise PageOverLimit(f"PDF has {count} pages: {reason}")
    return document


def _page_runs(document: pdfium.PdfDocument, limits: Limits) -> Iterator[_Runs]:
    """Each page's runs, one page loaded at a time, within the time and text budgets."""
    started = time.monotonic()
    characters = 0
    for index in range(len(document)):
        if time.monotonic() - started > limits.pdf_seconds:
            raise PageOverLimit(f"reading the PDF took longer than {limits.pdf_seconds:g} s "
                                f"(stopped at page {index + 1})")
        runs = _read_runs(document, index)
        characters += sum(len(segment.text) for segment in runs.segments)
        if characters > limits.max_text_chars:
            raise PageOverLimit(f"PDF text is over the {limits.max_text_chars}-character "
                                f"limit for extraction (at page {index + 1})")
        yield runs


def _read_runs(document: pdfium.PdfDocument, index: int) -> _Runs:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise PageOverLimit(f"damaged PDF: page {index + 1} cannot be read ({exc})") from exc
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            return _Runs(index + 1, width, list(_segments(textpage, height)))
        finally:
            textpage.close()
    finally:
        page.close()


def _segments(textpage: pdfium.PdfTextPage, height: float) -> Iterator[Segment]:
    """The page's text runs (PDFium's rectangles), top-down, with their type size."""
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean_run(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            yield Segment(text, left, height - top, right, height - bottom,
                          _type_size(textpage, left, (bottom + top) / 2))


def _type_size(textpage: pdfium.PdfTextPage, x: float, y: float) -> float:
    char = pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, x + 1, y, CHAR_TOLERANCE,
                                              CHAR_TOLERANCE)
    return float(pdfium_c.FPDFText_GetFontSize(textpage.raw, char)) if char >= 0 else 0.0


def _title(document: pdfium.PdfDocument) -> str | None:
    title = document.get_metadata_value("Title").strip()
    return title or None
