"""outbox delivery: retries with backoff, a dead state, mail and notifications tied to
the participant they are about, and signed links kept as a recipe instead of a URL

Revision ID: 0006_outbox_delivery
Revises: 0005_append_only_triggers
Create Date: 2026-12-06 13:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0006_outbox_delivery'
down_revision = '0005_append_only_triggers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('dead_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('participant_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('link_recipe', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_outbox_message_next_attempt_at'), ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_dead_at'), ['dead_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_participant_id'), ['participant_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_outbox_message_participant_id_participant'), 'participant', ['participant_id'], ['id'])
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('participant_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_notification_participant_id'), ['participant_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_notification_participant_id_participant'), 'participant', ['participant_id'], ['id'])
    # Notifications written before this revision link to their placement's page: tie
    # them to that placement's participant, so erasure finds them too. (Queued mail of
    # before is delivered within minutes and its body purged after MAIL_BODY_RETENTION_DAYS.)
    op.execute(
        "UPDATE notification SET participant_id = (SELECT placement.participant_id "
        "FROM placement WHERE notification.link = '/plaatsingen/' || placement.id) "
        "WHERE participant_id IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notification_participant_id_participant'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_notification_participant_id'))
        batch_op.drop_column('participant_id')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_outbox_message_participant_id_participant'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_outbox_message_participant_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_message_dead_at'))
        batch_op.drop_index(batch_op.f('ix_outbox_message_next_attempt_at'))
        batch_op.drop_column('link_recipe')
        batch_op.drop_column('participant_id')
        batch_op.drop_column('dead_at')
        batch_op.drop_column('next_attempt_at')
