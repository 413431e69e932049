"""The audit log's words: the kinds of lines an administrator can filter on, in Dutch."""

from __future__ import annotations

from enum import StrEnum

from marketplace.domain.vocabulary import N_


class AuditKind(StrEnum):
    VIEW = "view"  # someone saw a participant's data (also the AVG export)
    CHANGE = "change"  # someone changed it
    ERASE = "erase"  # the personal data were erased
    TRANSITION = "transition"  # a placement moved from one state to another


AUDIT_KIND_LABELS = {
    AuditKind.VIEW: N_("Bekeken"),
    AuditKind.CHANGE: N_("Gewijzigd"),
    AuditKind.ERASE: N_("Persoonsgegevens verwijderd"),
    AuditKind.TRANSITION: N_("Stap in een plaatsing"),
}

# The `action` codes of audit entries that are a look, not a change.
VIEW_ACTIONS = frozenset({"view", "export"})
ERASE_ACTIONS = frozenset({"erase"})

AUDIT_ACTION_LABELS = {
    "view": N_("Bekeken"),
    "export": N_("Alle gegevens opgevraagd (AVG)"),
    "erase": N_("Persoonsgegevens verwijderd"),
    "consent_withdrawn": N_("Toestemming ingetrokken"),
    "create": N_("Ingeschreven"),
    "update": N_("Profiel gewijzigd"),
    "measurement": N_("Meting vastgelegd"),
    "shortlist": N_("Plek bewaard"),
    "shortlist_remove": N_("Bewaarde plek weggehaald"),
    "propose": N_("Voorgesteld voor een plek"),
    "account_invite": N_("Gebruiker uitgenodigd"),
    "account_block": N_("Gebruiker geblokkeerd"),
    "account_unblock": N_("Gebruiker weer toegelaten"),
    "account_role": N_("Rol gewijzigd"),
    "password_reset_asked": N_("Nieuw wachtwoord gevraagd"),
    "password_set": N_("Wachtwoord ingesteld via link"),
    "municipality_add": N_("Gemeente toegevoegd"),
    "municipality_rename": N_("Gemeente hernoemd"),
    "account_municipalities": N_("Gemeenten van een gebruiker gewijzigd"),
    "centre_reach": N_("Gemeenten van een vrijwilligerscentrale gewijzigd"),
    "handover": N_("Overgedragen aan een andere gemeente"),
}


def kind_of(action: str) -> AuditKind:
    """The kind of an audit entry's action; any action not a look or an erasure is a change."""
    if action in VIEW_ACTIONS:
        return AuditKind.VIEW
    if action in ERASE_ACTIONS:
        return AuditKind.ERASE
    return AuditKind.CHANGE
