"""participation route, exit and municipality of participants; team of coaches

Revision ID: 0002_monitoring
Revises: 0001_initial
Create Date: 2026-11-22 19:35:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0002_monitoring'
down_revision = '0001_initial'
branch_labels = None
depends_on = None

PARTICIPATION_ROUTES = ('vrijwilligerswerk', 'onderwijs', 'sociale_participatie', 'zorg')
EXIT_REASONS = ('paid_work', 'education', 'moved', 'stopped', 'other')


def upgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('municipality', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column(
            'participation_route',
            sa.Enum(*PARTICIPATION_ROUTES, name='participationroute', native_enum=False,
                    create_constraint=True, length=20),
            nullable=True))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column(
            'exit_reason',
            sa.Enum(*EXIT_REASONS, name='exitreason', native_enum=False,
                    create_constraint=True, length=20),
            nullable=True))
        batch_op.create_index(batch_op.f('ix_participant_municipality'), ['municipality'],
                              unique=False)
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('team', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('municipality', sa.String(length=80), nullable=True))


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('municipality')
        batch_op.drop_column('team')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_municipality'))
        batch_op.drop_column('exit_reason')
        batch_op.drop_column('closed_on')
        batch_op.drop_column('participation_route')
        batch_op.drop_column('municipality')
