"""The Alembic migrations create exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from marketplace.extensions import db as _db


def test_migrations_match_the_models(app, db) -> None:
    with _db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"render_as_batch": True, "compare_type": True}
        )
        differences = compare_metadata(context, _db.metadata)
    assert differences == []


def test_the_migrations_have_one_head(app) -> None:
    """One line of history, so a plain `flask db upgrade` brings any database up to date."""
    from alembic.script import ScriptDirectory

    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1
