"""Typed dependencies: what a handler needs says itself in its signature.

Every route declares exactly one access rule: `Public`, `Viewer`, `Analyst` or
`Admin` (a test walks the app's routes and refuses any route without one). The
same rule checks the CSRF token of every state-changing request, so a route
cannot be writable and unprotected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Form, HTTPException, Path, Request
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from rightsdesk.errors import RightsdeskError
from rightsdesk.store import Store
from rightsdesk.store.accounts import Accounts, Role, User
from rightsdesk.store.second_factor import SecondFactor
from rightsdesk.store.teams import Teams
from rightsdesk.web.casebook import Casebook, one_version_per_read
from rightsdesk.web.lens import Lens
from rightsdesk.web.security import (
    PRE_SESSION_COOKIE,
    SAFE_METHODS,
    csrf_token,
    same_origin,
    sent_csrf_token,
    tokens_match,
)
from rightsdesk.web.settings import WebSettings


@dataclass(slots=True)
class Desk:
    """Everything one app instance holds; lives in `app.state.desk`, never in a global."""

    store: Store
    engine: sa.Engine
    accounts: Accounts
    second_factor: SecondFactor
    teams: Teams
    settings: WebSettings
    templates: Jinja2Templates
    casebook: Casebook


class LoginRequired(Exception):
    """No session: pages redirect to the login form, the API answers 401."""


def get_desk(request: Request) -> Desk:
    return request.app.state.desk


DeskDep = Annotated[Desk, Depends(get_desk)]


def session_user(request: Request) -> User | None:
    """The logged-in user, looked up once per request."""
    if not hasattr(request.state, "user"):
        desk = get_desk(request)
        token = request.cookies.get(desk.settings.session_cookie)
        request.state.user = desk.accounts.session_user(token) if token else None
    return request.state.user


def expected_csrf_token(request: Request) -> str:
    """The token this browser must send back: bound to its session or pre-session."""
    desk = get_desk(request)
    session = request.cookies.get(desk.settings.session_cookie)
    if session and session_user(request) is not None:
        return csrf_token(desk.settings.secret_key, "session:" + session)
    pre = getattr(request.state, "pre_session", None) or request.cookies.get(PRE_SESSION_COOKIE, "")
    return csrf_token(desk.settings.secret_key, "pre:" + pre) if pre else ""


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request without this browser's token (403)."""
    if request.method in SAFE_METHODS:
        return
    expected = await run_in_threadpool(expected_csrf_token, request)
    tls = get_desk(request).settings.secure_cookies
    if not same_origin(request, tls=tls) or not tokens_match(
            expected, await sent_csrf_token(request)):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")


def require(role: Role | None):
    """An access rule: None is public; otherwise the least role a user must have."""

    async def access(request: Request) -> User | None:
        if request.method in SAFE_METHODS:
            one_version_per_read()
        user = await run_in_threadpool(session_user, request)
        if role is not None and user is None:
            raise LoginRequired()
        if role is not None and user is not None and not user.can(role):
            raise HTTPException(status_code=403, detail=f"this needs the {role} role")
        await check_csrf(request)
        return user

    access.role = role  # type: ignore[attr-defined]  # read by the permission-matrix test
    access.__name__ = f"require_{role or 'public'}"
    return access


Public = Annotated[User | None, Depends(require(None))]
Viewer = Annotated[User, Depends(require("viewer"))]
Analyst = Annotated[User, Depends(require("analyst"))]
Admin = Annotated[User, Depends(require("admin"))]


def lens_for(desk: Desk, user: User | None) -> Lens:
    """Analysts and admins see confidential cases, viewers the redacted record; nobody
    but an admin sees the countries walled off to teams they are not in."""
    full = user is not None and user.can("analyst")
    return desk.casebook.lens(full=full, shut=desk.casebook.walls().shut_for(user))


def open_to(desk: Desk, user: User, country: str) -> None:
    """An analyst adds nothing to a country walled off to them (403)."""
    if country.upper() in lens_for(desk, user).outside.countries:
        raise HTTPException(status_code=403, detail=f"{country.upper()} belongs to another team")


def visible(desk: Desk, user: User, kind: str, fact_id: int) -> None:
    """A fact (or source) of a country walled off to this analyst is not found (404)."""
    if lens_for(desk, user).hides_fact(kind, fact_id):
        raise HTTPException(status_code=404, detail=f"no such {kind}")


def refused(error: RightsdeskError) -> HTTPException:
    """A store refusal (unknown id, bad value) as the form's 400 answer, its reason kept."""
    return HTTPException(status_code=400, detail=str(error))


# Bounds on what a request may name, so that no value reaches the store or date
# arithmetic out of range (a 20-digit id, year 1 or 9999): it is refused with 422.
MAX_RECORD_ID = 2**31 - 1  # the stores' integer keys (PostgreSQL INTEGER)
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
RecordId = Annotated[int, Path(ge=1, le=MAX_RECORD_ID)]
FormRecordId = Annotated[int, Form(ge=1, le=MAX_RECORD_ID)]
FormDay = Annotated[date, Form(ge=FIRST_DAY, le=LAST_DAY)]
