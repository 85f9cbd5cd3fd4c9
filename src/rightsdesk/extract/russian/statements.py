"""Statements: organisations and governments that speak up, in Russian reports.

An organisation (NER: ORG) is the subject of a verb of speaking up ("Amnesty
International призвала ...", "Правозащитный центр «Мемориал» признал ...") or,
with a subjectless plural verb, the place it is said in ("заявили в МИД").
Verbs that only cite a source of news ("сообщает") are not statements.
"""

from __future__ import annotations

from functools import cache

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.russian.dates import find_dates
from rightsdesk.extract.russian.parse import Mention, Sentence
from rightsdesk.model import Statement

RULES = "rightsdesk.extract.russian.rules"
SUBJECT_RELS = ("nsubj", "nsubj:pass")
PLACE_RELS = ("obl", "nmod")


@cache
def speech_lemmas() -> frozenset[str]:
    table = load_table("statements", RULES)
    return frozenset(next(r for r in table.rules if r.id == "speech").terms)


def find_statements(sentences: list[Sentence], *, published: object) -> list[Statement]:
    """One statement per actor, the first sentence it speaks up in as evidence."""
    found: dict[str, Statement] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if mention.kind == "ORG" and _speaks(sentence, mention):
                actor = mention.normal
                if actor.lower() not in found:
                    dates = find_dates(sentence.text, published=published)  # type: ignore[arg-type]
                    found[actor.lower()] = Statement(
                        actor=actor, evidence=sentence.evidence, names=[mention.text],
                        date=dates[0].value if dates else None,
                    )
    return list(found.values())


def _speaks(sentence: Sentence, mention: Mention) -> bool:
    """The organisation is the subject, or the place, of a verb of speaking up."""
    words = sentence.words
    head = next((i for i in range(mention.first, mention.last + 1)
                 if not mention.first <= words[i].head <= mention.last), mention.first)
    seen = {head}
    while words[head].rel == "appos" and words[head].head not in seen | {-1}:
        head = words[head].head  # "центр «Мемориал»": the noun the name stands beside
        seen.add(head)
    word = words[head]
    if word.head < 0:
        return False
    verb = words[word.head]
    if verb.lemma not in speech_lemmas():
        return False
    if word.rel in SUBJECT_RELS:
        return True
    subjectless = not any(words[c].rel in SUBJECT_RELS for c in sentence.children(word.head))
    located = mention.first > 0 and words[mention.first - 1].text.lower() in ("в", "во")
    return word.rel in PLACE_RELS and located and subjectless
