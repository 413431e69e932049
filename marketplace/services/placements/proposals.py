"""Shortlists and proposals: a coach proposes a participant to an organisation.

`propose` is the one way a placement comes into being (state PROPOSED, with its first
event); the placement state machine of a later issue takes over from there. What an
organisation may see of a proposed participant is decided in one place,
`services.placements.sharing`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flask_babel import gettext
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
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
from marketplace.services.placements.links import announce_proposal
from marketplace.services.placements.sharing import SharedProposal, share
from marketplace.services.platform import audit
from marketplace.services.platform.transaction import transaction
from marketplace.services.profiles.engine import pair_failures
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
        audit.record(coach, "shortlist", participant.ref, vacancy.ref)


def remove_from_shortlist(actor: User, participant: Participant, vacancy_id: int) -> None:
    entry = db.session.scalar(
        select(ShortlistEntry).where(
            ShortlistEntry.participant_id == participant.id,
            ShortlistEntry.vacancy_id == vacancy_id,
        )
    )
    if entry is not None:
        db.session.delete(entry)
        audit.record(actor, "shortlist_remove", participant.ref, str(vacancy_id))
        db.session.commit()


# --------------------------------------------------------------------------- proposing


def open_proposal_counts(vacancy_ids: Iterable[int]) -> dict[int, int]:
    """Open proposals (proposed, accepted, kennismaking) per vacancy.

    For many vacancies (the cohort asks for every open one, 75,000 at national size)
    one grouped scan of the open placements (the partial unique index holds exactly
    those) is cheaper than a list of ids, which PostgreSQL refuses past 65,535
    parameters anyway; for a page's few vacancies the list is cheaper."""
    ids = set(vacancy_ids)
    if not ids:
        return {}
    statement = (
        select(Placement.vacancy_id, func.count())
        .where(Placement.state.in_(OPEN_STATES))
        .group_by(Placement.vacancy_id)
    )
    if len(ids) <= _IDS_IN_ONE_QUERY:
        statement = statement.where(Placement.vacancy_id.in_(ids))
    rows = db.session.execute(statement).all()
    return {int(vacancy_id): int(n) for vacancy_id, n in rows if vacancy_id in ids}


# Up to this many ids the query names them; more, and it counts every open proposal.
_IDS_IN_ONE_QUERY = 1_000


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
    """The vacancy, locked for writing, so that two proposals for it at once queue here
    and the cap and duplicate checks after this see each other's proposal."""
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite has no row locks and takes its write lock only at the first write, after
        # the counts: a no-op UPDATE first takes that lock (waiting its turn), like the
        # conditional UPDATE of the capacity race in services/placements/placements.py.
        table = Vacancy.__table__
        # Setting updated_at to itself keeps its onupdate from touching the row's date.
        db.session.execute(
            update(table).where(table.c.id == vacancy_id)
            .values(id=table.c.id, updated_at=table.c.updated_at)
        )
    # FOR UPDATE on PostgreSQL: a row lock on the vacancy until the commit.
    return db.session.execute(
        select(Vacancy).where(Vacancy.id == vacancy_id).with_for_update()
    ).scalar_one()


def _duplicate_message() -> str:
    return gettext("Er loopt al een voorstel voor deze deelnemer bij deze plek.")


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
        raise DomainError(_duplicate_message())
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
    audit.record(actor, "propose", participant.ref, vacancy.ref)
    try:
        db.session.flush()  # the next cap check in this transaction counts this one
    except IntegrityError as error:  # the database's last guard: one open proposal a pair
        raise DomainError(_duplicate_message()) from error
    announce_proposal(placement, actor)
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
