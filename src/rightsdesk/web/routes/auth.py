"""Logging in and out: throttled, a fresh session token at every login.

A correct password alone gives a full session only to users without a second
factor whose role does not need one; others get a waiting session and are sent
to the code form or the enrolment form (routes/second_factor.py).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rightsdesk.store.accounts import Throttled
from rightsdesk.web.deps import DeskDep, Public, Viewer
from rightsdesk.web.render import page
from rightsdesk.web.security import PRE_SESSION_COOKIE, local_path, new_pre_session

router = APIRouter(tags=["session"])


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an absolute or scheme-relative URL."""
    return local_path(target) or "/dashboard"


def secure(request: Request, desk: DeskDep) -> bool:
    return desk.settings.secure_cookies or request.url.scheme == "https"


def set_cookie(response: Response, request: Request, desk: DeskDep, name: str, value: str) -> None:
    response.set_cookie(
        name, value, httponly=True, samesite="lax", secure=secure(request, desk), path="/"
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, desk: DeskDep, user: Public, next: str = "/dashboard"):
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    pre = request.cookies.get(PRE_SESSION_COOKIE) or new_pre_session()
    request.state.pre_session = pre
    response = page(request, "login.html", next=safe_next(next), error=None)
    set_cookie(response, request, desk, PRE_SESSION_COOKIE, pre)
    return response


@router.post("/login", response_class=HTMLResponse)
async def login(
    request: Request,
    desk: DeskDep,
    _: Public,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/dashboard",
):
    client = request.client.host if request.client else "unknown"
    accounts = desk.accounts
    try:
        user = await run_in_threadpool(accounts.authenticate, username, password, client)
    except Throttled:
        return page(
            request,
            "login.html",
            429,
            next=safe_next(next),
            error="Too many failed attempts. Wait a few minutes and try again.",
        )
    if user is None:
        return page(
            request, "login.html", 401, next=safe_next(next), error="Wrong user name or password."
        )
    old = request.cookies.get(desk.settings.session_cookie)
    if old:
        await run_in_threadpool(accounts.end_session, old)
    stage = await run_in_threadpool(desk.second_factor.stage_after_password, user)
    token = await run_in_threadpool(accounts.start_session, user, stage)
    if stage == "full":
        return signed_in(request, desk, token, next)
    form = "/login/code" if stage == "code" else "/account/second-factor"
    response = RedirectResponse(f"{form}?next={quote(safe_next(next), safe='/')}", 303)
    set_cookie(response, request, desk, desk.settings.session_cookie, token)
    return response  # the pre-session cookie stays: it keys the next form's CSRF token


def signed_in(request: Request, desk: DeskDep, token: str, next: str | None) -> Response:
    """The answer that ends a login: the full session's cookie, then where the user was going."""
    return with_session(RedirectResponse(safe_next(next), status_code=303), request, desk, token)


def with_session(response: Response, request: Request, desk: DeskDep, token: str) -> Response:
    """`response` carrying a full session's cookie; the pre-session cookie is done with."""
    set_cookie(response, request, desk, desk.settings.session_cookie, token)
    response.delete_cookie(PRE_SESSION_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, desk: DeskDep, _: Viewer):
    token = request.cookies.get(desk.settings.session_cookie)
    if token:
        desk.accounts.end_session(token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(desk.settings.session_cookie, path="/")
    return response
