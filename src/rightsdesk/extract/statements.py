"""Statements: public positions taken by governments, bodies and NGOs.

A statement is read where a position word (rules/statements.toml) has an actor
(rules/actors.toml, or an organisation-shaped name) as its subject or author:
"Human Rights Watch said today ... miscarriage of justice", "the EU issued a
statement", "a statement by X". Being cited as a source ("according to X",
"X reported that ...") uses no position word, and the government of the country
reported on is not recorded when it answers its critics. One record per actor
per document, with every name the document used for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from rightsdesk.extract.actors import (
    Actor,
    ActorMention,
    actor_for_host,
    country_forms,
    find_mentions,
    introduced_names,
)
from rightsdesk.extract.country import detect_country
from rightsdesk.extract.dates import find_dates, resolve_date
from rightsdesk.extract.learned.decisions import FactWeights
from rightsdesk.extract.lexicon import Rule, load_table
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.model import Statement

MODALS = frozenset({"should", "would", "could", "might", "may", "must", "shall", "can", "to"})
RELATIVE = frozenset({"who", "which", "that"})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
AUTHOR_NOUNS = frozenset({"group", "organisation", "organization", "signatory", "ngo"})
BYLINE_SENTENCES = 3  # organisation lines this close to the top head the text
RECENT_SENTENCES = 6  # how far back "the bloc", "it", "she" may point
# who speaks for herself though a body is named beside her
# ("we, the members of X" do speak for X)
INDIVIDUAL_ROLES = frozenset({"activist", "lawyer", "attorney", "legislator", "lawmaker",
                              "volunteer"})
# people a government's name makes its voice ("U.S. officials"), besides its offices
STATE_PEOPLE = frozenset({"official", "diplomat", "representative", "delegation", "delegate",
                          "authority", "leader"})
UNKNOWN_SUBJECT_ANCHORS = frozenset({"position", "call", "object", "feeling", "verb"})
# titles before a name that make its bearer speak for an office ("Ombudsman X")
OFFICE_TITLES = frozenset({"minister", "secretary", "president", "representative", "rapporteur",
                           "ombudsman", "ombudsperson", "commissioner", "mayor", "senator",
                           "spokesperson", "spokesman", "spokeswoman", "envoy", "ambassador",
                           "director", "chairman", "chairperson", "chairwoman", "governor"})
OFFICE_HOLDER_MAX_TOKENS = 10
SIGNATORY_MAX_TOKENS = 12  # a line listing one signatory is short
LIST_GLUE = frozenset({",", ";", "and", "&", "the"})  # between the bodies of one list
GOVERNMENT_SUFFIX = re.compile(r"\s+government$", re.I)
SAME_PERIOD = re.compile(r"\bthe same (day|week|month|year)\b", re.I)


@dataclass(frozen=True, slots=True)
class Triggers:
    """The statement rules as lookups: lemma -> rule, per kind of anchor."""

    verbs: dict[str, list[Rule]]
    adjectives: frozenset[str]
    documents: frozenset[str]
    joint: tuple[str, ...]
    position_words: re.Pattern[str]
    offices: frozenset[str]
    judgements: re.Pattern[str]  # words that judge or demand: a cited source taking a position
    from_documents: frozenset[str]  # "protests from X": X's position; "protests by X" need not


@cache
def triggers() -> Triggers:
    verbs: dict[str, list[Rule]] = {}
    by_how: dict[str, list[Rule]] = {}
    for rule in load_table("statements").rules:
        by_how.setdefault(rule.get("how"), []).append(rule)
        if rule.get("how") in {"position", "critic", "ruling", "call", "object", "speech"}:
            for term in rule.terms:
                verbs.setdefault(term, []).append(rule)
    words = [t for r in by_how["vocabulary"] for t in r.terms]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return Triggers(
        verbs,
        frozenset(t for r in by_how["adjective"] for t in r.terms),
        frozenset(t for r in by_how["document"] for t in r.terms),
        tuple(t for r in by_how["joint"] for t in r.terms),
        re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE),
        frozenset(t for r in by_how["office"] for t in r.terms),
        _alternation([t for r in by_how["judgement"] for t in r.terms]),
        frozenset(t for r in by_how["document-from"] for t in r.terms),
    )


def _alternation(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


@dataclass(slots=True)
class Reading:
    """What the document has said so far: recent mentions, people speaking for actors."""

    author: Actor | None
    accused: str | None
    recent: list[tuple[int, ActorMention]] = field(default_factory=list)
    spokespeople: dict[str, Actor] = field(default_factory=dict)
    records: dict[str, Statement] = field(default_factory=dict)
    last_actor: Actor | None = None
    last_speaker: Actor | None = None  # the actor whose spokesperson spoke last
    part_of: dict[str, str] = field(default_factory=dict)
    byline: list[ActorMention] = field(default_factory=list)  # organisations heading the text
    # what each actor's record rests on: (how the sentence anchors it, sentence index)
    support: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    last_date: str | None = None  # the date the text gave last: "the same month" is its
    categories: dict[str, str] = field(default_factory=dict)
    forms: dict[str, list[str]] = field(default_factory=dict)  # the names the text gave each actor
    surnames: frozenset[str] = frozenset()  # last words of the people the text names


def find_statements(
    sents: list[SentenceView],
    *,
    published: date | None,
    author: str | None,
    weights: FactWeights | None = None,
) -> list[Statement]:
    """Statements read from the document's sentences (reading order).

    `published` resolves relative dates (see `extract.dates.resolve_date`);
    `author` is the publishing organisation when known (from the URL host),
    so that "we call on ..." can be attributed. Each Statement carries the
    `evidence` of the SentenceView it was read from, and with `weights` a
    confidence from what its record rests on (`statement_features`).
    """
    text = " ".join(view.text for view in sents)
    introduced = introduced_names(text)
    mentions_of = [find_mentions(view.span, introduced) for view in sents]
    reading = Reading(actor_for_host(author), _accused_country(sents, mentions_of))
    reading.surnames = frozenset(e[-1].text for view in sents for e in view.span.ents
                                 if e.label_ == "PERSON" and len(e) > 1)
    for view in _signatories(sents):
        _record(reading, find_mentions(view.span), view, published, [], "signatory")
    reading.byline = [m for view in _byline(sents) for m in find_mentions(view.span)]
    for i, (view, mentions) in enumerate(zip(sents, mentions_of, strict=True)):
        for chosen, people, how in _claims(view, mentions, reading, sents[i + 1 : i + 2]):
            _record(reading, chosen, view, published, people, how)
        reading.recent.extend((view.index, m) for m in mentions)
        reading.last_date = _last_date(view, published, reading.last_date)
    _publisher(reading, sents, mentions_of, published)
    statements = _merge_offices(reading)
    if weights is not None:
        for statement in statements:
            statement.confidence = weights.weigh(
                "statement", statement_features(statement, reading), actor=statement.actor)
    for statement in statements:
        _name_as_written(statement, reading.forms.get(statement.actor, []), text,
                         reading.categories.get(statement.actor, ""))
    return statements


def _name_as_written(statement: Statement, forms: list[str], text: str, category: str) -> None:
    """The name the document gives the actor (`Statement.written`) where the text never
    writes the gazetteer's: the longest name the text gave ("Gulf Center for Human
    Rights", "the U.S. State Department", "UNPO"), unless that is only a part of the
    gazetteer's name ("PEN" for PEN International). A government goes by a name
    that says its country ("U.S." for "the U.S. government")."""
    if _written(statement.actor, text):
        return
    if category == "government":  # "Foreign Office" alone does not say whose
        forms = [GOVERNMENT_SUFFIX.sub("", f) for f in forms if _names_country(f)]
    written = [f for f in forms if _written(f, text)]
    if not written:
        return
    name = max(written, key=len)
    if category != "government" and _written(name, statement.actor):
        return
    statement.written = name


def _names_country(name: str) -> bool:
    """The name holds a country's name or abbreviation ("U.S. State Department")."""
    forms, words = country_forms(), name.split()
    return any(" ".join(words[i : i + n]) in forms
               for n in range(1, 4) for i in range(len(words) - n + 1))


