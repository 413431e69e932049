"""account_link: signed single-use links to set a password (invitation, reset)

Revision ID: 0015_daily_work
Revises: 0014_placement_loop
Create Date: 2026-12-06 14:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0015_daily_work'
down_revision = '0014_placement_loop'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'account_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=20), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'],
                                name=op.f('fk_account_link_user_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_account_link')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_account_link_token_hash')),
    )
    op.create_index(op.f('ix_account_link_user_id'), 'account_link', ['user_id'])


def downgrade():
    op.drop_index(op.f('ix_account_link_user_id'), table_name='account_link')
    op.drop_table('account_link')
