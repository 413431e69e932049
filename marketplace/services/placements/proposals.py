"""Shortlists and proposals: a coach proposes a participant to an organisation.

`propose` is the one way a placement comes into being (state PROPOSED, with its first
event); the placement state machine of a later issue takes over from there. What an
organisation may see of a proposed participant is decided in one place, `shared_view`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import OPEN_STATES, PlacementRole, PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import (
    Participant,
    Placement,
    PlacementEvent,
    ShortlistEntry,
    User,
    Vacancy,
)
from marketplace.services.matching.ranking import pair_failures
from marketplace.services.platform.transaction import transaction
from matching import ConstraintFailure

log = logging.getLogger(__name__)

MESSAGE_MAX = 2000


# --------------------------------------------------------------------------- shortlist


def shortlist(participant: Participant) -> list[ShortlistEntry]:
    return list(
        db.session.scalars(
            select(ShortlistEntry)
            .where(ShortlistEntry.participant_id == participant.id)
            .options(selectinload(ShortlistEntry.vacancy).selectinload(Vacancy.organisation))
            .order_by(ShortlistEntry.created_at)
        )
    )


def shortlisted_ids(participant: Participant) -> set[int]:
    return set(
        db.session.scalars(
            select(ShortlistEntry.vacancy_id).where(ShortlistEntry.participant_id == participant.id)
        )
    )


def add_to_shortlist(coach: User, participant: Participant, vacancy: Vacancy) -> None:
    """Keep a vacancy aside for a participant; doing it twice changes nothing."""
    if vacancy.status != VacancyStatus.PUBLISHED:
        raise DomainError(gettext("Deze vacature is niet gepubliceerd."))
    if vacancy.id in shortlisted_ids(participant):
        return
    with transaction(ignore_conflict=True):  # a conflict: added at the same moment elsewhere
        db.session.add(
            ShortlistEntry(coach_id=coach.id, participant_id=participant.id, vacancy_id=vacancy.id)
        )


def remove_from_shortlist(participant: Participant, vacancy_id: int) -> None:
    entry = db.session.scalar(
        select(ShortlistEntry).where(
            ShortlistEntry.participant_id == participant.id,
            ShortlistEntry.vacancy_id == vacancy_id,
        )
    )
    if entry is not None:
        db.session.delete(entry)
        db.session.commit()


# --------------------------------------------------------------------------- proposing


def open_proposal_counts(vacancy_ids: Iterable[int]) -> dict[int, int]:
    """Open proposals (proposed, accepted, kennismaking) per vacancy."""
    ids = list(vacancy_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Placement.vacancy_id, func.count())
        .where(Placement.vacancy_id.in_(ids), Placement.state.in_(OPEN_STATES))
        .group_by(Placement.vacancy_id)
    ).all()
    return {int(vacancy_id): int(n) for vacancy_id, n in rows}


def open_pairs(participant_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(participant, vacancy) pairs with an open proposal."""
    ids = list(participant_ids)
    if not ids:
        return set()
    rows = db.session.execute(
        select(Placement.participant_id, Placement.vacancy_id).where(
            Placement.participant_id.in_(ids), Placement.state.in_(OPEN_STATES)
        )
    ).all()
    return {(int(p), int(v)) for p, v in rows}


def proposals_of(participant: Participant) -> list[Placement]:
    return list(
        db.session.scalars(
            select(Placement)
            .where(Placement.participant_id == participant.id)
            .options(selectinload(Placement.vacancy).selectinload(Vacancy.organisation))
            .order_by(Placement.created_at.desc())
        )
    )


def _locked_vacancy(vacancy_id: int) -> Vacancy:
    # FOR UPDATE on PostgreSQL: two coaches proposing at once queue here, so the cap
    # check below sees the other's proposal. SQLite serialises writers by itself.
    vacancy = db.session.execute(
        select(Vacancy).where(Vacancy.id == vacancy_id).with_for_update()
    ).scalar_one()
    return vacancy


