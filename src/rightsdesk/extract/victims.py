"""Victims: which named person a target token stands for, and who is not a victim.

A target token may be a name (tagged PERSON, or a run of proper nouns the NER
missed or mislabelled), a description that carries a name ("opposition activist
Serik ...", "two people, A and B"), a pronoun ("he was sentenced") or a relative
pronoun ("both of whom"). Coordination multiplies targets ("A and B remain in
prison"). People introduced as judges, police, officials (agents of the state)
are never victims; lawyers and researchers only when a trigger targets them
directly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from spacy.tokens import Span, Token

from rightsdesk.extract.country import country_pattern
from rightsdesk.extract.lexicon import load_table
from rightsdesk.names import NAME_PARTICLES as PARTICLES

PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "that"})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "madam",
                    "bishop", "archbishop", "cardinal", "father", "fr.", "reverend", "rev.",
                    "pastor", "imam", "sheikh", "rabbi", "sister", "brother",
                    # South Asian honorifics: "Smt. Kavita Rao", "Adv. X", "Shri X"
                    "smt", "shri", "shrimati", "sri", "adv", "kumari",
                    # dotted only: "Sen. X", never the Cambodian or Indian name "Sen"
                    "sh.", "sen.", "rep.", "prof.", "hon."})
# "Makhabat Tazhibek kyzy": a patronymic particle after the surname, never the surname
PATRONYMICS = frozenset({"kyzy", "uulu", "ogly", "oglu", "qizi", "kizi", "uly"})
NAME_PARTICLES = PATRONYMICS | PARTICLES
JOINERS = frozenset({"-", "'"})  # "El-Fattah", "O'Neill": tokens inside one name part
# Words that make a capitalised run an organisation, a place or a thing, not a person.
NOT_NAME_WORDS = frozenset(
    {"party", "court", "ministry", "union", "council", "committee", "centre", "center",
     "foundation", "group", "watch", "international", "service", "office", "police", "news",
     "agency", "university", "company", "government", "parliament", "republic", "state",
     "city", "region", "oblast", "prison", "colony", "embassy", "commission", "assembly",
     "association", "organisation", "organization", "movement", "front", "bank", "ltd",
     "inc", "corp", "media", "radio", "tv", "times", "post", "press", "network", "nations",
     "kgb", "fsb", "knb", "un", "eu", "osce", "nato", "article", "code", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "april", "may", "june", "july", "august", "september", "october", "november", "december",
     "riot", "pussy", "day", "facebook", "twitter", "telegram", "youtube", "instagram",
     "president", "prime", "minister", "supreme", "general", "prosecutor", "judge", "photo",
     "east", "west", "north", "south", "russian", "soviet", "christ", "god", "allah",
     "islam", "muslim", "orthodox", "church", "cathedral", "saviour", "savior", "square",
     "chair", "chairman", "chairwoman", "laureate", "prize", "award", "director", "head",
     "leader", "member", "report", "house", "hall", "street", "avenue", "regime", "administration",
     "mechanism", "institute", "fund", "initiative", "campaign", "coalition", "project",
     # headline calls ("Free X now") and named storms
     "free", "release", "justice", "save", "cyclone", "hurricane", "typhoon", "storm",
     # institutions, works and laws named like people ("Nigerian Army", "Cybercrime Law")
     "army", "navy", "brigade", "battalion", "law", "act", "hotel", "school", "college",
     "hospital", "airport", "station", "magazine", "newspaper", "gazette", "journal",
     "tribune", "herald", "daily", "channel", "television", "club", "framework",
     # "Reporters Without Borders" less the role word that opens it
     "without", "borders"}
)
# A title-case headline's verb the tagger took for a name part ("Azimjon Askarov Dies").
HEADLINE_VERBS = frozenset(
    {"dies", "died", "arrested", "detained", "jailed", "sentenced", "convicted", "charged",
     "released", "freed", "pardoned", "acquitted", "killed", "shot", "tortured", "held",
     "faces", "gets", "wins", "says", "speaks", "returns", "appeals", "denied"})
MAX_NAME_TOKENS = 5
# Offices that organisations have too: their holder is an agent only as head of a state.
BODY_HEADS = frozenset({"president", "secretary"})
STATE_WORDS = frozenset({"country", "republic", "state", "nation", "government", "region",
                         "province", "territory", "he", "she", "it", "they"})
OFFICE_OVER = frozenset({"former", "ex", "ex-", "retired", "ousted", "deposed", "toppled"})
# NER labels a misread name is never given (it comes back as ORG, GPE, DATE...).
DESCRIPTOR_LABELS = frozenset({"NORP", "LAW", "MONEY", "LANGUAGE", "PERCENT", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class NameMention:
    """A person's name as written at one place in the document."""

    text: str
    span: Span


