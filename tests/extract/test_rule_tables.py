"""Every rule in extract/rules/*.toml holds on its own examples and counterexamples."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from rightsdesk.extract import Extractor
from rightsdesk.extract.country import detect_country
from rightsdesk.extract.learned.decisions import Decisions
from rightsdesk.extract.lexicon import RuleTableError, load_table, parse_table, table_names
from rightsdesk.extract.terms import find_terms
from rightsdesk.model import CleanDoc, Extraction, Source

PUBLISHED = date(2024, 3, 15)
TESTED_KINDS = {"trigger", "role", "blocker", "charge", "number", "gazetteer", "place"}
# Rule tables owned by other modules (statements, actors) carry their own tests.
OWN_TABLES = ("triggers", "roles", "blockers", "charges", "numbers", "countries", "cities",
              "places")


def extract_text(nlp, text: str) -> Extraction:
    raw = text.encode()
    source = Source("t", "t.txt", "text", raw, hashlib.sha256(raw).hexdigest())
    return Extractor(nlp, Decisions()).extract(CleanDoc(source, text, published=PUBLISHED))


def rule_cases() -> list:
    cases = []
    for name in OWN_TABLES:
        table = load_table(name)
        for rule in table.rules:
            for text in rule.examples:
                cases.append(pytest.param(table.kind, rule, text, True, id=f"{rule.id}+"))
            for text in rule.counterexamples:
                cases.append(pytest.param(table.kind, rule, text, False, id=f"{rule.id}-"))
        for text in table.examples:
            cases.append(pytest.param(table.kind, None, text, True, id=f"{name}+"))
        for text in table.counterexamples:
            cases.append(pytest.param(table.kind, None, text, False, id=f"{name}-"))
    return cases


def holds(nlp, kind: str, rule, text: str) -> bool:
    """Whether the rule's effect shows on the text (what 'example' means per kind)."""
    if kind == "gazetteer":
        code, sentence = text.split(": ", 1)
        return detect_country(sentence) == code
    if kind == "number":  # examples "phrase => months"; counterexamples: no term at all
        phrase, _, months = text.partition(" => ")
        found = find_terms(f"sentenced to {phrase}")
        return bool(found) and (not months or found[0].months == float(months))
    if kind == "place":  # examples "text => the place its events get" (none after "=>")
        text, _, place = text.partition(" =>")
        extraction = extract_text(nlp, text)
        return bool(extraction.events) and all(
            e.place == (place.strip() or None) for e in extraction.events)
    extraction = extract_text(nlp, text)
    if kind == "trigger":
        return any(e.type == rule.get("event") for e in extraction.events)
    if kind == "charge":
        return any(e.charges for e in extraction.events)
    if kind == "role" and rule.get("strength") == "descriptor":  # describes a victim
        return any(rule.terms[0] not in p.name.lower() for p in extraction.persons) and bool(
            extraction.events
        )
    if kind == "role" and rule.get("strength") == "group":  # the group's sentence reaches names
        return any(e.type == "sentence" for e in extraction.events)
    # role and blocker rules: the example must leave no victim event standing
    return not extraction.events


@pytest.mark.parametrize(("kind", "rule", "text", "expected"), rule_cases())
def test_rule_holds_on_its_examples(nlp, kind, rule, text, expected) -> None:
    assert kind in TESTED_KINDS
    assert holds(nlp, kind, rule, text) is expected, text


def test_every_table_loads() -> None:
    for name in table_names():
        assert load_table(name).rules


def test_loader_refuses_an_empty_vocabulary() -> None:
    raw = {"kind": "trigger", "rules": [{"id": "x", "terms": [], "examples": ["a"]}]}
    with pytest.raises(RuleTableError, match="empty vocabulary"):
        parse_table("bad", raw)


def test_loader_refuses_a_rule_without_examples() -> None:
    raw = {"kind": "trigger", "rules": [{"id": "x", "terms": ["arrest"]}]}
    with pytest.raises(RuleTableError, match="needs examples"):
        parse_table("bad", raw)


def test_loader_refuses_duplicate_ids() -> None:
    rule = {"id": "x", "terms": ["arrest"], "examples": ["a"]}
    with pytest.raises(RuleTableError, match="duplicate"):
        parse_table("bad", {"kind": "trigger", "rules": [rule, rule]})
