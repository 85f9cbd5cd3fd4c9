"""Rule tables for the brief: rights at stake and concerns, read from rules/*.toml.

Each rule says which charges, evidence wording or event types show it; the words
are data so a researcher can extend them without touching code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from rightsdesk.model import EVENT_TYPES


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
