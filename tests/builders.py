"""Small builders for test data: make_user(...), make_vacancy(...), and so on."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from sqlalchemy import select

from marketplace.domain.vocabulary import (
    ApprovalState,
    ConsentPurpose,
    ParticipantStatus,
    PlacementType,
    Role,
    VacancyStatus,
)
from marketplace.extensions import db
from marketplace.models import (
    Consent,
    Municipality,
    Organisation,
    Participant,
    Region,
    User,
    Vacancy,
)
from marketplace.services.accounts.users import create_user

PASSWORD = "test-wachtwoord-123"
_numbers = count(1)
DEMO_REGION = "Rijk van Nijmegen"


def make_region(name: str = DEMO_REGION) -> Region:
    region = db.session.scalar(select(Region).where(Region.name == name))
    if region is None:
        region = Region(name=name)
        db.session.add(region)
        db.session.commit()
    return region


def municipality_named(name: str, region: str = DEMO_REGION) -> Municipality:
    """The municipality of this name, made in `region` the first time it is asked for."""
    municipality = db.session.scalar(select(Municipality).where(Municipality.name == name))
    if municipality is None:
        municipality = Municipality(name=name, region=make_region(region))
        db.session.add(municipality)
        db.session.commit()
    return municipality


def _municipalities(fields: dict[str, Any]) -> list[Municipality] | None:
    """`municipality="Wijchen"` or `municipalities=("Wijchen", "Nijmegen")` as rows."""
    names = fields.pop("municipalities", None)
    one = fields.pop("municipality", None)
    if one is not None:
        names = (one,)
    return None if names is None else [municipality_named(name) for name in names]


def make_organisation(**fields: Any) -> Organisation:
    n = next(_numbers)
    values: dict[str, Any] = {
        "key": f"org-{n}",
        "name": f"Organisatie {n}",
        "kind": "wijkcentrum",
        "municipality": "Nijmegen",
        "postcode": "6511",
        "approval": ApprovalState.APPROVED,
    }
    reach = fields.pop("reach", None)
    organisation = Organisation(**(values | fields))
    if organisation.kind == "vrijwilligerscentrale":  # serves where it sits, unless told
        organisation.reach = [municipality_named(name)
                              for name in (reach or (organisation.municipality,))]
    db.session.add(organisation)
    db.session.commit()
    return organisation


def make_user(role: Role = Role.COACH, **fields: Any) -> User:
    n = next(_numbers)
    organisation = fields.pop("organisation", None)
    municipalities = _municipalities(fields)
    user = create_user(
        fields.pop("email", f"user{n}@test.nl"),
        fields.pop("name", f"Gebruiker {n}"),
        role,
        fields.pop("password", PASSWORD),
        organisation_id=organisation.id if organisation else None,
    )
    for name, value in fields.items():
        setattr(user, name, value)
    if municipalities is not None:
        user.municipalities = municipalities
    db.session.commit()
    return user


def make_vacancy(organisation: Organisation | None = None, **fields: Any) -> Vacancy:
    n = next(_numbers)
    values: dict[str, Any] = {
        "ref": f"v-test-{n}",
        "organisation": organisation or make_organisation(),
        "type": PlacementType.VRIJWILLIGERSWERK,
        "title": f"Vacature {n}",
        "description": "Helpen in de keuken van het wijkcentrum.",
        "tags": ["koken"],
        "postcode": "6511",
        "lat": 51.84,
        "lon": 5.86,
        "schedule": ["mon_morning", "wed_afternoon"],
        "hours_min": 4,
        "hours_max": 8,
        "capacity": 2,
        "status": VacancyStatus.PUBLISHED,
    }
    vacancy = Vacancy(**(values | fields))
    db.session.add(vacancy)
    db.session.commit()
    return vacancy


def make_participant(coach: User | None = None, **fields: Any) -> Participant:
    n = next(_numbers)
    consents = fields.pop("consents", (ConsentPurpose.MATCHING,))
    controller = _municipalities(fields)
    if controller:
        fields["controller"] = controller[0]
    values: dict[str, Any] = {
        "ref": f"p-test-{n}",
        "coach": coach or make_user(Role.COACH),
        "first_name": f"Deelnemer{n}",
        "last_name": "Test",
        "status": ParticipantStatus.ACTIVE,
        "postcode": "6512",
        "lat": 51.845,
        "lon": 5.87,
        "availability": ["mon_morning", "wed_afternoon", "fri_morning"],
        "interests": ["koken"],
        "nl_speaking": "A2",
        "gender": "f",
        "health_notes": "Rugklachten",
    }
    participant = Participant(**(values | fields))
    participant.consents = [Consent(purpose=p, given_on=date(2026, 1, 5)) for p in consents]
    db.session.add(participant)
    db.session.commit()
    return participant


def make_placement(
    participant: Any = None, vacancy: Any = None, state: Any = None, **fields: Any
) -> Any:
    """A placement in any state (default proposed), with its first event, like a proposal."""
    from marketplace.domain.placements import PlacementState
    from marketplace.models import Placement, PlacementEvent

    participant = participant or make_participant()
    placement = Placement(
        participant=participant,
        vacancy=vacancy or make_vacancy(),
        state=state or PlacementState.PROPOSED,
        proposed_by=participant.coach,
        message=fields.pop("message", "Zij kookt graag en wil Nederlands oefenen."),
        **fields,
    )
    placement.events.append(PlacementEvent(from_state=None, to_state=PlacementState.PROPOSED,
                                           actor_id=participant.coach_id, actor_role="coach",
                                           note="voorstel"))
    db.session.add(placement)
    db.session.commit()
    return placement
