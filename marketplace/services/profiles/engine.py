"""Rows as the matching engine's dataclasses: the one bridge from the database to
`matching`, through the spec profiles of `services.profiles.rows`.

Below placements and matching alike: a proposal checks its pair's hard constraints
here, and the ranking index converts every vacancy here.
"""

from __future__ import annotations

from collections.abc import Sequence

import matching
from marketplace.domain.vocabulary import N_
from marketplace.geo import make_geocoder
from marketplace.models import Participant, Vacancy
from marketplace.services.profiles.rows import participant_profile, vacancy_profile

# Used only when the engine gives no explanation for a code (it normally does).
CODE_TEXTS = {
    "closed": N_("Niet gepubliceerd"),
    "capacity": N_("Vol: alle plaatsen zijn bezet"),
    "language": N_("Taal: het gevraagde niveau Nederlands is hoger"),
    "literacy": N_("Lezen en schrijven in het Latijnse schrift nodig"),
    "schedule": N_("Rooster: te weinig vrije dagdelen"),
    "childcare": N_("Kinderopvang: kinderen thuis, geen opvang"),
    "distance": N_("Afstand: verder dan de maximale reisafstand"),
    "hours": N_("Uren: het aantal uren past niet"),
    "women_only": N_("Alleen vrouwen"),
    "physical_load": N_("Belasting: het werk is te zwaar"),
}


def to_engine_participant(participant: Participant) -> matching.Participant:
    """A participant row as the engine's dataclass (via the spec profile)."""
    return matching.participant_from_dict(
        participant_profile(participant), geocode=make_geocoder()
    )


def to_engine_vacancy(vacancy: Vacancy) -> matching.Vacancy:
    """A vacancy row as the engine's dataclass (via the spec profile)."""
    return matching.vacancy_from_dict(vacancy_profile(vacancy), geocode=make_geocoder())


def pair_failures(
    participant: Participant, vacancy: Vacancy
) -> tuple[matching.ConstraintFailure, ...]:
    """The hard constraints this pair fails right now, in Dutch (empty: it fits)."""
    person, place = to_engine_participant(participant), to_engine_vacancy(vacancy)
    distance = matching.pair_distance_km(person, place)
    codes = matching.check(person, place, distance)
    return explain_codes(matching.explain(person, place, codes, distance), codes)


def explain_codes(
    details: Sequence[matching.ConstraintFailure], codes: Sequence[str]
) -> tuple[matching.ConstraintFailure, ...]:
    """The engine's explanations, with a Dutch fallback for any code it left unexplained."""
    explained = {detail.code: detail for detail in details if detail.explanation}
    return tuple(
        explained.get(code) or matching.ConstraintFailure(code, CODE_TEXTS.get(code, code))
        for code in codes
    )
