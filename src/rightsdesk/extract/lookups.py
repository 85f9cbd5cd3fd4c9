"""The attribute ruler's one-token rules as dictionary lookups (speed only).

en_core_web_sm's `attribute_ruler` sets POS, MORPH and LEMMA from 179 Matcher
patterns, tried one by one on every token: about an eighth of the pipeline's
time. Its leading 146 patterns look at a single token's TAG, LOWER and DEP and
set no attribute a later pattern tests, so a lookup keyed by those values,
applied in pattern order before the ruler runs the remaining patterns, gives
the same annotations (checked token by token on the dev set and the benchmark
pages) in about a fifth of the time.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "rightsdesk_attribute_lookup"
KEYS = ("TAG", "LOWER", "DEP")  # token attributes a lookup can test
TESTED = frozenset({*KEYS, "IS_SPACE", "ORTH", "TEXT", "NORM"})  # a lookup must not change these

Rule = tuple[int, dict[Any, Any]]  # (pattern number, normalised attributes)


class AttributeLookup:
    """Applies the lookup rules to each token in pattern order."""

    def __init__(self) -> None:
        self.tables: list[tuple[itemgetter, dict[Any, list[Rule]]]] = []

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            values = (token.tag_, token.lower_, token.dep_)  # in the order of KEYS
            rules = [rule for key, table in self.tables for rule in table.get(key(values), ())]
            if len(rules) > 1:
                rules.sort(key=lambda rule: rule[0])
            for _number, attrs in rules:
                set_token_attrs(token, attrs)
        return doc


@Language.factory(FACTORY)
def make_attribute_lookup(nlp: Language, name: str) -> AttributeLookup:
    return AttributeLookup()


def use_attribute_lookup(nlp: Language) -> int:
    """Move the ruler's leading one-token rules into a lookup before it; returns how many."""
    if "attribute_ruler" not in nlp.pipe_names or FACTORY in nlp.pipe_names:
        return 0
    ruler: AttributeRuler = nlp.get_pipe("attribute_ruler")
    patterns = ruler.patterns
    count = 0
    while count < len(patterns) and _expansions(patterns[count]) is not None:
        count += 1
    if count == 0:
        return 0
    lookup: AttributeLookup = nlp.add_pipe(FACTORY, before="attribute_ruler")
    tables: dict[tuple[str, ...], dict[Any, list[Rule]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for number in range(count):
        for keys, values in _expansions(patterns[number]) or []:
            key = values if len(values) > 1 else values[0]  # what itemgetter gives
            tables[keys][key].append((number, ruler.attrs[number]))
    lookup.tables = [
        (itemgetter(*(KEYS.index(k) for k in keys)), dict(table)) for keys, table in tables.items()
    ]
    ruler.clear()
    ruler.add_patterns(patterns[count:])
    return count


def _expansions(pattern: dict[str, Any]) -> list[tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """(keys, values) the pattern matches, or None when a lookup cannot stand for it."""
    alternatives = pattern["patterns"]
    if len(alternatives) != 1 or len(alternatives[0]) != 1 or pattern.get("index", 0) != 0:
        return None
    if TESTED & set(pattern["attrs"]):
        return None
    token = alternatives[0][0]
    keys = tuple(k for k in KEYS if k in token)
    if set(token) != set(keys):
        return None
    choices: list[list[str]] = []
    for key in keys:
        value = token[key]
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            choices.append(list(value["IN"]))
        else:
            return None
    combos: list[tuple[str, ...]] = [()]
    for options in choices:
        combos = [(*combo, option) for combo in combos for option in options]
    return [(keys, combo) for combo in combos]
