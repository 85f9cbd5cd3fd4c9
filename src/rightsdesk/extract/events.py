"""Events: hits on named victims, with date, place, charges and prison term.

Reads every sentence's trigger hits (`triggers.py`), names their targets
(`victims.py`), links surnames and pronouns to full names, and keeps one event
per (victim, type), merging the attributes its mentions give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from rapidfuzz import fuzz
from spacy.tokens import Span, Token

from rightsdesk.extract.attributes import (
    REPORTING_VERBS,
    Attributes,
    court_seats,
    dated_by_another_event,
    named_places,
    read_attributes,
)
from rightsdesk.extract.dates import find_dates, resolve_date
from rightsdesk.extract.enumerations import name_runs
from rightsdesk.extract.groups import GROUP_WINDOW, Roster, group_members, group_report
from rightsdesk.extract.learned.candidates import Candidate, DocumentRoles, document_candidates
from rightsdesk.extract.learned.decisions import EventDecisions
from rightsdesk.extract.learned.judging import (
    Judge,
    judge_events,
    proposals,
    proposed_hit,
    score_candidates,
)
from rightsdesk.extract.lists import listed_targets
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.sharing import (
    BACK_REFERENCE,
    COURT_EVENTS,
    SEPARATE_CASE,
    Dateline,
    GroupReport,
    Report,
    caption_credit,
    court_seat,
    date_by_verdict,
    dateline_city,
    dateline_date,
    dateline_place,
    lend,
    release_after_arrest,
    share_verdicts,
    story_charges,
    story_date,
    story_place,
)
from rightsdesk.extract.triggers import (
    Hit,
    clause_verb,
    find_hits,
    passive,
    reduced_passive,
    timed_by_verdict,
)
from rightsdesk.extract.victims import (
    PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
    NameMention,
    clean_name,
    coordinated,
    described_names,
    heads_a_body,
    holds_office,
    name_at,
    normal,
    person_nouns,
    person_words,
    role_in,
    role_of,
    role_strength,
    role_words,
    shared_surname,
    surname_key,
)
from rightsdesk.model import Event, Evidence, Person

# An unnamed report ("Kazakhstan released one of its best known dissidents on
# Friday") lends to the named events of its type in its paragraph and the next two.
LEDE_REACH = 3
PLACE_PREPOSITIONS = frozenset({"in", "from", "at", "near", "outside", "across"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "west of Alice Springs", "the province of Cabo Delgado": "of" after these names a place
PLACE_OF = frozenset({"west", "east", "north", "south", "northwest", "northeast", "southwest",
                      "southeast", "outskirts", "province", "region", "district", "city", "town",
                      "village", "municipality", "state", "capital", "county", "island"})
ALIAS_WORDS = frozenset({"alias", "aka", "a.k.a.", "nicknamed"})
ALIAS_ADVERBS = frozenset({"also", "better", "widely", "popularly", "commonly"})
ALIAS_REACH = 10  # tokens after the alias word
JOINERS = frozenset({"-", "'"})  # "Al-Bashir": inside one name
DASHES = frozenset({"-", "–", "—"})  # "A - 9 years": an item's name, then what befell them
# "the party Chadema", "newspaper X", "the Artarutyun alliance": a body named by its kind
BODY_NOUNS = frozenset({"party", "newspaper", "daily", "weekly", "ngo", "movement", "group",
                        "organisation", "organization", "alliance", "publication", "outlet",
                        "website", "agency", "association", "union", "coalition", "network",
                        "channel", "magazine", "court", "company", "bloc", "militia"})
TIME_PREPOSITIONS = frozenset({"during", "amid", "throughout", "since", "until"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
UNDERGONE_BY_OFFICIALS = frozenset({"arrest", "charge", "sentence", "release"})
BRIEFLY = frozenset({"briefly", "temporarily"})  # an arrest that ended
# kinds where a lawyer target is a victim ("the detention of lawyer X")
DIRECT_KINDS = frozenset({"patient", "modified", "holder"})
DIRECT_SUBJECT_EVENTS = frozenset({"sentence", "charge", "killing"})
COURTS = frozenset({"court", "judge", "tribunal"})
# Sentences told only by where a person is held; arrests told as a taking into custody.
HELD_ONLY = frozenset({"prison-place", "jailed-adjective", "languish"})
TAKING = frozenset({"arrest-verb", "arrest-noun", "custody-place", "rounded-up", "picked-up",
                    "carried-off", "taken-away", "bundled-into-a-car", "detained-adjective"})
# "jailed while awaiting trial", "imprisoned ahead of trial", "in jail until court proceedings"
JAILING = frozenset({"jail", "imprison", "incarcerate"})
AWAITING = frozenset({"await", "pending", "ahead", "until", "before"})
TRIAL_WORDS = frozenset({"trial", "hearing", "proceeding", "proceedings"})
# "jailed on suspicion of X", "in prison on possible charges", "jailed under pretrial
# detention": grounds not yet tried
UNTRIED = frozenset({"suspicion", "possible", "pretrial", "pre-trial"})
# Verbs whose subject undergoes the event ("X died", "X faces trial", "X walked free").
UNDERGONE = frozenset({"die", "languish", "serve", "receive", "get", "face", "stand", "go",
                       "appear", "appeal", "walk", "leave"})
# Verbs in the present that tell a state, not the day's news.
STATES = frozenset({"serve", "face", "remain", "languish", "stand", "await", "spend",
                    "continue", "stay", "be", "have", "receive", "get"})
# Verbs by which an authority enacts the event its object names ("has approved pardons for X").
ENACTING = frozenset({"approve", "grant", "issue", "order", "sign"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
FEMALE_SURNAME = re.compile(r"(?:ova|eva|aya|skaya|ckaya|ska)$")
MALE_SURNAME = re.compile(r"(?:ov|ev|sky|skiy|skii|ski|yi|iy)$")
# "was initially sentenced to six years": a verdict later changed on appeal.
SUPERSEDED = re.compile(r"\b(?:initially|originally|at\s+first)\b", re.I)
# "The 63-year-old (activist) was first detained ...": a definite description by age.
AGED = re.compile(r"^the\s+\d{1,3}\s*-\s*years?\s*-\s*old\b", re.I)


# rapidfuzz ratio at or above which two given names are one spelt twice (Azimjon, Azimzhan)
SAME_GIVEN_NAME = 60


@dataclass(slots=True)
class Target:
    """A named target of one hit."""

    mention: NameMention
    hit: Hit
    sent: SentenceView


@dataclass(slots=True)
class PersonDraft:
    names: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


class NameIndex:
    """The document's PERSON names, for surnames, roles and pronouns."""

    def __init__(self, sents: list[SentenceView]) -> None:
        self.full: dict[str, str] = {}  # surname key -> longest full name
        # person keys (`key_of`: the surname, or a namesake's whole name)
        self.agents: set[str] = set()  # introduced as state agents
        self.speakers: set[str] = set()  # introduced by a speaking role
        self.speaking: set[str] = set()  # ... that say something in the text
        self.described: dict[str, set[str]] = {}  # surname key -> nouns it was described by
        self.mentions: list[tuple[SentenceView, NameMention]] = []
        self.paragraphs = {view.index: view.paragraph for view in sents}
        for view in sents:
            for ent in view.span.ents:
                mention = name_at(ent.root) if ent.label_ == "PERSON" else None
                if mention is not None and not _names_a_time(ent):
                    self._add(mention, view)
        self._add_described_names(sents)
        self._add_shared_surnames(sents)
        self._add_lone_surnames(sents)
        self.namesakes = _namesakes(m.text for _, m in self.mentions)
        self.same = _run_together(self.full) | _aliases(sents)
        self._alone: dict[str, list[tuple[tuple[int, int], str]]] = {}  # see `_named_alone`
        for view, mention in self.mentions:
            self._note_role(mention, view)
        # "reporter X", "professor X": a speaker only where they speak in the text; one
        # who never does is its subject ("raided the home of reporter X and arrested her")
        self.speakers &= self.speaking
        # grows with names read in target positions
        self.known = set(self.full) | _given_names(set(self.full.values()))
        self.victims: set[str] = set()  # person keys already read as a trigger's target
        # names the text uses for places or bodies; a place's name modifying a noun ("the
        # Yerevan municipality") is no person's
        self.not_persons = _bodies(sents) | _places(sents) - {
            normal(m.text) for _, m in self.mentions
            if not (_in_place_position(m.span.root) or m.span.root.dep_ in {"compound", "amod"})}

    def _add_described_names(self, sents: list[SentenceView]) -> None:
        """"journalists Getenet Ashagre and Aragaw Sisay": names beside a noun for persons
        are persons, though the NER missed them or called them an organisation (so that
        "police arrested Aragaw" later finds the person)."""
        seen = {(view.index, m.span.start) for view, m in self.mentions}
        nouns = person_nouns()
        for view in sents:
            described = [t for token in view.span if token.lemma_.lower() in nouns
                         for named in [*described_names(token), *_name_after(token)]
                         for t in coordinated(named)]
            for mention in filter(None, map(name_at, described)):
                if (view.index, mention.span.start) not in seen:
                    seen.add((view.index, mention.span.start))
                    self._add(mention, view)  # `_add_lone_surnames` puts them in order

    def _add_shared_surnames(self, sents: list[SentenceView]) -> None:
        """"two brothers, Karim and Tamer Saleh": a given name that shares the surname
        listed after it is a person of its own (a namesake of the others)."""
        seen = {(view.index, m.span.start) for view, m in self.mentions}
        for view in sents:
            for token in view.span:
                if token.pos_ != "PROPN" or (view.index, token.i) in seen:
                    continue
                if shared_surname(token.doc[token.i : token.i + 1]) is None:
                    continue
                mention = name_at(token)
                if mention is not None and (view.index, mention.span.start) not in seen:
                    seen.add((view.index, mention.span.start))
                    self._add(mention, view)

    def _add_lone_surnames(self, sents: list[SentenceView]) -> None:
        """"Kozlov, the party's leader, ...": the surname of a person named in full
        elsewhere is a mention (an antecedent) whatever label the NER gave it."""
        named = {key for key, full in self.full.items() if " " in full}
        seen = {(view.index, m.span.start) for view, m in self.mentions}
        for view in sents:
            for token in view.span:
                if token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
                    continue
                mention = name_at(token, named) if normal(token.text) in named else None
                if mention is not None and (view.index, mention.span.start) not in seen:
                    seen.add((view.index, mention.span.start))
                    self.mentions.append((view, mention))
        self.mentions.sort(key=lambda pair: (pair[0].index, pair[1].span.start))

    def _add(self, mention: NameMention, view: SentenceView) -> None:
        """Record a person mention: its surname, description and place in reading order."""
        key = surname_key(mention.text)
        if len(mention.text.split()) > len(self.full.get(key, "").split()):
            self.full[key] = mention.text
        root = mention.span.root
        said_to_be = [c.lemma_.lower() for c in root.head.children if c.dep_ == "attr"] if (
            root.dep_ == "nsubj" and root.head.lemma_ == "be") else []  # "X is a journalist"
        self.described.setdefault(key, set()).update([*role_words(mention.span), *said_to_be])
        self.mentions.append((view, mention))

    def _note_role(self, mention: NameMention, view: SentenceView) -> None:
        """The person's role (agent, speaker) and whether they speak, by their key; a
        namesake's full name is their own."""
        key = self.key_of(mention, view)
        if " " in key and len(mention.text) > len(self.full.get(key, "")):
            self.full[key] = mention.text
        role = role_in(role_words(mention.span))
        if role == "agent":
            self.agents.add(key)
        elif role == "speaker":
            self.speakers.add(key)
        if _speaks(mention.span.root):
            self.speaking.add(key)

    def names_no_person(self, mention: NameMention) -> bool:
        """The text uses the name for a place ("in Yerevan") or a body ("the party X")."""
        return normal(mention.text) in self.not_persons

    def key_of(self, mention: NameMention, view: SentenceView) -> str:
        """The person's key: the surname, or the whole name where relatives or namesakes
        share the surname ("Ruslan Daurov and his brother Timur Daurov"); a name that
        could be either ("Daurov") is the one of them named last before it."""
        key = surname_key(mention.text)
        key = self.same.get(key, key)
        if key not in self.namesakes:
            return key
        bearers = self._bearers(mention.text, key)
        if len(bearers) > 1:  # the one named last before it, or else first after it
            at = (view.index, mention.span.start)
            named = self._named_alone(key)
            before = [one for where, one in named if where < at]
            after = [one for where, one in named if where >= at]
            bearers = before[-1:] or after[:1] or bearers
        return bearers[0] if len(bearers) == 1 else key

    def _named_alone(self, key: str) -> list[tuple[tuple[int, int], str]]:
        """Where each namesake of `key` is named so that only they can be meant, in
        reading order (kept until a name is learnt)."""
        if key not in self._alone:
            self._alone[key] = [((v.index, m.span.start), one[0]) for v, m in self.mentions
                                if len(one := self._bearers(m.text, key)) == 1]
        return self._alone[key]

    def _bearers(self, name: str, key: str) -> list[str]:
        """The namesakes a name can be: those whose words hold its words."""
        if surname_key(name) != key:
            return []
        words = set(normal(name).split())
        return [full for full in self.namesakes[key] if words <= set(full.split())]

    def learn(self, mention: NameMention, view: SentenceView) -> None:
        """A name read in a victim's place that the NER did not call a person
        ("the rapper X was sentenced ... and he was released") is an antecedent too."""
        at = (view.index, mention.span.start)
        if any((other.index, known.span.start) == at for other, known in self.mentions):
            return
        self._add(mention, view)
        self.mentions.sort(key=lambda pair: (pair[0].index, pair[1].span.start))
        self._alone.clear()
        self._note_role(mention, view)

    def described_as(self, noun: Token, view: SentenceView) -> NameMention | None:
        """"Blogger Ivan Petrov was arrested. ... a court sentenced the blogger": the
        person last named before the noun and described by it, already read as a victim
        (the text's story; "the former leader" may be anyone once called a leader)."""
        lemma = noun.lemma_.lower()
        for other, mention in reversed(self.mentions):
            if other.index > view.index or (other.index == view.index
                                            and mention.span.start >= noun.i):
                continue
            described = self.described.get(surname_key(mention.text), ())
            if lemma in described and self.key_of(mention, other) in self.victims:
                return mention
        return None

    def _paragraph_of(self, index: int) -> int:
        return self.paragraphs.get(index, -1)

    def antecedents(self, pronoun: Token, view: SentenceView) -> list[NameMention]:
        """The most recent non-agent name before the pronoun in its paragraph (or the
        main person of the last paragraph, for a pronoun that opens a paragraph).

        Not a name in the pronoun's own clause ("the regime of X arrested him");
        a plural pronoun takes a listed group ("A and B ... their trial").
        """
        plural = pronoun.lower_ in PLURAL_PRONOUNS
        ahead = self._named_subject_ahead(pronoun, view)
        if ahead is not None:
            return [ahead]
        own_clause = clause_verb(pronoun)
        first_in_paragraph = view.index == 0 or self._paragraph_of(view.index - 1) != view.paragraph
        # a pronoun with no name before it in its sentence may reach the last paragraph
        opens_sentence = pronoun.i == view.span.start or pronoun.pos_ == "PRON" and not any(
            other.index == view.index and m.span.start < pronoun.i for other, m in self.mentions)
        # "the trial": the case the text is about, named anywhere before
        definite_noun = pronoun.pos_ == "NOUN" and not aged_description(pronoun)
        leads: list[NameMention] = []  # names of the last paragraph, most recent first
        for other, mention in reversed(self.mentions):
            same_or_lead = other.paragraph == view.paragraph or definite_noun or (
                first_in_paragraph and opens_sentence and other.paragraph == view.paragraph - 1
            )
            if not same_or_lead or other.index > view.index:
                continue
            if other.index == view.index and (mention.span.start >= pronoun.i or (
                    clause_verb(mention.span.root) == own_clause
                    and not _owner_subject(pronoun, mention))):
                continue
            key = self.key_of(mention, other)
            if key in self.agents or " " not in self.full.get(key, ""):
                continue  # a lone capitalised word the NER calls a person is a poor antecedent
            if self.names_no_person(mention):
                continue  # "director of the NGO Espacio Libre. His detention": not the NGO
            if key in self.speakers and key not in self.victims:
                continue  # "scholar X said": a speaker, unless already read as a target
            if _other_gender(pronoun, key):
                continue  # "she" is not Zelensky, "he" not Kolesnikova
            if plural:
                group = [mention.span.root, *mention.span.root.conjuncts]
                listed = [m for m in (name_at(t, self.known) for t in group) if m]
                if len(listed) < 2 or not self._list_in_reach(other.index, view.index):
                    continue  # "they" reaches a list of names in this or the last sentence
                return listed
            if other.paragraph == view.paragraph or definite_noun:
                return [self._salient(mention, other, pronoun)]
            leads.append(mention)
        return [self._most_named(leads, view.index)] if leads else []

    def _list_in_reach(self, listed: int, at: int) -> bool:
        """"They" takes a list of names from this or the last sentence, or from the one
        before that when the sentence between names nobody ("A, B and C were detained.
        All but one are students. They were charged with treason")."""
        if at - listed <= 1:
            return True
        return at - listed == 2 and not any(view.index == at - 1 for view, _ in self.mentions)

    def _salient(self, mention: NameMention, view: SentenceView, pronoun: Token) -> NameMention:
        """"X was jailed while investigating Boko Haram. He ...": a pronoun takes up the
        subject of the sentence before rather than a name later in it, when that
        subject is a person already read as a victim."""
        if pronoun.sent.start <= mention.span.start or _subject(mention.span.root):
            return mention
        for other, earlier in self.mentions:
            if other.index == view.index and earlier.span.start < mention.span.start and (
                    _subject(earlier.span.root) and self.key_of(earlier, other) in self.victims):
                return earlier
        return mention

    def _most_named(self, candidates: list[NameMention], before: int) -> NameMention:
        """"His family say ..." opening a paragraph: the person the text is about so far
        (named most often), not whoever the last paragraph named last."""
        counts: dict[str, int] = {}
        for other, mention in self.mentions:
            if other.index <= before:
                key = surname_key(mention.text)
                counts[key] = counts.get(key, 0) + 1
        return max(candidates, key=lambda m: counts.get(surname_key(m.text), 0))

    def _named_subject_ahead(self, pronoun: Token, view: SentenceView) -> NameMention | None:
        """"After her release, Anna Berg said ...": a pronoun in a phrase fronted before
        the subject stands for that subject (when it is a name)."""
        if pronoun.tag_ != "PRP$":
            return None
        fronted = pronoun
        while fronted.head != fronted and fronted.dep_ not in {"prep", "advcl", "npadvmod"}:
            fronted = fronted.head
        verb = fronted.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if fronted.dep_ not in {"prep", "advcl"} or len(subjects) != 1 or verb.dep_ != "ROOT":
            return None
        if subjects[0].i < fronted.i:
            return None
        # "Following his detention, the activist X went on hunger strike": the name
        # beside the subject noun
        named = [subjects[0], *(c for c in subjects[0].children if c.dep_ == "appos")]
        for other, mention in self.mentions:
            if other.index == view.index and mention.span.root in named:
                key = self.key_of(mention, other)
                return None if key in self.agents or key in self.speakers else mention
        return None


