"""Event candidates: every (person, trigger word) pair a sentence offers, with its features.

The reading rules (`triggers.py`, `events.py`) accept a pair only in the parse
positions they know. Here every person mention of a sentence is paired with
every word of the trigger vocabulary in it, whatever its position, and the pair
is described by what decides it: the dependency path between the two, the
words that govern the trigger, how the document introduces the person. A model
trained on the annotated corpus (`learned/decisions.py`) weighs these features.

Whether a rule read the pair is left out on purpose: the rules were written
looking at the training documents, where they read almost every true pair, so a
model that knows them learns to doubt whatever they missed, and on new documents
they miss more (with them the models scored 0.687 cross-validated and 0.632 on
the fresh part; without, 0.692 and 0.643). Only a group word's members are told
apart by it: "50 people were detained" stands for the victims just named, not for
a president named two sentences before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.triggers import blocker_terms, clause_verb, is_blocked, trigger_types
from rightsdesk.extract.victims import (
    PRONOUNS,
    NameMention,
    name_at,
    person_nouns,
    role_of,
    surname_key,
)
from rightsdesk.model import EventType

MAX_PATH = 10  # arcs between person and trigger (cross-validated: 10 reads more than 7)
GROUP_REACH = 4  # sentences back where a group word's members are named
MAX_GROUP = 12
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
GOVERNOR_DEPTH = 4  # verbs above the trigger whose lemmas say "asked for", "denied"
REPORTING = frozenset({"say", "tell", "report", "add", "state", "note", "according", "write"})
BODIES = frozenset({"party", "government", "regime", "administration", "ministry", "cabinet",
                    "movement", "office", "campaign"})


PersonKey = Callable[[NameMention, SentenceView], str]  # a name's person in the document


@dataclass(slots=True)
class Candidate:
    """One person and one trigger word of one event type, in one sentence."""

    mention: NameMention  # the person named (a pronoun's antecedent)
    at: Token  # where the person stands in this sentence: a name's root or a pronoun
    trigger: Token
    type: EventType
    view: SentenceView
    key: str  # the person's key in the document (`NameIndex.key_of`): their surname, mostly
    features: list[str] = field(default_factory=list)
    score: float = 0.0
    asserted: bool = True  # no marker or governor makes the trigger hypothetical, asked or denied


@dataclass(frozen=True, slots=True)
class DocumentRoles:
    """How the document introduces its people (by person key)."""

    agents: frozenset[str] = frozenset()  # as state agents
    speakers: frozenset[str] = frozenset()  # as people who speak (lawyers, researchers)
    # as targets of a reading rule: what a group word may stand for ("50 people were
    # detained" stands for no president named two sentences before)
    victims: frozenset[str] = frozenset()


def sentence_candidates(
    view: SentenceView,
    persons: list[tuple[Token, NameMention]],
    triggers: list[tuple[Token, EventType]],
    roles: DocumentRoles,
    key_of: PersonKey,
) -> Iterator[Candidate]:
    """Every (person, trigger) pair of the sentence within MAX_PATH arcs, described.
    The head of a body ("Nazarbayev's party won") is no candidate."""
    blocked = {trigger.i: is_blocked(trigger) for trigger, _ in triggers}
    for at, mention in persons:
        if at.dep_ == "poss" and (at.head.ent_type_ == "ORG" or at.head.lemma_.lower() in BODIES):
            continue
        for trigger, event in triggers:
            if trigger.i in range(mention.span.start, mention.span.end) and at.i != trigger.i:
                continue  # a trigger word inside the name ("Free X")
            up, down = dependency_path(at, trigger)
            if len(up) + len(down) > MAX_PATH:
                continue
            candidate = Candidate(mention, at, trigger, event, view, key_of(mention, view),
                                  asserted=not blocked[trigger.i])
            candidate.features = describe(candidate, up, down, roles)
            yield candidate


def dependency_path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens climbed from a to the lowest common ancestor, and from b to it."""
    above_a = [a, *a.ancestors]
    position = {t.i: n for n, t in enumerate(above_a)}
    up_b: list[Token] = []
    node = b
    while node.i not in position:
        up_b.append(node)
        if node.head == node:
            return above_a, up_b  # no common ancestor (should not happen in one sentence)
        node = node.head
    return above_a[: position[node.i]], up_b


