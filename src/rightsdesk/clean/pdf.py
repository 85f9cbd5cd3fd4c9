"""PDF reports: the text layer, page by page, into clean text with a page map.

PDFium (pypdfium2) opens the document in a sandboxed child process; pages are
loaded one at a time and closed again, and only each page's text runs and their
places come back, so a long report costs its text, not its pages. `layout` turns
the runs into paragraphs in reading order; this module checks the document first
and joins the pages after:

- refused, with the reason, are encrypted and damaged files, page counts over
  `Limits.max_pdf_pages`, text over `Limits.max_text_chars` (counted as pages are
  read) and reading over `Limits.pdf_seconds`;
- a document without a single character of text is a scan: it must be OCRed first;
- a paragraph running on over a page break is joined again; footnotes follow the
  body, each page's under its own page span, so a citation still finds its page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from rightsdesk.clean.layout import (
    Page,
    Segment,
    clean_run,
    edge_rows,
    find_gutter,
    join_words,
    read_page,
    running_keys,
    usual_gutter,
)
from rightsdesk.clean.limits import PageOverLimit
from rightsdesk.clean.sandbox import run_bounded
from rightsdesk.clean.text import is_clutter
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.model import PageSpan

NO_TEXT_LAYER = "no text layer: run OCR first"
FORM_OBJECT = pdfium_c.FPDF_PAGEOBJ_FORM
CHAR_TOLERANCE = 2.0  # points around a run's first character when asking its type size


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
    height: float
    segments: list[Segment]


@dataclass(slots=True)
class _Document:
    """What the sandboxed reader hands back: every page's runs and the title."""

    pages: list[_Runs]
    title: str | None


def read_pdf(raw: bytes, *, limits: Limits = DEFAULT_LIMITS) -> PdfText:
    """The text of a PDF's text layer with its page map; PageOverLimit says why not.

    PDFium runs in a child process (`sandbox`), within `Limits.pdf_seconds` and
    `Limits.pdf_memory_bytes`; the layout is pure Python on the runs it returns.
    """
    document = run_bounded(lambda: _read_document(raw, limits), seconds=limits.pdf_seconds,
                           memory_bytes=limits.pdf_memory_bytes, what="reading the PDF")
    runs = document.pages
    if not any(page.segments for page in runs):
        raise PageOverLimit(NO_TEXT_LAYER)
    running = running_keys([edge_rows(page.segments) for page in runs])
    gutter = usual_gutter([find_gutter(page.segments, page.width) for page in runs])
    pages = [read_page(p.number, p.segments, width=p.width, height=p.height, running=running,
                       gutter=gutter) for p in runs]
    for page in pages:  # a report printed from a web page keeps its "Skip to main content"
        page.body = [paragraph for paragraph in page.body if not is_clutter(paragraph)]
    text, spans = join_pages(pages)
    return PdfText(text, spans, document.title)


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


def _read_document(raw: bytes, limits: Limits) -> _Document:
    document = _open(raw, limits)
    try:
        return _Document(list(_page_runs(document, limits)), _title(document))
    finally:
        document.close()


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
    """Each page's runs, one page loaded at a time, within the text budget."""
    characters = 0
    for index in range(len(document)):
        runs = _read_runs(document, index, limits)
        characters += sum(len(segment.text) for segment in runs.segments)
        if characters > limits.max_text_chars:
            raise PageOverLimit(f"PDF text is over the {limits.max_text_chars}-character "
                                f"limit for extraction (at page {index + 1})")
        yield runs


def _read_runs(document: pdfium.PdfDocument, index: int, limits: Limits) -> _Runs:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise PageOverLimit(f"damaged PDF: page {index + 1} cannot be read ({exc})") from exc
    try:
        if _form_depth(page.raw, limits.max_pdf_form_depth) > limits.max_pdf_form_depth:
            raise PageOverLimit(f"page {index + 1} nests forms over {limits.max_pdf_form_depth}"
                                " deep (a form that draws itself)")
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            return _Runs(index + 1, width, height, list(_segments(textpage, height)))
        finally:
            textpage.close()
    finally:
        page.close()


def _form_depth(page: pdfium_c.FPDF_PAGE, limit: int) -> int:
    """How deep the page's form XObjects nest, counted no further than past `limit`.

    PDFium stops a form drawing itself some 40 levels down, having drawn it 40
    times; a real report nests forms a few levels at most.
    """
    count = pdfium_c.FPDFPage_CountObjects(page)
    level = [pdfium_c.FPDFPage_GetObject(page, i) for i in range(count)]
    depth = 0
    while depth <= limit:
        forms = [obj for obj in level if pdfium_c.FPDFPageObj_GetType(obj) == FORM_OBJECT]
        if not forms:
            return depth
        depth += 1
        level = [pdfium_c.FPDFFormObj_GetObject(form, i)
                 for form in forms for i in range(pdfium_c.FPDFFormObj_CountObjects(form))]
    return depth


def _segments(textpage: pdfium.PdfTextPage, height: float) -> Iterator[Segment]:
    """The page's text runs (PDFium's rectangles), top-down, with their type size."""
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean_run(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            yield Segment(text, left, height - top, right, height - bottom,
                          _type_size(textpage, left, right, (bottom + top) / 2))


def _type_size(textpage: pdfium.PdfTextPage, left: float, right: float, y: float) -> float:
    """The type size of a run, asked at its start, middle and end (a point may fall
    between glyphs, and a quotation mark may report none); 0.0 when none answers."""
    for x in (left + 1, (left + right) / 2, right - 1):
        char = pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, x, y, CHAR_TOLERANCE,
                                                  CHAR_TOLERANCE)
        size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, char)) if char >= 0 else 0.0
        if size > 0:
            return size
    return 0.0


def _title(document: pdfium.PdfDocument) -> str | None:
    title = document.get_metadata_value("Title").strip()
    return title or None
