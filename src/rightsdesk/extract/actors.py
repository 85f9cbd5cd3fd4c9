"""Actor mentions in a sentence: known bodies, office holders, organisation names.

Three sources, most reliable first: the `actors` gazetteer (international bodies,
governments, NGOs and their office holders), organisation-shaped names
("Kazakhstan International Bureau for Human Rights", "Public Foundation
“Liberty”"), and country names standing for their government ("Germany
expressed concern"). Each mention carries the token span it covers so the
statement rules can see where it sits in the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from rightsdesk.extract.lexicon import Rule, load_table

CATEGORY_RANK = {"igo": 0, "ngo": 0, "org": 1, "government": 2, "country": 3}
"""Which mention names the actor when a subject holds several (lower wins)."""

# Words that make a capitalised phrase an organisation's name.
ORG_HEADS = (
    "Watch|International|Committee|Council|Foundation|Center|Centre|Bureau|Coalition|"
    "Partnership|Organisation|Organization|Union|Parliament|Assembly|Embassy|Ministry|"
    "Cabinet|Network|Association|Institute|Federation|League|Campaign|Defenders|Movement|"
    "Commission|Alliance|Society|Initiative|Fund|Trust|Mission|Helsinki|Observatory|Forum|"
    "Platform|Syndicate"
)
# "the rights group Viasna", "the watchdog X": the kind of body that introduces a name
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "coalition", "network",
                         "association", "movement", "centre", "center", "union"})
RIGHTS_GROUP_MARKS = frozenset({"rights", "right", "activist", "advocacy", "campaign", "monitoring",
                                "pressure", "freedom", "liberty", "civil", "watchdog"})
RIGHTS_GROUP_NOUNS = frozenset({"watchdog", "ngo"})
# bodies of a profession a text names by their kind and country ("the Tunisian bar
# association", "Kenya's law society"): they speak for their members
PROFESSION_BODIES = ("bar association", "bar council", "law society", "lawyers' association",
                     "lawyers’ association", "journalists' union", "journalists’ union",
                     "journalists union", "union of journalists", "journalists' syndicate",
                     "journalists’ syndicate", "press syndicate", "journalists' association",
                     "journalists’ association", "medical association", "writers' union",
                     "writers’ union")
NAME_WORD = r"(?:[A-Z][\w.'’\-]*|“[^”]{1,40}”|\"[^\"]{1,40}\")"
LINK_WORD = r"(?:of|for|the|and|on|against|in|to|de|&)"
ORG_NAME = re.compile(
    rf"{NAME_WORD}(?:\s+(?:{LINK_WORD}\s+)*{NAME_WORD})*"
)
ORG_HEAD = re.compile(rf"\b(?:{ORG_HEADS})\b")
# "U.S.-based", "UN-backed": a name inside an adjective (not "Ban Ki-moon")
QUALIFYING = ("based", "backed", "funded", "led", "sponsored", "owned", "run", "brokered",
              "supported", "aligned", "allied", "registered", "born")
HYPHENATED_ADJECTIVE = re.compile(rf"-(?:{'|'.join(QUALIFYING)})$")
# Bodies of the state that try or hold people: never the actor of a statement.
STATE_ORGANS = re.compile(
    r"\b(Court|Prosecutor|Police|KGB|KNB|FSB|Prison|Colony|Investigative|Militia)\b"
)

# "Zimbabwe Lawyers for Human Rights (ZLHR)": a name the text gives its initials
INTRODUCED = re.compile(
    rf"({NAME_WORD}(?:\s+(?:{LINK_WORD}\s+)*{NAME_WORD})+)\s*\(([A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)?)\)"
)

MANDATE_MAX_TOKENS = 16  # "on the rights to freedom of peaceful assembly and of association"
# Places named like organisations ("Simón Bolívar International Airport").
PLACES = re.compile(r"\b(Airport|Hotel|Station|Stadium|Square|Hospital|Street|Avenue|Park)\b")
# What a text introduces with initials that takes no position on a case: state organs,
# security services, laws, places, states, news outlets that report what others say.
NOT_SPEAKERS = re.compile(
    rf"{STATE_ORGANS.pattern}|{PLACES.pattern}|"
    r"\b(Intelligence|Security Services?|Armed Forces|Army|Act|Law|Code|News|"
    r"Republic of|Kingdom of)\b"
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised actor: the gazetteer entry, or an organisation named in the text."""

    name: str
    category: str  # igo | ngo | government | org | country
    country: str | None = None
    generic: tuple[str, ...] = ()
    part_of: str | None = None  # the body this office speaks for
    mandates: bool = False  # several hold the office, each for the mandate "on ..." names


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor
    text: str
    start: int  # token index in the paragraph Doc
    end: int
    holder: bool = False  # a person's name standing for the office

    @property
    def rank(self) -> int:
        return CATEGORY_RANK[self.actor.category]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    exact: dict[str, Actor]  # case-sensitive forms (single words, abbreviations)
    folded: dict[str, Actor]  # lowercased multi-word forms
    holders: dict[str, Actor]  # lowercased holder names and surnames
    hosts: dict[str, Actor]
    pattern: re.Pattern[str]