def _run_together(full: dict[str, str]) -> dict[str, str]:
    """Surname key -> the key of the same name written with a space more ("WaLone" of
    "Wa Lone"). A name that only opens another is not merged: "Leopoldo Lopez" and his
    father "Leopoldo Lopez Gil" are two people."""
    spelt = {"".join(normal(name).split()): key for key, name in full.items()
             if len(name.split()) > 1}
    return {key: spelt[joined] for key, name in full.items()
            if len(name.split()) == 1 and (joined := normal(name)) in spelt
            and spelt[joined] != key}


def _namesakes(names: Iterable[str]) -> dict[str, list[str]]:
    """Surname key -> the full names of different people who share it: names neither
    of which holds the other's words ("Ruslan Daurov", "Timur Daurov"; not "Bacede
    Mabuza" and "Mduduzi Bacede Mabuza", nor an initial: "A. Petrov")."""
    forms: dict[str, set[str]] = {}
    for name in names:
        words = [w for w in normal(name).split() if w not in TITLES]
        if len(words) > 1 and all(len(w.rstrip(".")) > 1 for w in words):
            forms.setdefault(surname_key(name), set()).add(" ".join(words))
    found: dict[str, list[str]] = {}
    for key, full in forms.items():
        widest = sorted(f for f in full if not any(
            f != o and set(f.split()) <= set(o.split()) for o in full))
        if len(widest) > 1 and not _spellings_of_one(widest):
            found[key] = widest
    return found


