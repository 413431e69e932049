"""append-only in the database too: PostgreSQL refuses to change or delete log rows

The session already refuses it (models/append_only.py), but SQL typed by hand or a
Core statement passes the ORM. On PostgreSQL, triggers refuse UPDATE and DELETE of
audit entries and placement events, and DELETE of placements, whoever sends them.
SQLite (development and the demo) keeps the session's guard only.

Revision ID: 0005_append_only_triggers
Revises: 0004_audit_event_notes
Create Date: 2026-11-22 23:00:00

"""
from alembic import op


revision = '0005_append_only_triggers'
down_revision = '0004_audit_event_notes'
branch_labels = None
depends_on = None

# table -> the statements refused on it
GUARDED = {
    'audit_entry': 'UPDATE OR DELETE',
    'placement_event': 'UPDATE OR DELETE',
    'placement': 'DELETE',
}


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(
        """
        CREATE FUNCTION refuse_log_change() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'Het auditlog kan niet worden gewijzigd of verwijderd (% op %).',
                TG_OP, TG_TABLE_NAME;
        END
        $$ LANGUAGE plpgsql
        """
    )
    for table, statements in GUARDED.items():
        op.execute(
            f'CREATE TRIGGER {table}_append_only BEFORE {statements} ON {table} '
            'FOR EACH ROW EXECUTE FUNCTION refuse_log_change()'
        )


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in GUARDED:
        op.execute(f'DROP TRIGGER {table}_append_only ON {table}')
    op.execute('DROP FUNCTION refuse_log_change()')
