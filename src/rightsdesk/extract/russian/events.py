"""Victims and events from Russian sentences: a trigger word and the person it is done to.

A trigger (the `triggers` table, by lemma) is linked to the named people the
parse puts under it: its object, the subject of a passive form ("X был
задержан"), whom a noun is about ("задержание X"); the subject of an active
verb is the one acting, unless the rule says the subject suffers ("X погиб").
When the parse links nobody, the sentence's only named person outside an
official or defence role is taken. Calls and negations (`blockers`) make a
trigger no fact ("призвали освободить X").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

import pymorphy3

from rightsdesk.extract.dates import precision_of
from rightsdesk.extract.lexicon import Rule, load_table
from rightsdesk.extract.russian.dates import find_dates
from rightsdesk.extract.russian.features import Features, Notes, event_cues, given_cues
from rightsdesk.extract.russian.names import gender, nominative
from rightsdesk.extract.russian.occasions import lies_ahead
from rightsdesk.extract.russian.parse import (
    MAX_NAME_WORDS,
    SURNAME_STEM,
    Mention,
    Sentence,
    Word,
)
from rightsdesk.extract.russian.places import common_place, place_of
from rightsdesk.extract.russian.terms import charges, sentence_months
from rightsdesk.model import Event, EventType, Person
from rightsdesk.names import parse_name
from rightsdesk.romanize import romanize

RULES = "rightsdesk.extract.russian.rules"
LOOKAHEAD = 3  # words after a trigger where its `requires` may stand ("взять под стражу")
PASSIVE_RELS = ("nsubj:pass", "nsubj")
GIVEN_RELS = ("nsubj", "nsubj:pass", "obj")  # a trigger noun a verb gives ("вынес приговор")
THROUGH_REACH = 4  # words of a title between a "through" noun and the name
HOLDER_RELS = ("nmod", "obj", "iobj", "obl", "appos", "nsubj:pass", "amod", "acl", "conj")
# nouns a title follows: "газета Эрк" names a paper, not a person
TITLED = frozenset({"газета", "журнал", "издание", "партия", "движение", "телеканал",
                    "радиостанция", "агентство", "сайт", "портал", "операция", "проект"})
PRONOUNS = frozenset({"он", "она"})
# verbs of going through something: "подвергся пыткам", "подвергли избиению"
UNDERGO = frozenset({"подвергнуться", "подвергаться", "подвергнуть", "подвергать"})
CLIENTS = frozenset({"подзащитный", "подзащитная", "доверитель", "доверительница"})
DEFENCE = frozenset({"адвокат", "защитник", "защитница", "защита", "юрист"})
MAX_DOC_CHARGES = 4  # charges a document-wide fallback gives an event
LEAD = 4  # sentences of headline and lead: an undated event there is the day's news
ROLE_REACH = 3  # words before a name where its role may stand ("начальник колонии X")
# acts a plural noun counts over many people ("задержания"), unlike "слушания", "пытки"
COUNTED_ACTS = frozenset({"arrest", "release", "killing"})
LIST_MARKS = frozenset({"–", "—", "-", ":"})  # "Задержанные – X, Y и Z"
# what may stand between two items of one list of people: "X, комика Y и двух граждан Z – W"
LIST_GAP_POS = frozenset({"PUNCT", "CCONJ", "NOUN", "NUM", "ADJ", "PROPN"})
LIST_GAP_WORDS = frozenset({",", "и", "–", "—", "-"})
# "к аналогичному сроку приговорён и X": the term (and day) of the sentence told before
SAME_TERM = re.compile(r"\b(?:к|на)\s+(?:аналогичн|такому\s+же|тому\s+же|такой\s+же|тот\s+же"
                       r"|такие\s+же|те\s+же|такой|одинаков)\w*\s+(?:срок|наказани)", re.I)
CALL_REACH = 8  # words before an infinitive where the call it completes may stand
# "по обвинению в ...", "по обвинению журналиста X в ...": the accused may stand between
# (held "по подозрению в ..." is no charge yet)
ACCUSED = re.compile(r"\bпо\s+обвинени[юяи](?:\s+[^\s,.;]+){0,6}?\s+в\s", re.I)
COURTS = frozenset({"суд", "райсуд", "горсуд", "мосгорсуд", "судья"})
COURT_RULING = re.compile(r"\b(?:по\s+решению|решением|по\s+постановлению|постановлением)"
                          r"\s+(?:\w+\s+){0,3}?(?:суда|судьи|райсуда|горсуда)\b", re.I)
# "Среди них X и Y", "В их числе X": the people the sentence before acted on, by name
AMONG_THEM = re.compile(r"^(?:среди\s+них|в\s+их\s+числе|в\s+том\s+числе)\b", re.I)
# a term in days ("15 суток ареста", "20 суток спецприемника") is an administrative
# arrest: the person was held as well as sentenced
DAYS_HELD = re.compile(r"\bсут(?:ки|ок|кам|ками)\b", re.I)


@cache
def triggers() -> dict[str, tuple[Rule, ...]]:
    """Lemma -> the rules that name it, in table order: one verb reports different
    events by what stands beside it ("поместить под стражу", "поместить в ШИЗО")."""
    return load_table("triggers", RULES).by_term()


@cache
def blockers() -> dict[str, frozenset[str]]:
    """Scope -> the lemmas of every rule of that scope."""
    scopes: dict[str, frozenset[str]] = {}
    for rule in load_table("blockers", RULES).rules:
        scopes[rule.get("scope")] = scopes.get(rule.get("scope"), frozenset()) | set(rule.terms)
    return scopes


@cache
def roles() -> frozenset[str]:
    return load_table("roles", RULES).terms()


@dataclass(slots=True)
class People:
    """The document's people by nominative surname, in order of first mention."""

    morph: pymorphy3.MorphAnalyzer
    persons: dict[str, Person] = field(default_factory=dict)
    last: str | None = None  # key of the person last named (for "его задержали")
    last_by_gender: dict[str, str] = field(default_factory=dict)  # "masc"/"femn" -> key
    together: list[str] = field(default_factory=list)  # the sentence before named them

    def person_of(self, sentence: Sentence, mention: Mention, *,
                  antecedent: bool = True) -> Person | None:
        """The person a mention names; None when it names nobody resolvable ("Г. Г.").
        `antecedent`: a later "его", "ей" may refer to them (not so a judge or lawyer)."""
        words = _initials_first([w.text for w in sentence.words[mention.first:mention.last + 1]])
        case = sentence.words[mention.first].feats.get("Case")
        name = nominative(self.morph, words, case)
        if parse_name(name) is None or (len(words) == 1 and (
                _common_noun(self.morph, name) or _family(sentence, mention))):
            return None
        if _titled(self.morph, sentence, mention):
            return None
        parts = name.split()
        key = self._key(parts)
        person = self.persons.get(key)
        if person is None:
            person = Person(key=key, name=name)
            self.persons[key] = person
        elif len(parts) > len(person.name.split()):
            person.aliases.append(person.name)
            person.name = name
        elif name != person.name and name not in person.aliases:
            person.aliases.append(name)
        latin = romanize(person.name)
        if latin not in person.aliases:
            person.aliases.append(latin)
        if antecedent:
            self.last = key
            if (kind := gender(self.morph, person.name)) is not None:
                self.last_by_gender[kind] = key
        return person

    def antecedent(self, pronoun: str) -> Person | None:
        """The person "он" or "она" refers to: the last one of that gender named, or
        the last one named when the name tells no gender ("её освобождение" after a
        man's name is a country's, a cause's: no one's)."""
        kind = {"он": "masc", "она": "femn"}.get(pronoun)
        key = self.last_by_gender.get(kind) if kind else self.last
        if key is None and self.last and gender(self.morph, self.persons[self.last].name) is None:
            key = self.last
        return self.persons.get(key) if key else None

    def _key(self, parts: list[str]) -> str:
        """A bare given name or surname joins the person it names already, if one does."""
        surname = parts[-1].lower()
        if len(parts) == 1:  # "Хадиджу", "Титиева": a declined form of a name part
            stem = surname[:-2] if len(surname) > 5 else surname
            for key, person in self.persons.items():
                if any(p.lower().startswith(stem) for p in person.name.split()):
                    return key
        given = parts[0].lower()
        for key, person in self.persons.items():  # "Оюб Титиев" and a misread "Оюба Титиева"
            known = person.name.lower().split()
            if (len(known) > 1 and _same_stem(known[0], given)
                    and known[-1][:SURNAME_STEM] == surname[:SURNAME_STEM]):
                return key
        known = self.persons.get(f"ru-{surname}")
        if known and len(parts) > 1 and len(names := known.name.lower().split()) > 1 and (
                not _same_stem(names[0], given)):
            return f"ru-{given}-{surname}"  # "Лейла Юнус" beside "Ариф Юнус"
        return f"ru-{surname}"


