"""Event attributes read from the trigger's clause: date, place, charges, prison term.

An attribute belongs to an event when the parse hangs it on the same clause
as the trigger ("was arrested in Aktau in January"): a date elsewhere in the
sentence usually dates something else ("arrested after the January polls").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span, Token

from rightsdesk.extract.country import country_only, country_pattern, form_key
from rightsdesk.extract.dates import DateMention, find_dates
from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.extract.terms import count_of, find_series, find_terms, is_suspended
from rightsdesk.extract.triggers import Hit, clause_verb, trigger_types
from rightsdesk.extract.victims import normal, person_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
     "southeastern", "southwestern"}
)
CHARGE_NOUNS = frozenset({"charge", "count", "suspicion", "accusation", "allegation", "article",
                          "crime", "offence", "offense"})
TERM_UNITS = frozenset({"year", "month", "week", "day", "term", "sentence", "lash"})
VERDICT_VERBS = frozenset({"find", "convict"})  # "after finding them guilty of X"
DATE_FIELD = re.compile(r"\s*date\s+")
LATER_UNITS = {"day": 1, "week": 7}  # "two days later", "a week later"; months have no day
# A day that marks an event's anniversary, not the day of the event.
ANNIVERSARY = re.compile(r"\banniversary\b|\bmarks?\s+(?:a|one|two|three|four|five|\d+)\s+years?\b",
                         re.IGNORECASE)
WRITINGS = frozenset({"letter", "statement", "report", "interview", "post", "column", "article",
                      "tweet", "speech", "release", "op-ed", "blog", "editorial", "broadcast"})
LISTING = frozenset({"conj", "appos"})  # how the parse links names listed together
# "10.5 years – A": a term before a dash heads the name after it.
TERM_DASH = re.compile(r"(?:\s+in\s+(?:prison|jail))?\s*[–—-]\s*")
# Words that say what kind of court it is; the seat is named before them
# ("Baku Grave Crimes Court", "Urumqi Intermediate People's Court").
COURT_KINDS = frozenset(
    {"supreme", "city", "district", "regional", "appeals", "appeal", "military",
     "criminal", "civil", "constitutional", "high", "municipal", "specialised", "specialized",
     "interdistrict", "grave", "serious", "crimes", "intermediate", "people", "provincial",
     "county", "state", "security", "emergency", "revolutionary", "islamic", "federal", "national",
     "central", "administrative", "economic", "juvenile", "anti", "terrorism", "court",
     "publications", "press", "media", "commercial", "labour", "labor", "magistrates",
     "magistrate", "summary", "instance", "first", "primary", "penal", "family", "sharia",
     "tribunal"}
)
SETTLEMENTS = frozenset({"city", "town", "village", "settlement", "region", "province", "district"})
COURTS = frozenset({"court", "tribunal"})
# "the Provincial Court of Luanda": a court of a territory, whose "of" names it.
LOCAL_COURTS = SETTLEMENTS | {"provincial", "regional", "municipal", "county", "oblast"}
COURT_PREPS = frozenset({"in", "before", "at"})  # "tried before the X court"
# Forces and offices named after the town they serve ("Minsk police").
LOCAL_FORCES = frozenset({"police", "policeman", "officer", "prosecutor", "prosecutors",
                          "authority", "authorities", "militia", "investigator"})
# "detained after / when / as the plane landed in X": the clause that times the event.
OCCASION_MARKS = frozenset({"after", "when", "as", "once", "upon"})
CODE_NAME = re.compile(  # "the Criminal Code": where charges are written, not a charge
    r"(?:the\s+)?(?:\w+\s+)?(?:criminal|penal|administrative)(?:\s+\w+)?\s+code"
    r"(?:\s+of\s+.*)?", re.I)
CASE_NUMBER = re.compile(r"(?:\bNos?|\bnumber|#|№)\.?\s*(?:\d+(?:[/-]\d+)?\s+of\s+)?$", re.I)
UNTIL = re.compile(
    r"\b(?:until|till|pending|(?:adjourned|postponed|deferred|put\s+off)\s+(?:to|for))\s*$", re.I)
REPORTING_VERBS = frozenset(
    {"say", "tell", "state", "report", "announce", "add", "note", "write", "claim", "declare"})
REVIEW_VERBS = frozenset(
    {"uphold", "confirm", "overturn", "quash", "reduce", "commute", "annul", "cancel", "review",
     "appeal", "challenge", "leave", "extend", "replace"})
QUOTES = "\"“”‘’«»"
DOUBLE_QUOTES = "\"“”«»"
APPOSITION = re.compile(r"(?:a|an)\s", re.I)
OF_CHARGE_HOLDERS = frozenset(
    {"convict", "guilty", "accuse", "suspect", "charge", "count", "suspicion", "accusation",
     "allegation", "indict", "acquit", "conviction", "article", "crime", "offence", "offense"}
)
# verbs whose "with" names a means or a threat, not a charge
WITH_NO_CHARGE = frozenset(
    {"threaten", "beat", "torture", "hit", "strike", "attack", "shoot", "assault", "kill",
     "treat", "meet", "detain", "arrest", "hold", "release", "free"})
# acts and nouns whose "in" names what was joined: "participating in X"
TAKING_PART = frozenset({"participate", "involvement", "participation", "membership", "engage",
                         "part", "involve"})  # "taking part in X"
INDEFINITES = frozenset({"something", "anything", "nothing", "everything", "what", "whatever"})
CHARGE_BREAK_WORDS = frozenset(
    {"which", "who", "after", "before", "because", "while", "when", "although", "though",
     "but", "since", "during", "until", "following", "amid", "despite", "as", "where"}
)


@dataclass(slots=True)
class Attributes:
    date: str | None = None
    place: str | None = None
    charges: list[str] = field(default_factory=list)
    months: float | None = None
    suspended: bool = False
    foreign_day: bool = False  # the day the clause tells is another event's (an appeal's)


@cache
def charge_heads() -> frozenset[str]:
    rules = {rule.id: rule for rule in load_table("charges").rules}
    return frozenset(rules["charge-heads"].terms)


def read_attributes(
    hit: Hit, victim: Span, view: SentenceView, *, published: date | None
) -> Attributes:
    """The attributes of one hit on one victim.

    A noun's own relative clause dates it ("the trial, which opened on 4 August,
    ..."). When a sentence is upheld or reduced, the clause's day and court are
    the appeal's, not the sentence's.
    """
    clause = _clause_family(clause_verb(hit.anchor))
    if hit.anchor.pos_ == "NOUN":
        clause |= {c for c in hit.anchor.children if c.dep_ in {"relcl", "acl"}}
    reviewed = _under_review(hit)
    arrest = hit.rule.event == "arrest"
    borrowed = dated_by_another_event(hit)
    day = None if reviewed or borrowed else _date(
        view, clause, clause_verb(hit.anchor), published, arrest=arrest)
    if day is None and published and hit.rule.event == "trial" and _on_trial_now(hit.anchor):
        day = published.isoformat()
    if day is None and arrest:
        day = _day_of_what_followed(hit.anchor, view, published)
    gap = _days_apart(hit, clause)
    if day and gap:  # "remanded on 18 August, two days after their detention": the 16th
        day = _days_after(day, gap)
    return Attributes(
        foreign_day=reviewed or borrowed,
        date=day,
        place=None if reviewed else _place(
            view.span, clause, _target_tokens(hit) | {t.i for t in victim}),
        charges=_charges(hit.anchor, clause),
        months=_months(view, victim, hit),
        suspended=any(is_suspended(_subtree_text(verb)) for verb in clause),
    )


def _day_of_what_followed(anchor: Token, view: SentenceView, published: date | None
                          ) -> str | None:
    """"beaten on Sunday after being arrested", "died on 19 July after being detained":
    an arrest told as what led to a beating or a death in custody happened that day."""
    if anchor.dep_ != "pcomp" or anchor.head.lower_ not in {"after", "upon"}:
        return None
    main = anchor.head.head
    if not {"killing", "ill_treatment"} & set(trigger_types(main)):
        return None
    day = _date(view, _clause_family(main), main, published, arrest=False)
    return day if day and len(day) == 10 else None


def _on_trial_now(anchor: Token) -> bool:
    """"A and B are being tried", "On trial are A and B": a trial told in the present
    without a day of its own is going on when the report is published."""
    auxes = {c.lower_ for c in anchor.children if c.dep_ in {"aux", "auxpass"}}
    if anchor.tag_ == "VBN" and "being" in auxes and auxes & {"is", "are"}:
        return True
    verb = clause_verb(anchor)
    return anchor.lower_ == "trial" and anchor.head.lower_ == "on" and (
        verb.lemma_ == "be" and verb.tag_ in {"VBZ", "VBP"})


def dated_by_another_event(hit: Hit) -> bool:
    """"released on Tuesday after four years in custody": a state noun the learned
    model proposed hangs on a verb of another event, whose day is not the state's.
    (The rules' own noun hits keep their clause's day: their tests vouch for it.)"""
    if hit.anchor.pos_ != "NOUN" or hit.rule.victim != "learned":
        return False
    verb = clause_verb(hit.anchor)
    types = trigger_types(verb)
    return bool(types) and hit.rule.event not in types


def _under_review(hit: Hit) -> bool:
    """"upheld the five-year sentence of X": a sentence noun under an appeal verb."""
    anchor = hit.anchor
    return hit.rule.event == "sentence" and anchor.pos_ == "NOUN" and (
        anchor.dep_ in {"dobj", "nsubjpass"} and anchor.head.lemma_.lower() in REVIEW_VERBS)


def _clause_family(verb: Token) -> set[Token]:
    """The verb and the verbs coordinated with it, which share their adjuncts."""
    family = {verb, *verb.conjuncts}
    head = verb.head
    if verb.dep_ in {"xcomp", "ccomp", "oprd"} and head.pos_ in {"VERB", "AUX"} and (
        head.lemma_.lower() not in REPORTING_VERBS
    ):
        family.add(head)  # "X was sentenced ..., HRW said today": the day of saying
    return family


def _subtree_text(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _in_clause(token: Token, clause: set[Token]) -> bool:
    owner = clause_verb(token.head if token.pos_ in {"VERB", "AUX"} else token)
    return owner in clause or clause_verb(token) in clause


def _date(
    view: SentenceView, clause: set[Token], own: Token, published: date | None, *, arrest: bool
) -> str | None:
    """The date nearest the clause verb. A time counted back ("held for two years now")
    dates the start of the detention: only an arrest."""
    sent = view.span
    if ANNIVERSARY.search(sent.text):
        return None  # "Wednesday marks a year since the abduction of X": the day it is marked
    base = sent.start_char
    mentions = find_dates(sent.text, published=published)
    owned = []
    for mention in mentions:
        if (mention.elapsed or _since(sent.text, mention)) and not arrest:
            continue  # "in prison since last June, was sentenced on Monday": the arrest's
        if DATE_FIELD.fullmatch(sent.text[: mention.start]):
            continue  # "date 2019-12 X was arrested in 2017": a text dump's date field
        if UNTIL.search(sent.text[: mention.start]):
            continue  # "adjourned until 17 June", "detention extended until 10 July": an end
        if CASE_NUMBER.search(sent.text[: mention.start]):
            continue  # "case No. 1365 of 2018": a file's number and year, no day of the event
        span = sent.doc.char_span(base + mention.start, base + mention.end, alignment_mode="expand")
        if span is None or _dates_a_text(span):
            continue
        if _in_clause(span.root, clause) or _before_its_mark(span, clause) or (
                len(mention.value) == 10 and _right_before(span, own)):
            # "arrested on 28 September 2015 and in October 2016 sentenced": each its own
            theirs = clause_verb(span.root) != own
            owned.append((theirs, mention.elapsed, _distance(span.root, clause), mention.start,
                          mention.value))
    if owned:
        # "released on Friday after five years since 2011": Friday; "five years ago, on
        # April 11, 2017": the day stated beats the count
        theirs, *_, value = min(owned)
        later = _days_later(own)
        if theirs and later:  # "arrested on April 11 and sentenced two days later"
            return _days_after(value, later)
        return value
    later = _days_later(own)
    if later:  # "He was detained on 3 May 2020. The next day he was charged."
        before = _day_before_sentence(sent, published)
        return _days_after(before, later) if before else None
    return None


def _before_its_mark(span: Span, clause: set[Token]) -> bool:
    """"arrested X on 1 March, hours after the site posted his article": the parse may
    hang the day on the clause that follows; a day told before that clause's "after"
    is the main clause's."""
    owner = clause_verb(span.root)
    marks = [c.i for c in owner.children if c.dep_ == "mark"]
    return owner.dep_ == "advcl" and owner.head in clause and bool(marks) and (
        span.end <= min(marks) and owner.i > min(marks))


