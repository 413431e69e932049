"""Schemathesis against the OpenAPI document, through WSGI (no network): fuzzed requests,
valid and invalid, never give a server error, and every answer (status, content type,
headers, body) is the one the document promises. Real bearer tokens of seeded users."""

from __future__ import annotations

from collections import Counter

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from marketplace.domain.vocabulary import ConsentPurpose, Role
from tests.api.conftest import token_for
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

EXAMPLES = 50  # per run; six runs take about 40 s
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


def _fuzz(schema, token: str, mode: GenerationMode, statuses: Counter[int],
          **path_parameters: object) -> None:
    strategy = schema.as_strategy(
        generation_mode=mode,
        headers={"Authorization": f"Bearer {token}"},
        path_parameters=path_parameters or None,
    )

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        response = case.call_and_validate(checks=CHECKS)
        statuses[response.status_code] += 1

    run()


def test_the_api_never_answers_with_a_server_error(app, db) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    coach = make_user(Role.COACH)
    participant = make_participant(coach, consents=tuple(ConsentPurpose))
    vacancy = make_vacancy(organisation)
    placement = make_placement(participant, vacancy)
    # Revoking the token in use would end the run early; it has its own tests.
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app).exclude(
        operation_id="revokeToken"
    )
    statuses: Counter[int] = Counter()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        _fuzz(schema, token_for(coach), mode, statuses)
        _fuzz(schema, token_for(coach), mode, statuses,
              ref=participant.ref, placement_id=placement.id)
        _fuzz(schema, token_for(member), mode, statuses,
              ref=vacancy.ref, placement_id=placement.id)
    assert sum(statuses.values()) >= 6 * EXAMPLES // 2
    assert statuses[200] and statuses[201], "the tokens let requests through"
    assert not [status for status in statuses if status >= 500]


def test_the_list_filters_and_status_actions_are_fuzzed_on_their_own(app, db) -> None:
    """Over the whole document the filters get a few examples each; here only the lists
    (every filter, valid and invalid) and a vacancy's status actions, by its editors."""
    centre_org = make_organisation(kind="vrijwilligerscentrale")
    organisation = make_organisation(managed_by_id=centre_org.id)
    member = make_user(Role.ORGANISATION, organisation=organisation)
    centre = make_user(Role.CENTRALE, organisation=centre_org)
    coach = make_user(Role.COACH)
    make_participant(coach, consents=tuple(ConsentPurpose))
    vacancy = make_vacancy(organisation)
    make_vacancy(organisation, remote=True, tags=["tuin"])
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app).include(
        operation_id=["listVacancies", "listParticipants", "transitionVacancy"])
    statuses: Counter[int] = Counter()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        _fuzz(schema, token_for(coach), mode, statuses, ref=vacancy.ref)
        _fuzz(schema, token_for(member), mode, statuses, ref=vacancy.ref)
        _fuzz(schema, token_for(centre), mode, statuses, ref=vacancy.ref)
    assert statuses[200] and statuses[400], "valid filters pass, wrong ones are named"
    assert not [status for status in statuses if status >= 500]