def _initials_first(words: list[str]) -> list[str]:
    """"Сидорова И. А." -> "И. А. Сидорова": initials after a surname go before it, so
    that the surname is the last word, as in every other name."""
    cut = len(words)
    while cut > 1 and (words[cut - 1] == "." or (len(words[cut - 1]) == 1
                                                 and words[cut - 1].isupper())):
        cut -= 1
    return words[cut:] + words[:cut] if cut < len(words) else words


def _same_stem(one: str, other: str) -> bool:
    """Two forms of one name part: the shorter, less a case ending, begins the longer
    ("оюб" and "оюба", "хадиджа" and "хадиджи", "мария" and "марию")."""
    short, long = sorted((one, other), key=len)
    stem = short[:max(3, min(len(short) - 1, SURNAME_STEM - 1))] if len(short) > 3 else short
    return long.startswith(stem)


def _family(sentence: Sentence, mention: Mention) -> bool:
    """A surname in the plural names a family ("Юнусы"), whose members are named apart."""
    return sentence.words[mention.first].feats.get("Number") == "Plur"


def _titled(morph: pymorphy3.MorphAnalyzer, sentence: Sentence, mention: Mention) -> bool:
    """A name that follows the noun of a title ("газеты Эрк", "партии Алга"): no person,
    unless a given name leads it ("лидер партии Олег Петров" is the party's leader)."""
    if mention.first == 0 or sentence.words[mention.first - 1].lemma not in TITLED:
        return False
    given = sentence.words[mention.first].text
    return mention.last == mention.first or not any("Name" in p.tag for p in morph.parse(given))


def _common_noun(morph: pymorphy3.MorphAnalyzer, word: str) -> bool:
    """A word the tagger took for a name that the dictionary knows only as a common
    noun ("Правозащитника задержали" in a headline)."""
    parses = morph.parse(word)
    return all(p.is_known and not any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox"))
               for p in parses)


