"""Lists of names under a heading: "The detained journalists were:", "DETAINED PEOPLE:".

NGO releases and prisoner lists name the people an event befell in a list: a
line that ends in a colon and holds a trigger word, then one line per person (or
one line of names separated by commas, perhaps numbered, perhaps led by the
person's organisation). Each name in the list is a target of the heading's
trigger; the list ends at the first line of prose.

A prison census gives each case as a record: one line per person ("Name,
Outlet") closed by a field line that says when they were taken ("Imprisoned:
September 2001"). Each person of the record's lines is a target of the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.triggers import Hit, TriggerRule, is_blocked, trigger_rules, trigger_types
from rightsdesk.extract.victims import (
    JOINERS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    NameMention,
    clean_name,
)

ITEM_MAX_TOKENS = 80  # a line of names separated by commas may be long; prose is longer
MAX_NAME_WORDS = 4
SEPARATORS = frozenset({",", ";", "(", ")"})
DASHES = frozenset({"-", "–", "—", ":"})
# a record's field line: the word that says what befell the persons, a colon, a date
FIELD = re.compile(r"\s*([A-Za-z]+)\s*:\s*\S")
RECORD_FIELDS = {"imprisoned": "arrest", "jailed": "arrest", "detained": "arrest",
                 "arrested": "arrest", "held": "arrest"}  # held since: the taking is dated
RECORD_LINE_TOKENS = 16  # "Name, Outlet": a longer line is prose


def listed_targets(sents: list[SentenceView]) -> Iterator[tuple[NameMention, Hit, SentenceView]]:
    """(name, hit of the heading's trigger, heading) for every person listed under a heading."""
    for i, view in enumerate(sents):
        if not view.text.rstrip().endswith(":"):
            continue
        heading = _heading_trigger(view)
        if heading is None:
            continue
        trigger, rule = heading
        for item in _items(sents[i + 1 :], view.paragraph):
            for mention in _names(item):
                yield mention, Hit(rule, trigger, (mention.span.root,)), view
    yield from _record_targets(sents)


def _record_targets(sents: list[SentenceView]) -> Iterator[tuple[NameMention, Hit, SentenceView]]:
    """(name, hit of the field, field line) for the persons a census record's lines name."""
    for i, view in enumerate(sents):
        field = FIELD.match(view.text)
        event = RECORD_FIELDS.get(field.group(1).lower()) if field else None
        rule = _rule_of(event) if event else None
        if rule is None:
            continue
        anchor = view.span[0]
        for line in reversed(sents[:i]):
            mention = _record_name(line)
            if mention is None:
                break
            yield mention, Hit(rule, anchor, (mention.span.root,)), view


def _rule_of(event: str) -> TriggerRule | None:
    """The plain verb rule of an event type ("arrest-verb")."""
    return next((rule for rules in trigger_rules().values() for rule in rules
                 if rule.id == f"{event}-verb"), None)


def _record_name(line: SentenceView) -> NameMention | None:
    """The person a record line opens with ("Yusuf Mohamed Ali, Tsigenay"): a short line
    of its own, no prose, that starts with a name."""
    span = line.span
    if line.text.rstrip().endswith(":") or len(span) > RECORD_LINE_TOKENS or _prose(line):
        return None
    if span.start_char != 0:  # a line is a paragraph: the record line is its own
        return None
    chunk = next(_chunks(span))
    mention = _trailing_name(chunk) if chunk else None
    return mention if mention is not None and mention.span.start == span.start else None


def _heading_trigger(view: SentenceView) -> tuple[Token, TriggerRule] | None:
    """The heading's asserted trigger word and its rule ("detained", "prisoners")."""
    rules = trigger_rules()
    for token in view.span:
        types = trigger_types(token)
        if not types or is_blocked(token):
            continue
        for rule in rules.get(token.lemma_.lower(), ()) or _surface(token):
            if rule.event == types[0]:
                return token, rule
    return None


def _surface(token: Token) -> tuple[TriggerRule, ...]:
    lower = token.lower_
    rules = trigger_rules()
    stems = (lower, lower[:-2], lower[:-1], lower[:-3], lower.rstrip("s"))
    return next((rules[s] for s in stems if s in rules), ())


def _items(following: list[SentenceView], heading_paragraph: int) -> Iterator[SentenceView]:
    """The lines after the heading up to the first line of prose."""
    for view in following:
        if view.paragraph == heading_paragraph:
            continue  # the rest of the heading's own line
        if _prose(view):
            return
        yield view


def _prose(view: SentenceView) -> bool:
    """A sentence with a finite verb, or too long for a line of names."""
    finite = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in view.span)
    return finite or len(view.span) > ITEM_MAX_TOKENS


def _names(item: SentenceView) -> list[NameMention]:
    """The persons a list line names: one per item (items are separated by commas,
    semicolons or "and"; an item may open with a number or with the person's
    organisation and a dash)."""
    found: list[NameMention] = []
    for chunk in _chunks(item.span):
        mention = _trailing_name(chunk)
        if mention is not None:
            found.append(mention)
    return found


def _chunks(span: Span) -> Iterator[list[Token]]:
    chunk: list[Token] = []
    for token in span:
        if token.text in SEPARATORS or token.lower_ == "and":
            yield chunk
            chunk = []
        elif token.text in DASHES:
            chunk = []  # "Women's Coalition - A B": the name follows the dash
        else:
            chunk.append(token)
    yield chunk


def _trailing_name(chunk: list[Token]) -> NameMention | None:
    """The name a list item ends with: its last two to four capitalised words."""
    words: list[Token] = []
    while chunk and chunk[-1].is_punct and chunk[-1].text not in JOINERS:
        chunk = chunk[:-1]
    for token in reversed(chunk):
        if not (token.text[:1].isupper() or token.lower_ in NAME_PARTICLES
                or token.text in JOINERS):
            break
        words.insert(0, token)
    for size in range(min(MAX_NAME_WORDS, len(words)), 1, -1):
        span = chunk[0].doc[words[-size].i : words[-1].i + 1]
        name = clean_name(span)
        if name and len(name.split()) >= 2 and not _organisation(name):
            return NameMention(name, span)
    return None


def _organisation(name: str) -> bool:
    return any(word.lower() in NOT_NAME_WORDS for word in name.split())