def _right_before(span: Span, verb: Token) -> bool:
    """"A court run by the rebels on Saturday sentenced ...": a day told right before
    the verb dates it, whatever the parse hangs it on (here the participle "run")."""
    between = span.doc[span.end : verb.i]
    return span.end <= verb.i and all(
        t.pos_ in {"ADV", "AUX", "PART"} for t in between)


def _since(text: str, mention: DateMention) -> bool:
    """"Held since 2011": the day a state began, which only an arrest can date."""
    told = text[mention.start : mention.end].lower()
    return told.startswith("since") or text[: mention.start].rstrip().lower().endswith("since")


def _day_before_sentence(sent: Span, published: date | None) -> str | None:
    """The last day the sentence before this one (in the paragraph) gives in full."""
    earlier = [s for s in sent.doc.sents if s.end <= sent.start]
    if not earlier:
        return None
    days = [m.value for m in find_dates(earlier[-1].text, published=published)
            if len(m.value) == 10 and not m.elapsed]
    return days[-1] if days else None


def _days_later(verb: Token) -> int | None:
    """How many days after the date told before: "the next day" (1), "two days later"
    (2), "a week later" (7)."""
    for child in verb.children:
        if child.lemma_.lower() == "day" and any(
                m.dep_ == "amod" and m.lower_ in {"next", "following"} for m in child.children):
            return 1
        if child.lower_ == "later" and child.dep_ == "advmod":
            for unit in child.children:
                days = LATER_UNITS.get(unit.lemma_.lower())
                counts = [count_of(c.text) for c in unit.children if c.dep_ in {"nummod", "det"}]
                if days and counts and counts[0]:
                    return int(days * counts[0])
    return None


