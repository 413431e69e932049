"""vacancy (status, updated_at) index: the matching index's version and changed rows

Every request reads the published vacancies' count and latest updated_at, and after an
edit the published rows changed since a moment (services/matching/index.py); without
this index both scan the table (about 30 ms each at 20,000 vacancies).

Revision ID: 0017_matching_version_index
Revises: 0016_matching_weights
Create Date: 2026-12-06 17:10:00

"""
from alembic import op


revision = '0017_matching_version_index'
down_revision = '0016_matching_weights'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.create_index('ix_vacancy_status_updated_at', ['status', 'updated_at'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.drop_index('ix_vacancy_status_updated_at')
