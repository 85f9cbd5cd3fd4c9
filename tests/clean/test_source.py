"""clean_source: HTML and text sources to CleanDocs; sidecars win; limits reject."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from rightsdesk.clean import clean_html, clean_source
from rightsdesk.config import Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.model import Source

ARTICLE = (
    "<p>A court in the capital sentenced the blogger to three years in prison on Monday for "
    "posts that criticised the regional governor, his lawyer told reporters.</p>"
    "<p>The blogger denied the charge of spreading false information and said the case was "
    "retaliation for his reporting on corruption in the local police force.</p>"
    "<p>Two international press freedom groups condemned the verdict and called on the "
    "authorities to release him and drop all charges without delay.</p>"
)
PAGE = f"""<html><head><title>Blogger jailed | Example News</title>
<meta property="article:published_time" content="2019-03-04T08:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Blogger jailed for three years</h1>{ARTICLE}</article>
<footer><p>Copyright 2019 Example News. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer></body></html>"""


def source(raw: str, kind: str = "html", **sidecar) -> Source:
    data = raw.encode("utf-8")
    return Source(
        doc_id="doc",
        path="doc.html",
        kind=kind,
        raw=data,
        content_hash=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        **sidecar,
    )


def test_html_nav_and_footer_removed() -> None:
    text = clean_source(source(PAGE)).text
    assert "sentenced the blogger" in text
    assert "Home" not in text and "All rights reserved" not in text


def test_page_metadata_used_without_sidecar() -> None:
    doc = clean_source(source(PAGE))
    assert doc.published == date(2019, 3, 4)
    assert doc.title and "Blogger jailed" in doc.title


def test_sidecar_title_and_date_win_over_page() -> None:
    doc = clean_source(
        source(PAGE, title="Sidecar title", published=date(2019, 3, 5), url="https://example.org/a")
    )
    assert (doc.title, doc.published, doc.url) == (
        "Sidecar title",
        date(2019, 3, 5),
        "https://example.org/a",
    )


def test_text_dump_cleaned_with_line_filter() -> None:
    body = ARTICLE.replace("<p>", "").replace("</p>", "\n")
    doc = clean_source(source("Menu\nShare this article\n" + body, kind="text"))
    assert doc.text.startswith("A court in the capital") and "Share" not in doc.text


def test_nesting_depth_over_limit_rejected_with_reason() -> None:
    deep = "<div>" * 40 + ARTICLE + "</div>" * 40
    with pytest.raises(UnreadableSource, match="nested deeper than 30"):
        clean_source(source(deep), limits=Limits(max_html_depth=30))


def test_page_without_article_raises_unreadable_source() -> None:
    with pytest.raises(UnreadableSource, match="no article text"):
        clean_source(source("<html><body><nav><a href='/'>Home</a></nav></body></html>"))


def test_empty_text_dump_raises_unreadable_source() -> None:
    with pytest.raises(UnreadableSource, match="doc.html"):
        clean_source(source("Home\nContact us\n", kind="text"))


def test_fast_mode_keeps_article() -> None:
    assert "sentenced the blogger" in clean_html(PAGE, fast=True).text


def test_a_dump_without_sidecar_date_takes_the_day_it_states() -> None:
    dump = "Home | World\nMinsk, 21 September 2023\n" + ARTICLE.replace("<p>", "").replace(
        "</p>", "\n")
    assert clean_source(source(dump, kind="text")).published == date(2023, 9, 21)
    sidecar = source(dump, kind="text", published=date(2023, 9, 22))
    assert clean_source(sidecar).published == date(2023, 9, 22)
