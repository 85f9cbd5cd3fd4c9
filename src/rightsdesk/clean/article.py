"""The article text of an HTML page: parse once, narrow to the article block, then
trafilatura's extraction core on that block alone.

trafilatura's own sequence parses the page, prunes the whole tree with dozens of
XPath rules, and then runs fallbacks (readability, jusText, a baseline, a recall
retry) that a page with a clear article never needs. Its cost grows with the size
of the tree, and most of a news page is navigation, teasers and footers. So:

1. Parse with lxml from the end of `<head>`: the head (scripts, styles, metadata)
   is a third of a page's bytes and never holds article text.
2. The article block is the deepest element that still holds most of the page's
   paragraph text (`<p>` of sentence length); `ARTICLE_SHARES` are tried in order.
3. trafilatura's cleaning, comment pruning and main extractor (in its recall
   focus: headings, lists and tables of the article are kept) run on that block
   only, with no fallbacks. A page without such a block (no `<p>` prose: list
   pages, text in bare `<div>`s), or whose block yields under half of the page's
   paragraph text, goes through the same core whole.

On the article-extraction benchmark this scores shingle F1 0.972 (trafilatura's
defaults 0.953), on the sealed part of WCXB's development articles 0.940
(trafilatura 0.938), at 3.3 and 2.2 times trafilatura's pages per second
(docs/performance.md).
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HTMLParser, document_fromstring
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

ARTICLE_SHARES = (0.9, 0.75)  # share of the page's paragraph text the article block must hold
PARAGRAPH_MIN_CHARS = 25  # shorter <p> are captions, bylines and buttons, not the article
PAGE_MIN_PARAGRAPH_CHARS = 400  # less paragraph text than this: no block to narrow to
BLOCK_MIN_SHARE = 0.5  # a block's text under this share of the paragraph text: read the page

# Same settings as trafilatura's parser; every element is a plain HtmlElement, looked up
# in C (lxml.html's default lookup calls Python for each element it hands out).
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment)
)
_OPTIONS = Extractor(fast=True, comments=False, recall=True)

_BODY_AFTER_HEAD = re.compile(rb"</head\s*>\s*<body[\s>]", re.IGNORECASE)
_DOCTYPE = re.compile(rb"^\s*<!doctype[^>]*>", re.IGNORECASE)  # libxml2 misreads some
# Characters XML forbids: lxml refuses them when trafilatura copies text between elements.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))
_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # U+FFFE, U+FFFF in UTF-8


def parse_page(html: str) -> HtmlElement | None:
    """The page's body as an lxml tree (head cut off); None when nothing parses."""
    data = html.encode("utf-8", "replace")
    head_end = data.find(b"</head>")
    if head_end < 0:
        head_end = data.find(b"</HEAD>")
    if head_end >= 0 and _BODY_AFTER_HEAD.match(data, head_end):
        data = data[head_end + len(b"</head>") :]
    else:
        data = _DOCTYPE.sub(b"", data, count=1)
    data = data.translate(None, _CONTROL_BYTES)
    if b"\xef\xbf" in data:
        for nonchar in _NONCHARACTERS:
            data = data.replace(nonchar, b"")
    try:
        return document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):  # "Document is empty": nothing but markup
        return None


def article_text(tree: HtmlElement) -> str:
    """Main text of a parsed page: trafilatura's core on the article block, or on the page.

    A block that yields less than half of the page's paragraph text was the wrong one:
    a comment thread longer than the article (trafilatura prunes it whole), or a
    wrapper whose article trafilatura's rules only find on the whole page. The page is
    read too, and the longer text kept.
    """
    block, prose = article_block(tree)
    if block is None:
        return _extract(tree, whole_page=True)
    text = _extract(_as_page(block), whole_page=False)
    if len(text) >= BLOCK_MIN_SHARE * prose:
        return text
    whole = _extract(tree, whole_page=True)
    return whole if len(whole) > len(text) else text


def article_block(tree: HtmlElement) -> tuple[HtmlElement | None, int]:
    """The deepest element holding most of the page's paragraph text, if any, and the
    characters of that text."""
    body = tree.find("body")
    if body is None:
        return None, 0
    paragraphs = _paragraph_chars(body)
    total = sum(paragraphs.values())
    if total < PAGE_MIN_PARAGRAPH_CHARS:
        return None, total
    held = _text_held(paragraphs, body)
    longest = max(paragraphs, key=paragraphs.__getitem__)
    for share in ARTICLE_SHARES:
        block = _deepest_holding(longest, body, held, share * total)
        if block is not None:
            return block, total
    return None, total


def _paragraph_chars(body: HtmlElement) -> dict[HtmlElement, int]:
    """Characters of each sentence-length paragraph."""
    chars = {}
    for paragraph in body.iter("p"):
        size = len(paragraph.text_content().strip())
        if size >= PARAGRAPH_MIN_CHARS:
            chars[paragraph] = size
    return chars


def _text_held(paragraphs: dict[HtmlElement, int], body: HtmlElement) -> dict[HtmlElement, int]:
    """Paragraph characters under each ancestor of a paragraph, body excluded."""
    by_parent: dict[HtmlElement, int] = {}
    for paragraph, size in paragraphs.items():
        parent = paragraph.getparent()
        by_parent[parent] = by_parent.get(parent, 0) + size
    held: dict[HtmlElement, int] = {}
    for element, size in by_parent.items():
        while element is not None and element is not body:
            held[element] = held.get(element, 0) + size
            element = element.getparent()
    return held


def _deepest_holding(
    paragraph: HtmlElement, body: HtmlElement, held: dict[HtmlElement, int], needed: float
) -> HtmlElement | None:
    """Walking down from the body towards `paragraph`: the last element holding `needed`.

    A block holding most of the text must hold the longest paragraph unless that
    paragraph is a small share of the text, so its ancestors are the candidates.
    """
    ancestors = []
    element = paragraph.getparent()
    while element is not None and element is not body:
        ancestors.append(element)
        element = element.getparent()
    block = None
    for element in reversed(ancestors):
        if held[element] < needed:
            break
        block = element
    return block


def _as_page(block: HtmlElement) -> HtmlElement:
    """A copy of the block in a page of its own, so trafilatura sees nothing else.

    A copy, since trafilatura rewrites what it reads and the page may be read next.
    The block goes inside an `<article>` (unless it holds one), so that trafilatura's
    rules read it as the article container: a bare block matched none of them, and
    trafilatura's wild-text recovery then dropped headings and lists (WCXB pages).
    """
    page = block.makeelement("html")
    copied = deepcopy(block)
    copied.tail = None
    body = etree.SubElement(page, "body")
    holder = body if copied.find(".//article") is not None else etree.SubElement(body, "article")
    holder.append(copied)
    return page


def _extract(tree: HtmlElement, *, whole_page: bool) -> str:
    """trafilatura's cleaning and main extractor, without its fallbacks.

    Its infinite-scroll pruning (follow-up articles appended below the first) is
    for whole pages: an article block holding 75% of the paragraph text has
    left them out already.
    """
    tree = tree_cleaning(tree, _OPTIONS)  # first: the XPath pruning below then walks fewer nodes
    if whole_page:
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    body, _ = extract_content(convert_tags(tree, _OPTIONS, None), _OPTIONS)
    return xmltotxt(body, False)
