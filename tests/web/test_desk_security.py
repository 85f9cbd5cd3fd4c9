"""CSRF on every state-changing request, security headers, cookies, sessions, throttling."""

from __future__ import annotations

import pytest
from desk_sample import PASSWORD, csrf_of, form_token, login
from fastapi.testclient import TestClient
from test_desk_permissions import RULES

from rightsdesk.web.security import CSRF_HEADER

STATE_CHANGING = [rule for rule in RULES if rule.method not in ("GET", "HEAD")]


@pytest.mark.parametrize("rule", STATE_CHANGING, ids=str)
def test_state_changing_request_without_csrf_token_is_refused(client_for, rule) -> None:
    client = client_for("admin")
    assert client.request(rule.method, rule.url, follow_redirects=False).status_code == 403
    wrong = {CSRF_HEADER: "0" * 64}
    response = client.request(rule.method, rule.url, headers=wrong, follow_redirects=False)
    assert response.status_code == 403


def test_token_from_another_session_is_refused(client_for) -> None:
    analyst, other = client_for("analyst"), client_for("analyst")
    stolen = csrf_of(other)
    response = analyst.post(
        "/facts/event/1/review", data={"decision": "accepted", "csrf_token": stolen}
    )
    assert response.status_code == 403


def test_cross_origin_post_is_refused_even_with_a_token(client_for) -> None:
    analyst = client_for("analyst")
    response = analyst.post(
        "/facts/event/1/review",
        data={"decision": "accepted", "csrf_token": csrf_of(analyst)},
        headers={"origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_form_post_with_token_works(client_for) -> None:
    analyst = client_for("analyst")
    response = analyst.post(
        "/facts/event/1/review",
        data={"decision": "accepted", "csrf_token": csrf_of(analyst)},
        follow_redirects=False,
    )
    assert response.status_code == 303


@pytest.mark.parametrize(
    "path",
    [
        "/login",
        "/dashboard",
        "/persons/verbitsky-anton",
        "/api/v1/persons",
        "/static/desk.css",
        "/no-such-page",
    ],
)
def test_security_headers_on_every_kind_of_response(client_for, path: str) -> None:
    response = client_for("viewer").get(path)
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


def test_pages_are_not_cached(client_for) -> None:
    assert client_for("viewer").get("/dashboard").headers["cache-control"] == "no-store"


def test_session_cookie_is_httponly_samesite_and_secure_over_tls(app) -> None:
    client = TestClient(app, base_url="https://desk.test")
    token = form_token(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "viewer", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "rd_session=" in cookie
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie


def test_session_cookie_not_secure_over_plain_http(app) -> None:
    client = TestClient(app, base_url="http://localhost")
    token = form_token(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "viewer", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    session = [c for c in response.headers.get_list("set-cookie") if "rd_session=" in c][0]
    assert "secure" not in session.lower()


def test_login_issues_a_fresh_session_and_logout_ends_it(app) -> None:
    client = TestClient(app, base_url="https://desk.test")
    client.cookies.set("rd_session", "planted-by-an-attacker", domain="desk.test")
    login(client, "viewer")
    token = client.cookies.get("rd_session")
    assert token and token != "planted-by-an-attacker"
    client.post("/logout", data={"csrf_token": csrf_of(client)})
    replay = TestClient(app, base_url="https://desk.test")
    replay.cookies.set("rd_session", token, domain="desk.test")
    assert replay.get("/api/v1/me").status_code == 401


def test_repeated_failures_lock_the_login(app) -> None:
    client = TestClient(app, base_url="https://desk.test")
    for _ in range(5):
        token = form_token(client.get("/login").text)
        response = client.post(
            "/login", data={"username": "viewer", "password": "wrong", "csrf_token": token}
        )
        assert response.status_code == 401
    token = form_token(client.get("/login").text)
    response = client.post(
        "/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 429


def test_open_redirect_after_login_is_refused(app) -> None:
    client = TestClient(app, base_url="https://desk.test")
    token = form_token(client.get("/login").text)
    response = client.post(
        "/login",
        data={
            "username": "viewer",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/dashboard"


def test_hostile_source_text_and_title_render_inert(client_for) -> None:
    html = client_for("analyst").get("/sources/3").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_disabled_user_loses_the_session(app, client_for) -> None:
    viewer = client_for("viewer")
    app.state.desk.accounts.set_disabled("viewer", True)
    assert viewer.get("/api/v1/me").status_code == 401


def test_javascript_address_of_a_source_is_never_a_link(client_for) -> None:
    analyst = client_for("analyst")
    made = analyst.post(
        "/manual/source",
        data={
            "title": "Note",
            "text": "A note.",
            "url": "javascript:alert(document.cookie)",
            "csrf_token": csrf_of(analyst),
        },
        follow_redirects=False,
    )
    source_id = made.headers["location"].split("=")[1]
    html = analyst.get(f"/sources/{source_id}").text
    assert "javascript:" not in html


def test_openapi_schema_lists_the_api(client_for) -> None:
    paths = client_for(None).get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/persons",
        "/api/v1/events",
        "/api/v1/statements",
        "/api/v1/occasions",
        "/api/v1/sources/{source_id}",
        "/api/v1/search",
        "/api/v1/brief",
    } <= set(paths)


@pytest.mark.parametrize(
    "path",
    [
        "/sources/9223372036854775808",
        "/sources/0",
        "/api/v1/sources/99999999999999999999999",
        "/facts/event/99999999999999999999/history",
        "/facts/event/99999999999999999999/edit",
    ],
)
def test_ids_out_of_range_are_refused_not_a_server_error(app, path: str) -> None:
    client = login(TestClient(app, base_url="https://desk.test",
                              raise_server_exceptions=False), "analyst")
    assert client.get(path).status_code == 422


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_brief_dates_out_of_range_are_refused_not_a_server_error(app, day: str) -> None:
    client = login(TestClient(app, base_url="https://desk.test",
                              raise_server_exceptions=False), "viewer")
    token = csrf_of(client)
    origin = {"origin": "https://desk.test"}
    api = client.post("/api/v1/brief", json={"country": "KZ", "occasion": "x", "on": day},
                      headers={CSRF_HEADER: token, **origin})
    form = client.post("/briefs", data={"country": "KZ", "occasion": "x", "on": day,
                                        "csrf_token": token}, headers=origin)
    assert (api.status_code, form.status_code) == (422, 422)


def test_a_body_over_the_limit_is_refused_before_login_unread(app) -> None:
    client = TestClient(app, base_url="https://desk.test")
    limit = app.state.desk.settings.max_body_bytes
    declared = client.post("/api/v1/brief", content=b"{" + b" " * limit + b"}",
                           headers={"content-type": "application/json"})
    assert declared.status_code == 413
    assert declared.headers["x-content-type-options"] == "nosniff"


def test_a_streamed_body_is_cut_off_once_it_passes_the_limit(app) -> None:
    client = TestClient(app, base_url="https://desk.test")
    limit = app.state.desk.settings.max_body_bytes
    sent = 0

    def chunks():
        nonlocal sent
        for _ in range(limit // 65536 + 8):
            sent += 65536
            yield b" " * 65536

    response = client.post("/login", content=chunks(),
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_a_review_action_never_redirects_off_the_site(client_for) -> None:
    client = client_for("analyst")
    token = csrf_of(client)
    response = client.post(
        "/facts/event/1/review", data={"decision": "accepted", "csrf_token": token},
        headers={"origin": "https://desk.test", "referer": "https://desk.test//evil.example/x"},
        follow_redirects=False)
    assert response.status_code == 303
    assert not response.headers["location"].startswith("//")


def test_the_origin_check_compares_the_scheme_too(client_for) -> None:
    client = client_for("analyst")
    token = csrf_of(client)
    response = client.post("/facts/event/1/review",
                           data={"decision": "accepted", "csrf_token": token},
                           headers={"origin": "http://desk.test"}, follow_redirects=False)
    assert response.status_code == 403


def test_no_redirect_is_built_from_the_host_header(client_for) -> None:
    response = client_for("viewer").get("/cases/", headers={"host": "evil.example"},
                                        follow_redirects=False)
    assert "evil.example" not in response.headers.get("location", "")


def test_a_disputed_charge_reads_as_words_not_as_a_tuple() -> None:
    from rightsdesk.web.wording import claim

    assert claim(("fuelling social hatred",), "charges") == "‘fuelling social hatred’"
    assert claim(90, "sentence_months") == "7 years 6 months"


def test_failures_from_one_address_do_not_lock_the_user_out_of_another(app) -> None:
    attacker = TestClient(app, base_url="https://desk.test", client=("203.0.113.9", 50000))
    for _ in range(6):
        token = form_token(attacker.get("/login").text)
        attacker.post("/login", data={"username": "viewer", "password": "x", "csrf_token": token})
    owner = TestClient(app, base_url="https://desk.test", client=("198.51.100.7", 50000))
    token = form_token(owner.get("/login").text)
    response = owner.post("/login", data={"username": "viewer", "password": PASSWORD,
                                          "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303


def test_concurrent_wrong_passwords_get_no_more_checks_than_the_limit(app) -> None:
    from concurrent.futures import ThreadPoolExecutor

    client = TestClient(app, base_url="https://desk.test", client=("203.0.113.10", 50000))
    token = form_token(client.get("/login").text)

    def guess(_: int) -> int:
        return client.post("/login", data={"username": "viewer", "password": "wrong",
                                           "csrf_token": token}).status_code

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(guess, range(30)))
    limit = app.state.desk.settings.throttle.max_failures
    assert codes.count(401) == limit and codes.count(429) == 30 - limit