def _written(name: str, text: str) -> bool:
    """The text has the name as words of its own (a page number glued before it aside)."""
    return re.search(rf"(?<![^\W\d]){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _publisher(reading: Reading, sents: list[SentenceView],
               mentions_of: list[list[ActorMention]], published: date | None) -> None:
    """A human-rights group's release that names the group is its position on the case,
    from its title on, whether or not a sentence has it speak ("the following quote can
    be attributed to ..."). A column or report on its site that never names it is not."""
    author = reading.author
    if author is None or author.category != "ngo":
        return
    if not any(m.actor.name == author.name for mentions in mentions_of for m in mentions):
        return
    _record(reading, [ActorMention(author, author.name, 0, 0)], sents[0], published, [],
            "publisher")


def statement_features(statement: Statement, reading: Reading) -> dict[str, float]:
    """What a statement record rests on: how its sentences anchor it, who the actor is."""
    support = reading.support.get(statement.actor, [])
    features = {f"via={how}": 1.0 for how, _ in support}
    first = min((index for _, index in support), default=0)
    features.update({
        f"category={reading.categories.get(statement.actor, 'none')}": 1.0,
        f"claims={min(len(support), 3)}": 1.0,
        f"first={'top' if first < 3 else 'body'}": 1.0,
        f"names={min(len(statement.names), 2)}": 1.0,
        f"dated={statement.date is not None}": 1.0,
        f"author={reading.author is not None and reading.author.name == statement.actor}": 1.0,
    })
    return features


