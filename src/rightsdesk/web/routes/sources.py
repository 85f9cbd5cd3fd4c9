"""A source page: the clean text with its facts highlighted; the raw page is never shown."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from rightsdesk.errors import StoreError
from rightsdesk.web.casebook import read_source
from rightsdesk.web.deps import DeskDep, RecordId, Viewer, lens_for
from rightsdesk.web.render import page

router = APIRouter(prefix="/sources", tags=["pages"])


@router.get("/{source_id}", response_class=HTMLResponse)
def source_page(request: Request, desk: DeskDep, user: Viewer, source_id: RecordId):
    lens = lens_for(desk, user)
    try:
        reading = read_source(desk.store, desk.engine, lens, source_id)
    except StoreError:
        raise HTTPException(status_code=404, detail="no such source") from None
    facts = reading.facts
    events = [lens.event(e) for e in facts.events if not lens.hides_fact("event", e.id)]
    if not lens.full:
        events = [e for e in events if e.review != "rejected"]
    statements = [lens.statement(s) for s in facts.statements
                  if not lens.hides_fact("statement", s.id)]
    occasions = [lens.occasion(o) for o in facts.occasions if not lens.hides_fact("occasion", o.id)]
    persons = desk.casebook.persons([e.person_id for e in facts.events])
    names = {lens.person_id(pid): lens.person(person).name for pid, person in persons.items()}
    return page(
        request,
        "source.html",
        source=reading.source,
        spans=reading.spans,
        events=events,
        statements=[(s, s.evidence.sentence) for s in statements],
        occasions=occasions,
        names=names,
        lens=lens,
    )
