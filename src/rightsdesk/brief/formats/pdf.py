"""PDF: the printable HTML laid out by WeasyPrint (needs Pango from the system)."""

from __future__ import annotations

from rightsdesk.brief.document import Brief
from rightsdesk.brief.formats import html


def render(brief: Brief) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which the other formats never need.
    from weasyprint import HTML

    # No base_url and a fetcher that refuses everything: a brief never loads a resource.
    document = HTML(string=html.render(brief), url_fetcher=_refuse)
    return document.write_pdf()


def _refuse(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"a brief loads no external resource: {url[:80]}")
