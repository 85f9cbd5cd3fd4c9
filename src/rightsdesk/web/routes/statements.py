"""Statements per country: who said what about the country's prisoners, and when."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from rightsdesk.web.deps import DeskDep, Viewer, lens_for
from rightsdesk.web.render import page

router = APIRouter(tags=["pages"])
SHOWN = 300  # the latest statements; older ones are in the API and the briefs


@router.get("/statements", response_class=HTMLResponse)
def statements(
    request: Request,
    desk: DeskDep,
    user: Viewer,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{0,2}$")] = None,
):
    country = country.upper() if country else None
    overview = desk.casebook.overview(lens_for(desk, user), country, desk.settings.today())
    by_actor = defaultdict(list)
    shown = [s for s in reversed(overview.case_file.statements) if s.review != "rejected"]
    for statement in shown[:SHOWN]:
        by_actor[statement.actor].append(statement)
    actors = sorted(by_actor.items(), key=lambda item: (-len(item[1]), item[0]))
    return page(
        request, "statements.html", country=country, actors=actors, sources=overview.sources
    )
