"""Statements: organisations and governments that speak up, in Russian reports.

An organisation (NER: ORG) is the subject of a verb of speaking up ("Amnesty
International призвала ...", "Правозащитный центр «Мемориал» признал ...") or,
with a subjectless plural verb, the place it is said in ("заявили в МИД").
Verbs that only cite a source of news ("сообщает") are not statements.
"""

from __future__ import annotations

import re
from functools import cache

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.russian.dates import find_dates
from rightsdesk.extract.russian.events import roles
from rightsdesk.extract.russian.parse import Mention, Sentence
from rightsdesk.model import Statement

RULES = "rightsdesk.extract.russian.rules"
SUBJECT_RELS = ("nsubj", "nsubj:pass")
PARENTHESES = re.compile(r"\s*\([^)]*\)")
COURT = re.compile(r"\bсуд\b|суда\b|прокуратур|полици", re.I)
PLACE_RELS = ("obl", "nmod")


@cache
def lemmas(rule_id: str) -> frozenset[str]:
    """The terms of one rule of the statements table ("speech", "media")."""
    table = load_table("statements", RULES)
    return frozenset(next(r for r in table.rules if r.id == rule_id).terms)


def _outlet(sentence: Sentence, mention: Mention) -> bool:
    """A news outlet ("Радио Свобода"): it reports, it takes no position."""
    words = sentence.words[max(0, mention.first - 1):mention.last + 1]
    return any(w.lemma in lemmas("media") for w in words)


def find_statements(sentences: list[Sentence], *, published: object) -> list[Statement]:
    """One statement per actor, the first sentence it speaks up in as evidence."""
    found: dict[str, Statement] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if mention.kind == "ORG" and _speaks(sentence, mention) and not _outlet(
                    sentence, mention):
                actor = _actor(sentence, mention)
            elif mention.kind == "PER" and _official(sentence, mention) and _speaks(
                    sentence, mention, subject_only=True):
                actor = mention.normal  # "представитель МИД X заявил": X speaks for it
            else:
                continue
            if COURT.search(actor):
                continue  # a court's ruling is an event, not a statement
            if actor.lower() not in found:
                dates = find_dates(sentence.text, published=published)  # type: ignore[arg-type]
                found[actor.lower()] = Statement(
                    actor=actor, evidence=sentence.evidence, names=[mention.text],
                    date=dates[0].value if dates else None,
                )
    return list(found.values())


def _actor(sentence: Sentence, mention: Mention) -> str:
    """The organisation's name in the nominative, with the country or body it belongs
    to ("МИД Украины", "Посольство США"), without a parenthesised short form."""
    actor = PARENTHESES.sub("", mention.normal).strip()
    words = sentence.words
    after = mention.last + 1
    if after < len(words) and words[after].pos == "PROPN" and words[after].feats.get(
            "Case") == "Gen" and words[after].head in range(mention.first, mention.last + 1):
        actor = f"{actor} {words[after].text}"
    return actor


def _official(sentence: Sentence, mention: Mention) -> bool:
    """A person named with an office ("президент", "представитель") speaks for it."""
    before = sentence.words[max(0, mention.first - 4):mention.first]
    return any(w.lemma in roles() for w in before)


def _speaks(sentence: Sentence, mention: Mention, *, subject_only: bool = False) -> bool:
    """The organisation is the subject, or the place, of a verb of speaking up."""
    words = sentence.words
    head = next((i for i in range(mention.first, mention.last + 1)
                 if not mention.first <= words[i].head <= mention.last), mention.first)
    seen = {head}
    while words[head].rel in ("appos", "nmod", "flat:name") and words[head].head not in seen | {-1}:
        head = words[head].head  # "центр «Мемориал»": the noun the name stands beside
        seen.add(head)
    word = words[head]
    if word.head < 0:
        return False
    verb = words[word.head]
    if verb.lemma not in lemmas("speech"):
        return False
    if word.rel in SUBJECT_RELS:
        return True
    if subject_only:
        return False
    subjectless = not any(words[c].rel in SUBJECT_RELS for c in sentence.children(word.head))
    located = mention.first > 0 and words[mention.first - 1].text.lower() in ("в", "во")
    return word.rel in PLACE_RELS and located and subjectless