def _spellings_of_one(names: list[str]) -> bool:
    """"Azimjon Askarov" and "Azimzhan Askarov": one given name spelt two ways. Every
    given word counts, so that a shared first word ("Mohammed Wali Al-Anezi" and
    "Mohammed Khudair Al-Anezi") or honorific ("Ko Wai Phyo Aung", "Ko Min Thitsar
    Aung") does not make two people one."""
    givens = [name.split()[:-1] for name in names]
    return all(fuzz.ratio(a, b) >= SAME_GIVEN_NAME
               for one in givens for other in givens for a, b in zip(one, other, strict=False))


def _speaks(name: Token) -> bool:
    """"X said", "X, the lawyer, told", "according to X": the name says something."""
    while name.dep_ in {"conj", "appos", "compound"} and name.head != name:
        name = name.head
    if name.dep_ == "pobj" and name.head.lower_ == "to":
        return name.head.head.lower_ == "according"
    return name.dep_ == "nsubj" and name.head.lemma_.lower() in REPORTING_VERBS


def _name_after(noun: Token) -> list[Token]:
    """The last word of the proper nouns right after a noun ("journalists Getenet
    Ashagre"), whatever the parse made of them."""
    end = noun.i + 1
    while end < noun.sent.end and noun.doc[end].pos_ == "PROPN":
        end += 1
    return [noun.doc[end - 1]] if end > noun.i + 1 else []


def _given_names(full_names: Iterable[str]) -> set[str]:
    """"Police arrested Eskinder": a name's first word, used alone, is that person
    (when no other name of the text begins with it or ends with it)."""
    parts = [normal(name).split() for name in full_names]
    firsts = [words[0] for words in parts if len(words) > 1]
    surnames = {words[-1] for words in parts}
    return {w for w in firsts if firsts.count(w) == 1 and w not in surnames and len(w) > 2
            and w not in person_words() and w not in TITLES}


def _full_names_begun(given: str, named: list[str]) -> list[str]:
    """The one full name of the text that the given name begins ("Filep Karma"), if one."""
    begun = {full for full in named
             if len(full.split()) > 1 and normal(full).split()[0] == normal(given)}
    return list(begun) if len(begun) == 1 else []


def _subject(token: Token) -> bool:
    """The subject of its clause, or listed with it ("A and B were arrested")."""
    while token.dep_ in {"conj", "appos"}:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _other_gender(pronoun: Token, surname: str) -> bool:
    """Slavic surnames say their bearer's gender (-ova, -skaya; -ov, -sky), and so do
    "he" and "she": a pronoun never stands for a surname of the other gender."""
    said = PRONOUN_GENDER.get(pronoun.lower_)
    if said is None:
        return False
    female, male = FEMALE_SURNAME.search(surname), MALE_SURNAME.search(surname)
    return (said == "f" and male is not None) or (said == "m" and female is not None)


def _owner_subject(pronoun: Token, mention: NameMention) -> bool:
    """"X went on hunger strike after her arrest": a possessive in its clause is the
    subject's own (unlike "X's regime arrested him")."""
    return pronoun.tag_ == "PRP$" and mention.span.root.dep_ in {"nsubj", "nsubjpass"}


