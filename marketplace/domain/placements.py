"""The states of a placement's life. Transition rules come with the placement workflow."""

from __future__ import annotations

from enum import StrEnum


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
    PlacementState.PROPOSED: "Voorgesteld",
    PlacementState.ACCEPTED: "Geaccepteerd",
    PlacementState.DECLINED: "Afgewezen",
    PlacementState.KENNISMAKING: "Kennismaking",
    PlacementState.PROEFPERIODE: "Proefperiode",
    PlacementState.PLACED: "Geplaatst",
    PlacementState.NOT_CONTINUED: "Niet doorgegaan",
    PlacementState.ENDED: "Beëindigd",
    PlacementState.WITHDRAWN: "Ingetrokken",
}

# A place is taken from the start of the proefperiode until the placement ends.
OCCUPYING_STATES = frozenset({PlacementState.PROEFPERIODE, PlacementState.PLACED})
OPEN_STATES = frozenset(
    {PlacementState.PROPOSED, PlacementState.ACCEPTED, PlacementState.KENNISMAKING}
)
