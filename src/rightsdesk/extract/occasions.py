"""Occasions: dated engagements an advocate can use (visits, hearings, reviews...).

An occasion is anchored on a word from rules/occasions.toml ("visit", "hearing",
"go to court", "review", "summit", "election") in a sentence that dates it or
speaks of it as ahead. Dates resolve against publication with
`extract.dates.resolve_date`; an occasion spoken of as ahead takes the next
matching date rather than the last one ("on 9 August" in June is this August).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span, Token

from rightsdesk.extract.dates import COUNTS, resolve_date
from rightsdesk.extract.learned.decisions import FactWeights
from rightsdesk.extract.lexicon import Rule, load_table
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.victims import person_nouns
from rightsdesk.model import Occasion, Person

DESCRIPTION_MAX_TOKENS = 14  # a short phrase, not the sentence
DANGLING = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "PUNCT"})
# "19 to 27 January 2015" starts on the 19th: keep the first day of a range.
DAY_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|–|to|until)\s*\d{1,2}(\s+[A-Z][a-z]+)")
YEAR_AHEAD = re.compile(r"\b(?:in a year's time|in a year|next year|within a year)\b", re.I)
MONTH_AHEAD = re.compile(r"\bnext month\b", re.I)
# "four months ahead of a general election", "expected to rule in about ten days":
# counted on from publication, to the month
_COUNT = rf"(?P<count>\d{{1,2}}|{'|'.join(COUNTS)})\s+(?P<unit>day|week|month)s?"
COUNTED_AHEAD = re.compile(rf"\b{_COUNT}\s+ahead of\b", re.I)
COUNTED_IN = re.compile(rf"\b(?:in|within)\s+(?:about\s+|some\s+|around\s+)?{_COUNT}\b", re.I)
UNIT_DAYS = {"day": 1, "week": 7}
PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|their)\b", re.I)
PLURAL_OK = frozenset({"talks", "polls", "elections"})
PARTY_LABELS = frozenset({"ORG", "GPE", "NORP"})  # who holds a meeting: bodies and states
NOT_PARTY = frozenset({"PERSON", "DATE", "TIME"})
PAST_DAYS = 1  # a hearing "scheduled for 16 January", told on 22 January, is held already
BACKDATE_DAYS = 14  # "ahead" dates resolved further back than this are next year's
# "considered the periodic report on 31 October and adopted concluding observations on
# 12 November": one review told in steps; the first told is the review itself
ONE_PER_SENTENCE = frozenset({"review"})
# dependents that start a clause of their own ("and would not charge them")
OTHER_CLAUSE = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "acl"})
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)\b")  # "its 2039th meeting" is no year
# verbs whose date is the day something was said, not the occasion's
SAYING = frozenset({"say", "tell", "announce", "state", "declare", "report", "add", "note",
                    "warn", "write"})
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
MONTH_NAMES = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
NEWS_DAY = re.compile(rf"{WEEKDAY.pattern}|\b(?:today|yesterday)\b", re.I)


@dataclass(frozen=True, slots=True)
class OccasionRules:
    anchors: dict[tuple[str, str], Rule]  # (lemma, pos) -> rule
    phrases: tuple[tuple[str, Rule], ...]
    ahead: frozenset[str]


@cache
def occasion_rules() -> OccasionRules:
    anchors: dict[tuple[str, str], Rule] = {}
    phrases: list[tuple[str, Rule]] = []
    ahead: frozenset[str] = frozenset()
    for rule in load_table("occasions").rules:
        if rule.get("type") == "ahead":
            ahead = frozenset(rule.terms)
            continue
        for term in rule.terms:
            for pos in rule.get("pos", ["NOUN"]):
                anchors[(term.lower(), pos)] = rule
        phrases += [(p, rule) for p in rule.get("phrases", [])]
    return OccasionRules(anchors, tuple(phrases), ahead)


def find_occasions(
    sents: list[SentenceView],
    *,
    published: date | None,
    persons: list[Person],
    weights: FactWeights | None = None,
) -> list[Occasion]:
    """Occasions read from the document's sentences (reading order).

    `persons` are the victims already found (their `key`, `name`, `aliases`),
    so a hearing can be tied to them via `Occasion.persons` (Person.keys);
    `weights` give each occasion its confidence (`occasion_features`).
    """
    found: dict[tuple[str, str], Occasion] = {}
    features: dict[int, dict[str, float]] = {}
    for i, view in enumerate(sents):
        before = [s.text for s in sents[max(0, i - 2) : i] if s.paragraph == view.paragraph]
        after = [s.text for s in sents[i + 1 : i + 2] if s.paragraph == view.paragraph]
        for rule, anchor in _anchors(view.span):
            occasion = _occasion(view, rule, anchor, published, persons)
            if occasion and not occasion.persons and PRONOUN.search(view.text):
                occasion.persons = _about(" ".join(before), persons)
            if occasion and not occasion.persons and _described(anchor):
                occasion.persons = _about(" ".join(after), persons)
            if occasion and (occasion.type, occasion.description) not in found:
                found[(occasion.type, occasion.description)] = occasion
                features[id(occasion)] = occasion_features(occasion, rule, anchor, view)
    kept = _without_repeats(list(found.values()))
    if weights is not None:
        for occasion in kept:
            occasion.confidence = weights.weigh("occasion", features[id(occasion)],
                                                type=occasion.type, date=occasion.date)
    return kept


def occasion_features(
    occasion: Occasion, rule: Rule, anchor: Span, view: SentenceView
) -> dict[str, float]:
    """What an occasion rests on: its anchor word, whether it is dated or ahead."""
    precision = {4: "year", 7: "month", 10: "day"}.get(len(occasion.date or ""), "none")
    return {
        f"rule={rule.id}": 1.0,
        f"anchor={anchor.root.lemma_.lower()}": 1.0,
        f"date={precision}": 1.0,
        f"ahead={_ahead(anchor)}": 1.0,
        f"persons={bool(occasion.persons)}": 1.0,
        f"verb={anchor.root.pos_ == 'VERB'}": 1.0,
        f"top={view.index < 3}": 1.0,
    }


def _described(anchor: Span) -> bool:
    """"a hearing on the conviction of a prominent opposition leader": the person is
    described, not named; news names them in the next sentence."""
    words = person_nouns()
    return any(t.lemma_.lower() in words for t in anchor.root.subtree)


def _without_repeats(occasions: list[Occasion]) -> list[Occasion]:
    """"The visit", "my visit" after a dated visit are the same visit again; so is a
    second undated one of a kind in the same sentence, and "the 2024 election" after
    "the September 7 election" (the finer date is kept); a session or meeting told with a
    review is the review's."""
    dated = {o.type for o in occasions if o.date}
    reviews = {o.evidence.sentence for o in occasions if o.type == "review"}
    kept = [o for o in occasions if o.date or o.type not in dated or _looks_ahead(o.description)]
    # "will be reviewed by the Working Group at its session / in a meeting webcast live"
    kept = [o for o in kept if not (o.type == "summit" and o.evidence.sentence in reviews)]
    told: set[tuple[str, str]] = set()  # "would bring the verdict before the appeal court"
    unique: list[Occasion] = []
    for occasion in kept:
        said = (occasion.type, occasion.evidence.sentence)
        if (occasion.date is None or occasion.type in ONE_PER_SENTENCE) and said in told:
            continue
        told.add(said)
        same = next((o for o in unique if _same_occasion(o, occasion)), None)
        if same is None:
            unique.append(occasion)
            continue
        if len(occasion.date or "") > len(same.date or ""):
            same.date, same.description, same.evidence = (
                occasion.date, occasion.description, occasion.evidence)
        same.persons += [key for key in occasion.persons if key not in same.persons]
    return unique


