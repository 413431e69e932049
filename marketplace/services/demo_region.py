"""Loads the fictitious demo region of seed_data/ into an empty database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import func, select

from marketplace.config import DEMO_PASSWORD
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.extensions import db
from marketplace.models import (
    Consent,
    Goal,
    Measurement,
    Municipality,
    Organisation,
    Participant,
    Region,
    User,
    Vacancy,
    ZrmScore,
)
from marketplace.services.accounts.users import create_user
from marketplace.services.demo_outcomes import simulate_outcomes
from marketplace.services.matching.weights import learn
from marketplace.services.platform.locations import locate
from marketplace.services.profiles.rows import (
    participant_fields_from_profile,
    vacancy_fields_from_profile,
)

# The tenants: the demo region around Nijmegen, and Weert as a region of its own
# (migration 0017 makes the same rows of an older database's free-text names).
REGIONS: dict[str, tuple[str, ...]] = {
    "Rijk van Nijmegen": ("Nijmegen", "Wijchen", "Beuningen", "Berg en Dal", "Heumen",
                          "Druten"),
    "Weert": ("Weert",),
}
REGIONAL_ADMIN_REGION = "Rijk van Nijmegen"

# e-mail, name, municipality (the first is where new participants go), team
COACHES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("coach@demo.nl", "Fatima de Groot", ("Nijmegen",), "Team Nijmegen-Oost"),
    ("coach2@demo.nl", "Joost Verhoeven", ("Wijchen",), "Team Wijchen"),
    ("coach3@demo.nl", "Samira Bakker", ("Nijmegen", "Berg en Dal"), "Team Nijmegen-West"),
    ("coach4@demo.nl", "Peter Janssen", ("Weert",), "Team Weert"),
)
# Accounts tied to municipalities: e-mail, name, role, municipalities
MUNICIPAL_ACCOUNTS: tuple[tuple[str, str, Role, tuple[str, ...]], ...] = (
    # every municipality of the demo, so his start page shows the whole demo's figures
    ("beleid@demo.nl", "Mark Hendriks", Role.POLICY,
     (*REGIONS["Rijk van Nijmegen"], *REGIONS["Weert"])),
    ("beleid-nijmegen@demo.nl", "Lotte Smits", Role.POLICY, ("Nijmegen",)),
    ("beleid-wijchen@demo.nl", "Hanneke Bos", Role.POLICY, ("Wijchen",)),
    ("gemeentebeheer@demo.nl", "Karin Mulder", Role.MUNICIPAL_ADMIN, ("Nijmegen",)),
    ("gemeentebeheer-wijchen@demo.nl", "Ruud Visser", Role.MUNICIPAL_ADMIN, ("Wijchen",)),
)


@dataclass(frozen=True)
class SeedSummary:
    loaded: bool
    organisations: int = 0
    vacancies: int = 0
    participants: int = 0
    accounts: int = 0
    simulated_outcomes: int = 0
    weights_version: int | None = None  # learned from the simulated outcomes


def _read(name: str) -> list[dict[str, Any]]:
    text = resources.files("seed_data").joinpath(name).read_text(encoding="utf-8")
    data: list[dict[str, Any]] = json.loads(text)
    return data


def database_is_empty() -> bool:
    return db.session.scalar(select(func.count()).select_from(User)) == 0


def load_demo_region() -> SeedSummary:
    """Load everything in one transaction; does nothing when there are users already."""
    if not database_is_empty():
        return SeedSummary(loaded=False)
    municipalities = _load_regions()
    organisations = _load_organisations(_read("organisations.json"), municipalities)
    vacancies = _load_vacancies(_read("vacancies.json"), organisations)
    accounts = _load_accounts(organisations, municipalities)
    participants = _load_participants(_read("participants.json"), accounts)
    db.session.flush()
    outcomes = simulate_outcomes(list(db.session.scalars(select(Participant))),
                                 list(db.session.scalars(select(Vacancy))))
    db.session.commit()
    # So the demo shows learned weights at once, as `flask matching learn` would.
    learned = learn().stored
    return SeedSummary(
        loaded=True,
        organisations=len(organisations),
        vacancies=vacancies,
        participants=participants,
        accounts=len(accounts),
        simulated_outcomes=outcomes,
        weights_version=learned.version if learned is not None else None,
    )


def _load_regions() -> dict[str, Municipality]:
    by_name: dict[str, Municipality] = {}
    for name, municipality_names in REGIONS.items():
        region = Region(name=name)
        db.session.add(region)
        for municipality_name in municipality_names:
            by_name[municipality_name] = Municipality(name=municipality_name, region=region)
            db.session.add(by_name[municipality_name])
    db.session.flush()
    return by_name


def _load_organisations(rows: list[dict[str, Any]], municipalities: dict[str, Municipality]
                        ) -> dict[str, Organisation]:
    by_key: dict[str, Organisation] = {}
    for row in rows:
        lat, lon, _ = locate(row.get("postcode"))
        organisation = Organisation(
            key=row["key"],
            name=row["name"],
            kind=row["kind"],
            municipality=row["municipality"],
            postcode=row.get("postcode"),
            lat=lat,
            lon=lon,
            description=row.get("description", ""),
            email=row.get("email"),
            phone=row.get("phone"),
            approval=row["approval"],
            review_note=row.get("review_note"),
        )
        if organisation.is_volunteer_centre:  # each serves the municipality it sits in
            organisation.reach = [municipalities[row["municipality"]]]
        by_key[row["key"]] = organisation
        db.session.add(organisation)
    for row in rows:
        if row.get("managed_by"):
            by_key[row["key"]].managed_by = by_key[row["managed_by"]]
    db.session.flush()
    return by_key


def _load_vacancies(rows: list[dict[str, Any]], organisations: dict[str, Organisation]) -> int:
    for row in rows:
        fields = _located(vacancy_fields_from_profile(row), row)
        db.session.add(
            # contact_person comes along in `fields`, as an extra profile field.
            Vacancy(organisation=organisations[row["organisation_key"]], **fields)
        )
    return len(rows)


def _first_of_kind(organisations: dict[str, Organisation], wanted: str) -> Organisation:
    return next(o for o in organisations.values() if o.kind == wanted)


def _load_accounts(organisations: dict[str, Organisation],
                   municipalities: dict[str, Municipality]) -> dict[str, User]:
    ordinary = [o for o in organisations.values() if not o.is_volunteer_centre]
    centrale = _first_of_kind(organisations, "vrijwilligerscentrale")
    specs: list[tuple[str, str, Role, Organisation | None]] = [
        (email, name, Role.COACH, None) for email, name, _, _ in COACHES
    ]
    specs += [
        ("organisatie@demo.nl", "Anouk Peters", Role.ORGANISATION, ordinary[0]),
        ("organisatie2@demo.nl", "Rob van Dijk", Role.ORGANISATION, ordinary[1]),
        ("centrale@demo.nl", "Ingrid Willems", Role.CENTRALE, centrale),
        # The Nijmegen centre: the organisations waiting for screening are in its reach.
        ("centrale-nijmegen@demo.nl", "Fatma Yilmaz", Role.CENTRALE,
         organisations.get("vc-nijmegen")),
        ("regio@demo.nl", "Yusuf Aydin", Role.REGIONAL_ADMIN, None),
        ("admin@demo.nl", "Beheer Koppelkans", Role.ADMIN, None),
    ]
    specs += [(email, name, role, None) for email, name, role, _ in MUNICIPAL_ACCOUNTS]
    accounts = {
        email: create_user(
            email,
            name,
            role,
            DEMO_PASSWORD,
            organisation_id=organisation.id if organisation else None,
            is_demo=True,
        )
        for email, name, role, organisation in specs
    }
    for email, _, names, team in COACHES:
        accounts[email].municipalities = [municipalities[name] for name in names]
        accounts[email].team = team
    for email, _, _, names in MUNICIPAL_ACCOUNTS:
        accounts[email].municipalities = [municipalities[name] for name in names]
    accounts["regio@demo.nl"].region = municipalities["Nijmegen"].region
    db.session.flush()
    return accounts


def _load_participants(rows: list[dict[str, Any]], accounts: dict[str, User]) -> int:
    for row in rows:
        fields = _located(participant_fields_from_profile(row), row)
        participant = Participant(
            coach=accounts[row["coach"]],
            first_name=row["first_name"],
            last_name=row.get("last_name", ""),
            pseudonym=row.get("pseudonym"),
            email=row.get("email"),
            phone=row.get("phone"),
            status=row["status"],
            intake_date=date.fromisoformat(row["intake_date"]),
            controller=accounts[row["coach"]].municipalities[0],
            participation_route=row.get("participation_route"),
            closed_on=_date(row.get("closed_on")),
            exit_reason=row.get("exit_reason"),
            children_ages=row.get("household", {}).get("children_ages", []),
            household_notes=row.get("household", {}).get("notes", ""),
            health_notes=row.get("health_notes", ""),
            **fields,
        )
        participant.consents = _consents(row.get("consent") or {})
        participant.goals = [
            Goal(text=g["text"], target_date=_date(g.get("target_date")))
            for g in row.get("goals", [])
        ]
        participant.measurements = [_measurement(m) for m in row.get("measurements", [])]
        db.session.add(participant)
    return len(rows)


def _located(fields: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """Coordinates from the postcode, unless the profile gave a location."""
    if "lat" not in fields:
        fields["lat"], fields["lon"], fields["geo_precision"] = locate(row.get("postcode"))
    return fields


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _consents(consent: dict[str, str | None]) -> list[Consent]:
    return [
        Consent(purpose=ConsentPurpose(purpose), given_on=date.fromisoformat(given))
        for purpose, given in consent.items()
        if given
    ]


def _measurement(row: dict[str, Any]) -> Measurement:
    measurement = Measurement(
        kind=row["kind"],
        measured_on=date.fromisoformat(row["date"]),
        ladder_step=row["ladder_step"],
    )
    measurement.zrm_scores = [
        ZrmScore(domain=domain, score=score) for domain, score in row.get("zrm", {}).items()
    ]
    return measurement