def _accused_country(
    sents: list[SentenceView], mentions_of: list[list[ActorMention]]
) -> str | None:
    """The country reported on, counted without the governments speaking about it
    ("Germany said", "the French foreign ministry said")."""
    kept = []
    forms = country_forms()
    for view, mentions in zip(sents, mentions_of, strict=True):
        text = view.span.text
        cut = view.span.start_char
        doc = view.span.doc
        spans = [(m.start, m.end) for m in mentions
                 if m.actor.category in {"government", "country"} and _speaks(doc[m.end - 1])]
        taken = {i for start, end in spans for i in range(start, end)}
        spans += [(t.i, t.i + 1) for t in view.span
                  if t.text in forms and t.i not in taken and _holds_office(t) and _speaks(t)]
        for start, end in sorted(spans, reverse=True):
            begin, stop = doc[start].idx - cut, doc[end - 1].idx + len(doc[end - 1]) - cut
            text = text[:begin] + text[stop:]
        kept.append(text)
    return detect_country(" ".join(kept))


def _speaks(token: Token) -> bool:
    """The token is a subject, or coordinated with one ("the US and Germany said"),
    or holds the office that is ("the UK ambassador said")."""
    if _holds_office(token):
        token = token.head
        token = token.head if token.dep_ == "compound" else token  # "minister Annalena X"
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _merge_offices(reading: Reading) -> list[Statement]:
    """An office's record joins its body's when the body spoke too (one actor, one record)."""
    records = reading.records
    _merge_mandates(reading)
    for name, statement in list(records.items()):
        body = reading.part_of.get(name)
        if body and body in records:
            merged = records[body]
            for form in [name, *statement.names]:
                if form not in merged.names and form != body:
                    merged.names.append(form)
            del records[name]
    return list(records.values())


def _merge_mandates(reading: Reading) -> None:
    """"The Special Rapporteur urged" after "the UN Special Rapporteur on torture, X,
    said": the office without its mandate is the holder who spoke last before it,
    unless it has a spokesperson of its own (a rapporteur named without mandate)."""
    records = reading.records
    for name in list(records):
        first = min(index for _, index in reading.support[name])
        before = [(max(index for _, index in reading.support[other]), other)
                  for other in records if other.startswith(f"{name} on ")
                  and min(index for _, index in reading.support[other]) <= first]
        if not before:
            continue
        merged = records[max(before)[1]]
        if _own_people(records[name], merged, reading):
            continue
        merged.names += [form for form in records[name].names if form not in merged.names]
        del records[name]


def _own_people(statement: Statement, other: Statement, reading: Reading) -> bool:
    return any(form.split()[-1].lower() in reading.spokespeople and form not in other.names
               for form in statement.names if form.split())


def _record(
    reading: Reading,
    chosen: list[ActorMention],
    view: SentenceView,
    published: date | None,
    people: list[str],
    how: str,
) -> None:
    """Add the actors to the document's records (one per actor), with the forms seen."""
    for mention in chosen:
        actor = mention.actor
        if _is_accused(actor, reading.accused):
            continue
        reading.support.setdefault(actor.name, []).append((how, view.index))
        reading.categories[actor.name] = actor.category
        statement = reading.records.get(actor.name)
        if statement is None:
            statement = Statement(actor.name, view.evidence,
                                  date=_date_of(view, published, reading.last_date))
            reading.records[actor.name] = statement
            if actor.part_of:
                reading.part_of[actor.name] = actor.part_of
        for name in [mention.text, *people]:
            if name != actor.name and name not in statement.names:
                statement.names.append(name)
        if _is_name(mention, view) and mention.text not in reading.forms.setdefault(actor.name, []):
            reading.forms[actor.name].append(mention.text)
        for person in people:
            reading.spokespeople[person.split()[-1].lower()] = actor
            reading.last_speaker = actor
        if mention.holder:
            reading.last_speaker = actor
        reading.last_actor = actor