def aged_description(token: Token) -> bool:
    """"The 63-year-old (civil activist)": news refers back to the person just named
    by age, as a pronoun would."""
    if token.tag_ not in {"NN", "JJ"}:
        return False
    return AGED.match(token.doc[token.left_edge.i : token.i + 1].text) is not None


def _places(sents: list[SentenceView]) -> set[str]:
    """Names the text uses as places ("in Yerevan", "from Alice Springs"): the parse
    sometimes reads them as a trigger's target ("Siraha died in custody" for "X, from
    Siraha, died ..."); a name the NER calls a person anywhere is no place."""
    found = set()
    for view in sents:
        for ent in view.span.ents:
            if _in_place_position(ent.root) and (
                    ent.label_ in PLACE_LABELS or ent.root.head.lower_ == "in"):
                found.add(normal(ent.text.removeprefix("the ")))
    return found


def _in_place_position(token: Token) -> bool:
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    return preposition.lower_ in PLACE_PREPOSITIONS or (
        preposition.lower_ == "of" and preposition.head.lower_ in PLACE_OF)


def _bodies(sents: list[SentenceView]) -> set[str]:
    """Names the text gives a body's kind ("the opposition party Chadema", "the Artarutyun
    alliance", "the Criet"): an organisation the parse made a trigger's target, though
    the NER often calls it a person; one the NER calls a person elsewhere, other than
    as a modifier ("Chadema chairman"), is a person."""
    found, persons = set(), set()
    for view in sents:
        for ent in view.span.ents:
            if _named_as_body(ent):
                found.add(normal(ent.text.removeprefix("the ")))
            elif ent.label_ == "PERSON" and ent.root.dep_ not in {"compound", "amod"}:
                persons.add(normal(ent.text))
    return found - persons


def _aliases(sents: list[SentenceView]) -> dict[str, str]:
    """Surname key of a name given after "known as", "alias", "aka", "nicknamed" -> the
    key of the name it follows ("X, also known as Bala"; 'X, known as "Me Nam", or
    Mother Mushroom'): one person, whichever name a sentence uses."""
    found = {}
    for view in sents:
        for token in view.span:
            owner = _alias_owner(token) if _opens_alias(token) else None
            if owner is None:
                continue
            for run in _alias_runs(token):
                if (key := surname_key(run.text)) and key != owner:
                    found[key] = owner
    return found


def _alias_owner(opener: Token) -> str | None:
    """The surname key of the name just before an alias word ("X, also known as")."""
    doc, i = opener.doc, opener.i - 1 - (opener.lower_ == "as")
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ in ALIAS_ADVERBS):
        i -= 1
    mention = name_at(doc[i]) if i >= 0 and doc[i].pos_ == "PROPN" else None
    return surname_key(mention.text) if mention is not None else None


def _opens_alias(token: Token) -> bool:
    word = token.lower_
    if word in ALIAS_WORDS:
        return True
    return word == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "known"


def _alias_runs(opener: Token) -> list[Span]:
    """The proper-noun runs just after an alias word, through quotes, brackets and "or"
    ('"Me Nam" (Mother Mushroom)'); a comma ends them ("aka A, B and C": B is listed)."""
    doc, runs, start = opener.doc, [], None
    for token in doc[opener.i + 1 : opener.i + 1 + ALIAS_REACH]:
        if token.pos_ == "PROPN" or (start is not None and token.text in JOINERS):
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append(doc[start : token.i])
            start = None
        ahead = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if not (token.lower_ == "or" or token.is_quote or token.is_bracket
                or (token.text == "," and ahead == "or")):
            break
    return runs


def _named_as_body(ent: Span) -> bool:
    doc, root = ent.doc, ent.root
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and before.lower_ in BODY_NOUNS:
        return True  # "the party Chadema", "newspaper Gazeta Wyborcza"
    if root.dep_ in {"compound", "nmod"} and root.head.lower_ in BODY_NOUNS:
        return True  # "the Artarutyun alliance"
    return ent.label_ == "ORG" and before is not None and before.lower_ == "the" and (
        root.dep_ not in {"compound", "nmod", "poss", "amod"})  # "the Criet", not "the X case"


def _names_a_time(ent: Span) -> bool:
    """"died during Qandy Qantar": what one lives through is an event, not a person."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in TIME_PREPOSITIONS


def find_events(
    sents: list[SentenceView],
    *,
    published: date | None,
    decisions: EventDecisions | None = None,
) -> tuple[list[Person], list[Event]]:
    """Victims and one event per (victim, type), in order of first mention.

    With `decisions`, learned models add the events the rules missed and weigh
    every event (`learned/judging.py`); without, the rules decide alone.
    """
    names = NameIndex(sents)
    lede = _dateline_lede(sents, published)
    targets: list[Target] = []
    unnamed: dict[tuple[int, str], Attributes] = {}
    groups: list[GroupReport] = []
    apart = {view.index for view in sents if SEPARATE_CASE.match(view.text)}
    for view in sents:
        for hit in find_hits(view.span):
            named = _named_targets(hit, view, names)
            targets.extend(named)
            if named and _ongoing(hit.anchor):
                apart.add(view.index)
            if not named:
                target = hit.targets[0]
                span = target.doc[target.i : target.i + 1]
                attributes = read_attributes(hit, span, view, published=published)
                lede.complete(attributes, view, hit.anchor)
                unnamed.setdefault((view.paragraph, hit.rule.event), attributes)
                if _ordered_by_court(hit):
                    unnamed.setdefault((view.paragraph, "trial"), attributes)
                group = group_report(hit, view, attributes)
                if group is not None:
                    groups.append(group)
    for mention, hit, heading in listed_targets(sents):
        if _is_victim(mention, hit, heading, names):
            targets.append(Target(mention, hit, heading))
            names.known.add(surname_key(mention.text))
    document = Document(sents, names, unnamed, groups, published, lede, frozenset(apart))
    if decisions is None:
        return _assemble(targets, document)
    rule_slots = {(names.key_of(t.mention, t.sent), t.hit.rule.event) for t in targets}
    candidates = _candidates(sents, names)
    score_candidates(candidates, decisions)
    proposed = proposals(candidates, rule_slots, decisions)
    judge = Judge(decisions, candidates, rule_slots, {(c.key, c.type) for c in proposed})
    return _assemble(targets, document, judge,
                     [Target(c.mention, proposed_hit(c), c.view) for c in proposed
                      if not names.names_no_person(c.mention)])


def _candidates(sents: list[SentenceView], names: NameIndex) -> list[Candidate]:
    roles = DocumentRoles(agents=frozenset(names.agents), speakers=frozenset(names.speakers),
                          victims=frozenset(names.victims))
    return document_candidates(sents, names.mentions, names.antecedents, names.known, roles,
                               names.key_of)


def _ongoing(anchor: Token) -> bool:
    """"A and B are serving sentences on similar charges": a state of their own cases,
    not a share of the verdict the text reports."""
    present = {"is", "are", "'s", "'re"}
    return anchor.lemma_.lower() in STATES and anchor.tag_ in {"VBG", "VBZ", "VBP"} and (
        anchor.tag_ != "VBG" or any(c.lower_ in present for c in anchor.children))


def _ordered_by_court(hit: Hit) -> bool:
    """"An appeals court yesterday ordered the release of one member": what a court
    orders, it orders at a hearing, which the report dates."""
    verb = clause_verb(hit.anchor)
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in COURTS for c in verb.children)


@dataclass(slots=True)
class Document:
    """What the whole text says beside the named hits: for attributes stated once."""

    sents: list[SentenceView]
    names: NameIndex
    unnamed: dict[tuple[int, str], Attributes]  # (paragraph, type) -> first unnamed report
    groups: list[GroupReport]
    published: date | None
    lede: Lede
    apart: frozenset[int]  # sentences of other cases ("Separately, ..."; "B is serving ...")


@dataclass(slots=True)
class Lede:
    """Sentences dated by a line outside them: the lede a dated dateline or a line
    that is only a day heads (often split by the parser after "AUG."), the picture a
    caption's credit line places and dates."""

    stamps: dict[int, Dateline] = field(default_factory=dict)

    def complete(self, attributes: Attributes, view: SentenceView, anchor: Token) -> None:
        """Date (and place) the sentence's events by its line; what a dateline itself says
        is no attribute ("2016" of "AUG. 19 2016", "(The Bulletin)" read as a place),
        unless the sentence says it again ("YAOUNDE, ... - A court in Yaounde ...")."""
        stamp = self.stamps.get(view.index)
        if stamp is None or anchor.i in stamp.past:
            return
        own = attributes.date
        if not attributes.foreign_day and (not own or stamp.day.startswith(own)):
            attributes.date = stamp.day
        told = view.text.replace(stamp.text.strip(), "", 1)
        if attributes.place and attributes.place in stamp.text and attributes.place not in told:
            attributes.place = None
        attributes.place = attributes.place or stamp.place