def _same_occasion(one: Occasion, other: Occasion) -> bool:
    """Of one kind, dated alike (one date may be coarser), about no different people."""
    if one.type != other.type or not one.date or not other.date:
        return False
    coarse, fine = sorted((one.date, other.date), key=len)
    if not fine.startswith(coarse):
        return False
    return not (one.persons and other.persons and not set(one.persons) & set(other.persons))


def _looks_ahead(text: str) -> bool:
    words = occasion_rules().ahead
    return any(w in words for w in text.lower().split())


def _anchors(sentence: Span) -> list[tuple[Rule, Span]]:
    rules = occasion_rules()
    found: list[tuple[Rule, Span]] = []
    lowered = sentence.text.lower()
    for phrase, rule in rules.phrases:
        at = lowered.find(phrase)
        if at >= 0:
            span = sentence.char_span(at, at + len(phrase), alignment_mode="expand")
            if span is not None:
                found.append((rule, span))
    for token in sentence:
        rule = rules.anchors.get((token.lemma_.lower(), token.pos_)) or rules.anchors.get(
            (token.lower_, token.pos_)
        )
        if rule and _specific(token) and not _inside(token, found) and not _kept_from(token, rule):
            found.append((rule, sentence.doc[token.i : token.i + 1]))
    found.sort(key=lambda pair: pair[1].start)
    return [(rule, span) for rule, span in found if not _part_of_court_date(span, found)]


