"""From a vacancy to people: which participants of the coach's own caseload fit one
vacancy, ranked with the same scores, reasons and exclusions as the matches page.

The engine ranks each participant with this vacancy as the only candidate, so a row
here says exactly what that participant's matches page says about the vacancy. Only
the coach's own caseload (active, with consent to search) is ever ranked; the volunteer
centre gets the number of fitting participants in the region, never who.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import selectinload

import matching
from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus
from marketplace.extensions import db
from marketplace.models import Participant, User, Vacancy
from marketplace.services.matching.index import VacancyIndex, vacancy_index
from marketplace.services.matching.ranking import COMPONENT_LABELS, Component
from marketplace.services.placements.proposals import open_pairs
from marketplace.services.platform import access
from marketplace.services.profiles.engine import explain_codes, to_engine_participant


@dataclass(frozen=True)
class FittingPerson:
    participant_id: int
    name: str
    score: float
    components: tuple[Component, ...]
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    distance_km: float | None
    proposed: bool  # an open proposal for this vacancy exists


@dataclass(frozen=True)
class ExcludedPerson:
    participant_id: int
    name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PeopleForVacancy:
    indexed: bool  # False: the vacancy is not published, so nobody is ranked for it
    fitting: list[FittingPerson]  # best first
    excluded: list[ExcludedPerson]


def searching_participants(query_filter: object | None = None) -> list[Participant]:
    """Active participants with consent to search (paused and closed ones are not)."""
    query = (select(Participant)
             .where(Participant.status == ParticipantStatus.ACTIVE,
                    Participant.erased_at.is_(None))
             .options(selectinload(Participant.consents), selectinload(Participant.measurements))
             .order_by(Participant.first_name, Participant.id))
    if query_filter is not None:
        query = query.where(query_filter)  # type: ignore[arg-type]
    return [p for p in db.session.scalars(query) if p.consent_given(ConsentPurpose.MATCHING)]


def _ranking(index: VacancyIndex, position: int, person: Participant) -> matching.Ranking:
    only_this = np.zeros(len(index), dtype=np.bool_)
    only_this[position] = True
    return index.ranker.rank(to_engine_participant(person), limit=1, candidates=only_this)


def people_for_vacancy(coach: User, vacancy: Vacancy) -> PeopleForVacancy:
    """The coach's own searching participants for this vacancy: fitting ones ranked by
    score, excluded ones with the engine's reasons."""
    index = vacancy_index()
    position = index.position.get(vacancy.id)
    if position is None:
        return PeopleForVacancy(False, [], [])
    people = searching_participants(access.caseload_of(coach))
    proposed = {p for p, v in open_pairs(p.id for p in people) if v == vacancy.id}
    fitting, excluded = [], []
    for person in people:
        ranking = _ranking(index, position, person)
        if ranking.ranked:
            match = ranking.ranked[0]
            fitting.append(FittingPerson(
                participant_id=person.id, name=person.display_name, score=match.score,
                components=tuple(Component(n, COMPONENT_LABELS[n],
                                           float(match.components.get(n, 0)))
                                 for n in matching.COMPONENTS),
                reasons=match.reasons, warnings=match.warnings,
                distance_km=match.distance_km, proposed=person.id in proposed))
        elif len(ranking.excluded):
            exclusion = ranking.excluded[0]
            failures = explain_codes(exclusion.details, exclusion.codes)
            excluded.append(ExcludedPerson(person.id, person.display_name,
                                           tuple(f.explanation for f in failures)))
    fitting.sort(key=lambda row: (-row.score, row.name))
    return PeopleForVacancy(True, fitting, excluded)


def fitting_count_in_region(vacancy: Vacancy) -> int | None:
    """How many searching participants of the whole region fit the vacancy (None when it
    is not published): a number for the volunteer centre, never a name."""
    index = vacancy_index()
    position = index.position.get(vacancy.id)
    if position is None:
        return None
    people = searching_participants()
    return sum(bool(_ranking(index, position, person).ranked) for person in people)
