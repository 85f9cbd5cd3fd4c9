"""The country dashboard: who is detained, sentenced, released; what happened; what is ahead."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rightsdesk.model import EventRecord, OccasionRecord
from rightsdesk.status import earliest_day
from rightsdesk.web.casebook import Overview
from rightsdesk.web.charts import Chart, events_over_time
from rightsdesk.web.deps import DeskDep, Viewer, lens_for
from rightsdesk.web.render import page

router = APIRouter(tags=["pages"])
Country = Annotated[str | None, Query(max_length=2, pattern="^[A-Za-z]{0,2}$")]
LATEST = 12


@router.get("/")
def home(_: Viewer):
    return RedirectResponse("/dashboard", status_code=303)


@dataclass(frozen=True, slots=True)
class Figures:
    counts: dict[str, int]
    chart: Chart
    latest: list[EventRecord]
    ahead: list[OccasionRecord]


def figures(overview: Overview) -> Figures:
    statuses = overview.statuses.values()
    stages = Counter(s.stage for s in statuses)
    counts = {
        "detained": sum(s.in_custody for s in statuses),
        "sentenced": stages["sentenced"] + stages["on appeal"],
        "released": stages["released"],
        "killed": stages["killed"],
        "persons": len(overview.persons),
        "sources": len(overview.sources),
    }
    active = [e for events in overview.events_of.values() for e in events]
    dated = [e for e in active if e.date]
    latest = heapq.nlargest(LATEST, dated, key=lambda e: (earliest_day(e.date), e.id))
    today = overview.today
    ahead = [o for o in overview.case_file.occasions if o.date and earliest_day(o.date) >= today]
    return Figures(counts, events_over_time(active, today=today), latest, ahead[:LATEST])


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, desk: DeskDep, user: Viewer, country: Country = None):
    country = country.upper() if country else None
    overview = desk.casebook.overview(lens_for(desk, user), country, desk.settings.today())
    shown = overview.remember("dashboard", figures)
    return page(
        request,
        "dashboard.html",
        country=country,
        counts=shown.counts,
        chart=shown.chart,
        latest=shown.latest,
        ahead=shown.ahead,
        overview=overview,
    )
