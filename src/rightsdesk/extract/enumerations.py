"""Names listed in one run: "A, B and C"; "A, its treasurer, B, besides C".

The small parser often hangs a long list of names wrongly (as appositions,
compounds, or clauses of their own), so that a rule reads only the first or the
last of them as a trigger's target. A run of names is a sequence of names whose
gaps hold a link ("," ";" "and" "as well as" "besides") and at most a short
description without a verb ("its treasurer", "22", "a lawyer"). Where a rule
reads one name of a run as a target, the others listed with it share the event
(`events.py`).
"""

from __future__ import annotations

import re
from collections.abc import Set

from spacy.tokens import Span

from rightsdesk.extract.victims import NameMention, name_at, surname_key

MAX_GAP_TOKENS = 8  # ", the director of the rights centre, ": longer is prose
LINKS = r"(?:[,;&]|\b(?:and|besides|as well as|along with|plus)\b)"
LINK = re.compile(LINKS, re.I)
OPENS_WITH_LINK = re.compile(rf"\s*(?:{LINKS}|[-–—])", re.I)
ENDS_IN_LINK = re.compile(rf"{LINKS}\s*$", re.I)
# A preposition, a relative pronoun or a possessive in a gap that does not end in a
# link ties the next name to a description (`_bound`); a link's own words do not.
BINDING_TAGS = frozenset({"WP", "WP$", "WDT", "POS"})
LINK_WORDS = frozenset({"besides", "along", "with", "as", "plus"})
ALIAS_WORDS = frozenset({"known", "nicknamed"})
ALIAS = re.compile(r"\b(?:known\s+as|alias|aka|a\.k\.a\.|nicknamed)", re.I)
JOINED = re.compile(r"\s*(?:and|&)\s*$", re.I)
GAP_ACTIONS = frozenset({"VERB", "AUX"})
# A name the NER calls an organisation or a place is taken only where the text names
# that person elsewhere: in lists it mostly is one ("Legal Education Society").
PERSON_LABELS = frozenset({"PERSON", ""})


def name_runs(sentence: Span, known: Set[str]) -> list[list[NameMention]]:
    """The runs of two or more names the sentence lists, in reading order."""
    runs: list[list[NameMention]] = []
    run: list[NameMention] = []
    skipped: NameMention | None = None  # the last name read as part of a description
    for mention in _mentions(sentence, known):
        if run:
            doc = mention.span.doc
            if _bound(doc[run[-1].span.end : mention.span.start]) or (
                    skipped is not None and _joined(doc[skipped.span.end : mention.span.start])):
                skipped = mention  # "A, the brother of B, and C": B is in A's description
                continue
            if _linked(doc[run[-1].span.end : mention.span.start]):
                run.append(mention)
                continue
        if len(run) > 1:
            runs.append(run)
        run, skipped = [mention], None
    if len(run) > 1:
        runs.append(run)
    return runs


def _mentions(sentence: Span, known: Set[str]) -> list[NameMention]:
    """Every name in the sentence, longest reading first where two overlap; a name
    the NER calls something else only where it names a person known from the text."""
    found: list[NameMention] = []
    for token in sentence:
        if token.ent_type_ != "PERSON" and token.pos_ != "PROPN":
            continue
        mention = name_at(token, known)
        if mention is None or not _person(mention, known):
            continue
        if found and mention.span.start < found[-1].span.end:
            if len(mention.span) > len(found[-1].span):
                found[-1] = mention
            continue
        found.append(mention)
    return found


def _person(mention: NameMention, known: Set[str]) -> bool:
    start = mention.span.start
    if start > 0 and mention.span.doc[start - 1].text == "#":
        return False  # a hashtag
    if any(t.tag_ == "NNPS" for t in mention.span):
        return False  # "Crimean Tatars": a people, not a person
    label = mention.span.root.ent_type_
    return label in PERSON_LABELS or surname_key(mention.text) in known


def _linked(gap: Span) -> bool:
    """A gap that opens or ends with a link and holds no verb: "A, 22, B", "A, its
    treasurer, B", "A of party X, B"."""
    if not 0 < len(gap) <= MAX_GAP_TOKENS or _possessor(gap):
        return False
    if not (OPENS_WITH_LINK.match(gap.text) or ENDS_IN_LINK.search(gap.text)):
        return False
    if not LINK.search(gap.text) or any(
            t.pos_ in GAP_ACTIONS and t.lower_ not in ALIAS_WORDS for t in gap):
        return False  # "A was arrested, B said": two clauses, not one list
    return not _bound(gap)


def _possessor(gap: Span) -> bool:
    """"A's lawyer, B": B is named by a tie to A, not listed with A (the name before the
    gap may hold its "'s"); "A's, B's and C's trials" list their owners."""
    before = gap.doc[gap.start - 1] if gap.start > 0 else None
    owned = gap[0].tag_ == "POS" or (before is not None and before.tag_ == "POS")
    return owned and any(t.pos_ == "NOUN" for t in gap)


def _bound(gap: Span) -> bool:
    """The next name belongs to a description of the one before: "A, the brother of B",
    "A, leader of the opposition B party", "A, whose lawyer B", "A, also known as B"."""
    alias = ALIAS.search(gap.text)
    if alias and not LINK.search(gap.text[alias.end() :]):
        return True  # "A, also known as B": B is A's other name
    if not len(gap) or ENDS_IN_LINK.search(gap.text):
        return False
    described = bool(OPENS_WITH_LINK.match(gap.text))  # ", Apple Daily's editor B"
    return any(t.tag_ in BINDING_TAGS and not (described and t.tag_ == "POS")
               or (t.pos_ == "ADP" and t.lower_ not in LINK_WORDS) for t in gap)


def _joined(gap: Span) -> bool:
    """"founder of the sites B and C": a bare "and" joins C to the description's B."""
    return bool(JOINED.match(gap.text))
