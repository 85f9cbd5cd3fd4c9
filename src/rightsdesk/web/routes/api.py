"""REST API under /api/v1: the same records, lens and roles as the pages, as JSON.

State-changing calls need the `X-CSRF-Token` header (from `GET /api/v1/me`), as
forms need their hidden field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from rightsdesk.errors import StoreError
from rightsdesk.model import EVENT_TYPES
from rightsdesk.status import case_status
from rightsdesk.store import review
from rightsdesk.web.casebook import read_source
from rightsdesk.web.deps import (
    Analyst,
    DeskDep,
    RecordId,
    Viewer,
    expected_csrf_token,
    lens_for,
    visible,
)
from rightsdesk.web.routes.briefs import brief_file
from rightsdesk.web.routes.persons import stored_id
from rightsdesk.web.schemas import (
    BriefRequest,
    EventOut,
    Me,
    OccasionOut,
    PersonDetail,
    PersonOut,
    ReviewRequest,
    SearchHitOut,
    SourceOut,
    StatementOut,
)
from rightsdesk.web.search import search_hits

router = APIRouter(prefix="/api/v1", tags=["api"])
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{0,2}$")]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _overview(desk: DeskDep, user, country: str | None):
    country = country.upper() if country else None
    return desk.casebook.overview(lens_for(desk, user), country, desk.settings.today())


@router.get("/me", response_model=Me)
def me(request: Request, user: Viewer):
    return Me(username=user.username, role=user.role, csrf_token=expected_csrf_token(request))


@router.get("/persons", response_model=list[PersonOut])
def persons(desk: DeskDep, user: Viewer, country: Country = None, limit: Limit = 200):
    overview = _overview(desk, user, country)
    return [
        PersonOut.of(p, overview.statuses.get(p.id))
        for p in list(overview.persons.values())[:limit]
    ]


@router.get("/persons/{person_id}", response_model=PersonDetail)
def person(desk: DeskDep, user: Viewer, person_id: str):
    lens = lens_for(desk, user)
    real_id = stored_id(desk, lens, person_id)
    events = [
        lens.event(e)
        for e in desk.store.timeline(real_id)
        if not lens.hides_fact("event", e.id) and e.review != "rejected"
    ]
    status = case_status(events, as_of=desk.settings.today())
    return PersonDetail(
        person=PersonOut.of(lens.person(desk.store.person(real_id)), status),
        charges=list(status.charges),
        sentence_months=status.sentence_months,
        expected_release=status.expected_release,
        events=[EventOut.of(e) for e in events],
    )


@router.get("/events", response_model=list[EventOut])
def events(
    desk: DeskDep,
    user: Viewer,
    country: Country = None,
    type: Annotated[str | None, Query(max_length=20)] = None,
    limit: Limit = 200,
):
    overview = _overview(desk, user, country)
    found = [
        e
        for e in overview.case_file.events
        if e.review != "rejected" and (type not in EVENT_TYPES or e.type == type)
    ]
    return [EventOut.of(e) for e in found[-limit:]]


@router.get("/statements", response_model=list[StatementOut])
def statements(desk: DeskDep, user: Viewer, country: Country = None, limit: Limit = 200):
    found = [
        s for s in _overview(desk, user, country).case_file.statements if s.review != "rejected"
    ]
    return [StatementOut.of(s) for s in found[-limit:]]


@router.get("/occasions", response_model=list[OccasionOut])
def occasions(desk: DeskDep, user: Viewer, country: Country = None, limit: Limit = 200):
    return [OccasionOut.of(o) for o in _overview(desk, user, country).case_file.occasions[:limit]]


@router.get("/sources/{source_id}", response_model=SourceOut)
def source(desk: DeskDep, user: Viewer, source_id: RecordId):
    try:
        reading = read_source(desk.store, desk.engine, lens_for(desk, user), source_id)
    except StoreError:
        raise HTTPException(status_code=404, detail="no such source") from None
    return SourceOut.of(reading.source, "".join(p.text for p in reading.spans))


@router.get("/search", response_model=list[SearchHitOut])
def search(
    desk: DeskDep,
    user: Viewer,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
):
    hits = search_hits(desk, lens_for(desk, user), q, limit=limit)
    return [
        SearchHitOut(
            kind=h.kind,
            ref_id=h.ref_id,
            source_id=h.source_id,
            title=h.title,
            snippet="".join(f"[{p.text}]" if p.mark else p.text for p in h.snippet),
        )
        for h in hits
    ]


@router.post("/brief")
def brief(desk: DeskDep, user: Viewer, body: BriefRequest):
    return brief_file(
        desk, user, country=body.country.upper(), occasion=body.occasion, on=body.on,
        fmt=body.format, min_confidence=body.min_confidence,
    )


@router.post("/facts/{kind}/{fact_id}/review", status_code=204)
def review_fact(
    desk: DeskDep,
    user: Analyst,
    kind: Literal["event", "statement", "occasion"],
    fact_id: RecordId,
    body: ReviewRequest,
):
    visible(desk, user, kind, fact_id)
    try:
        review.review_fact(
            desk.engine, actor=user.username, kind=kind, fact_id=fact_id, decision=body.decision
        )
    except StoreError as error:
        raise HTTPException(status_code=404, detail=str(error)) from error
