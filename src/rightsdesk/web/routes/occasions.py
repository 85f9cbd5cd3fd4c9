"""The occasions calendar: visits, hearings, trials, reviews an advocate can use."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from rightsdesk.status import earliest_day
from rightsdesk.web.deps import DeskDep, Viewer, lens_for
from rightsdesk.web.render import page
from rightsdesk.web.wording import partial_date

router = APIRouter(tags=["pages"])
PAST_DAYS = 30  # recent occasions stay on the calendar for follow-up


@router.get("/occasions", response_class=HTMLResponse)
def occasions(
    request: Request,
    desk: DeskDep,
    user: Viewer,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{0,2}$")] = None,
):
    country = country.upper() if country else None
    today = desk.settings.today()
    overview = desk.casebook.overview(lens_for(desk, user), country, today)
    months = defaultdict(list)
    undated = []
    for occasion in overview.case_file.occasions:
        if not occasion.date:
            undated.append(occasion)
        elif earliest_day(occasion.date) >= today - timedelta(days=PAST_DAYS):
            months[partial_date(occasion.date[:7])].append(occasion)
    return page(
        request,
        "occasions.html",
        country=country,
        months=list(months.items()),
        undated=undated,
        persons=overview.persons,
        sources=overview.sources,
        today=today,
    )
