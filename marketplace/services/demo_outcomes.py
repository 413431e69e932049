"""Simulated outcomes of past proposals for the demo region, so that `flask matching
learn` has something to learn from and the matches page can show learned weights.

Nothing here happened: for each searching participant a few of her feasible vacancies
are "proposed" in the past, and the organisation accepts with a probability that rises
with the hand-weighted score, plus noise. Accepted proposals end as placed and
completed, or (some) as not continued after the proefperiode. Every simulated
placement is final (declined, not continued or ended), so it holds no place and blocks
no new proposal; its message says it is simulated. Seeded, so every demo is the same.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import matching
from marketplace.domain.placements import (
    DeclineReason,
    EndOutcome,
    NotContinuedReason,
    PlacementState,
)
from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus
from marketplace.extensions import db
from marketplace.models import Participant, Placement, PlacementEvent, Vacancy
from marketplace.services.profiles.engine import to_engine_participant, to_engine_vacancy

SIMULATED_MESSAGE = "Nagebootst voorstel voor de demo (geen echte uitkomst)."
PROPOSALS_PER_PERSON = 6
# Acceptance: a logistic curve around the median score, this steep, with this much noise.
STEEPNESS = 0.06
NOISE = 0.05
PLACED_SHARE = 0.75  # of the accepted proposals; the rest is not continued
FIRST_DAY = date(2026, 1, 12)
SEED = 16

S = PlacementState
_PATHS = {
    S.DECLINED: (S.PROPOSED, S.DECLINED),
    S.NOT_CONTINUED: (S.PROPOSED, S.ACCEPTED, S.KENNISMAKING, S.PROEFPERIODE, S.NOT_CONTINUED),
    S.ENDED: (S.PROPOSED, S.ACCEPTED, S.KENNISMAKING, S.PROEFPERIODE, S.PLACED, S.ENDED),
}


@dataclass(frozen=True)
class _Pick:
    participant: Participant
    vacancy: Vacancy
    score: float


def _searching(participants: list[Participant]) -> list[Participant]:
    return [p for p in participants if p.status == ParticipantStatus.ACTIVE
            and p.consent_given(ConsentPurpose.MATCHING)]


def _picks(participants: list[Participant], vacancies: list[Vacancy],
           rng: random.Random) -> list[_Pick]:
    """A few feasible vacancies per person, chosen at random (not only the best)."""
    ranker = matching.Ranker().fit(to_engine_vacancy(v) for v in vacancies)
    by_ref = {engine.id: row for engine, row in zip(ranker.vacancies_, vacancies, strict=True)}
    picks = []
    for person in _searching(participants):
        ranked = list(ranker.rank(to_engine_participant(person)).ranked)
        for match in rng.sample(ranked, min(PROPOSALS_PER_PERSON, len(ranked))):
            picks.append(_Pick(person, by_ref[match.vacancy], match.score))
    return picks


def _final_state(score: float, centre: float, rng: random.Random) -> PlacementState:
    chance = 1.0 / (1.0 + math.exp(-(score - centre + rng.gauss(0.0, NOISE)) / STEEPNESS))
    if rng.random() >= chance:
        return S.DECLINED
    return S.ENDED if rng.random() < PLACED_SHARE else S.NOT_CONTINUED


def _placement(pick: _Pick, final: PlacementState, start: date) -> Placement:
    placement = Placement(
        participant=pick.participant, vacancy=pick.vacancy, state=final,
        proposed_by=pick.participant.coach, message=SIMULATED_MESSAGE,
        created_at=datetime.combine(start, time(10), tzinfo=UTC),
    )
    trial_start, trial_end = start + timedelta(days=14), start + timedelta(days=42)
    if final == S.DECLINED:
        placement.decline_reason = DeclineReason.NO_FIT
    else:
        placement.kennismaking_at = datetime.combine(start + timedelta(days=7), time(14))
        placement.kennismaking_place = pick.vacancy.organisation.name
        placement.proefperiode_start, placement.proefperiode_end = trial_start, trial_end
    if final == S.NOT_CONTINUED:
        placement.not_continued_reason = NotContinuedReason.NO_FIT
    if final == S.ENDED:
        placement.agreement = "Vrijwilligerscontract (nagebootst)"
        placement.outcome = EndOutcome.COMPLETED
        placement.ended_on = trial_end + timedelta(days=90)  # the ENDED event's day
    days = {S.PROPOSED: start, S.ACCEPTED: start + timedelta(days=2),
            S.DECLINED: start + timedelta(days=3), S.KENNISMAKING: start + timedelta(days=3),
            S.PROEFPERIODE: trial_start, S.PLACED: trial_end, S.NOT_CONTINUED: trial_end,
            S.ENDED: trial_end + timedelta(days=90)}
    path = _PATHS[final]
    for before, after in zip((None, *path[:-1]), path, strict=True):
        placement.events.append(PlacementEvent(
            from_state=before, to_state=after, actor_role="system",
            at=datetime.combine(days[after], time(11), tzinfo=UTC)))
    placement.updated_at = placement.events[-1].at
    return placement


def simulate_outcomes(participants: list[Participant], vacancies: list[Vacancy]) -> int:
    """Add the simulated placements to the session (the caller commits); their number."""
    rng = random.Random(SEED)
    picks = _picks(participants, vacancies, rng)
    if not picks:
        return 0
    centre = sorted(pick.score for pick in picks)[len(picks) // 2]
    for number, pick in enumerate(picks):
        start = FIRST_DAY + timedelta(days=(number * 3) % 200)
        db.session.add(_placement(pick, _final_state(pick.score, centre, rng), start))
    return len(picks)
