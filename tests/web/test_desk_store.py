"""The desk's own tables: migrations 0003, 0006 and 0007 match the modules, accounts behave."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from desk_sample import FAST_HASHER

from rightsdesk.store import (  # noqa: F401  (second_factor and teams hold desk tables)
    open_store,
    schema,
    second_factor,
    teams,
)
from rightsdesk.store.accounts import AccountError, Accounts, SessionPolicy, sessions

DESK_TABLES = {
    "users",
    "sessions",
    "login_failures",
    "audit_log",
    "confidential_facts",
    "case_codes",
    "watchlist",
    "watch_visits",
    "recovery_codes",
    "desk_policy",
    "teams",
    "team_members",
    "team_countries",
}


def _desk_tables(item: object, name: str | None, kind: str, *_args: object) -> bool:
    table = item if kind == "table" else getattr(item, "table", None)
    return getattr(table, "name", name) in DESK_TABLES


def test_desk_modules_match_what_the_migrations_create(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _desk_tables}
        )
        assert compare_metadata(context, schema.metadata) == []
        assert set(sa.inspect(conn).get_table_names()) >= DESK_TABLES


@pytest.fixture
def accounts(store_url: str):
    with open_store(store_url) as store:
        yield Accounts(store.engine, hasher=FAST_HASHER)


@pytest.mark.parametrize(
    ("username", "password", "role", "says"),
    [
        ("ana", "short", "analyst", "too short"),
        ("ana", "long enough pass", "editor", "unknown role"),
        ("  ", "long enough pass", "viewer", "use 1 to 64 letters"),
        ("ana/../admin", "long enough pass", "viewer", "use 1 to 64 letters"),
        ("ana bob", "long enough pass", "viewer", "use 1 to 64 letters"),
    ],
)
def test_add_user_refuses_bad_input(accounts, username, password, role, says) -> None:
    with pytest.raises(AccountError, match=says):
        accounts.add_user(username, password, role)


def test_add_user_refuses_a_taken_name(accounts) -> None:
    accounts.add_user("ana", "long enough pass", "viewer")
    with pytest.raises(AccountError, match="already exists"):
        accounts.add_user("ana", "another long pass", "admin")


def test_password_is_stored_as_an_argon2_hash(accounts) -> None:
    accounts.add_user("ana", "long enough pass", "viewer")
    with accounts._engine.connect() as conn:
        stored = conn.scalar(sa.text("SELECT password_hash FROM users"))
    assert stored.startswith("$argon2id$") and "long enough pass" not in stored


def test_idle_session_expires(accounts) -> None:
    accounts.policy = SessionPolicy(idle=timedelta(minutes=30))
    user = accounts.add_user("ana", "long enough pass", "viewer")
    token = accounts.start_session(user)
    assert accounts.session_user(token) == user
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    with accounts._engine.begin() as conn:
        conn.execute(sa.update(sessions).values(last_seen=an_hour_ago))
    assert accounts.session_user(token) is None


def test_roles_include_the_ones_below(accounts) -> None:
    admin = accounts.add_user("root", "long enough pass", "admin")
    viewer = accounts.add_user("intern", "long enough pass", "viewer")
    assert admin.can("viewer") and admin.can("analyst") and admin.can("admin")
    assert viewer.can("viewer") and not viewer.can("analyst")
