"""Cohort allocation: a coach places a group at once over the open vacancies.

The engine's result is stored server-side (`CohortAllocation`) with, per person, the
feasible options; the coach edits the choices and sends them all as proposals in one
transaction, or nothing when any proposal is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask_babel import gettext
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import ColumnElement

from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import CohortAllocation, Participant, User, Vacancy
from marketplace.services.matching import allocation
from marketplace.services.placements.proposals import (
    BatchOutcome,
    open_pairs,
    open_proposal_counts,
    propose_many,
)
from marketplace.services.platform import access
from marketplace.services.vacancies.board import inside_box

# Paused participants are not looking now; closed ones not at all (issue 17).
NOT_LOOKING = (ParticipantStatus.CLOSED, ParticipantStatus.PAUSED)


def selectable_participants(coach: User) -> list[Participant]:
    """The coach's participants who are looking: not paused, not closed."""
    return list(
        db.session.scalars(
            select(Participant)
            .where(access.caseload_of(coach), Participant.status.not_in(NOT_LOOKING))
            .options(selectinload(Participant.consents), selectinload(Participant.measurements))
            .order_by(Participant.first_name, Participant.last_name, Participant.id)
        )
    )


def open_proposals_of(participant_ids: Sequence[int]) -> dict[int, list[str]]:
    """Per participant with an open proposal: the titles of those vacancies, so the group
    page can warn before proposing her somewhere else as well."""
    pairs = open_pairs(participant_ids)
    titles = dict(db.session.execute(
        select(Vacancy.id, Vacancy.title).where(Vacancy.id.in_({v for _, v in pairs}))).all())
    found: dict[int, list[str]] = {}
    for participant_id, vacancy_id in sorted(pairs):
        found.setdefault(participant_id, []).append(str(titles.get(vacancy_id, "")))
    return found


def within_reach(people: Sequence[Participant]) -> ColumnElement[bool] | None:
    """Vacancies the distance rule lets through for at least one of `people`: remote
    places, places without a known location, and places within someone's maximum
    travel distance (a box around each: the engine's distance decides the rest). None
    when someone's own location is unknown: then distance excludes nothing for her.

    At national size the group of one region otherwise gets every open vacancy of the
    country as columns (74,884 for 200 people of the Rijk van Nijmegen)."""
    if any(p.lat is None or p.lon is None for p in people):
        return None
    boxes = [inside_box(p.lat, p.lon, p.max_travel_km) for p in people
             if p.lat is not None and p.lon is not None]
    return or_(Vacancy.remote.is_(True), Vacancy.lat.is_(None), Vacancy.lon.is_(None), *boxes)


def open_slots(reach: ColumnElement[bool] | None = None) -> dict[int, int]:
    """Per published vacancy (within `reach`, see within_reach): how many more proposals
    it may take now.

    The smaller of its open places and its open-proposal cap minus open proposals.
    """
    conditions = [Vacancy.status == VacancyStatus.PUBLISHED, Vacancy.filled < Vacancy.capacity]
    if reach is not None:
        conditions.append(reach)
    rows = db.session.execute(
        select(Vacancy.id, Vacancy.capacity, Vacancy.filled, Vacancy.proposal_cap)
        .where(*conditions)
    ).all()
    counts = open_proposal_counts(row.id for row in rows)
    slots = {
        row.id: min(row.capacity - row.filled, row.proposal_cap - counts.get(row.id, 0))
        for row in rows
    }
    return {vacancy_id: n for vacancy_id, n in slots.items() if n > 0}


def _choice(choice: allocation.Choice | None) -> dict[str, Any] | None:
    return None if choice is None else {"vacancy_id": choice.vacancy_id, "score": choice.score}


