"""Migration 0017 turns the free-text municipalities into rows and keeps who is whose."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from marketplace.domain.vocabulary import Role
from marketplace.models import Municipality, Participant, Region, User
from tests.builders import make_user

BEFORE = "0015_daily_work"


def _insert_free_text_world(db) -> None:
    db.execute(text(
        "INSERT INTO user_account (id, email, name, password_hash, role, municipality, "
        "is_demo, active, created_at, session_token) VALUES "
        "(901, 'c@m.test', 'Coach', 'x', 'coach', 'Wijchen', false, true, "
        "'2026-01-01 00:00:00+00:00', 't1'), "
        "(902, 'w@m.test', 'Weert', 'x', 'coach', 'Weert', false, true, "
        "'2026-01-01 00:00:00+00:00', 't2')"))
    db.execute(text(
        "INSERT INTO organisation (id, key, name, kind, municipality, description, approval, "
        "created_at) VALUES (901, 'vc', 'Centrale', 'vrijwilligerscentrale', 'Wijchen', '', "
        "'approved', '2026-01-01 00:00:00+00:00')"))
    for number, (coach, municipality) in enumerate(
            [(901, "Wijchen"), (901, " Atlantis "), (902, "Weert"), (901, None)]):
        db.execute(text(
            "INSERT INTO participant (ref, coach_id, first_name, last_name, status, "
            "intake_date, municipality, max_travel_km, nl_speaking, nl_listening, "
            "nl_reading, nl_writing, other_languages, literate_latin, interests, experience, "
            "availability, lessons, childcare_needed, hours_min, hours_max, women_only, "
            "max_physical_load, children_ages, household_notes, health_notes, created_at, "
            "updated_at) VALUES (:ref, :coach, 'A', 'B', 'active', '2026-01-01', :m, 10, "
            "'A0', 'A0', 'A0', 'A0', '[]', true, '[]', '', '[]', '[]', '[]', 0, 16, false, "
            "'medium', '[]', '', '', '2026-01-01 00:00:00+00:00', "
            "'2026-01-01 00:00:00+00:00')"),
            {"ref": f"p-mig-{number}", "coach": coach, "m": municipality})
    db.commit()


def test_the_migration_makes_rows_of_the_free_text_municipalities(app, db) -> None:
    db.remove()
    downgrade(revision=BEFORE)
    try:
        _insert_free_text_world(db)
    finally:
        upgrade()
    regions = {r.name: sorted(m.name for m in r.municipalities)
               for r in db.scalars(select(Region))}
    assert regions == {
        "Rijk van Nijmegen": ["Berg en Dal", "Beuningen", "Druten", "Heumen", "Nijmegen",
                              "Wijchen"],
        "Weert": ["Weert"],
        "Overige gemeenten": ["Atlantis"],
    }
    controllers = {p.ref: p.municipality for p in db.scalars(select(Participant))}
    assert controllers == {"p-mig-0": "Wijchen", "p-mig-1": "Atlantis", "p-mig-2": "Weert",
                           "p-mig-3": None}
    assert [m.name for m in db.get(User, 901).municipalities] == ["Wijchen"]
    centre_reach = db.execute(text(
        "SELECT municipality_id FROM organisation_municipality WHERE organisation_id = 901"
    )).scalars().all()
    wijchen = db.scalar(select(Municipality).where(Municipality.name == "Wijchen"))
    assert centre_reach == [wijchen.id]


def test_after_the_migration_the_new_roles_are_accepted(app, db) -> None:
    """The role's CHECK constraint was rebuilt with the two admin roles."""
    for role in (Role.REGIONAL_ADMIN, Role.MUNICIPAL_ADMIN):
        make_user(role)
    assert db.scalar(select(text("count(*)")).select_from(User)) == 2
