"""A placement's life as one pure state machine: states, actions, who may do what.

proposed → accepted | declined (reason) → kennismaking (date, place, coach along?) →
proefperiode (start, planned end) → placed (agreement) | not continued (reason) →
ended (outcome, date). Withdrawn is possible at any point before placed.

No I/O: views ask `available_actions` which forms to show, the service asks
`next_state` before it changes a row (and `missing_fields` for the data an action
needs), reports use the state sets, tests read the table. A refusal is an
`IllegalTransition` with a Dutch message (marked for translation with `N_`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from marketplace.domain.vocabulary import N_, PlacementType


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
FINAL_STATES = frozenset(
    {
        PlacementState.DECLINED,
        PlacementState.NOT_CONTINUED,
        PlacementState.ENDED,
        PlacementState.WITHDRAWN,
    }
)


class PlacementRole(StrEnum):
    """Who acts on a placement, relative to that placement."""

    COACH = "coach"  # the participant's case owner
    ORGANISATION = "organisation"  # a member of the vacancy's organisation
    CENTRALE = "centrale"  # staff of the volunteer centre that manages the organisation
    LINK = "link"  # an employer without an account, through a signed e-mail link
    SYSTEM = "system"  # the application itself (commands, clean-up)


ROLE_LABELS = {
    PlacementRole.COACH: N_("Coach"),
    PlacementRole.ORGANISATION: N_("Organisatie"),
    PlacementRole.CENTRALE: N_("Vrijwilligerscentrale"),
    PlacementRole.LINK: N_("Werkgever via e-maillink"),
    PlacementRole.SYSTEM: N_("Koppelkans"),
}


class PlacementAction(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    PLAN_KENNISMAKING = "plan_kennismaking"
    START_PROEFPERIODE = "start_proefperiode"
    PLACE = "place"
    NOT_CONTINUE = "not_continue"
    END = "end"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    PlacementAction.ACCEPT: N_("Voorstel accepteren"),
    PlacementAction.DECLINE: N_("Afwijzen"),
    PlacementAction.PLAN_KENNISMAKING: N_("Kennismaking plannen"),
    PlacementAction.START_PROEFPERIODE: N_("Start proefperiode bevestigen"),
    PlacementAction.PLACE: N_("Plaatsing bevestigen"),
    PlacementAction.NOT_CONTINUE: N_("Niet doorgaan na proefperiode"),
    PlacementAction.END: N_("Plaatsing beëindigen"),
    PlacementAction.WITHDRAW: N_("Voorstel intrekken"),
}


class DeclineReason(StrEnum):
    NO_FIT = "no_fit"
    LANGUAGE = "language"
    SCHEDULE = "schedule"
    NO_PLACE = "no_place"
    OTHER = "other"


DECLINE_REASON_LABELS = {
    DeclineReason.NO_FIT: N_("Het werk past niet bij deze persoon"),
    DeclineReason.LANGUAGE: N_("Het Nederlands is nog niet genoeg voor dit werk"),
    DeclineReason.SCHEDULE: N_("De dagen en tijden passen niet"),
    DeclineReason.NO_PLACE: N_("Er is nu geen plek"),
    DeclineReason.OTHER: N_("Een andere reden"),
}


class NotContinuedReason(StrEnum):
    PARTICIPANT_STOPPED = "participant_stopped"
    ORGANISATION_STOPPED = "organisation_stopped"
    NO_FIT = "no_fit"
    PERSONAL = "personal"
    OTHER = "other"


NOT_CONTINUED_LABELS = {
    NotContinuedReason.PARTICIPANT_STOPPED: N_("De deelnemer wil niet verder"),
    NotContinuedReason.ORGANISATION_STOPPED: N_("De organisatie wil niet verder"),
    NotContinuedReason.NO_FIT: N_("Het werk past toch niet"),
    NotContinuedReason.PERSONAL: N_("Persoonlijke omstandigheden"),
    NotContinuedReason.OTHER: N_("Een andere reden"),
}


class EndOutcome(StrEnum):
    COMPLETED = "completed"
    PAID_WORK = "paid_work"
    EDUCATION = "education"
    OTHER_PLACEMENT = "other_placement"
    DROPPED_OUT = "dropped_out"
    MOVED = "moved"


OUTCOME_LABELS = {
    EndOutcome.COMPLETED: N_("Afgerond"),
    EndOutcome.PAID_WORK: N_("Naar betaald werk"),
    EndOutcome.EDUCATION: N_("Naar een opleiding"),
    EndOutcome.OTHER_PLACEMENT: N_("Naar een andere plek"),
    EndOutcome.DROPPED_OUT: N_("Uitgevallen"),
    EndOutcome.MOVED: N_("Verhuisd"),
}

P, A, D, K, T, PL, NC, E, W = (
    PlacementState.PROPOSED,
    PlacementState.ACCEPTED,
    PlacementState.DECLINED,
    PlacementState.KENNISMAKING,
    PlacementState.PROEFPERIODE,
    PlacementState.PLACED,
    PlacementState.NOT_CONTINUED,
    PlacementState.ENDED,
    PlacementState.WITHDRAWN,
)
COACH, ORG, CENTRE, LINK, SYSTEM = (
    PlacementRole.COACH,
    PlacementRole.ORGANISATION,
    PlacementRole.CENTRALE,
    PlacementRole.LINK,
    PlacementRole.SYSTEM,
)
ORG_SIDE = frozenset({ORG, CENTRE})
ORG_SIDE_AND_LINK = frozenset({ORG, CENTRE, LINK})


@dataclass(frozen=True)
class Transition:
    target: PlacementState
    roles: frozenset[PlacementRole]
    required: tuple[str, ...] = ()  # data fields the action cannot do without
    optional: tuple[str, ...] = ("note",)


def _t(target: PlacementState, roles: frozenset[PlacementRole], *required: str,
       optional: tuple[str, ...] = ("note",)) -> Transition:
    return Transition(target, roles, required, optional)


_ACCEPT = _t(A, ORG_SIDE_AND_LINK)
_DECLINE = _t(D, ORG_SIDE_AND_LINK, "reason")
# The employer without an account plans the kennismaking through the link too, so the
# chain runs without anyone forwarding a step by hand (issue 17).
_KENNISMAKING = _t(K, ORG_SIDE_AND_LINK | {COACH}, "kennismaking_at", "kennismaking_place",
                   optional=("note", "coach_attends"))
_START = _t(T, ORG_SIDE_AND_LINK, "proefperiode_start", "proefperiode_end")
_WITHDRAW = _t(W, frozenset({COACH, SYSTEM}), "note", optional=())

# (from state, action) -> transition. The whole life of a placement, in one table.
TRANSITIONS: dict[tuple[PlacementState, PlacementAction], Transition] = {
    (P, PlacementAction.ACCEPT): _ACCEPT,
    (P, PlacementAction.DECLINE): _DECLINE,
    (P, PlacementAction.WITHDRAW): _WITHDRAW,
    (A, PlacementAction.PLAN_KENNISMAKING): _KENNISMAKING,
    (A, PlacementAction.DECLINE): _DECLINE,
    (A, PlacementAction.WITHDRAW): _WITHDRAW,
    # Planning again moves the appointment; the state stays kennismaking.
    (K, PlacementAction.PLAN_KENNISMAKING): _KENNISMAKING,
    (K, PlacementAction.START_PROEFPERIODE): _START,
    (K, PlacementAction.DECLINE): _DECLINE,
    (K, PlacementAction.WITHDRAW): _WITHDRAW,
    (T, PlacementAction.PLACE): _t(PL, ORG_SIDE_AND_LINK, "agreement"),
    (T, PlacementAction.NOT_CONTINUE): _t(NC, ORG_SIDE_AND_LINK | {COACH}, "reason"),
    (T, PlacementAction.WITHDRAW): _WITHDRAW,
    (PL, PlacementAction.END): _t(E, frozenset({COACH, ORG, CENTRE}), "outcome", "ended_on"),
}

ILLEGAL_MESSAGE = N_("Dit kan niet: een plaatsing met de status ‘%(state)s’ kan niet naar "
                     "‘%(action)s’.")
ROLE_MESSAGE = N_("U mag deze stap niet zetten bij deze plaatsing.")
MISSING_MESSAGES = {
    "reason": N_("Kies een reden."),
    "kennismaking_at": N_("Vul de datum en het tijdstip van de kennismaking in."),
    "kennismaking_place": N_("Vul in waar de kennismaking is."),
    "proefperiode_start": N_("Vul de eerste dag van de proefperiode in."),
    "proefperiode_end": N_("Vul in wanneer de proefperiode ongeveer eindigt."),
    "agreement": N_("Schrijf op wat u heeft afgesproken, bijvoorbeeld een vrijwilligerscontract."),
    "outcome": N_("Kies hoe de plaatsing is afgelopen."),
    "ended_on": N_("Vul de datum in waarop de plaatsing is gestopt."),
    "note": N_("Schrijf kort op waarom."),
}
END_BEFORE_START = N_("Het einde van de proefperiode moet na de eerste dag liggen.")
ENDED_BEFORE_START = N_("De einddatum kan niet voor de start van de proefperiode liggen.")
KENNISMAKING_IN_PAST = N_("De kennismaking kan niet in het verleden liggen. Kies een moment "
                          "vanaf nu.")
PLACED_BEFORE_START = N_("‘Geplaatst’ kan pas als de proefperiode is begonnen (op %(start)s).")
OUTSIDE_DAYPARTS = N_("Let op: de deelnemer kan op %(daypart)s meestal niet. Overleg of dit "
                      "moment past.")


class IllegalTransition(ValueError):
    """The table does not allow this; `message` is Dutch (translate it with gettext)."""

    def __init__(self, message: str, field: str | None = None, **params: str) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params
        self.field = field


def transition_for(
    state: PlacementState, action: PlacementAction, role: PlacementRole
) -> Transition:
    rule = TRANSITIONS.get((state, action))
    if rule is None:
        raise IllegalTransition(ILLEGAL_MESSAGE, state=STATE_LABELS[state],
                                action=ACTION_LABELS[action])
    if role not in rule.roles:
        raise IllegalTransition(ROLE_MESSAGE)
    return rule


def next_state(
    state: PlacementState, action: PlacementAction, role: PlacementRole
) -> PlacementState:
    """The state after `action` by `role`, or IllegalTransition with a Dutch message."""
    return transition_for(state, action, role).target


def available_actions(state: PlacementState, role: PlacementRole | None) -> list[PlacementAction]:
    """The actions `role` may take now, in the table's order."""
    if role is None:
        return []
    return [action for (source, action), rule in TRANSITIONS.items()
            if source == state and role in rule.roles]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_data(
    state: PlacementState,
    action: PlacementAction,
    role: PlacementRole,
    data: Mapping[str, Any],
    proefperiode_start: date | None = None,
    *,
    now: datetime,
) -> PlacementState:
    """next_state, plus the action's required data and its dates.

    `now` is the local wall-clock moment (naive, like the kennismaking), passed in so
    the rules stay free of the clock and tests can pin it.
    """
    rule = transition_for(state, action, role)
    for name in rule.required:
        if _blank(data.get(name)):
            raise IllegalTransition(MISSING_MESSAGES[name], field=name)
    start, end = data.get("proefperiode_start"), data.get("proefperiode_end")
    # The required-data check above makes both dates present; the test tells mypy so.
    if action == PlacementAction.START_PROEFPERIODE and start and end and end <= start:
        raise IllegalTransition(END_BEFORE_START, field="proefperiode_end")
    ended = data.get("ended_on")
    if (action == PlacementAction.END and proefperiode_start and ended
            and ended < proefperiode_start):
        raise IllegalTransition(ENDED_BEFORE_START, field="ended_on")
    _check_moments(action, data, proefperiode_start, now)
    return rule.target


