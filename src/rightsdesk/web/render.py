"""Server-rendered pages: one Jinja2 environment, autoescaping everything it renders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request

from rightsdesk.store.accounts import User
from rightsdesk.web.deps import Desk, expected_csrf_token, get_desk, session_user
from rightsdesk.web.security import CSRF_FIELD
from rightsdesk.web.wording import FILTERS

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def templates() -> Jinja2Templates:
    """Autoescape on for every template, whatever its file name: source text is hostile."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return Jinja2Templates(env=env)


def visible_countries(desk: Desk, user: User | None) -> list[str]:
    """The country menu: the countries with sources, less those walled off to this user."""
    if user is None:
        return []
    shut = desk.casebook.walls().shut_for(user)
    return [country for country in desk.casebook.countries() if country not in shut]


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with what every page needs: the user, the CSRF token, the countries."""
    desk = get_desk(request)
    user = session_user(request)
    base = {
        "user": user,
        "csrf_field": CSRF_FIELD,
        "csrf_token": expected_csrf_token(request),
        "countries": visible_countries(desk, user),
        "path": request.url.path,
    }
    return desk.templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status_code
    )
