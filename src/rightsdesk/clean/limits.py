"""Guards that reject hostile HTML: nesting depth (before or after parsing), time."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TypeVar

from lxml import etree

T = TypeVar("T")

# A tag, its name, and its last character before ">" ("/" when self-closing). The
# attributes stop at "<" as well as ">": "<a<a<a..." with no ">" is then read in one
# pass, where "[^>]*?" rescanned the rest of the page from every "<" (60 KB: 15 s).
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^<>]*([^<>]))?>")
# libxml2 (lxml) stops reading a document at its 256th level of elements and drops
# the rest, so no tree it returns is deeper than this.
PARSER_MAX_DEPTH = 255
# Elements that never nest (void) or whose end tag may be omitted: counting them
# would make ordinary sloppy pages look deep.
NOT_NESTING = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "rb",
        "rt",
        "rp",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
    ]
)


class PageOverLimit(Exception):
    """A page that exceeds an input limit; `reason` says which and by how much."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_depth(html: str, max_depth: int) -> None:
    """Reject pages nested deeper than max_depth elements (parsers recurse on depth)."""
    depth = 0
    for match in TAG.finditer(html):  # not findall: a list of every tag of 20 MB is large
        closing, name, last = match.groups()
        if last == "/" or name.lower() in NOT_NESTING:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > max_depth:
            raise PageOverLimit(f"HTML nested deeper than {max_depth} elements")


def check_tree_depth(tree: etree._Element, max_depth: int) -> None:
    """Reject a parsed page with elements deeper than max_depth levels (html is level 1).

    A page cut off by the parser's own limit has elements at its last level, so it
    is rejected too, with that limit as the reason, instead of losing its article.
    """
    limit = min(max_depth, PARSER_MAX_DEPTH)
    if _element_at_level(limit + 1)(tree):
        raise PageOverLimit(f"HTML nested deeper than {limit} elements")


@cache
def _element_at_level(level: int) -> etree.XPath:
    """One XPath step per level: evaluated in C, in time linear in the tree's size."""
    return etree.XPath("boolean(" + "/*" * level + ")")


def within_time(seconds: float, work: Callable[[], T]) -> T:
    """Run work() with a wall-clock budget; over it raises PageOverLimit.

    The alarm needs the main thread (signals); elsewhere the budget is checked by
    the caller's pool or not at all, since a thread cannot be interrupted. A parser
    that swallows the alarm's exception (trafilatura falls back on any error) still
    fails the page when it returns.
    """
    with _alarm(seconds) as expired:
        result = work()
    if expired:
        raise PageOverLimit(_over(seconds))
    return result


def _over(seconds: float) -> str:
    return f"cleaning took longer than {seconds:g} s"


@contextmanager
def _alarm(seconds: float) -> Iterator[list[bool]]:
    """Yields a list that holds True once the budget ran out."""
    expired: list[bool] = []
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield expired
        return

    def expire(_signum: int, _frame: object) -> None:
        expired.append(True)
        raise PageOverLimit(_over(seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield expired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