def _days_apart(hit: Hit, clause: set[Token]) -> int | None:
    """"remanded on 18 August, two days after their detention": the detention (the hit
    itself, or a noun of the hit's kind the clause counts from) is two days before the
    day the clause gives (-2); "a week before his trial": seven days after it (+7)."""
    nouns = [hit.anchor] + [t for verb in clause for t in verb.subtree
                            if t.dep_ == "pobj" and hit.rule.event in trigger_types(t)]
    for noun in nouns:
        gap = _counted_gap(noun)
        if gap:
            return gap
    return None


def _counted_gap(noun: Token) -> int | None:
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or prep.lower_ not in {"after", "before"}:
        return None
    units = [u for u in prep.children if u.dep_ == "npadvmod"]
    units += [prep.head] if prep.dep_ == "prep" else []  # "a week | after his release"
    for unit in units:
        days = LATER_UNITS.get(unit.lemma_.lower())
        counts = [count_of(c.text) for c in unit.children if c.dep_ in {"nummod", "det"}]
        if days and counts and counts[0]:
            return int(days * counts[0]) * (-1 if prep.lower_ == "after" else 1)
    return None


def _days_after(day: str, days: int) -> str | None:
    """A full date some days on; none after a month or a year (which day is unknown)."""
    if len(day) != 10:
        return None
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _dates_a_text(span: Span) -> bool:
    """"In an April 27 letter about the detention of X", "Monday's statement": the day
    a text was written, not the day of what it is about. So a year before another
    noun dates that noun ("pardoned for the failed 2017 independence bid", "jailed
    over the 2020 protests"), unless the noun is an event of the reading ("the 2019 trial")."""
    root = span.root
    if root.dep_ not in {"compound", "poss", "nmod", "amod", "npadvmod", "nummod"}:
        return False
    head = root.head
    if head.lemma_.lower() in WRITINGS:
        return True
    return len(span.text) == 4 and head.pos_ in {"NOUN", "PROPN"} and head.i > root.i and (
        not trigger_types(head))