def _dateline_lede(sents: list[SentenceView], published: date | None) -> Lede:
    """"AUG. 19 2016 (Bulletin) - Kazakhstan released ...": news of the day is told
    without its day, which the dateline gives; it dates the lede sentence. So does
    the publication date (at the precision the source gives it) for a lede in the
    present or the present perfect ("A and B walk free", "X has been released")."""
    lede = Lede(_captions(sents, published))
    for view in sents[:8]:
        if view.span.start_char != 0:
            continue  # a dateline opens a paragraph
        dateline = dateline_date(view.span.doc.text, published)
        if dateline is not None:
            reach = len(dateline.text) + view.span.start_char
            lede.stamps.update({v.index: dateline for v in sents if v.paragraph == view.paragraph
                                and v.span.start_char <= reach})
            return lede
    if published is None:
        return lede
    news = [v for v in sents[:12] if _tells_news(v)][:4]  # headlines and captions skipped
    told = ((v, find_hits(v.span)) for v in news)
    first = next(((v, hits) for v, hits in told if hits), None)  # the first event told
    if first is not None and any(_news_of_the_day(hit.anchor) for hit in first[1]):
        past = frozenset(hit.anchor.i for hit in first[1] if _told_in_passing(hit.anchor))
        lede.stamps[first[0].index] = Dateline(published.isoformat(), "", past=past)
    return lede


def _told_in_passing(anchor: Token) -> bool:
    """"X, who was seized in 2021, has been pardoned": a relative clause in the past
    recalls an older event; the lede's news is its main clause."""
    verb = clause_verb(anchor)
    return verb.dep_ == "relcl" and verb.tag_ in {"VBD", "VBN"}


def _tells_news(view: SentenceView) -> bool:
    """A sentence, not a headline: it ends in a full stop and has a verb."""
    return view.text.rstrip().endswith(".") and any(t.pos_ in {"VERB", "AUX"} for t in view.span)


def _news_of_the_day(anchor: Token) -> bool:
    """"Police detain X", "A and B walk free", "X has been released": news of the day
    in the simple present, the present perfect or the present progressive ("A and B
    are being tried"); not a state ("X serves a term", "X faces trial", "X has spent
    years in jail"), nor a noun ("CPJ condemns the detention of X" tells today's
    reaction to an older event) unless an authority enacts it today ("the government
    has approved pardons for A and B")."""
    if anchor.lemma_.lower() in STATES:
        return False
    if anchor.pos_ == "NOUN" and anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in ENACTING:
        anchor = anchor.head  # "the government has approved pardons for A and B"
    auxes = {c.lower_ for c in anchor.children if c.dep_ in {"aux", "auxpass"}}
    perfect = anchor.tag_ == "VBN" and bool(auxes & {"has", "have"})
    ongoing = anchor.tag_ == "VBN" and "being" in auxes and bool(auxes & {"is", "are"})
    return perfect or ongoing or anchor.tag_ in {"VBZ", "VBP"}


def _captions(sents: list[SentenceView], published: date | None) -> dict[int, Dateline]:
    """The sentence a caption's credit line follows, with what the line gives."""
    stamps: dict[int, Dateline] = {}
    for before, view in pairwise(sents):
        if before.paragraph != view.paragraph or any(t.pos_ in {"VERB", "AUX"} for t in view.span):
            continue
        credit = caption_credit(view.text, published)
        if credit is not None:
            stamps[before.index] = credit
    return stamps


def _named_targets(hit: Hit, view: SentenceView, names: NameIndex) -> list[Target]:
    found: list[Target] = []
    seen: set[int] = set()
    for token in hit.targets:
        if _agent_role(token) and not _undergoes(token, hit):
            continue  # "police officers A and B": the role covers the whole list
        for candidate in coordinated(token):
            for mention in _names_for(candidate, hit, view, names):
                _take(mention, hit, view, names, found, seen)
    # a run read from a name here, or from a plural word for names listed earlier
    plural = any(t.lower_ in PLURAL_PRONOUNS or t.tag_ == "NNS" for t in hit.targets)
    listing = [t for t in found if plural or t.mention.span.sent.start == view.span.start]
    for mention in _listed_with(listing, names):
        _take(mention, hit, view, names, found, seen)
    return found


def _take(mention: NameMention, hit: Hit, view: SentenceView, names: NameIndex,
          found: list[Target], seen: set[int]) -> None:
    """Add a mention to the hit's targets once, if it names a victim."""
    if mention.span.start in seen:
        return
    seen.add(mention.span.start)
    if _is_victim(mention, hit, view, names):
        found.append(Target(mention, hit, view))
        names.known.add(surname_key(mention.text))
        names.victims.add(names.key_of(mention, view))
        names.learn(mention, view)


def _listed_with(found: list[Target], names: NameIndex) -> list[NameMention]:
    """The names listed in one run with a target ("detained A, B, C and D", however
    parsed; "A, B and C were detained. They were charged"): they share its event."""
    taken = {t.mention.span.start for t in found}
    sentences = {t.mention.span.sent.start: t.mention.span.sent for t in found}
    return [mention for sentence in sentences.values() for run in name_runs(sentence, names.known)
            if any(m.span.start in taken for m in run) for mention in run]


def _names_for(
    token: Token, hit: Hit, view: SentenceView, names: NameIndex
) -> list[NameMention]:
    """The named persons a target token stands for."""
    lower = token.lower_
    if lower in PRONOUNS or lower in PLURAL_PRONOUNS or token == hit.anchor or (
            aged_description(token)):
        return names.antecedents(token, view)
    if lower in RELATIVE_PRONOUNS or (token.dep_ == "nsubj" and lower in {"both", "all"}):
        return _relative_antecedents(token, hit, view, names)
    mention = name_at(token, names.known)
    if mention:
        return [mention]
    if _definite_person(token):
        described = names.described_as(token, view)
        if described is not None:
            return [described]
    found = []
    for described in described_names(token):
        for candidate in coordinated(described):
            named = name_at(candidate, names.known)
            if named:
                found.append(named)
    listed = [m for m in _listed_after_colon(token, names) if m not in found]
    return found + listed