def _actor(rule: Rule) -> Actor:
    return Actor(
        rule.get("name", rule.id),
        rule.get("category", "ngo"),
        rule.get("country"),
        tuple(rule.get("generic", [])),
        rule.get("part_of"),
        rule.get("mandates", False),
    )


@cache
def gazetteer() -> Gazetteer:
    """The actors table as lookups and one alternation over every form, longest first."""
    exact: dict[str, Actor] = {}
    folded: dict[str, Actor] = {}
    holders: dict[str, Actor] = {}
    hosts: dict[str, Actor] = {}
    for rule in load_table("actors").rules:
        actor = _actor(rule)
        for term in _spellings(rule.terms):
            as_written = " " not in term or rule.get("cased", False)
            (exact if as_written else folded).setdefault(
                term if as_written else term.lower(), actor
            )
        for holder in rule.get("holders", []):
            holders[holder.lower()] = actor
            holders.setdefault(holder.split()[-1].lower(), actor)
        for host in rule.get("hosts", []):
            hosts[host] = actor
    forms = sorted([*exact, *folded, *holders], key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])", re.IGNORECASE)
    return Gazetteer(exact, folded, holders, hosts, pattern)


def _spellings(terms: tuple[str, ...]) -> list[str]:
    """The terms, and "U.N." for "UN" as American newsrooms write it ("U.N. experts")."""
    return [*terms, *(re.sub(r"\bUN\b", "U.N.", t) for t in terms if re.search(r"\bUN\b", t))]


@cache
def countries() -> dict[str, str]:
    """Country names (first term of each country rule, not demonyms) -> ISO code."""
    return {rule.terms[0]: rule.id for rule in load_table("countries").rules}


@cache
def country_forms() -> dict[str, Actor]:
    """Every country name and demonym -> its government as the gazetteer names it
    ("British" -> UK government), else the country ("German" -> Germany)."""
    governments = {a.country: a for a in gazetteer().exact.values() if a.category == "government"}
    return {term: governments.get(rule.id) or Actor(rule.terms[0], "country", rule.id)
            for rule in load_table("countries").rules for term in rule.terms}


@cache
def capitals() -> dict[str, Actor]:
    """Capitals whose name stands for their government ("Moscow condemned ...")."""
    forms = country_forms()
    return {city: forms[rule.terms[0]] for rule in load_table("countries").rules
            for city in rule.get("capitals", [])}


def actor_for_host(host: str | None) -> Actor | None:
    """The organisation that publishes on a web site, when the gazetteer knows it."""
    if not host:
        return None
    hosts = gazetteer().hosts
    parts = host.lower().split(".")
    for i in range(len(parts) - 1):
        actor = hosts.get(".".join(parts[i:]))
        if actor:
            return actor
    return None


def find_mentions(span: Span, introduced: dict[str, Actor] | None = None) -> list[ActorMention]:
    """Every actor mention in the span, non-overlapping, gazetteer first, then the
    names the document introduced with their initials (`introduced_names`)."""
    mentions = _gazetteer_mentions(span)
    mentions += _free(span, _introduced_mentions(span, introduced or {}), mentions)
    mentions += _free(span, _org_name_mentions(span), mentions)
    mentions += _free(span, _named_by_kind(span), mentions)
    mentions += _free(span, _profession_bodies(span), mentions)
    mentions += _free(span, _country_mentions(span), mentions)
    return sorted((m for m in mentions if not _in_adjective(span, m)), key=lambda m: m.start)