def _distance(token: Token, clause: set[Token]) -> int:
    """Arcs from the token up to its clause verb."""
    steps = 0
    while token not in clause and token.head != token:
        token = token.head
        steps += 1
    return steps


def _target_tokens(hit: Hit) -> set[int]:
    """Where the victims stand: a surname there that the NER calls a town is a person."""
    return {t.i for target in hit.targets for t in (target, *target.conjuncts)}


def _place(sent: Span, clause: set[Token], targets: set[int]) -> str | None:
    return _court_place(clause) or _named_place(sent, clause, targets) or _occasion_place(clause)


def _occasion_place(clause: set[Token]) -> str | None:
    """"detained after the plane was forced to land in Minsk": a clause timing the
    event by what happened just before places it where that happened ("in X")."""
    for verb in clause:
        for occasion in verb.children:
            marks = {c.lower_ for c in occasion.children if c.dep_ == "mark"}
            if occasion.dep_ != "advcl" or not marks & OCCASION_MARKS:
                continue
            for token in occasion.subtree:
                if token.dep_ == "pobj" and token.head.lower_ == "in" and token.pos_ == "PROPN":
                    place = _named(token)
                    if place:
                        return place
    return None


def _court_place(clause: set[Token]) -> str | None:
    """"The Minsk Region Court sentenced ...": the court's name holds its seat; so does
    a court the clause is held in or before ("was tried before the Aktau City Court",
    "the trial was held in the Bukhara Regional Court"), whatever else it names."""
    for verb in clause:
        for subject in verb.children:
            doers = [o for o in subject.children if o.dep_ == "pobj"] if (
                subject.dep_ == "agent" or subject.lower_ in COURT_PREPS
            ) else [subject] if subject.dep_ == "nsubj" else []
            # "YAOUNDE, 19 Dec - The Special Criminal Court in Yaounde sentenced": the
            # parse may make the dateline the subject and the court its apposition
            doers += [a for d in doers for a in d.children if a.dep_ == "appos"]
            for court in (d for d in doers if d.lemma_.lower() in COURTS):  # "by a court in X"
                seat = court_seat_of(court)
                if seat:
                    return seat
            seat = next(filter(None, map(_force_seat, doers)), None) if (
                subject.dep_ in {"nsubj", "agent"}) else None
            if seat:
                return seat
    return None


def _force_seat(doer: Token) -> str | None:
    """"Yerevan police arrested X", "the Tehran prosecutor charged X": the town a
    local force or office is named after is where it acted (not a country's:
    "Turkish police")."""
    if doer.lemma_.lower() not in LOCAL_FORCES:
        return None
    return next(filter(None, (_town(c) for c in doer.children
                              if c.dep_ in {"compound", "poss"} and c.i < doer.i)), None)


def _town(token: Token) -> str | None:
    """A town's name, even where the NER reads a force's name as a body or a person
    ("Almaty police"): the text places something there elsewhere, or the gazetteer
    knows the town."""
    named = _named(token)
    if named or token.pos_ != "PROPN" or not token.is_title:
        return named
    elsewhere = {ent.text for ent in token.doc.ents if ent.label_ in PLACE_LABELS}
    known = token.text in elsewhere or form_key(token.text) in country_pattern("cities")[1]
    return token.text if known and not country_only().fullmatch(token.text) else None


