"""Settings of one web desk instance, built by the caller and handed to `create_app`."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from argon2 import PasswordHasher

from rightsdesk.store.accounts import SessionPolicy, Throttle


@dataclass(frozen=True, slots=True, kw_only=True)
class WebSettings:
    """What differs between a test app, a laptop and a server behind TLS."""

    # Keys the CSRF tokens; a random one per process is safe (sessions live in the store),
    # it only means forms opened before a restart must be reloaded.
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    # Force the Secure cookie flag (a TLS proxy in front); https requests get it anyway.
    secure_cookies: bool = False
    session_cookie: str = "rd_session"
    hasher: PasswordHasher = field(default_factory=PasswordHasher)
    throttle: Throttle = Throttle()
    sessions: SessionPolicy = SessionPolicy()
    today: Callable[[], date] = date.today  # tests pin the calendar
    page_size: int = 50
    # How long list pages may lag an ongoing ingest (see Casebook); 0 means never.
    max_stale_seconds: float = 30.0
    # Within that lag, a list is rebuilt in the background at most this often.
    refresh_seconds: float = 5.0
    # Build the all-countries overviews at startup, so the first visitor does not wait.
    warm_cache: bool = False
    # Request bodies larger than this are refused (413) before login or parsing: the
    # desk's forms and API calls are small; a hand-added source is the largest.
    max_body_bytes: int = 2 * 1024 * 1024
