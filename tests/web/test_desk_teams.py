"""Teams wall countries off: a reader outside the team holding a country sees nothing of
its cases anywhere (pages, links, search, API, briefs in every format, digests,
review actions), on both backends; members and admins see them."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from desk_sample import (
    PASSWORD,
    WALLED_COUNTRY,
    WALLED_ID,
    WALLED_MARKERS,
    csrf_of,
    walled_extractions,
)
from test_desk_confidential import READER_GETS, crawl, leaks

from rightsdesk.brief import FORMATS
from rightsdesk.store import schema
from rightsdesk.web.digest import changes_since, digest_text

TEAM = "central-asia"
MEMBERS = {"kz-analyst": "analyst", "kz-viewer": "viewer"}


@pytest.fixture
def walled(app, store):
    """The sample plus a walled country (KZ) granted to a team of two; record ids."""
    for ex, res in walled_extractions():
        assert store.save(ex, res)
    desk = app.state.desk
    for username, role in MEMBERS.items():
        desk.accounts.add_user(username, PASSWORD, role)
    desk.teams.add_team(TEAM, actor="setup")
    desk.teams.grant(TEAM, WALLED_COUNTRY.lower(), actor="setup")
    for username in MEMBERS:
        desk.teams.add_member(TEAM, username, actor="setup")
    sources, events = schema.sources, schema.events
    with store.engine.connect() as conn:
        source_of = dict(conn.execute(sa.select(sources.c.doc_id, sources.c.id)).all())
        events = dict(conn.execute(sa.select(events.c.id, events.c.source_id)).all())
    walled_source = source_of["kz-news-oskarbek-detained-2026-06"]
    open_source = source_of["by-news-court-roundup-2026-07"]
    return {
        "walled_source": walled_source,
        "open_source": open_source,
        "walled_event": min(i for i, s in events.items() if s == walled_source),
        "event_in_open_source": min(i for i, s in events.items() if s == open_source),
    }


def urls(ids: dict[str, int]) -> list[str]:
    fact = ids["walled_event"]
    return [
        f"/persons/{WALLED_ID}",
        f"/api/v1/persons/{WALLED_ID}",
        f"/persons/{WALLED_ID}/history",
        *[f"/sources/{ids[k]}" for k in ("walled_source", "open_source")],
        *[f"/api/v1/sources/{ids[k]}" for k in ("walled_source", "open_source")],
        *[f"/cases?q={m}" for m in (*WALLED_MARKERS, "Oskarbeks", "disseminating")],
        *[f"/api/v1/search?q={m}" for m in (*WALLED_MARKERS, "Oskarbeks", "alarmed")],
        f"/dashboard?country={WALLED_COUNTRY}",
        f"/cases?country={WALLED_COUNTRY}",
        f"/statements?country={WALLED_COUNTRY}",
        "/statements",
        "/occasions",
        f"/api/v1/events?country={WALLED_COUNTRY}",
        "/api/v1/events",
        "/api/v1/statements",
        "/api/v1/occasions",
        "/api/v1/persons",
        "/review",
        "/watchlist",
        f"/facts/event/{fact}/history",
        f"/facts/event/{fact}/edit",
        f"/facts/event/{ids['event_in_open_source']}/edit",
    ]


@pytest.mark.parametrize("role", ["viewer", "analyst", None], ids=["viewer", "analyst", "anon"])
def test_no_outsider_response_carries_a_walled_marker(client_for, walled, role) -> None:
    client = client_for(role)
    start = [rule.url for rule in READER_GETS] + urls(walled)
    seen = crawl(client, start, limit=300, markers=WALLED_MARKERS)
    if role is not None:
        assert seen["/dashboard"] == 200
        assert seen[f"/persons/{WALLED_ID}"] == 404
        assert seen[f"/sources/{walled['walled_source']}"] == 404
        assert seen[f"/sources/{walled['open_source']}"] == 200
        shown = client.get(f"/sources/{walled['open_source']}").text  # its fact on the walled
        assert "[withheld]" in shown and "also fined a local printer" in shown  # person: hidden
        assert WALLED_COUNTRY not in client.get("/dashboard").text.split("<main>")[0]  # menu


@pytest.mark.parametrize("username", [*MEMBERS, "admin"])
def test_members_and_admins_see_the_walled_cases(client_for, walled, username) -> None:
    client = client_for(username)
    assert "Oskarbek" in client.get(f"/persons/{WALLED_ID}").text
    assert "Quillonbrae" in client.get(f"/sources/{walled['walled_source']}").text
    assert "Oskarbek" in client.get("/cases?q=Oskarbek").text
    assert any(p["id"] == WALLED_ID for p in client.get("/api/v1/persons").json())


def test_a_country_no_team_holds_is_open_to_all(client_for, app, walled) -> None:
    """The planted words are there to be found: without the wall a viewer finds them."""
    viewer = client_for("viewer")
    assert viewer.get(f"/persons/{WALLED_ID}").status_code == 404
    app.state.desk.teams.revoke(TEAM, WALLED_COUNTRY, actor="test")
    page = viewer.get(f"/persons/{WALLED_ID}")
    assert page.status_code == 200 and leaks(page, markers=WALLED_MARKERS)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("username", ["viewer", "analyst", "kz-viewer"])
def test_briefs_hold_only_what_the_teams_open(client_for, walled, username, fmt) -> None:
    client = client_for(username)
    for country in (WALLED_COUNTRY, "BY"):
        response = client.post("/briefs", data={
            "country": country, "occasion": "Visit", "on": "2026-11-02", "fmt": fmt,
            "csrf_token": csrf_of(client)})
        assert response.status_code == 200
        if fmt in ("md", "html"):
            found = leaks(response, markers=WALLED_MARKERS)
            if username in MEMBERS and country == WALLED_COUNTRY:
                assert "Oskarbek" in found
            else:
                assert not found, f"{country} brief shows {found}"


def test_digest_of_a_user_leaves_walled_countries_out(store, walled, client_for) -> None:
    for username in ("viewer", "kz-viewer"):  # both follow the walled country
        client = client_for(username)
        followed = client.post("/watchlist/follow", data={
            "country": WALLED_COUNTRY, "csrf_token": csrf_of(client)})
        assert followed.status_code == 200
    outsider = digest_text(changes_since(store, date(2020, 1, 1), "viewer"))
    member = digest_text(changes_since(store, date(2020, 1, 1), "kz-viewer"))
    assert not [m for m in WALLED_MARKERS if m in outsider]
    assert "Oskarbek" in member


def test_outside_analyst_cannot_act_on_walled_cases(client_for, walled) -> None:
    analyst = client_for("analyst")
    token = csrf_of(analyst)
    fact = walled["walled_event"]
    for url, data in [
        (f"/facts/event/{fact}/review", {"decision": "accepted"}),
        (f"/facts/event/{fact}/confidential", {"confidential": "yes"}),
        (f"/facts/event/{walled['event_in_open_source']}/edit", {"type": "arrest"}),
        ("/persons/verbitsky-anton/merge", {"absorb": WALLED_ID}),
        (f"/persons/{WALLED_ID}/confidential", {"confidential": "yes"}),
        ("/manual/event", {"person_id": WALLED_ID, "source_id": "1", "type": "arrest",
                           "sentence": "Arrested."}),
        ("/manual/person", {"name": "Someone", "source_id": str(walled["walled_source"])}),
    ]:
        response = analyst.post(url, data={**data, "csrf_token": token}, follow_redirects=False)
        assert response.status_code == 404, url
    refused = analyst.post("/manual/source", data={
        "title": "t", "text": "x", "country": "kz", "csrf_token": token})
    assert refused.status_code == 403
    api = analyst.post(f"/api/v1/facts/event/{fact}/review", json={"decision": "rejected"},
                       headers={"x-csrf-token": token})
    assert api.status_code == 404
    member = client_for("kz-analyst")
    accepted = member.post(f"/facts/event/{fact}/review", data={
        "decision": "accepted", "csrf_token": csrf_of(member)}, follow_redirects=False)
    assert accepted.status_code == 303


def test_admin_manages_teams_in_the_desk(client_for, app) -> None:
    admin = client_for("admin")
    token = csrf_of(admin)
    for url, data in [
        ("/admin/teams", {"name": "caucasus"}),
        ("/admin/teams/caucasus/countries", {"country": "by"}),
        ("/admin/teams/caucasus/members", {"username": "analyst"}),
    ]:
        assert admin.post(url, data={**data, "csrf_token": token}).status_code == 200
    page = admin.get("/admin/teams").text
    assert "caucasus" in page and ">BY" in page and "analyst" in page
    assert client_for("viewer").get("/persons/verbitsky-anton").status_code == 404
    assert client_for("analyst").get("/persons/verbitsky-anton").status_code == 200
    chip = page.split('members/analyst/remove"')[1].split("</form>")[0]
    assert f'name="csrf_token" value="{token}"' in chip  # the macro's forms carry the token
    admin.post("/admin/teams/caucasus/members/analyst/remove", data={"csrf_token": token})
    assert client_for("analyst").get("/persons/verbitsky-anton").status_code == 404
    bad = admin.post("/admin/teams/caucasus/countries", data={"country": "1", "csrf_token": token})
    assert bad.status_code == 400 and "two-letter code" in bad.text
    admin.post("/admin/teams/caucasus/remove", data={"csrf_token": token})
    assert client_for("viewer").get("/persons/verbitsky-anton").status_code == 200
    assert "country granted" in admin.get("/admin/audit").text
