"""Fixtures for the web desk: an app over the hand-made sample store, a browser per role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from desk_sample import FAST_HASHER, PASSWORD, ROLES, TODAY, fill, login
from fastapi.testclient import TestClient

from rightsdesk.store import Store, open_store
from rightsdesk.web import WebSettings, create_app


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "cases.db")) as opened:
        fill(opened)
        yield opened


@pytest.fixture
def settings() -> WebSettings:
    return WebSettings(secret_key="test-secret", hasher=FAST_HASHER, today=lambda: TODAY)


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

