"""The component weights the ranking uses, and learning them from the region's outcomes.

`flask matching learn` grades every proposal whose outcome says something about the
fit (see `OUTCOME_GRADES`), reads each pair's component values from the engine, and
fits `matching.learn.WeightLearner` (the hand weights are its prior). It stores a new
version only when the outcomes give at least `MIN_COMPARISONS` comparisons: two
outcomes of the same participant with a different result. The newest stored version
is in use everywhere the index ranks (`active_weights`); without one, or when it was
learned for other components than the engine has now, the hand weights are.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

import matching
from marketplace.domain.placements import DeclineReason, NotContinuedReason, PlacementState
from marketplace.extensions import db
from marketplace.models import MatchingWeights, Participant, Placement
from marketplace.services.platform.transaction import transaction
from marketplace.services.profiles.engine import to_engine_participant, to_engine_vacancy
from matching.learn import Outcome, WeightLearner, reopened, training_set

log = logging.getLogger(__name__)

#: Fewer comparisons than this and nothing is learned: the hand weights stay.
MIN_COMPARISONS = 100

#: What a placement's state says about the fit: 0 declined ... 3 placed. Open
#: proposals and withdrawn ones say nothing yet (a coach withdraws for many reasons).
OUTCOME_GRADES: dict[PlacementState, float] = {
    PlacementState.DECLINED: 0.0,
    PlacementState.NOT_CONTINUED: 1.0,
    PlacementState.ACCEPTED: 2.0,
    PlacementState.KENNISMAKING: 2.0,
    PlacementState.PROEFPERIODE: 2.0,
    PlacementState.PLACED: 3.0,
    PlacementState.ENDED: 3.0,  # only a placed placement can end
}
# Reasons that are about the moment or the person's life, not about the match.
_NOT_ABOUT_FIT = (DeclineReason.NO_PLACE, NotContinuedReason.PERSONAL)


@dataclass(frozen=True)
class WeightsInUse:
    """What the matches page tells coaches: which weights rank, learned since when."""

    weights: dict[str, float]
    version: int | None = None  # None: the hand weights
    since: datetime | None = None
    outcomes: int = 0
    comparisons: int = 0

    @property
    def learned(self) -> bool:
        return self.version is not None


@dataclass(frozen=True)
class LearnResult:
    outcomes: int  # graded outcomes whose profiles the engine can read
    usable: int  # of those, pairs that pass the hard constraints today
    comparisons: int
    threshold: int
    stored: MatchingWeights | None  # None: too few comparisons, nothing changed


def _newest() -> MatchingWeights | None:
    return db.session.scalars(
        select(MatchingWeights).order_by(MatchingWeights.version.desc()).limit(1)
    ).first()


def _usable(row: MatchingWeights | None) -> bool:
    """A version learned for other components than today's engine is not used."""
    return row is not None and set(row.weights) == set(matching.COMPONENTS)


def active_weights() -> dict[str, float] | None:
    """The newest learned weights, or None for the hand weights. One small query."""
    row = _newest()
    return dict(row.weights) if row is not None and _usable(row) else None


def weights_in_use() -> WeightsInUse:
    row = _newest()
    if row is None or not _usable(row):
        hand = matching.resolve_weights(None)
        return WeightsInUse(dict(zip(matching.COMPONENTS, hand, strict=True)))
    weights = {name: float(row.weights[name]) for name in matching.COMPONENTS}
    return WeightsInUse(weights, row.version, row.learned_at, row.outcomes, row.comparisons)


def outcome_grade(placement: Placement) -> float | None:
    """How well the pair turned out (0-3), or None when the outcome says nothing."""
    if placement.decline_reason in _NOT_ABOUT_FIT or \
            placement.not_continued_reason in _NOT_ABOUT_FIT:
        return None
    return OUTCOME_GRADES.get(placement.state)


def _graded_placements() -> list[tuple[Placement, float]]:
    rows = db.session.scalars(
        select(Placement)
        .join(Participant, Placement.participant_id == Participant.id)
        .where(Placement.state.in_(OUTCOME_GRADES), Participant.erased_at.is_(None))
        .options(selectinload(Placement.participant), selectinload(Placement.vacancy))
        .order_by(Placement.id)
    ).all()
    return [(row, grade) for row in rows if (grade := outcome_grade(row)) is not None]


def _outcomes(
    graded: Iterable[tuple[Placement, float]],
) -> tuple[list[matching.Participant], list[matching.Vacancy], list[Outcome]]:
    people: dict[int, matching.Participant] = {}
    places: dict[int, matching.Vacancy] = {}
    outcomes = []
    for placement, grade in graded:
        try:
            if placement.participant_id not in people:
                people[placement.participant_id] = to_engine_participant(placement.participant)
            if placement.vacancy_id not in places:
                # As it was when proposed: open, with room (a placement fills its place).
                places[placement.vacancy_id] = reopened(to_engine_vacancy(placement.vacancy))
        except (KeyError, ValueError, TypeError):
            # Like the index: a profile the engine cannot read is left out, not fatal.
            log.warning("placement %s cannot be scored; left out", placement.id, exc_info=True)
            continue
        outcomes.append(Outcome(people[placement.participant_id].id,
                                places[placement.vacancy_id].id, grade))
    return list(people.values()), list(places.values()), outcomes


def learn(*, threshold: int = MIN_COMPARISONS) -> LearnResult:
    """Fit weights from the recorded outcomes; store a new version when there are enough."""
    graded = _graded_placements()
    people, places, outcomes = _outcomes(graded)
    if not outcomes:
        return LearnResult(0, 0, 0, threshold, None)
    data = training_set(matching.Ranker().fit(places), people, outcomes)
    comparisons = data.n_comparisons
    if comparisons < threshold:
        return LearnResult(len(outcomes), len(data), comparisons, threshold, None)
    learner = WeightLearner().fit(data)
    with transaction():
        row = MatchingWeights(weights=learner.weights_, outcomes=len(data),
                              comparisons=comparisons, learned_share=learner.learned_share_)
        db.session.add(row)
    return LearnResult(len(outcomes), len(data), comparisons, threshold, row)
