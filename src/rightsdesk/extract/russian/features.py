"""What the Russian reader knows about each fact it reads, as features for its confidence.

The reader's rules say yes or no; how sure a fact is depends on how it was read:
a person the parse links to a verb of arrest is surer than one taken as the only
name of a long sentence, a name in a headline or in a quote surer or weaker than
one in the body. Each function here names one such cue; the finders call them
where they make a fact (`events.py`, `statements.py`, `occasions.py`), and the
logistic models of `confidence.py` weigh them (`make train`).

Features are named strings with a value (1.0 for a cue that holds): the form
`LinearModel.probability` sums over.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rightsdesk.extract.lexicon import Rule
from rightsdesk.extract.russian.parse import CLOSING_QUOTES, OPENING_QUOTES, Mention, Sentence
from rightsdesk.model import Event, Occasion, Statement

Features = dict[str, float]
LEAD = 4  # sentences of headline and lead
NEAR, MID = 2, 6  # words between a trigger and a name: next to it, within a clause, further
ENDS = (".", "!", "?", "…", "»", '"', "”", ")")
# words that make a report hypothetical, reported or feared rather than told as fact
MODALS = frozenset({"мочь", "грозить", "должный", "возможно", "якобы", "предположительно",
                    "вероятно", "если", "бы", "угрожать", "рисковать", "опасаться"})
NEGATIONS = frozenset({"не", "нет", "ни"})


@dataclass(slots=True)
class Notes:
    """The features of each fact as first read, and how many times it was read again:
    the finders make one fact per key, so a second reading only counts."""

    first: dict[Any, Features] = field(default_factory=dict)
    times: Counter[Any] = field(default_factory=Counter)

    def note(self, key: Any, features: Features) -> None:
        self.first.setdefault(key, features)
        self.times[key] += 1

    def of(self, key: Any) -> Features:
        """The fact's features with how often it was read ("read:2", "read:3+")."""
        return {**self.first.get(key, {}), f"read:{_bucket(self.times[key], 3)}": 1.0}


def _bucket(count: int, top: int) -> str:
    """A count as a small category: 1, 2, ..., `top`+."""
    return f"{count}" if count < top else f"{top}+"


def trigger_cues(sentence: Sentence, index: int, rule: Rule, event_type: str) -> Features:
    """The trigger's rule and word class, and whether the type is the rule's own or one
    it implies ("подсудимый": tried, and so charged)."""
    word = sentence.words[index]
    cues = {f"type:{event_type}": 1.0, f"rule:{rule.id}": 1.0, f"pos:{word.pos}": 1.0}
    if event_type != rule.get("event"):
        cues["implied"] = 1.0
    return cues


def name_cues(sentence: Sentence, mention: Mention | None, *, in_role: bool) -> Features:
    """How the person is named: full name or surname alone, declined or in the
    nominative, with an official or defence title beside it; none: a pronoun or a
    common noun stood for them."""
    if mention is None:
        return {"name:none": 1.0}
    words = mention.last - mention.first + 1
    cues = {f"name:words{min(words, 3)}": 1.0}
    case = sentence.words[mention.first].feats.get("Case")
    if case and case != "Nom":
        cues["name:declined"] = 1.0
    if in_role:
        cues["name:role"] = 1.0
    return cues


def distance_cue(index: int, mention: Mention | None) -> Features:
    """Words between the trigger and the name: the further, the likelier a misreading."""
    if mention is None:
        return {}
    gap = mention.first - index - 1 if mention.first > index else index - mention.last - 1
    gap = max(gap, 0)
    return {"distance:" + ("near" if gap <= NEAR else "mid" if gap <= MID else "far"): 1.0}


def persons_cue(sentence: Sentence) -> Features:
    """How many people the sentence names: with more, a trigger's target is less sure."""
    count = sum(1 for m in sentence.mentions if m.kind == "PER")
    return {f"persons:{_bucket(count, 3)}": 1.0}


def place_cues(sentence: Sentence) -> Features:
    """Where the sentence stands: a headline (no closing punctuation), the lead, a
    long sentence (the parse errs more in it)."""
    cues: Features = {}
    if not sentence.text.rstrip().endswith(ENDS):
        cues["headline"] = 1.0
    if sentence.index < LEAD:
        cues["lead"] = 1.0
    if len(sentence.words) > 40:
        cues["long"] = 1.0
    return cues