def court_seat_of(court: Token) -> str | None:
    """The city of a court: "a court in (the city of) Atyrau", "Minsk district court",
    "Pershamaiski District Court in Minsk" (the city, not the district), "the
    Yunusabad district court of Tashkent" (a named place, or any proper noun after a
    district's or a city's court: not "Court of Appeal"); "a court in Yangon's Insein
    Prison" (the town whose prison it sits in)."""
    local = any(c.lower_ in LOCAL_COURTS for c in court.children if c.i < court.i)
    for prep in court.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "of"}:
            continue
        for place in prep.children:
            if prep.lower_ == "of":
                seat = _named(place) or (_proper(place) if local else None)
            else:
                place = _site_owner(place)
                settlement = next(filter(None, map(settlement_name, place.subtree)), None)
                seat = settlement.text if settlement else _named(place) or _proper(place)
            if seat:
                return seat
    owner = next((_named(c) for c in court.children if c.dep_ == "poss"), None)
    if owner:  # "Moscow's Tverskoy District Court": the city, not its district
        return owner
    words = _seat_words(_name_before(court))
    if words and not country_only().fullmatch(" ".join(w.text for w in words)):
        return " ".join(w.text for w in words)
    return None


def _site_owner(place: Token) -> Token:
    """"Yangon's Insein Prison": the town a site belongs to, or the site itself."""
    if place.lower_ not in place_rules()["sites"]:
        return place
    return next((c for c in place.children if c.dep_ == "poss"), place)


def _name_before(court: Token) -> list[Token]:
    """The proper nouns that name a court ("Minsk district court", "the Baku Grave
    Crimes Court"), not a date before it ("on 3 May Almaty City Court")."""
    return [c for c in court.children if c.dep_ == "compound" and c.i < court.i
            and c.pos_ == "PROPN" and c.ent_type_ != "DATE"]


def _seat_words(compounds: list[Token]) -> list[Token]:
    """The words of a court's name before the first that names its kind."""
    kinds = [i for i, word in enumerate(compounds) if word.lower_ in COURT_KINDS]
    words = compounds[: kinds[0]] if kinds else compounds
    return [w for w in words if w.is_alpha]  # not "2nd" of "Elazig 2nd High Criminal Court"


def court_seats(sent: Span) -> list[str]:
    """Seats of the courts a sentence names ("a court in Atyrau", "Minsk district court")."""
    courts = (t for t in sent if t.lemma_.lower() in COURTS)
    return [seat for seat in map(court_seat_of, courts) if seat]


def _proper(token: Token) -> str | None:
    """"a court in Karaganda": a proper noun there is the seat whatever the NER calls it."""
    if token.pos_ != "PROPN" or token.ent_type_ in {"PERSON", "DATE"} or not token.is_title:
        return None
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    text = " ".join(w.text for w in [*words, token])
    return None if country_only().fullmatch(text) else text


def _named(token: Token) -> str | None:
    """The place entity a token belongs to, unless it is a country."""
    if token.ent_type_ not in PLACE_LABELS:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in PLACE_LABELS:
            text = ent.text.removeprefix("the ").strip()
            return None if country_only().fullmatch(text) else text
    return None


def _named_place(sent: Span, clause: set[Token], targets: set[int]) -> str | None:
    settlement = next((s for s in map(settlement_name, sent) if s and _in_clause(s.root, clause)),
                      None)
    if settlement is not None:
        return settlement.text
    pattern = country_only()
    for ent in sent.ents:
        if ent.label_ not in PLACE_LABELS or not _in_clause(ent.root, clause):
            continue
        if ent.root.i in targets:
            continue
        if not _proper_entity(ent):
            continue
        if ent.root.dep_ == "compound" and ent.root.head.ent_type_ == "PERSON":
            continue  # a first name the NER took for a town
        if any(t.ent_type_ == "PERSON" for t in ent.root.conjuncts):
            continue  # "A and B": a surname listed with a person is a person
        if not_a_place(ent) or _personal(ent):
            continue
        text = _with_direction(ent)
        if pattern.fullmatch(text):
            continue  # "in Kazakhstan" says nothing a country field does not
        return text
    return None


@cache
def place_rules() -> dict[str, frozenset[str]]:
    """What a place field may not hold (`rules/places.toml`), by rule id."""
    return {rule.id: frozenset(rule.terms) for rule in load_table("places").rules}


def not_a_place(ent: Span) -> bool:
    """A site in a town ("Victory Square", "Insein Prison": another place of the clause
    or the story names the town), an outlet or a group ("Tarvas TV", "the weekly X"),
    a caption's marker ("FILE") or a bare direction ("the West")."""
    rules = place_rules()
    if ent[-1].lower_ in rules["sites"] or normal(_with_direction(ent)) in rules["markers"]:
        return True
    doc = ent.doc
    beside = [doc[i] for i in (ent.start - 1, ent.end) if 0 <= i < len(doc)]
    return any(t.lower_ in rules["outlets"] for t in beside)


def _personal(ent: Span) -> bool:
    """"Cristel Pina ... detained in Pina": every word of the place is a word of a
    person's name in the paragraph, so the NER took a surname for a town."""
    names = {t.lower_ for person in ent.doc.ents if person.label_ == "PERSON" for t in person}
    return all(t.lower_ in names for t in ent)


