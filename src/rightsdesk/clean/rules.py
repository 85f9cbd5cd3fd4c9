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

    def matches(self, line: str) -> bool:
        return self.pattern.fullmatch(line) is not None


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
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    return LineRule(
        id=entry["id"],
        kind=entry["kind"],
        pattern=re.compile(entry["pattern"], flags),
        examples=tuple(entry["examples"]),
        counterexamples=tuple(entry.get("counterexamples", ())),
        any_length=bool(entry.get("any_length", False)),
    )


@cache
def _any_rule(long: bool) -> re.Pattern[str]:
    """The rules a line of this length is tested against, as one alternation (each
    with its own case flag): one match in C rules out most lines, where a Python
    call per rule cost a tenth of cleaning's time."""
    parts = (f"(?{'i' if r.pattern.flags & re.IGNORECASE else ''}:{r.pattern.pattern})"
             for r in load_line_rules() if r.any_length or not long)
    return re.compile("|".join(parts))


def classify_line(line: str, *, long: bool = False) -> LineKind | None:
    """The kind of the first rule that matches the line, or None for ordinary text.

    Long lines are tested only against `any_length` rules: a paragraph that mentions
    a salary or a newsletter is still a paragraph.
    """
    if _any_rule(long).fullmatch(line) is None:
        return None
    for rule in load_line_rules():
        if (rule.any_length or not long) and rule.matches(line):
            return rule.kind
    return None
