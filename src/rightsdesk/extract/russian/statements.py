"""Statements: organisations and governments that speak up, in Russian reports.

An organisation (NER: ORG) is the subject of a verb of speaking up ("Amnesty
International призвала ...", "Правозащитный центр «Мемориал» признал ...", also
beside another: "CPJ и HRW призвали") or, with a subjectless plural verb, the
place it is said in ("заявили в МИД"); a headline that opens with its name and a
colon ("HRW: приговор ...") quotes it. A country speaks as its government
("Соединённые Штаты осудили", "в Великобритании призвали"). Verbs that only cite
a source of news ("сообщает") are not statements.
"""

from __future__ import annotations

import re
from functools import cache

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.russian.dates import find_dates
from rightsdesk.extract.russian.events import roles
from rightsdesk.extract.russian.features import Notes, statement_cues
from rightsdesk.extract.russian.parse import SURNAME_STEM, Mention, Sentence
from rightsdesk.extract.russian.places import countries
from rightsdesk.model import Statement

RULES = "rightsdesk.extract.russian.rules"
SUBJECT_RELS = ("nsubj", "nsubj:pass")
PARENTHESES = re.compile(r"\s*\([^)]*\)")
SHORT_FORM = re.compile(r"\(([^()]+)\)\s*$")
# a court's ruling is an event; a prison, police or security service reports, or wants
# someone ("МВД объявило X в розыск"), it takes no position
COURT = re.compile(r"суд(?:а|у|ом|е)?\b|прокуратур|полици|фсин|^управлени|^ик\b|колони|сизо"
                   r"|^(?:мвд|фсб|кгб|гкнб|кнб|скр?)\b|следственн", re.I)
# "протесты против партии X", "представитель ОБСЕ по вопросам свободы печати": the
# name is what is opposed or dealt with, not who speaks
NOT_ACTOR_BEFORE = re.compile(r"\b(?:против|по\s+вопросам|по\s+делам)\b")
NOT_ACTOR_REACH = 4  # words back to look for them, within the clause
PLACE_RELS = ("obl", "nmod")
NOT_SPEAKING = frozenset({"судья", "прокурор", "генпрокурор", "следователь", "адвокат",
                          "защитник", "юрист"})


@cache
def lemmas(rule_id: str) -> frozenset[str]:
    """The terms of one rule of the statements table ("speech", "media")."""
    table = load_table("statements", RULES)
    return frozenset(next(r for r in table.rules if r.id == rule_id).terms)


def _outlet(sentence: Sentence, mention: Mention) -> bool:
    """A news outlet ("Радио Свобода"): it reports, it takes no position."""
    words = sentence.words[max(0, mention.first - 1):mention.last + 1]
    return any(w.lemma in lemmas("media") for w in words)


def find_statements(sentences: list[Sentence], *, published: object,
                    notes: Notes | None = None) -> list[Statement]:
    """One statement per actor, the first sentence it speaks up in as evidence; a short
    form given in parentheses ("Репортёры без границ (RSF)") is the same actor, and
    so is an official named with the organisation ("представитель HRW X"). `notes`
    takes each statement's features as first read, keyed by its actor."""
    notes = Notes() if notes is None else notes
    short_forms = _short_forms(sentences)
    found: dict[str, Statement] = {}
    offices = _officials(sentences)
    for sentence in sentences:
        for mention in sentence.mentions:
            spoken = _speaker(sentence, mention) or _known_official(sentence, mention, offices)
            if spoken is None or COURT.search(spoken[0]):
                continue  # a court's ruling is an event, not a statement
            actor, how = spoken
            actor = short_forms.get(actor.lower(), actor)
            office = _office(sentence, mention) or offices.get(_surname(mention))
            named = short_forms.get(office.lower(), office) if office else actor
            key = countries().get(named.lower(), named.lower())  # "США", "Соединённые Штаты"
            key = _same_actor(key, found)
            if key not in found:
                dates = find_dates(sentence.text, published=published)  # type: ignore[arg-type]
                found[key] = Statement(
                    actor=actor, evidence=sentence.evidence, names=[mention.text],
                    date=dates[0].value if dates else None,
                )
            notes.note(found[key].actor, statement_cues(sentence, mention, how))
    return list(found.values())


def _surname(mention: Mention) -> str:
    """The stem that names a person in any case ("Захаровой" -> "захаров")."""
    return mention.text.split()[-1].lower()[:SURNAME_STEM]