def _check_moments(action: PlacementAction, data: Mapping[str, Any],
                   proefperiode_start: date | None, now: datetime) -> None:
    """A kennismaking lies ahead; 'Geplaatst' follows a proefperiode that has begun."""
    moment = data.get("kennismaking_at")
    if action == PlacementAction.PLAN_KENNISMAKING and isinstance(moment, datetime) \
            and moment < now:
        raise IllegalTransition(KENNISMAKING_IN_PAST, field="kennismaking_at")
    if action == PlacementAction.PLACE and (proefperiode_start is None
                                            or proefperiode_start > now.date()):
        raise IllegalTransition(PLACED_BEFORE_START, field="agreement",
                                start=proefperiode_start.isoformat() if proefperiode_start
                                else "?")


# Steps that promise the participant a place: refused once every place is taken (the
# start of the proefperiode takes the place itself, guarded by the conditional UPDATE).
NEEDS_A_FREE_PLACE = frozenset({PlacementAction.ACCEPT, PlacementAction.PLAN_KENNISMAKING})
NO_FREE_PLACE = N_("Alle plekken bij deze vacature zijn bezet (%(filled)s van %(capacity)s). "
                   "Accepteren of een kennismaking plannen kan pas als er een plek vrijkomt.")


def full_vacancy_refusal(action: PlacementAction, filled: int, capacity: int
                         ) -> IllegalTransition | None:
    """The refusal when `action` would promise a place that is not there, else None."""
    if action in NEEDS_A_FREE_PLACE and filled >= capacity:
        return IllegalTransition(NO_FREE_PLACE, filled=str(filled), capacity=str(capacity))
    return None


