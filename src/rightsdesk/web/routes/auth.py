"""Logging in and out: throttled, a fresh session token at every login."""

from __future__ import annotations

from typing import Annotated

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
    token = await run_in_threadpool(accounts.start_session, user)
    response = RedirectResponse(safe_next(next), status_code=303)
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
