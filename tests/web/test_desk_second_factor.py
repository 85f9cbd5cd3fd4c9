"""The second factor: enrolment, a code after the password, recovery codes, roles that
must have one, throttled codes and an admin's reset; on both backends."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pyotp
import pytest
from desk_sample import PASSWORD, csrf_of, form_token
from fastapi.testclient import TestClient

from rightsdesk.store.accounts import SessionPolicy, find_user


def password_step(client: TestClient, username: str) -> str:
    """Log in with the password alone; where the desk sends the browser next."""
    token = form_token(client.get("/login").text)
    response = client.post("/login", data={
        "username": username, "password": PASSWORD, "csrf_token": token, "next": "/cases"},
        follow_redirects=False)
    assert response.status_code == 303, response.text[:300]
    return response.headers["location"]


def send_code(client: TestClient, code: str):
    form = client.get("/login/code?next=/cases")
    assert form.status_code == 200, form.text[:300]
    return client.post("/login/code", data={
        "code": code, "next": "/cases", "csrf_token": form_token(form.text)},
        follow_redirects=False)


def enrol(client: TestClient) -> tuple[pyotp.TOTP, list[str]]:
    """Enrol through the page: read the secret it shows, type back the current code."""
    page = client.get("/account/second-factor")
    assert page.status_code == 200 and 'src="data:image/svg+xml;base64,' in page.text
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page.text).group(1)
    totp = pyotp.TOTP(secret)
    done = client.post("/account/second-factor", data={
        "code": totp.now(), "csrf_token": form_token(page.text), "next": "/cases"})
    assert done.status_code == 200, done.text[:300]
    codes = re.findall(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>", done.text)
    return totp, codes


def next_code(totp: pyotp.TOTP) -> str:
    """The code of the next time step: the current one was used (codes are taken once)."""
    return totp.at(time.time() + 30)


def logged_in(client: TestClient) -> bool:
    return client.get("/api/v1/me").status_code == 200


def test_enrolled_user_needs_a_code_after_the_password(client_for, app) -> None:
    totp, codes = enrol(client_for("viewer"))
    assert len(codes) == 10

    browser = client_for(None)
    assert password_step(browser, "viewer") == "/login/code?next=/cases"
    assert not logged_in(browser)  # the password alone opens nothing
    assert browser.get("/dashboard", follow_redirects=False).status_code == 303
    assert send_code(browser, "000000").status_code == 401
    answer = send_code(browser, next_code(totp))
    assert (answer.status_code, answer.headers["location"]) == (303, "/cases")
    assert logged_in(browser)


def test_a_code_is_taken_once(client_for) -> None:
    totp, _ = enrol(client_for("viewer"))
    code = next_code(totp)
    first, second = client_for(None), client_for(None)
    password_step(first, "viewer")
    password_step(second, "viewer")
    assert send_code(first, code).status_code == 303
    assert send_code(second, code).status_code == 401  # seen over a shoulder: useless
    assert not logged_in(second)


def test_a_recovery_code_signs_in_once(client_for) -> None:
    _, codes = enrol(client_for("analyst"))
    for attempt, expected in ((codes[3], 303), (codes[3], 401), (codes[4].upper(), 303)):
        browser = client_for(None)
        password_step(browser, "analyst")
        assert send_code(browser, attempt).status_code == expected


def test_wrong_codes_are_throttled_like_passwords(client_for) -> None:
    totp, _ = enrol(client_for("viewer"))
    browser = client_for(None)
    password_step(browser, "viewer")
    statuses = [send_code(browser, "123456").status_code for _ in range(6)]
    assert statuses[-1] == 429
    assert send_code(browser, next_code(totp)).status_code == 429  # even the right one, now


def test_a_required_role_must_enrol_before_anything_else(client_for, app) -> None:
    analyst = client_for("analyst")
    assert logged_in(analyst)
    admin = client_for("admin")
    token = csrf_of(admin)
    response = admin.post("/admin/second-factor", data={"roles": ["analyst"], "csrf_token": token})
    assert response.status_code == 200  # back on the users page
    assert "needed at next login" in response.text

    assert not logged_in(analyst)  # the session without a second factor ended
    browser = client_for(None)
    assert password_step(browser, "analyst") == "/account/second-factor?next=/cases"
    assert not logged_in(browser)
    assert browser.get("/review", follow_redirects=False).status_code == 303
    enrol(browser)
    assert logged_in(browser)  # enrolling finished the login
    assert logged_in(client_for("viewer"))  # viewers are not asked


def test_admin_reset_ends_sessions_and_the_factor(client_for, app) -> None:
    viewer = client_for("viewer")
    enrol(viewer)
    admin = client_for("admin")
    reset = admin.post("/admin/users/viewer/second-factor/reset",
                       data={"csrf_token": csrf_of(admin)})
    assert reset.status_code == 200
    assert not logged_in(viewer)
    assert password_step(client_for(None), "viewer") == "/cases"  # the password is enough again
    assert "second factor reset" in admin.get("/admin/audit").text


def test_waiting_session_expires(client_for, app) -> None:
    enrol(client_for("viewer"))
    browser = client_for(None)
    password_step(browser, "viewer")
    accounts = app.state.desk.accounts
    token = browser.cookies[app.state.desk.settings.session_cookie]
    assert accounts.waiting(token)[1] == "code"
    accounts.policy = SessionPolicy(waiting=timedelta(0))
    assert accounts.waiting(token) is None
    assert browser.get("/login/code", follow_redirects=False).headers["location"] == "/login"


def test_new_recovery_codes_replace_the_old(client_for, app) -> None:
    viewer = client_for("viewer")
    _, old = enrol(viewer)
    page = viewer.get("/account/second-factor")
    assert "<strong>10</strong> unused recovery codes" in page.text
    fresh = viewer.post("/account/recovery-codes", data={"csrf_token": form_token(page.text)})
    new = re.findall(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>", fresh.text)
    assert len(new) == 10 and not set(new) & set(old)
    second_factor = app.state.desk.second_factor
    user = find_user(app.state.desk.engine, "viewer")
    assert second_factor.check(user, new[0], "192.0.2.1")
    assert not second_factor.check(user, old[0], "192.0.2.1")


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "x" * 32])
def test_malformed_codes_are_refused_not_errors(client_for, code: str) -> None:
    enrol(client_for("viewer"))
    browser = client_for(None)
    password_step(browser, "viewer")
    assert send_code(browser, code).status_code in (401, 422)
