"""scale indexes: the board's default order at national size

The board without a postcode lists the published vacancies by title, 20 at a time.
With 82,000 published vacancies (bench/bench_national.py) PostgreSQL read and sorted
all of them for every page (a top-N sort, 0.26 s under load); an index in that order
lets it read the first 20 and stop, and counts the published ones from the index.

Revision ID: 0019_scale_indexes
Revises: 0018_region_tenancy
Create Date: 2026-12-06 17:10:00

"""
from alembic import op


revision = '0019_scale_indexes'
# Chained on the tenancy migration that this branch carries (the integrator re-chains
# parallel migrations; issue 22's brief named 0015_daily_work).
down_revision = '0018_region_tenancy'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_vacancy_status_title', 'vacancy', ['status', 'title', 'id'])


def downgrade():
    op.drop_index('ix_vacancy_status_title', table_name='vacancy')