def _part_of_court_date(span: Span, found: list[tuple[Rule, Span]]) -> bool:
    """"a hearing concerning the conviction ... in a flawed trial": a court word inside
    another's phrase describes that one; it is no date of its own."""
    court = {"hearing", "trial"}
    return any(
        other is not span and rule.get("type") in court and span.root in other.root.subtree
        and span.root != other.root
        for rule, other in found
    ) and any(rule.get("type") in court for rule, other in found if other is span)


def _kept_from(token: Token, rule: Rule) -> bool:
    """"a press conference", "a family visit", "visited X in prison": a word beside the
    anchor (its rule's `not_with`) makes it no occasion; a visit to a person neither."""
    words = set(rule.get("not_with", []))
    beside = {form for c in token.children for form in (c.lemma_.lower(), c.lower_)}
    if _wished_for(token, rule) or _without_its_words(token, rule):
        return True
    if (token.lemma_.lower() in rule.get("needs_party", []) and not _held_by_a_party(token, rule)
            and not _ahead(token.doc[token.i : token.i + 1])):
        return True
    if token.pos_ == "VERB":
        beside |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep"
                   for g in c.children}
        if rule.get("type") == "visit" and any(
                c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PRON")
                for c in token.children):
            return True
    return bool(beside & words)


def _without_its_words(token: Token, rule: Rule) -> bool:
    """"The court postponed the verdict until 28 July", "will present a report": a verb
    rule with `with_words` needs one as its subject or object, one with `date_prep` the
    date phrase it puts things off to."""
    words = set(rule.get("with_words", []))
    if words and not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in words
                         for c in token.children):
        return True
    return bool(rule.get("date_prep")) and _put_off_to(token, rule) is None


def _put_off_to(verb: Token, rule: Rule) -> Span | None:
    """The date right after an "until" / "to" in the verb's phrase (the parser may hang
    "until 2 July" anywhere in it)."""
    preps = set(rule.get("date_prep", []))
    dates = [e for e in verb.sent.ents if e.label_ == "DATE"]
    for word in verb.subtree:
        if word.lower_ in preps:
            after = next((e for e in dates if e.start == word.i + 1), None)
            if after is not None:
                return after
    return None


def _ending(token: Token, rule: Rule) -> bool:
    """"Speaking at the end of a visit to Tanzania", "concluding her visit": a visit that
    ends as the news is told, so it is dated by publication (`ending_words`)."""
    return _governed_by(token, rule.get("ending_words", []))


def _wished_for(token: Token, rule: Rule) -> bool:
    """"a rally demanding a referendum", "calls for fresh elections": an aim, not a date
    set; the verb the anchor hangs from (past a preposition) is in the rule's `not_under`."""
    return _governed_by(token, rule.get("not_under", []))


def _governed_by(token: Token, words: list[str]) -> bool:
    """The word the anchor hangs from, past a preposition, is one of `words`."""
    head = token.head.head if token.head.dep_ == "prep" else token.head
    return head is not token and head.lemma_.lower() in words


