"""Teams in the desk (admins): create and remove teams, add and remove members, grant and
revoke countries. Each change is audited by the store and seen at the next request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rightsdesk.store.teams import TeamError
from rightsdesk.web.deps import Admin, DeskDep
from rightsdesk.web.render import page

router = APIRouter(prefix="/admin/teams", tags=["admin"])
TeamForm = Annotated[str, Form(max_length=64)]
UserForm = Annotated[str, Form(max_length=80)]
CountryForm = Annotated[str, Form(max_length=2)]


def teams_page(request: Request, desk: DeskDep, status_code: int = 200,
               error: str | None = None) -> HTMLResponse:
    return page(request, "teams.html", status_code, teams=desk.teams.teams(),
                users=desk.accounts.users(), countries=desk.casebook.countries(), error=error)


def _changed(request: Request, desk: DeskDep, change: Callable[[], None]) -> Response:
    """Make the change and go back to the list; a refusal is shown on the list (400)."""
    try:
        change()
    except TeamError as error:
        return teams_page(request, desk, 400, str(error))
    return RedirectResponse("/admin/teams", status_code=303)


@router.get("", response_class=HTMLResponse)
def teams(request: Request, desk: DeskDep, user: Admin):
    return teams_page(request, desk)


@router.post("")
def add_team(request: Request, desk: DeskDep, user: Admin, name: TeamForm):
    return _changed(request, desk, lambda: desk.teams.add_team(name, actor=user.username))


@router.post("/{team}/remove")
def remove_team(request: Request, desk: DeskDep, user: Admin, team: str):
    return _changed(request, desk, lambda: desk.teams.remove_team(team, actor=user.username))


@router.post("/{team}/members")
def add_member(request: Request, desk: DeskDep, user: Admin, team: str, username: UserForm):
    return _changed(
        request, desk, lambda: desk.teams.add_member(team, username, actor=user.username))


@router.post("/{team}/members/{username}/remove")
def remove_member(request: Request, desk: DeskDep, user: Admin, team: str, username: str):
    return _changed(
        request, desk, lambda: desk.teams.remove_member(team, username, actor=user.username))


@router.post("/{team}/countries")
def grant(request: Request, desk: DeskDep, user: Admin, team: str, country: CountryForm):
    return _changed(request, desk, lambda: desk.teams.grant(team, country, actor=user.username))


@router.post("/{team}/countries/{country}/remove")
def revoke(request: Request, desk: DeskDep, user: Admin, team: str, country: str):
    return _changed(request, desk, lambda: desk.teams.revoke(team, country, actor=user.username))
