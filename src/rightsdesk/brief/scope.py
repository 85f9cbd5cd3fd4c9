"""What a brief may print: the records of one country known on a date.

Filtering happens here once, defensively even when the store already filtered:
a record an analyst rejected, a record with no evidence sentence, a source
published after the date and a fact dated after it never reach the builder.
Nor does a machine-read fact weighed under the brief's minimum confidence; those
are counted, so the brief can say how many it left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rightsdesk.model import (
    CaseFile,
    EventRecord,
    OccasionRecord,
    PersonRecord,
    SourceRecord,
    StatementRecord,
)
from rightsdesk.status import is_after

# Bidirectional overrides and C0 controls: ingested text uses them to disguise itself.
_HOSTILE_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Ingested text as one line of plain characters."""
    return " ".join(_HOSTILE_CHARS.sub(" ", text).split())


@dataclass(slots=True)
class Scope:
    country: str
    on: date
    sources: dict[int, SourceRecord] = field(default_factory=dict)
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    events: dict[str, list[EventRecord]] = field(default_factory=dict)  # per person
    statements: list[StatementRecord] = field(default_factory=list)
    occasions: list[OccasionRecord] = field(default_factory=list)
    first_event_ids: dict[str, int] = field(default_factory=dict)  # order of entry
    min_confidence: float = 0.0
    left_out: int = 0  # machine-read facts weighed under min_confidence


def scope(
    case_file: CaseFile, *, country: str, on: date, min_confidence: float = 0.0
) -> Scope:
    """The printable records of `country` as they stood on `on`, none of the
    machine-read ones under `min_confidence`."""
    country = country.upper()
    known = {s.id: s for s in case_file.sources if s.published is None or s.published <= on}
    case_file, left_out = _confident(case_file, min_confidence)
    result = Scope(country=country, on=on, sources=known, min_confidence=min_confidence,
                   left_out=left_out)
    in_country = {
        s.id
        for s in known.values()
        if (s.country or case_file.country or country).upper() == country
    }
    events = [e for e in case_file.events if _printable(e, known, on)]
    result.events = _events_of_persons(case_file.persons, events, in_country, country)
    result.persons = {p.id: p for p in case_file.persons if p.id in result.events}
    result.first_event_ids = _first_event_ids(case_file.events)
    result.statements = [
        s for s in case_file.statements if _printable(s, known, on) and s.source_id in in_country
    ]
    result.occasions = [
        o
        for o in case_file.occasions
        if o.evidence.sentence.strip()
        and o.source_id in known
        and (o.source_id in in_country or set(o.person_ids) & result.persons.keys())
    ]
    return result


def _confident(case_file: CaseFile, floor: float) -> tuple[CaseFile, int]:
    """The case file without machine-read facts under `floor`, and how many those were.

    Facts an analyst accepted, edited or added stand whatever the machine thought.
    """
    if floor <= 0:
        return case_file, 0
    events = [e for e in case_file.events if e.review != "machine" or e.confidence >= floor]
    statements = [s for s in case_file.statements
                  if s.review != "machine" or s.confidence >= floor]
    occasions = [o for o in case_file.occasions if o.confidence >= floor]
    left_out = (len(case_file.events) - len(events) + len(case_file.statements)
                - len(statements) + len(case_file.occasions) - len(occasions))
    return replace(case_file, events=events, statements=statements, occasions=occasions), left_out


def _printable(
    record: EventRecord | StatementRecord, sources: dict[int, SourceRecord], on: date
) -> bool:
    return (
        record.review != "rejected"
        and bool(record.evidence.sentence.strip())
        and record.source_id in sources
        and not is_after(record.date, on)
    )


def _events_of_persons(
    persons: Sequence[PersonRecord],
    events: Sequence[EventRecord],
    in_country: set[int],
    country: str,
) -> dict[str, list[EventRecord]]:
    """Events per person of the country: by the person's country, else by their sources'."""
    by_person: dict[str, list[EventRecord]] = {}
    for event in events:
        by_person.setdefault(event.person_id, []).append(event)
    result = {}
    for person in persons:
        own = by_person.get(person.id, [])
        if person.country:
            belongs = person.country.upper() == country
        else:
            belongs = any(e.source_id in in_country for e in own)
        if own and belongs:
            result[person.id] = own
    return result


def _first_event_ids(events: Sequence[EventRecord]) -> dict[str, int]:
    """Each person's first stored event: a stable order for case codes."""
    first: dict[str, int] = {}
    for event in events:
        first[event.person_id] = min(event.id, first.get(event.person_id, event.id))
    return first
