"""Compose the brief for an occasion: what the record shows as of a date, footnoted.

The builder selects and orders; `wording` supplies the English; `Citations`
numbers the sources. Every sentence of fact is a `Fact` with footnotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rightsdesk.brief import wording
from rightsdesk.brief.citations import Citations
from rightsdesk.brief.document import Brief, Case, Dispute, Fact, Header, TimelineEntry
from rightsdesk.brief.names import Names
from rightsdesk.brief.scope import Scope, scope
from rightsdesk.brief.tables import load_table
from rightsdesk.model import CaseFile, EventRecord, OccasionRecord, PartialDate, StatementRecord
from rightsdesk.status import (
    CaseStatus,
    Conflict,
    case_status,
    charges_of,
    earliest_day,
    latest_day,
    occurrences,
    only_jailed,
)

SENTENCED_WITHIN = timedelta(days=365)  # "sentenced in the last 12 months"
NEWLY_ARRESTED_WITHIN = timedelta(days=90)
HEARING_WITHIN = timedelta(days=30)  # a hearing this close makes a case the most urgent
OCCASIONS_BEFORE = timedelta(days=7)  # occasions just past are still worth a line
OCCASIONS_AHEAD = timedelta(days=60)
COURT_OCCASIONS = frozenset({"hearing", "trial", "appeal"})


@dataclass(slots=True)
class _Person:
    id: str
    events: list[EventRecord]
    status: CaseStatus
    hearing: OccasionRecord | None  # a court date within HEARING_WITHIN of the occasion


def build_brief(
    case_file: CaseFile, *, country: str, occasion: str, on: date, min_confidence: float = 0.0
) -> Brief:
    """The brief for `occasion` in `country`, from the records known on `on`; machine-read
    facts weighed under `min_confidence` are left out, and the header says how many."""
    record = scope(case_file, country=country, on=on, min_confidence=min_confidence)
    # Every confidential person of the file is withheld, even one with no case in the
    # brief: their name can still stand in a statement or a title.
    names = Names(case_file.persons, record)
    cite = Citations(record.sources, names)
    people = [_person(pid, events, record) for pid, events in record.events.items()]
    people = [p for p in people if p.status.stage is not None]
    builder = _Builder(record, names, cite)
    key_points = builder.key_points(people)
    rights = builder.rights(people)
    cases = tuple(builder.case(p) for p in sorted(people, key=_urgency))
    concern = builder.concern(record.statements)
    occasions = builder.occasions(record.occasions)
    sources = cite.entries()
    published = sorted(s.published for s in sources if s.published)
    header = Header(
        occasion=names.text(occasion),
        country=record.country,
        on=on,
        source_count=len(sources),
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        left_out=wording.left_out(record.left_out, min_confidence),
    )
    return Brief(header, key_points, rights, cases, concern, occasions, sources)


def _person(person_id: str, events: list[EventRecord], record: Scope) -> _Person:
    status = case_status(events, as_of=record.on)
    hearings = [
        o
        for o in record.occasions
        if person_id in o.person_ids and o.type in COURT_OCCASIONS and _due(o.date, record.on)
    ]
    hearing = min(hearings, key=lambda o: earliest_day(o.date or ""), default=None)
    return _Person(person_id, events, status, hearing)


def _due(value: PartialDate | None, on: date) -> bool:
    return (
        value is not None
        and on <= latest_day(value)
        and earliest_day(value) <= on + (HEARING_WITHIN)
    )


def _urgency(person: _Person) -> tuple[int, int]:
    """A court date near the occasion, then people held, then recent arrests, then the rest."""
    status = person.status
    latest = max((earliest_day(e.date) for e in person.events if e.date), default=date.min)
    if person.hearing is not None:
        return 0, earliest_day(person.hearing.date or "").toordinal()
    if status.in_custody:
        return 1, -latest.toordinal()
    if _recent(person.events, "arrest", NEWLY_ARRESTED_WITHIN, status.as_of):
        return 2, -latest.toordinal()
    tier = {"released": 5, "killed": 4}.get(status.stage or "", 3)
    return tier, -latest.toordinal()


def _recent(
    events: Iterable[EventRecord], event_type: str, within: timedelta, on: date
) -> list[EventRecord]:
    """Events of a type certainly dated within the window before `on`."""
    return [
        e for e in events if e.type == event_type and e.date and earliest_day(e.date) >= on - within
    ]


class _Builder:
    def __init__(self, record: Scope, names: Names, cite: Citations) -> None:
        self.record = record
        self.names = names
        self.cite = cite
        self.on = record.on

    # --- key points ---

    def key_points(self, people: Sequence[_Person]) -> tuple[Fact, ...]:
        on = wording.format_date(self.on)
        held = {p.id: self._stage_events(p) for p in people if p.status.in_custody}
        sentenced = {
            p.id: [
                e
                for e in _recent(p.events, "sentence", SENTENCED_WITHIN, self.on)
                if not only_jailed(e)
            ]
            for p in people
        }
        arrested = {
            p.id: _recent(p.events, "arrest", NEWLY_ARRESTED_WITHIN, self.on) for p in people
        }
        killed = {p.id: [e for e in p.events if e.type == "killing"] for p in people}
        facts = [
            self._count(held, "{n} {verb} held in detention or prison as of " + on),
            self._count(sentenced, "{n} {verb_past} sentenced in the 12 months to " + on),
            self._count(arrested, "{n} {verb_past} newly arrested in the 90 days to " + on),
            self._count(killed, "{n} {verb_past} reported killed"),
        ]
        return tuple(f for f in facts if f is not None)

    def _count(self, events_by_person: dict[str, list[EventRecord]], template: str) -> Fact | None:
        ids = [pid for pid, events in events_by_person.items() if events]
        if not ids:
            return None
        n = len(ids)
        text = template.format(
            n=wording.people(n),
            verb="is" if n == 1 else "are",
            verb_past="was" if n == 1 else "were",
        )
        shown = wording.listing(sorted(self.names.name(pid) for pid in ids))
        return self.cite.fact(
            f"{text}: {shown}.", (e for pid in ids for e in events_by_person[pid])
        )

    def _stage_events(self, person: _Person) -> list[EventRecord]:
        ids = set(person.status.stage_event_ids)
        return [e for e in person.events if e.id in ids]

    # --- rights at stake ---

    def rights(self, people: Sequence[_Person]) -> tuple[Fact, ...]:
        facts = []
        table = load_table("rights")
        by_person = {p.id: table.shown_by(p.events) for p in people}
        for rule in table.rules:
            shown = {pid: rules[rule.id] for pid, rules in by_person.items() if rule.id in rules}
            if not shown:
                continue
            names = wording.listing(sorted(self.names.name(pid) for pid in shown))
            text = f"{rule.label}, in the case{'s' if len(shown) > 1 else ''} of {names}."
            fact = self.cite.fact(text, (e for events in shown.values() for e in events))
            if fact:
                facts.append(fact)
        return tuple(facts)

    # --- one case ---

    def case(self, person: _Person) -> Case:
        status = person.status
        name = self.names.name(person.id)
        record = self.record.persons[person.id]
        table = load_table("concerns")
        shown = table.shown_by(person.events)
        concerns = [(rule, shown[rule.id]) for rule in table.rules if rule.id in shown]
        facts = [self.cite.fact(f"{rule.label} reported.", events) for rule, events in concerns]
        disputed = {(c.event_type, c.attribute) for c in status.conflicts}
        return Case(
            name=name,
            roles=()
            if self.names.is_confidential(person.id)
            else tuple(self.names.text(r) for r in record.roles),
            status=self._status(person),
            urgency=self._hearing(person.hearing),
            timeline=self._timeline(person.events, disputed),
            charges=self._charges(person, disputed),
            sentence=self._sentence(person),
            disputes=tuple(self._dispute(c, person.events) for c in status.conflicts),
            concerns=tuple(f for f in facts if f is not None),
            asks=_asks(person, name, {rule.id for rule, _ in concerns}),
        )

    def _status(self, person: _Person) -> Fact:
        status = person.status
        dated, undated = wording.STAGE_PHRASES[status.stage or ""]
        text = dated.format(since=wording.dated(status.since)) if status.since else undated
        if status.in_custody and status.stage not in ("arrested", "detained"):
            text += "; in custody"
        fact = self.cite.fact(text + ".", self._stage_events(person))
        assert fact is not None  # stage events are printable by scope()
        return fact

    def _hearing(self, occasion: OccasionRecord | None) -> Fact | None:
        if occasion is None:
            return None
        when = wording.dated(occasion.date) if occasion.date else "undated"
        days = (earliest_day(occasion.date or "") - self.on).days
        on = wording.format_date(self.on)
        delay = "on the day of the occasion" if days <= 0 else f"{days} days after {on}"
        text = (
            f"A {occasion.type} is due {when}, {delay}: {self.names.text(occasion.description)}"
        )
        return self.cite.fact(text.rstrip(".") + ".", [occasion])

    def _timeline(
        self, events: Sequence[EventRecord], disputed: set[tuple[str, str]]
    ) -> tuple[TimelineEntry, ...]:
        groups = sorted(occurrences(events), key=_group_day)
        sentenced = min((_group_day(g) for g in groups if g[0].type == "sentence"), default=None)
        entries = []
        for group in groups:
            when = _agreed_date(group) if (group[0].type, "date") not in disputed else None
            after_sentence = (
                group[0].type == "trial" and sentenced is not None and _group_day(group) > sentenced
            )
            text = self._event_phrase(group, disputed, after_sentence=after_sentence)
            fact = self.cite.fact(text, group)
            if fact:
                entries.append(TimelineEntry(wording.format_date(when), fact))
        return tuple(entries)

    def _event_phrase(
        self, group: Sequence[EventRecord], disputed: set[tuple[str, str]], *, after_sentence: bool
    ) -> str:
        event_type = group[0].type
        text = wording.APPEAL_PHRASE if after_sentence else wording.EVENT_PHRASES[event_type]
        if event_type == "sentence" and all(only_jailed(e) for e in group):
            text = "reported jailed"
        months = {e.sentence_months for e in group if e.sentence_months}
        if len(months) == 1 and (event_type, "sentence_months") not in disputed:
            text += f" to {wording.format_term(months.pop())}"
        places = sorted({self.names.text(e.place) for e in group if e.place})
        if len(places) == 1:
            text += f" in {places[0]}"
        charges = [self.names.text(c) for c in charges_of(group)]
        if charges and (event_type, "charges") not in disputed:
            joiner = " with" if event_type == "charge" else " on charges of"
            text += f"{joiner} {wording.quoted(charges)}"
        return text[0].upper() + text[1:] + "."

    def _charges(self, person: _Person, disputed: set[tuple[str, str]]) -> Fact | None:
        if any(attribute == "charges" for _, attribute in disputed):
            return None
        charges = [self.names.text(c) for c in person.status.charges]
        if not charges:
            return None
        events = [e for e in person.events if e.charges]
        return self.cite.fact(f"{wording.quoted(charges)}.", events)

    def _sentence(self, person: _Person) -> Fact | None:
        status = person.status
        if status.sentence_months is None:
            return None
        ids = set(status.sentence_event_ids) | set(status.start_event_ids)
        events = [e for e in person.events if e.id in ids]
        text = f"Sentenced to {wording.format_term(status.sentence_months)}"
        if status.sentence_start and status.served_months is not None:
            text += (
                f"; counting from {wording.format_date(status.sentence_start)}, "
                f"{wording.format_term(status.served_months) or 'less than a month'} served "
                f"by {wording.format_date(self.on)}"
            )
        if status.expected_release:
            text += f"; the term ends in {wording.format_date(status.expected_release)}"
        return self.cite.fact(text + ".", events)

    def _dispute(self, conflict: Conflict, events: Sequence[EventRecord]) -> Dispute:
        by_id = {e.id: e for e in events}
        claims = []
        for claim in conflict.claims:
            if conflict.attribute == "sentence_months":
                value = wording.format_term(float(claim.value))  # type: ignore[arg-type]
            elif conflict.attribute == "date":
                value = wording.format_date(str(claim.value))
            else:
                value = wording.quoted([self.names.text(c) for c in claim.value])  # type: ignore[union-attr]
            fact = self.cite.fact(value, [by_id[i] for i in claim.event_ids])
            if fact:
                claims.append(fact)
        noun = wording.EVENT_NOUNS[conflict.event_type]
        about = {
            "sentence_months": f"the length of the {noun}",
            "date": f"the date of the {noun}",
            "charges": "the charges",
        }[conflict.attribute]
        return Dispute(about, tuple(claims))

    # --- international concern and occasions ---

    def concern(self, statements: Sequence[StatementRecord]) -> tuple[Fact, ...]:
        seen: set[tuple[str, str]] = set()
        facts = []
        for statement in sorted(statements, key=self._statement_day):
            actor = self.names.text(statement.actor)
            quote = self.cite.quote(statement)
            if (actor, quote) in seen:
                continue
            seen.add((actor, quote))
            when = self._statement_when(statement)
            fact = self.cite.fact(f"{actor}, {when}: “{quote}”", [statement])
            if fact:
                facts.append(fact)
        return tuple(facts)

    def _statement_day(self, statement: StatementRecord) -> date:
        if statement.date:
            return earliest_day(statement.date)
        return self.record.sources[statement.source_id].published or date.max

    def _statement_when(self, statement: StatementRecord) -> str:
        if statement.date:
            return wording.format_date(statement.date)
        published = self.record.sources[statement.source_id].published
        return f"reported {wording.format_date(published)}" if published else "undated"

    def occasions(self, occasions: Sequence[OccasionRecord]) -> tuple[Fact, ...]:
        start, end = self.on - OCCASIONS_BEFORE, self.on + OCCASIONS_AHEAD
        near = [
            o
            for o in occasions
            if o.date and latest_day(o.date) >= start and earliest_day(o.date) <= end
        ]
        facts = []
        for occasion in sorted(near, key=lambda o: earliest_day(o.date or "")):
            text = (
                f"{wording.format_date(occasion.date)}, {self.names.text(occasion.type)}: "
                f"{self.names.text(occasion.description).rstrip('.')}"
            )
            about = [self.names.name(p) for p in occasion.person_ids if p in self.record.persons]
            if about:
                text += f" (concerns {wording.listing(about)})"
            fact = self.cite.fact(text + ".", [occasion])
            if fact:
                facts.append(fact)
        return tuple(facts)


def _asks(person: _Person, name: str, concerns: set[str]) -> tuple[str, ...]:
    """The asks that follow from where the case stands and what is reported."""
    status = person.status
    asks = []
    if status.stage == "on appeal" or (person.hearing and status.stage == "sentenced"):
        asks.append(wording.ASK_APPEAL)
    if status.in_custody:
        asks.append(wording.ASK_RELEASE)
    if status.stage in ("charged", "on trial"):
        asks.append(wording.ASK_DROP_CHARGES)
    if status.stage == "killed":
        asks.append(wording.ASK_INVESTIGATE_KILLING)
    if "ill_treatment" in concerns:
        asks.append(wording.ASK_INVESTIGATE)
    return tuple(ask.format(name=name) for ask in asks)


def _group_day(group: Sequence[EventRecord]) -> date:
    days = [earliest_day(e.date) for e in group if e.date]
    return min(days) if days else date.max


def _agreed_date(group: Sequence[EventRecord]) -> PartialDate | None:
    """The most precise date of an occurrence (its reports agree, or it would be disputed)."""
    dates = sorted({e.date for e in group if e.date}, key=len, reverse=True)
    return dates[0] if dates else None