def _definite_person(noun: Token) -> bool:
    """"the blogger", "the journalist": one person the text has described so, unnamed here."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    named = any(c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" for c in noun.children) or (
        noun.dep_ in {"appos", "compound", "nmod"} and noun.head.pos_ == "PROPN") or (
        after is not None and after.ent_type_ == "PERSON")  # "the activist X", however parsed
    return noun.tag_ == "NN" and noun.lemma_.lower() in person_nouns() and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and not named


def _listed_after_colon(token: Token, names: NameIndex) -> list[NameMention]:
    """"Five activists were jailed: A, B and C." A plural target names its members
    in a list after a colon."""
    if token.tag_ != "NNS" and token.lower_ != "following":  # "sentenced the following:"
        return []
    sent = token.sent
    colon = next((t for t in sent if t.text == ":" and t.i > token.i), None)
    if colon is None:
        return []
    found = [
        m for ent in sent.ents
        if ent.label_ == "PERSON" and ent.start > colon.i
        for m in [name_at(ent.root, names.known)] if m
    ]
    starts = {m.span.start for m in found}
    return found + [m for m in _dashed_items(sent[colon.i + 1 - sent.start :])
                    if m.span.start not in starts]


def _dashed_items(items: Span) -> list[NameMention]:
    """"A - 9 years in prison, B - 8 years": the name that opens each item before its
    dash, whatever the NER made of it."""
    found: list[NameMention] = []
    start = items.start
    for token in [*items, None]:
        if token is not None and token.text not in {",", ";"} and token.lower_ != "and":
            continue
        end = token.i if token is not None else items.end
        item = items.doc[start:end]
        start = end + 1
        dash = next((t for t in item if t.text in DASHES), None)
        words = item[: dash.i - item.start] if dash is not None else item[:0]
        if 2 <= len(words) <= 4 and all(t.is_title and t.pos_ == "PROPN" for t in words):
            name = clean_name(words)
            if name:
                found.append(NameMention(name, words))
    return found


def _relative_antecedents(
    token: Token, hit: Hit, view: SentenceView, names: NameIndex
) -> list[NameMention]:
    """"X and Y, both of whom received ..." -> X and Y; "X, who was jailed" -> X."""
    clause = token
    while clause.dep_ != "relcl" and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "relcl":
        return []
    head = _person_above(clause.head) if token.lower_ in {"who", "whom"} else clause.head
    group = coordinated(head.head if head.dep_ == "conj" else head)
    collective = {"both", "all"}
    if token.lower_ not in collective and not any(c.lower_ in collective for c in token.subtree):
        group = [head]
    found = []
    for candidate in group:
        found.extend(_names_for(candidate, hit, view, names))
    return found


def _person_above(noun: Token) -> Token:
    """"X, a journalist from the Y region, who was arrested": "who" is a person, and
    the parse may hang its clause on the place; climb to the person it describes."""
    node = noun
    while not _stands_for_person(node) and node.pos_ in {"NOUN", "PROPN", "ADP"} and (
            node.head != node):
        node = node.head
    return node if _stands_for_person(node) else noun


def _stands_for_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in person_words()


def _agent_role(token: Token) -> bool:
    if role_strength().get(token.lemma_.lower()) == "agent" and not heads_a_body(token):
        return True  # "police officers A and B"; not "party secretaries A and B"
    return token.pos_ == "PROPN" and role_of(token.doc[token.i : token.i + 1]) == "agent"


def _is_victim(mention: NameMention, hit: Hit, view: SentenceView, names: NameIndex) -> bool:
    if names.names_no_person(mention):
        return False
    key = names.key_of(mention, view)
    agent = key in names.agents or role_of(mention.span) == "agent"
    if agent and not _undergoes(mention.span.root, hit):
        return False
    if key in names.speakers and key not in names.victims and not _direct(hit):
        return False  # "the editor X said": a speaker, unless already read as a target
    return not _is_agent_of(mention.span, hit.anchor)


def _undergoes(token: Token, hit: Hit) -> bool:
    """"Senator X was arrested", "soldiers detained President X", "the arrest of Judge X":
    an office holder who is the patient of an arrest, charge or sentence undergoes it
    (not "Judge X sentenced ...", nor a police officer convicted of beating detainees).
    Critics "accuse President X of" things daily: that is no charge he undergoes."""
    if hit.rule.event == "charge" and hit.anchor.lemma_.lower() == "accuse":
        return False
    held = token.dep_ in {"nsubjpass", "dobj"} and token.head == hit.anchor or (
        token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head == hit.anchor)
    return hit.rule.event in UNDERGONE_BY_OFFICIALS and held and holds_office(
        token.doc[token.i : token.i + 1])


def _direct(hit: Hit) -> bool:
    """The hit's target is the person it happens to: "lawyer X was arrested", "lawyer
    X received six years" (not "lawyer X appealed", said of a client's case)."""
    return hit.rule.victim in DIRECT_KINDS or (
        hit.rule.victim == "subject" and hit.rule.event in DIRECT_SUBJECT_EVENTS)


def _is_agent_of(span: Span, anchor: Token) -> bool:
    """The doer of an active trigger ("Judge X sentenced Y") is never its victim."""
    root = span.root
    return root.head == anchor and root.dep_ in {"nsubj", "agent"} and anchor.pos_ == "VERB" and (
        anchor.i > root.i and not passive(anchor)
    ) and not reduced_passive(anchor) and anchor.lemma_.lower() not in UNDERGONE


def _assemble(
    targets: list[Target], document: Document, judge: Judge | None = None,
    proposed: list[Target] | None = None,
) -> tuple[list[Person], list[Event]]:
    """Persons by surname and one event per (person, type), completed from the
    sentences that state an attribute once for several events (`sharing.py`).

    An event reported first without a name ("an opposition leader was jailed for
    seven years on Monday") lends its attributes to the named event of the same
    type in the same paragraph ("X, head of the party, ..."). The learned model's
    `proposed` targets add (person, type) pairs the rules did not read, after the
    rules' reading is complete, so they never change it; `judge` then weighs all.
    """
    drafts: dict[str, PersonDraft] = {}
    reports = _reports(targets, document, drafts)
    _name_groups(document, reports, drafts)
    city = _dateline_city(document)
    _share(list(reports.values()), document, city)
    if judge is not None:  # what groups passed on is the rules' reading too
        judge.rule_slots |= set(reports)
        judge.proposed -= set(reports)
    if proposed:
        for slot, report in _reports(proposed, document, drafts).items():
            reports.setdefault(slot, report)
    _join_short_names(reports, drafts, list(document.names.full.values()))
    if judge is not None:
        _judge(reports, drafts, document, judge)
    story_date(_ours(list(reports.values()), document), _unnamed_days(document))
    release_after_arrest(list(reports.values()), document.published)
    # events the story's day reached only now happened where the report was filed too
    dateline_place(list(reports.values()), city, document.published)
    persons, keys = _persons(drafts)
    events = [report.event for report in reports.values()]
    for event in events:
        event.person = keys[event.person]
    return persons, events


def _unnamed_charges(document: Document) -> list[list[str]]:
    """The charges the verdicts told without a name give ("seven activists were
    convicted of treason")."""
    told = [a.charges for (_, kind), a in document.unnamed.items() if kind == "sentence"]
    return told + [g.attributes.charges for g in document.groups if g.type == "sentence"]


def _unnamed_days(document: Document) -> dict[str, set[str]]:
    """The days the reports without a name give a trial or a verdict: the court's
    session ("A court on Saturday sentenced four journalists") tries them all; arrests
    told without names are often of others ("relatives were briefly detained")."""
    days: dict[str, set[str]] = {}
    for (_, kind), attributes in document.unnamed.items():
        if attributes.date and len(attributes.date) == 10 and kind in COURT_EVENTS:
            days.setdefault(kind, set()).add(attributes.date)
    return days


def _join_short_names(reports: dict[tuple[str, str], Report], drafts: dict[str, PersonDraft],
                      named: list[str]) -> None:
    """"Liu" and "Liu Xiaobo", "Shahidul" and "Shahidul Alam": a one-word name that is a
    word of exactly one longer name of the document's victims is that person. A given
    name no victim bears ("Filep") takes the one full name of the text it begins."""
    longest = {key: max(draft.names, key=lambda n: len(n.split())) for key, draft in drafts.items()}
    for key, name in longest.items():
        if len(name.split()) > 1:
            continue
        owners = [other for other, full in longest.items() if other != key
                  and len(full.split()) > 1 and normal(name) in normal(full).split()]
        if not owners:
            drafts[key].names += _full_names_begun(name, named)
        if len(owners) != 1:
            continue
        owner = owners[0]
        for slot in [slot for slot in reports if slot[0] == key]:
            moved = reports.pop(slot)
            moved.event.person = owner
            kept = reports.get((owner, slot[1]))
            if kept is None:
                reports[(owner, slot[1])] = moved
            else:
                kept.event = _merged([kept.event, moved.event])
                kept.positions += moved.positions
        drafts[owner].names += [n for n in drafts[key].names if n not in drafts[owner].names]
        drafts[owner].evidence += drafts[key].evidence
        del drafts[key]


