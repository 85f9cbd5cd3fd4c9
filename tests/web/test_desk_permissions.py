"""The route x role matrix, generated from the app itself so no route can escape it.

Every route must declare exactly one access rule (public, viewer, analyst, admin).
Each role, anonymous included, then calls each route: below the rule it is
refused (anonymous: 303 to the login page, or 401 from the API; too low a role:
403); at or above it, it gets through (whatever the handler then answers, it is
not a refusal and never a server error).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from backends import BACKENDS, fresh_store_url
from desk_sample import (
    FAST_HASHER,
    PASSWORD,
    ROLES,
    TODAY,
    csrf_of,
    fill,
    form_token,
    login,
)
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from rightsdesk.store import open_store
from rightsdesk.store.accounts import ROLES as ORDERED_ROLES
from rightsdesk.web import WebSettings, create_app
from rightsdesk.web.security import CSRF_HEADER

PATH_VALUES = {
    "person_id": "verbitsky-anton",
    "source_id": "1",
    "kind": "event",
    "fact_id": "1",
    "event_id": "1",
    "username": "nobody",  # admin actions on a user that does not exist: 404, no side effect
    "team": "no-such-team",  # team actions on a team that does not exist: 400, no side effect
    "country": "ZZ",
}


@dataclass(frozen=True, slots=True)
class Rule:
    method: str
    path: str
    role: str | None  # None: public

    @property
    def url(self) -> str:
        url = self.path
        for name, value in PATH_VALUES.items():
            url = url.replace("{" + name + "}", value)
        assert "{" not in url, f"no sample value for a parameter of {self.path}"
        return url

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _dependencies(dependant) -> Iterator:
    for sub in dependant.dependencies:
        yield sub
        yield from _dependencies(sub)


def access_rules(app) -> list[Rule]:
    """One rule per (method, path); fails when a route declares no rule or two."""
    rules = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        declared = {d.call for d in _dependencies(route.dependant) if hasattr(d.call, "role")}
        assert len(declared) == 1, f"{route.path} must declare exactly one access rule"
        role = next(iter(declared)).role
        rules += [Rule(method, context.path, role) for method in sorted(route.methods)]
    return rules


def _rules_of_a_fresh_app() -> list[Rule]:
    with open_store(":memory:") as store:
        return access_rules(create_app(store, WebSettings(hasher=FAST_HASHER)))


RULES = _rules_of_a_fresh_app()


@pytest.fixture(scope="module", params=BACKENDS)
def desk(request: pytest.FixtureRequest, tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix")
    with fresh_store_url(request.param, folder) as url, open_store(url) as store:
        fill(store)
        settings = WebSettings(secret_key="matrix", hasher=FAST_HASHER, today=lambda: TODAY)
        app = create_app(store, settings)
        for role in ROLES:
            app.state.desk.accounts.add_user(role, PASSWORD, role)
        yield app


def test_matrix_covers_every_page_kind() -> None:
    paths = {rule.path for rule in RULES}
    assert {
        "/dashboard",
        "/cases",
        "/persons/{person_id}",
        "/sources/{source_id}",
        "/review",
        "/api/v1/persons",
        "/api/v1/search",
        "/admin/users",
    } <= paths
    assert len(RULES) >= 40


def expected_refusal(rule: Rule, role: str | None) -> int | None:
    if rule.role is None:
        return None
    if role is None:
        return 401 if rule.path.startswith("/api/") else 303
    if ORDERED_ROLES.index(role) < ORDERED_ROLES.index(rule.role):
        return 403
    return None


@pytest.mark.parametrize("role", [None, *ROLES], ids=lambda r: r or "anonymous")
@pytest.mark.parametrize("rule", RULES, ids=str)
def test_route_answers_each_role_as_its_rule_says(desk, rule: Rule, role: str | None) -> None:
    client = TestClient(desk, base_url="https://desk.test")
    if role:
        login(client, role)
    headers = {}
    if rule.method != "GET":  # a valid token: this test is about roles, not CSRF
        token = csrf_of(client) if role else form_token(client.get("/login").text)
        headers[CSRF_HEADER] = token
    response = client.request(rule.method, rule.url, headers=headers, follow_redirects=False)
    refusal = expected_refusal(rule, role)
    if refusal == 303:
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=")
    elif refusal is not None:
        assert response.status_code == refusal
    else:
        assert response.status_code not in (401, 403), response.text[:300]
        assert response.status_code < 500
