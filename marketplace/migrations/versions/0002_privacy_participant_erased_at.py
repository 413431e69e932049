"""privacy: participant erased_at

Revision ID: 0002_privacy
Revises: 0001_initial
Create Date: 2026-11-22 19:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0002_privacy'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('erased_at')
