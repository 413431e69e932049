"""region tenancy: regions and municipalities as rows; the participant's controller;
the municipalities of accounts and the reach of volunteer centres; two admin roles

The free-text municipalities of participants, accounts and organisations become
rows: the demo region Rijk van Nijmegen (Nijmegen, Wijchen, Beuningen, Berg en Dal,
Heumen, Druten), Weert as a region of its own, and any other name found in the data
in a region "Overige gemeenten" for the regional admin to sort out. A participant
points at its municipality, an account's municipality becomes its first assigned
municipality, and a volunteer centre serves the municipality it sits in.

Revision ID: 0018_region_tenancy
Revises: 0017_matching_version_index
Create Date: 2026-12-06 16:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0018_region_tenancy'
down_revision = '0017_matching_version_index'
branch_labels = None
depends_on = None

REGIONS = {
    'Rijk van Nijmegen': ('Nijmegen', 'Wijchen', 'Beuningen', 'Berg en Dal', 'Heumen',
                          'Druten'),
    'Weert': ('Weert',),
}
OTHER_REGION = 'Overige gemeenten'
OLD_ROLES = ('coach', 'organisation', 'centrale', 'policy', 'admin')
NEW_ROLES = (*OLD_ROLES, 'regional_admin', 'municipal_admin')


def _create_tables():
    op.create_table(
        'region',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_region')),
        sa.UniqueConstraint('name', name=op.f('uq_region_name')),
    )
    op.create_table(
        'municipality',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'],
                                name=op.f('fk_municipality_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_municipality')),
        sa.UniqueConstraint('name', name=op.f('uq_municipality_name')),
    )
    op.create_index(op.f('ix_municipality_region_id'), 'municipality', ['region_id'])
    op.create_table(
        'user_municipality',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], ondelete='CASCADE',
                                name=op.f('fk_user_municipality_municipality_id_municipality')),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ondelete='CASCADE',
                                name=op.f('fk_user_municipality_user_id_user_account')),
        sa.PrimaryKeyConstraint('user_id', 'municipality_id', name=op.f('pk_user_municipality')),
    )
    op.create_table(
        'organisation_municipality',
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['municipality_id'], ['municipality.id'], ondelete='CASCADE',
            name=op.f('fk_organisation_municipality_municipality_id_municipality')),
        sa.ForeignKeyConstraint(
            ['organisation_id'], ['organisation.id'], ondelete='CASCADE',
            name=op.f('fk_organisation_municipality_organisation_id_organisation')),
        sa.PrimaryKeyConstraint('organisation_id', 'municipality_id',
                                name=op.f('pk_organisation_municipality')),
    )


def _insert_municipalities(connection):
    """Every known and every used name as a row; returns name -> id."""
    used = set()
    for table in ('participant', 'user_account', 'organisation'):
        column: sa.ColumnClause[str] = sa.column('municipality')
        query = sa.select(column).distinct().select_from(sa.table(table, column))
        used |= {name.strip() for (name,) in connection.execute(query.where(column.isnot(None)))
                 if name and name.strip()}
    known = {name for names in REGIONS.values() for name in names}
    # A known region comes whole once one of its names is in use; a fresh database
    # (a new deployment) starts without any, for its regional admin to enter.
    regions = {region: names for region, names in REGIONS.items() if used & set(names)}
    if used - known:
        regions[OTHER_REGION] = tuple(sorted(used - known))
    ids = {}
    for region, names in regions.items():
        region_id = connection.execute(
            sa.text('INSERT INTO region (name) VALUES (:name) RETURNING id'),
            {'name': region}).scalar_one()
        for name in names:
            ids[name] = connection.execute(sa.text(
                'INSERT INTO municipality (name, region_id) VALUES (:name, :region) '
                'RETURNING id'), {'name': name, 'region': region_id}).scalar_one()
    return ids


def _convert(connection, ids):
    for name, municipality_id in ids.items():
        values = {'name': name, 'id': municipality_id}
        connection.execute(sa.text(
            'UPDATE participant SET municipality_id = :id WHERE TRIM(municipality) = :name'),
            values)
        connection.execute(sa.text(
            'INSERT INTO user_municipality (user_id, municipality_id) '
            'SELECT id, :id FROM user_account WHERE TRIM(municipality) = :name'), values)
        connection.execute(sa.text(
            'INSERT INTO organisation_municipality (organisation_id, municipality_id) '
            "SELECT id, :id FROM organisation WHERE kind = 'vrijwilligerscentrale' "
            'AND TRIM(municipality) = :name'), values)


def _set_roles(roles):
    """The role's CHECK names the roles; SQLite keeps it in the table's SQL, so batch
    mode rebuilds the table there (PostgreSQL alters the constraint in place)."""
    values = ', '.join(f"'{role}'" for role in roles)
    with op.batch_alter_table('user_account', recreate='auto') as batch_op:
        batch_op.drop_constraint(op.f('ck_user_account_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_user_account_role'), f'role IN ({values})')


def upgrade():
    _create_tables()
    with op.batch_alter_table('participant') as batch_op:
        batch_op.add_column(sa.Column('municipality_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_participant_municipality_id_municipality'),
                                    'municipality', ['municipality_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_participant_municipality_id'), ['municipality_id'])
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.add_column(sa.Column('region_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_user_account_region_id_region'),
                                    'region', ['region_id'], ['id'])
    connection = op.get_bind()
    _convert(connection, _insert_municipalities(connection))
    with op.batch_alter_table('participant') as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_municipality'))
        batch_op.drop_column('municipality')
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.drop_column('municipality')
    _set_roles(NEW_ROLES)


def downgrade():
    connection = op.get_bind()
    connection.execute(sa.text(
        "DELETE FROM user_account WHERE role IN ('regional_admin', 'municipal_admin')"))
    _set_roles(OLD_ROLES)
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.add_column(sa.Column('municipality', sa.String(length=80), nullable=True))
    with op.batch_alter_table('participant') as batch_op:
        batch_op.add_column(sa.Column('municipality', sa.String(length=80), nullable=True))
        batch_op.create_index(batch_op.f('ix_participant_municipality'), ['municipality'])
    connection.execute(sa.text(
        'UPDATE participant SET municipality = (SELECT name FROM municipality '
        'WHERE municipality.id = participant.municipality_id)'))
    connection.execute(sa.text(
        'UPDATE user_account SET municipality = (SELECT MIN(m.name) FROM municipality m '
        'JOIN user_municipality um ON um.municipality_id = m.id '
        'WHERE um.user_id = user_account.id)'))
    with op.batch_alter_table('participant') as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_municipality_id'))
        batch_op.drop_constraint(batch_op.f('fk_participant_municipality_id_municipality'),
                                 type_='foreignkey')
        batch_op.drop_column('municipality_id')
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_user_account_region_id_region'),
                                 type_='foreignkey')
        batch_op.drop_column('region_id')
    op.drop_table('organisation_municipality')
    op.drop_table('user_municipality')
    op.drop_index(op.f('ix_municipality_region_id'), table_name='municipality')
    op.drop_table('municipality')
    op.drop_table('region')