def quoted_cue(sentence: Sentence, index: int) -> Features:
    """The word stands inside quotation marks: someone's words, not the report's."""
    opened = sum(1 for w in sentence.words[:index] if w.text in OPENING_QUOTES)
    closed = sum(1 for w in sentence.words[:index] if w.text in CLOSING_QUOTES
                 and w.text not in OPENING_QUOTES)
    straight = sum(1 for w in sentence.words[:index] if w.text == '"')
    return {"quoted": 1.0} if opened > closed or straight % 2 else {}


def mood_cues(sentence: Sentence, index: int, *, ahead: bool) -> Features:
    """Negation by the trigger, a hypothetical or feared wording, a question, and a
    sentence about what lies ahead: each makes the fact less of a report."""
    cues: Features = {}
    near = sentence.words[max(0, index - 2):index] + [
        sentence.words[c] for c in sentence.children(index)]
    if any(w.text.lower() in NEGATIONS for w in near):
        cues["negated"] = 1.0
    if any(w.lemma in MODALS for w in sentence.words):
        cues["modal"] = 1.0
    if sentence.text.rstrip().endswith("?"):
        cues["question"] = 1.0
    if ahead:
        cues["ahead"] = 1.0
    return cues


def event_cues(sentence: Sentence, index: int, rule: Rule, event_type: str,
               mention: Mention | None, how: str, *, in_role: bool, ahead: bool) -> Features:
    """Every cue of an event read from a trigger in its sentence; `how` says how its
    person was found (linked by the parse, among those listed, the only name, ...)."""
    return {
        f"how:{how}": 1.0,
        **trigger_cues(sentence, index, rule, event_type),
        **name_cues(sentence, mention, in_role=in_role),
        **distance_cue(index, mention),
        **persons_cue(sentence),
        **place_cues(sentence),
        **quoted_cue(sentence, index),
        **mood_cues(sentence, index, ahead=ahead),
    }


def given_cues(sentence: Sentence | None, event_type: str, how: str,
               mention: Mention | None) -> Features:
    """An event one sentence reports and another gives its people (a list after a
    colon, a group counted, "все арестованные"): what is known of the name alone."""
    cues = {f"how:{how}": 1.0, f"type:{event_type}": 1.0}
    if sentence is not None:
        cues.update(name_cues(sentence, mention, in_role=False))
        cues.update(persons_cue(sentence))
    return cues


def attribute_cues(event: Event) -> Features:
    """What the event was read with: a date, a place, charges, a term, more types."""
    cues: Features = {}
    for name, value in (("date", event.date), ("place", event.place),
                        ("charges", event.charges), ("term", event.sentence_months),
                        ("also", event.also)):
        if value:
            cues[f"has:{name}"] = 1.0
    return cues


def person_cues(types: int, named: int) -> Features:
    """How many event types the person has and how many sentences name them: a person
    the document is about is named often and has several events."""
    return {f"types:{_bucket(types, 3)}": 1.0, f"named:{_bucket(named, 4)}": 1.0}


def statement_cues(sentence: Sentence, mention: Mention, how: str) -> Features:
    """How the actor speaks (subject of a verb of speech, the place it is said in, a
    headline, its own text, a country, an official) and what kind of name it is."""
    actor = mention.text
    cues = {f"how:{how}": 1.0, f"actor:{mention.kind}": 1.0,
            f"actor:words{min(len(actor.split()), 4)}": 1.0}
    if actor[:1].isascii() and actor[:1].isalpha():
        cues["actor:latin"] = 1.0
    if actor.isupper() and len(actor) <= 6:
        cues["actor:acronym"] = 1.0
    cues.update(place_cues(sentence))
    cues.update(quoted_cue(sentence, mention.first))
    return cues


def dated_cues(statement_or_occasion: Statement | Occasion) -> Features:
    """Whether the fact has a date, and at which precision."""
    day = statement_or_occasion.date
    if not day:
        return {"undated": 1.0}
    return {f"date:{ {4: 'year', 7: 'month'}.get(len(day), 'day') }": 1.0}


def occasion_cues(sentence: Sentence, kind: str, *, said_ahead: bool, future: bool,
                  persons: int) -> Features:
    """The occasion's kind, whether a word says it lies ahead or only its date does,
    and whether it is about people the document names."""
    cues = {f"type:{kind}": 1.0, f"persons:{_bucket(persons, 2)}": 1.0}
    if said_ahead:
        cues["said_ahead"] = 1.0
    if future:
        cues["future"] = 1.0
    cues.update(place_cues(sentence))
    return cues