def _is_name(mention: ActorMention, view: SentenceView) -> bool:
    """The mention names the actor: not a person holding its office, nor a demonym
    ("the German minister")."""
    words = view.span.doc[mention.start : mention.end]
    return not mention.holder and not all(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in words)


def _is_accused(actor: Actor, accused: str | None) -> bool:
    """The government reported on, answering its critics, is not a statement."""
    return actor.category in {"government", "country"} and actor.country == accused


def _date_of(view: SentenceView, published: date | None, last: str | None) -> str | None:
    """The date the sentence gives, else publication day: the document's own news.
    "The same month" is the month of the date the text gave last (`last`)."""
    dates = [e for e in view.span.ents if e.label_ == "DATE"]
    for ent in dates:
        text = ent.text
        # "in April": the NER leaves out the preposition that makes a month a date
        said_in = ent.start > 0 and ent.doc[ent.start - 1].lower_ == "in"
        resolved = resolve_date(text, published=published) or (
            resolve_date(f"in {text}", published=published) if said_in else None)
        if resolved:
            return resolved
        same = SAME_PERIOD.search(text)
        if same and last:
            return last[: {"year": 4, "month": 7}.get(same.group(1).lower(), len(last))]
    return published.isoformat() if published and not dates else None


def _last_date(view: SentenceView, published: date | None, last: str | None) -> str | None:
    """The last date the text has given, after this sentence."""
    found = find_dates(view.text, published=published)
    return found[-1].value if found else last


# --- anchors -----------------------------------------------------------------


def _claims(
    view: SentenceView, mentions: list[ActorMention], reading: Reading, after: list[SentenceView]
) -> list[tuple[list[ActorMention], list[str], str]]:
    """(actors, spokespeople, how the anchor takes a position) for every statement
    anchor in the sentence."""
    found = []
    context = view.text + " " + " ".join(s.text for s in after if s.paragraph == view.paragraph)
    for token in view.span:
        regions = _anchor_regions(token, context)
        for region, subject in regions:
            if _how(token) == "ruling":  # "the court ruled" is most often the country's own
                chosen = [m for m in _actors_in(region, subject, mentions)
                          if m.actor.category == "igo"]
            else:
                chosen = (_actors_in(_on_behalf_of(token) or region, subject, mentions)
                          or _office_of_country(region) or _said_by(subject, mentions, reading)
                          or _referent(subject, reading)
                          or _unnamed_speaker(subject, token, reading))
            if _how(token) == "critic":  # prosecutors and ministries accuse too
                chosen = [m for m in chosen if m.actor.category in {"igo", "ngo"}]
            if chosen:
                people = _people_beside(subject, view.span) if len(chosen) == 1 else []
                found.append((chosen, people, _how(token)))
    return found


def _how(anchor: Token) -> str:
    """The kind of anchor: a verb's rule (position, call, object, speech), or the
    adjective or document noun it is."""
    if anchor.pos_ in {"VERB", "AUX"}:
        rules = triggers().verbs.get(anchor.lemma_.lower(), [])
        return rules[0].get("how") if rules else "verb"
    return "document" if anchor.pos_ == "NOUN" else "feeling"