def introduced_names(text: str) -> dict[str, Actor]:
    """Names a text introduces with their initials, "Police Reforms Working Group Kenya
    (PRWG-K)", and the initials: both name one organisation. The name is the fewest
    last words whose initials hold the abbreviation's letters in order; a state organ,
    a place, a country or a one-word name is none (`NOT_SPEAKERS`)."""
    found: dict[str, Actor] = {}
    for match in INTRODUCED.finditer(text):
        letters = re.sub(r"[^A-Z0-9]", "", match.group(2))
        words = match.group(1).split()
        start = next((i for i in range(len(words) - 1, -1, -1)
                      if _spells(letters, words[i:])), None)
        if start is None or len(letters) < 2:
            continue
        name = _trim_name(" ".join(words[start:]))
        if len(name.split()) < 2 or NOT_SPEAKERS.search(name) or name in country_forms():
            continue
        actor = Actor(name, "org")
        found.setdefault(name, actor)
        found.setdefault(match.group(2), actor)
    return found


def _spells(letters: str, words: list[str]) -> bool:
    """The abbreviation's letters come in order among the words' initials and capitals
    ("KACE" in "Al-Khatim Adlan Centre for Enlightenment")."""
    initials = "".join(w[0] + "".join(c for c in w[1:] if c.isupper()) for w in words).upper()
    found = iter(initials)
    return all(letter in found for letter in letters)


def _introduced_mentions(span: Span, introduced: dict[str, Actor]) -> list[ActorMention]:
    found = []
    for form, actor in introduced.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", span.text):
            mention = _to_tokens(span, match.start(), match.end(), actor)
            if mention:
                found.append(mention)
    return sorted(found, key=lambda m: (m.start, -m.end))


def _in_adjective(span: Span, mention: ActorMention) -> bool:
    """"her US-based daughter", "a UN-backed court": the name qualifies something else."""
    if HYPHENATED_ADJECTIVE.search(mention.text):
        return True
    doc, end = span.doc, mention.end
    return (end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-"
            and doc[end + 1].lower_ in QUALIFYING)


def _free(
    span: Span, candidates: list[ActorMention], taken: list[ActorMention]
) -> list[ActorMention]:
    kept: list[ActorMention] = []
    for cand in candidates:
        if all(cand.end <= m.start or cand.start >= m.end for m in [*taken, *kept]):
            kept.append(cand)
    return kept


def _gazetteer_mentions(span: Span) -> list[ActorMention]:
    gaz = gazetteer()
    found = []
    for match in gaz.pattern.finditer(span.text):
        text = match.group(0)
        actor, holder = _lookup(gaz, text)
        if actor is None:
            continue
        mention = _to_tokens(span, match.start(), match.end(), actor, holder=holder)
        if mention and not _other_countrys(span, mention):
            found.append(_with_mandate(span, mention))
    return found


def _with_mandate(span: Span, mention: ActorMention) -> ActorMention:
    """"the UN Special Rapporteur on torture": an office several people hold, each for
    the mandate its "on ..." phrase names, is named with that mandate."""
    if not mention.actor.mandates or mention.holder:
        return mention
    doc = span.doc
    on = next((c for c in doc[mention.end - 1].children
               if c.dep_ == "prep" and c.lower_ == "on" and c.i == mention.end), None)
    if on is None or on.right_edge.i >= span.end or on.right_edge.i - on.i > MANDATE_MAX_TOKENS:
        return mention
    end = on.right_edge.i + 1
    actor = replace(mention.actor, name=f"{mention.actor.name} {doc[on.i : end].text}")
    return ActorMention(actor, doc[mention.start : end].text, mention.start, end)


def _other_countrys(span: Span, mention: ActorMention) -> bool:
    """"Germany's Foreign Office", "the German foreign ministry": a government's office
    name that another country's name claims (the country then speaks through it)."""
    if mention.actor.category != "government":
        return False
    doc = span.doc
    phrase = doc[doc[mention.end - 1].left_edge.i : mention.start]  # "the German Federal"
    owners = (country_forms().get(token.text) for token in phrase)
    return any(owner is not None and owner.country != mention.actor.country for owner in owners)


def _lookup(gaz: Gazetteer, text: str) -> tuple[Actor | None, bool]:
    if text in gaz.exact:
        return gaz.exact[text], False
    if " " in text and text.lower() in gaz.folded:
        return gaz.folded[text.lower()], False
    holder = gaz.holders.get(text.lower())
    if holder and text[:1].isupper():
        return holder, True
    return None, False


