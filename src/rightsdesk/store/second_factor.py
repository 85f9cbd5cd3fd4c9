"""A second factor for desk logins: TOTP codes (RFC 6238, by pyotp) and recovery codes.

A user enrols by scanning a QR code of their secret and typing back one code; from
then on their password alone opens only the code form. An admin may require a
second factor of whole roles (those that see confidential cases): a user of such
a role who has none can, with their password, only enrol.

A code is taken once: the time step it belongs to is stored, and a code of that
step or an earlier one is refused, so a code seen over a shoulder cannot be
replayed. Code attempts count against the same throttle as passwords. Recovery
codes are random, shown once, stored as hashes and used up one by one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyotp
import sqlalchemy as sa

from rightsdesk.store import schema
from rightsdesk.store.accounts import (
    ROLES,
    SECOND_FACTOR_ROLES,
    AccountError,
    Accounts,
    Stage,
    User,
    desk_policy,
    second_factor_roles,
    sessions,
    users,
)
from rightsdesk.store.transactions import writing

ISSUER = "rightsdesk"  # the name authenticator apps list the code under
STEP_SECONDS = 30
DRIFT_STEPS = 1  # a code of the step before or after is accepted (clocks drift)
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
RECOVERY_CHARS = 10  # about 49 bits each

recovery_codes = sa.Table(
    "recovery_codes",
    schema.metadata,
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("code_hash", sa.String(64), primary_key=True),
)


@dataclass(frozen=True, slots=True)
class Enrolment:
    secret: str  # for typing into an app by hand
    uri: str  # otpauth://: what the QR code holds


class WrongCode(AccountError):
    """The code is not the current one, was used already, or is no recovery code."""


def _code_hash(code: str) -> str:
    return hashlib.sha256(_normalised(code).encode()).hexdigest()


def _normalised(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _new_recovery_code() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CHARS))
    return f"{chars[:5]}-{chars[5:]}"


class SecondFactor:
    """Enrolment, codes and the roles that must have a second factor."""

    def __init__(self, engine: sa.Engine, accounts: Accounts) -> None:
        self._engine = engine
        self._accounts = accounts

    # --- policy ---

    def required_roles(self) -> frozenset[str]:
        return second_factor_roles(self._engine)

    def require(self, roles: Iterable[str]) -> frozenset[str]:
        """From now on these roles sign in with a second factor; the sessions of their
        users who have none end at their next request (they must enrol)."""
        wanted = frozenset(roles)
        unknown = wanted - set(ROLES)
        if unknown:
            raise AccountError(f"unknown role {sorted(unknown)[0]!r}; use {', '.join(ROLES)}")
        value = [role for role in ROLES if role in wanted]
        with writing(self._engine) as conn:
            done = conn.execute(sa.update(desk_policy).where(
                desk_policy.c.name == SECOND_FACTOR_ROLES).values(value=value))
            if not done.rowcount:
                conn.execute(sa.insert(desk_policy).values(name=SECOND_FACTOR_ROLES, value=value))
        return wanted

    def stage_after_password(self, user: User) -> Stage:
        """What a correct password opens: the code form, the enrolment form, or the desk."""
        if self.enrolled(user):
            return "code"
        return "enrol" if user.role in self.required_roles() else "full"

    def enrolled_names(self) -> frozenset[str]:
        """The user names that have a second factor (for the admin's list)."""
        query = sa.select(users.c.username).where(users.c.totp_enabled.is_(True))
        with self._engine.connect() as conn:
            return frozenset(conn.scalars(query))

    def enrolled(self, user: User) -> bool:
        with self._engine.connect() as conn:
            return bool(conn.scalar(sa.select(users.c.totp_enabled).where(users.c.id == user.id)))

    # --- enrolment ---

    def enrolment(self, user: User) -> Enrolment:
        """This user's new secret; the same one until enrolment is confirmed, so reloading
        the page does not invalidate a code already scanned."""
        with writing(self._engine) as conn:
            row = conn.execute(sa.select(users.c.totp_secret, users.c.totp_enabled).where(
                users.c.id == user.id)).one()
            if row.totp_enabled:
                raise AccountError(f"{user.username} already has a second factor")
            secret = row.totp_secret
            if secret is None:
                secret = pyotp.random_base32()
                conn.execute(sa.update(users).where(users.c.id == user.id).values(
                    totp_secret=secret))
        uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER)
        return Enrolment(secret=secret, uri=uri)

    def confirm(self, user: User, code: str, client: str) -> list[str]:
        """Turn the second factor on once the user typed a code of the new secret; the
        recovery codes, shown this once. Raises WrongCode or Throttled."""
        attempt = self._accounts.claim_attempt(user.username, client)
        with writing(self._engine) as conn:
            secret = conn.scalar(sa.select(users.c.totp_secret).where(users.c.id == user.id))
            step = _matching_step(secret, code) if secret else None
            if step is None:
                raise WrongCode("that code does not match; type the code the app shows now")
            conn.execute(sa.update(users).where(users.c.id == user.id).values(
                totp_enabled=True, totp_last_step=step))
        self._accounts.forget_attempt(attempt)
        return self.new_recovery_codes(user)

    def new_recovery_codes(self, user: User) -> list[str]:
        """A fresh set of recovery codes; the old ones stop working."""
        codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
        with writing(self._engine) as conn:
            conn.execute(sa.delete(recovery_codes).where(recovery_codes.c.user_id == user.id))
            conn.execute(sa.insert(recovery_codes), [
                {"user_id": user.id, "code_hash": _code_hash(code)} for code in codes])
        return codes

    def recovery_codes_left(self, user: User) -> int:
        query = sa.select(sa.func.count()).where(recovery_codes.c.user_id == user.id)
        with self._engine.connect() as conn:
            return conn.scalar(query) or 0

    # --- signing in ---

    def check(self, user: User, code: str, client: str) -> bool:
        """Whether `code` is this user's current TOTP code or one of their recovery codes
        (used up by this check). Raises Throttled when the address is out of attempts."""
        attempt = self._accounts.claim_attempt(user.username, client)
        accepted = self._take_totp(user, code) or self._take_recovery_code(user, code)
        if accepted:
            self._accounts.forget_attempt(attempt)
        return accepted

    def _take_totp(self, user: User, code: str) -> bool:
        with writing(self._engine) as conn:
            row = conn.execute(sa.select(users.c.totp_secret, users.c.totp_last_step).where(
                users.c.id == user.id, users.c.totp_enabled.is_(True))).first()
            step = _matching_step(row.totp_secret, code, after=row.totp_last_step) if row else None
            if step is None:
                return False
            conn.execute(sa.update(users).where(users.c.id == user.id).values(totp_last_step=step))
            return True

    def _take_recovery_code(self, user: User, code: str) -> bool:
        if len(_normalised(code)) != RECOVERY_CHARS:
            return False
        with writing(self._engine) as conn:
            used = conn.execute(sa.delete(recovery_codes).where(
                recovery_codes.c.user_id == user.id,
                recovery_codes.c.code_hash == _code_hash(code)))
            return used.rowcount == 1

    # --- administration ---

    def reset(self, username: str) -> None:
        """Remove a user's second factor (a lost phone): they enrol again at next login,
        and their sessions end now."""
        with writing(self._engine) as conn:
            user_id = conn.scalar(sa.select(users.c.id).where(users.c.username == username))
            if user_id is None:
                raise AccountError(f"no user {username!r}")
            conn.execute(sa.update(users).where(users.c.id == user_id).values(
                totp_secret=None, totp_enabled=False, totp_last_step=None))
            conn.execute(sa.delete(recovery_codes).where(recovery_codes.c.user_id == user_id))
            conn.execute(sa.delete(sessions).where(sessions.c.user_id == user_id))


def _matching_step(secret: str, code: str, *, after: int | None = None) -> int | None:
    """The time step (around now) whose code is `code` and that comes after `after`."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = int(time.time()) // STEP_SECONDS
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if (after is None or step > after) and hmac.compare_digest(
                totp.at(step * STEP_SECONDS), code):
            return step
    return None