def _anchor_regions(token: Token, context: str) -> list[tuple[list[Token], Token]]:
    """The subject (or author) regions of `token` when it anchors a statement."""
    trig = triggers()
    if token.pos_ in {"VERB", "AUX"} and _verb_anchors(token, context, trig):
        return _subject_regions(token)
    if {token.lemma_.lower(), token.lower_} & trig.adjectives and not _negated_or_modal(token):
        return _felt_by(token)
    if token.pos_ == "NOUN" and _document(token, trig) and not _cited(token):
        return _author_regions(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in trig.from_documents:
        return _from_regions(token)
    if token.lemma_.lower() == "accord" and trig.judgements.search(token.sent.text):
        return _cited_source(token)  # "according to X, the verdict is unjust"
    return []


def _document(noun: Token, trig: Triggers) -> bool:
    """A document noun, or a press release ("a CPJ press release")."""
    return noun.lemma_.lower() in trig.documents or (
        noun.lemma_.lower() == "release" and any(c.lower_ == "press" for c in noun.children))


def _cited_source(according: Token) -> list[tuple[list[Token], Token]]:
    """The source "according to" names ("representatives of X": X is in its subtree)."""
    return [_region_of(g) for to in according.children if to.lower_ == "to"
            for g in to.children if g.dep_ == "pobj"]


def _verb_anchors(verb: Token, context: str, trig: Triggers) -> bool:
    if _negated_or_modal(verb):
        return False
    for rule in trig.verbs.get(verb.lemma_.lower(), []):
        how = rule.get("how")
        if how in {"position", "critic", "ruling"}:
            return True
        if how == "call" and any(c.lemma_ in {"for", "on", "upon"} or _for_clause(c) or (
                c.dep_ in {"oprd", "xcomp"} and trig.position_words.search(_phrase(c)))
                for c in verb.children):
            return True  # "called for ...", "called on ...", "called the verdict outrageous"
        if how == "object" and _has_object(verb, rule.get("objects", [])):
            return True
        if how == "speech" and (trig.position_words.search(context) or _in_document(verb)
                                or _quotes(verb)):
            return True
    return False


def _for_clause(token: Token) -> bool:
    """"called for the charges to be dropped": the parse makes "for" the mark of a clause."""
    return token.dep_ in {"advcl", "xcomp", "ccomp"} and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


def _phrase(token: Token) -> str:
    """The words a token heads: "called the arrest [an escalation of the crackdown]"."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _quotes(verb: Token) -> bool:
    """"'This ruling is a victory for X,' said Y": words quoted on the record are a
    position, while reported speech ("Y said X was detained") may only cite news."""
    sent = verb.sent
    quoted = [t for t in sent if t.is_quote]
    if len(quoted) < 2 or quoted[0].i < verb.i < quoted[-1].i:
        return False
    opening = quoted[0]  # a whole quotation, not a phrase quoted inside reported speech
    return opening.i == sent.start or sent.doc[opening.i - 1].text == ":"


def _in_document(verb: Token) -> bool:
    """"X said in a statement that ...": speech put on record is a position."""
    return any(prep.lower_ == "in" and any(o.lemma_.lower() in triggers().documents
                                           for o in prep.children if o.dep_ == "pobj")
               for prep in verb.children if prep.dep_ == "prep")


def _negated_or_modal(verb: Token) -> bool:
    """"has not criticised", "should raise concern", "would present a report"."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lemma_.lower() in MODALS):
            return True
    return verb.dep_ == "conj" and verb.head is not verb and _negated_or_modal(verb.head)


def _has_object(verb: Token, objects: list[str]) -> bool:
    wanted = set(objects)
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr"} and child.lemma_.lower() in wanted:
            return True
        prt_object = child.dep_ == "prt" and any(  # "put out a statement"
            g.lemma_.lower() in wanted for g in child.children
        )
        if prt_object:
            return True
    return False


def _felt_by(word: Token) -> list[tuple[list[Token], Token]]:
    """"X is concerned", "X remains alarmed", "X is appalled by ...": X holds the view."""
    verb = word.head if word.dep_ in {"acomp", "amod", "oprd"} else word
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return [_region_of(child)]
    return []


def _subject_regions(verb: Token) -> list[tuple[list[Token], Token]]:
    """The subject's subtree; passives read the agent; conjuncts inherit the subject."""
    for child in verb.children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_ == "quote"):
            return [_region_of(child)]  # "X said", "X was quoted as saying"
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return [_region_of(objs[0])]
    if verb.dep_ == "conj" and verb.head is not verb:
        stranded = _stranded_subject(verb)
        if stranded is not None:
            return [stranded]
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
        return _subject_regions(verb.head)
    return []