def _named_by_kind(span: Span) -> list[ActorMention]:
    """"the rights group Viasna", "activist group GetUp", "the watchdog X": a name the
    text introduces as a rights group is one, whatever its words."""
    found = []
    for kind in span:
        if not _rights_group_word(kind):
            continue
        if kind.dep_ == "compound" and kind.head.pos_ == "PROPN":
            name = kind.head  # "activist group GetUp"
        else:  # "the rights group, Viasna"
            name = next((c for c in kind.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                        None)
        if name is None:
            continue
        words = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.i < name.i]
        start = words[0].i if words else name.i
        text = span.doc[start : name.i + 1].text
        found.append(ActorMention(Actor(text, "ngo"), text, start, name.i + 1))
    return found


@cache
def _profession_pattern() -> re.Pattern[str]:
    countries = "|".join(re.escape(f) for f in sorted(country_forms(), key=len, reverse=True))
    bodies = "|".join(re.escape(b) for b in PROFESSION_BODIES)
    return re.compile(rf"\b(?:{countries})(?:'s|’s)?\s+(?i:{bodies})\b")


def _profession_bodies(span: Span) -> list[ActorMention]:
    """"The Tunisian bar association condemned ...": a profession's body named by its
    kind and country is an organisation, as written."""
    found = []
    for match in _profession_pattern().finditer(span.text):
        mention = _to_tokens(span, match.start(), match.end(), Actor(match.group(0), "org"))
        if mention:
            found.append(mention)
    return found


def _rights_group_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in RIGHTS_GROUP_NOUNS:
        return True
    return lemma in GROUP_NOUNS and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in RIGHTS_GROUP_MARKS
        for c in token.children)


def _org_name_mentions(span: Span) -> list[ActorMention]:
    """Names shaped like organisations; a run joined by "and" is also tried part by part
    ("Amnesty International and the Belarusian Association of Journalists"), the whole
    first ("Committee for Peace and Democracy")."""
    found = []
    for match in ORG_NAME.finditer(span.text):
        pieces = [(match.start(), match.group(0))]
        pieces += [(match.start() + part.start(), part.group(0))
                   for part in re.finditer(r"(?:(?!\s+and\s+).)+", match.group(0))
                   if part.group(0) != match.group(0)]
        for offset, text in pieces:
            name = _trim_name(text)
            if not ORG_HEAD.search(name) or STATE_ORGANS.search(name) or PLACES.search(name) or (
                    len(name.split()) < 2):
                continue
            within = text.find(name)
            if within < 0:  # words were rejoined across other whitespace (tab, U+2028)
                continue
            start = offset + within
            mention = _to_tokens(span, start, start + len(name), Actor(name, "org"))
            if mention:
                found.append(mention)
    return found


def _trim_name(name: str) -> str:
    """Drop a leading article and trailing link words ("the X of" -> "X")."""
    words = name.split()
    while words and words[0].lower() in {"the", "a", "an", "and", "by", "in"}:
        words = words[1:]
    while words and re.fullmatch(LINK_WORD, words[-1]):
        words = words[:-1]
    words = _drop_title(words)
    name = " ".join(words).removesuffix("’s").removesuffix("'s")
    # a full stop ends the sentence, not the name ("... Union of Journalists."); initials keep it
    return name[:-1] if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name) else name


def _drop_title(words: list[str]) -> list[str]:
    """"Deputy Head of the United Cabinet" -> "United Cabinet": a post is not the body."""
    for i, word in enumerate(words):
        if word == "of" and not ORG_HEAD.search(" ".join(words[:i])):
            rest = words[i + 1 :]
            rest = rest[1:] if rest[:1] == ["the"] else rest
            if ORG_HEAD.search(" ".join(rest)):
                return _drop_title(rest)
    return words


def _country_mentions(span: Span) -> list[ActorMention]:
    found = []
    names = countries()
    for ent in span.ents:
        if ent.label_ == "GPE":
            text = ent.text.removeprefix("the ").strip()
            if text in names:
                actor = Actor(text, "country", names[text])
                found.append(ActorMention(actor, text, ent.start, ent.end))
            elif text in capitals() and _subject(ent.root):  # the name stands for another
                found.append(ActorMention(capitals()[text], text, ent.start, ent.end, True))
    return found


def _subject(token: Token) -> bool:
    """A clause's subject, or a conjunct of one ("Paris and Berlin condemned")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "nsubj"


def _to_tokens(
    span: Span, start: int, end: int, actor: Actor, *, holder: bool = False
) -> ActorMention | None:
    chars = span.char_span(start, end, alignment_mode="expand")
    if chars is None:
        return None
    return ActorMention(actor, chars.text, chars.start, chars.end, holder)
