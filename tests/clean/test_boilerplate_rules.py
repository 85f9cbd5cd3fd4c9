"""Every boilerplate rule matches its own examples and none of its counterexamples."""

from __future__ import annotations

import pytest

from rightsdesk.clean.rules import load_line_rules

RULES = load_line_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_matches_examples(rule) -> None:
    assert [e for e in rule.examples if not rule.matches(e)] == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_spares_counterexamples(rule) -> None:
    assert [c for c in rule.counterexamples if rule.matches(c)] == []


def test_required_words_must_occur_in_every_example() -> None:
    from rightsdesk.clean.rules import _parse_rule

    entry = {"id": "x", "kind": "drop", "pattern": "cookie notice|privacy",
             "examples": ["Cookie notice", "Privacy"], "requires": ["cookie"]}
    with pytest.raises(ValueError, match="without a required word"):
        _parse_rule(entry)
    assert _parse_rule({**entry, "requires": ["cookie", "privacy"]}).matches("Privacy")
