"""Boilerplate line rules for text dumps, read from `rules/boilerplate.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

LineKind = Literal["drop", "barrier"]
LINE_KINDS: tuple[str, ...] = ("drop", "barrier")


@dataclass(frozen=True, slots=True)
class LineRule:
    """One boilerplate pattern, matched against a whole stripped line."""

    id: str
    kind: LineKind
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]
    any_length: bool = False  # also tested on long lines (most clutter is short)
    requires: tuple[str, ...] = ()  # lowercase words a matching line contains, one at least

    def matches(self, line: str) -> bool:
        if self.requires and not _contains_any(line.lower(), self.requires):
            return False  # a substring test rules out most lines ten times faster
        return self.pattern.fullmatch(line) is not None


def _contains_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


@cache
def load_line_rules() -> tuple[LineRule, ...]:
    """The packaged rule table, validated once (a bad table fails loudly at first use)."""
    text = resources.files("rightsdesk.clean").joinpath("rules/boilerplate.toml").read_text("utf-8")
    return tuple(_parse_rule(entry) for entry in tomllib.loads(text)["rule"])


def _parse_rule(entry: dict) -> LineRule:
    if entry["kind"] not in LINE_KINDS:
        raise ValueError(f"rule {entry['id']}: kind must be one of {LINE_KINDS}")
    if not entry.get("examples"):
        raise ValueError(f"rule {entry['id']}: needs at least one example")
    requires = tuple(entry.get("requires", ()))
    if any(word != word.lower() for word in requires):
        raise ValueError(f"rule {entry['id']}: requires words in lowercase")
    unmet = [e for e in entry["examples"] if requires and not _contains_any(e.lower(), requires)]
    if unmet:
        raise ValueError(f"rule {entry['id']}: examples without a required word: {unmet}")
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    return LineRule(
        id=entry["id"],
        kind=entry["kind"],
        pattern=re.compile(entry["pattern"], flags),
        examples=tuple(entry["examples"]),
        counterexamples=tuple(entry.get("counterexamples", ())),
        any_length=bool(entry.get("any_length", False)),
        requires=requires,
    )


def classify_line(line: str, *, long: bool = False) -> LineKind | None:
    """The kind of the first rule that matches the line, or None for ordinary text.

    Long lines are tested only against `any_length` rules: a paragraph that mentions
    a salary or a newsletter is still a paragraph.
    """
    for rule in load_line_rules():
        if (rule.any_length or not long) and rule.matches(line):
            return rule.kind
    return None