def _check_may_propose(actor: User, participant: Participant, vacancy: Vacancy) -> None:
    if actor.role != Role.COACH or participant.coach_id != actor.id:
        raise DomainError(gettext("Alleen de eigen coach kan deze deelnemer voorstellen."))
    if not participant.consent_given(ConsentPurpose.SHARING):
        raise DomainError(
            gettext(
                "%(name)s heeft geen toestemming gegeven om gegevens te delen met een "
                "organisatie. Leg die toestemming eerst vast.",
                name=participant.display_name,
            )
        )
    if vacancy.status != VacancyStatus.PUBLISHED:
        raise DomainError(gettext("Deze vacature is niet gepubliceerd."))
    duplicate = db.session.scalar(
        select(func.count()).where(
            Placement.participant_id == participant.id,
            Placement.vacancy_id == vacancy.id,
            Placement.state.in_(OPEN_STATES),
        )
    )
    if duplicate:
        raise DomainError(gettext("Er loopt al een voorstel voor deze deelnemer bij deze plek."))
    open_count = open_proposal_counts([vacancy.id]).get(vacancy.id, 0)
    if open_count >= vacancy.proposal_cap:
        raise DomainError(
            gettext(
                "Deze plek heeft al %(n)s open voorstellen; de organisatie wil er niet meer "
                "dan %(cap)s tegelijk.",
                n=open_count,
                cap=vacancy.proposal_cap,
            )
        )


def _propose(
    actor: User,
    participant: Participant,
    vacancy_id: int,
    message: str,
    override_reason: str | None,
) -> Placement:
    """Check and add one proposal in the caller's transaction (no commit)."""
    vacancy = _locked_vacancy(vacancy_id)
    _check_may_propose(actor, participant, vacancy)
    message = (message or "").strip()[:MESSAGE_MAX]
    reason = (override_reason or "").strip()[:MESSAGE_MAX] or None
    failures = pair_failures(participant, vacancy)
    if failures and not reason:
        raise DomainError(
            gettext(
                "Deze plek past volgens de regels niet (%(reasons)s). Schrijf op waarom u "
                "deze plek toch voorstelt.",
                reasons="; ".join(f.explanation for f in failures),
            ),
            field="override_reason",
        )
    note = message
    if failures:
        codes = ", ".join(f.code for f in failures)
        note = f"Voorgesteld ondanks uitsluiting ({codes}). Reden: {reason}\n{message}".strip()
        log.warning(
            "excluded vacancy proposed: coach=%s participant=%s vacancy=%s codes=%s",
            actor.id, participant.ref, vacancy.ref, codes,
        )
    placement = Placement(
        participant=participant,
        vacancy=vacancy,
        state=PlacementState.PROPOSED,
        proposed_by=actor,
        message=message,
        override_reason=reason if failures else None,
    )
    placement.events.append(
        PlacementEvent(from_state=None, to_state=PlacementState.PROPOSED, actor_id=actor.id,
                       actor_role=PlacementRole.COACH.value, note=note)
    )
    db.session.add(placement)
    db.session.flush()  # the next cap check in this transaction counts this one
    # Imported here: services.placements.placements imports this module for shared_view.
    from marketplace.services.placements.placements import announce_proposal

    announce_proposal(placement)
    return placement


def propose(
    actor: User,
    participant: Participant,
    vacancy: Vacancy,
    message: str,
    override_reason: str | None = None,
) -> Placement:
    """Propose a participant for a vacancy: consent, cap and exclusion checked in one
    transaction. Raises DomainError (nothing saved) when a rule refuses."""
    with transaction():
        placement = _propose(actor, participant, vacancy.id, message, override_reason)
    return placement


@dataclass(frozen=True)
class BatchProblem:
    participant: Participant
    message: str


@dataclass(frozen=True)
class BatchOutcome:
    placements: list[Placement]
    problems: list[BatchProblem]

    @property
    def sent(self) -> bool:
        return not self.problems


def propose_many(
    actor: User, choices: Sequence[tuple[Participant, int]], message: str
) -> BatchOutcome:
    """All proposals or none: the placements, or every problem and nothing saved."""
    placements: list[Placement] = []
    problems: list[BatchProblem] = []
    for participant, vacancy_id in choices:
        try:
            with db.session.begin_nested():
                placements.append(_propose(actor, participant, vacancy_id, message, None))
        except DomainError as error:
            problems.append(BatchProblem(participant, error.message))
    if problems:
        db.session.rollback()
        return BatchOutcome([], problems)
    db.session.commit()
    return BatchOutcome(placements, [])


