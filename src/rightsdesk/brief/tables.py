"""Rule tables for the brief: rights at stake and concerns, read from rules/*.toml.

Each rule says which charges, evidence wording or event types show it; the words
are data so a researcher can extend them without touching code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from rightsdesk.model import EVENT_TYPES, EventRecord


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: str
    charges: re.Pattern[str] | None
    evidence: re.Pattern[str] | None
    event_types: frozenset[str]
    examples: tuple[dict[str, str], ...]
    counterexamples: tuple[dict[str, str], ...]

    def matches_charge(self, charge: str) -> bool:
        return self.charges is not None and self.charges.search(charge) is not None

    def matches_evidence(self, sentence: str) -> bool:
        return self.evidence is not None and self.evidence.search(sentence) is not None

    def matches_event_type(self, event_type: str) -> bool:
        return event_type in self.event_types

    def matches(self, example: dict[str, str]) -> bool:
        """Whether a table example (one of charge / evidence / event_type) is shown."""
        return (
            self.matches_charge(example.get("charge", ""))
            or self.matches_evidence(example.get("evidence", ""))
            or self.matches_event_type(example.get("event_type", ""))
        )


@dataclass(frozen=True, slots=True)
class Table:
    """The rules of one table, with one pattern of all their evidence wording.

    Most evidence sentences show no rule; one search of the union rules them out
    before each rule's own search (a brief reads every sentence of the record).
    """

    rules: tuple[Rule, ...]
    any_evidence: re.Pattern[str] | None

    def shown_by(self, events: Iterable[EventRecord]) -> dict[str, list[EventRecord]]:
        """For each rule shown, the events that show it (by type, charge or evidence)."""
        shown: dict[str, list[EventRecord]] = {}
        for event in events:
            sentence = event.evidence.sentence
            worded = self.any_evidence is not None and self.any_evidence.search(sentence)
            for rule in self.rules:
                if (
                    rule.matches_event_type(event.type)
                    or any(rule.matches_charge(c) for c in event.charges)
                    or (worded and rule.matches_evidence(sentence))
                ):
                    shown.setdefault(rule.id, []).append(event)
        return shown


@cache
def load_table(table: str) -> Table:
    rules = load_rules(table)
    patterns = [r.evidence.pattern for r in rules if r.evidence is not None]
    return Table(rules, re.compile("|".join(patterns), re.IGNORECASE) if patterns else None)


@cache
def load_rules(table: str) -> tuple[Rule, ...]:
    """The rules of `rules/<table>.toml`, validated: a rule must be able to match."""
    text = files("rightsdesk.brief").joinpath(f"rules/{table}.toml").read_text("utf-8")
    return tuple(_rule(entry, table) for entry in tomllib.loads(text)["rule"])


def _rule(entry: dict[str, Any], table: str) -> Rule:
    unknown = set(entry["event_types"]) - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"{table}.toml rule {entry['id']}: unknown event types {unknown}")
    if not (entry["charges"] or entry["evidence"] or entry["event_types"]):
        raise ValueError(f"{table}.toml rule {entry['id']}: nothing to match")
    return Rule(
        id=entry["id"],
        label=entry["label"],
        charges=_alternatives(entry["charges"]),
        evidence=_alternatives(entry["evidence"]),
        event_types=frozenset(entry["event_types"]),
        examples=tuple(entry["examples"]),
        counterexamples=tuple(entry.get("counterexamples", ())),
    )


def _alternatives(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of the phrases as whole words."""
    if not patterns:
        return None
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)
