"""measurement progress: each measurement compared with the nulmeting; merges the 0002 heads

Revision ID: 0003_measurement_progress
Revises: the seven 0002 branches made in parallel, so `flask db upgrade` needs no "heads"
Create Date: 2026-11-22 21:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003_measurement_progress'
down_revision = (
    '0002_api',
    '0002_audit',
    '0002_coach',
    '0002_monitoring',
    '0002_placements',
    '0002_privacy',
    '0002_vacancies',
)
branch_labels = None
depends_on = None

COUNTERS = ('zrm_compared', 'zrm_better', 'zrm_worse', 'zrm_forward')


def upgrade():
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('superseded_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('start_step', sa.Integer(), nullable=True))
        for name in COUNTERS:
            batch_op.add_column(
                sa.Column(name, sa.Integer(), server_default='0', nullable=False)
            )
    _fill_existing_measurements()


def _fill_existing_measurements():
    # The same computation the app runs on every save, for rows saved before this one.
    from marketplace.models.measurement import refresh_progress

    connection = op.get_bind()
    participant_ids = connection.execute(
        sa.text('SELECT DISTINCT participant_id FROM measurement')
    ).scalars().all()
    refresh_progress(connection, participant_ids)


def downgrade():
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        for name in reversed(COUNTERS):
            batch_op.drop_column(name)
        batch_op.drop_column('start_step')
        batch_op.drop_column('superseded_on')
