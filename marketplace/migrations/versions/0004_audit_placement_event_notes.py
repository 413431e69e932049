"""audit: placement events append-only, their free text in placement_event_note

The events are the audit log of the placements' transitions and are never changed.
Their free text may hold personal data that AVG erasure must remove, so it moves to
its own table, which erasure can overwrite.

Revision ID: 0004_audit_event_notes
Revises: 0003_measurement_progress
Create Date: 2026-11-22 22:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0004_audit_event_notes'
down_revision = '0003_measurement_progress'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('placement_event_note',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['placement_event.id'], name=op.f('fk_placement_event_note_event_id_placement_event')),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_placement_event_note'))
    )
    op.execute(
        "INSERT INTO placement_event_note (event_id, text) "
        "SELECT id, note FROM placement_event WHERE note <> ''"
    )
    with op.batch_alter_table('placement_event', schema=None) as batch_op:
        batch_op.drop_column('note')


def downgrade() -> None:
    with op.batch_alter_table('placement_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=False, server_default=''))
    op.execute(
        "UPDATE placement_event SET note = (SELECT text FROM placement_event_note "
        "WHERE placement_event_note.event_id = placement_event.id) "
        "WHERE id IN (SELECT event_id FROM placement_event_note)"
    )
    with op.batch_alter_table('placement_event', schema=None) as batch_op:
        batch_op.alter_column('note', server_default=None)
    op.drop_table('placement_event_note')