def describe(
    c: Candidate, up: list[Token], down: list[Token], roles: DocumentRoles
) -> list[str]:
    """The candidate's features, as strings (one-hot names for a linear model)."""
    t, at, trigger = c.type, c.at, c.trigger
    lemma = trigger.lemma_.lower()
    path_up = ">".join(tok.dep_ for tok in up)
    path_down = "<".join(tok.dep_ for tok in reversed(down))
    length = len(up) + len(down)
    lca = (up[-1].head if up else at) if up or down else at
    features = [
        f"type={t}",
        f"lemma={t}:{lemma}",
        f"tpos={t}:{trigger.tag_}",
        f"path={t}:{path_up}|{path_down}" if length <= 4 else f"path={t}:long",
        f"up={t}:{path_up}" if len(up) <= 3 else f"up={t}:long",
        f"down={t}:{path_down}" if len(down) <= 3 else f"down={t}:long",
        f"len={min(length, 6)}",
        f"len={t}:{min(length, 6)}",
        f"lca={lca.pos_}",
        f"order={'before' if at.i < trigger.i else 'after'}",
        f"gap={_bucket(abs(at.i - trigger.i))}",
        f"mdep={at.dep_}",
        f"mdep={t}:{at.dep_}",
        f"mhead={at.head.lemma_.lower()}",
        f"pronoun={at.lower_ in PRONOUNS}",
        f"name_words={min(len(c.mention.text.split()), 3)}",
        f"ner={c.mention.span.root.ent_type_ or 'none'}",
        f"role={role_of(c.mention.span) or 'none'}",
    ]
    features.append(f"doc_role={doc_role(c.key, roles)}")
    if not c.asserted:
        features.append(f"blocked={t}")
    features.extend(_markers(trigger, t))
    features.extend(f"gov={t}:{g}" for g in _governors(trigger))
    features.extend(f"on_path={tok.lemma_.lower()}" for tok in (*up[1:], *down[1:])
                    if tok.pos_ in {"VERB", "NOUN"})
    if any(tok.lemma_.lower() in REPORTING for tok in (*up, *down)):
        features.append("path_reporting")
    if at.dep_ in {"nsubj"} and at.head.lemma_.lower() in REPORTING:
        features.append("speaker_subject")
    return features



def doc_role(key: str, roles: DocumentRoles) -> str:
    """How the document introduces the person: a state agent, a speaker, or neither."""
    if key in roles.agents:
        return "agent"
    return "speaker" if key in roles.speakers else "none"


def _markers(trigger: Token, event: str) -> Iterator[str]:
    """Negation, modals and conditions on the trigger or its clause verb."""
    markers = blocker_terms("marker")
    for node in {trigger, clause_verb(trigger)}:
        for child in node.children:
            if child.dep_ == "neg":
                yield f"neg={event}"
            elif child.dep_ in {"aux", "mark"} and child.lower_ in markers:
                yield f"marker={child.lower_}"
    yield f"tense={clause_verb(trigger).tag_}"


def _governors(trigger: Token) -> list[str]:
    """Lemmas of the verbs and nouns above the trigger, nearest first."""
    found: list[str] = []
    node = trigger
    while node.head != node and len(found) < GOVERNOR_DEPTH:
        node = node.head
        if node.pos_ in {"VERB", "NOUN", "ADJ"}:
            found.append(node.lemma_.lower())
    return found


def _bucket(n: int) -> str:
    for bound in (1, 2, 4, 8, 16):
        if n <= bound:
            return str(bound)
    return "far"


