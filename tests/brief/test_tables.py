"""Every rule of the brief's tables shows its examples and none of its counterexamples."""

from __future__ import annotations

import pytest

from rightsdesk.brief.tables import load_rules

CASES = [
    pytest.param(rule, example, expected, id=f"{table}-{rule.id}-{kind}{i}")
    for table in ("rights", "concerns")
    for rule in load_rules(table)
    for kind, expected, examples in (
        ("example", True, rule.examples),
        ("counterexample", False, rule.counterexamples),
    )
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_on_its_examples(rule, example, expected):
    assert rule.matches(example) is expected


@pytest.mark.parametrize("table", ["rights", "concerns"])
def test_every_rule_has_examples_and_counterexamples(table):
    for rule in load_rules(table):
        assert rule.examples and rule.counterexamples, rule.id
