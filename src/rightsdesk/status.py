"""Where a person's case stands: stage, term, time served, and what sources dispute.

Pure functions over one person's `EventRecord`s. Dates stay at the precision the
sources gave ("2012-10" is a month, not the first of October): arithmetic on a
partial date answers at that precision or not at all. Where sources disagree about
the same event (two sentence lengths, two dates, two sets of charges), nothing is
picked silently: both claims are exposed with the sources that make them.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from rightsdesk.model import EventRecord, EventType, PartialDate

Stage = Literal[
    "arrested", "charged", "on trial", "sentenced", "on appeal", "detained", "released", "killed"
]

# Order of the legal process on one day: "arrested and charged on 5 May" ends charged.
PROCESS_RANK: dict[EventType, int] = {
    "ill_treatment": 0,
    "arrest": 1,
    "charge": 2,
    "trial": 3,
    "sentence": 4,
    "release": 5,
    "killing": 6,
}

# Two reports of the same kind of event this close together describe one event
# (a sentencing reported as 8 and as 9 October), not two arrests or two trials.
SAME_EVENT_WINDOW_DAYS = 45


@dataclass(frozen=True, slots=True)
class Claim:
    """One value some sources give, with the events and sources that give it."""

    value: str | float | tuple[str, ...]
    event_ids: tuple[int, ...]
    source_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree on one attribute (date, sentence_months, charges) of one event."""

    event_type: EventType
    attribute: Literal["date", "sentence_months", "charges"]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class CaseStatus:
    """A person's case as of a date; every attribute names the events it rests on."""

    person_id: str
    as_of: date
    stage: Stage | None = None
    since: PartialDate | None = None
    stage_event_ids: tuple[int, ...] = ()
    in_custody: bool = False
    charges: tuple[str, ...] = ()
    sentence_months: float | None = None  # None when unknown or disputed
    sentence_event_ids: tuple[int, ...] = ()
    sentence_start: PartialDate | None = None
    start_event_ids: tuple[int, ...] = ()
    served_months: int | None = None  # whole months in custody under the term
    expected_release: PartialDate | None = None
    conflicts: tuple[Conflict, ...] = field(default=())


# --- partial dates ---


@lru_cache(maxsize=65_536)
def earliest_day(value: PartialDate) -> date:
    """First day a partial date can mean: '2012-10' -> 2012-10-01."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@lru_cache(maxsize=65_536)
def latest_day(value: PartialDate) -> date:
    """Last day a partial date can mean: '2012-10' -> 2012-10-31."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def is_after(value: PartialDate | None, on: date) -> bool:
    """True only when the date certainly lies after `on` (undated facts are not after)."""
    return value is not None and earliest_day(value) > on


def compatible(a: PartialDate, b: PartialDate) -> bool:
    """Two dates that may name the same day: equal, or one refines the other."""
    return a.startswith(b) or b.startswith(a)