def run_cohort(coach: User, participant_ids: Sequence[int]) -> CohortAllocation:
    """Allocate the chosen participants of the coach's own caseload; store the result."""
    wanted = set(participant_ids)
    chosen = [p for p in selectable_participants(coach) if p.id in wanted]
    if not chosen:
        raise DomainError(gettext("Kies minstens één deelnemer."), "participants")
    allowed = [p for p in chosen if p.consent_given(ConsentPurpose.MATCHING)]
    slots = open_slots(within_reach(allowed))
    result = allocation.allocate_cohort(allowed, slots, open_pairs(p.id for p in allowed))
    rows: list[dict[str, Any]] = [
        {
            "participant_id": row.participant_id,
            "assigned": _choice(row.assigned),
            "first_choice": _choice(row.first_choice),
            "options": [_choice(option) for option in row.options],
            "problem": None,
        }
        for row in result.rows
    ]
    rows += [
        {"participant_id": p.id, "assigned": None, "first_choice": None, "options": [],
         "problem": "no_matching_consent"}
        for p in chosen if p not in allowed
    ]
    already = open_proposals_of([p.id for p in chosen])
    for row in rows:  # chosen knowingly (the page warned); the result page warns again
        row["open_proposals"] = already.get(row["participant_id"], [])
    run = CohortAllocation(coach_id=coach.id, rows=rows, total_score=result.total_score)
    db.session.add(run)
    db.session.commit()
    return run


def get_run(coach: User, run_id: int) -> CohortAllocation | None:
    run = db.session.get(CohortAllocation, run_id)
    return run if run is not None and run.coach_id == coach.id else None


@dataclass(frozen=True)
class CohortLine:
    participant: Participant
    assigned: dict[str, Any] | None
    first_choice: dict[str, Any] | None
    options: list[dict[str, Any]]
    problem: str | None
    open_proposals: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CohortView:
    run: CohortAllocation
    lines: list[CohortLine]
    vacancies: dict[int, Vacancy]

    @property
    def placed(self) -> int:
        return sum(1 for line in self.lines if line.assigned)

    @property
    def average_score(self) -> float | None:
        """The mean score of the assigned places (the total means nothing to a coach)."""
        scores = [float(line.assigned["score"]) for line in self.lines if line.assigned]
        return sum(scores) / len(scores) if scores else None


def view_run(run: CohortAllocation) -> CohortView:
    """The stored run with its participants and vacancies loaded for display."""
    vacancy_ids = {
        choice["vacancy_id"]
        for row in run.rows
        for choice in [row["assigned"], row["first_choice"], *row["options"]]
        if choice
    }
    vacancies = {
        v.id: v
        for v in db.session.scalars(
            select(Vacancy).where(Vacancy.id.in_(vacancy_ids))
            .options(selectinload(Vacancy.organisation))
        )
    }
    people = {
        p.id: p
        for p in db.session.scalars(
            select(Participant).where(Participant.id.in_([r["participant_id"] for r in run.rows]))
        )
    }
    lines = [
        CohortLine(people[r["participant_id"]], r["assigned"], r["first_choice"], r["options"],
                   r["problem"], r.get("open_proposals") or [])
        for r in run.rows
        if r["participant_id"] in people
    ]
    return CohortView(run, lines, vacancies)


def send_cohort(
    coach: User, run: CohortAllocation, choices: Mapping[int, int | None], message: str
) -> BatchOutcome:
    """Send the (edited) choices as proposals: all of them, or none and every problem.

    `choices` maps participant id to a vacancy id from that person's options, or None.
    """
    if run.sent_at is not None:
        raise DomainError(gettext("Deze groepskoppeling is al verstuurd."))
    by_person = {row["participant_id"]: row for row in run.rows}
    pairs: list[tuple[Participant, int]] = []
    for participant_id, vacancy_id in choices.items():
        row = by_person.get(participant_id)
        if row is None or vacancy_id is None:
            continue
        if vacancy_id not in {option["vacancy_id"] for option in row["options"]}:
            raise DomainError(gettext("Kies voor iedere deelnemer een plek uit de lijst."))
        participant = db.session.get(Participant, participant_id)
        if participant is None or participant.coach_id != coach.id:
            raise DomainError(gettext("Kies voor iedere deelnemer een plek uit de lijst."))
        if not participant.consent_given(ConsentPurpose.MATCHING):
            raise DomainError(gettext(
                "%(name)s heeft geen toestemming (meer) om plekken te zoeken. Haal deze "
                "deelnemer uit de groep.", name=participant.display_name))
        pairs.append((participant, vacancy_id))
    if not pairs:
        raise DomainError(gettext("Er is geen plek gekozen om voor te stellen."))
    run.sent_at = datetime.now(UTC)  # saved with the proposals, or rolled back with them
    return propose_many(coach, pairs, message)
