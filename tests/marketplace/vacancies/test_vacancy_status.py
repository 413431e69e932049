"""The rule table of vacancy and organisation status changes (pure, no app)."""

from __future__ import annotations

import pytest

from marketplace.domain.vacancy_status import (
    OrganisationAction,
    TransitionRefused,
    VacancyAction,
    VacancyFacts,
    allowed_organisation_actions,
    allowed_vacancy_actions,
    import_status_allowed,
    is_paused,
    organisation_transition,
    vacancy_transition,
)
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus

D, R, P, C = (VacancyStatus.DRAFT, VacancyStatus.REVIEW, VacancyStatus.PUBLISHED,
              VacancyStatus.CLOSED)


def facts(status: VacancyStatus, org_ok: bool = True, approved: bool = False) -> VacancyFacts:
    return VacancyFacts(status=status, organisation_approved=org_ok, approved_before=approved)


def test_a_members_new_vacancy_goes_to_review_not_straight_online() -> None:
    assert vacancy_transition(VacancyAction.SUBMIT, Role.ORGANISATION, facts(D)) == R
    with pytest.raises(TransitionRefused, match="eerst gecontroleerd"):
        vacancy_transition(VacancyAction.PUBLISH, Role.ORGANISATION, facts(D))
    assert allowed_vacancy_actions(Role.ORGANISATION, facts(D)) == [
        VacancyAction.SUBMIT, VacancyAction.CLOSE
    ]


def test_a_paused_vacancy_is_published_again_without_new_screening() -> None:
    paused = facts(D, approved=True)
    assert is_paused(D, approved_before=True)
    assert vacancy_transition(VacancyAction.PUBLISH, Role.ORGANISATION, paused) == P
    assert VacancyAction.SUBMIT not in allowed_vacancy_actions(Role.ORGANISATION, paused)


def test_pause_and_close_by_the_member() -> None:
    assert vacancy_transition(VacancyAction.PAUSE, Role.ORGANISATION, facts(P)) == D
    assert vacancy_transition(VacancyAction.CLOSE, Role.ORGANISATION, facts(P)) == C
    assert allowed_vacancy_actions(Role.ORGANISATION, facts(C)) == []


def test_only_the_centre_approves_and_only_for_an_approved_organisation() -> None:
    assert vacancy_transition(VacancyAction.APPROVE, Role.CENTRALE, facts(R)) == P
    with pytest.raises(TransitionRefused, match="U mag"):
        vacancy_transition(VacancyAction.APPROVE, Role.ORGANISATION, facts(R))
    with pytest.raises(TransitionRefused, match="Keur eerst de organisatie"):
        vacancy_transition(VacancyAction.APPROVE, Role.CENTRALE, facts(R, org_ok=False))
    assert VacancyAction.APPROVE not in allowed_vacancy_actions(Role.CENTRALE, facts(R, False))


def test_sending_back_needs_a_reason() -> None:
    with pytest.raises(TransitionRefused, match="reden"):
        vacancy_transition(VacancyAction.SEND_BACK, Role.CENTRALE, facts(R), reason="  ")
    assert vacancy_transition(VacancyAction.SEND_BACK, Role.CENTRALE, facts(R), "Adres?") == D


@pytest.mark.parametrize("role", [Role.COACH, Role.POLICY])
def test_coaches_and_policy_change_nothing(role: Role) -> None:
    for status in VacancyStatus:
        assert allowed_vacancy_actions(role, facts(status)) == []


def test_wrong_status_is_refused() -> None:
    with pytest.raises(TransitionRefused, match="status"):
        vacancy_transition(VacancyAction.PAUSE, Role.CENTRALE, facts(R))


def test_import_statuses() -> None:
    assert import_status_allowed(Role.CENTRALE, P, organisation_approved=True) is None
    assert import_status_allowed(Role.CENTRALE, P, organisation_approved=False)
    assert import_status_allowed(Role.ORGANISATION, D, organisation_approved=True)


def test_organisation_screening() -> None:
    review, approved, back = ApprovalState.REVIEW, ApprovalState.APPROVED, ApprovalState.SENT_BACK
    assert organisation_transition(OrganisationAction.APPROVE, Role.CENTRALE, review) == approved
    with pytest.raises(TransitionRefused):
        organisation_transition(OrganisationAction.SEND_BACK, Role.CENTRALE, review, "")
    assert organisation_transition(OrganisationAction.RESUBMIT, Role.ORGANISATION, back) == review
    assert allowed_organisation_actions(Role.ORGANISATION, review) == []
    assert allowed_organisation_actions(Role.CENTRALE, review) == [
        OrganisationAction.APPROVE, OrganisationAction.SEND_BACK
    ]
