"""proposal rules in the database: one open proposal per participant and vacancy

A partial unique index on placement (participant_id, vacancy_id) for the open states
(proposed, accepted, kennismaking; OPEN_STATES in domain/placements.py), on SQLite and
PostgreSQL alike. Pairs that already have more than one open proposal (the race of
issue 15) keep the oldest; the others are withdrawn, each with a system event in the
log, before the index is made.

Revision ID: 0008_proposal_rules
Revises: 0007_sessions_and_login_throttle
Create Date: 2026-12-06 13:30:00

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0008_proposal_rules'
down_revision = '0007_sessions_and_login_throttle'
branch_labels = None
depends_on = None

# Written out rather than imported: a migration keeps meaning what it meant then.
OPEN = "state IN ('accepted', 'kennismaking', 'proposed')"
# Open placements with an older open placement of the same pair.
DUPLICATES = (
    "SELECT p.id, p.state FROM placement p"
    " WHERE p.state IN ('accepted', 'kennismaking', 'proposed') AND EXISTS ("
    " SELECT 1 FROM placement q WHERE q.state IN ('accepted', 'kennismaking', 'proposed')"
    " AND q.participant_id = p.participant_id AND q.vacancy_id = p.vacancy_id"
    " AND q.id < p.id)"
)


def _withdraw_duplicates():
    connection = op.get_bind()
    duplicates = connection.execute(sa.text(DUPLICATES)).all()
    now = datetime.now(UTC)
    for placement_id, state in duplicates:
        connection.execute(sa.text(
            "UPDATE placement SET state = 'withdrawn', updated_at = :now WHERE id = :id"
        ), {"id": placement_id, "now": now})
        connection.execute(sa.text(
            "INSERT INTO placement_event (placement_id, from_state, to_state, actor_role, at)"
            " VALUES (:id, :state, 'withdrawn', 'system', :now)"
        ), {"id": placement_id, "state": state, "now": now})


def upgrade():
    _withdraw_duplicates()
    op.create_index(
        'uq_placement_open_pair', 'placement', ['participant_id', 'vacancy_id'], unique=True,
        sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN),
    )


def downgrade():
    op.drop_index('uq_placement_open_pair', table_name='placement')
