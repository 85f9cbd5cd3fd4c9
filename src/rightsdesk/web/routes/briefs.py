"""The briefing builder: country, occasion, date, format -> a file to download.

A brief leaves the desk, so it is always built from the redacted record, whoever
asks: protected persons appear by case code and confidential facts are absent.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from rightsdesk.brief import FORMATS, build_brief, render
from rightsdesk.store.accounts import User
from rightsdesk.web.deps import Desk, DeskDep, FormDay, Viewer
from rightsdesk.web.render import page

router = APIRouter(prefix="/briefs", tags=["briefs"])
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def brief_file(
    desk: Desk, user: User, *, country: str, occasion: str, on: date, fmt: str,
    min_confidence: float = 0.0,
) -> Response:
    """A brief leaves the desk, so it is redacted for everyone, and it holds nothing of
    the countries walled off to the user's teams."""
    if fmt not in FORMATS:
        raise HTTPException(status_code=400, detail=f"unknown format {fmt!r}")
    lens = desk.casebook.lens(full=False, shut=desk.casebook.walls().shut_for(user))
    case_file = desk.casebook.overview(lens, country, on).case_file
    brief = build_brief(case_file, country=country, occasion=occasion, on=on,
                        min_confidence=min_confidence)
    content = render(brief, fmt)
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"brief-{country}-{occasion}-{on}").strip("-")
    return Response(
        content=content.encode() if isinstance(content, str) else content,
        media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
        headers={"content-disposition": f'attachment; filename="{name[:100]}.{fmt}"'},
    )


@router.get("", response_class=HTMLResponse)
def brief_form(request: Request, desk: DeskDep, user: Viewer):
    return page(request, "briefs.html", formats=FORMATS, today=desk.settings.today())


@router.post("")
def make_brief(
    desk: DeskDep,
    user: Viewer,
    country: Annotated[str, Form(pattern="^[A-Za-z]{2}$")],
    occasion: Annotated[str, Form(max_length=200)],
    on: FormDay,
    fmt: Annotated[str, Form(max_length=5)] = "md",
    min_confidence: Annotated[float, Form(ge=0.0, le=1.0)] = 0.0,
):
    return brief_file(desk, user, country=country.upper(), occasion=occasion, on=on, fmt=fmt,
                      min_confidence=min_confidence)