@cache
def role_strength() -> dict[str, str]:
    """Role lemma -> "agent" | "speaker" (rules/roles.toml)."""
    return {t: rule.get("strength") for rule in load_table("roles").rules for t in rule.terms}


@cache
def person_nouns() -> frozenset[str]:
    """Nouns for persons: roles.toml descriptors and group words ("activists", "people")."""
    rules = [r for r in load_table("roles").rules if r.get("strength") in {"descriptor", "group"}]
    return frozenset(t for rule in rules for t in rule.terms)


@cache
def person_words() -> frozenset[str]:
    """Every noun that stands for a person: descriptors, group words and roles."""
    return person_nouns() | frozenset(role_strength())


def normal(text: str) -> str:
    """Case-, accent- and punctuation-free form for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def surname_key(name: str) -> str:
    parts = [p for p in normal(name).split() if p not in PATRONYMICS]
    return parts[-1] if parts else ""


def person_entity(token: Token) -> Span | None:
    """The PERSON entity the token belongs to, if the NER found one."""
    if token.ent_type_ != "PERSON":
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def proper_run(token: Token) -> Span | None:
    """The run of proper nouns a name-like token heads ("Serik Sapargali")."""
    if token.pos_ != "PROPN" and not (token.is_title and token.pos_ in {"NOUN", "X"}) and (
            token.lower_ not in PATRONYMICS):
        return None
    start = end = token.i
    doc = token.doc
    while start - 1 >= token.sent.start and (
            _name_part(doc[start - 1]) or _joined(doc[start - 1], token.sent.start)):
        start -= 1
    while end + 1 < token.sent.end and _name_part(doc[end + 1]) and doc[end + 1].head == token:
        end += 1
    return doc[start : end + 1]


def _joined(token: Token, sentence_start: int) -> bool:
    """A hyphen or apostrophe inside one name part ("Al-Zoubi", "O'Neill"): written
    without spaces, between two name words."""
    if token.text not in JOINERS or token.whitespace_ or token.i - 1 < sentence_start:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and (_name_part(before) or before.text[:1].isupper())


def _name_part(token: Token) -> bool:
    if _people_word(token):
        return False  # "Sunni Muslim", "Kazakh": descriptors, not parts of the name
    if token.pos_ == "INTJ" and token.is_title and token.dep_ == "intj":
        return True  # "Wa Lone and ... were detained": a name's first word read as "wow"
    return (token.pos_ == "PROPN" and token.is_title) or token.lower_ in NAME_PARTICLES


def _people_word(token: Token) -> bool:
    """A word the NER calls a nationality or religion that is one ("Kazakh activist X",
    "Sunni Muslim X"), not a surname it misread ("Alek Yenigomshian", "Khyam Turki"): a
    misread surname heads its phrase after a given name, and no word of it is a demonym."""
    if token.ent_type_ != "NORP":
        return False
    head = token
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
        head = head.head
    before = token.doc[head.i - 1] if head.i > token.sent.start else None
    named = head.ent_type_ == "NORP" and head.dep_ not in {"compound", "amod", "nmod", "poss"} and (
        before is not None and before.pos_ == "PROPN" and before.is_title)
    words = token.doc[before.i : head.i + 1] if named else [token]
    pattern, _ = country_pattern()
    return not named or any(pattern.fullmatch(w.text) for w in words)


def clean_name(span: Span) -> str | None:
    """The name in a span, titles and possessives dropped; None when it is no name."""
    tokens = list(span)
    while len(tokens) > 1 and tokens[-1].is_title and (
            tokens[-1].pos_ in {"VERB", "AUX"} or tokens[-1].lower_ in HEADLINE_VERBS):
        tokens.pop()  # a headline's capitalised verb: "Azimjon Askarov Dies in Prison"
    words = [t.text for t in tokens if not t.is_punct or t.text in JOINERS]
    roles = role_strength()
    while words and (
        {words[0].lower(), words[0].lower().rstrip(".")} & TITLES
        or words[0].lower() in roles
        or (words[0].lower().endswith("s") and words[0].lower()[:-1] in roles)  # "Journalists"
        or (len(words) > 2 and words[0].lower().rstrip("s") in NOT_NAME_WORDS)
    ):
        words = words[1:]  # "Sunni Muslim Kuanysh B.": descriptors the NER took in
    while words and (words[-1] in {"'s", "’s", "'"} or words[-1].lower() == "s"):
        words = words[:-1]
    while words and words[0] in JOINERS:
        words = words[1:]  # "- Bahruz Samadov, researcher, ...": a list's bullet
    parts = [w for w in words if w not in JOINERS]
    if not parts or len(parts) > MAX_NAME_TOKENS:
        return None
    if any(w.lower() in NOT_NAME_WORDS or any(ch.isdigit() for ch in w) for w in parts):
        return None
    if not all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in parts if w not in
               _hyphen_tails(tokens)):
        return None
    name = " ".join(words).replace(" - ", "-").replace(" '", "'")
    whole = name.split()
    last = whole[-1].lower()
    if len(whole) > 1 and (last in person_words() or last.endswith("s") and last[:-1] in
                           person_words()):
        return None  # a title-case headline's "Batumelebi Founder", "Two Detained Journalists"
    pattern, _ = country_pattern()
    if pattern.fullmatch(name):
        return None
    return name if len(name) > 2 else None


def _hyphen_tails(tokens: list[Token]) -> set[str]:
    """Lower-case parts written after a hyphen inside one word: "Lam Wing-kee"."""
    return {t.text for before, t in pairwise(tokens) if before.text == "-"
            and not before.whitespace_ and not before.nbor(-1).whitespace_}


def name_at(token: Token, known: Set[str] = frozenset()) -> NameMention | None:
    """The name a token is part of: a PERSON entity, or a proper-noun run in its place.

    The NER misses names or calls a surname an organisation or a place; a run of
    proper nouns in a target position is taken as a name when it has a first name
    and a surname, or is the surname of a person `known` from elsewhere in the text.
    """
    span = person_entity(token)
    if span is None:
        span = proper_run(token)
        if span is None:
            return None
        surname = shared_surname(span)
        if surname is None and not _plausible_name(span, known):
            return None
    else:
        span = _widen(span)
        surname = shared_surname(span)
    name = clean_name(span)
    if name and surname:
        name = f"{name} {surname}"
    return NameMention(name, span) if name else None


def shared_surname(span: Span) -> str | None:
    """"two brothers, Karim and Tamer Saleh", "the owners Ana, Rosa and Lucia Perez":
    lone given names listed before one full name, after a plural noun for the persons,
    share that name's surname."""
    if len(span) != 1:
        return None
    doc, sentence = span.doc, span.sent
    start = span.start
    while start - 2 >= sentence.start and _link(doc[start - 1]) and _lone_name(doc[start - 2]):
        start -= 2  # back over "Ana ," to the start of the list
    before = doc[start - 1] if start - 1 >= sentence.start else None
    if before is not None and before.text == "," and before.i - 1 >= sentence.start:
        before = doc[before.i - 1]
    if before is None or before.tag_ != "NNS" or before.pos_ != "NOUN":
        return None  # "brothers", "the paper's owners": a plural for the persons
    end = span.end
    while end + 1 < sentence.end and _link(doc[end]) and _lone_name(doc[end + 1]):
        end += 2
    words: list[Token] = []
    while end < sentence.end and _link(doc[end]):
        end += 1
    while end < sentence.end and _name_part(doc[end]) and len(words) < MAX_NAME_TOKENS:
        words.append(doc[end])
        end += 1
    if len(words) < 2 or end == span.end:
        return None
    return " ".join(w.text for w in words[1:])


