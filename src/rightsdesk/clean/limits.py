"""Guards that reject hostile HTML before it reaches a parser: nesting depth, time."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
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
    for match in TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in NOT_NESTING:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > max_depth:
            raise PageOverLimit(f"HTML nested deeper than {max_depth} elements")


def within_time(seconds: float, work: Callable[[], T]) -> T:
    """Run work() with a wall-clock budget; over it raises PageOverLimit.

    The alarm needs the main thread (signals); elsewhere the budget is checked by
    the caller's pool or not at all, since a thread cannot be interrupted.
    """
    with _alarm(seconds):
        return work()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise PageOverLimit(f"cleaning took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