def add_months(start: PartialDate, months: float) -> PartialDate | None:
    """`start` plus a term, at the start's precision; None where that would invent a day."""
    whole = int(months)
    days = round((months - whole) * 30)
    parts = start.split("-")
    if len(parts) == 1:
        return str(int(parts[0]) + whole // 12) if whole % 12 == 0 and not days else None
    year, month = divmod(int(parts[0]) * 12 + int(parts[1]) - 1 + whole, 12)
    if len(parts) == 2:
        return f"{year:04d}-{month + 1:02d}" if not days else None
    day = min(int(parts[2]), calendar.monthrange(year, month + 1)[1])
    end = date.fromordinal(date(year, month + 1, day).toordinal() + days)
    return end.isoformat()


def months_between(start: PartialDate, on: date) -> int:
    """Whole months from the start (its first possible day) to `on`; 0 if not yet begun."""
    first = earliest_day(start)
    months = (on.year - first.year) * 12 + on.month - first.month - (on.day < first.day)
    return max(months, 0)


# --- the case ---


def case_status(events: Iterable[EventRecord], *, as_of: date) -> CaseStatus:
    """The stage, term and time served of one person's case as of `as_of`.

    Rejected records and events dated after `as_of` are ignored. Undated events are
    taken as contemporary with the latest dated one (cases move forward), so an
    undated sentence beside a dated arrest still reads as sentenced.
    """
    known = [e for e in events if e.review != "rejected" and not is_after(e.date, as_of)]
    if not known:
        return CaseStatus(person_id="", as_of=as_of)
    stage_events = [e for e in known if e.type != "ill_treatment"]
    groups = occurrences(known)
    status = CaseStatus(
        person_id=known[0].person_id,
        as_of=as_of,
        conflicts=tuple(c for group in groups for c in conflicts_in(group)),
        charges=charges_of(known),
    )
    if stage_events:
        status = _with_stage(status, stage_events, groups)
    return _with_term(status, known, groups)


def _with_stage(
    status: CaseStatus, events: Sequence[EventRecord], groups: Sequence[list[EventRecord]]
) -> CaseStatus:
    latest = max(events, key=_process_key(events))
    stage = _stage_of(latest, events)
    reports = next(g for g in groups if any(e is latest for e in g))
    return replace(
        status,
        stage=stage,
        since=_finest_date(reports) or latest.date,
        stage_event_ids=tuple(sorted(e.id for e in reports)),
        in_custody=_in_custody(stage, events),
    )


def _finest_date(events: Sequence[EventRecord]) -> PartialDate | None:
    """The most precise date, where all reports agree with it."""
    dated = _agreeing_dates(events)
    return dated[0].date if dated else None


def _process_key(events: Sequence[EventRecord]):
    """Sort key (day, rank); undated events share the day of the latest dated one."""
    dated = [earliest_day(e.date) for e in events if e.date]
    last = max(dated) if dated else date.min

    def key(event: EventRecord) -> tuple[date, int]:
        day = earliest_day(event.date) if event.date else last
        return day, PROCESS_RANK[event.type]

    return key


def _stage_of(latest: EventRecord, events: Sequence[EventRecord]) -> Stage:
    """Name the stage the latest event opens."""
    key = _process_key(events)
    if latest.type == "trial" and any(
        e.type == "sentence" and key(e) < key(latest) for e in events
    ):
        return "on appeal"
    if latest.type == "sentence" and only_jailed(latest):
        return "detained"
    return {
        "arrest": "arrested",
        "charge": "charged",
        "trial": "on trial",
        "sentence": "sentenced",
        "release": "released",
        "killing": "killed",
    }[latest.type]


def only_jailed(event: EventRecord) -> bool:
    """A 'jailed'/'behind bars' report: custody is known, a court's sentence is not."""
    return "arrest" in event.also and event.sentence_months is None and not event.charges


def _in_custody(stage: Stage, events: Sequence[EventRecord]) -> bool:
    """Held now: an arrest nobody ended, or a reported prison term or jailing.

    A sentence alone is not custody (a fine, a suspended term); a term in months
    or a report that the person is jailed is.
    """
    if stage in ("released", "killed"):
        return False
    if stage == "detained":
        return True
    key = _process_key(events)
    released = max((key(e) for e in events if e.type == "release"), default=(date.min, 0))
    return any(
        key(e) > released
        and (
            e.type == "arrest"
            or (e.type == "sentence" and (e.sentence_months or "arrest" in e.also))
        )
        for e in events
    )


def _with_term(
    status: CaseStatus, events: Sequence[EventRecord], groups: Sequence[list[EventRecord]]
) -> CaseStatus:
    """Sentence length, custody start, time served and expected release, where known."""
    sentences = [g for g in groups if g[0].type == "sentence"]
    if not sentences:
        return status
    latest = max(
        sentences, key=lambda g: max(earliest_day(e.date) if e.date else date.min for e in g)
    )
    lengths = {e.sentence_months for e in latest if e.sentence_months is not None}
    if len(lengths) != 1:
        return status
    months = lengths.pop()
    start_events = custody_start(events, latest)
    start = start_events[0].date if start_events else None
    term = replace(
        status,
        sentence_months=months,
        sentence_event_ids=tuple(sorted(e.id for e in latest if e.sentence_months is not None)),
    )
    if start is None or status.stage in ("released", "killed"):
        return term
    return replace(
        term,
        sentence_start=start,
        start_event_ids=tuple(sorted(e.id for e in start_events)),
        served_months=min(months_between(start, status.as_of), int(months)),
        expected_release=add_months(start, months),
    )


def custody_start(
    events: Sequence[EventRecord], sentence: Sequence[EventRecord]
) -> list[EventRecord]:
    """Events dating the custody a term counts from.

    Pre-trial detention counts towards the term in most systems, so the term runs
    from the last arrest before the sentence that no release ended; failing that,
    from the sentence itself. Sources that date that start differently are a
    conflict, so no start is returned.
    """
    sentenced_on = (
        min(earliest_day(e.date) for e in sentence if e.date)
        if any(e.date for e in sentence)
        else None
    )
    if sentenced_on is None:
        return []
    before = [e for e in events if e.date and earliest_day(e.date) <= sentenced_on]
    arrests = [e for e in before if e.type == "arrest"]
    releases = [e for e in before if e.type == "release"]
    if arrests:
        last = max(earliest_day(e.date) for e in arrests)
        if not any(earliest_day(r.date) >= last for r in releases):
            return _agreeing_dates(
                [e for e in arrests if earliest_day(e.date or "") >= _window_start(last)]
            )
    return _agreeing_dates(sentence)


def _window_start(day: date) -> date:
    return date.fromordinal(day.toordinal() - SAME_EVENT_WINDOW_DAYS)


def _agreeing_dates(events: Sequence[EventRecord]) -> list[EventRecord]:
    """Dated events, most precise first, if their dates can all name one day; else []."""
    dated = sorted((e for e in events if e.date), key=lambda e: -len(e.date or ""))
    if not dated:
        return []
    finest = dated[0].date or ""
    return dated if all(compatible(finest, e.date or "") for e in dated) else []


def charges_of(events: Iterable[EventRecord]) -> tuple[str, ...]:
    """Every charge named in any event, first wording kept, in order of appearance."""
    seen: dict[str, str] = {}
    for event in events:
        for charge in event.charges:
            seen.setdefault(charge.strip().lower(), charge.strip())
    return tuple(seen.values())


# --- disagreement between sources ---


def occurrences(events: Iterable[EventRecord]) -> list[list[EventRecord]]:
    """Group reports of the same event: same type, dates within the window.

    Undated reports join the latest occurrence of their type, since a report
    without a date usually speaks of the most recent step.
    """
    by_type: dict[EventType, list[EventRecord]] = {}
    for event in events:
        by_type.setdefault(event.type, []).append(event)
    groups: list[list[EventRecord]] = []
    for same_type in by_type.values():
        groups.extend(_cluster_by_date(same_type))
    return groups


def _cluster_by_date(events: Sequence[EventRecord]) -> list[list[EventRecord]]:
    dated = sorted((e for e in events if e.date), key=lambda e: earliest_day(e.date or ""))
    clusters: list[list[EventRecord]] = []
    for event in dated:
        day = earliest_day(event.date or "")
        if clusters and (day - latest_day(clusters[-1][-1].date or "")).days <= (
            SAME_EVENT_WINDOW_DAYS
        ):
            clusters[-1].append(event)
        else:
            clusters.append([event])
    undated = [e for e in events if not e.date]
    if undated:
        if clusters:
            clusters[-1].extend(undated)
        else:
            clusters.append(undated)
    return clusters


def conflicts_in(group: Sequence[EventRecord]) -> list[Conflict]:
    """Disagreements among reports of one event, each as two or more claims."""
    event_type = group[0].type
    found = [
        _conflict(event_type, "date", _date_claims(group)),
        _conflict(event_type, "sentence_months", _claims(group, lambda e: e.sentence_months)),
        _conflict(event_type, "charges", _charge_claims(group)),
    ]
    return [c for c in found if c is not None]


def _conflict(event_type: EventType, attribute, claims: list[Claim]) -> Conflict | None:
    return Conflict(event_type, attribute, tuple(claims)) if len(claims) > 1 else None


def _claims(group: Sequence[EventRecord], value_of) -> list[Claim]:
    by_value: dict[object, list[EventRecord]] = {}
    for event in group:
        value = value_of(event)
        if value is not None:
            by_value.setdefault(value, []).append(event)
    return [_claim(value, events) for value, events in by_value.items()]


def _claim(value, events: Sequence[EventRecord]) -> Claim:
    return Claim(
        value=value,
        event_ids=tuple(sorted(e.id for e in events)),
        source_ids=tuple(sorted({e.source_id for e in events})),
    )


def _date_claims(group: Sequence[EventRecord]) -> list[Claim]:
    """Dates that cannot name the same day; '2012-10' supports '2012-10-08'."""
    claims = _claims(group, lambda e: e.date)
    values = [str(c.value) for c in claims]
    if all(compatible(a, b) for a in values for b in values):
        return []
    return claims


def _charge_claims(group: Sequence[EventRecord]) -> list[Claim]:
    """Charge lists that share no charge: one source's partial list is no dispute."""
    claims = _claims(group, lambda e: tuple(e.charges) or None)
    wordings = [{str(c).strip().lower() for c in claim.value} for claim in claims]  # type: ignore[union-attr]
    for i, a in enumerate(wordings):
        if any(a & b for b in wordings[i + 1 :]):
            return []
    return claims