def named_places(sent: Span) -> list[str]:
    """The towns and regions a sentence names anywhere (countries left out, and
    places someone came from: "returned from Bishkek")."""
    pattern = country_only()
    return [_with_direction(ent) for ent in sent.ents
            if ent.label_ in PLACE_LABELS and _proper_entity(ent)
            and not pattern.fullmatch(ent.text) and ent.root.head.lower_ != "from"
            and not not_a_place(ent)]


def _proper_entity(ent: Span) -> bool:
    """A place name as the NER should cut it: not "in absentia" (tagged a place now
    and then), not "Bosnia and" (a name cut at its conjunction), no release's
    office dateline ("(Berlin) - Armenian authorities released ...") and no initials."""
    return ent.text[:1].isupper() and ent.root.pos_ == "PROPN" and ent[-1].pos_ not in {
        "CCONJ", "ADP"} and not _office_dateline(ent) and not _acronym(ent.text)


def _acronym(text: str) -> bool:
    """"US", "U.S.", "DRC": a country's initials (the country table leaves out "US",
    which would match the pronoun), never a town's name."""
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 3


def _office_dateline(ent: Span) -> bool:
    doc, first = ent.doc, ent.sent.start
    return ent.start == first + 1 and doc[first].text == "(" and ent.end < len(doc) and (
        doc[ent.end].text == ")")


def settlement_name(token: Token) -> Span | None:
    """"the city of Pavlodar", "the village of X": a place whatever the NER calls it."""
    prep = token.head
    if token.pos_ != "PROPN" or token.dep_ != "pobj" or prep.lower_ != "of":
        return None
    if prep.head.lemma_.lower() not in SETTLEMENTS:
        return None
    start = token.i
    while start > prep.i + 1 and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]


def _with_direction(ent: Span) -> str:
    """"northeast Kazakhstan": keep a direction word before a region or country."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in DIRECTIONS:
        return f"{before.text} {ent.text}"
    return ent.text.removeprefix("the ").strip()


def _charges(anchor: Token, clause: set[Token]) -> list[str]:
    charges: list[str] = _charges_after_listed(anchor)
    for holder in _charge_holders(anchor, clause):
        charges.extend(_named_before(holder))
        for prep in holder.children:
            if prep.dep_ != "prep" or not _introduces_charge(holder, prep.lower_):
                continue
            for obj in prep.children:  # not the trigger itself ("is on trial for X")
                if obj.dep_ in {"pobj", "pcomp"} and obj != anchor:
                    charges.extend(_charge_list(_vouched(holder, prep.lower_), obj))
    return list(dict.fromkeys(c for c in charges if c))


def _named_before(holder: Token) -> list[str]:
    """"on smuggling charges", "drug trafficking charges": the charge named before the noun."""
    if holder.lemma_.lower() not in {"charge", "count", "accusation"}:
        return []
    return [holder.doc[c.left_edge.i : c.i + 1].text for c in holder.children
            if c.i < holder.i and (c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}
                                   or _related_to_offence(c))]


def _related_to_offence(word: Token) -> bool:
    """"terrorism-related charges", "drug-linked charges": the offence the adjective names."""
    return word.dep_ == "amod" and word.lower_ in {"related", "linked"} and any(
        c.dep_ in {"npadvmod", "compound"} and c.pos_ == "NOUN" for c in word.children)


def _charges_after_listed(anchor: Token) -> list[str]:
    """"accused A, B and C of X": the parse hangs "of X" on the last name listed (or
    on the name after its description: "accused the activist A of X")."""
    if anchor.lemma_.lower() not in OF_CHARGE_HOLDERS:
        return []
    found: list[str] = []
    for obj in (c for c in anchor.children if c.dep_ == "dobj"):
        named = [c for c in obj.children if c.dep_ == "appos"]
        for listed in (obj, *obj.conjuncts, *named):
            for prep in listed.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found.extend(_charge_list("of", o) for o in prep.children
                                 if o.dep_ in {"pobj", "pcomp"})
    return [c for items in found for c in items]


def _introduces_charge(holder: Token, prep: str) -> bool:
    """"convicted of X", "charged with X", "on charges of X", "for X", "under article X"."""
    lemma = holder.lemma_.lower()
    if prep in {"of", "including"}:
        return lemma in OF_CHARGE_HOLDERS
    if prep == "with":  # "threatened with violence", "beaten with batons": no charge
        return lemma not in WITH_NO_CHARGE
    return prep in {"on", "for", "under"}


def _vouched(holder: Token, prep: str) -> str:
    """"charged with X": after a charging verb "with" is as sure as "of", whatever X is."""
    return "of" if prep == "with" and holder.lemma_.lower() in {"charge", "indict"} else prep


def _charge_holders(anchor: Token, clause: set[Token]) -> list[Token]:
    """Tokens charge phrases hang on: the trigger, its clause, "guilty", "charges", and
    the term ("sentenced to 15 years for treason": the parse may hang "for" on "years")."""
    verbs = [anchor, *sorted(clause, key=lambda t: t.i), *_verdict_clauses(anchor)]  # text order
    holders = list(verbs)
    held = CHARGE_NOUNS | TERM_UNITS
    for verb in verbs:
        # "found guilty", "serving a sentence for X"
        holders.extend(c for c in verb.children if c.lemma_.lower() in {"guilty"} | held)
        for prep in verb.children:
            # "to 148 lashes and 38 years for X": the parse may hang "for" on a conjunct
            holders.extend(
                t for o in prep.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)
                if t.lemma_.lower() in held
            )
    terms = [h for h in holders if h.lemma_.lower() in TERM_UNITS]  # "14 years on X charges"
    holders.extend(o for term in terms for prep in term.children for o in prep.children
                   if o.dep_ == "pobj" and o.lemma_.lower() in CHARGE_NOUNS)
    return list(dict.fromkeys(holders))


def _verdict_clauses(anchor: Token) -> list[Token]:
    """"sentenced them after finding them guilty of X", "jailed after convicting them
    of X": the verdict the sentence followed names the charge."""
    return [c for prep in anchor.children if prep.dep_ == "prep"
            for c in prep.children if c.dep_ == "pcomp" and c.lemma_.lower() in VERDICT_VERBS]


