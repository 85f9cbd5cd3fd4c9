"""The web desk application: `create_app(store, settings)` builds one, `serve` runs it.

Nothing is global: the store, the accounts, the templates and the cache live in
`app.state.desk`, so two apps (two tests) never share anything.
"""

from __future__ import annotations

from urllib.parse import quote

import uvicorn
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rightsdesk.store import Store, open_store
from rightsdesk.store.accounts import Accounts, User
from rightsdesk.store.second_factor import SecondFactor
from rightsdesk.store.teams import Teams
from rightsdesk.web.casebook import Casebook
from rightsdesk.web.deps import Desk, LoginRequired
from rightsdesk.web.render import STATIC, page, templates
from rightsdesk.web.routes import ROUTERS
from rightsdesk.web.security import BodyLimit, SecurityHeaders
from rightsdesk.web.settings import WebSettings

API_PREFIX = "/api/"


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    """A desk over `store`; the caller owns the store and closes it."""
    settings = settings or WebSettings()
    engine = store.engine
    app = FastAPI(
        title="rightsdesk",
        summary="Human-rights case desk: persons, events, statements, occasions, briefs.",
        docs_url=None,  # Swagger UI needs inline script, which the CSP forbids
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        # no redirects built from the request's Host header ("/cases/" -> "/cases")
        redirect_slashes=False,
    )
    accounts = Accounts(
        engine, hasher=settings.hasher, throttle=settings.throttle, policy=settings.sessions
    )
    app.state.desk = Desk(
        store=store,
        engine=engine,
        accounts=accounts,
        second_factor=SecondFactor(engine, accounts),
        teams=Teams(engine),
        settings=settings,
        templates=templates(),
        casebook=Casebook(
            store,
            engine,
            max_stale=settings.max_stale_seconds,
            refresh_every=settings.refresh_seconds,
        ),
    )
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: refusals carry the headers too
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    if settings.warm_cache:
        app.state.desk.casebook.warm(settings.today())
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


async def _login_required(request: Request, _error: Exception) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": "log in first"}, status_code=401)
    target = request.url.path
    if request.method == "GET" and request.url.query:
        target += "?" + request.url.query
    return RedirectResponse(f"/login?next={_quoted(target)}", status_code=303)


def _quoted(path: str) -> str:
    return quote(path, safe="/")


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException | HTTPException)
    if _wants_json(request):
        return JSONResponse({"detail": error.detail}, status_code=error.status_code)
    return page(
        request, "error.html", error.status_code, status=error.status_code, detail=error.detail
    )


async def _invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if _wants_json(request):
        return JSONResponse({"detail": error.errors()}, status_code=422)
    return page(
        request,
        "error.html",
        422,
        status=422,
        detail="Some fields of the form are missing or not valid.",
    )


def add_user(store: Store, username: str, password: str, role: str) -> User:
    """`rightsdesk user add`: raises AccountError with a one-line reason."""
    return Accounts(store.engine).add_user(username, password, role)


def serve(
    store_url: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    secure_cookies: bool = False,
    forwarded_allow_ips: str | None = None,
) -> None:
    """Run the desk with uvicorn until interrupted (`rightsdesk serve`).

    The client address (which login throttling counts by) comes from the connection;
    X-Forwarded-For is believed only from the proxies `forwarded_allow_ips` names.
    """
    with open_store(store_url) as store:
        app = create_app(store, WebSettings(secure_cookies=secure_cookies, warm_cache=True))
        uvicorn.run(app, host=host, port=port, server_header=False,
                    proxy_headers=forwarded_allow_ips is not None,
                    forwarded_allow_ips=forwarded_allow_ips or "")
