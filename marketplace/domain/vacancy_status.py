"""Who may move a vacancy (and an organisation) from which status to which.

One pure table, no I/O: views ask it which buttons to show, services ask it before
they change a row, tests read it. The statuses are the spec's
(draft/review/published/closed); a *paused* vacancy is a draft that was approved
before (``approved_at`` set), so every "published only" query keeps hiding it and the
organisation can publish it again without a new screening.

Screening: a vacancy goes to ``review`` the first time an organisation member offers
it; the volunteer centre approves it (``published``) or sends it back to ``draft``
with a reason. The centre itself, as the screener, may publish a vacancy of an
approved organisation at once.

Screening holds for what was screened: when a member changes the content of a screened
vacancy (or of an approved organisation), the approval is gone and a published
vacancy goes back to ``review`` (`vacancy_after_edit`, `organisation_after_edit`). A
few fields are harmless to change without a new look (how many places, when, a phone
number). The centre and the admin are the screeners: their edits keep the approval.
A vacancy is only live while its organisation is approved: when the organisation goes
back to review (or is sent back), its published vacancies wait in review with it
(keeping ``approved_at``), and approving the organisation again puts back online the
ones whose approval still stands (`back_online_with_organisation`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from marketplace.domain.vocabulary import N_, ApprovalState, Role, VacancyStatus


class TransitionRefused(ValueError):
    """The rule table does not allow this change; the message is Dutch, for the user.
    `field` names the input at fault (the reason), when it is about input."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class VacancyAction(StrEnum):
    SUBMIT = "submit"  # member offers a draft for screening
    PUBLISH = "publish"  # straight to published: the centre, or a member resuming
    APPROVE = "approve"  # the centre approves a vacancy in review
    SEND_BACK = "send_back"  # the centre sends it back to draft, with a reason
    WITHDRAW = "withdraw"  # member takes a vacancy out of review
    PAUSE = "pause"  # published -> draft, stays approved
    CLOSE = "close"  # final


VACANCY_ACTION_LABELS = {
    VacancyAction.SUBMIT: N_("Ter controle aanbieden"),
    VacancyAction.PUBLISH: N_("Publiceren"),
    VacancyAction.APPROVE: N_("Goedkeuren en publiceren"),
    VacancyAction.SEND_BACK: N_("Terugsturen"),
    VacancyAction.WITHDRAW: N_("Terugtrekken uit controle"),
    VacancyAction.PAUSE: N_("Pauzeren"),
    VacancyAction.CLOSE: N_("Sluiten"),
}

D, R, P, C = (VacancyStatus.DRAFT, VacancyStatus.REVIEW, VacancyStatus.PUBLISHED,
              VacancyStatus.CLOSED)
MEMBER, CENTRE, ADMIN = Role.ORGANISATION, Role.CENTRALE, Role.ADMIN
REASON_MISSING = "Schrijf de reden op, zodat de organisatie weet wat er moet gebeuren."
ROLE_REFUSED = "U mag deze wijziging niet doen."


@dataclass(frozen=True)
class Transition:
    sources: frozenset[VacancyStatus]
    target: VacancyStatus
    roles: frozenset[Role]
    needs_reason: bool = False


VACANCY_TRANSITIONS: dict[VacancyAction, Transition] = {
    VacancyAction.SUBMIT: Transition(frozenset({D}), R, frozenset({MEMBER})),
    VacancyAction.PUBLISH: Transition(frozenset({D}), P, frozenset({MEMBER, CENTRE, ADMIN})),
    VacancyAction.APPROVE: Transition(frozenset({R}), P, frozenset({CENTRE, ADMIN})),
    VacancyAction.SEND_BACK: Transition(
        frozenset({R, P}), D, frozenset({CENTRE, ADMIN}), needs_reason=True
    ),
    VacancyAction.WITHDRAW: Transition(frozenset({R}), D, frozenset({MEMBER})),
    VacancyAction.PAUSE: Transition(frozenset({P}), D, frozenset({MEMBER, CENTRE, ADMIN})),
    VacancyAction.CLOSE: Transition(frozenset({D, R, P}), C, frozenset({MEMBER, CENTRE, ADMIN})),
}

