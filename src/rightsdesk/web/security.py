"""Browser-facing defences: security headers on every response and CSRF tokens.

The CSRF token is an HMAC of the session token (or, before login, of a random
pre-session cookie) under the app's secret key: nothing to store, different for
every session, and useless to a page on another origin that cannot read it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
PRE_SESSION_COOKIE = "rd_pre"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    # Links to monitored sites must not tell them which desk page the click came from;
    # "same-origin" (not "no-referrer") keeps the Origin header on the desk's own forms.
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class SecurityHeaders:
    """ASGI middleware: the headers above on every response; no caching of desk pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers[name] = value
                if not static:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: a request body over `max_bytes` is refused with 413 before any
    route, login check or parser reads it; a declared length is refused unread, an
    undeclared one as soon as the bytes received pass the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await _too_large(send)


class BodyTooLarge(HTTPException):
    """A streamed request body passed the limit: the route reading it answers 413."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail="request body too large")


async def _too_large(send: Send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": b"request body too large\n"})


def csrf_token(secret_key: str, session_token: str) -> str:
    """The token forms must send back with this session (or pre-session) token."""
    digest = hmac.new(secret_key.encode(), session_token.encode(), hashlib.sha256)
    return digest.hexdigest()


def new_pre_session() -> str:
    return secrets.token_urlsafe(24)


def same_origin(request: Request, *, tls: bool = False) -> bool:
    """A browser's Origin (or Referer) header, when sent, must name this site: its host
    and its scheme (https behind a TLS proxy, `tls`, whatever the proxy forwarded)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    sent = urlsplit(origin)
    scheme = "https" if tls else request.url.scheme
    return sent.netloc == request.url.netloc and sent.scheme == scheme


def local_path(target: str | None) -> str | None:
    """A path on this site, or None: never an absolute or scheme-relative address
    ("//evil.example/x", "/\\evil.example"), never a control character."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(ord(c) < 32 or c == "\\" for c in target):
        return None
    return target


async def sent_csrf_token(request: Request) -> str:
    """The token from the header (API, scripts) or the form field (HTML forms)."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


def tokens_match(expected: str, sent: str) -> bool:
    return bool(sent) and hmac.compare_digest(expected, sent)
