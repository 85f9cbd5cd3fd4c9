"""Pages that are not articles (home pages, tag listings, forum indexes): no article text.

The rules in `rules/listing.toml` look at what a listing is made of, teaser headlines
without running prose, and never fire on a page that declares itself an article.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml.html import HtmlElement


@dataclass(frozen=True, slots=True)
class ListingRule:
    """Conditions that together make a page a listing (see rules/listing.toml)."""

    id: str
    headline_min_words: int
    min_headlines: int
    long_paragraph_chars: int
    max_long_paragraphs: int
    max_paragraph_chars: int

    def matches(self, body: HtmlElement) -> bool:
        """Whether the page's paragraphs and links fit this rule; links counted last,
        since most pages have prose and are ruled out by their paragraphs alone."""
        return self._without_prose(body) and self._headlines(body) >= self.min_headlines

    def _without_prose(self, body: HtmlElement) -> bool:
        """No paragraph over the limit and few long ones; stops at the first that breaks it
        (an article's first long paragraph), so an article costs a few paragraphs."""
        long = 0
        for paragraph in body.iter("p"):
            size = len(paragraph.text_content().strip())
            if size > self.max_paragraph_chars:
                return False
            long += size >= self.long_paragraph_chars
            if long > self.max_long_paragraphs:
                return False
        return True

    def _headlines(self, body: HtmlElement) -> int:
        return sum(1 for link in body.iter("a")
                   if len(link.text_content().split()) >= self.headline_min_words)


@dataclass(frozen=True, slots=True)
class ListingRules:
    """The rule table: article markup (which vetoes) and the listing rules."""

    markup_patterns: tuple[re.Pattern[str], ...]
    markup_examples: tuple[str, ...]
    rules: tuple[ListingRule, ...]
    markup: re.Pattern[str]  # the patterns as one, searched once per page


@cache
def load_listing_rules() -> ListingRules:
    """The packaged table, validated once (a bad table fails loudly at first use)."""
    path = resources.files("rightsdesk.clean").joinpath("rules/listing.toml")
    table = tomllib.loads(path.read_text("utf-8"))
    markup, rules = table["markup"], table.get("rule", [])
    if not markup["patterns"] or not markup["examples"] or not rules:
        raise ValueError("rules/listing.toml needs markup patterns, examples and a rule")
    return ListingRules(
        markup_patterns=tuple(re.compile(p) for p in markup["patterns"]),
        markup_examples=tuple(markup["examples"]),
        rules=tuple(ListingRule(**entry) for entry in rules),
        markup=re.compile("|".join(f"(?:{p})" for p in markup["patterns"])),
    )


def is_listing(html: str, tree: HtmlElement) -> bool:
    """Whether the page (its source and its parsed body) is a listing, not an article."""
    body = tree.find("body")
    if body is None:
        return False
    table = load_listing_rules()
    matched = any(rule.matches(body) for rule in table.rules)
    return matched and table.markup.search(html) is None
