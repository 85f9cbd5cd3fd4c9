"""Every Russian rule holds on its own examples and counterexamples (written here, not quoted)."""

from __future__ import annotations

import pytest

from rightsdesk.extract.lexicon import Rule, RuleTable, load_table, table_names

RULES = "rightsdesk.extract.russian.rules"


def cases() -> list:
    params = []
    for name in table_names(RULES):
        table = load_table(name, RULES)
        for rule in table.rules:
            params += [pytest.param(table, rule, t, True, id=f"{name}:{rule.id}+")
                       for t in rule.examples]
            params += [pytest.param(table, rule, t, False, id=f"{name}:{rule.id}-")
                       for t in rule.counterexamples]
        params += [pytest.param(table, None, t, True, id=f"{name}+") for t in table.examples]
        params += [pytest.param(table, None, t, False, id=f"{name}-")
                   for t in table.counterexamples]
    return params


@pytest.mark.parametrize(("table", "rule", "text", "fires"), cases())
def test_rule_on_its_examples(read_ru, table: RuleTable, rule: Rule | None, text: str,
                              fires: bool) -> None:
    extraction = read_ru(text)
    assert _fired(table, rule, extraction) is fires


def _fired(table: RuleTable, rule: Rule | None, extraction) -> bool:
    events = extraction.events
    if table.kind == "trigger":
        return any(e.type == rule.get("event") for e in events)
    if table.kind == "blocker":
        return not events  # the example is blocked; the counterexample is read
    if table.kind == "role":  # the examples' role holder is Олег Иванов (see roles.toml)
        return "Олег Иванов" not in [p.name for p in extraction.persons]
    if table.kind == "number":
        return any(e.sentence_months for e in events)
    if table.kind == "statement":
        return bool(extraction.statements) is (rule.id == "speech")
    if table.kind == "occasion":
        return any(o.type == rule.get("type") for o in extraction.occasions) or (
            rule.get("type") == "ahead" and bool(extraction.occasions))
    if table.kind == "gazetteer":
        return extraction.country is not None
    raise AssertionError(f"no test for kind {table.kind}")
