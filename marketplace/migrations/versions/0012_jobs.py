"""job_run: the background jobs of `flask jobs run`, their lock and their last result

Revision ID: 0012_jobs
Revises: 0008_proposal_rules
Create Date: 2026-12-06 13:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0012_jobs'
down_revision = '0008_proposal_rules'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'job_run',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('leased_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('runner', sa.String(length=120), nullable=True),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('ok', sa.Boolean(), nullable=True),
        sa.Column('result', sa.Text(), nullable=True),
        sa.Column('runs', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_job_run')),
    )


def downgrade():
    op.drop_table('job_run')
