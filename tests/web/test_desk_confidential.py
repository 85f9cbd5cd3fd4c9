"""A planted confidential marker never reaches a viewer or the public.

The protected person's name (and each word of it, and the id derived from it)
and the evidence of a confidential fact are searched for in every response a
viewer or an anonymous visitor can get: every GET route of the matrix, every
link those pages carry, searches for the markers themselves, the API, briefs
in every format and the digest.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from desk_sample import MARKERS, PROTECTED_ID, Sample, csrf_of
from fastapi.testclient import TestClient
from test_desk_permissions import RULES

from rightsdesk.brief import FORMATS
from rightsdesk.web import add_user, public_case_file
from rightsdesk.web.digest import changes_since, digest_text

READER_GETS = [rule for rule in RULES if rule.method == "GET"]
EXTRA_URLS = [
    f"/persons/{PROTECTED_ID}",
    "/sources/1",
    "/sources/2",
    "/api/v1/sources/1",
    "/api/v1/sources/2",
    "/api/v1/events",
    "/api/v1/statements",
    "/api/v1/occasions",
    "/api/v1/persons",
    f"/api/v1/persons/{PROTECTED_ID}",
    "/api/v1/openapi.json",
    *[f"/cases?q={marker}" for marker in MARKERS],
    *[f"/api/v1/search?q={marker}" for marker in MARKERS],
    "/api/v1/search?q=blogger",
    "/api/v1/search?q=punishment cell",
    "/cases?q=blogger",
    "/cases?type=charge",
    "/sources/4",  # named only in its file name and address
    "/api/v1/sources/4",
    "/statements",  # an actor named after the person
    "/cases?q=Qelmstrups",  # an inflection the search index folds
    "/api/v1/search?q=Qelmstrups",
    "/api/v1/search?q=aiding",  # a charge naming the person, on another's event
]


def leaks(response, typed: str = "", markers: tuple[str, ...] = MARKERS) -> list[str]:
    """Markers in a response, apart from the reader's own input echoed back to them."""
    text = response.text + str(response.headers)
    for echo in {typed, *re.findall(r"[?&]q=([^&]*)", typed)}:
        if echo:
            text = text.replace(f'value="{echo}"', "")
    return [m for m in markers if m.casefold() in text.casefold()]


def crawl(
    client: TestClient, start: list[str], limit: int = 200, markers: tuple[str, ...] = MARKERS
) -> dict[str, int]:
    """Every same-site link reachable from `start`, none carrying a marker; url -> status."""
    seen: dict[str, int] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        found = leaks(response, url, markers)
        assert not found, f"{url} leaks {found}"
        if "text/html" in response.headers.get("content-type", ""):
            for link in re.findall(r'href="(/[^"#]*)', response.text):
                if not link.startswith("/static/"):
                    queue.append(link.replace("&amp;", "&"))
    return seen


@pytest.mark.parametrize("role", ["viewer", None], ids=["viewer", "anonymous"])
def test_no_reader_response_carries_a_confidential_marker(client_for, role) -> None:
    client = client_for(role)
    start = [rule.url for rule in READER_GETS] + EXTRA_URLS
    seen = crawl(client, start)
    if role == "viewer":
        assert seen["/dashboard"] == 200 and seen["/sources/2"] == 200
        assert seen[f"/persons/{PROTECTED_ID}"] == 404


@pytest.mark.parametrize("query", ["Qelmstrup", "Qelmstrups", "Zorkavians"])
def test_a_search_for_a_name_or_its_inflection_finds_no_protected_case(
    client_for, app, query: str
) -> None:
    code = app.state.desk.casebook.lens(full=False).person_id(PROTECTED_ID)
    assert code not in client_for("viewer").get(f"/cases?q={query}").text


def test_viewer_sees_the_case_code_where_the_name_was(client_for, app) -> None:
    code = app.state.desk.casebook.lens(full=True).protected.codes[PROTECTED_ID]
    viewer = client_for("viewer")
    source = viewer.get("/sources/1").text
    assert code in source
    assert viewer.get(f"/persons/{code}").status_code == 200
    assert "[withheld]" in viewer.get("/sources/2").text


def test_analyst_sees_the_protected_name(client_for) -> None:
    analyst = client_for("analyst")
    assert "Qelmstrup" in analyst.get(f"/persons/{PROTECTED_ID}").text
    assert "Vexlornhold" in analyst.get("/sources/2").text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_briefs_never_carry_the_marker(client_for, role: str, fmt: str) -> None:
    client = client_for(role)
    response = client.post(
        "/briefs",
        data={
            "country": "BY",
            "occasion": "Dialogue",
            "on": "2026-11-02",
            "fmt": fmt,
            "csrf_token": csrf_of(client),
        },
    )
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt in ("md", "html"):
        assert not leaks(response)
        assert "Verbitsky" in response.text


def test_digest_names_protected_people_by_code(store) -> None:
    changes = changes_since(store, date(2020, 1, 1))
    text = digest_text(changes)
    assert "Verbitsky" in text
    assert not [m for m in MARKERS if m.casefold() in text.casefold()]
    assert any(c.person_id and c.person_id.startswith("CASE-") for c in changes)
    assert Sample().verbitsky in {c.person_id for c in changes}


def test_public_case_file_for_cli_exports_is_redacted(store) -> None:
    record = public_case_file(store, "BY")
    dump = repr(record)
    assert "Verbitsky" in dump
    assert not [m for m in MARKERS if m.casefold() in dump.casefold()]


def test_add_user_for_the_cli(store) -> None:
    user = add_user(store, "director", "long enough password", "viewer")
    assert (user.username, user.role) == ("director", "viewer")