def _charge_list(prep: str, obj: Token) -> list[str]:
    """The charges a phrase lists, split at commas and before each new gerund."""
    lemma = obj.lemma_.lower()
    if lemma in CHARGE_NOUNS and lemma != "article":
        return []  # "on charges": its own "of" phrase is read with "charges" as holder
    words = _charge_words(obj)
    if not words or words[0].like_num or any(
            w.ent_type_ == "PERSON" and not w.is_lower and not _object_of_gerund(w)
            for w in words):
        return []  # a name, not a charge ("makar", lower case, is the NER's slip)
    if obj.ent_type_ == "DATE":
        return []  # "acquitted X on Monday of ...": a day, whatever hangs on it
    if obj.pos_ == "PRON" or lemma in INDEFINITES:
        return []  # "convicted him of something he did not do": no charge named
    roles = person_words()
    if lemma in roles or (obj.pos_ == "PROPN" and any(w.lemma_.lower() in roles for w in words)):
        return []  # "the conviction of (the farmer / blogger) X": a person, not a charge
    if all((w.pos_ == "PROPN" and not w.is_lower) or w.is_punct for w in words):
        return []  # "the conviction of Maks Sultanov": a name the NER missed
    items = [i for i in _split_items(words) if not CODE_NAME.fullmatch(i)]
    # "with X, a vaguely defined offense that ...": a description after the charge
    items = items[:1] + [i for i in items[1:] if not APPOSITION.match(i)]
    if prep in {"for", "on", "with", "under"}:
        heads = charge_heads()
        items = [i for i in items if set(re.findall(r"[a-z]+", i.lower())) & heads]
    return items


def _charge_words(obj: Token) -> list[Token]:
    """From the object to the end of the sentence, up to a clause break. The wording
    in brackets after an article number is part of the charge ("Article 228.4
    (smuggling by an organised group)")."""
    words: list[Token] = []
    bracket = False
    for word in obj.doc[obj.left_edge.i : obj.sent.end]:
        if word.text == "(" and (_after_article(words) or _inside_a_title(word)):
            bracket = True
        elif bracket:
            bracket = word.text != ")"
        elif words and not _in_quotes(words, len(words)) and _breaks_charge(word):
            if _finite(word) and any(w.text == "," for w in words):
                cut = max(i for i, w in enumerate(words) if w.text == ",")
                words = words[:cut]  # "X, the court's press service told AFP"
            break
        words.append(word)
    while words and (words[-1].is_punct and words[-1].text != ")"
                     or words[-1].pos_ in {"ADP", "CCONJ", "DET"}):
        words.pop()
    return words


def _inside_a_title(bracket: Token) -> bool:
    """"the Unlawful Activities (Prevention) Act": brackets within a law's name."""
    doc = bracket.doc
    close = next((t for t in doc[bracket.i + 1 : bracket.i + 5] if t.text == ")"), None)
    if close is None or close.i + 1 >= len(doc) or close.i == bracket.i + 1:
        return False
    return all(t.is_title for t in doc[bracket.i + 1 : close.i]) and doc[close.i + 1].is_title


def _after_article(words: list[Token]) -> bool:
    """"Article 228.4 (", "Part 2 of Article 243 (": brackets that word the charge."""
    recent = words[-6:]
    return any(w.lower_ == "article" for w in recent) and any(w.like_num for w in recent)


def _breaks_charge(word: Token) -> bool:
    if word.text in {";", "(", ")", "—", "–", ":"} or word.ent_type_ == "DATE":
        return True
    if word.ent_type_ == "PERSON" and not _object_of_gerund(word):
        return True
    if _finite(word):
        return True
    if word.lower_ in CHARGE_BREAK_WORDS:
        return True
    following = word.nbor(1) if word.i + 1 < len(word.doc) else None
    if word.lower_ in {"that", "which"} and following is not None and following.tag_ == "PRP":
        return True  # "drug trafficking that she denies": what someone says of the charge
    return word.lower_ in {"in", "at", "on"} and following is not None and (
        following.ent_type_ in {"GPE", "LOC", "FAC", "DATE"} or following.lower_ in {"the", "a"}
    ) and not _taking_part(word)


