"""Alembic environment: always run on a connection the store hands over.

There is no alembic.ini and no URL here: `migrate.upgrade` puts an open
connection in `config.attributes["connection"]`, so migrations run inside the
store's own engine settings (SQLite pragmas, PostgreSQL driver).
"""

from __future__ import annotations

from alembic import context

from rightsdesk.store.schema import metadata


def run_migrations_online() -> None:
    """Migrate on the handed-over connection, in one transaction."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
