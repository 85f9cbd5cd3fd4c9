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
RoleForm = Annotated[Literal["viewer", "analyst", "admin"], Form()]


@router.get("/users", response_class=HTMLResponse)
def users(request: Request, desk: DeskDep, user: Admin):
    return page(request, "users.html", users=desk.accounts.users(), error=None)


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
        return page(request, "users.html", 400, users=desk.accounts.users(), error=str(error))
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
