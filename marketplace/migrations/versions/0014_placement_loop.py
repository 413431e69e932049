"""placement loop (issue 17): a calendar attachment on outgoing mail, messages per placement

Revision ID: 0014_placement_loop
Revises: 0012_jobs
Create Date: 2026-12-06 14:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0014_placement_loop'
down_revision = '0012_jobs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar', sa.Text(), nullable=True))
    op.create_table(
        'placement_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('placement_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('author_role', sa.String(length=20), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['placement_id'], ['placement.id'],
                                name=op.f('fk_placement_message_placement_id_placement')),
        sa.ForeignKeyConstraint(['author_id'], ['user_account.id'],
                                name=op.f('fk_placement_message_author_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_message')),
    )
    with op.batch_alter_table('placement_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_message_placement_id'),
                              ['placement_id'], unique=False)


def downgrade():
    with op.batch_alter_table('placement_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_message_placement_id'))
    op.drop_table('placement_message')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_column('calendar')
