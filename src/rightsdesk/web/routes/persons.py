"""A person's page: status, timeline, charges, sentences, every fact with its evidence.

Analysts also merge, split and protect persons here; every change is audited.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rightsdesk.errors import RightsdeskError, UnknownPerson
from rightsdesk.model import EventRecord, PersonRecord, SourceRecord
from rightsdesk.status import CaseStatus, case_status
from rightsdesk.store import audit, review, watchlist
from rightsdesk.web.charts import person_line
from rightsdesk.web.deps import Analyst, Desk, DeskDep, Viewer, lens_for, refused
from rightsdesk.web.lens import Lens
from rightsdesk.web.render import page

router = APIRouter(prefix="/persons", tags=["pages"])


def stored_id(desk: Desk, lens: Lens, shown_id: str) -> str:
    """The store's id behind a link; 404 for what this reader may not know exists."""
    person_id = lens.real_person_id(shown_id)
    if person_id is None:
        raise HTTPException(status_code=404, detail="no such person")
    try:
        desk.store.person(person_id)
    except UnknownPerson:
        raise HTTPException(status_code=404, detail="no such person") from None
    return person_id


class PersonView:
    """What the person page shows, already through the reader's lens."""

    def __init__(self, desk: Desk, lens: Lens, person_id: str) -> None:
        person, timeline, sources = desk.casebook.person_file(person_id)  # raises UnknownPerson
        self.person: PersonRecord = lens.person(person)
        events = [
            lens.event(e)
            for e in timeline
            if not lens.hides_fact("event", e.id) and (lens.full or e.review != "rejected")
        ]
        self.events: list[EventRecord] = events
        active = [e for e in events if e.review != "rejected"]
        self.status: CaseStatus = case_status(active, as_of=desk.settings.today())
        self.sources: dict[int, SourceRecord] = {}
        for event in events:
            if event.source_id not in self.sources:
                self.sources[event.source_id] = lens.source(sources[event.source_id])
        self.sentences = [e for e in active if e.type == "sentence" and e.sentence_months]
        self.line = person_line(active)
        self.confidential_facts = {i for k, i in lens.protected.facts if k == "event"}


@router.get("/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, desk: DeskDep, user: Viewer, person_id: str):
    lens = lens_for(desk, user)
    real_id = lens.real_person_id(person_id)
    try:
        view = PersonView(desk, lens, real_id) if real_id is not None else None
    except UnknownPerson:
        view = None
    if view is None:
        raise HTTPException(status_code=404, detail="no such person")
    follows = watchlist.followed(desk.engine, user_id=user.id)["person"]
    return page(
        request,
        "person.html",
        view=view,
        shown_id=lens.person_id(real_id),
        following=real_id in follows,
        can_edit=user.can("analyst"),
    )


@router.get("/{person_id}/history", response_class=HTMLResponse)
def person_history(request: Request, desk: DeskDep, user: Analyst, person_id: str):
    real_id = stored_id(desk, lens_for(desk, user), person_id)
    entries = audit.history(desk.engine, kind="person", ref=real_id)
    event_ids = [e.id for e in desk.store.timeline(real_id)]
    for event_id in event_ids:
        entries += audit.history(desk.engine, kind="event", ref=event_id)
    entries.sort(key=lambda e: (e.at, e.id))
    return page(
        request,
        "history.html",
        title=f"History of {real_id}",
        entries=entries,
        back=f"/persons/{real_id}",
    )


def _back(person_id: str) -> RedirectResponse:
    return RedirectResponse(f"/persons/{person_id}", status_code=303)



@router.post("/{person_id}/follow")
def follow_person(desk: DeskDep, user: Viewer, person_id: str):
    lens = lens_for(desk, user)
    real_id = stored_id(desk, lens, person_id)
    watchlist.follow(desk.engine, user_id=user.id, kind="person", ref=real_id)
    return _back(lens.person_id(real_id))


@router.post("/{person_id}/unfollow")
def unfollow_person(desk: DeskDep, user: Viewer, person_id: str):
    lens = lens_for(desk, user)
    real_id = stored_id(desk, lens, person_id)
    watchlist.unfollow(desk.engine, user_id=user.id, kind="person", ref=real_id)
    return _back(lens.person_id(real_id))


@router.post("/{person_id}/confidential")
def protect_person(
    desk: DeskDep, user: Analyst, person_id: str, confidential: Annotated[str, Form()] = ""
):
    real_id = stored_id(desk, lens_for(desk, user), person_id)
    review.set_person_confidential(
        desk.engine, actor=user.username, person_id=real_id, confidential=confidential == "yes"
    )
    return _back(real_id)


@router.post("/{person_id}/merge")
def merge_person(
    desk: DeskDep, user: Analyst, person_id: str, absorb: Annotated[str, Form(max_length=200)]
):
    """`absorb` is the duplicate: its facts and names move here and its record goes."""
    keep = stored_id(desk, lens_for(desk, user), person_id)
    other = stored_id(desk, lens_for(desk, user), absorb.strip())
    try:
        review.merge_persons(desk.engine, actor=user.username, keep=keep, absorb=other)
    except RightsdeskError as error:
        raise refused(error) from error
    return _back(keep)


@router.post("/{person_id}/split")
def split_person(
    desk: DeskDep,
    user: Analyst,
    person_id: str,
    name: Annotated[str, Form(max_length=200)],
    event_ids: Annotated[list[int], Form()],
):
    real_id = stored_id(desk, lens_for(desk, user), person_id)
    try:
        new_id = review.split_person(
            desk.engine, actor=user.username, person_id=real_id, event_ids=event_ids, name=name
        )
    except RightsdeskError as error:
        raise refused(error) from error
    return _back(new_id)