def person_tokens(
    view: SentenceView,
    named: list[NameMention],
    antecedents: dict[int, list[NameMention]],
    known: set[str],
) -> list[tuple[Token, NameMention]]:
    """The people a sentence speaks of: names the index holds, names of proper nouns
    the NER missed, and pronouns with their antecedents."""
    found: list[tuple[Token, NameMention]] = [(m.span.root, m) for m in named]
    covered = {i for m in named for i in range(m.span.start, m.span.end)}
    for token in view.span:
        if token.i in covered:
            continue
        if token.lower_ in PRONOUNS:
            found.extend((token, m) for m in antecedents.get(token.i, []))
        elif token.pos_ == "PROPN" and token.dep_ not in {"compound", "flat"}:
            mention = name_at(token, known)
            if mention is not None and not _named_thing(mention, known):
                found.append((token, mention))
                covered.update(range(mention.span.start, mention.span.end))
    return found


def _named_thing(mention: NameMention, known: set[str]) -> bool:
    """A run of proper nouns the NER calls a place, a body, a law or a work: no person,
    unless its surname is one a person of the document bears."""
    label = mention.span.root.ent_type_
    return label not in {"", "PERSON"} and surname_key(mention.text) not in known


def document_candidates(
    sents: list[SentenceView],
    mentions: list[tuple[SentenceView, NameMention]],
    antecedents: Callable[[Token, SentenceView], list[NameMention]],
    known: set[str],
    roles: DocumentRoles,
    key_of: PersonKey,
) -> list[Candidate]:
    """Every sentence's candidates; `mentions` are the document's names in reading
    order, `antecedents` finds the names a pronoun stands for."""
    by_sentence: dict[int, list[NameMention]] = defaultdict(list)
    for view, mention in mentions:
        by_sentence[view.index].append(mention)
    found: list[Candidate] = []
    for view in sents:
        triggers = [(token, event) for token in view.span if not _hyphenated(token)
                    for event in trigger_types(token)]
        if not triggers:
            continue
        pronouns = {t.i: antecedents(t, view) for t in view.span if t.lower_ in PRONOUNS}
        persons = person_tokens(view, by_sentence.get(view.index, []), pronouns, known)
        found.extend(sentence_candidates(view, persons, triggers, roles, key_of))
        members = _recent_members(view, sents, by_sentence, {m.text for _, m in persons})
        groups = [(token, m) for token in view.span if _group_word(token)
                  and not _named_before(token, persons) for m in members]
        for candidate in sentence_candidates(view, groups, triggers, roles, key_of):
            candidate.features += [
                "group", f"group={candidate.at.lower_}", f"group_size={_bucket(len(members))}",
                f"group_victim={candidate.key in roles.victims}"]
            found.append(candidate)
    return found


def _hyphenated(token: Token) -> bool:
    """The last part of a hyphenated word ("pre-trial detention", "anti-torture law")
    names no event of its own."""
    if token.i < 2:
        return False
    hyphen = token.nbor(-1)
    return hyphen.text == "-" and not hyphen.whitespace_ and not token.nbor(-2).whitespace_


def _group_word(token: Token) -> bool:
    """"they", "the journalists", "the eight activists": several persons at once."""
    return token.lower_ in GROUP_PRONOUNS or (
        token.tag_ == "NNS" and token.lemma_.lower() in person_nouns())


def _named_before(group: Token, persons: list[tuple[Token, NameMention]]) -> bool:
    """"A, B and C were arrested as they protested": a group word after several
    people named in its own sentence stands for them, not for people named before."""
    return len({m.text for token, m in persons if token.i < group.i}) >= 2


def _recent_members(
    view: SentenceView,
    sents: list[SentenceView],
    by_sentence: dict[int, list[NameMention]],
    here: set[str],
) -> list[NameMention]:
    """Persons named in the sentences just before (this paragraph or the one before),
    whom a group word in this sentence may stand for."""
    members: dict[str, NameMention] = {}
    for other in sents[max(0, view.index - GROUP_REACH) : view.index]:
        if view.paragraph - other.paragraph > 1:
            continue
        for mention in by_sentence.get(other.index, []):
            if mention.text not in here:
                members.setdefault(surname_key(mention.text), mention)
    return list(members.values())[:MAX_GROUP]
