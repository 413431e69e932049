"""sessions that end and login attempts counted in the database

user_account.session_token is part of every session cookie: a new value (logout,
password change) ends the account's sessions, also cookies copied before. Existing
accounts get a random token each (so existing sessions end once, on upgrade).
login_throttle counts failed logins per client address and per account, shared by
every worker.

Revision ID: 0007_sessions_and_login_throttle
Revises: 0006_outbox_delivery
Create Date: 2026-12-06 13:30:00

"""
import secrets

import sqlalchemy as sa
from alembic import op


revision = '0007_sessions_and_login_throttle'
down_revision = '0006_outbox_delivery'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), nullable=True))
    accounts = sa.table('user_account', sa.column('id', sa.Integer),
                        sa.column('session_token', sa.String))
    connection = op.get_bind()
    for (account_id,) in connection.execute(sa.select(accounts.c.id)).all():
        connection.execute(accounts.update().where(accounts.c.id == account_id)
                           .values(session_token=secrets.token_urlsafe(32)))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=64),
                              nullable=False)
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('first_failure_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )


def downgrade() -> None:
    op.drop_table('login_throttle')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_token')
