"""Fixtures for the web desk: an app over the hand-made sample store, a browser per role.

The store is a SQLite file, and also a PostgreSQL database of its own when
RIGHTSDESK_TEST_PG is set (see tests/backends.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, create_database, drop_database, fresh_store_url
from desk_sample import FAST_HASHER, PASSWORD, ROLES, TODAY, fill, login
from fastapi.testclient import TestClient

from rightsdesk.store import Store, open_store
from rightsdesk.web import WebSettings, create_app


@pytest.fixture(scope="session")
def migrated_pg() -> Iterator[str]:
    """An empty PostgreSQL store, migrated once; each test's database is a copy of it."""
    url = create_database()
    open_store(url).close()
    yield url
    drop_database(url)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a test's store lives: a new SQLite file or a new PostgreSQL database."""
    template = request.getfixturevalue("migrated_pg") if request.param == "pg" else None
    with fresh_store_url(request.param, tmp_path, template=template) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        fill(opened)
        yield opened


@pytest.fixture
def settings() -> WebSettings:
    return WebSettings(
        secret_key="test-secret",
        hasher=FAST_HASHER,
        today=lambda: TODAY,
        refresh_seconds=0.2,  # lists catch up with the store quickly enough to wait for
    )


@pytest.fixture
def app(store: Store, settings: WebSettings):
    app = create_app(store, settings)
    for role in ROLES:
        app.state.desk.accounts.add_user(role, PASSWORD, role)
    return app


@pytest.fixture
def client_for(app) -> Callable[[str | None], TestClient]:
    """A browser for a role (None: anonymous); https so Secure cookies are sent back."""

    def make(role: str | None) -> TestClient:
        client = TestClient(app, base_url="https://desk.test")
        return login(client, role) if role else client

    return make