# Screeners may set any status in a bulk import; members never import.
IMPORT_STATUSES = {
    CENTRE: frozenset({D, R, P, C}),
    ADMIN: frozenset({D, R, P, C}),
}


@dataclass(frozen=True)
class VacancyFacts:
    """What the rules need to know about one vacancy."""

    status: VacancyStatus
    organisation_approved: bool
    approved_before: bool  # approved once and not sent back since (a paused vacancy)


def is_paused(status: VacancyStatus, approved_before: bool) -> bool:
    return status == D and approved_before


def _guard(action: VacancyAction, role: Role, facts: VacancyFacts) -> str | None:
    """Why this allowed-by-table action is refused now, or None."""
    resumable = facts.approved_before and facts.organisation_approved
    if action == VacancyAction.PUBLISH and role == MEMBER and not resumable:
        return "Een nieuwe vacature wordt eerst gecontroleerd. Kies 'Ter controle aanbieden'."
    if action == VacancyAction.SUBMIT and resumable:
        return "Deze vacature is al goedgekeurd. U kunt hem meteen publiceren."
    going_live = action in (VacancyAction.PUBLISH, VacancyAction.APPROVE)
    if going_live and not facts.organisation_approved:
        return "Keur eerst de organisatie goed; daarna kan de vacature online."
    return None


def role_may_take(action: VacancyAction, role: Role) -> bool:
    """Whether this role may ever take `action` (whatever the vacancy's status now)."""
    return role in VACANCY_TRANSITIONS[action].roles


def vacancy_transition(
    action: VacancyAction, role: Role, facts: VacancyFacts, reason: str = ""
) -> VacancyStatus:
    """The new status after `action`, or TransitionRefused with a Dutch message."""
    rule = VACANCY_TRANSITIONS[action]
    if not role_may_take(action, role):
        raise TransitionRefused(ROLE_REFUSED)
    if facts.status not in rule.sources:
        raise TransitionRefused("Dit kan niet bij een vacature met deze status.")
    refusal = _guard(action, role, facts)
    if refusal:
        raise TransitionRefused(refusal)
    if rule.needs_reason and not reason.strip():
        raise TransitionRefused(REASON_MISSING, field="reason")
    return rule.target


def allowed_vacancy_actions(role: Role, facts: VacancyFacts) -> list[VacancyAction]:
    """The actions this role can take now, in the order of VacancyAction."""
    allowed = []
    for action, rule in VACANCY_TRANSITIONS.items():
        if role in rule.roles and facts.status in rule.sources and not _guard(action, role, facts):
            allowed.append(action)
    return allowed


# ------------------------------------------------------------ edits after screening

SCREENERS = frozenset({CENTRE, ADMIN})

# Fields a member may change on a screened vacancy without a new screening: how many
# places and proposals, when the work is, and the phone number. Everything else is
# what the centre checked (what the work is, who it is for, where, who to write to),
# and a field added later needs screening until it is listed here.
VACANCY_FIELDS_WITHOUT_SCREENING = frozenset(
    {"capacity", "filled", "proposal_cap", "schedule", "dayparts_needed", "contact_phone"}
)
ORGANISATION_FIELDS_WITHOUT_SCREENING = frozenset({"phone"})


def needs_new_screening(role: Role, changed: Collection[str], harmless: frozenset[str]) -> bool:
    """Whether this edit undoes a screening: a member changed more than `harmless`."""
    return role not in SCREENERS and any(name not in harmless for name in changed)


@dataclass(frozen=True)
class EditScreening:
    """What an edit does to a vacancy's screening."""

    status: VacancyStatus
    approval_lost: bool  # approved_at is cleared: the centre has to look again