def _held_by_a_party(noun: Token, rule: Rule) -> bool:
    """"a meeting of the Human Rights Council", "the OSCE conference", "a ministerial
    meeting": a body or states hold it (a person named beside it is no party)."""
    beside = [c for c in noun.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
    beside += [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for o in prep.children if o.dep_ == "pobj"]
    words = set(rule.get("party_words", []))
    return any(
        _party_word(w) or w.lower_ in words
        or any(_party_word(c) for c in w.children if c.dep_ in {"compound", "amod"})
        for w in beside)


def _party_word(word: Token) -> bool:
    """A body's or state's name; no person, day ("Thursday night's meeting") or number."""
    return ((word.pos_ == "PROPN" or word.ent_type_ in PARTY_LABELS)
            and word.ent_type_ not in NOT_PARTY
            and not word.like_num and not ORDINAL.match(word.text))


def _specific(token: Token) -> bool:
    """A particular occasion, not the general idea ("elections are never free", "avoid trial")."""
    if token.pos_ == "VERB":
        return not any(c.dep_ == "neg" for c in token.children)
    if token.lower_ in PLURAL_OK:
        return True
    if token.tag_ == "NNS":
        return False
    return any(c.dep_ in {"det", "poss", "compound", "amod", "nummod"} for c in token.children)


def _inside(token: Token, found: list[tuple[Rule, Span]]) -> bool:
    return any(span.start <= token.i < span.end for _, span in found)


def _occasion(
    view: SentenceView, rule: Rule, anchor: Span, published: date | None, persons: list[Person]
) -> Occasion | None:
    ahead = _ahead(anchor)
    put_off_to = _put_off_to(anchor.root, rule) if rule.get("date_prep") else None
    when = (_resolve_ahead(put_off_to.text, published) if put_off_to is not None
            else _date_of(anchor, published, ahead=ahead))
    if rule.get("needs_ahead") and (not (ahead or _after(when, published))
                                    or _days_past(when, published) > PAST_DAYS):
        return None
    if when is None and published is not None and _ending(anchor.root, rule):
        when = published.isoformat()
    if when is None and not ahead or _history(when, rule, published):
        return None
    return Occasion(
        type=rule.get("type"),
        evidence=view.evidence,
        description=_description(anchor),
        date=when,
        persons=_about(view.text, persons),
    )


def _ahead(anchor: Span) -> bool:
    """The anchor's own clause speaks of something to come ("will", "soon", "due to be
    heard"); a "would" or "soon" in another clause of the sentence is about something else."""
    words = occasion_rules().ahead
    if YEAR_AHEAD.search(anchor.sent.text):
        return True
    return any(t.lower_ in words and not _due_process(t) for t in _clause_of(anchor.root))


def _clause_of(root: Token) -> set[Token]:
    """The anchor's phrase, the words it hangs from and their modifiers, not other clauses."""
    chain = [root, *root.ancestors]
    words = {*root.subtree, *chain}
    words |= {c for t in chain for c in t.children if c.dep_ not in OTHER_CLAUSE}
    return words


def _due_process(token: Token) -> bool:
    """"due" looks ahead only as "due to <verb>" / "due on|in|for" ("due process" does not);
    "set" only as "set for|to" ("set up a commission" does not)."""
    if token.lower_ not in {"due", "set"} or token.i + 1 >= len(token.doc):
        return token.lower_ == "set"
    after = token.nbor(1)
    if token.lower_ == "set":
        return after.lower_ not in {"for", "to"}
    if after.lower_ == "to":
        return token.i + 2 >= len(token.doc) or token.nbor(2).pos_ not in {"VERB", "AUX"}
    return after.lower_ not in {"on", "in", "for", "by"}


def _after(when: str | None, published: date | None) -> bool:
    """Later than publication; a month that includes it counts ("this weekend"), a year
    does not ("a trial condemned in 2023"), nor a day within a publication known only by
    its year or month."""
    if when is None or published is None:
        return False
    known = published.isoformat()
    shared = min(len(when), len(known))
    return when[:shared] > known[:shared] or (
        when[:shared] == known[:shared] and len(when) == len("2000-01") < len(known))


def _days_past(when: str | None, published: date | None) -> int:
    """How many days before publication a day-precise date lies (0 when not known)."""
    if when is None or len(when) < len("2000-01-01") or published is None:
        return 0
    if len(published.isoformat()) < len("2000-01-01"):
        return 0
    return (date(published.year, published.month, published.day) - date.fromisoformat(when)).days


def _history(when: str | None, rule: Rule, published: date | None) -> bool:
    """"Defeated him in the 1990 election", "her visit last July": past the rule's
    `history_months` before publication, an occasion is background, no moment to use."""
    months = rule.get("history_months")
    if not months or when is None or published is None:
        return False
    year, month = int(when[:4]), int(when[5:7]) if len(when) >= 7 else 12
    return (published.year - year) * 12 + published.month - month > months


def _date_of(anchor: Span, published: date | None, *, ahead: bool) -> str | None:
    """The date nearest the anchor; ahead of publication when the sentence looks ahead."""
    sentence = anchor.sent
    text = DAY_RANGE.sub(r"\1\2", sentence.text)
    if published and YEAR_AHEAD.search(text):
        return f"{published.year + 1:04d}-{published.month:02d}"
    if published and MONTH_AHEAD.search(text):
        month = published.month % 12 + 1
        return f"{published.year + (published.month == 12):04d}-{month:02d}"
    counted = COUNTED_AHEAD.search(text) or (COUNTED_IN.search(text) if ahead else None)
    if published and counted:
        return _counted_on(published, counted)
    for ent in _dates_nearest_first(anchor):
        chunk = DAY_RANGE.sub(r"\1\2", _with_day(ent).text)
        if ahead and published and _bare_weekday(chunk) and len(published.isoformat()) < 10:
            return published.isoformat()  # "due on Friday" in a paper dated "2005-06": that month
        when = _resolve_ahead(chunk, published) if ahead else _resolve(chunk, published)
        if when:
            return when
    return None


def _bare_weekday(chunk: str) -> bool:
    """"Friday", "on Monday": a weekday without a day number or month."""
    return bool(WEEKDAY.search(chunk)) and not re.search(r"\d|" + MONTH_NAMES, chunk, re.I)


def _counted_on(published: date, counted: re.Match[str]) -> str:
    """Publication plus "four months" / "ten days", to the month."""
    count = counted["count"].lower()
    number = int(count) if count.isdigit() else COUNTS[count]
    unit = counted["unit"].lower()
    if unit == "month":
        months = published.year * 12 + published.month - 1 + number
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    day = date(published.year, published.month, published.day)
    return (day + timedelta(days=number * UNIT_DAYS[unit])).isoformat()[:7]


def _resolve(chunk: str, published: date | None) -> str | None:
    # "set for March": the NER leaves the preposition that makes a month a date out
    return resolve_date(chunk, published=published) or resolve_date(
        f"in {chunk}", published=published)


def _resolve_ahead(chunk: str, published: date | None) -> str | None:
    when = _resolve(chunk, published)
    return _forward(when, chunk, published) if when else None


def _with_day(ent: Span) -> Span:
    """"on 26 September 2006" where the NER took "26" for a number: the day joins."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.is_digit and 1 <= int(before.text) <= 31:
        return ent.doc[ent.start - 1 : ent.end]
    return ent


def _dates_nearest_first(anchor: Span) -> list[Span]:
    """DATE entities in the anchor's phrase, then its clause, then the sentence; "The EU
    on Monday said the elections were flawed": the day of a saying is the statement's."""
    root = anchor.root
    phrase = {t.i for t in root.subtree}
    dates = [e for e in anchor.sent.ents if e.label_ == "DATE" and not ORDINAL.match(e.text)
             and (e.root.i in phrase or not _said_on(e))]
    clause = {t.i for t in root.head.subtree}

    def distance(ent: Span) -> int:
        return 0 if ent.root.i in phrase else 1 if ent.root.i in clause else 2

    return sorted(dates, key=lambda e: (distance(e), abs(e.start - root.i)))


def _said_on(date: Span) -> bool:
    """A news day ("on Monday", "today") whose nearest verb is one of saying ("said on
    Monday", "the EU on Monday said"); a month or year there may be the occasion's
    (the parser hangs "elections due in March" on a "told" too)."""
    if not NEWS_DAY.search(date.text):
        return False
    verb = next((t for t in date.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_.lower() in SAYING


def _forward(when: str, text: str, published: date | None) -> str:
    """"On 9 August" said in June of an election ahead is this August, not last."""
    if published is None or re.search(r"\b(?:19|20)\d\d\b", text):
        return when
    if published.isoformat().startswith(when):
        return when  # "this weekend", "this month": the period publication falls in
    first = date.fromisoformat((when + "-01-01")[:10])
    if len(when) == 10 and first < published and WEEKDAY.search(text):
        return (first + timedelta(days=7)).isoformat()  # "due to resume on Monday": the next
    if (published - first).days > BACKDATE_DAYS:
        return f"{int(when[:4]) + 1:04d}{when[4:]}"
    return when


def _description(anchor: Span) -> str:
    """The anchor's noun phrase ("Cameron's two-day visit to Uzbekistan this weekend")."""
    root = anchor.root
    if root.pos_ == "VERB" or len(anchor) > 1:
        tokens = [t for t in root.subtree] if root.pos_ != "VERB" else _clause(root)
    else:
        tokens = list(root.subtree)
    tokens = tokens[:DESCRIPTION_MAX_TOKENS]
    while len(tokens) > 1 and tokens[-1].pos_ in DANGLING:
        tokens = tokens[:-1]  # "... opposition leader in a": cut where a phrase ends
    return anchor.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,.;:") if tokens else anchor.text


def _clause(verb: Token) -> list[Token]:
    """Subject, verb and the words up to the first date or clause end."""
    subject = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
    tail = [t for t in verb.subtree if t.i >= verb.i and not t.is_punct]
    return sorted({*subject, *tail[:8]}, key=lambda t: t.i)


def _about(sentence: str, persons: list[Person]) -> list[str]:
    """The persons the sentence names (by any of their names or their surname)."""
    keys = []
    for person in persons:
        forms = {person.name, *person.aliases, person.name.split()[-1]}
        if any(re.search(rf"\b{re.escape(f)}\b", sentence) for f in forms if len(f) > 2):
            keys.append(person.key)
    return keys