def _stranded_subject(verb: Token) -> tuple[list[Token], Token] | None:
    """"HRW condemned the verdict as persecution and Amnesty International said ...":
    the parse often joins the second subject to the first clause's object ("persecution
    and Amnesty International"); a named body right before the verb is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is None or before.ent_type_ not in {"ORG", "GPE", "NORP"} or before.dep_ != "conj":
        return None
    entity = next((e for e in verb.sent.ents if e.end == verb.i), None)
    if entity is None:
        return None
    return list(entity), entity.root


def _region_of(subject: Token) -> tuple[list[Token], Token]:
    """A relative pronoun stands for the noun its clause hangs on."""
    if subject.lemma_.lower() in RELATIVE and subject.head.dep_ == "relcl":
        noun = subject.head.head
        clause = set(subject.head.subtree)
        return [t for t in noun.subtree if t not in clause], noun
    return list(subject.subtree), subject


def _cited(noun: Token) -> bool:
    """"According to a report by X": a source of news, not a position."""
    return any(a.lemma_.lower() == "accord" for a in noun.ancestors)


def _author_regions(noun: Token) -> list[tuple[list[Token], Token]]:
    """"X's statement", "a statement by/of/from X", "the statement released by X", "a
    European Parliament resolution", "drew criticism from X"."""
    regions = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            regions.append(_region_of(child))
        if child.dep_ == "prep" and child.lemma_.lower() in {"by", "of", "from"}:
            regions += [_region_of(g) for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "acl":
            regions += _subject_regions(child)
    return regions + _from_regions(noun, on_noun=False)


def _from_regions(noun: Token, *, on_noun: bool = True) -> list[tuple[list[Token], Token]]:
    """"protests from X", "drew criticism from X" (the parse hangs "from" on the verb)."""
    heads = ([noun] if on_noun else []) + ([noun.head] if noun.dep_ == "dobj" else [])
    return [_region_of(g) for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "from"
            for g in prep.children if g.dep_ == "pobj"]


# --- who spoke ------------------------------------------------------------------


def _actors_in(
    region: list[Token], subject: Token, mentions: list[ActorMention]
) -> list[ActorMention]:
    """The actors a subject names; a body outranks the country or person beside it."""
    indices = {t.i for t in region}
    inside = [m for m in mentions if m.start in indices]
    if not inside:
        return []
    inside = [m for m in inside if (m.actor.category != "country" or _coordinated(m, subject))
              and not _own_capacity(m, subject) and not _describes_others(m, subject)]
    if not inside:
        return []
    best = min(m.rank for m in inside)
    chosen = [m for m in inside if m.rank == best or _coordinated(m, subject)]
    found = _listed_before(chosen, mentions, subject.doc) + chosen
    return found + _unknown_listed(found, subject.doc)


def _own_capacity(mention: ActorMention, subject: Token) -> bool:
    """"X, an activist with the Committee for ..., said", "party legislator X said": a
    member speaks for herself, not for the body she belongs to."""
    token = subject.doc[mention.start : mention.end].root
    while token != subject and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in INDIVIDUAL_ROLES:
            return True
    return False


def _describes_others(mention: ActorMention, subject: Token) -> bool:
    """"The agency for U.S. international broadcasters": a government's name that only
    qualifies other people ("broadcasters", "senators"), and holds no office there."""
    if mention.actor.category not in {"government", "country"}:
        return False
    token = subject.doc[mention.start : mention.end].root
    head = token.head
    return (token != subject and token.dep_ in {"compound", "amod", "nmod"}
            and head.pos_ == "NOUN" and head.lemma_.lower() not in triggers().offices
            and head.lemma_.lower() not in STATE_PEOPLE)


def _listed_before(chosen: list[ActorMention], mentions: list[ActorMention], doc: Doc
                   ) -> list[ActorMention]:
    """"The Norwegian Helsinki Committee, Human Rights Watch, Freedom for Eurasia, and
    Freedom Now demanded ...": the parse keeps the last body of a long list as the
    subject; the bodies listed right before it, with only commas and "and" between,
    speak with it, an unknown body among them ("Freedom for Eurasia") too when its name
    has two words or more."""
    if not chosen:
        return []
    listed: list[ActorMention] = []
    first = min(chosen, key=lambda m: m.start)
    for before in sorted((m for m in mentions if m.end <= first.start), key=lambda m: -m.start):
        gap = doc[before.end : first.start]
        if not _list_gap(gap):
            break
        listed.insert(0, before)
        first = before
    return listed


def _list_gap(gap: Span) -> bool:
    return any(t.lower_ in LIST_GLUE for t in gap) and all(
        t.lower_ in LIST_GLUE or _name_word(t) for t in gap)


def _unknown_listed(found: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """The names of two words or more between the commas of a list of bodies."""
    ordered = sorted(found, key=lambda m: m.start)
    unknown = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        gap = doc[before.end : after.start]
        if _list_gap(gap) and gap[:1].text in {",", ";"}:  # "X, Y and Z", not a title's "and"
            unknown += _unknown_bodies(gap)
    return unknown


def _unknown_bodies(gap: Span) -> list[ActorMention]:
    found, run = [], []
    for token in [*gap, None]:
        if token is not None and token.lower_ not in LIST_GLUE:
            run.append(token)
            continue
        if len(run) >= 2 and run[0].is_title and run[-1].is_title:
            name = gap.doc[run[0].i : run[-1].i + 1]
            found.append(ActorMention(Actor(name.text, "org"), name.text, name.start, name.end))
        run = []
    return found


def _unnamed_speaker(subject: Token, anchor: Token, reading: Reading) -> list[ActorMention]:
    """The last resorts for a position word ("condemned", "is alarmed"), not a speech
    verb: an office holder, else a name the gazetteer lacks."""
    if _how(anchor) not in UNKNOWN_SUBJECT_ANCHORS:
        return []
    return _office_holder(subject) or _unknown_subject(subject, reading)


def _unknown_subject(subject: Token, reading: Reading) -> list[ActorMention]:
    """"Fundamedios expressed concern", "UNSMIL is alarmed": a name the gazetteer lacks,
    that the parser takes for an organisation, takes a position when it is the whole
    subject of a position word (a speech verb is not enough: "X said" is as often a
    source of news). "The military tribunal" is a state organ, not a name; a word the
    text also gives as a person's surname ("Radi" of "Omar Radi") is that person."""
    if subject.pos_ != "PROPN":
        return []
    entity = next((e for e in subject.sent.ents if e.start <= subject.i < e.end), None)
    if entity is None or entity.label_ != "ORG" or entity.root != subject:
        return []
    if {t.i for t in subject.subtree} != set(range(entity.start, entity.end)):
        return []
    if entity[0].pos_ == "DET" or entity.text in reading.surnames:
        return []
    return [ActorMention(Actor(entity.text, "org"), entity.text, entity.start, entity.end)]


def _office_holder(subject: Token) -> list[ActorMention]:
    """"Bayan Muna Representative Jo Cruz condemned", "Ombudsman Ivan Petrenko called the
    sentences revenge": where no body the text names speaks, the office holder does
    (the guidelines' actor where no organisation is named); the title and the name as
    written, so that either says who it is."""
    if subject.lemma_.lower() in OFFICE_TITLES:  # "the acting president, X, condemned"
        named = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        return _holder(subject, named[0]) if named else []
    if subject.ent_type_ != "PERSON":
        return []
    before = [t for t in subject.subtree if t.i < subject.i]
    titles = [t for t in before if t.lemma_.lower() in OFFICE_TITLES and t.dep_ == "compound"]
    if not titles:
        return []
    return _holder(subject, subject)


def _holder(subject: Token, last: Token) -> list[ActorMention]:
    """The title and name, from the subject's first word to `last`, articles aside."""
    start = min(t.i for t in subject.subtree if t.pos_ not in {"DET", "PUNCT"})
    name = subject.doc[start : last.i + 1]
    if len(name) > OFFICE_HOLDER_MAX_TOKENS:
        return []
    return [ActorMention(Actor(name.text, "org"), name.text, name.start, name.end)]


def _on_behalf_of(anchor: Token) -> list[Token]:
    """"X presented the resolution on behalf of the EU": the EU takes the position."""
    for prep in anchor.children:
        for behalf in (c for c in prep.children if prep.lower_ == "on" and c.lower_ == "behalf"):
            return [t for of in behalf.children if of.lower_ == "of" for t in of.subtree]
    return []


def _office_of_country(region: list[Token]) -> list[ActorMention]:
    """"Germany's foreign minister", "the French foreign ministry": a country's
    government speaking through an office it holds."""
    forms = country_forms()
    for token in region:
        if token.text in forms and _holds_office(token):
            return [ActorMention(forms[token.text], token.text, token.i, token.i + 1)]
    return []


def _holds_office(token: Token) -> bool:
    """"Germany's minister", "the UK ambassador", "the French ministry": the token
    names who holds the office its head is."""
    return token.dep_ in {"poss", "compound", "amod", "nmod"} and (
        token.head.lemma_.lower() in triggers().offices)


def _name_word(token: Token) -> bool:
    return token.is_title or token.lower_ in {"for", "of"}


def _coordinated(mention: ActorMention, subject: Token) -> bool:
    """"Catherine Ashton and the United States": each conjunct speaks for itself."""
    token = subject.doc[mention.start : mention.end].root  # "the Association of Journalists"
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token == subject


def _people_beside(subject: Token, sentence: Span) -> list[str]:
    """Persons who are the subject or stand in apposition to it: its spokespeople."""
    near = {subject.i, *(c.i for c in subject.children if c.dep_ in {"appos", "compound"})}
    if subject.dep_ == "appos":
        near.add(subject.head.i)
    return [e.text for e in sentence.ents if e.label_ == "PERSON" and e.root.i in near]


def _said_by(subject: Token, mentions: list[ActorMention], reading: Reading
             ) -> list[ActorMention]:
    """"The Foreign Office said it had raised the case", "the Swedish foreign minister
    said she had raised the case": a pronoun in what an actor (or a country's office)
    says is that actor; in a quote ("'We are shocked,' the experts said") it is whoever the
    speaker is, named or referred to."""
    clause = subject.head
    if subject.lower_ not in {"it", "they", "we", "i", "he", "she"} or clause.dep_ != "ccomp":
        return []
    for region, speaker in _subject_regions(clause.head):
        found = _actors_in(region, speaker, mentions) or _office_of_country(region)
        if found:
            return found
        if speaker.lower_ not in PRONOUNS and speaker.lower_ not in RELATIVE:
            return _referent(speaker, reading)
    return []


def _referent(subject: Token, reading: Reading) -> list[ActorMention]:
    """Who "it", "we", "the bloc", "the independent expert" or "Santos" refers to."""
    word = subject.lemma_.lower()
    actor: Actor | None = None
    if (word == "we" or word in AUTHOR_NOUNS and subject.tag_ == "NNS") and reading.byline:
        return reading.byline
    if word in {"we", "i"} and reading.author:
        actor = reading.author
    elif subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN":
        actor = reading.spokespeople.get(subject.text.lower())
    elif word in {"he", "she", "i"}:  # a person: the actor whose people spoke last
        actor = reading.last_speaker
    elif word in PRONOUNS:
        actor = reading.last_actor or _recent(reading, lambda a: a.category != "country")
    elif subject.pos_ == "NOUN" and _definite(subject):  # "the experts" before "the expert"
        actor = _by_generic(subject.lower_, reading) or _by_generic(word, reading)
    if actor is None:
        return []
    return [ActorMention(actor, actor.name, subject.i, subject.i + 1)]


def _definite(noun: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lemma_.lower() in {"the", "its", "this", "their"}
               for c in noun.children)


def _by_generic(word: str, reading: Reading) -> Actor | None:
    if word in triggers().documents:
        return reading.last_actor

    def fits(actor: Actor) -> bool:
        return word in actor.generic or word in actor.name.lower().split()

    return _recent(reading, fits)


def _recent(reading: Reading, fits) -> Actor | None:
    horizon = (reading.recent[-1][0] - RECENT_SENTENCES) if reading.recent else 0
    for index, mention in reversed(reading.recent):
        if index < horizon:
            break
        if fits(mention.actor):
            return mention.actor
    return None


# --- joint statements -------------------------------------------------------------


def _byline(sents: list[SentenceView]) -> list[SentenceView]:
    """Lines at the top of a release that only name an organisation: its authors."""
    return [view for view in sents[:BYLINE_SENTENCES] if _names_one_organisation(view)]


def _names_one_organisation(view: SentenceView) -> bool:
    if len(view.span) > SIGNATORY_MAX_TOKENS or any(t.pos_ == "VERB" for t in view.span):
        return False
    mentions = find_mentions(view.span)
    return len(mentions) == 1 and mentions[0].actor.category in {"igo", "ngo", "org"}


def _signatories(sents: list[SentenceView]) -> list[SentenceView]:
    """Lines naming one organisation each, right under a "Joint statement" title."""
    joint = triggers().joint
    opening = sents[:3]
    if not any(term in s.text.lower() for s in opening for term in joint):
        return []
    lines = []
    for view in sents[1:]:
        if _names_one_organisation(view):
            lines.append(view)
        elif lines and len(view.span) > SIGNATORY_MAX_TOKENS:
            break
    return lines

