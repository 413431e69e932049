"""The placement state machine on its own: every allowed step, every refused one, roles."""

from __future__ import annotations

from datetime import date, datetime
from itertools import product

import pytest

from marketplace.domain.placements import (
    ACTION_LABELS,
    CHECKIN_RULES,
    MISSING_MESSAGES,
    OCCUPYING_STATES,
    OPEN_STATES,
    STATE_LABELS,
    TRANSITIONS,
    CheckInKind,
    IllegalTransition,
    PlacementAction,
    PlacementRole,
    PlacementState,
    Urgency,
    available_actions,
    check_data,
    checkin_urgency,
    frees_a_place,
    next_state,
    planned_checkins,
    takes_a_place,
)
from marketplace.domain.vocabulary import PlacementType
from marketplace.services.reports.monitoring import FUNNEL

S, A, R = PlacementState, PlacementAction, PlacementRole

# The process, written out once more by hand: (from, action) -> (to, roles).
EXPECTED = {
    (S.PROPOSED, A.ACCEPT): (S.ACCEPTED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.PROPOSED, A.DECLINE): (S.DECLINED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.PROPOSED, A.WITHDRAW): (S.WITHDRAWN, {R.COACH, R.SYSTEM}),
    (S.ACCEPTED, A.PLAN_KENNISMAKING): (S.KENNISMAKING, {R.COACH, R.ORGANISATION, R.CENTRALE}),
    (S.ACCEPTED, A.DECLINE): (S.DECLINED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.ACCEPTED, A.WITHDRAW): (S.WITHDRAWN, {R.COACH, R.SYSTEM}),
    (S.KENNISMAKING, A.PLAN_KENNISMAKING): (S.KENNISMAKING,
                                           {R.COACH, R.ORGANISATION, R.CENTRALE}),
    (S.KENNISMAKING, A.START_PROEFPERIODE): (S.PROEFPERIODE,
                                            {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.KENNISMAKING, A.DECLINE): (S.DECLINED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.KENNISMAKING, A.WITHDRAW): (S.WITHDRAWN, {R.COACH, R.SYSTEM}),
    (S.PROEFPERIODE, A.PLACE): (S.PLACED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.PROEFPERIODE, A.NOT_CONTINUE): (S.NOT_CONTINUED,
                                       {R.COACH, R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.PROEFPERIODE, A.WITHDRAW): (S.WITHDRAWN, {R.COACH, R.SYSTEM}),
    (S.PLACED, A.END): (S.ENDED, {R.COACH, R.ORGANISATION, R.CENTRALE}),
}


def test_the_table_is_the_process() -> None:
    assert {key: (rule.target, set(rule.roles)) for key, rule in TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize(("key", "expected"), EXPECTED.items(), ids=lambda v: str(v))
def test_every_allowed_step(key, expected) -> None:
    (state, action), (target, roles) = key, expected
    for role in roles:
        assert next_state(state, action, role) == target
    for role in set(R) - roles:
        with pytest.raises(IllegalTransition) as refused:
            next_state(state, action, role)
        assert str(refused.value) == "U mag deze stap niet zetten bij deze plaatsing."


ILLEGAL = [(s, a) for s, a in product(S, A) if (s, a) not in EXPECTED]


@pytest.mark.parametrize(("state", "action"), ILLEGAL)
def test_every_illegal_step_is_refused_in_dutch(state, action) -> None:
    for role in R:
        with pytest.raises(IllegalTransition) as refused:
            next_state(state, action, role)
        assert str(refused.value) == (
            f"Dit kan niet: een plaatsing met de status ‘{STATE_LABELS[state]}’ kan niet naar "
            f"‘{ACTION_LABELS[action]}’."
        )


def test_withdrawn_only_before_placed_and_final_states_are_final() -> None:
    assert A.WITHDRAW not in available_actions(S.PLACED, R.COACH)
    for state in (S.DECLINED, S.NOT_CONTINUED, S.ENDED, S.WITHDRAWN):
        assert all(available_actions(state, role) == [] for role in R)


def test_available_actions_per_role() -> None:
    assert available_actions(S.PROPOSED, R.ORGANISATION) == [A.ACCEPT, A.DECLINE]
    assert available_actions(S.PROPOSED, R.COACH) == [A.WITHDRAW]
    assert available_actions(S.KENNISMAKING, R.LINK) == [A.START_PROEFPERIODE, A.DECLINE]
    assert available_actions(S.PROEFPERIODE, R.LINK) == [A.PLACE, A.NOT_CONTINUE]
    assert available_actions(S.PLACED, R.LINK) == []
    assert available_actions(S.PROPOSED, None) == []


@pytest.mark.parametrize(("state", "action"), list(EXPECTED))
def test_required_data_is_named_and_explained(state, action) -> None:
    rule = TRANSITIONS[(state, action)]
    role = sorted(rule.roles)[0]
    for name in rule.required:
        with pytest.raises(IllegalTransition) as refused:
            check_data(state, action, role, {name: "  "})
        assert refused.value.field in rule.required
        assert refused.value.message == MISSING_MESSAGES[refused.value.field]


def test_complete_data_passes_and_dates_must_be_in_order() -> None:
    start = {"proefperiode_start": date(2026, 3, 2), "proefperiode_end": date(2026, 5, 1)}
    assert check_data(S.KENNISMAKING, A.START_PROEFPERIODE, R.LINK, start) == S.PROEFPERIODE
    with pytest.raises(IllegalTransition) as refused:
        check_data(S.KENNISMAKING, A.START_PROEFPERIODE, R.LINK,
                   start | {"proefperiode_end": date(2026, 3, 2)})
    assert refused.value.field == "proefperiode_end"
    with pytest.raises(IllegalTransition) as refused:
        check_data(S.PLACED, A.END, R.COACH, {"outcome": "paid_work",
                   "ended_on": date(2026, 3, 1)}, proefperiode_start=date(2026, 3, 2))
    assert refused.value.field == "ended_on"
    plan = {"kennismaking_at": datetime(2026, 3, 1, 10), "kennismaking_place": "Wijkcentrum"}
    assert check_data(S.ACCEPTED, A.PLAN_KENNISMAKING, R.COACH, plan) == S.KENNISMAKING


def test_capacity_follows_the_occupying_states() -> None:
    assert OCCUPYING_STATES == {S.PROEFPERIODE, S.PLACED}
    assert OPEN_STATES == {S.PROPOSED, S.ACCEPTED, S.KENNISMAKING}
    assert takes_a_place(S.KENNISMAKING, S.PROEFPERIODE)
    assert not takes_a_place(S.PROEFPERIODE, S.PLACED)
    assert not frees_a_place(S.PROEFPERIODE, S.PLACED)
    for target in (S.NOT_CONTINUED, S.WITHDRAWN):
        assert frees_a_place(S.PROEFPERIODE, target)
    assert frees_a_place(S.PLACED, S.ENDED)
    # Every step into or out of the occupying states is one the service counts.
    for (source, _action), rule in TRANSITIONS.items():
        moves = (source in OCCUPYING_STATES) != (rule.target in OCCUPYING_STATES)
        assert moves == (takes_a_place(source, rule.target) or frees_a_place(source, rule.target))


def test_checkins_planned_from_the_start_of_the_proefperiode() -> None:
    start = date(2026, 3, 2)
    plan = planned_checkins(PlacementType.VRIJWILLIGERSWERK, start)
    assert plan == {
        CheckInKind.FIRST_DAY_COACH: start,
        CheckInKind.FIRST_DAY_ORGANISATION: start,
        CheckInKind.TUSSENMETING: date(2026, 5, 1),
    }
    work = planned_checkins(PlacementType.WERKERVARINGSPLAATS, start)
    assert work[CheckInKind.EVALUATION_15_WEEKS] == date(2026, 6, 15)
    assert R.ORGANISATION in CHECKIN_RULES[CheckInKind.FIRST_DAY_ORGANISATION].roles
    assert R.ORGANISATION not in CHECKIN_RULES[CheckInKind.FIRST_DAY_COACH].roles


def test_checkin_urgency() -> None:
    due = date(2026, 5, 1)
    assert checkin_urgency(CheckInKind.TUSSENMETING, due, date(2026, 4, 23)) == Urgency.LATER
    assert checkin_urgency(CheckInKind.TUSSENMETING, due, date(2026, 4, 24)) == Urgency.DUE
    assert checkin_urgency(CheckInKind.TUSSENMETING, due, due) == Urgency.DUE
    assert checkin_urgency(CheckInKind.TUSSENMETING, due, date(2026, 5, 2)) == Urgency.OVERDUE
    first = date(2026, 3, 2)
    assert checkin_urgency(CheckInKind.FIRST_DAY_COACH, first, date(2026, 3, 1)) == Urgency.LATER
    assert checkin_urgency(CheckInKind.FIRST_DAY_COACH, first, first) == Urgency.DUE


def test_no_state_of_the_monitoring_funnel_can_be_entered_twice() -> None:
    """The dashboard counts events per funnel state as placements
    (services/reports/monitoring.py)."""
    def reachable(state: PlacementState) -> set[PlacementState]:
        found: set[PlacementState] = set()
        todo = [state]
        while todo:
            current = todo.pop()
            for (source, _), rule in TRANSITIONS.items():
                if source == current and rule.target not in found:
                    found.add(rule.target)
                    todo.append(rule.target)
        return found

    for state in FUNNEL:
        assert state not in reachable(state), state
    assert PlacementState.PROPOSED not in {rule.target for rule in TRANSITIONS.values()}
