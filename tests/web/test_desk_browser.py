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
from desk_sample import FAST_HASHER, PASSWORD, ROLES, TODAY, Sample, fill

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
def server(tmp_path_factory) -> Iterator[str]:
    store = open_store(str(tmp_path_factory.mktemp("browser") / "cases.db"))
    fill(store)
    app = create_app(store, WebSettings(hasher=FAST_HASHER, today=lambda: TODAY))
    for role in ROLES:
        app.state.desk.accounts.add_user(role, PASSWORD, role)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)
    store.close()


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
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    page.goto(f"{server}/login")
    page.fill("input[name=username]", role)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/dashboard")
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
    page.close()


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
    page.close()


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
    page.close()
