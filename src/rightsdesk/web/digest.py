"""What changed since a moment: the watchlist page and `rightsdesk digest --since DATE`.

A digest leaves the desk (mail, chat), so it always goes through the redacting
lens: protected persons appear by case code only. A user's digest also leaves out
the countries walled off to their teams.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from rightsdesk.store import Store, watchlist
from rightsdesk.store.accounts import User, find_user
from rightsdesk.store.review import protected
from rightsdesk.store.teams import Teams, outside
from rightsdesk.web.lens import Lens
from rightsdesk.web.wording import partial_date

HEADLINES = {
    "arrest": "arrested",
    "charge": "charged",
    "trial": "on trial",
    "sentence": "sentenced",
    "release": "released",
    "ill_treatment": "ill-treatment reported",
    "killing": "killed",
}


@dataclass(frozen=True, slots=True)
class Change:
    """One line of a digest: a new event or an occasion ahead, with where it was read."""

    kind: str  # event | occasion
    type: str
    person_id: str | None  # as the digest names them (a case code when protected)
    person: str | None
    country: str | None
    date: str | None
    source_id: int
    stored_at: datetime

    def line(self) -> str:
        who = self.person or "(no person)"
        what = HEADLINES.get(self.type, self.type) if self.kind == "event" else self.type
        where = f" [{self.country}]" if self.country else ""
        return f"{who}: {what}, {partial_date(self.date)}{where} (source {self.source_id})"


def _moment(since: date | datetime) -> datetime:
    if isinstance(since, datetime):
        return since if since.tzinfo else since.replace(tzinfo=UTC)
    return datetime.combine(since, time.min, tzinfo=UTC)


def changes_since(store: Store, since: date | datetime, user: str | None = None) -> list[Change]:
    """New events and occasions stored after `since`; only what `user` follows, if given."""
    engine = store.engine
    reader = find_user(engine, user) if user is not None else None
    shut = Teams(engine).walls().shut_for(reader) if user is not None else frozenset()
    lens = Lens(protected(engine), full=False, outside=outside(engine, shut))
    wanted = _followed(engine, reader) if user is not None else None
    names = {p.id: p.name for p in store.known_persons()}
    changes = []
    for fact in watchlist.facts_since(engine, _moment(since)):
        if lens.hides_fact(fact.kind, fact.id):
            continue
        if wanted is not None and not _wanted(wanted, fact.person_id, fact.country):
            continue
        person = fact.person_id
        changes.append(
            Change(
                kind=fact.kind,
                type=fact.type,
                person_id=lens.person_id(person) if person else None,
                person=lens.text(names.get(person, person)) if person else None,
                country=fact.country,
                date=fact.date,
                source_id=fact.source_id,
                stored_at=fact.stored_at,
            )
        )
    return changes


def _followed(engine, reader: User | None) -> dict[str, list[str]]:
    if reader is None:
        return {"person": [], "country": []}
    return watchlist.followed(engine, user_id=reader.id)


def _wanted(wanted: dict[str, list[str]], person_id: str | None, country: str | None) -> bool:
    return person_id in wanted["person"] or (country is not None and country in wanted["country"])


def digest_text(changes: list[Change]) -> str:
    """Plain text for a mail or chat job, one change per line."""
    if not changes:
        return "Nothing new."
    return "\n".join(change.line() for change in changes)
