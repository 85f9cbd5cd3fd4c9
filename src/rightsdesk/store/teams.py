"""Teams: which readers may see which countries' cases.

A country granted to a team is walled: only the team's members (and admins) see
its sources, the persons of that country and every fact read from them or about
them. A country granted to no team stays open to every reader, as before teams
existed, so a desk without teams behaves as it always did.

Every change writes an audit row in its own transaction, which also tells the
desk's caches that what a reader may see has changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa

from rightsdesk.errors import RightsdeskError
from rightsdesk.store import audit, schema
from rightsdesk.store.accounts import User, users
from rightsdesk.store.transactions import writing

TEAM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")  # safe in paths, forms and logs
COUNTRY = re.compile(r"[A-Z]{2}")  # ISO 3166-1 alpha-2, as sources carry it

teams = sa.Table(
    "teams",
    schema.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
team_members = sa.Table(
    "team_members",
    schema.metadata,
    sa.Column("team_id", sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)
team_countries = sa.Table(
    "team_countries",
    schema.metadata,
    sa.Column("team_id", sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("country", sa.String(2), primary_key=True),
)


class TeamError(RightsdeskError):
    """A team cannot be created or changed as asked (bad name, unknown user or country)."""


@dataclass(frozen=True, slots=True)
class Team:
    name: str
    members: tuple[str, ...]
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Walls:
    """The walled countries, and the ones each user's teams open to them."""

    walled: frozenset[str] = frozenset()
    opened: dict[int, frozenset[str]] = field(default_factory=dict)  # user id -> countries

    def shut_for(self, user: User | None) -> frozenset[str]:
        """The countries this reader may not see: none for an admin."""
        if user is not None and user.can("admin"):
            return frozenset()
        return self.walled - self.opened.get(user.id, frozenset()) if user else self.walled


@dataclass(frozen=True, slots=True)
class Outside:
    """Everything of some countries that a reader may not see, read once."""

    countries: frozenset[str] = frozenset()
    facts: frozenset[tuple[str, int]] = frozenset()  # ("source", id) too
    persons: frozenset[str] = frozenset()
    names: dict[str, list[str]] = field(default_factory=dict)  # person id -> names to hide

    @property
    def empty(self) -> bool:
        return not (self.facts or self.persons)


NOTHING_OUTSIDE = Outside()


class Teams:
    """Teams, their members and their countries, in the case store's database."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def teams(self) -> list[Team]:
        with self._engine.connect() as conn:
            names = list(conn.scalars(sa.select(teams.c.name).order_by(teams.c.name)))
            members = conn.execute(
                sa.select(teams.c.name, users.c.username)
                .select_from(team_members.join(teams).join(users))
                .order_by(users.c.username)
            ).all()
            countries = conn.execute(
                sa.select(teams.c.name, team_countries.c.country)
                .select_from(team_countries.join(teams))
                .order_by(team_countries.c.country)
            ).all()
        member_of, country_of = defaultdict(list), defaultdict(list)
        for team, username in members:
            member_of[team].append(username)
        for team, country in countries:
            country_of[team].append(country)
        return [Team(n, tuple(member_of[n]), tuple(country_of[n])) for n in names]

    def walls(self) -> Walls:
        query = sa.select(team_countries.c.country, team_members.c.user_id).select_from(
            team_countries.outerjoin(
                team_members, team_members.c.team_id == team_countries.c.team_id))
        opened: dict[int, set[str]] = defaultdict(set)
        walled: set[str] = set()
        with self._engine.connect() as conn:
            for country, user_id in conn.execute(query):
                walled.add(country)
                if user_id is not None:
                    opened[user_id].add(country)
        return Walls(frozenset(walled), {u: frozenset(c) for u, c in opened.items()})

    # --- changes, each audited ---

    def add_team(self, name: str, *, actor: str) -> None:
        name = name.strip()
        if not TEAM_NAME.fullmatch(name):
            raise TeamError(f"team name {name!r}: use 1 to 64 letters, digits, spaces, '.', "
                            "'_' or '-', starting with a letter or digit")
        try:
            with writing(self._engine) as conn:
                conn.execute(sa.insert(teams).values(name=name, created_at=datetime.now(UTC)))
                _audit(conn, actor, "team added", name, None)
        except sa.exc.IntegrityError:
            raise TeamError(f"team {name!r} already exists") from None

    def remove_team(self, name: str, *, actor: str) -> None:
        """The team's countries open to every reader again unless another team holds them."""
        with writing(self._engine) as conn:
            team_id = _team_id(conn, name)
            conn.execute(sa.delete(team_members).where(team_members.c.team_id == team_id))
            conn.execute(sa.delete(team_countries).where(team_countries.c.team_id == team_id))
            conn.execute(sa.delete(teams).where(teams.c.id == team_id))
            _audit(conn, actor, "team removed", name, None)

    def add_member(self, name: str, username: str, *, actor: str) -> None:
        with writing(self._engine) as conn:
            team_id, user_id = _team_id(conn, name), _user_id(conn, username)
            if not conn.scalar(sa.select(sa.func.count()).where(
                    team_members.c.team_id == team_id, team_members.c.user_id == user_id)):
                conn.execute(sa.insert(team_members).values(team_id=team_id, user_id=user_id))
            _audit(conn, actor, "member added", name, {"user": username})

    def remove_member(self, name: str, username: str, *, actor: str) -> None:
        with writing(self._engine) as conn:
            team_id, user_id = _team_id(conn, name), _user_id(conn, username)
            conn.execute(sa.delete(team_members).where(
                team_members.c.team_id == team_id, team_members.c.user_id == user_id))
            _audit(conn, actor, "member removed", name, {"user": username})

    def grant(self, name: str, country: str, *, actor: str) -> None:
        """From now on only this team's members (and other teams holding it) see `country`."""
        country = _country(country)
        with writing(self._engine) as conn:
            team_id = _team_id(conn, name)
            if not conn.scalar(sa.select(sa.func.count()).where(
                    team_countries.c.team_id == team_id, team_countries.c.country == country)):
                conn.execute(sa.insert(team_countries).values(team_id=team_id, country=country))
            _audit(conn, actor, "country granted", name, {"country": country})

    def revoke(self, name: str, country: str, *, actor: str) -> None:
        country = _country(country)
        with writing(self._engine) as conn:
            team_id = _team_id(conn, name)
            conn.execute(sa.delete(team_countries).where(
                team_countries.c.team_id == team_id, team_countries.c.country == country))
            _audit(conn, actor, "country revoked", name, {"country": country})


