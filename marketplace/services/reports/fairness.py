"""The fairness report for the policy officer and the administrator: `matching.audit`
over the live data (the searching participants against the fitted index of published
vacancies), aggregates only. A comparison where either group has fewer people than the
monitoring's disclosure threshold is suppressed as a whole, since one group's size can
be read from the other's."""

from __future__ import annotations

import logging

import matching
from marketplace.domain.disclosure import THRESHOLD
from marketplace.domain.vocabulary import N_
from marketplace.models import User
from marketplace.services.matching.for_vacancy import searching_participants
from marketplace.services.matching.index import vacancy_index
from marketplace.services.platform import access
from marketplace.services.profiles.engine import CODE_TEXTS, to_engine_participant
from matching.audit import Audit, audit

log = logging.getLogger(__name__)

# The page's words for matching.audit's comparisons and groups (translated there).
COMPARISON_TITLES = {
    "childcare": N_("Vrouwen met kinderen thuis en alle anderen"),
    "language": N_("Nederlands spreken: A0–A1 en B1 of hoger"),
    "route": N_("Z-route en B1-route"),
}
# The exclusion reasons in the engine's own Dutch words.
REASON_LABELS = CODE_TEXTS
GROUP_LABELS = {
    "mothers": N_("Vrouwen met kinderen thuis"),
    "others": N_("Alle anderen"),
    "a0_a1": N_("Spreekt A0–A1"),
    "b1_up": N_("Spreekt B1 of hoger"),
    "z": N_("Z-route"),
    "b1": N_("B1-route"),
}


def _engine_participants(reader: User) -> list[matching.Participant]:
    people = []
    # A policy officer's figures cover her own municipalities only, like the dashboard.
    for row in searching_participants(access.participants_in_scope(reader)):
        try:
            people.append(to_engine_participant(row))
        except (KeyError, ValueError, TypeError):
            # Like the index: one broken profile must not take the report down.
            log.warning("participant %s cannot be matched; left out", row.ref, exc_info=True)
    return people


def fairness_audit(reader: User) -> Audit:
    """The three comparisons of `matching.audit` over today's data in the reader's scope."""
    return audit(vacancy_index().ranker, _engine_participants(reader), min_group=THRESHOLD)