# --------------------------------------------------------------------------- what organisations see


@dataclass(frozen=True)
class SharedProposal:
    """Everything an organisation sees of a proposal, and nothing more.

    First name, Dutch level per skill, when the person can work, the coach's message
    and how to reach the coach. Never: last name, pseudonymous id, contact details,
    address or postcode, health, household, children, goals or measurements.
    """

    placement_id: int | None
    vacancy_id: int
    vacancy_title: str
    state: PlacementState
    proposed_at: datetime | None
    first_name: str
    language_levels: dict[str, str]
    available: list[str]
    message: str
    coach_name: str
    coach_email: str


def sharing_stopped(person: Participant) -> bool:
    """Consent to share withdrawn, or the data erased: nothing more goes out."""
    return person.erased_at is not None or person.consent_withdrawn(ConsentPurpose.SHARING)


def shared_first_name(person: Participant) -> str:
    return gettext("gegevens niet meer gedeeld") if sharing_stopped(person) else person.first_name


def shared_view(placement: Placement) -> SharedProposal:
    """The one rule for what leaves the coach's side with a proposal."""
    if sharing_stopped(placement.participant):
        vacancy, coach = placement.vacancy, placement.proposed_by
        return SharedProposal(
            placement_id=placement.id, vacancy_id=vacancy.id, vacancy_title=vacancy.title,
            state=placement.state, proposed_at=placement.created_at,
            first_name=shared_first_name(placement.participant), language_levels={},
            available=[], message="", coach_name=coach.name if coach else "",
            coach_email=coach.email if coach else "",
        )
    return share(
        placement.participant,
        placement.vacancy,
        placement.proposed_by,
        placement.message,
        placement_id=placement.id,
        state=placement.state,
        proposed_at=placement.created_at,
    )


def share(
    person: Participant,
    vacancy: Vacancy,
    coach: User | None,
    message: str,
    *,
    placement_id: int | None = None,
    state: PlacementState = PlacementState.PROPOSED,
    proposed_at: datetime | None = None,
) -> SharedProposal:
    """What the organisation will see (also the coach's preview before proposing)."""
    # Dayparts only, without saying why others are missing (lessons, children).
    blocked = set(person.lessons) | set(person.childcare_needed)
    return SharedProposal(
        placement_id=placement_id,
        vacancy_id=vacancy.id,
        vacancy_title=vacancy.title,
        state=state,
        proposed_at=proposed_at,
        first_name=person.first_name,
        language_levels=person.language_levels(),
        available=[d for d in person.availability if d not in blocked],
        message=message,
        coach_name=coach.name if coach else "",
        coach_email=coach.email if coach else "",
    )


def proposals_for_organisation(user: User) -> list[SharedProposal]:
    """Proposals for the vacancies of the user's organisation, newest first."""
    if user.organisation_id is None:
        return []
    placements = db.session.scalars(
        select(Placement)
        .join(Vacancy, Placement.vacancy_id == Vacancy.id)
        .where(Vacancy.organisation_id == user.organisation_id)
        .options(
            selectinload(Placement.participant),
            selectinload(Placement.vacancy),
            selectinload(Placement.proposed_by),
        )
        .order_by(Placement.created_at.desc(), Placement.id.desc())
    )
    return [shared_view(placement) for placement in placements]


@dataclass(frozen=True)
class ProposalPreview:
    failures: tuple[ConstraintFailure, ...]
    open_count: int
    shared: SharedProposal


def preview(
    coach: User, participant: Participant, vacancy: Vacancy, message: str
) -> ProposalPreview:
    """What the propose page shows: does it fit, how full is it, what is shared."""
    return ProposalPreview(
        failures=pair_failures(participant, vacancy),
        open_count=open_proposal_counts([vacancy.id]).get(vacancy.id, 0),
        shared=share(participant, vacancy, coach, message),
    )