def find_events(sentences: list[Sentence], *, published: object,
                morph: pymorphy3.MorphAnalyzer, notes: Notes | None = None
                ) -> tuple[list[Person], list[Event]]:
    """The victims and one event per (victim, type), attributes filled from later mentions;
    `notes` takes each event's features as first read, keyed (person, type)."""
    notes = Notes() if notes is None else notes
    people = People(morph)
    events: dict[tuple[str, EventType], Event] = {}
    intro: list[Event] = []  # the events of a list's introduction ("в СИЗО будут находиться:")
    counted: dict[str, list[Event]] = {}  # "11 человек" -> what each sentence counting them says
    members: dict[str, list[Person]] = {}  # "11 человек" -> the people a list names for them
    listed: list[Person] = []  # the people the last list named
    for at, sentence in enumerate(sentences):
        if count := _group_count(sentence):
            counted.setdefault(count, []).extend(_acts_of(sentence, published))
        named = _named_people(sentence, people)
        for event, features in list(_sentence_events(sentence, people, published)):
            _keep(events, event)
            notes.note((event.person, event.type), features)
        people.together = list(dict.fromkeys(named)) if len(set(named)) > 1 else []
        if at and _names_a_group(sentences[at - 1]) and _group_listed(sentence):
            listed = _listed_people(sentence, people)
            members.setdefault(_group_count(sentences[at - 1]) or "", []).extend(listed)
            _give(events, _acts_of(sentences[at - 1], published), listed, notes, "group")
        if at and AMONG_THEM.match(sentence.text.lstrip()):
            _give(events, _acts_of(sentences[at - 1], published),
                  _listed_people(sentence, people), notes, "among")
        if listed and _about_all(sentence):  # "Все арестованные ..." after the list
            _give(events, _acts_of(sentence, published), listed, notes, "all")
        if intro and (item := _list_item(sentence) or _roll_name(sentence)):
            person = people.person_of(sentence, item)
            listed += [person] if person else []
            _give(events, intro, [person] if person else [], notes, "item", (sentence, item))
        elif sentence.text.rstrip().endswith(":"):
            intro, listed = _intro_events(sentences, at, published), []
        elif (_names_a_group(sentence) and at + 1 < len(sentences)
              and _roll_name(sentences[at + 1])):  # "Судят четырех ... . Иванов Олег. ..."
            intro, listed = _acts_of(sentence, published), []
        else:
            intro = []
    for count, persons in members.items():  # "Суд приговорил 11 человек": each of them
        _give(events, counted.get(count, []), persons, notes, "counted")
    _drop_status_when_released(events)
    victims = {key for key, _ in events}
    persons = [p for p in people.persons.values() if p.key in victims]
    _fill_terms(list(events.values()), sentences, people)
    _fill_from_context(list(events.values()), sentences, published, people.morph)
    return persons, list(events.values())


def _named_people(sentence: Sentence, people: People) -> list[str]:
    """Record the persons a sentence names; return the keys of those outside a role.
    A name in a role or in quotation marks is no antecedent of a later pronoun."""
    named = []
    for mention in (m for m in sentence.mentions if m.kind == "PER"):
        in_role = _in_role(sentence, mention)
        person = people.person_of(sentence, mention, antecedent=not in_role
                                  and not _in_quotes(sentence, mention.first))
        if person is not None and not in_role:
            named.append(person.key)
    return named


def _drop_status_when_released(events: dict[tuple[str, EventType], Event]) -> None:
    """A term known only from a word for the person's state ("политзаключённый", with
    its `also` arrest and no term) is no sentence for one the document says was released:
    GUIDELINES gives a sentence to those only described as jailed."""
    for key, kind in list(events):
        event = events[(key, kind)]
        if (kind == "sentence" and event.also and event.sentence_months is None
                and (key, "release") in events):
            del events[(key, kind)]


def _fill_terms(events: list[Event], sentences: list[Sentence], people: People) -> None:
    """A sentence event without a term takes the term of a sentence that names that
    person alone ("Колесникова получила 11 лет колонии")."""
    told = sorted((e for e in events if e.type == "sentence" and e.sentence_months),
                  key=lambda e: e.evidence.start)
    for event in events:
        if event.type != "sentence" or event.sentence_months is not None:
            continue
        if SAME_TERM.search(event.evidence.sentence):
            _same_as(event, [e for e in told if e.evidence.start < event.evidence.start])
            continue
        stem = people.persons[event.person].name.split()[-1].lower()[:SURNAME_STEM]
        for sentence in sentences:
            named = {sentence.words[m.last].text.lower()[:SURNAME_STEM] for m in sentence.mentions
                     if m.kind == "PER"}
            if named == {stem} and (months := sentence_months(sentence)) is not None:
                event.sentence_months = months
                break


def _same_as(event: Event, before: list[Event]) -> None:
    """A sentence "to the same term" takes the last term told before it, and its day."""
    if before:
        event.sentence_months = before[-1].sentence_months
        event.date = event.date or before[-1].date


