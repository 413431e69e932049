"""The matches page of one participant: the engine's ranking plus the coach's state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from marketplace.domain.vocabulary import ConsentPurpose
from marketplace.extensions import db
from marketplace.models import Participant, Vacancy
from marketplace.services.matching import ranking
from marketplace.services.matching.weights import WeightsInUse, weights_in_use
from marketplace.services.placements import proposals


@dataclass(frozen=True)
class MatchesPage:
    result: ranking.MatchResult | None  # None: no consent to search
    shortlisted: set[int]
    proposed: set[int]  # vacancies with an open proposal for this participant
    open_counts: dict[int, int]
    caps: dict[int, int]
    weights_in_use: WeightsInUse | None = None  # which weights rank, and since when

    component_labels = ranking.COMPONENT_LABELS

    def full(self, vacancy_id: int) -> bool:
        """The vacancy's open-proposal cap is reached."""
        return self.open_counts.get(vacancy_id, 0) >= self.caps.get(vacancy_id, 0)


def matches_page(
    participant: Participant,
    *,
    filters: ranking.MatchFilters,
    weights: Mapping[str, float] | None,
    limit: int,
    excluded_limit: int,
) -> MatchesPage:
    shortlisted = proposals.shortlisted_ids(participant)
    proposed = {v for _, v in proposals.open_pairs([participant.id])}
    if not participant.consent_given(ConsentPurpose.MATCHING):
        return MatchesPage(None, shortlisted, proposed, {}, {})
    result = ranking.rank_for(
        participant, filters=filters, weights=weights, limit=limit, excluded_limit=excluded_limit
    )
    shown = [row.vacancy_id for row in result.ranked] + [row.vacancy_id for row in result.excluded]
    rows = db.session.execute(select(Vacancy.id, Vacancy.proposal_cap).where(Vacancy.id.in_(shown)))
    caps = {int(vacancy_id): int(cap) for vacancy_id, cap in rows}
    return MatchesPage(result, shortlisted, proposed, proposals.open_proposal_counts(shown), caps,
                       weights_in_use())
