"""The case list: facets (country, status, event type, dates, reviewed) and full-text search."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from rightsdesk.model import EVENT_TYPES, PersonRecord
from rightsdesk.status import CaseStatus, earliest_day
from rightsdesk.web.casebook import Overview
from rightsdesk.web.deps import Desk, DeskDep, Viewer, lens_for
from rightsdesk.web.lens import Lens
from rightsdesk.web.render import page
from rightsdesk.web.search import matching_person_ids

router = APIRouter(tags=["pages"])
SEARCH_HITS = 500  # enough hits to find every person a query names


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseQuery:
    country: str | None = None
    status: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    reviewed: str | None = None  # "yes" | "no"
    q: str | None = None


@dataclass(frozen=True, slots=True)
class CaseRow:
    person: PersonRecord
    status: CaseStatus | None
    events: int
    reviewed: bool
    last: str | None


def all_rows(overview: Overview) -> list[CaseRow]:
    """Every person with their status, most recent activity first (computed once)."""
    rows = []
    for person_id, person in overview.persons.items():
        events = overview.events_of.get(person_id, [])
        reviewed = any(e.review != "machine" for e in events)
        last = max((e.date for e in events if e.date), key=earliest_day, default=None)
        rows.append(CaseRow(person, overview.statuses.get(person_id), len(events), reviewed, last))
    rows.sort(key=lambda r: (r.last is None, _negated(r.last), r.person.name))
    return rows


def case_rows(overview: Overview, query: CaseQuery, found: set[str] | None) -> list[CaseRow]:
    """Persons matching every facet, most recent activity first."""
    return [
        row
        for row in overview.remember("case rows", all_rows)
        if (found is None or row.person.id in found) and _matches(overview, row, query)
    ]


def _matches(overview: Overview, row: CaseRow, query: CaseQuery) -> bool:
    events = overview.events_of.get(row.person.id, [])
    if query.type and not any(e.type == query.type or query.type in e.also for e in events):
        return False
    if (query.since or query.until) and not _in_range(events, query):
        return False
    if query.reviewed and (query.reviewed == "yes") != row.reviewed:
        return False
    return not query.status or (row.status is not None and row.status.stage == query.status)


def _negated(last: str | None) -> int:
    return -earliest_day(last).toordinal() if last else 0


def _in_range(events, query: CaseQuery) -> bool:
    for event in events:
        if not event.date:
            continue
        day = earliest_day(event.date)
        if (query.since is None or day >= query.since) and (
            query.until is None or day <= query.until
        ):
            return True
    return False


def facet_counts(overview: Overview) -> dict[str, Counter]:
    return overview.remember("facets", _facet_counts)


def _facet_counts(overview: Overview) -> dict[str, Counter]:
    stages = Counter(s.stage for s in overview.statuses.values() if s.stage)
    types = Counter(e.type for events in overview.events_of.values() for e in events)
    return {"status": stages, "type": types}


def search_cases(desk: Desk, lens: Lens, overview: Overview, query: CaseQuery) -> list[CaseRow]:
    found = None
    if query.q:
        found = matching_person_ids(desk, lens, overview, query.q, limit=SEARCH_HITS)
    return case_rows(overview, query, found)


@router.get("/cases", response_class=HTMLResponse)
def cases(
    request: Request,
    desk: DeskDep,
    user: Viewer,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{0,2}$")] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
    type: Annotated[str | None, Query(max_length=20)] = None,
    since: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    until: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    reviewed: Annotated[str | None, Query(pattern="^(yes|no)?$")] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page_number: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
):
    query = CaseQuery(
        country=country.upper() if country else None,
        status=status or None,
        type=type if type in EVENT_TYPES else None,
        since=_day(since),
        until=_day(until),
        reviewed=reviewed or None,
        q=(q or "").strip() or None,
    )
    lens = lens_for(desk, user)
    overview = desk.casebook.overview(lens, query.country, desk.settings.today())
    rows = search_cases(desk, lens, overview, query)
    size = desk.settings.page_size
    return page(
        request,
        "cases.html",
        query=query,
        rows=rows[(page_number - 1) * size : page_number * size],
        total=len(rows),
        page_number=page_number,
        pages=max(1, -(-len(rows) // size)),
        facets=facet_counts(overview),
        event_types=EVENT_TYPES,
        raw={
            "country": country or "",
            "status": status or "",
            "type": type or "",
            "from": since or "",
            "to": until or "",
            "reviewed": reviewed or "",
            "q": q or "",
        },
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