def vacancy_after_edit(role: Role, facts: VacancyFacts, changed: Collection[str]) -> EditScreening:
    """The status after `role` changed the fields `changed` (names of Vacancy columns).

    A published vacancy goes back to review; a paused one stays a draft but can only
    come back through 'Ter controle aanbieden'.
    """
    if not facts.approved_before or not needs_new_screening(
        role, changed, VACANCY_FIELDS_WITHOUT_SCREENING
    ):
        return EditScreening(facts.status, approval_lost=False)
    return EditScreening(R if facts.status == P else facts.status, approval_lost=True)


def organisation_after_edit(
    role: Role, approval: ApprovalState, changed: Collection[str]
) -> ApprovalState:
    """The approval after `role` changed the organisation's fields `changed`."""
    screened = approval == ApprovalState.APPROVED
    if screened and needs_new_screening(role, changed, ORGANISATION_FIELDS_WITHOUT_SCREENING):
        return ApprovalState.REVIEW
    return approval


def back_online_with_organisation(status: VacancyStatus, approved_before: bool) -> bool:
    """Whether approving the organisation puts this vacancy online again: it waits in
    review with an approval of its own that no edit has undone since."""
    return status == R and approved_before


def import_status_allowed(
    role: Role, status: VacancyStatus, organisation_approved: bool
) -> str | None:
    """Why a bulk import may not give a vacancy this status, or None when it may."""
    if status not in IMPORT_STATUSES.get(role, frozenset()):
        return "U mag deze status niet invullen."
    if status == P and not organisation_approved:
        return "De organisatie is nog niet goedgekeurd; kies draft of review."
    return None


# --------------------------------------------------------------------- organisations


class OrganisationAction(StrEnum):
    APPROVE = "approve"
    SEND_BACK = "send_back"
    RESUBMIT = "resubmit"


ORGANISATION_ACTION_LABELS = {
    OrganisationAction.APPROVE: N_("Goedkeuren"),
    OrganisationAction.SEND_BACK: N_("Terugsturen"),
    OrganisationAction.RESUBMIT: N_("Opnieuw ter controle aanbieden"),
}

_REVIEW, _APPROVED = ApprovalState.REVIEW, ApprovalState.APPROVED
_SENT_BACK = ApprovalState.SENT_BACK

ORGANISATION_TRANSITIONS: dict[
    OrganisationAction, tuple[frozenset[ApprovalState], ApprovalState, frozenset[Role], bool]
] = {
    # action: (from, to, roles, needs a reason)
    OrganisationAction.APPROVE: (
        frozenset({_REVIEW}), _APPROVED, frozenset({CENTRE, ADMIN}), False
    ),
    OrganisationAction.SEND_BACK: (
        frozenset({_REVIEW, _APPROVED}), _SENT_BACK, frozenset({CENTRE, ADMIN}), True
    ),
    OrganisationAction.RESUBMIT: (frozenset({_SENT_BACK}), _REVIEW, frozenset({MEMBER}), False),
}


def organisation_transition(
    action: OrganisationAction, role: Role, approval: ApprovalState, reason: str = ""
) -> ApprovalState:
    sources, target, roles, needs_reason = ORGANISATION_TRANSITIONS[action]
    if role not in roles:
        raise TransitionRefused(ROLE_REFUSED)
    if approval not in sources:
        raise TransitionRefused("Dit kan niet bij een organisatie met deze status.")
    if needs_reason and not reason.strip():
        raise TransitionRefused(REASON_MISSING, field="reason")
    return target


def allowed_organisation_actions(role: Role, approval: ApprovalState) -> list[OrganisationAction]:
    return [
        action
        for action, (sources, _target, roles, _reason) in ORGANISATION_TRANSITIONS.items()
        if role in roles and approval in sources
    ]