def _audit(conn: sa.Connection, actor: str, action: str, team: str, after: dict | None) -> None:
    audit.record_change(conn, actor=actor, action=action, kind="team", ref=team,
                        before=None, after=after)


def _team_id(conn: sa.Connection, name: str) -> int:
    team_id = conn.scalar(sa.select(teams.c.id).where(teams.c.name == name.strip()))
    if team_id is None:
        raise TeamError(f"no team {name!r}; `rightsdesk team list` shows the teams")
    return team_id


def _user_id(conn: sa.Connection, username: str) -> int:
    user_id = conn.scalar(sa.select(users.c.id).where(users.c.username == username))
    if user_id is None:
        raise TeamError(f"no user {username!r}")
    return user_id


def _country(country: str) -> str:
    code = country.strip().upper()
    if not COUNTRY.fullmatch(code):
        raise TeamError(f"country {country!r}: use a two-letter code such as KZ or BY")
    return code


def outside(engine: sa.Engine, countries: frozenset[str]) -> Outside:
    """What a reader shut out of `countries` may not see, in one snapshot.

    Their sources and everything read from them; the persons of those countries,
    and persons named only in their sources (a person added by hand with no
    country stays visible); and the facts about those persons read elsewhere.
    Each set is one query, so the size of an archive never meets a parameter limit.
    """
    if not countries:
        return NOTHING_OUTSIDE
    s, p, m, op = schema.sources, schema.persons, schema.person_mentions, schema.occasion_persons
    events, statements, occasions = schema.events, schema.statements, schema.occasions
    walled = sa.select(s.c.id).where(s.c.country.in_(countries))
    named = sa.exists().where(m.c.person_id == p.c.id)
    named_openly = sa.exists().where(m.c.person_id == p.c.id, m.c.source_id.not_in(walled))
    persons = sa.select(p.c.id).where(
        sa.or_(p.c.country.in_(countries), sa.and_(named, ~named_openly)))
    queries = {
        "source": walled,
        "event": sa.select(events.c.id).where(
            sa.or_(events.c.source_id.in_(walled), events.c.person_id.in_(persons))),
        "statement": sa.select(statements.c.id).where(statements.c.source_id.in_(walled)),
        "occasion": sa.select(occasions.c.id).where(sa.or_(
            occasions.c.source_id.in_(walled),
            occasions.c.id.in_(sa.select(op.c.occasion_id).where(op.c.person_id.in_(persons))))),
    }
    with engine.connect() as conn:
        facts = {(kind, i) for kind, query in queries.items() for i in conn.scalars(query)}
        hidden = frozenset(conn.scalars(persons))
        names = _names(conn, persons)
    return Outside(frozenset(countries), frozenset(facts), hidden, names)


def _names(conn: sa.Connection, persons: sa.Select) -> dict[str, list[str]]:
    p, aliases, mentions = schema.persons, schema.person_aliases, schema.person_mentions
    names: dict[str, set[str]] = defaultdict(set)
    for key, column in ((p.c.id, p.c.name), (aliases.c.person_id, aliases.c.alias),
                        (mentions.c.person_id, mentions.c.name)):
        for person_id, name in conn.execute(sa.select(key, column).where(key.in_(persons))):
            names[person_id].add(name)
    return {person_id: sorted(found) for person_id, found in names.items()}