def _fill_from_context(events: list[Event], sentences: list[Sentence],
                       published: object, morph: pymorphy3.MorphAnalyzer) -> None:
    """An event its sentence does not date or place takes the last date of the
    sentences before it in its paragraph ("В понедельник, 8 октября, ... Козлов
    признан виновным."), and the place the document names most; a charge, sentence
    or arrest without charges, the charges the document names for the others, or
    else those a sentence that reports an act names ("Они получили по десять суток
    по «митинговой» статье": a group told of before its members are named)."""
    by_start = {s.evidence.start: s for s in sentences}
    common = common_place(sentences)
    named = [c for e in events for c in e.charges] or [
        c for s in sentences if any(_triggers_in(s)) for c in charges(s.text, morph)]
    for event in events:
        if not event.charges and event.type in ("charge", "sentence", "arrest"):
            event.charges = list(dict.fromkeys(named))[:MAX_DOC_CHARGES]
        sentence = by_start.get(event.evidence.start)
        if event.date is None and sentence is not None:
            event.date = _earlier_date(sentences, sentence, published)
        if event.date is None and sentence is not None and sentence.index < LEAD:
            event.date = _day_of(published)  # the lead reports the day's news
        event.place = event.place or common


def _day_of(published: object) -> str | None:
    """The publication date at the precision its source gave."""
    if published is None:
        return None
    iso = published.isoformat()  # type: ignore[attr-defined]
    return iso[:{"year": 4, "month": 7}.get(precision_of(published), 10)]  # type: ignore[arg-type]


def _earlier_date(sentences: list[Sentence], sentence: Sentence,
                  published: object) -> str | None:
    for before in reversed(sentences[:sentence.index]):
        if before.paragraph != sentence.paragraph:
            return None
        dates = find_dates(before.text, published=published)  # type: ignore[arg-type]
        if dates:
            return dates[-1].value
    return None


def _list_item(sentence: Sentence) -> Mention | None:
    """A line of a list of people: it starts with a person's name, after a bullet or
    a number if any ("- Иван Сидоров — 5 лет", "2. Анна Белова")."""
    mentions = sentence.mentions
    lead = next((i for i, w in enumerate(sentence.words)
                 if w.pos not in ("PUNCT", "NUM", "SYM") and not w.text.isdigit()), 0)
    return mentions[0] if mentions and mentions[0].kind == "PER" and (
        mentions[0].first == lead) else None


def _roll_name(sentence: Sentence) -> Mention | None:
    """A sentence that is only a name ("Иванов Олег."), as a roll call of people gives
    them one by one: all its words, capitalised, are the name, whatever part of it the
    tagger took for one."""
    words = [w for w in sentence.words if w.pos != "PUNCT"]
    if not (1 < len(words) <= MAX_NAME_WORDS and any(m.kind == "PER" for m in sentence.mentions)
            and all(w.text[:1].isupper() and w.text.isalpha() for w in words)):
        return None
    first, last = sentence.words.index(words[0]), sentence.words.index(words[-1])
    text = " ".join(w.text for w in words)
    return Mention("PER", text, first, last, text)


def _names_a_group(sentence: Sentence) -> bool:
    """A sentence that names no one but counts people ("дело 11 человек, задержанных ...")."""
    return not _people(sentence) and _group_count(sentence) is not None


def _give(events: dict[tuple[str, EventType], Event], acts: list[Event],
          persons: list[Person], notes: Notes, how: str,
          named: tuple[Sentence, Mention] | None = None) -> None:
    """Each of `acts` (whose `person` is a placeholder) to each of the persons; `how`
    and the name (`named`, where one sentence names the one person) are noted."""
    sentence, mention = named if named else (None, None)
    for person in persons:
        for event in acts:
            _keep(events, replace(event, person=person.key, also=list(event.also)))
            notes.note((person.key, event.type), given_cues(sentence, event.type, how, mention))


def _about_all(sentence: Sentence) -> bool:
    """"Все арестованные ...", "Все они ...": a sentence about everyone just listed,
    naming no one."""
    words = sentence.words
    return (len(words) > 1 and words[0].text.lower() == "все" and not _people(sentence)
            and words[1].feats.get("Number") == "Plur")


def _group_count(sentence: Sentence) -> str | None:
    """The number a sentence counts people by ("11 человек"), to know the same group
    again in another sentence."""
    words = sentence.words
    return next((w.text.lower() for w in words if w.pos == "NUM" and w.head >= 0
                 and words[w.head].feats.get("Animacy") == "Anim"), None)


def _group_listed(sentence: Sentence) -> bool:
    """A sentence that opens by listing people under a plural noun ("Обвиняемые – X, Y
    и Z ..."): the group the sentence before counted, by name."""
    words = sentence.words
    return (len(_people(sentence)) > 1 and len(words) > 1 and words[1].text in LIST_MARKS
            and words[0].feats.get("Number") == "Plur")


def _listed_people(sentence: Sentence, people: People) -> list[Person]:
    return [p for m in _people(sentence) if not _in_role(sentence, m)
            if (p := people.person_of(sentence, m))]


def _acts_of(sentence: Sentence, published: object) -> list[Event]:
    """The events a sentence reports, whoever they are done to; `person` is a placeholder."""
    ahead = lies_ahead(sentence)
    dates = find_dates(sentence.text, published=published, ahead=ahead)  # type: ignore[arg-type]
    accused = bool(ACCUSED.search(sentence.text))
    found: list[Event] = []
    for index, rule in _triggers_in(sentence):
        if ahead and rule.get("event") == "trial":
            continue
        date = _nearest(dates, sentence.words[index].start - sentence.evidence.start)
        found += [Event(type=kind, person="", evidence=sentence.evidence,
                        date=date if kind == rule.get("event") else None,
                        place=place_of(sentence), also=list(rule.get("also", [])),
                        sentence_months=sentence_months(sentence) if kind == "sentence"
                        else None)
                  for kind in _types(sentence, index, rule, accused=accused)
                  if kind not in {e.type for e in found}]
    return found


