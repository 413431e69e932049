"""Measurements: recording ladder and ZRM, the progress chart, the tussenmeting reminder."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from marketplace.domain.measurements import TUSSENMETING_AFTER_DAYS, tussenmeting_due
from marketplace.domain.vocabulary import MeasurementKind, Role
from marketplace.models import Measurement
from tests.builders import make_participant, make_user

NUL, TUSSEN, EIND = (MeasurementKind.NULMETING, MeasurementKind.TUSSENMETING,
                     MeasurementKind.EINDMETING)


def _form(kind: str, on: date, step: int, **zrm: int) -> dict[str, str]:
    data = {"kind": kind, "measured_on": on.isoformat(), "ladder_step": str(step)}
    data |= {f"zrm_{domain}": str(score) for domain, score in zrm.items()}
    return data


def _coach_with_participant(login, **fields):
    coach = make_user(Role.COACH)
    login(coach)
    return coach, make_participant(coach, **fields)


def test_a_measurement_is_saved_with_its_zrm_scores(client, login, db) -> None:
    coach, person = _coach_with_participant(login)
    data = _form("nulmeting", date(2026, 1, 10), 2, financien=3, huisvesting=4)
    response = client.post(f"/deelnemers/{person.id}/metingen/nieuw", data=data)
    assert response.status_code == 302
    measurement = db.scalars(select(Measurement)).one()
    assert measurement.kind == NUL and measurement.ladder_step == 2
    assert measurement.recorded_by_id == coach.id
    assert measurement.zrm() == {"financien": 3, "huisvesting": 4}  # empty domains: not scored


def test_the_participant_page_shows_a_chart_with_a_text_alternative(client, login, db) -> None:
    _, person = _coach_with_participant(login)
    url = f"/deelnemers/{person.id}/metingen/nieuw"
    client.post(url, data=_form("nulmeting", date(2026, 1, 10), 2, financien=2, huisvesting=2))
    client.post(url, data=_form("tussenmeting", date(2026, 3, 12), 4, financien=4, huisvesting=3))
    page = client.get(f"/deelnemers/{person.id}").get_data(as_text=True)
    assert '<svg role="img" aria-labelledby="grafiek-titel grafiek-uitleg"' in page
    assert "10-01-2026: trede 2; 12-03-2026: trede 4." in page
    assert "12-03-2026: ZRM 3,5." in page
    assert "<polyline" in page
    assert "Metingen in een tabel" in page  # the same data as a table beside it


def test_errors_are_dutch(client, login, db) -> None:
    _, person = _coach_with_participant(login)
    url = f"/deelnemers/{person.id}/metingen/nieuw"
    future = date.today() + timedelta(days=3)
    page = client.post(url, data=_form("nulmeting", future, 3)).get_data(as_text=True)
    assert "Een meting kan niet in de toekomst liggen." in page
    page = client.post(url, data={"kind": "nulmeting", "measured_on": "morgen",
                                  "ladder_step": "3"}).get_data(as_text=True)
    assert "Vul een datum in" in page
    page = client.post(url, data=_form("nulmeting", date(2026, 1, 1), 9)).get_data(as_text=True)
    assert "Ongeldige keuze." in page
    assert db.scalars(select(Measurement)).all() == []


def test_only_one_nulmeting(client, login, db) -> None:
    _, person = _coach_with_participant(login)
    url = f"/deelnemers/{person.id}/metingen/nieuw"
    client.post(url, data=_form("nulmeting", date(2026, 1, 10), 2))
    page = client.post(url, data=_form("nulmeting", date(2026, 1, 11), 3)).get_data(as_text=True)
    assert "Er is al een nulmeting vastgelegd." in page
    assert len(db.scalars(select(Measurement)).all()) == 1


def test_tussenmeting_is_due_two_months_after_the_nulmeting() -> None:
    start = date(2026, 1, 1)
    due_on = start + timedelta(days=TUSSENMETING_AFTER_DAYS)
    assert 56 <= TUSSENMETING_AFTER_DAYS <= 70
    assert tussenmeting_due(date(2025, 12, 1), [(NUL, start)], start + timedelta(days=10)) is None
    soon = tussenmeting_due(date(2025, 12, 1), [(NUL, start)], due_on - timedelta(days=3))
    assert soon is not None and soon.due_on == due_on and not soon.overdue
    late = tussenmeting_due(date(2025, 12, 1), [(NUL, start)], due_on)
    assert late is not None and late.overdue
    assert tussenmeting_due(date(2025, 12, 1), [(NUL, start), (TUSSEN, due_on)], due_on) is None
    assert tussenmeting_due(date(2025, 12, 1), [(NUL, start), (EIND, due_on)], due_on) is None


def test_without_a_nulmeting_the_clock_starts_at_intake() -> None:
    intake = date(2026, 1, 1)
    due = tussenmeting_due(intake, [], intake + timedelta(days=100))
    assert due is not None and due.due_on == intake + timedelta(days=TUSSENMETING_AFTER_DAYS)


def test_reminders_on_participant_page_and_coach_start_page(client, login, db) -> None:
    long_ago = date.today() - timedelta(days=TUSSENMETING_AFTER_DAYS + 5)
    coach, late = _coach_with_participant(login, first_name="Laat", intake_date=long_ago)
    make_participant(coach, first_name="Nieuw", intake_date=date.today())
    page = client.get(f"/deelnemers/{late.id}").get_data(as_text=True)
    assert "De tussenmeting is nodig sinds" in page
    start = client.get("/").get_data(as_text=True)
    assert "Tussenmeting nodig" in start
    assert f"/deelnemers/{late.id}/metingen/nieuw" in start
    assert "Nieuw" not in start.split("Tussenmeting nodig")[1].split("</section>")[0]


def test_another_coach_cannot_record(client, login, db) -> None:
    person = make_participant()
    login(make_user(Role.COACH))
    url = f"/deelnemers/{person.id}/metingen/nieuw"
    assert client.post(url, data=_form("nulmeting", date(2026, 1, 10), 2)).status_code == 404