def _reports(
    targets: list[Target], document: Document, drafts: dict[str, PersonDraft]
) -> dict[tuple[str, str], Report]:
    """One report per (person, type) from the targets; their persons join `drafts`."""
    names = document.names
    mentions: dict[tuple[str, str], list[tuple[Event, SentenceView]]] = {}
    rules: dict[tuple[str, str], set[str]] = {}  # (person, type) -> ids of the rules that told it
    for target in targets:
        key = names.key_of(target.mention, target.sent)
        draft = drafts.setdefault(key, PersonDraft())
        name = names.full.get(key, target.mention.text)
        for form in (name, target.mention.text):
            if form not in draft.names:
                draft.names.append(form)
        if target.sent.evidence not in draft.evidence:
            draft.evidence.append(target.sent.evidence)
        for event in _events(target, key, document):
            reach = 0 if target.sent.index in document.apart else LEDE_REACH
            for paragraph in range(target.sent.paragraph, target.sent.paragraph - reach, -1):
                lent = document.unnamed.get((paragraph, event.type))
                if lent is not None:
                    lend(event, lent)
            if dated_by_another_event(target.hit):
                event.date = None  # the day told is the other event's
            mentions.setdefault((key, event.type), []).append((event, target.sent))
            rules.setdefault((key, event.type), set()).add(target.hit.rule.id)
    reports = {
        slot: Report(_merged([e for e, _ in found], document.published),
                     [(v.index, v.paragraph) for _, v in found])
        for slot, found in mentions.items()
    }
    for slot in [slot for slot in reports if _held_before_trial(slot, reports, rules)]:
        del reports[slot]
    return reports


def _held_before_trial(slot: tuple[str, str], reports: dict[tuple[str, str], Report],
                       rules: dict[tuple[str, str], set[str]]) -> bool:
    """"X was arrested in May ... X, who is behind bars, ...": a person whose arrest the
    text reports and who is only said to be in prison, with no term, is held, not
    sentenced; the prison is the arrest's."""
    key, kind = slot
    if kind != "sentence" or reports[slot].event.sentence_months or not rules[slot] <= HELD_ONLY:
        return False
    return bool(rules.get((key, "arrest"), set()) & TAKING)


def _judge(
    reports: dict[tuple[str, str], Report],
    drafts: dict[str, PersonDraft],
    document: Document,
    judge: Judge,
) -> None:
    """Weigh every event; drop those under the threshold, and persons left without any."""
    mentions: dict[str, int] = {}
    for view, mention in document.names.mentions:
        key = document.names.key_of(mention, view)
        mentions[key] = mentions.get(key, 0) + 1
    people = {key: (max(draft.names, key=lambda n: len(n.split())), mentions.get(key, 0))
              for key, draft in drafts.items()}
    events = {slot: report.event for slot, report in reports.items()}
    for slot in judge_events(events, judge, people):
        del reports[slot]
    kept = {key for key, _ in reports}
    for key in [key for key in drafts if key not in kept]:
        del drafts[key]


def _roster(sents: list[SentenceView], drafts: dict[str, PersonDraft]) -> Roster:
    """The victims each sentence names (by surname, in order): where a group finds
    its members. The NER's label does not matter once a surname is a victim's."""
    roster: Roster = {}
    for view in sents:
        named = [normal(t.text) for t in view.span if t.pos_ == "PROPN"]
        # a namesake's key is their whole name ("jordi sanchez"): found by its words
        whole = [k for k in drafts if " " in k and set(k.split()) <= set(named)]
        keys = list(dict.fromkeys([*(k for k in named if k in drafts), *whole]))
        if keys:
            roster[view.index] = keys
    return roster


def _name_groups(
    document: Document, reports: dict[tuple[str, str], Report], drafts: dict[str, PersonDraft]
) -> None:
    """A group's event passes to the named persons it stands for (`groups.py`);
    a counted group to the persons named just after it even when nothing else
    targets them, when their number is the group's ("five protesters were jailed.
    A, 58, B, 38, ... and E, 22, ...")."""
    roster = _roster(document.sents, drafts)
    for group in document.groups:
        members = group_members(group, roster, list(reports.values()))
        if not members and group.count:
            members = _counted_names(group, document.names, drafts)
        if not members:
            members = _included_names(group, document, drafts)
        for key in members:
            report = reports.get((key, group.type))
            if report is None:
                event = Event(group.type, key, group.evidence, also=list(group.also))
                report = reports[(key, group.type)] = Report(event, [])
            lend(report.event, group.attributes)
            report.positions.append((group.sentence, group.paragraph))


def _counted_names(group: GroupReport, names: NameIndex, drafts: dict[str, PersonDraft]
                   ) -> list[str]:
    """The persons the first sentence after the group names, when it names as many as
    the group counts; they join the victims (drafts). State agents and the people
    quoted ("their lawyer X said") are not counted."""
    bystanders = names.agents | names.speakers
    for index in range(group.sentence + 1, group.sentence + GROUP_WINDOW + 1):
        keyed = ((names.key_of(m, view), m) for view, m in names.mentions
                 if view.index == index and not names.names_no_person(m))
        named = {key: m for key, m in keyed if key not in bystanders}
        if not named:
            continue
        if len(named) != group.count:
            return []
        for key, mention in named.items():
            draft = drafts.setdefault(key, PersonDraft())
            draft.names.append(names.full.get(key, mention.text))
            draft.evidence.append(group.evidence)
        return list(named)
    return []


def _included_names(group: GroupReport, document: Document, drafts: dict[str, PersonDraft]
                    ) -> list[str]:
    """"Three more journalists have been arrested. They include A, B and C": the
    sentence right after the group lists some of its members ("they/these include(d)",
    "among them are", "one of them/the activists is"); they join the victims."""
    names = document.names
    following = [v for v in document.sents if v.index == group.sentence + 1]
    bystanders = names.agents | names.speakers
    found: list[str] = []
    for view in following:
        listed = [m for token in _members_listed(view.span) for candidate in coordinated(token)
                  for m in [name_at(candidate, names.known)] if m is not None]
        starts = {m.span.start for m in listed}
        listed += [m for run in name_runs(view.span, names.known)  # however parsed
                   if any(m.span.start in starts for m in run) for m in run]
        for mention in listed:
            if not _is_person_name(mention, names) or names.names_no_person(mention):
                continue
            key = names.key_of(mention, view)
            if key in bystanders or key in found:
                continue
            draft = drafts.setdefault(key, PersonDraft())
            draft.names.append(names.full.get(key, mention.text))
            draft.evidence.append(group.evidence)
            found.append(key)
    return found


def _is_person_name(mention: NameMention, names: NameIndex) -> bool:
    """A PERSON, or a name the text knows as a person's (the NER mislabels listed names)."""
    label = mention.span.root.ent_type_
    return label in {"PERSON", "NORP", ""} or surname_key(mention.text) in names.known


def _members_listed(sentence: Span) -> list[Token]:
    """The first names a sentence lists as members of a group named before it: the
    object of "they/these include(d)", the complement of "among them are" or of
    "one of them/of the activists is"."""
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if root.lemma_ == "include" and any(
            s.lower_ in {"they", "these", "those"} for s in subjects):
        return [c for c in root.children if c.dep_ == "dobj"]
    if root.lemma_ != "be":
        return []
    among = any(c.dep_ == "prep" and c.lower_ == "among" and any(
        o.lower_ == "them" for o in c.children) for c in root.children)
    one_of = any(s.lower_ == "one" and any(
        p.lower_ == "of" and any(o.lower_ == "them" or o.tag_ == "NNS" for o in p.children)
        for p in s.children) for s in subjects)
    if not (among or one_of):
        return []
    return [c for c in root.children if c.dep_ in {"attr", "nsubj"} and c.pos_ == "PROPN"]