def _intro_events(sentences: list[Sentence], at: int, published: object) -> list[Event]:
    """The events a list's introduction and the sentence before it report, to be
    given to each person the list names; their `person` is a placeholder."""
    events: list[Event] = []
    for sentence in (sentences[at], sentences[at - 1] if at else None):
        if sentence is not None:
            events += [e for e in _acts_of(sentence, published)
                       if e.type not in {x.type for x in events}]
    return events


def _keep(events: dict[tuple[str, EventType], Event], event: Event) -> None:
    first = events.setdefault((event.person, event.type), event)
    if first is event:
        return
    first.date = first.date or event.date
    first.place = first.place or event.place
    first.sentence_months = first.sentence_months or event.sentence_months
    first.charges = first.charges or event.charges


def _sentence_events(sentence: Sentence, people: People, published: object
                     ) -> Iterator[tuple[Event, Features]]:
    """Events of one sentence, each with its features; a hearing still to come is an
    occasion, not a trial.

    A rule's `implies` adds events its word implies ("подсудимый": tried and charged);
    an arrest or trial "по обвинению в ..." reports the charge too.
    """
    ahead = lies_ahead(sentence)
    dates = find_dates(sentence.text, published=published)  # type: ignore[arg-type]
    found = list(_triggers_in(sentence))
    has_verb = any(sentence.words[i].pos == "VERB" for i, _ in found)
    accused = bool(ACCUSED.search(sentence.text))
    for index, rule in found:
        if ahead and rule.get("event") == "trial":
            continue
        # "суд оставил в силе приговор X в понедельник": the date is the verb's event's
        dated = not has_verb or sentence.words[index].pos == "VERB"
        date = _nearest(dates, sentence.words[index].start - sentence.evidence.start)
        types = _types(sentence, index, rule, accused=accused)
        for person, how, mention in _targets(sentence, index, rule, people):
            in_role = mention is not None and _in_role(sentence, mention)
            for event_type in types:
                yield Event(
                    type=event_type,
                    person=person.key,
                    evidence=sentence.evidence,
                    date=date if dated and event_type == rule.get("event") else None,
                    place=place_of(sentence),
                    charges=charges(sentence.text, people.morph)
                    if event_type in ("charge", "sentence", "arrest") else [],
                    sentence_months=sentence_months(
                        sentence, mention.last if mention is not None else None)
                    if event_type == "sentence" else None,
                    also=list(rule.get("also", [])),
                ), event_cues(sentence, index, rule, event_type, mention, how,
                              in_role=in_role, ahead=ahead)


def _types(sentence: Sentence, index: int, rule: Rule, *, accused: bool) -> list[EventType]:
    """The trigger's event and those it implies: the rule's `implies`, a trial when a
    court orders custody, a charge when an arrest or trial is "по обвинению в"."""
    types: list[EventType] = [rule.get("event"), *rule.get("implies", [])]
    if rule.get("event") == "arrest" and _by_court(sentence, index):
        types.append("trial")
    if accused and rule.get("event") in ("arrest", "trial"):
        types.append("charge")
    if rule.get("event") == "sentence" and DAYS_HELD.search(sentence.text):
        types.append("arrest")
    return types


def _by_court(sentence: Sentence, index: int) -> bool:
    """A court orders it: the subject of the trigger or of a verb it hangs on is a court
    or judge ("суд водворил под стражу", "суд принял решение арестовать X"), or the
    sentence says it is by a court's ruling ("по решению суда X будет содержаться"). A
    noun or participle under the court's verb says what the court did or who someone
    is ("суд назначил сутки ареста задержанному X"), not that it orders custody."""
    word = sentence.words[index]
    if word.pos == "VERB" and word.feats.get("VerbForm") != "Part":
        heads: tuple[int, ...] = (index, *sentence.ancestors(index))
    else:
        heads = (index,)
    return any(sentence.words[c].lemma in COURTS and sentence.words[c].rel == "nsubj"
               for head in heads
               for c in sentence.children(head)) or bool(COURT_RULING.search(sentence.text))


def _triggers_in(sentence: Sentence) -> Iterator[tuple[int, Rule]]:
    table = triggers()
    for index, word in enumerate(sentence.words):
        rules = table.get(word.lemma, ())
        if not rules or _blocked(sentence, index):
            continue
        rule = next((r for r in rules if not r.get("requires")
                     or _has_required(sentence, index, r.get("requires"))), None)
        if rule is not None:
            yield index, rule


def _has_required(sentence: Sentence, index: int, required: list[str]) -> bool:
    children = sentence.children(index)  # and their nouns' genitives: "срок ареста продлён"
    near = children + [g for c in children if sentence.words[c].pos == "NOUN"
                       for g in sentence.children(c)
                       if sentence.words[g].feats.get("Case") == "Gen"]
    near += list(range(index + 1, index + 1 + LOOKAHEAD))
    words = sentence.words
    return any(i < len(words) and words[i].lemma in required for i in near)