def _officials(sentences: list[Sentence]) -> dict[str, str]:
    """Surname stem -> the organisation a person was named with as its official
    ("представитель МИД РФ Мария Захарова"): later named alone, she still speaks for it."""
    offices: dict[str, str] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if mention.kind == "PER" and _official(sentence, mention):
                office = _office(sentence, mention)
                if office and not COURT.search(office):
                    offices.setdefault(_surname(mention), office)
    return offices


def _known_official(sentence: Sentence, mention: Mention,
                    offices: dict[str, str]) -> tuple[str, str] | None:
    """"Как заявила Захарова": an official named earlier with her office speaks up."""
    if mention.kind == "PER" and _surname(mention) in offices and _speaks(
            sentence, mention, subject_only=True):
        return mention.normal, "official"
    return None


def _opposed_or_topic(sentence: Sentence, mention: Mention) -> bool:
    """`NOT_ACTOR_BEFORE` stands a few words before the name, within its clause."""
    words: list[str] = []
    for word in reversed(sentence.words[max(0, mention.first - NOT_ACTOR_REACH):mention.first]):
        if word.pos == "PUNCT" and word.text not in ('"', "«", "„", "“"):
            break
        words.insert(0, word.text.lower())
    return bool(re.search(NOT_ACTOR_BEFORE, " ".join(words)))


def _same_actor(key: str, found: dict[str, Statement]) -> str:
    """The key of an actor already found that `key` is the initials of, or whose
    initials it is ("обсе", "организация безопасности и сотрудничества в европе")."""
    return next((known for known in found
                 if key == _initials(known) or known == _initials(key)), key)


def _initials(name: str) -> str | None:
    """The initials of a name's words of three letters or more ("ОБСЕ"); None for a
    name of one such word."""
    words = [w for w in re.findall(r"\w+", name) if len(w) > 2]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else None


def _speaker(sentence: Sentence, mention: Mention) -> tuple[str, str] | None:
    """Who the mention names when it speaks up in the sentence, and how it was read
    (`speaks`, `headline`, `followed`, `country`, `official`); None: it does not."""
    if mention.kind == "ORG" and _inside_name(sentence, mention):
        return None  # "ООН" of "Комитет по правам человека ООН"
    if mention.kind == "ORG" and _opposed_or_topic(sentence, mention):
        return None
    if mention.kind == "ORG":
        how = ("speaks" if _speaks(sentence, mention) else
               "headline" if _headline(sentence, mention) else
               "followed" if _followed_by_speech(sentence, mention) else None)
        if how is not None:
            return None if _outlet(sentence, mention) else (_actor(sentence, mention), how)
    if mention.kind == "LOC" and mention.normal.lower() in countries() and _speaks(
            sentence, mention, walk=False):  # not "в МИД Украины заявили": the ministry
        return mention.normal, "country"
    if mention.kind == "PER" and _official(sentence, mention) and _speaks(
            sentence, mention, subject_only=True):
        return mention.normal, "official"  # "представитель МИД X заявил": X speaks for it
    return None


def _inside_name(sentence: Sentence, mention: Mention) -> bool:
    """The mention is a genitive within another organisation's name."""
    word = sentence.words[_head(sentence, mention)]
    head = word.head if word.rel == "nmod" else -1
    return any(m is not mention and m.kind == "ORG" and m.first <= head <= m.last
               for m in sentence.mentions)


def _followed_by_speech(sentence: Sentence, mention: Mention) -> bool:
    """"Комитет ... ООН опубликовал доклад": a name in the nominative right before a
    verb of speaking up, however the parse hangs it (a long sentence misleads it)."""
    words = sentence.words
    after = mention.last + 1
    while after < len(words) and (words[after].pos == "ADV" or any(
            m.kind == "ORG" and m.first <= after <= m.last for m in sentence.mentions)):
        after += 1
    return (after < len(words) and words[after].pos == "VERB"
            and words[after].lemma in lemmas("speech")
            and words[_head(sentence, mention)].feats.get("Case") == "Nom")


def _headline(sentence: Sentence, mention: Mention) -> bool:
    """"HRW: приговор ... – издевательство": a line that opens with the name and a colon."""
    words = sentence.words
    return mention.first == 0 and mention.last + 1 < len(words) and (
        words[mention.last + 1].text == ":")