def _link(token: Token) -> bool:
    return token.text == "," or token.lower_ == "and"


def _lone_name(token: Token) -> bool:
    """A given name standing alone in a list: a capitalised proper noun not followed by
    another name word."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return _name_part(token) and token.pos_ == "PROPN" and (after is None or not _name_part(after))


def _widen(span: Span) -> Span:
    """Take in a first name the NER left outside the entity ("Ilya [Gromov]"), not
    the organisation and title before it ("Amnesty Turkey Chair [Taner Kilic]")."""
    start = span.start
    roles = role_strength()
    while start - 1 >= span.sent.start and _name_part(span.doc[start - 1]) and (
        span.doc[start - 1].head.i in range(start, span.end)
        and span.doc[start - 1].lower_ not in roles
        and span.doc[start - 1].lower_ not in NOT_NAME_WORDS  # "Amnesty Turkey Chair X"
    ):
        start -= 1
    return span.doc[start : span.end]


def _plausible_name(span: Span, known: Set[str]) -> bool:
    if any(t.tag_ == "NNPS" for t in span):
        return False  # "Muslims", "Hundreds": plural proper nouns are groups
    if surname_key(span.text) in known:
        return True
    if len(span) < 2:
        return _described_single_name(span.root)
    if any(t.is_upper and len(t) > 1 for t in span):
        return False  # acronyms are organisations
    # Two or more capitalised words in a victim's place are a name, whatever the NER
    # says ("Marta Rabkova" as a place, "Baizhanov to" as a date), unless they
    # are a nationality or a law.
    return span.root.ent_type_ not in DESCRIPTOR_LABELS or not _people_word(span.root)


def _described_single_name(token: Token) -> bool:
    """"monk Lodro", "the rapper Aamron": one word after a noun for persons is a name
    (Tibetan, Burmese and stage names have no surname), when the NER calls it no place."""
    return token.is_title and token.ent_type_ not in {"GPE", "LOC", "FAC", "NORP", "DATE"} and any(
        c.dep_ == "compound" and c.i == token.i - 1 and c.lemma_.lower() in person_nouns()
        for c in token.children)


DASHES = frozenset({"–", "—", "--"})


def described_names(token: Token) -> list[Token]:
    """Name tokens a description stands for: "people, A and B"; "activist, A"."""
    found = [c for noun in _with_whole(token) for c in noun.children if c.dep_ == "appos"]
    if token.dep_ in {"compound", "appos"} and token.head.pos_ == "PROPN":
        found.append(token.head)
    for prep in _including(token):  # "five activists, including A and B"
        for listed in (c for c in prep.children if c.dep_ == "pobj"):
            found.append(listed)
            found.extend(c for c in listed.children if c.dep_ == "appos")  # "its director A"
    return found + _named_after_dash(token) + _named_by_copula(token) + _named_after_comma(token)


def _named_after_comma(token: Token) -> list[Token]:
    """"the arrest of its co-leaders, A and B", "two brothers, A and B": a plural noun
    for persons and a comma open the list of their names, however the parse hangs it
    (not "the activists, Ivan Petrov said, ...": a name that speaks; nor "a lawyer for
    the defendants, Ivan Petrov, ...": the name of the role the noun hangs on)."""
    doc, end = token.doc, token.i + 2
    if token.tag_ != "NNS" or token.lemma_.lower() not in person_words() or (
            end >= token.sent.end or doc[token.i + 1].text != "," or doc[end].pos_ != "PROPN"):
        return []
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in role_strength():
        return []
    while end + 1 < token.sent.end and doc[end + 1].pos_ == "PROPN":
        end += 1
    after = doc[end + 1] if end + 1 < token.sent.end else None
    return [] if after is not None and after.pos_ in {"VERB", "AUX"} else [doc[end]]


def _named_by_copula(token: Token) -> list[Token]:
    """"The prisoners freed today are A, B and C", "Among those arrested were A and B",
    "Those detained include A and B", "The detained persons included A": a described
    group is the subject of "be" (or "include") and the names its complement."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "among":
        verb = verb.head
        wanted = {"nsubj"}
    elif token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ == "one" and (
            verb.head.dep_ == "attr"):  # "X was one of several activists arrested"
        verb = verb.head.head
        wanted = {"nsubj"}
    elif token.dep_ == "nsubj":
        wanted = {"attr", "dobj"}
    else:
        return []
    described = any(c.dep_ in {"acl", "relcl"} or (c.dep_ == "amod" and c.tag_ == "VBN")
                    for c in token.children)  # "those detained", "the detained persons"
    if verb.lemma_ not in {"be", "include"} or not described:
        return []
    named = [c for c in verb.children if c.dep_ in wanted]
    # "Among those detained were the activists A, B and C": the names stand beside a noun
    return [c for c in named if c.pos_ == "PROPN"] + [
        a for c in named if c.pos_ == "NOUN" for a in c.children
        if a.dep_ == "appos" and a.pos_ == "PROPN"]


def _including(token: Token) -> list[Token]:
    """"including" phrases on a noun or on what it is from: "journalists from the
    outlet X, including A" (the parse hangs the list on the outlet), on the event
    noun it holds: "the ill-treatment of defenders, including A", or on the verb of
    the relative clause that describes a plural noun."""
    nouns = _with_whole(token)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        nouns.append(token.head.head)
    if token.tag_ == "NNS":  # "the defenders whose cases X raised, including A, ..., were"
        nouns += [c for c in token.children if c.dep_ == "relcl"]
    return [prep for noun in nouns for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in {"including", "among"}]


def _with_whole(token: Token) -> list[Token]:
    """A noun and what it is part of: the parse hangs a list of names on the whole
    ("two members of the group, A and B"; "journalists from the outlet X, including A")."""
    return [token] + [o for prep in token.children if prep.dep_ == "prep"
                      and prep.lower_ in {"from", "of", "at"}
                      for o in prep.children if o.dep_ == "pobj"]


def _named_after_dash(token: Token) -> list[Token]:
    """"sentenced our colleague – head of the group X, vice-chair of Y Ales B. – to ...":
    a person noun opens a dashed apposition whose titles end in the name. The parse
    hangs the name on a title's "of"; the first PERSON after the dash, with no verb
    before it, is the one described."""
    doc = token.doc
    dash = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.pos_ != "NOUN" or dash is None or dash.text not in DASHES:
        return []
    if token.lemma_.lower() not in person_nouns():
        return []
    for word in doc[dash.i + 1 : token.sent.end]:
        if word.pos_ in {"VERB", "AUX"} or word.text in DASHES:
            return []
        if word.ent_type_ == "PERSON" and word.ent_iob_ == "B":
            entity = next(e for e in doc.ents if e.start == word.i)
            return [entity.root] if entity.root in token.subtree else []
    return []


def coordinated(token: Token) -> list[Token]:
    """The token and the tokens listed with it: "A and B", "A, 22, B, 24, and C"."""
    found = [token]
    queue = [token]
    while queue:
        node = queue.pop()
        for child in node.children:
            listed = child.dep_ == "conj" or (child.dep_ == "appos" and child.pos_ == "PROPN")
            if listed and child.pos_ in {"PROPN", "NOUN", "PRON"} and child not in found:
                found.append(child)
                queue.append(child)
    return found


def role_words(span: Span) -> list[str]:
    """Lemmas of the nouns that describe a name: titles, compounds, appositions."""
    root = span.root
    words = [t for t in span if t.pos_ != "PROPN"]
    words += [c for c in root.children if c.dep_ in {"compound", "appos", "amod", "nmod"}
              and c.i < span.start or c.dep_ == "appos"]
    if root.dep_ == "appos" or (root.dep_ == "compound" and root.head.pos_ == "NOUN"):
        words.append(root.head)
    if span.start > 0:
        words.append(span.doc[span.start - 1])  # "Judge" tagged as part of nothing
    expanded = []
    for word in words:
        expanded.append(word)
        expanded.extend(c for c in word.children if c.dep_ in {"compound", "amod"})
    if any(w.lower_ in OFFICE_OVER for w in expanded):
        return []  # "former senator X": the office is over; X may be its victim now
    return [w.lemma_.lower() for w in expanded if not _hyphen_tail(w) and not heads_a_body(w)]


def heads_a_body(word: Token) -> bool:
    """"president of the Confederation of X", "BCHR President", "party secretaries": the
    president or secretary of an organisation, no office of state ("President of
    Belarus", "the country's president", "US Secretary of State X" hold one)."""
    if word.lemma_.lower() not in BODY_HEADS:
        return False
    owners = [o for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    before = [c for c in word.children if c.dep_ in {"compound", "poss"} and c.i < word.i]
    owners += before[-1:]  # the nearest: "Ghad party secretaries", "Belarus President"
    pattern, _ = country_pattern()
    return bool(owners) and not any(
        o.ent_type_ in {"GPE", "NORP"} or o.lemma_.lower() in STATE_WORDS
        or pattern.fullmatch(o.text) for o in owners)


def _hyphen_tail(word: Token) -> bool:
    """"secretary-general": the general of a hyphenated title is no general."""
    return word.i > 1 and word.nbor(-1).text == "-" and not word.nbor(-1).whitespace_


@cache
def office_words() -> frozenset[str]:
    """Roles of public office (rules/roles.toml `office`): their holders can be jailed."""
    return frozenset(t for rule in load_table("roles").rules if rule.get("office")
                     for t in rule.terms)


def holds_office(span: Span) -> bool:
    return any(w in office_words() for w in role_words(span))


def role_of(span: Span) -> str | None:
    """"agent", "speaker" or None for a name as introduced at this mention."""
    return role_in(role_words(span))


def role_in(words: list[str]) -> str | None:
    """"agent", "speaker" or None for a name described by these `role_words`."""
    strengths = role_strength()
    found = {strengths[w] for w in words if w in strengths} & {"agent", "speaker"}
    if "agent" in found:
        return "agent"
    return "speaker" if found else None