def daypart_of(moment: datetime) -> str:
    """The day part a wall-clock moment falls in: 'sun_morning' (before 12:00),
    '_afternoon' (before 17:00) or '_evening'."""
    day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[moment.weekday()]
    part = "morning" if moment.hour < 12 else "afternoon" if moment.hour < 17 else "evening"
    return f"{day}_{part}"


def outside_free_dayparts(moment: datetime, free_dayparts: Iterable[str]) -> str | None:
    """The day part of `moment` when the participant is not free then (a warning, never a
    refusal: people move lessons for a kennismaking), else None."""
    daypart = daypart_of(moment)
    return None if daypart in set(free_dayparts) else daypart


def planned_end(start: date, weeks: int | None) -> date | None:
    """The proefperiode's planned end from the vacancy's length in weeks (pre-filled)."""
    return start + timedelta(weeks=weeks) if weeks else None


def frees_a_place(source: PlacementState, target: PlacementState) -> bool:
    return source in OCCUPYING_STATES and target not in OCCUPYING_STATES


def takes_a_place(source: PlacementState, target: PlacementState) -> bool:
    return source not in OCCUPYING_STATES and target in OCCUPYING_STATES


# --------------------------------------------------------------------------- check-ins


class CheckInKind(StrEnum):
    FIRST_DAY_COACH = "first_day_coach"
    FIRST_DAY_ORGANISATION = "first_day_org"  # enum columns hold 20 characters
    TUSSENMETING = "tussenmeting"
    EVALUATION_15_WEEKS = "evaluation_15_weeks"