def _blocked(sentence: Sentence, index: int) -> bool:
    """A call or a negation over the trigger, or a noun that names an accusation
    ("обвинение в убийстве", "подозрение в избиении"), not an event."""
    word = sentence.words[index]
    if word.pos == "NOUN" and word.feats.get("Case") == "Loc" and any(
            sentence.words[c].text.lower() in ("в", "во") for c in sentence.children(index)):
        return True
    scopes = blockers()
    heads = sentence.ancestors(index)
    if any(sentence.words[h].lemma in scopes.get("head", ()) for h in heads):
        return True
    before = sentence.words[max(0, index - CALL_REACH):index]
    if word.feats.get("VerbForm") == "Inf" and any(  # "призвали ... освободить", misparsed
            w.lemma in scopes.get("head", ()) for w in before):
        return True
    return any(sentence.words[c].lemma in scopes.get("child", ())
               for c in sentence.children(index))


def _targets(sentence: Sentence, index: int, rule: Rule, people: People
             ) -> list[tuple[Person, str, Mention | None]]:
    """The named people the trigger at `index` is done to, each with how it was found
    (`linked` by the parse, `among` those a plural noun lists, the `only` name of the
    sentence, `listed` on after one of those, a `pronoun`) and the mention naming them."""
    how = "linked"
    linked = [m for m in _people(sentence) if _linked(sentence, index, m, rule)]
    among = [m for m in _people(sentence) if m not in linked and not _in_role(sentence, m)
             ] if _among(sentence, index) else []
    if not linked:  # "среди задержанных X, лидер Y и Z": the parse may link only some
        linked, how, among = among, "among", []
    if not linked and (pronoun := _pronoun_target(sentence, index, people, named=True)
                       or _they_named_before(sentence, index, people)):
        return [(p, "pronoun", None) for p in pronoun]  # "её обвиняли, хотя X ...": hers
    if not linked:
        linked, how = _only_bystander(sentence, index, rule), "only"
    first = len(linked)
    linked += _listed_after(sentence, index, linked + among)
    hows = [how] * first + ["listed"] * (len(linked) - first) + ["among"] * len(among)
    found = [(p, found_how, m) for found_how, m in zip(hows, linked + among, strict=True)
             if (p := people.person_of(sentence, m))]
    if not found:
        return [(p, "pronoun", None) for p in _pronoun_target(sentence, index, people)]
    return found


def _listed_after(sentence: Sentence, index: int, linked: list[Mention]) -> list[Mention]:
    """People the sentence lists on after a linked one ("X, комика Y и двух граждан
    Украины – Z и W"), whom a parse that loses the list's thread hangs elsewhere."""
    added: list[Mention] = []
    if not linked:
        return added
    last = linked[0]
    for mention in _people(sentence):
        if mention.first <= last.last:
            continue
        if mention not in linked and not _continues_list(sentence, index, last, mention):
            break
        if mention not in linked:
            added.append(mention)
        last = mention
    return added


def _continues_list(sentence: Sentence, index: int, before: Mention, mention: Mention) -> bool:
    """Only list punctuation, "и" and the nouns that say who the next one is stand
    between two names, none of them a subject, and no verb but the trigger governs
    the later one."""
    gap = sentence.words[before.last + 1:mention.first]
    if not gap or not any(w.text in LIST_GAP_WORDS for w in gap):
        return False
    if any(w.pos not in LIST_GAP_POS or w.rel == "nsubj" or (w.pos in ("PUNCT", "CCONJ")
                                         and w.text.lower() not in LIST_GAP_WORDS)
           for w in gap):
        return False
    if _in_role(sentence, mention) or sentence.words[_head_of(sentence, mention)].rel == "nsubj":
        return False
    over = sentence.ancestors(_head_of(sentence, mention))
    trigger = sentence.words[index]  # "приговор вынесен X, Y и Z": the verb that gives it
    giver = trigger.head if trigger.pos == "NOUN" and trigger.head >= 0 and (
        trigger.rel in GIVEN_RELS or sentence.words[trigger.head].lemma in UNDERGO) else index
    return not any(sentence.words[h].pos == "VERB" and h not in (index, giver) for h in over)


def _among(sentence: Sentence, index: int) -> bool:
    """"Среди задержанных ...", "в числе задержанных ...", "одним из задержанных
    является X", "Обвиняемые – X, Y и Z": everyone the sentence names."""
    words = sentence.words
    start = index  # "один из 12 задержанных": a count may stand before the plural
    while start > 0 and words[start - 1].pos == "NUM":
        start -= 1
    before = " ".join(w.text.lower() for w in words[max(0, start - 2):start])
    listed = (words[index].feats.get("Number") == "Plur" and index + 1 < len(words)
              and words[index + 1].text in LIST_MARKS)
    return before.endswith(("среди", "в числе", "одним из", "одной из", "один из",
                            "одна из")) or listed


def _people(sentence: Sentence) -> list[Mention]:
    return [m for m in sentence.mentions if m.kind == "PER"]


def _head_of(sentence: Sentence, mention: Mention) -> int:
    """The word of the mention whose head lies outside it."""
    for i in range(mention.first, mention.last + 1):
        if not mention.first <= sentence.words[i].head <= mention.last:
            return i
    return mention.first


def _through(sentence: Sentence, index: int, head: int) -> bool:
    """Word `head` hangs on the trigger at `index` as the genitive of a noun that
    stands between them ("сторонников X", "заявления главы X"): not its target."""
    through = blockers().get("through", frozenset())
    if _after_through_noun(sentence, head, through):
        return True
    for current in [head, *sentence.ancestors(head)]:  # a bad parse's cycles are cut
        if current == index:
            return False
        word = sentence.words[current]
        if word.head >= 0 and sentence.words[word.head].lemma in through and _genitive_of(
                word, sentence.words[word.head]) and not _nominative_surname(sentence, current):
            return True
    return False


