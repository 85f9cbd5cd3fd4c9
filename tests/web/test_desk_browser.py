"""The desk in a real browser: Debian's Chromium, headless, driven by Playwright.

Skipped where /usr/bin/chromium is missing (CI installs the `chromium` package).
A live uvicorn server on a free loopback port serves the sample store. Screenshots
of the main pages go to $RIGHTSDESK_SCREENSHOTS (or a temporary folder).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from desk_sample import (
    FAST_HASHER,
    PASSWORD,
    ROLES,
    TODAY,
    WALLED_ID,
    Sample,
    fill,
    walled_extractions,
)

from rightsdesk.store import open_store
from rightsdesk.web import WebSettings, create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium package"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def desk_app(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("browser") / "cases.db"))
    fill(store)
    app = create_app(store, WebSettings(hasher=FAST_HASHER, today=lambda: TODAY))
    for role in ROLES:
        app.state.desk.accounts.add_user(role, PASSWORD, role)
    yield app
    store.close()


@pytest.fixture(scope="module")
def server(desk_app) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(desk_app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("RIGHTSDESK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def logged_in(browser, server: str, role: str):
    page = password_entered(browser, server, role)
    page.wait_for_url(f"{server}/dashboard")
    return page


def password_entered(browser, server: str, username: str):
    """A fresh browser context (no cookies) with the login form sent."""
    page = browser.new_context(viewport={"width": 1360, "height": 900}).new_page()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    return page


def test_analyst_logs_in_searches_accepts_and_edits_a_fact(browser, server, shots) -> None:
    page = logged_in(browser, server, "analyst")
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert page.locator(".tile.detained b").inner_text() == "2"  # one protected

    page.fill("header input[name=q]", "Minsk")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/cases?q=Minsk")
    page.screenshot(path=str(shots / "cases.png"), full_page=True)
    page.click("text=Anton Verbitsky")
    page.wait_for_url(f"**/persons/{Sample().verbitsky}")
    page.screenshot(path=str(shots / "person.png"), full_page=True)

    first = page.locator("ol.timeline li.fact").first
    first.locator("button:has-text('Accept')").click()
    page.wait_for_load_state()
    assert page.locator("ol.timeline li.fact").first.locator(".review-accepted").count() == 1

    page.locator("ol.timeline li.fact a:has-text('Edit')").last.click()
    page.fill("input[name=place]", "Minsk regional court")
    page.click("button:has-text('Save')")
    page.wait_for_url(f"**/persons/{Sample().verbitsky}")
    assert page.locator("text=in Minsk regional court").count() == 1

    page.goto(f"{server}/review")
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    page.context.close()


def test_merge_and_brief_download(browser, server, shots) -> None:
    page = logged_in(browser, server, "analyst")
    page.goto(f"{server}/persons/{Sample().verbitsky}")
    page.fill("input[name=absorb]", Sample().karpenko)
    page.click("button:has-text('Merge')")
    page.wait_for_url(f"**/persons/{Sample().verbitsky}")
    assert "Lidia Karpenko" in page.locator(".pagehead").inner_text()  # now an alias

    page.goto(f"{server}/briefs")
    page.fill("input[name=occasion]", "Human rights dialogue")
    page.select_option("select[name=fmt]", "md")
    with page.expect_download() as download:
        page.click("button:has-text('Download brief')")
    path = download.value.path()
    assert "Verbitsky" in Path(path).read_text(encoding="utf-8")
    page.context.close()


def test_hostile_source_renders_inert(browser, server, shots) -> None:
    """Script, event-handler and javascript: payloads in a source: no dialog, no request."""
    page = logged_in(browser, server, "analyst")
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    page.goto(f"{server}/sources/3")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(shots / "source-hostile.png"), full_page=True)
    assert dialogs == [] and outside == []
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    page.context.close()


def test_second_factor_enrol_then_sign_in_with_a_code(browser, server, desk_app, shots) -> None:
    """An analyst whose role needs a second factor enrols from the QR page, is refused
    without a code at the next login, and gets in with one."""
    pyotp = pytest.importorskip("pyotp")
    desk = desk_app.state.desk
    desk.accounts.add_user("otp-analyst", PASSWORD, "analyst")
    desk.second_factor.require(["analyst"])
    try:
        page = password_entered(browser, server, "otp-analyst")
        page.wait_for_url("**/account/second-factor?next=/dashboard")
        qr = page.locator("img.qr")
        assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # the CSP allows it
        page.screenshot(path=str(shots / "second-factor-enrol.png"), full_page=True)
        page.goto(f"{server}/cases")  # nothing else opens before enrolment
        page.wait_for_url("**/login?next=/cases")
        page.goto(f"{server}/account/second-factor")
        totp = pyotp.TOTP(page.locator("code.secret").inner_text())
        page.fill("input[name=code]", totp.now())
        page.click("button:has-text('Turn on')")
        assert page.locator(".recovery-codes li").count() == 10
        page.click("text=Continue")
        page.wait_for_url(f"{server}/dashboard")
        page.context.close()

        page = password_entered(browser, server, "otp-analyst")
        page.wait_for_url("**/login/code?next=/dashboard")
        page.goto(f"{server}/review")  # the password alone is no login
        page.wait_for_url("**/login?next=/review")
        page.goto(f"{server}/login/code")
        page.fill("input[name=code]", "000000")
        page.click("button:has-text('Continue')")
        assert "not right" in page.locator("[role=alert]").inner_text()
        page.fill("input[name=code]", totp.at(time.time() + 30))
        page.click("button:has-text('Continue')")
        page.wait_for_url(f"{server}/dashboard")
        assert page.locator("header a.user").inner_text().startswith("otp-analyst")
        page.context.close()
    finally:
        desk.second_factor.require([])


def test_teams_admin_walls_countries_and_members_see_only_theirs(
    browser, server, desk_app, shots
) -> None:
    """An admin builds two teams in the desk; each member sees their team's country and
    not the other's."""
    desk = desk_app.state.desk
    for extraction, resolution in walled_extractions():
        desk.store.save(extraction, resolution)
    for username in ("kz-member", "by-member"):
        desk.accounts.add_user(username, PASSWORD, "analyst")
    admin = logged_in(browser, server, "admin")
    try:
        admin.goto(f"{server}/admin/teams")
        for team, country, member in (("central-asia", "KZ", "kz-member"),
                                      ("belarus", "BY", "by-member")):
            admin.fill("input[name=name]", team)
            admin.click("button:has-text('Create')")
            card = admin.locator("article.team", has_text=team)
            card.locator("input[name=country]").fill(country)
            card.locator("button:has-text('Grant country')").click()
            card = admin.locator("article.team", has_text=team)
            card.locator("select[name=username]").select_option(member)
            card.locator("button:has-text('Add member')").click()
        admin.screenshot(path=str(shots / "teams.png"), full_page=True)
        assert admin.locator("article.team").count() == 2

        kz = logged_in(browser, server, "kz-member")
        kz.goto(f"{server}/persons/{WALLED_ID}")
        assert "Threnvald Oskarbek" in kz.locator("h1").inner_text()
        kz.goto(f"{server}/persons/{Sample().verbitsky}")
        assert "404" in kz.locator("main").inner_text()
        kz.goto(f"{server}/cases?q=Verbitsky")
        assert "Verbitsky" not in kz.locator("main").inner_text()

        by = logged_in(browser, server, "by-member")
        by.goto(f"{server}/cases?q=Oskarbek")
        assert "Oskarbek" not in by.locator("main").inner_text()
        by.goto(f"{server}/persons/{Sample().verbitsky}")
        assert "Anton Verbitsky" in by.locator("h1").inner_text()
        for page in (kz, by):
            page.context.close()
    finally:
        for team in desk.teams.teams():  # the next tests see every country again
            desk.teams.remove_team(team.name, actor="test")
        admin.context.close()