CHECKIN_LABELS = {
    CheckInKind.FIRST_DAY_COACH: N_("Eerste dag: terugkoppeling van de deelnemer"),
    CheckInKind.FIRST_DAY_ORGANISATION: N_("Eerste dag: terugkoppeling van de organisatie"),
    CheckInKind.TUSSENMETING: N_("Tussenmeting (na ongeveer twee maanden)"),
    CheckInKind.EVALUATION_15_WEEKS: N_("Evaluatie met de werkgever na 15 weken"),
}


@dataclass(frozen=True)
class CheckInRule:
    after_days: int  # due this many days after the first day of the proefperiode
    show_days_before: int  # listed as "soon" this many days before it is due
    roles: frozenset[PlacementRole]  # who may record it (the coach always records for both)


# "De eerste keer gaan we altijd mee"; both sides report back after the first day (000);
# tussenmeting after about two months (000, 002, 003); werkervaringsplaats 15 weeks (002).
CHECKIN_RULES = {
    CheckInKind.FIRST_DAY_COACH: CheckInRule(0, 0, frozenset({COACH})),
    CheckInKind.FIRST_DAY_ORGANISATION: CheckInRule(0, 0, frozenset({COACH, ORG, CENTRE})),
    CheckInKind.TUSSENMETING: CheckInRule(60, 7, frozenset({COACH})),
    CheckInKind.EVALUATION_15_WEEKS: CheckInRule(15 * 7, 7, frozenset({COACH})),
}


def planned_checkins(placement_type: PlacementType, start: date) -> dict[CheckInKind, date]:
    """The check-ins of a placement whose proefperiode starts on `start`, with due dates."""
    kinds = [CheckInKind.FIRST_DAY_COACH, CheckInKind.FIRST_DAY_ORGANISATION,
             CheckInKind.TUSSENMETING]
    if placement_type == PlacementType.WERKERVARINGSPLAATS:
        kinds.append(CheckInKind.EVALUATION_15_WEEKS)
    return {kind: start + timedelta(days=CHECKIN_RULES[kind].after_days) for kind in kinds}


class Urgency(StrEnum):
    LATER = "later"
    DUE = "due"
    OVERDUE = "overdue"


def checkin_urgency(kind: CheckInKind, due_on: date, today: date) -> Urgency:
    """Overdue after its day; due from a few days before (the first day: on the day)."""
    if today > due_on:
        return Urgency.OVERDUE
    if today >= due_on - timedelta(days=CHECKIN_RULES[kind].show_days_before):
        return Urgency.DUE
    return Urgency.LATER
