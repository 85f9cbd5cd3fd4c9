"""Administration: users and roles, and the activity log of every change."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rightsdesk.store import audit
from rightsdesk.store.accounts import AccountError
from rightsdesk.store.transactions import writing
from rightsdesk.web.deps import Admin, DeskDep
from rightsdesk.web.render import page

router = APIRouter(prefix="/admin", tags=["admin"])
RoleName = Literal["viewer", "analyst", "admin"]
RoleForm = Annotated[RoleName, Form()]


def users_page(request: Request, desk: DeskDep, status_code: int = 200,
               error: str | None = None) -> HTMLResponse:
    return page(request, "users.html", status_code, users=desk.accounts.users(),
                enrolled=desk.second_factor.enrolled_names(),
                required=desk.second_factor.required_roles(), error=error)


@router.get("/users", response_class=HTMLResponse)
def users(request: Request, desk: DeskDep, user: Admin):
    return users_page(request, desk)


@router.post("/users")
def add_user(
    request: Request,
    desk: DeskDep,
    user: Admin,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1000)],
    role: RoleForm,
):
    try:
        desk.accounts.add_user(username, password, role)
    except AccountError as error:
        return users_page(request, desk, 400, str(error))
    _audit(desk, user.username, "added", username, {"role": role})
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/users/{username}/role")
def set_role(desk: DeskDep, user: Admin, username: str, role: RoleForm):
    try:
        desk.accounts.set_role(username, role)
    except AccountError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    _audit(desk, user.username, "role", username, {"role": role})
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/users/{username}/disable")
def disable(desk: DeskDep, user: Admin, username: str, disabled: Annotated[str, Form()] = "yes"):
    if username == user.username:
        raise HTTPException(status_code=400, detail="you cannot disable yourself")
    try:
        desk.accounts.set_disabled(username, disabled == "yes")
    except AccountError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    _audit(desk, user.username, "disabled" if disabled == "yes" else "enabled", username, None)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/users/{username}/second-factor/reset")
def reset_second_factor(desk: DeskDep, user: Admin, username: str):
    try:
        desk.second_factor.reset(username)
    except AccountError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    _audit(desk, user.username, "second factor reset", username, None)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/second-factor")
def require_second_factor(
    desk: DeskDep, user: Admin, roles: Annotated[list[RoleName] | None, Form()] = None
):
    """Which roles must sign in with a second factor (the form sends the ticked ones)."""
    required = desk.second_factor.require(roles or ())
    with writing(desk.engine) as conn:
        audit.record_change(conn, actor=user.username, action="second factor required",
                            kind="policy", ref="second_factor_roles", before=None,
                            after={"roles": sorted(required)})
    return RedirectResponse("/admin/users", status_code=303)


def _audit(desk: DeskDep, actor: str, action: str, username: str, after) -> None:
    with writing(desk.engine) as conn:
        audit.record_change(
            conn, actor=actor, action=action, kind="user", ref=username, before=None, after=after
        )


@router.get("/audit", response_class=HTMLResponse)
def activity(request: Request, desk: DeskDep, user: Admin):
    return page(
        request,
        "history.html",
        title="Activity",
        entries=audit.changes(desk.engine),
        back="/dashboard",
    )
