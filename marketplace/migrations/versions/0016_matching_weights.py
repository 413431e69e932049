"""matching_weights: component weights learned from outcomes (issue 16)

Revision ID: 0016_matching_weights
Revises: 0015_daily_work
Create Date: 2026-12-06 17:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0016_matching_weights'
down_revision = '0015_daily_work'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'matching_weights',
        sa.Column('version', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('learned_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('weights', sa.JSON(), nullable=False),
        sa.Column('outcomes', sa.Integer(), nullable=False),
        sa.Column('comparisons', sa.Integer(), nullable=False),
        sa.Column('learned_share', sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint('version', name=op.f('pk_matching_weights')),
    )


def downgrade():
    op.drop_table('matching_weights')
