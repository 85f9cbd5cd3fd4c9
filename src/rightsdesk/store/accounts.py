"""Web desk users: argon2 password hashes, roles, server-side sessions, login throttling.

Sessions live in the store, not in a signed cookie, so logging out (or disabling a
user) ends a session for good; only a hash of the session token is stored, so a
copy of the database does not let anyone log in. Failed logins are counted per
user name and per client address, and a burst of them locks both out for a while.

A session has a stage: after the password alone, a user with a second factor holds
a session that opens only the code form ("code"), and a user whose role must have
one but has none holds one that opens only the enrolment form ("enrol"); see
`second_factor`. Only a "full" session is a login.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from rightsdesk.errors import RightsdeskError
from rightsdesk.store import schema
from rightsdesk.store.transactions import writing

Role = Literal["viewer", "analyst", "admin"]
Stage = Literal["code", "enrol", "full"]
ROLES: tuple[Role, ...] = get_args(Role)  # in order of power: each includes the ones before
USERNAME = re.compile(r"[A-Za-z0-9._-]{1,64}")  # safe in paths, forms and logs
MIN_PASSWORD_CHARS = 10

users = sa.Table(
    "users",
    schema.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("totp_secret", sa.String(64)),  # set at enrolment, in use once enabled
    sa.Column("totp_enabled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("totp_last_step", sa.BigInteger),  # the last code's time step: never again
)

sessions = sa.Table(
    "sessions",
    schema.metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("stage", sa.String(8), nullable=False, server_default="full"),
)

# Desk-wide settings an admin changes at run time (which roles need a second factor).
desk_policy = sa.Table(
    "desk_policy",
    schema.metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.JSON, nullable=False),
)
SECOND_FACTOR_ROLES = "second_factor_roles"

login_failures = sa.Table(
    "login_failures",
    schema.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(80), nullable=False),
    sa.Column("client", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_login_failures_at", "at"),
)


def _count(where: sa.ColumnElement[bool]) -> sa.Select:
    return sa.select(sa.func.count()).select_from(login_failures).where(where)


class Throttled(RightsdeskError):
    """This address has used its login attempts for now."""


class AccountError(RightsdeskError):
    """A user cannot be created or changed as asked (bad role, weak password, taken name)."""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    role: Role

    def can(self, role: Role) -> bool:
        """True when this user's role includes `role` (admin > analyst > viewer)."""
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True, slots=True, kw_only=True)
class Throttle:
    """How many failed logins in a window an address may make: for one user name, and
    for all names together. Nobody elsewhere can lock a user out of their own address."""

    max_failures: int = 5  # per (user name, address)
    max_per_client: int = 20  # per address, whatever the names
    window: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionPolicy:
    idle: timedelta = timedelta(hours=8)
    absolute: timedelta = timedelta(days=7)
    waiting: timedelta = timedelta(minutes=10)  # for a code or an enrolment, after the password


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    """Users and their sessions in the case store's database."""

    def __init__(
        self,
        engine: sa.Engine,
        *,
        hasher: PasswordHasher | None = None,
        throttle: Throttle = Throttle(),
        policy: SessionPolicy = SessionPolicy(),
    ) -> None:
        self._engine = engine
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash = self._hasher.hash(secrets.token_hex(8))
        self.throttle = throttle
        self.policy = policy

    # --- users ---

    def add_user(self, username: str, password: str, role: str) -> User:
        """Create a user; refuses unknown roles, short passwords and taken names."""
        if role not in ROLES:
            raise AccountError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD_CHARS:
            raise AccountError(f"password too short: at least {MIN_PASSWORD_CHARS} characters")
        username = username.strip()
        if not USERNAME.fullmatch(username):
            raise AccountError(
                f"user name {username!r}: use 1 to 64 letters, digits, '.', '_' or '-'")
        row = {
            "username": username,
            "password_hash": self._hasher.hash(password),
            "role": role,
            "disabled": False,
            "created_at": _now(),
        }
        try:
            with writing(self._engine) as conn:
                user_id = conn.execute(sa.insert(users).values(row)).inserted_primary_key[0]
        except sa.exc.IntegrityError:
            raise AccountError(f"user {username!r} already exists") from None
        return User(id=user_id, username=username, role=role)  # type: ignore[arg-type]

    def users(self) -> list[User]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(users).order_by(users.c.username)).all()
        return [User(id=r.id, username=r.username, role=r.role) for r in rows]

    def set_role(self, username: str, role: str) -> User:
        if role not in ROLES:
            raise AccountError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        with writing(self._engine) as conn:
            done = conn.execute(
                sa.update(users).where(users.c.username == username).values(role=role)
            )
            if not done.rowcount:
                raise AccountError(f"no user {username!r}")
            user_id = conn.scalar(sa.select(users.c.id).where(users.c.username == username))
        return User(id=user_id, username=username, role=role)  # type: ignore[arg-type]

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Disabling a user also ends all of their sessions."""
        with writing(self._engine) as conn:
            user_id = conn.scalar(sa.select(users.c.id).where(users.c.username == username))
            if user_id is None:
                raise AccountError(f"no user {username!r}")
            conn.execute(sa.update(users).where(users.c.id == user_id).values(disabled=disabled))
            conn.execute(sa.delete(sessions).where(sessions.c.user_id == user_id))

    # --- logging in ---

    def authenticate(self, username: str, password: str, client: str) -> User | None:
        """The user when the password matches, else None; `Throttled` when this address
        has used its attempts (for this name, or for all names) in the window.

        The attempt is counted before the password is checked, in one write
        transaction: forty requests at once get no more checks than one at a time.
        An unknown name costs a hash verification too, so timing does not tell which
        names exist.
        """
        attempt = self.claim_attempt(username, client)
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(users).where(users.c.username == username)).first()
        if not self._verify(row.password_hash if row else self._dummy_hash, password) or (
            row is None or row.disabled
        ):
            return None  # the attempt stays recorded as a failure
        self.forget_attempt(attempt)
        if self._hasher.check_needs_rehash(row.password_hash):
            self._store_hash(row.id, password)
        return User(id=row.id, username=row.username, role=row.role)

    def claim_attempt(self, username: str, client: str) -> int:
        """Record an attempt (a failure until it succeeds), unless the address is out of
        attempts; its id."""
        now = _now()
        start = now - self.throttle.window
        recent = login_failures.c.at >= start
        from_client = login_failures.c.client == client
        pair = sa.and_(recent, from_client, login_failures.c.username == username[:80])
        with writing(self._engine) as conn:
            conn.execute(sa.delete(login_failures).where(login_failures.c.at < start))
            if (conn.scalar(_count(pair)) >= self.throttle.max_failures
                    or conn.scalar(_count(sa.and_(recent, from_client)))
                    >= self.throttle.max_per_client):
                raise Throttled(f"too many failed logins from {client}")
            return conn.execute(sa.insert(login_failures).values(
                username=username[:80], client=client, at=now)).inserted_primary_key[0]

    def forget_attempt(self, attempt: int) -> None:
        """An attempt that succeeded does not count against anyone."""
        with writing(self._engine) as conn:
            conn.execute(sa.delete(login_failures).where(login_failures.c.id == attempt))

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _store_hash(self, user_id: int, password: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(
                sa.update(users)
                .where(users.c.id == user_id)
                .values(password_hash=self._hasher.hash(password))
            )

    # --- sessions ---

    def start_session(self, user: User, stage: Stage = "full") -> str:
        """A fresh random token for the cookie; a new one at every login (no fixation)."""
        token = secrets.token_urlsafe(32)
        now = _now()
        with writing(self._engine) as conn:
            conn.execute(sa.insert(sessions).values(
                token_hash=_token_hash(token), user_id=user.id, created_at=now, last_seen=now,
                stage=stage))
        return token

    def session_user(self, token: str) -> User | None:
        """The user of a live full session, or None for unknown, expired, disabled or
        waiting ones, and for a user whose role now needs a second factor they lack."""
        row = self._session(token)
        if row is None or row.stage != "full" or self._expired(row):
            return None
        if not row.totp_enabled and row.role in second_factor_roles(self._engine):
            return None
        if _now() - _aware(row.last_seen) > timedelta(minutes=5):
            self._touch(row.token_hash)
        return User(id=row.id, username=row.username, role=row.role)

    def waiting(self, token: str) -> tuple[User, Stage] | None:
        """The user of a session that waits for a code or an enrolment, and which."""
        row = self._session(token)
        if row is None or row.stage == "full" or _now() - _aware(
                row.created_at) > self.policy.waiting:
            return None
        return User(id=row.id, username=row.username, role=row.role), row.stage

    def promote(self, token: str) -> str:
        """The waiting session ended and a full one started for its user: a new token."""
        found = self.waiting(token)
        if found is None:
            raise AccountError("this login has expired; log in again")
        self.end_session(token)
        return self.start_session(found[0])

    def _session(self, token: str) -> sa.Row | None:
        query = (
            sa.select(users.c.id, users.c.username, users.c.role, users.c.disabled,
                      users.c.totp_enabled, sessions)
            .select_from(sessions.join(users, users.c.id == sessions.c.user_id))
            .where(sessions.c.token_hash == _token_hash(token))
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None or row.disabled else row

    def _expired(self, row: sa.Row) -> bool:
        now = _now()
        return (
            now - _aware(row.last_seen) > self.policy.idle
            or now - _aware(row.created_at) > self.policy.absolute
        )

    def _touch(self, token_hash: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(
                sa.update(sessions)
                .where(sessions.c.token_hash == token_hash)
                .values(last_seen=_now())
            )

    def end_session(self, token: str) -> None:
        with writing(self._engine) as conn:
            conn.execute(sa.delete(sessions).where(sessions.c.token_hash == _token_hash(token)))


def second_factor_roles(engine: sa.Engine) -> frozenset[str]:
    """The roles an admin said must sign in with a second factor."""
    query = sa.select(desk_policy.c.value).where(desk_policy.c.name == SECOND_FACTOR_ROLES)
    with engine.connect() as conn:
        value = conn.scalar(query)
    return frozenset(value or ())


def find_user(engine: sa.Engine, username: str) -> User | None:
    """A user by name, without the cost of building a password hasher."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
    return None if row is None else User(id=row.id, username=row.username, role=row.role)
