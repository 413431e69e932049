"""`flask seed`: the demo region loads once, and every demo account works."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.config import DEMO_PASSWORD
from marketplace.domain.vocabulary import PlacementType, Role
from marketplace.models import Organisation, Participant, User, Vacancy
from tests.marketplace.test_auth import START_PAGE_HEADINGS

DEMO_ACCOUNTS = {
    "coach@demo.nl": Role.COACH,
    "coach2@demo.nl": Role.COACH,
    "organisatie@demo.nl": Role.ORGANISATION,
    "organisatie2@demo.nl": Role.ORGANISATION,
    "centrale@demo.nl": Role.CENTRALE,
    "beleid@demo.nl": Role.POLICY,
    "beleid-wijchen@demo.nl": Role.POLICY,
    "gemeentebeheer@demo.nl": Role.MUNICIPAL_ADMIN,
    "regio@demo.nl": Role.REGIONAL_ADMIN,
    "admin@demo.nl": Role.ADMIN,
}


@pytest.fixture()
def seeded(runner):
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    return result


def count(db, model) -> int:
    return db.scalar(select(func.count()).select_from(model))


def test_seed_loads_the_region_and_is_safe_to_run_twice(seeded, runner, db) -> None:
    assert "Demoregio geladen" in seeded.output
    totals = (count(db, Organisation), count(db, Vacancy), count(db, Participant))
    again = runner.invoke(args=["seed"])
    assert again.exit_code == 0
    assert "niets geladen" in again.output
    assert (count(db, Organisation), count(db, Vacancy), count(db, Participant)) == totals
    assert totals[0] >= 25 and totals[1] >= 120 and totals[2] >= 80


def test_region_has_all_three_types_and_four_caseloads(seeded, db) -> None:
    types = set(db.scalars(select(Vacancy.type).distinct()))
    assert types == set(PlacementType)
    caseloads = db.execute(
        select(Participant.coach_id, func.count()).group_by(Participant.coach_id)
    ).all()
    assert len(caseloads) == 4


def test_every_place_has_coordinates(seeded, db) -> None:
    unplaced = db.scalar(
        select(func.count()).where(Vacancy.remote.is_(False), Vacancy.lat.is_(None))
    )
    assert unplaced == 0
    assert db.scalar(select(func.count()).where(Participant.lat.is_(None))) == 0


@pytest.mark.parametrize(("email", "role"), DEMO_ACCOUNTS.items())
def test_each_demo_account_logs_in_to_its_start_page(seeded, client, db, email, role) -> None:
    response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert START_PAGE_HEADINGS[role] in client.get("/").get_data(as_text=True)


def test_the_two_demo_coaches_have_separate_caseloads(seeded, client, db) -> None:
    coach2 = db.scalars(select(User).where(User.email == "coach2@demo.nl")).one()
    theirs = db.scalars(select(Participant).where(Participant.coach_id == coach2.id)).first()
    client.post("/login", data={"email": "coach@demo.nl", "password": DEMO_PASSWORD})
    assert client.get(f"/deelnemers/{theirs.id}").status_code == 404


def test_the_two_demo_organisations_are_different(seeded, db) -> None:
    members = db.scalars(
        select(User).where(User.email.in_(["organisatie@demo.nl", "organisatie2@demo.nl"]))
    ).all()
    assert len({member.organisation_id for member in members}) == 2


def test_seed_refuses_production(app, db, make_app) -> None:
    production = make_app(KOPPELKANS_ENV="production")
    with production.app_context():
        result = production.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code != 0
    assert "productie" in result.output
    assert count(db, User) == 0


def test_the_demo_has_coaches_policy_officers_and_admins_in_several_municipalities(
        seeded, db) -> None:
    """Each municipality with participants has its coach; policy officers and municipal
    admins work for Nijmegen and Wijchen apart; every participant has a controller."""
    def municipalities_of(role: Role) -> set[str]:
        users = db.scalars(select(User).where(User.role == role)).all()
        return {m.name for user in users for m in user.municipalities}

    assert {"Nijmegen", "Wijchen", "Weert"} <= municipalities_of(Role.COACH)
    assert {"Nijmegen", "Wijchen"} <= municipalities_of(Role.POLICY)
    assert municipalities_of(Role.MUNICIPAL_ADMIN) == {"Nijmegen", "Wijchen"}
    assert db.scalar(select(func.count()).where(Participant.municipality_id.is_(None))) == 0
