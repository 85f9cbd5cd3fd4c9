"""Alembic, run from code: the schema follows the package, no alembic.ini needed."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from rightsdesk.store.transactions import writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "head"


def alembic_config(connection: sa.Connection) -> Config:
    """A Config pointing at the packaged migrations and carrying an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine, revision: str = HEAD) -> None:
    """Bring the schema to `revision` in one write transaction (a no-op when already there)."""
    with writing(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def head_revision() -> str | None:
    """The newest revision this package knows; a store at it needs no upgrade."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    """The revision recorded in the store's `alembic_version` table."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
