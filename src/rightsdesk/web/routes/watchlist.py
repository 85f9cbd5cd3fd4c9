"""The watchlist: follow people and countries, see what changed since the last visit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rightsdesk.errors import UnknownPerson
from rightsdesk.store import watchlist
from rightsdesk.web.deps import DeskDep, Viewer, lens_for
from rightsdesk.web.digest import changes_since
from rightsdesk.web.render import page

router = APIRouter(prefix="/watchlist", tags=["pages"])
FIRST_VISIT_DAYS = 30  # a first visit shows the last month


@router.get("", response_class=HTMLResponse)
def watchlist_page(request: Request, desk: DeskDep, user: Viewer):
    lens = lens_for(desk, user)
    seen = watchlist.last_visit(desk.engine, user_id=user.id)
    since = seen or datetime.now(UTC) - timedelta(days=FIRST_VISIT_DAYS)
    follows = watchlist.followed(desk.engine, user_id=user.id)
    persons = []
    for person_id in follows["person"]:
        if lens.hides_person(person_id):
            continue
        try:
            persons.append(lens.person(desk.store.person(person_id)))
        except UnknownPerson:  # merged away since it was followed
            continue
    changes = changes_since(desk.store, since, user.username)
    return page(
        request,
        "watchlist.html",
        since=since,
        persons=persons,
        followed_countries=follows["country"],
        changes=changes,
    )


@router.post("/follow")
def follow(
    desk: DeskDep,
    user: Viewer,
    country: Annotated[str, Form(pattern="^[A-Za-z]{2}$")],
):
    watchlist.follow(desk.engine, user_id=user.id, kind="country", ref=country.upper())
    return RedirectResponse("/watchlist", status_code=303)


@router.post("/unfollow")
def unfollow(
    desk: DeskDep,
    user: Viewer,
    kind: Annotated[Literal["person", "country"], Form()],
    ref: Annotated[str, Form(max_length=200)],
):
    real = lens_for(desk, user).real_person_id(ref) if kind == "person" else ref
    if real:
        watchlist.unfollow(desk.engine, user_id=user.id, kind=kind, ref=real)
    return RedirectResponse("/watchlist", status_code=303)


@router.post("/seen")
def mark_seen(desk: DeskDep, user: Viewer):
    watchlist.mark_visit(desk.engine, user_id=user.id, at=datetime.now(UTC))
    return RedirectResponse("/watchlist", status_code=303)
