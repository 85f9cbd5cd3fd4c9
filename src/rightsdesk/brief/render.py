"""Render a brief in one of the formats: md, html, docx, pdf."""

from __future__ import annotations

from collections.abc import Callable

from rightsdesk.brief.document import Brief
from rightsdesk.brief.formats import docx, html, markdown, pdf

RENDERERS: dict[str, Callable[[Brief], str | bytes]] = {
    "md": markdown.render,
    "html": html.render,
    "docx": docx.render,
    "pdf": pdf.render,
}
FORMATS = tuple(RENDERERS)


def render(brief: Brief, fmt: str) -> str | bytes:
    """Text for md and html, bytes for docx and pdf."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown brief format {fmt!r}; choose one of {', '.join(FORMATS)}"
        ) from None
    return renderer(brief)