def _nominative_surname(sentence: Sentence, index: int) -> bool:
    """The name's surname is in the nominative: "арестован адвокат Абдулмаджид Ризоев"
    is the lawyer, however the tagger cased an unfamiliar given name."""
    words = sentence.words
    return words[index].rel == "appos" and any(
        words[c].rel == "flat:name" and words[c].feats.get("Case") == "Nom"
        for c in sentence.children(index))


def _after_through_noun(sentence: Sentence, head: int, through: frozenset[str]) -> bool:
    """"в поддержку российского политика X": the name follows such a noun over its
    genitive title alone, however the parse hangs it (a long sentence misleads it)."""
    start = head
    while start > 0 and sentence.words[start - 1].pos in ("PROPN", "ADJ", "NOUN") and (
            sentence.words[start - 1].lemma not in through) and head - start < THROUGH_REACH:
        start -= 1
    before = sentence.words[start - 1] if start > 0 else None
    return (before is not None and before.lemma in through and start < head
            and all(w.feats.get("Case") == "Gen" for w in sentence.words[start:head + 1]))


def _genitive_of(word: Word, head: Word) -> bool:
    """`word` is its head's genitive ("сторонников Петра"), which the parser may
    call an apposition; an apposition agrees in case ("жену ... Анну")."""
    if word.rel == "nmod":
        return True
    return (word.rel == "appos" and word.feats.get("Case") == "Gen"
            and head.feats.get("Case") != "Gen")


def _linked(sentence: Sentence, index: int, mention: Mention, rule: Rule) -> bool:
    head = _head_of(sentence, mention)
    word = sentence.words[head]
    if _through(sentence, index, head):
        return False
    if index in sentence.ancestors(head):
        path_top = _child_on_path(sentence, index, head)
        top = sentence.words[path_top]
        if top.rel == "nsubj" and not _passive(sentence, index) and not rule.get("subject"):
            return False
        if top.rel == "conj" and top.pos == "VERB" and path_top != head:
            return False  # "её отпустили, а X остался дома": X is another clause's
        return top.rel in HOLDER_RELS or top.rel in PASSIVE_RELS
    # "активист X, задержанный вчера": the trigger describes the person, or the noun
    # the name stands beside ("юрист ... X, приговорённая", "осуждённого адвоката X")
    trigger = sentence.words[index]
    if trigger.rel in ("acl", "amod") and (head in sentence.ancestors(index) or (
            word.rel == "appos" and word.head == trigger.head)):
        return True
    if _given_by_verb(trigger, word) or _undergone(sentence, trigger, word):
        return True
    return word.rel == "nsubj" and word.head == index and bool(rule.get("subject"))


def _given_by_verb(trigger: Word, word: Word) -> bool:
    """"Приговор вынесен X", "обвинение предъявили X": the trigger noun is what a verb
    gives, and the person its indirect object, beside the noun, not under it."""
    return (trigger.pos == "NOUN" and trigger.rel in GIVEN_RELS
            and trigger.head >= 0 and word.head == trigger.head and word.rel == "iobj")


def _undergone(sentence: Sentence, trigger: Word, word: Word) -> bool:
    """"X подвергся пыткам", "X подвергли избиению": the trigger noun is what the
    subject of "подвергнуться" (the object of "подвергнуть") went through."""
    if trigger.pos != "NOUN" or trigger.head < 0 or word.head != trigger.head:
        return False
    verb = sentence.words[trigger.head]
    subject = "nsubj" if verb.lemma.endswith(("ся", "сь")) else "obj"
    return verb.lemma in UNDERGO and word.rel in (subject, "nsubj:pass")


def _child_on_path(sentence: Sentence, top: int, below: int) -> int:
    """The child of `top` through which word `below` hangs on it."""
    current = below
    while sentence.words[current].head != top and sentence.words[current].head >= 0:
        current = sentence.words[current].head
    return current


def _passive(sentence: Sentence, index: int) -> bool:
    word = sentence.words[index]
    return (word.feats.get("Voice") == "Pass" or word.feats.get("VerbForm") == "Part"
            or word.text.lower().endswith(("ся", "сь")) or word.pos == "NOUN")


def _only_bystander(sentence: Sentence, index: int, rule: Rule) -> list[Mention]:
    """The sentence's one named person outside a role, when the parse links nobody."""
    trigger = sentence.words[index]
    if (trigger.pos == "NOUN" and trigger.feats.get("Number") == "Plur"
            and (rule.get("event") in COUNTED_ACTS or rule.get("also"))):
        return []  # "задержания случились во время акции", "X освободил 52 политзаключенных"
    own = _first_person(sentence, index)  # "— Меня задержали, — говорит X": the speaker's
    candidates = [m for m in _people(sentence) if not _in_role(sentence, m)
                  and not _acting(sentence, index, m, rule)
                  and (own or not _speaker(sentence, m))
                  and not _through(sentence, -1, _head_of(sentence, m))]
    return candidates if len(candidates) == 1 else []


def _first_person(sentence: Sentence, index: int) -> bool:
    """The trigger is done to "меня", "мне": the one who speaks the sentence."""
    return any(sentence.words[c].lemma == "я" and sentence.words[c].rel != "nsubj"
               for c in sentence.children(index))


