"""The small leaks: parameters in the error log, 500s on odd input, cached pages."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select, text

from marketplace.domain.vocabulary import Role
from marketplace.extensions import db as _db
from marketplace.models import Organisation, OutboxMessage
from marketplace.services.accounts.api_tokens import issue_token
from tests.builders import PASSWORD, make_organisation, make_participant, make_user, make_vacancy

HEALTH_NOTE = "diabetes en zwanger, uitgerekend in maart"


def test_a_failed_statement_logs_no_parameter_values(make_app, db, caplog) -> None:
    fresh = make_app()

    @fresh.get("/_test/kapotte-query")
    def broken() -> str:
        _db.session.execute(text("INSERT INTO bestaat_niet (notitie) VALUES (:note)"),
                            {"note": HEALTH_NOTE})
        return "niet bereikt"

    with caplog.at_level(logging.ERROR):
        response = fresh.test_client().get("/_test/kapotte-query")
    assert response.status_code == 500
    assert "bestaat_niet" in caplog.text  # the statement is logged, for the developer
    assert HEALTH_NOTE not in caplog.text
    assert "hidden due to hide_parameters" in caplog.text


def _api(client, user) -> dict[str, str]:
    issued = issue_token(user.email, PASSWORD)
    assert issued is not None
    return {"Authorization": f"Bearer {issued.token}"}


@pytest.mark.parametrize("title", ["\ud800", "a\udfffb"])
def test_a_lone_surrogate_in_api_json_is_a_422_naming_the_field(client, db, title) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    vacancy = make_vacancy(organisation)
    body = '{"title": "' + title.encode("unicode_escape").decode() + '"}'  # JSON escapes
    response = client.patch(f"/api/v1/vacancies/{vacancy.ref}", data=body,
                            content_type="application/json", headers=_api(client, member))
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "title", "message": "contains an invalid character (a lone surrogate)"}
    ]


@pytest.fixture()
def policy(client, login, db):
    return login(make_user(Role.POLICY))


@pytest.mark.parametrize("parameter", ["peildatum", "van", "tot"])
@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_far_dates_on_the_reports_page_get_a_dutch_message(policy, parameter, value) -> None:
    response = policy.get(f"/rapportages/?{parameter}={value}")
    assert response.status_code == 200
    assert "Kies een datum tussen 2000 en 2099." in response.get_data(as_text=True)


def test_far_dates_do_not_break_the_export(policy) -> None:
    response = policy.get("/rapportages/export.xlsx?peildatum=0001-01-01")
    assert response.status_code == 200


def test_a_nul_in_the_reports_filter_gets_a_dutch_message(policy) -> None:
    response = policy.get("/rapportages/?gemeente=%00")
    assert response.status_code == 200
    assert "onzichtbaar teken (NUL)" in response.get_data(as_text=True)


def _routes_with_personal_data(db):
    """(role, path) pairs: pages, downloads and API answers that show people's data."""
    coach = make_user(Role.COACH)
    participant = make_participant(coach)
    return coach, [
        "/",
        "/deelnemers/",
        f"/deelnemers/{participant.id}",
        f"/deelnemers/{participant.id}/gegevens",
        f"/deelnemers/{participant.id}/gegevens.json",
    ]


def test_pages_with_personal_data_are_not_stored(client, login, db) -> None:
    coach, paths = _routes_with_personal_data(db)
    login(coach)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.get("Cache-Control") == "no-store", path


def test_admin_and_report_pages_and_downloads_are_not_stored(client, login, db) -> None:
    login(make_user(Role.ADMIN))
    paths = ("/beheer/auditlog", "/rapportages/", "/rapportages/export.xlsx",
             "/vacatures/export.csv")
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.get("Cache-Control") == "no-store", path


def test_api_answers_are_not_stored(client, db) -> None:
    coach = make_user(Role.COACH)
    response = client.get("/api/v1/vacancies", headers=_api(client, coach))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_public_pages_and_static_files_may_be_cached(client, db) -> None:
    assert "no-store" not in client.get("/login").headers.get("Cache-Control", "")
    login_page = client.get("/login").get_data(as_text=True)
    stylesheet = login_page.split('rel="stylesheet" href="')[1].split('"')[0]
    response = client.get(stylesheet)
    response.close()
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


SIGNUP = {
    "name": "Buurthuis De Linde",
    "kind": "repair_cafe",
    "municipality": "Nijmegen",
    "postcode": "6543ab",
    "description": "Samen repareren.",
    "email": "info@delinde.example",
    "member_name": "Karin de Vries",
    "password": "een lange zin als wachtwoord",
    "password_repeat": "een lange zin als wachtwoord",
}


def _sign_up(client, email: str):
    response = client.post("/organisaties/aanmelden", data=SIGNUP | {"member_email": email})
    page = client.get(response.location).get_data(as_text=True) if response.location else ""
    return response.status_code, response.location, page


def test_sign_up_does_not_tell_whether_an_address_has_an_account(app, db) -> None:
    make_organisation(kind="vrijwilligerscentrale", municipality="Nijmegen", name="Centrale")
    owner = make_user(Role.COACH, email="bestaat@example.nl")
    known = _sign_up(app.test_client(), "Bestaat@example.nl")
    new = _sign_up(app.test_client(), "nieuw@example.nl")
    assert known == new
    assert db.scalar(select(func.count()).select_from(Organisation)) == 2  # centre + new
    mails = {m.recipient: m.body for m in db.scalars(select(OutboxMessage))}
    assert "U heeft al" in mails[owner.email]  # the owner hears of it
    assert "Uw organisatie is aangemeld" in mails["nieuw@example.nl"]
