"""Pages that are not articles give no article text; articles, however short, keep theirs."""

from __future__ import annotations

import pytest

from rightsdesk.clean import clean_html
from rightsdesk.clean.article import parse_page
from rightsdesk.clean.listing import is_listing, load_listing_rules

TABLE = load_listing_rules()
RULE = TABLE.rules[0]
BLURB = "The court adjourned the hearing until next month."  # a teaser's one line


def teasers(count: int) -> str:
    return "".join(
        f"<div class='teaser'><h2><a href='/story/{n}'>Rights defender number {n} detained "
        f"at the border</a></h2><p>{BLURB}</p></div>" for n in range(count)
    )


def listing_page(head: str = "", main: str = "", count: int = 12) -> str:
    return (f"<html><head><title>Section</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<main>{main}{teasers(count)}</main></body></html>")


def listing(html: str) -> bool:
    return is_listing(html, parse_page(html))


def test_tag_listing_of_teasers_gives_no_article_text() -> None:
    html = listing_page()
    assert listing(html)
    page = clean_html(html, metadata=False)
    assert page.text == "" and page.listing


def test_few_headline_links_are_no_listing() -> None:
    assert not listing(listing_page(count=RULE.min_headlines - 1))


def test_page_declaring_itself_an_article_is_never_a_listing() -> None:
    assert not listing(listing_page(head='<meta property="og:type" content="article">'))


def test_one_paragraph_of_running_prose_makes_an_article() -> None:
    long_paragraph = "<p>" + "x" * (RULE.max_paragraph_chars + 1) + "</p>"
    assert not listing(listing_page(main=long_paragraph))


def test_several_long_paragraphs_make_an_article() -> None:
    paragraph = "<p>" + "y" * RULE.long_paragraph_chars + "</p>"
    assert not listing(listing_page(main=paragraph * (RULE.max_long_paragraphs + 1)))
    assert listing(listing_page(main=paragraph * RULE.max_long_paragraphs))


@pytest.mark.parametrize("pattern", TABLE.markup_patterns, ids=lambda p: p.pattern[:30])
def test_markup_pattern_finds_an_example(pattern) -> None:
    assert any(pattern.search(example) for example in TABLE.markup_examples)


def test_listing_is_reported_as_having_no_article_text(tmp_path) -> None:
    from rightsdesk.clean import clean_source
    from rightsdesk.errors import UnreadableSource
    from rightsdesk.ingest import read_source

    path = tmp_path / "section.html"
    path.write_text(listing_page())
    with pytest.raises(UnreadableSource, match="no article text: the page lists other pages"):
        clean_source(read_source(path), metadata=False)
