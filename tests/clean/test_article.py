"""article: the page parsed once, narrowed to its article block, trafilatura's core on it."""

from __future__ import annotations

import time

import pytest

from rightsdesk.clean import clean_html
from rightsdesk.clean.article import article_block, article_text, parse_page
from rightsdesk.clean.limits import PageOverLimit, check_depth
from rightsdesk.config import Limits

PARAGRAPHS = [
    "The regional court extended the pre-trial detention of the trade union leader by "
    "another three months on Tuesday, according to his defence team.",
    "Investigators accuse him of organising an unauthorised strike at the port, a charge "
    "that carries up to five years in prison under the criminal code.",
    "His wife said she had not been allowed to visit him since his arrest in February and "
    "that his letters were being withheld by the detention centre.",
    "A coalition of labour rights groups called the case an attempt to silence workers who "
    "had protested unpaid wages over the winter.",
]
TEASER = "Opposition newspaper fined again over its coverage of the flooding in the north."


def page(head: str = "", article_attrs: str = "", extra_body: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>Union leader stays in custody</title>{head}</head>"
        "<body><header><a href='/'>Home</a> <a href='/news'>News</a></header>"
        f"<main><div class='story'{article_attrs}><h1>Union leader stays in custody</h1>"
        f"{body}</div><aside><h2>More news</h2><p>{TEASER}</p></aside></main>"
        f"{extra_body}<footer><p>All rights reserved.</p></footer></body></html>"
    )


def test_article_block_is_the_deepest_element_holding_the_paragraphs() -> None:
    # the aside's teaser is over a tenth of the paragraph text: <main> holds 90%, the
    # story alone does not; trafilatura then drops the aside
    block, prose = article_block(parse_page(page()))
    assert block is not None and block.tag == "main"
    assert prose == sum(len(p) for p in PARAGRAPHS) + len(TEASER)
    alone = parse_page(page().replace(f"<p>{TEASER}</p>", ""))
    assert article_block(alone)[0].get("class") == "story"


def test_article_text_keeps_paragraphs_and_drops_teasers() -> None:
    text = article_text(parse_page(page()))
    assert all(p in text for p in PARAGRAPHS)
    assert TEASER not in text and "All rights reserved" not in text


def test_comment_thread_longer_than_the_article_is_not_taken_for_it() -> None:
    notice = "Readers may comment on the verdict below; we read every comment."
    comment = (
        "I was at the hearing too, and the judge refused every motion the defence filed, "
        "including the request to call the two port workers who saw the arrest."
    )
    thread = "".join(f"<div class='comment'><p>{comment} ({n})</p></div>" for n in range(30))
    html = (
        "<html><head></head><body><article><h1>Open thread</h1>"
        f"<p>{notice}</p></article><div id='comments'>{thread}</div></body></html>"
    )
    tree = parse_page(html)
    assert article_block(tree)[0].get("id") == "comments"  # the thread holds most of the text
    text = article_text(tree)
    assert notice in text and "judge refused" not in text


def test_page_without_paragraphs_read_whole() -> None:
    divs = "".join(f"<div>{p}</div>" for p in PARAGRAPHS)
    tree = parse_page(f"<html><body><div class='content'>{divs}</div></body></html>")
    assert article_block(tree)[0] is None
    assert PARAGRAPHS[0] in article_text(tree)


def test_head_script_never_reaches_the_text() -> None:
    head = "<script>var note = 'The verdict was announced on Friday evening.';</script>"
    assert "verdict was announced" not in clean_html(page(head=head), metadata=False).text


def test_metadata_read_from_the_head_that_the_text_pass_skips() -> None:
    head = '<meta property="article:published_time" content="2021-06-01T09:00:00Z">'
    cleaned = clean_html(page(head=head))
    assert cleaned.title == "Union leader stays in custody"
    assert cleaned.published is not None and cleaned.published.isoformat() == "2021-06-01"


def test_characters_xml_forbids_do_not_break_extraction() -> None:
    hostile = page(article_attrs=" title='\x00\x08\ufffe'", extra_body="<p>\x0b\uffff</p>")
    assert PARAGRAPHS[1] in clean_html(hostile, metadata=False).text


def test_markup_without_a_document_gives_empty_text() -> None:
    assert parse_page("") is None
    assert clean_html("<!-- nothing -->", metadata=False).text == ""


def test_depth_over_limit_rejected_after_parsing() -> None:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    deep = f"<html><head></head><body>{'<div>' * 40}{article}{'</div>' * 40}</body></html>"
    with pytest.raises(PageOverLimit, match="nested deeper than 30"):
        clean_html(deep, limits=Limits(max_html_depth=30))


def test_page_the_parser_cuts_off_is_rejected_not_emptied() -> None:
    # libxml2 drops everything below its 256th level; the reason says so
    deep = "<div>" * 300 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 300
    with pytest.raises(PageOverLimit, match="nested deeper than 255"):
        clean_html(deep, limits=Limits(max_html_depth=512))


def test_text_depth_check_linear_on_tags_never_closed() -> None:
    start = time.perf_counter()
    check_depth("<a " * 20_000, max_depth=512)  # took 15 s when every "<" rescanned the rest
    assert time.perf_counter() - start < 1.0


def test_headings_and_lists_of_a_bare_block_are_kept() -> None:
    """A block with no article-like class: its section headings (text after an empty
    anchor span, as table-of-contents plugins write them) and its lists stay."""
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    more = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    html = (
        "<html><head></head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='blog-detail'>{prose}"
        "<h3><span class='toc-anchor' id='s2'></span>2. What the lawyers asked for</h3>"
        "<ul><li>Release on bail pending the appeal hearing</li>"
        "<li>Access to the case file for the defence</li></ul>"
        f"{more}</div><footer><p>All rights reserved.</p></footer></body></html>"
    )
    text = article_text(parse_page(html))
    assert "2. What the lawyers asked for" in text
    assert "Access to the case file for the defence" in text
    assert all(p in text for p in PARAGRAPHS) and "All rights reserved" not in text


def test_block_yielding_little_of_its_prose_gives_way_to_the_whole_page(monkeypatch) -> None:
    """When trafilatura's rules find only a small box inside the block (an author's box
    matching their article patterns, as on some WCXB pages), the page is read too and
    the longer text kept."""
    import rightsdesk.clean.article as article

    read = article._extract

    def box_only_in_blocks(tree, *, whole_page: bool) -> str:
        return read(tree, whole_page=True) if whole_page else "Staff writers."

    monkeypatch.setattr(article, "_extract", box_only_in_blocks)
    text = article_text(parse_page(page()))
    assert all(p in text for p in PARAGRAPHS)
