"""The Jinja2 environments of the brief's templates (package data in brief/templates/)."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from rightsdesk.brief.document import Fact
from rightsdesk.brief.wording import format_date

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>&|#!~])")


class MarkdownSource(str):
    """Markdown the templates composed themselves: not escaped again."""


def escape_markdown(value: object) -> object:
    """Ingested text as inert Markdown: no links, emphasis, HTML or tables from a page."""
    if isinstance(value, MarkdownSource) or not isinstance(value, str):
        return value
    return _MARKDOWN_SPECIALS.sub(r"\\\1", value)


def markdown_notes(fact: Fact) -> MarkdownSource:
    return MarkdownSource("".join(f"[{c.number}]" for c in fact.citations))


def markdown_fact(fact: Fact) -> MarkdownSource:
    """The sentence, escaped, then its footnote numbers."""
    return MarkdownSource(f"{escape_markdown(fact.text)} {markdown_notes(fact)}")


def web_address(url: str | None) -> str | None:
    """Only http(s) addresses become links: `javascript:` and `data:` never do."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


@cache
def environment(*, markdown: bool) -> Environment:
    """Markdown escapes every value by `finalize`; HTML autoescapes every value."""
    env = Environment(
        loader=PackageLoader("rightsdesk.brief", "templates"),
        autoescape=not markdown,
        finalize=escape_markdown if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["day"] = format_date
    env.filters["web_address"] = web_address
    env.filters["say"] = markdown_fact
    env.filters["notes"] = markdown_notes
    return env
