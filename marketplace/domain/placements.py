"""The states of a placement's life. Transition rules come with the placement workflow."""

from __future__ import annotations

from enum import StrEnum

from marketplace.domain.vocabulary import N_


class PlacementState(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    KENNISMAKING = "kennismaking"
    PROEFPERIODE = "proefperiode"
    PLACED = "placed"
    NOT_CONTINUED = "not_continued"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"


STATE_LABELS = {
    PlacementState.PROPOSED: N_("Voorgesteld"),
    PlacementState.ACCEPTED: N_("Geaccepteerd"),
    PlacementState.DECLINED: N_("Afgewezen"),
    PlacementState.KENNISMAKING: N_("Kennismaking"),
    PlacementState.PROEFPERIODE: N_("Proefperiode"),
    PlacementState.PLACED: N_("Geplaatst"),
    PlacementState.NOT_CONTINUED: N_("Niet doorgegaan"),
    PlacementState.ENDED: N_("Beëindigd"),
    PlacementState.WITHDRAWN: N_("Ingetrokken"),
}

# A place is taken from the start of the proefperiode until the placement ends.
OCCUPYING_STATES = frozenset({PlacementState.PROEFPERIODE, PlacementState.PLACED})
OPEN_STATES = frozenset(
    {PlacementState.PROPOSED, PlacementState.ACCEPTED, PlacementState.KENNISMAKING}
)