def _taking_part(prep: Token) -> bool:
    """"participating in the banned party", "involvement in a plot": the act's own
    "in" belongs to the charge; a place or a day after it does not."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    following = prep.doc[prep.i + 1]
    return prep.lower_ == "in" and before.lemma_.lower() in TAKING_PART and (
        following.ent_type_ not in {"GPE", "LOC", "FAC", "DATE"})


def _object_of_gerund(word: Token) -> bool:
    """"defaming Jose Leitao", "insulting President Aliyev", "plotting to kill President
    Maduro": the person a charge's act is aimed at is part of its wording."""
    head = word
    while head.dep_ in {"compound", "flat"} and head.head != head:
        head = head.head
    act = head.head
    return head.dep_ == "dobj" and (act.tag_ == "VBG" or act.tag_ == "VB" and (
        act.dep_ == "xcomp" and act.head.tag_ == "VBG"))


def _finite(word: Token) -> bool:
    """A finite verb that starts a new clause; "activities that violated order" is kept."""
    return word.tag_ in {"VBD", "VBZ", "VBP", "MD"} and word.dep_ != "relcl"


def _split_items(words: list[Token]) -> list[str]:
    items: list[list[Token]] = [[]]
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if word.text == "," and (_in_brackets(words, i) or _in_quotes(words, i)) and not (
                nxt is not None and nxt.text in DOUBLE_QUOTES):  # "“X,” a law ...": X ends
            items[-1].append(word)
            continue
        if word.text == "," and _object_of_gerund(word.head):
            items[-1].append(word)  # "defaming Jose Leitao, the chief of ...": who he is
            continue
        if word.text == "," or (
            word.lower_ in {"and", "or"} and nxt is not None
            and (nxt.tag_ == "VBG" or nxt.lower_ in {"article", "part", "of"}
                 or nxt.text in DOUBLE_QUOTES)  # "“X” and “Y”": two quoted charges
            and items[-1] and items[-1][-1].text != ","
        ):
            items.append([])
            continue
        if word.lower_ in {"and", "or", "of"} and not items[-1]:
            continue  # "of smuggling and of financing ...": each charge without its "of"
        items[-1].append(word)
    texts = [_text(item) for item in items if item]
    return [t for t in texts if len(t) > 2]


def _in_brackets(words: list[Token], at: int) -> bool:
    opened = sum(1 for w in words[:at] if w.text == "(")
    return opened > sum(1 for w in words[:at] if w.text == ")")


def _in_quotes(words: list[Token], at: int) -> bool:
    """"for "inciting racial, national or social hatred"": a quoted charge is one."""
    first = words[0]
    opened = first.i > 0 and first.doc[first.i - 1].text in DOUBLE_QUOTES
    return (opened + sum(1 for w in words[:at] if w.text in DOUBLE_QUOTES)) % 2 == 1


def _text(words: list[Token]) -> str:
    text = "".join(w.text_with_ws for w in words).strip()
    return re.sub(r"\s*[" + QUOTES + r"]\s*", " ", text).strip(" ,.")


def _listed_names(victim: Span, hit: Hit) -> list[int]:
    """Token positions of the names coordinated with the victim, in order."""
    first = victim.root
    while first.dep_ in LISTING and first.head.pos_ == "PROPN":
        first = first.head
    group = sorted(t.i for t in _listed_from(first) if t.pos_ == "PROPN")
    if len(group) > 1:
        return group
    for target in hit.targets:
        group = sorted(t.i for t in [target, *target.conjuncts] if t.pos_ == "PROPN")
        if victim.root.i in group:
            return group
    return []


def _listed_from(first: Token) -> list[Token]:
    """"A, B and C": the parse may hang B on A as an apposition and C on B."""
    found, todo = [first], [first]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in LISTING and child.pos_ == "PROPN":
                found.append(child)
                todo.append(child)
    return found


def _months(view: SentenceView, victim: Span, hit: Hit) -> float | None:
    """The prison term nearest after the victim's name, else the last before it;
    in "A and B got 20 and 19 years" the n-th person listed takes the n-th term."""
    series = find_series(view.span.text)
    listed = _listed_names(victim, hit)
    if series and len(series) == len(listed) and victim.root.i in listed:
        return series[listed.index(victim.root.i)]
    terms = find_terms(view.span.text)
    if not terms:
        return None
    at = victim.start_char - view.span.start_char
    text = view.span.text
    headed = [t for t in terms if TERM_DASH.fullmatch(text[t.end : at])]
    if headed:  # "11 years in prison, 10.5 years – A, 9 years – B": the term heads its names
        return headed[-1].months
    after = [t for t in terms if t.start >= at]
    return (after[0] if after else terms[-1]).months