def _short_forms(sentences: list[Sentence]) -> dict[str, str]:
    """Lower-case short form -> the organisation's name it stands for in parentheses,
    inside the named span or just after it ("Организация «...» (ОСС)")."""
    forms: dict[str, str] = {}
    for sentence in sentences:
        words = [w.text for w in sentence.words]
        for mention in (m for m in sentence.mentions if m.kind == "ORG"):
            after = mention.last + 1
            while after < len(words) and words[after] in ("»", "\"", "“", "”"):
                after += 1
            if inside := SHORT_FORM.search(mention.text):
                forms[inside.group(1).strip().lower()] = _actor(sentence, mention)
            elif words[after:after + 3:2] == ["(", ")"]:
                forms[words[after + 1].lower()] = _actor(sentence, mention)
    return forms


def _actor(sentence: Sentence, mention: Mention) -> str:
    """The organisation's name in the nominative, with the country or body it belongs
    to ("МИД Украины", "Посольство США"), without a parenthesised short form."""
    words = sentence.words
    named = words[_head(sentence, mention)].feats.get("Case") == "Nom"
    # natasha's normal form may decline a governed word ("по ... сотрудничеству")
    actor = PARENTHESES.sub("", mention.text if named else mention.normal).strip()
    after = mention.last + 1
    if after < len(words) and words[after].pos == "PROPN" and words[after].feats.get(
            "Case") == "Gen" and words[after].head in range(mention.first, mention.last + 1):
        actor = f"{actor} {words[after].text}"
    return actor


def _head(sentence: Sentence, mention: Mention) -> int:
    """The word of the mention whose head lies outside it."""
    return next((i for i in range(mention.first, mention.last + 1)
                 if not mention.first <= sentence.words[i].head <= mention.last), mention.first)


def _office(sentence: Sentence, mention: Mention) -> str | None:
    """The organisation an official is named with ("представитель HRW X"), if any."""
    if mention.kind != "PER":
        return None
    return next((_actor(sentence, m) for m in sentence.mentions
                 if m.kind == "ORG" and _title_start(sentence, mention) <= m.first
                 and m.last < mention.first), None)


def _title_start(sentence: Sentence, mention: Mention) -> int:
    """Where the words that may title a person begin: four words back, and further
    over an organisation's name that ends right before it ("глава Радио ... X")."""
    start = max(0, mention.first - 4)
    named = next((m for m in sentence.mentions if m.kind == "ORG"
                  and mention.first - 2 <= m.last < mention.first), None)
    return min(start, max(0, named.first - 2)) if named else start


def _official(sentence: Sentence, mention: Mention) -> bool:
    """A person named with an office ("президент", "представитель") speaks for it; a
    judge or prosecutor rules or charges, and a lawyer speaks for a client."""
    before = sentence.words[_title_start(sentence, mention):mention.first]
    return any(w.lemma in roles() for w in before) and not any(
        w.lemma in NOT_SPEAKING for w in before)


def _own_text(sentence: Sentence, index: int) -> bool:
    """A text the sentence presents or quotes ("Меморандум HRW", "в докладе HRW
    говорится"), not one it cites ("ссылаясь на резолюцию Ассамблеи")."""
    word = sentence.words[index]
    if word.pos != "NOUN" or word.lemma not in lemmas("speech"):
        return False
    return word.rel in ("root", "nsubj") or any(
        sentence.words[c].text.lower() in ("в", "во") for c in sentence.children(index))


def _verdict(sentence: Sentence, index: int) -> bool:
    """"признаны виновными": a court's finding, which no organisation speaks."""
    return any(sentence.words[c].lemma.startswith("виновн") for c in sentence.children(index))


def _speaks(sentence: Sentence, mention: Mention, *, subject_only: bool = False,
            walk: bool = True) -> bool:
    """The organisation is the subject, or the place, of a verb of speaking up;
    `walk`: or the noun it names, through an apposition or genitive, is."""
    words = sentence.words
    head = _head(sentence, mention)
    seen = {head}
    while walk and words[head].rel in ("appos", "nmod", "flat:name", "conj") and (
            words[head].head not in seen | {-1}):
        head = words[head].head  # "центр «Мемориал»": the noun the name stands beside
        seen.add(head)
    word = words[head]
    if walk and head != _head(sentence, mention) and _own_text(sentence, head):
        return True
    if word.head < 0:
        return False
    verb = words[word.head]
    if verb.lemma not in lemmas("speech") or _verdict(sentence, word.head):
        return False
    if word.rel in SUBJECT_RELS:
        return True
    if subject_only:
        return False
    subjectless = not any(words[c].rel in SUBJECT_RELS for c in sentence.children(word.head))
    located = mention.first > 0 and words[mention.first - 1].text.lower() in ("в", "во")
    return word.rel in PLACE_RELS and located and subjectless
