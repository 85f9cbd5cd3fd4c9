"""Locust users for `bench/load.py`: viewers browse, searchers search, analysts review.

Run through `bench/load.py`, which builds the store, starts the desk and an ingest,
and passes what the users need in the environment:

    LOAD_PASSWORD   password of the accounts `load-viewer-N` and `load-analyst-N`
    LOAD_PERSONS    number of synthetic persons (ids person-0 ... person-N-1)
    LOAD_SOURCES    number of sources stored before the run (ids 1 ... N)
    LOAD_SUMMARY    a JSON file written at the end: login times, errors of the whole run

Every request is named by its kind ("browse: person page", "search", ...) so the
statistics come out per kind, not per URL. Logging in costs an argon2 hash of
about half a second of CPU, and 50 users logging in at once hold the machine for
many seconds, so the statistics of the other kinds are reset once every user is
logged in: they describe the steady state. Login times and errors are counted
over the whole run and written to LOAD_SUMMARY.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from pathlib import Path

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "")
PERSONS = int(os.environ.get("LOAD_PERSONS", "100"))
SOURCES = int(os.environ.get("LOAD_SOURCES", "100"))
COUNTRIES = ("BY", "RU", "AZ", "IR", "VN")
SEARCH_WORDS = ("prison", "treason", "extremism", "court", "released", "detained", "rapporteur")
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
REVIEW_FORM = re.compile(r'action="/facts/(event|statement)/(\d+)/review"')
LOGIN = "login"
ACCOUNT_NUMBERS = itertools.count(1)


class Run:
    """What the run keeps beside locust's own statistics."""

    started = time.monotonic()
    logins_ms: list[float] = []
    errors = 0
    steady_after_s: float | None = None


@events.request.add_listener
def count_error(exception, **_kwargs) -> None:
    if exception is not None:
        Run.errors += 1


@events.quitting.add_listener
def write_summary(environment, **_kwargs) -> None:
    summary = {
        "logins_ms": Run.logins_ms,
        "errors": Run.errors,
        "steady_after_s": Run.steady_after_s,
    }
    Path(os.environ.get("LOAD_SUMMARY", "load-summary.json")).write_text(json.dumps(summary))


def logged_in(environment, milliseconds: float) -> None:
    """The last user in: forget the ramp-up (logins, cold caches) in every other kind."""
    Run.logins_ms.append(milliseconds)
    if len(Run.logins_ms) != environment.runner.target_user_count:
        return
    Run.steady_after_s = round(time.monotonic() - Run.started, 1)
    stats = environment.stats
    for (name, _method), entry in stats.entries.items():
        if name != LOGIN:
            entry.reset()
    stats.total.reset()


class DeskUser(HttpUser):
    """A logged-in desk user; the login is counted apart from the work it enables."""

    abstract = True
    account = ""
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        # each user its own account, as each analyst has: login throttling counts attempts
        # per account and address, and the load comes from one address
        account = f"{self.account}-{next(ACCOUNT_NUMBERS)}"
        started = time.perf_counter()
        form = self.client.get("/login", name=LOGIN)
        with self.client.post(
            "/login",
            data={"username": account, "password": PASSWORD, "csrf_token": _token(form.text)},
            name=LOGIN,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 303:
                response.failure(f"login as {account} answered {response.status_code}")
        logged_in(self.environment, (time.perf_counter() - started) * 1000)


class Viewer(DeskUser):
    """Reads the overview, the case list and the pages behind it."""

    weight = 6
    account = "load-viewer"

    @task(2)
    def dashboard(self) -> None:
        country = random.choice((None, *COUNTRIES))
        path = f"/dashboard?country={country}" if country else "/dashboard"
        self.client.get(path, name="browse: dashboard")

    @task(2)
    def cases(self) -> None:
        self.client.get(f"/cases?country={random.choice(COUNTRIES)}", name="browse: cases")

    @task(4)
    def person(self) -> None:
        person_id = f"person-{random.randrange(PERSONS)}"
        with self.client.get(
            f"/persons/{person_id}", name="browse: person page", catch_response=True
        ) as response:
            if response.status_code == 404:  # a confidential person: the desk hides it
                response.success()

    @task(3)
    def source(self) -> None:
        self.client.get(f"/sources/{random.randint(1, SOURCES)}", name="browse: source page")


class Searcher(DeskUser):
    """Searches the case list by a word of the reports."""

    weight = 2
    account = "load-viewer"

    @task
    def search(self) -> None:
        self.client.get(f"/cases?q={random.choice(SEARCH_WORDS)}", name="search")


class Analyst(DeskUser):
    """Opens the review queue and accepts or rejects one of its facts."""

    weight = 2
    account = "load-analyst"

    @task
    def review(self) -> None:
        queue = self.client.get("/review", name="review: queue")
        facts = REVIEW_FORM.findall(queue.text)
        if not facts:
            return
        kind, fact_id = random.choice(facts)
        with self.client.post(
            f"/facts/{kind}/{fact_id}/review",
            data={
                "decision": random.choice(("accepted", "rejected")),
                "csrf_token": _token(queue.text),
            },
            name="review: decide",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 303:
                response.failure(f"decision answered {response.status_code}")


def _token(html: str) -> str:
    found = TOKEN.search(html)
    return found.group(1) if found else ""
