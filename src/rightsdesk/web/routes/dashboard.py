"""The country dashboard: who is detained, sentenced, released; what happened; what is ahead."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rightsdesk.status import earliest_day
from rightsdesk.web.charts import events_over_time
from rightsdesk.web.deps import DeskDep, Viewer, lens_for
from rightsdesk.web.render import page

router = APIRouter(tags=["pages"])
Country = Annotated[str | None, Query(max_length=2, pattern="^[A-Za-z]{0,2}$")]
LATEST = 12


@router.get("/")
def home(_: Viewer):
    return RedirectResponse("/dashboard", status_code=303)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, desk: DeskDep, user: Viewer, country: Country = None):
    country = country.upper() if country else None
    today = desk.settings.today()
    overview = desk.casebook.overview(lens_for(desk, user), country, today)
    stages = Counter(s.stage for s in overview.statuses.values())
    counts = {
        "detained": sum(s.in_custody for s in overview.statuses.values()),
        "sentenced": stages["sentenced"] + stages["on appeal"],
        "released": stages["released"],
        "killed": stages["killed"],
        "persons": len(overview.persons),
        "sources": len(overview.sources),
    }
    active = [e for events in overview.events_of.values() for e in events]
    latest = sorted(
        (e for e in active if e.date), key=lambda e: (earliest_day(e.date), e.id), reverse=True
    )[:LATEST]
    ahead = [o for o in overview.case_file.occasions if o.date and earliest_day(o.date) >= today][
        :LATEST
    ]
    return page(
        request,
        "dashboard.html",
        country=country,
        counts=counts,
        chart=events_over_time(active, today=today),
        latest=latest,
        ahead=ahead,
        overview=overview,
    )
