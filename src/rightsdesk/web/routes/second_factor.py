"""The second factor in the desk: the code form after the password, enrolment with a QR
code, recovery codes.

These pages serve users who are not fully logged in yet (a waiting session), so
their access rule is public and each handler finds its user itself: the waiting
session of the right stage, or (for enrolment and recovery codes) a full login.
"""

from __future__ import annotations

import base64
from typing import Annotated

import qrcode
import qrcode.image.svg
from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rightsdesk.store.accounts import AccountError, Stage, Throttled, User
from rightsdesk.web.deps import DeskDep, Public, Viewer
from rightsdesk.web.render import page
from rightsdesk.web.routes.auth import safe_next, signed_in, with_session

router = APIRouter(tags=["session"])
CodeForm = Annotated[str, Form(max_length=32)]
NextForm = Annotated[str, Form(max_length=2000)]
TOO_MANY = "Too many failed attempts. Wait a few minutes and try again."


def waiting_user(request: Request, desk: DeskDep, stage: Stage) -> User | None:
    """The user whose session waits at `stage` (after a correct password), if any."""
    token = request.cookies.get(desk.settings.session_cookie)
    found = desk.accounts.waiting(token) if token else None
    return found[0] if found is not None and found[1] == stage else None


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def qr_code(uri: str) -> str:
    """The QR code of an otpauth:// address as an SVG data URI (the CSP allows data: images)."""
    svg = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


@router.get("/login/code", response_class=HTMLResponse)
def code_form(request: Request, desk: DeskDep, _: Public, next: str = "/dashboard"):
    if waiting_user(request, desk, "code") is None:
        return RedirectResponse("/login", status_code=303)
    return page(request, "login_code.html", next=safe_next(next), error=None)


@router.post("/login/code", response_class=HTMLResponse)
def enter_code(request: Request, desk: DeskDep, _: Public, code: CodeForm, next: NextForm = ""):
    user = waiting_user(request, desk, "code")
    if user is None:
        return RedirectResponse("/login", status_code=303)
    try:
        accepted = desk.second_factor.check(user, code, client_of(request))
    except Throttled:
        return page(request, "login_code.html", 429, next=safe_next(next), error=TOO_MANY)
    if not accepted:
        return page(request, "login_code.html", 401, next=safe_next(next),
                    error="That code is not right, or was used already.")
    token = desk.accounts.promote(request.cookies[desk.settings.session_cookie])
    return signed_in(request, desk, token, next)


def enrolling_user(request: Request, desk: DeskDep, user: User | None) -> User | None:
    """Who may enrol here: a full login, or a session waiting for enrolment."""
    return user or waiting_user(request, desk, "enrol")


@router.get("/account/second-factor", response_class=HTMLResponse)
def second_factor_page(request: Request, desk: DeskDep, user: Public, next: str = "/dashboard"):
    who = enrolling_user(request, desk, user)
    if who is None:
        return RedirectResponse("/login", status_code=303)
    if desk.second_factor.enrolled(who):
        left = desk.second_factor.recovery_codes_left(who)
        return page(request, "second_factor.html", enrolled=True, left=left, error=None)
    return _enrolment(request, desk, who, next, None)


def _enrolment(request: Request, desk: DeskDep, who: User, next: str, error: str | None,
               status_code: int = 200) -> Response:
    enrolment = desk.second_factor.enrolment(who)
    return page(request, "second_factor.html", status_code, enrolled=False, who=who,
                qr=qr_code(enrolment.uri), secret=enrolment.secret, next=safe_next(next),
                error=error,
                required=who.role in desk.second_factor.required_roles())


@router.post("/account/second-factor", response_class=HTMLResponse)
def enrol(request: Request, desk: DeskDep, user: Public, code: CodeForm, next: NextForm = ""):
    who = enrolling_user(request, desk, user)
    if who is None:
        return RedirectResponse("/login", status_code=303)
    try:
        codes = desk.second_factor.confirm(who, code, client_of(request))
    except Throttled:
        return _enrolment(request, desk, who, next, TOO_MANY, 429)
    except AccountError as error:
        return _enrolment(request, desk, who, next, str(error), 400)
    response = page(request, "recovery_codes.html", codes=codes, next=safe_next(next))
    if user is None:  # the enrolment was what this login waited for
        token = desk.accounts.promote(request.cookies[desk.settings.session_cookie])
        with_session(response, request, desk, token)
    return response


@router.post("/account/recovery-codes", response_class=HTMLResponse)
def renew_recovery_codes(request: Request, desk: DeskDep, user: Viewer):
    if not desk.second_factor.enrolled(user):
        raise HTTPException(status_code=400, detail="enrol a second factor first")
    codes = desk.second_factor.new_recovery_codes(user)
    return page(request, "recovery_codes.html", codes=codes, next="/account/second-factor")