def _in_role(sentence: Sentence, mention: Mention) -> bool:
    """Named with an official, defence or press title ("судья X", "адвокат X")."""
    words = sentence.words
    before = []  # the words before the name, back to a comma: "начальник колонии X"
    for word in reversed(words[max(0, mention.first - ROLE_REACH):mention.first]):
        if word.pos == "PUNCT":
            break
        before.append(word.lemma)
    head = words[_head_of(sentence, mention)].head
    over = words[head].lemma if head >= 0 else ""
    relation = words[_head_of(sentence, mention)].rel
    return bool(roles() & set(before)) or (
        over in roles() and relation in ("appos", "flat:name", "nmod"))


def _in_quotes(sentence: Sentence, index: int) -> bool:
    """The word stands inside quotation marks ("с плакатом «С днем рождения, Алексей»"):
    a name on a banner or in a slogan is no one "он" later refers to."""
    before = [w.text for w in sentence.words[:index]]
    return (before.count("«") + before.count("„") > before.count("»") + before.count("“")
            or before.count('"') % 2 == 1)


def _speaker(sentence: Sentence, mention: Mention) -> bool:
    """The subject of a verb of saying ("..., – написал X"), or the name beside that
    subject ("..., говорит эксперт X"): who speaks the quote."""
    word = sentence.words[_head_of(sentence, mention)]
    if word.rel == "appos" and word.head >= 0:
        word = sentence.words[word.head]
    return word.rel == "nsubj" and word.head >= 0 and (
        sentence.words[word.head].lemma in blockers().get("speaker", ()))


def _acting(sentence: Sentence, index: int, mention: Mention, rule: Rule) -> bool:
    """The subject of an active verb (the trigger or the verb that says it)."""
    word = sentence.words[_head_of(sentence, mention)]
    if word.rel != "nsubj" or rule.get("subject"):
        return False
    if sentence.words[index].pos in ("NOUN", "PROPN"):  # "после ареста X уехал": X is held
        return word.head == index or (  # "X подписал указ о помиловании": X grants it
            word.head in sentence.ancestors(index)
            and sentence.words[_child_on_path(sentence, word.head, index)].rel == "obj")
    return word.head == index or word.head in sentence.ancestors(index)


def _pronoun_target(sentence: Sentence, index: int, people: People, *,
                    named: bool = False) -> list[Person]:
    """"Его задержали", "против неё возбудили дело": a personal pronoun under the
    trigger (not its active subject) is the person last named, "их", "они" the people
    the sentence before named together; so is a person's common noun in a sentence that
    names no one ("Правозащитника арестовали в июне").
    A verb joined to another shares its object ("его задержали, избили и увезли").
    `named`: in a sentence that names someone, only a pronoun the trigger governs
    as its object counts ("её обвиняли, хотя X ...")."""
    for child in sentence.children(index) + _shared_objects(sentence, index):
        word = sentence.words[child]
        acting = word.rel == "nsubj" and not _passive(sentence, index)
        if named and (word.lemma not in PRONOUNS or word.rel not in ("obj", "nsubj:pass")):
            continue
        if word.lemma in PRONOUNS and not acting and (person := people.antecedent(word.lemma)):
            return [person]
        if word.lemma in CLIENTS and not acting and (
                person := _client(sentence, people) or people.antecedent("")):
            return [person]  # "адвокат X сообщил, что его подзащитного избили": X
        if word.lemma == "они" and not acting and not _people(sentence) and people.together:
            return [people.persons[key] for key in people.together]
        if (_referring_noun(word) and not acting and not _people(sentence)
                and (person := people.antecedent(""))):
            return [person]
    return []


def _client(sentence: Sentence, people: People) -> Person | None:
    """The person whose lawyer the sentence names ("адвокат Ивана Сидорова")."""
    for mention in _people(sentence):
        word = sentence.words[_head_of(sentence, mention)]
        if word.head >= 0 and sentence.words[word.head].lemma in DEFENCE and _genitive_of(
                word, sentence.words[word.head]):
            return people.person_of(sentence, mention)
    return None


def _they_named_before(sentence: Sentence, index: int, people: People) -> list[Person]:
    """"задержаны X и Y, им предъявлено обвинение": "им", "их" under the trigger are
    the people the sentence named before it, two or more, none in a role."""
    for child in sentence.children(index):
        word = sentence.words[child]
        if word.lemma != "они" or (word.rel == "nsubj" and not _passive(sentence, index)):
            continue
        before = [m for m in _people(sentence) if m.last < child and not _in_role(sentence, m)]
        found = [p for m in before if (p := people.person_of(sentence, m))]
        if len(found) > 1:
            return found
    return []


def _shared_objects(sentence: Sentence, index: int) -> list[int]:
    """The objects of the verbs a joined verb follows ("обвинили его, избили и увезли":
    "его" of "обвинили" for "избили"): its head and the head's joined verbs before it."""
    trigger = sentence.words[index]
    if trigger.rel != "conj" or trigger.head < 0:
        return []
    verbs = [trigger.head] + [c for c in sentence.children(trigger.head)
                              if c < index and sentence.words[c].rel == "conj"]
    return [c for v in verbs for c in sentence.children(v) if sentence.words[c].rel == "obj"]


def _referring_noun(word: Word) -> bool:
    """One person named by what they are ("блогера", "журналистку", "суд над
    оппозиционером"), not an official."""
    return (word.pos == "NOUN" and word.feats.get("Animacy") == "Anim"
            and word.feats.get("Number") == "Sing" and word.rel in ("obj", "nsubj:pass", "nmod")
            and word.lemma not in roles())


def _nearest(dates: list, offset: int) -> str | None:
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - offset)).value