def _share(reports: list[Report], document: Document, city: str | None) -> None:
    sents = document.sents
    back = {view.index for view in sents if BACK_REFERENCE.search(view.text)}
    ours = _ours(reports, document)
    victims = {word for key in document.names.victims | {r.event.person for r in reports}
               for word in key.split()}
    _unplace_names(reports, victims)
    share_verdicts(ours, back)
    anchors: dict[int, int] = {}
    for view in sents:
        if timed_by_verdict(view.span):
            anchors.setdefault(view.paragraph, view.index)
    date_by_verdict(reports, anchors)
    court_seat(ours, [seat for view in sents if view.index not in document.apart
                      for seat in court_seats(view.span) if not _names(seat, victims)])
    dateline_place(reports, city, document.published)
    # a victim's name the NER took for a building ("Rustam Aliev") is no place
    named = [place for view in sents if view.index not in document.apart
             for place in named_places(view.span) if not _names(place, victims)]
    story_place(ours, named)
    story_charges(ours, _unnamed_charges(document))
    _share_charges([report.event for report in reports])


def _dateline_city(document: Document) -> str | None:
    """The dateline's city; the parse may cut the line after it ("TUNIS (Reuters)" |
    "- A court ..."), so each paragraph is read whole."""
    paragraphs: dict[int, list[str]] = {}
    for view in document.sents:
        paragraphs.setdefault(view.paragraph, []).append(view.text)
    return dateline_city("\n".join(" ".join(texts) for texts in paragraphs.values()))


def _unplace_names(reports: list[Report], victims: set[str]) -> None:
    """A place that is a victim's name ("Orlov" tagged a town in one sentence) is none."""
    for report in reports:
        place = report.event.place
        if place and _names(place, victims):
            report.event.place = None


def _names(place: str, victims: set[str]) -> bool:
    """Whether a place shares a word with the victims' names."""
    return bool(set(normal(place).split()) & victims)


def _ours(reports: list[Report], document: Document) -> list[Report]:
    """Reports of the story's case: events told only in sentences of other cases
    ("Separately, ...") keep their own attributes."""
    return [r for r in reports if not all(i in document.apart for i, _ in r.positions)]


def _events(target: Target, key: str, document: Document) -> list[Event]:
    """The hit's event; an arrest "on charges of X" also reports the charging, a brief
    one ("briefly detained") the release."""
    event = _event(target, key, document)
    found = [event]
    if event.type == "arrest" and event.charges and not _suspected(target.hit.anchor):
        found.append(Event("charge", key, event.evidence, date=event.date,
                           charges=list(event.charges)))
    since = _held_since(target.hit) if event.type == "sentence" else None
    if since is not None:
        found.append(Event("arrest", key, event.evidence,
                           date=resolve_date(since, published=document.published)))
    if event.type == "arrest" and _brief(target.hit.anchor):
        found.append(Event("release", key, event.evidence, place=event.place))
    return found


def _event(target: Target, key: str, document: Document) -> Event:
    rule = target.hit.rule
    view = target.sent
    attributes = read_attributes(target.hit, target.mention.span, view,
                                 published=document.published)
    document.lede.complete(attributes, view, target.hit.anchor)
    also = list(rule.also)
    kind = rule.event
    if kind == "sentence" and _jailed_before_trial(target.hit):
        kind, also = "arrest", []
    if kind == "sentence" and attributes.suspended and "release" not in also:
        also.append("release")
    return Event(
        type=kind,
        person=key,
        evidence=target.sent.evidence,
        date=attributes.date,
        place=attributes.place,
        charges=attributes.charges,
        sentence_months=attributes.months if rule.event == "sentence" else None,
        also=also,
    )


def _jailed_before_trial(hit: Hit) -> bool:
    """"X was jailed while awaiting trial", "imprisoned ahead of trial", "held in jail
    until court proceedings", "jailed on suspicion of X": a jail that waits for the trial
    holds, it does not punish."""
    if "arrest" not in hit.rule.also and hit.anchor.lemma_.lower() not in JAILING:
        return False
    verb = clause_verb(hit.anchor)
    for child in verb.children:
        near = [g for c in child.children for g in (c, *c.children)]  # "ahead of trial"
        if child.dep_ in {"advcl", "prep", "advmod"} and child.lemma_.lower() in AWAITING and any(
                t.lemma_.lower() in TRIAL_WORDS for t in near):
            return True
        if child.dep_ == "prep" and any(t.lemma_.lower() in UNTRIED for t in near):
            return True
    return False


def _suspected(anchor: Token) -> bool:
    """"held on suspicion of conspiracy": a suspicion is not yet a charge."""
    clause = clause_verb(anchor)
    words = {t.lemma_.lower() for t in clause.subtree}
    return bool(words & {"suspicion", "suspect"}) and not words & {"charge", "accuse", "indict"}


def _held_since(hit: Hit) -> str | None:
    """"X has been in jail since last June", "imprisoned since 2014": the jail's start is
    an arrest of its own, dated by "since" (the words after it, returned)."""
    if hit.rule.id not in HELD_ONLY | {"sentence-verb"} or (
            hit.anchor.lemma_.lower() not in JAILING | {"prison", "jail", "bar"}):
        return None
    verb = clause_verb(hit.anchor)
    since = [c for node in (verb, hit.anchor) for c in node.children
             if c.dep_ == "prep" and c.lower_ == "since"]
    return since[0].doc[since[0].i : since[0].right_edge.i + 1].text if since else None


def _brief(anchor: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in BRIEFLY for c in anchor.children)


def _share_charges(events: list[Event]) -> None:
    """A person's case has one set of charges: a charge event without them takes the
    sentence's, and the other way round ("detained on charges of X" ... "charged")."""
    by_person: dict[str, list[Event]] = {}
    for event in events:
        by_person.setdefault(event.person, []).append(event)
    for own in by_person.values():
        known = next((e.charges for e in own if e.type == "charge" and e.charges), None)
        known = known or next((e.charges for e in own if e.charges), None)
        for event in own:
            if known and not event.charges and event.type in {"charge", "sentence"}:
                event.charges = list(known)


def _merged(mentions: list[Event], published: date | None = None) -> Event:
    """One event per (victim, type): the mention that says most, completed by the others.

    A text names an event in passing ("the imprisoned opposition leader") before
    or after it reports it ("was sentenced on 8 October to seven years"); the
    report is the one to keep.
    """
    kept = max(mentions, key=_weight)
    if published is not None:
        _prefer_a_stated_day(kept, mentions, published)
    for other in mentions:
        kept.date = kept.date or other.date
        kept.place = kept.place or other.place
        kept.sentence_months = kept.sentence_months or other.sentence_months
        kept.charges = list(dict.fromkeys([*kept.charges, *other.charges]))  # all it is said of
        kept.also = kept.also or other.also
    return kept


def _prefer_a_stated_day(kept: Event, mentions: list[Event], published: date) -> None:
    """"X has been arrested" (a lede the publication dates) ... "X was arrested on
    Tuesday": the day a sentence states beats the day of publication."""
    def states_a_day(event: Event) -> bool:
        return bool(find_dates(event.evidence.sentence, published=published))

    if kept.date != published.isoformat() or states_a_day(kept):
        return
    stated = [m.date for m in mentions if m is not kept and m.date and states_a_day(m)]
    if stated:
        kept.date = stated[0]


def _weight(event: Event) -> tuple[bool, int, int]:
    """The current report first ("was initially sentenced to six years" is superseded)."""
    said = [event.date, event.place, event.charges, event.sentence_months]
    superseded = SUPERSEDED.search(event.evidence.sentence) is not None
    return not superseded, sum(1 for value in said if value), -event.evidence.start


def _persons(drafts: dict[str, PersonDraft]) -> tuple[list[Person], dict[str, str]]:
    persons: list[Person] = []
    keys: dict[str, str] = {}
    for surname, draft in drafts.items():
        name = max(draft.names, key=lambda n: len(n.split()))
        local = f"p{len(persons) + 1}"
        keys[surname] = local
        aliases = [n for n in draft.names if n != name]
        persons.append(Person(local, name, aliases, draft.roles, draft.evidence))
    return persons, keys
