"""Server-rendered pages: one Jinja2 environment, autoescaping everything it renders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request

from rightsdesk.web.deps import expected_csrf_token, get_desk, session_user
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


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with what every page needs: the user, the CSRF token, the countries."""
    desk = get_desk(request)
    user = session_user(request)
    base = {
        "user": user,
        "csrf_field": CSRF_FIELD,
        "csrf_token": expected_csrf_token(request),
        "countries": desk.casebook.countries() if user else [],
        "path": request.url.path,
    }
    return desk.templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status_code
    )
