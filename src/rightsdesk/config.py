"""Settings: limits that protect the pipeline from hostile input, and defaults."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB = "rightsdesk.db"


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Bounds on what one input may cost; anything over is rejected, not truncated."""

    max_file_bytes: int = 20 * 1024 * 1024  # a news page is rarely over 2 MB
    max_decompressed_bytes: int = 50 * 1024 * 1024  # gzip bombs
    max_text_chars: int = 2_000_000  # clean text handed to NLP
    # nesting beyond this is an attack, not a page; libxml2 stops reading at level 256,
    # so a deeper page is refused rather than silently cut
    max_html_depth: int = 255
    parse_seconds: float = 20.0  # per-document budget for cleaning
    # PDF reports: a 500-page report with photographs is tens of MB; a page tree of
    # millions of pages, or a content stream inflating to gigabytes, is an attack
    max_pdf_bytes: int = 60 * 1024 * 1024
    max_pdf_pages: int = 2_000
    max_pdf_form_depth: int = 16  # forms drawn inside forms; a form drawing itself goes 40 deep
    pdf_seconds: float = 60.0  # reading every page of one PDF (200 pages take a few seconds)
    pdf_memory_bytes: int = 1024 * 1024 * 1024  # PDFium's own allocations, in its sandbox


DEFAULT_LIMITS = Limits()
