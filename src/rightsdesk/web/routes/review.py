"""The review queue and what analysts do to facts: accept, edit, reject, protect, add."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rightsdesk.errors import RightsdeskError, StoreError
from rightsdesk.model import EVENT_TYPES
from rightsdesk.store import audit, review
from rightsdesk.store.accounts import User
from rightsdesk.web.casebook import facts_where
from rightsdesk.web.deps import (
    Analyst,
    DeskDep,
    FormRecordId,
    RecordId,
    lens_for,
    open_to,
    refused,
    visible,
)
from rightsdesk.web.render import page
from rightsdesk.web.security import local_path

router = APIRouter(tags=["review"])
Kind = Literal["event", "statement", "occasion"]
QUEUE_SIZE = 50
SOON_SHOWN = 15  # the nearest occasions; the calendar has them all


def _back(request: Request, fallback: str) -> RedirectResponse:
    """Back to the page the form was on (same site only), else to `fallback`."""
    target = request.headers.get("referer", "")
    origin = f"{request.url.scheme}://{request.url.netloc}/"
    path = local_path("/" + target[len(origin) :]) if target.startswith(origin) else None
    return RedirectResponse(path or fallback, status_code=303)


@router.get("/review", response_class=HTMLResponse)
def review_queue(request: Request, desk: DeskDep, user: Analyst):
    today = desk.settings.today()
    lens = lens_for(desk, user)
    queue = review.review_queue(
        desk.engine, today=today, limit=QUEUE_SIZE, skip=lens.outside.countries)
    queue = [item for item in queue if not lens.hides_fact(item.kind, item.id)]
    facts = facts_where(
        desk.engine,
        event_ids=[i.id for i in queue if i.kind == "event"],
        statement_ids=[i.id for i in queue if i.kind == "statement"],
    )
    by_key = {("event", e.id): e for e in facts.events}
    by_key |= {("statement", s.id): s for s in facts.statements}
    persons = desk.casebook.persons([e.person_id for e in facts.events])
    soon = [o for o in desk.casebook.upcoming(today, review.UPCOMING_DAYS, limit=SOON_SHOWN)
            if not lens.hides_fact("occasion", o.id)]
    return page(
        request,
        "review.html",
        items=[
            (item, by_key[(item.kind, item.id)]) for item in queue if (item.kind, item.id) in by_key
        ],
        persons=persons,
        soon=soon,
    )


@router.post("/facts/{kind}/{fact_id}/review")
def decide(
    request: Request,
    desk: DeskDep,
    user: Analyst,
    kind: Kind,
    fact_id: RecordId,
    decision: Annotated[Literal["accepted", "rejected"], Form()],
):
    visible(desk, user, kind, fact_id)
    try:
        review.review_fact(
            desk.engine, actor=user.username, kind=kind, fact_id=fact_id, decision=decision
        )
    except StoreError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    return _back(request, "/review")


@router.post("/facts/{kind}/{fact_id}/confidential")
def protect_fact(
    request: Request,
    desk: DeskDep,
    user: Analyst,
    kind: Kind,
    fact_id: RecordId,
    confidential: Annotated[str, Form()] = "",
):
    visible(desk, user, kind, fact_id)
    try:
        review.set_fact_confidential(
            desk.engine,
            actor=user.username,
            kind=kind,
            fact_id=fact_id,
            confidential=confidential == "yes",
        )
    except StoreError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
    return _back(request, "/review")


@router.get("/facts/{kind}/{fact_id}/history", response_class=HTMLResponse)
def fact_history(request: Request, desk: DeskDep, user: Analyst, kind: Kind, fact_id: RecordId):
    visible(desk, user, kind, fact_id)
    entries = audit.history(desk.engine, kind=kind, ref=fact_id)
    return page(
        request,
        "history.html",
        title=f"History of {kind} {fact_id}",
        entries=entries,
        back="/review",
    )


def _event(desk: DeskDep, user: User, event_id: int):
    visible(desk, user, "event", event_id)
    found = facts_where(desk.engine, event_ids=[event_id]).events
    if not found:
        raise HTTPException(status_code=404, detail="no such event")
    return found[0]


@router.get("/facts/event/{event_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, desk: DeskDep, user: Analyst, event_id: RecordId):
    event = _event(desk, user, event_id)
    return page(
        request,
        "edit_event.html",
        event=event,
        event_types=EVENT_TYPES,
        person=desk.store.person(event.person_id),
        error=None,
    )


@router.post("/facts/event/{event_id}/edit")
def edit_event(
    request: Request,
    desk: DeskDep,
    user: Analyst,
    event_id: RecordId,
    type: Annotated[str, Form(max_length=20)],
    date: Annotated[str, Form(max_length=10)] = "",
    place: Annotated[str, Form(max_length=200)] = "",
    sentence_months: Annotated[str, Form(max_length=10)] = "",
    charges: Annotated[str, Form(max_length=2000)] = "",
):
    event = _event(desk, user, event_id)
    try:
        edit = review.EventEdit(
            type=type,
            date=date,
            place=place,
            sentence_months=float(sentence_months) if sentence_months.strip() else None,
            charges=[c for c in charges.splitlines() if c.strip()],
        )
        review.edit_event(desk.engine, actor=user.username, event_id=event_id, edit=edit)
    except (RightsdeskError, ValueError) as error:
        return page(
            request,
            "edit_event.html",
            400,
            event=event,
            event_types=EVENT_TYPES,
            person=desk.store.person(event.person_id),
            error=str(error),
        )
    return RedirectResponse(f"/persons/{event.person_id}", status_code=303)


# --- facts and persons added by hand ---


@router.get("/manual", response_class=HTMLResponse)
def manual_forms(request: Request, desk: DeskDep, user: Analyst, source: int | None = None):
    return page(request, "manual.html", event_types=EVENT_TYPES, source_id=source, error=None)


@router.post("/manual/source")
def add_source(
    desk: DeskDep,
    user: Analyst,
    title: Annotated[str, Form(max_length=300)],
    text: Annotated[str, Form(max_length=100_000)],
    url: Annotated[str, Form(max_length=2000)] = "",
    country: Annotated[str, Form(pattern="^[A-Za-z]{0,2}$")] = "",
    published: Annotated[str, Form(max_length=10)] = "",
):
    open_to(desk, user, country)
    try:
        day = date.fromisoformat(published) if published else None
        source_id = review.add_manual_source(
            desk.engine,
            actor=user.username,
            source=review.ManualSource(
                title=title, text=text, url=url or None, country=country or None, published=day
            ),
        )
    except (RightsdeskError, ValueError) as error:
        raise refused(error) from error
    return RedirectResponse(f"/manual?source={source_id}", status_code=303)


@router.post("/manual/person")
def add_person(
    desk: DeskDep,
    user: Analyst,
    name: Annotated[str, Form(max_length=200)],
    source_id: FormRecordId,
    country: Annotated[str, Form(pattern="^[A-Za-z]{0,2}$")] = "",
):
    visible(desk, user, "source", source_id)
    open_to(desk, user, country)
    try:
        person_id = review.add_manual_person(
            desk.engine, actor=user.username, name=name, source_id=source_id, country=country
        )
    except RightsdeskError as error:
        raise refused(error) from error
    return RedirectResponse(f"/persons/{person_id}", status_code=303)


@router.post("/manual/event")
def add_event(
    desk: DeskDep,
    user: Analyst,
    person_id: Annotated[str, Form(max_length=200)],
    source_id: FormRecordId,
    type: Annotated[str, Form(max_length=20)],
    sentence: Annotated[str, Form(max_length=5000)],
    date: Annotated[str, Form(max_length=10)] = "",
    place: Annotated[str, Form(max_length=200)] = "",
    sentence_months: Annotated[str, Form(max_length=10)] = "",
    charges: Annotated[str, Form(max_length=2000)] = "",
):
    visible(desk, user, "source", source_id)
    if lens_for(desk, user).real_person_id(person_id.strip()) is None:
        raise HTTPException(status_code=404, detail="no such person")
    try:
        event = review.ManualEvent(
            person_id=person_id.strip(),
            source_id=source_id,
            type=type,
            sentence=sentence,
            date=date,
            place=place,
            sentence_months=float(sentence_months) if sentence_months.strip() else None,
            charges=[c for c in charges.splitlines() if c.strip()],
        )
        review.add_manual_event(desk.engine, actor=user.username, event=event)
    except (RightsdeskError, ValueError) as error:
        raise refused(error) from error
    return RedirectResponse(f"/persons/{event.person_id}", status_code=303)
