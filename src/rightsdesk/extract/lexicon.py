"""Rule tables: `rules/*.toml` loaded, validated and frozen.

A table has a `kind` and a list of `rules`; each rule has an `id`, its `terms`
(lemmas or phrases, never names of people or sources), optional output fields,
and the `examples` / `counterexamples` the rule test runs. Gazetteer tables
(countries) keep their examples at table level. An empty vocabulary is an error:
a rule that can never fire hides a typo.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

RULES_PACKAGE = "rightsdesk.extract.rules"
GAZETTEER_KINDS = {"gazetteer"}


class RuleTableError(ValueError):
    """A rule table that does not follow the schema; names the table and rule."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    terms: tuple[str, ...]
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)


@dataclass(frozen=True, slots=True)
class RuleTable:
    name: str
    kind: str
    rules: tuple[Rule, ...]
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()

    def terms(self) -> frozenset[str]:
        return frozenset(t for rule in self.rules for t in rule.terms)

    def by_term(self) -> dict[str, tuple[Rule, ...]]:
        """Term -> the rules that name it, in table order (one word may serve several)."""
        table: dict[str, tuple[Rule, ...]] = {}
        for rule in self.rules:
            for term in rule.terms:
                table[term] = (*table.get(term, ()), rule)
        return table


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleTableError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


def parse_rule(raw: dict[str, Any], *, table: str, gazetteer: bool) -> Rule:
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleTableError(f"{table}: a rule has no id")
    where = f"{table}:{rule_id}"
    terms = _strings(raw.get("terms", []), f"{where}.terms")
    if not terms and not raw.get("phrases"):
        raise RuleTableError(f"{where}: empty vocabulary")
    examples = _strings(raw.get("examples", []), f"{where}.examples")
    counter = _strings(raw.get("counterexamples", []), f"{where}.counterexamples")
    if not gazetteer and not examples:
        raise RuleTableError(f"{where}: a rule needs examples")
    known = {"id", "terms", "examples", "counterexamples"}
    extra = {k: v for k, v in raw.items() if k not in known}
    return Rule(rule_id, terms, examples, counter, extra)


def parse_table(name: str, raw: dict[str, Any]) -> RuleTable:
    kind = raw.get("kind")
    if not isinstance(kind, str):
        raise RuleTableError(f"{name}: no kind")
    gazetteer = kind in GAZETTEER_KINDS
    rules = tuple(
        parse_rule(r, table=name, gazetteer=gazetteer) for r in raw.get("rules", [])
    )
    if not rules:
        raise RuleTableError(f"{name}: no rules")
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise RuleTableError(f"{name}: duplicate rule ids")
    examples = _strings(raw.get("examples", []), f"{name}.examples")
    if gazetteer and not examples:
        raise RuleTableError(f"{name}: a gazetteer needs examples")
    counter = _strings(raw.get("counterexamples", []), f"{name}.counterexamples")
    return RuleTable(name, kind, rules, examples, counter)


@cache
def load_table(name: str, package: str = RULES_PACKAGE) -> RuleTable:
    """The validated table `rules/<name>.toml` (of another language's `package`)."""
    text = resources.files(package).joinpath(f"{name}.toml").read_text("utf-8")
    return parse_table(name, tomllib.loads(text))


def table_names(package: str = RULES_PACKAGE) -> list[str]:
    return sorted(
        p.name.removesuffix(".toml")
        for p in resources.files(package).iterdir()
        if p.name.endswith(".toml")
    )
