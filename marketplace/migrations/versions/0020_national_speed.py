"""national speed: placement milestones and covering indexes for the dashboard

At national size (bench/bench_national.py: 100,000 participants, 1,000,000 placement
events) the dashboard of one large municipality spent most of its time following
participants -> placements -> events four times (funnel, active volunteers, time to
first placement, last year's placed), 150-250 ms each on an idle machine. The first
moment a placement entered each state is now kept on the placement
(models/placement.py, MILESTONE_STATES, refreshed after every flush that adds an
event), and each participant her first proefperiode start, so those figures read the
selection's placements (or participants) only; and three covering
indexes let PostgreSQL read the participants in scope, their placements and their
measurements from the index alone (INCLUDE is PostgreSQL's; SQLite gets plain indexes).

The board's radius search read and sorted every published vacancy in the bounding box
(22,000 around Amsterdam 1012 at 10 km, a sequential scan); `ix_vacancy_board` gives
the box and the remote places as two ranges of one index.

Revision ID: 0020_national_speed
Revises: 0019_scale_indexes
Create Date: 2026-12-06 19:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0020_national_speed'
down_revision = '0019_scale_indexes'
branch_labels = None
depends_on = None

MILESTONES = ('proposed_at', 'accepted_at', 'proefperiode_at', 'placed_at', 'ended_at',
              'occupied_at', 'stopped_at')
PARTICIPANT_SCOPE = ['id', 'coach_id', 'status', 'route', 'participation_route',
                     'closed_on', 'exit_reason', 'first_proefperiode_at']
BOARD_CANDIDATE = ['id', 'organisation_id', 'schedule_mask', 'dayparts_needed']
MEASUREMENT_FIGURES = ['superseded_on', 'kind', 'start_step', 'ladder_step', 'zrm_compared',
                       'zrm_better', 'zrm_worse', 'zrm_forward']


def upgrade():
    with op.batch_alter_table('placement', schema=None) as batch_op:
        for name in MILESTONES:
            batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_proefperiode_at', sa.DateTime(timezone=True),
                                      nullable=True))
    _fill_milestones()
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.create_index('ix_placement_participant_milestones', ['participant_id'],
                              postgresql_include=['vacancy_id', 'outcome', *MILESTONES])
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index('ix_participant_scope', ['municipality_id', 'intake_date'],
                              postgresql_include=PARTICIPANT_SCOPE)
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.create_index('ix_measurement_participant_measured_on',
                              ['participant_id', 'measured_on'],
                              postgresql_include=MEASUREMENT_FIGURES)
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.create_index('ix_vacancy_board', ['status', 'remote', 'lat', 'lon'],
                              postgresql_include=BOARD_CANDIDATE)


def _fill_milestones():
    # The same computation the app runs after every flush that adds an event.
    from marketplace.models.placement import refresh_milestones

    refresh_milestones(op.get_bind())


def downgrade():
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.drop_index('ix_vacancy_board')
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_index('ix_measurement_participant_measured_on')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index('ix_participant_scope')
        batch_op.drop_column('first_proefperiode_at')
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_index('ix_placement_participant_milestones')
        for name in reversed(MILESTONES):
            batch_op.drop_column(name)
