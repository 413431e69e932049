"""The placement state machine on its own: every allowed step, every refused one, roles."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import product
from typing import Any

import pytest

from marketplace.domain.placements import (
    ACTION_LABELS,
    CHECKIN_RULES,
    KENNISMAKING_IN_PAST,
    MISSING_MESSAGES,
    OCCUPYING_STATES,
    OPEN_STATES,
    PLACED_BEFORE_START,
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
    daypart_of,
    frees_a_place,
    next_state,
    outside_free_dayparts,
    planned_checkins,
    planned_end,
    takes_a_place,
)
from marketplace.domain.vocabulary import PlacementType
from marketplace.services.reports.monitoring import FUNNEL

S, A, R = PlacementState, PlacementAction, PlacementRole
NOW = datetime(2026, 3, 1, 9, 0)

# The process, written out once more by hand: (from, action) -> (to, roles).
EXPECTED = {
    (S.PROPOSED, A.ACCEPT): (S.ACCEPTED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.PROPOSED, A.DECLINE): (S.DECLINED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.PROPOSED, A.WITHDRAW): (S.WITHDRAWN, {R.COACH, R.SYSTEM}),
    (S.ACCEPTED, A.PLAN_KENNISMAKING): (S.KENNISMAKING,
                                        {R.COACH, R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.ACCEPTED, A.DECLINE): (S.DECLINED, {R.ORGANISATION, R.CENTRALE, R.LINK}),
    (S.ACCEPTED, A.WITHDRAW): (S.WITHDRAWN, {R.COACH, R.SYSTEM}),
    (S.KENNISMAKING, A.PLAN_KENNISMAKING): (S.KENNISMAKING,
                                           {R.COACH, R.ORGANISATION, R.CENTRALE, R.LINK}),
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


def _step_id(value: Any) -> str:
    """The roles sorted: a set prints in an order that changes with the hash seed, and
    pytest-xdist needs the same test ids in every worker."""
    if isinstance(value[1], set | frozenset):
        return str((value[0], sorted(value[1])))
    return str(value)


@pytest.mark.parametrize(("key", "expected"), EXPECTED.items(), ids=_step_id)
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
    assert available_actions(S.KENNISMAKING, R.LINK) == [A.PLAN_KENNISMAKING, A.START_PROEFPERIODE,
                                                         A.DECLINE]
    assert available_actions(S.PROEFPERIODE, R.LINK) == [A.PLACE, A.NOT_CONTINUE]
    assert available_actions(S.PLACED, R.LINK) == []
    assert available_actions(S.PROPOSED, None) == []


@pytest.mark.parametrize(("state", "action"), list(EXPECTED))
def test_required_data_is_named_and_explained(state, action) -> None:
    rule = TRANSITIONS[(state, action)]
    role = sorted(rule.roles)[0]
    for name in rule.required:
        with pytest.raises(IllegalTransition) as refused:
            check_data(state, action, role, {name: "  "}, now=NOW)
        assert refused.value.field in rule.required
        assert refused.value.message == MISSING_MESSAGES[refused.value.field]


def test_complete_data_passes_and_dates_must_be_in_order() -> None:
    start = {"proefperiode_start": date(2026, 3, 2), "proefperiode_end": date(2026, 5, 1)}
    assert check_data(S.KENNISMAKING, A.START_PROEFPERIODE, R.LINK, start,
                      now=NOW) == S.PROEFPERIODE
    with pytest.raises(IllegalTransition) as refused:
        check_data(S.KENNISMAKING, A.START_PROEFPERIODE, R.LINK,
                   start | {"proefperiode_end": date(2026, 3, 2)}, now=NOW)
    assert refused.value.field == "proefperiode_end"
    with pytest.raises(IllegalTransition) as refused:
        check_data(S.PLACED, A.END, R.COACH, {"outcome": "paid_work",
                   "ended_on": date(2026, 3, 1)}, proefperiode_start=date(2026, 3, 2),
                   now=NOW)
    assert refused.value.field == "ended_on"
    plan = {"kennismaking_at": datetime(2026, 3, 1, 10), "kennismaking_place": "Wijkcentrum"}
    assert check_data(S.ACCEPTED, A.PLAN_KENNISMAKING, R.COACH, plan,
                      now=NOW) == S.KENNISMAKING


# ----------------------------------------------------------------- issue 17: date rules


def test_a_kennismaking_in_the_past_is_refused_on_its_field() -> None:
    plan = {"kennismaking_place": "Wijkcentrum"}
    five_weeks_ago = NOW - timedelta(weeks=5)
    with pytest.raises(IllegalTransition) as refused:
        check_data(S.ACCEPTED, A.PLAN_KENNISMAKING, R.ORGANISATION,
                   plan | {"kennismaking_at": five_weeks_ago}, now=NOW)
    assert refused.value.field == "kennismaking_at"
    assert refused.value.message == KENNISMAKING_IN_PAST
    with pytest.raises(IllegalTransition):  # a minute ago is the past too
        check_data(S.KENNISMAKING, A.PLAN_KENNISMAKING, R.COACH,
                   plan | {"kennismaking_at": NOW - timedelta(minutes=1)}, now=NOW)
    assert check_data(S.ACCEPTED, A.PLAN_KENNISMAKING, R.LINK,
                      plan | {"kennismaking_at": NOW}, now=NOW) == S.KENNISMAKING


def test_placed_only_once_the_proefperiode_has_started() -> None:
    agreement = {"agreement": "Contract getekend"}
    with pytest.raises(IllegalTransition) as refused:
        check_data(S.PROEFPERIODE, A.PLACE, R.LINK, agreement,
                   proefperiode_start=NOW.date() + timedelta(days=1), now=NOW)
    assert refused.value.message == PLACED_BEFORE_START
    assert refused.value.params == {"start": "2026-03-02"}
    assert check_data(S.PROEFPERIODE, A.PLACE, R.LINK, agreement,
                      proefperiode_start=NOW.date(), now=NOW) == S.PLACED


def test_outside_the_free_dayparts_is_a_warning_with_the_daypart() -> None:
    sunday_morning = datetime(2026, 3, 1, 10, 0)  # 1 March 2026 is a Sunday
    assert daypart_of(sunday_morning) == "sun_morning"
    assert daypart_of(datetime(2026, 3, 2, 12, 0)) == "mon_afternoon"
    assert daypart_of(datetime(2026, 3, 2, 17, 0)) == "mon_evening"
    assert outside_free_dayparts(sunday_morning, ["mon_morning"]) == "sun_morning"
    assert outside_free_dayparts(sunday_morning, ["sun_morning"]) is None


def test_the_planned_end_follows_the_vacancy_weeks() -> None:
    assert planned_end(date(2026, 3, 2), 4) == date(2026, 3, 30)
    assert planned_end(date(2026, 3, 2), None) is None


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
