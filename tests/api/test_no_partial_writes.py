"""A rejected write leaves the database exactly as it was (fuzzed bodies, whole tables)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from marketplace.extensions import db as _db
from tests.builders import make_vacancy

FIELDS = ["title", "capacity", "schedule", "hours_per_week", "language_min", "postcode",
          "dayparts_needed", "proposal_cap", "contact_email", "status", "colour"]
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=4),
                   st.lists(st.sampled_from(["mon_morning", "x"]), max_size=2),
                   st.fixed_dictionaries({"min": st.integers(0, 9), "max": st.integers(0, 9)}))


def _snapshot() -> dict[str, list[tuple[str, ...]]]:
    _db.session.expire_all()
    return {table.name: sorted(tuple(map(repr, row))
                               for row in _db.session.execute(select(table)))
            for table in _db.metadata.sorted_tables if table.name != "api_token"}


def test_rejected_vacancy_patches_write_nothing(api_as, member, organisation) -> None:
    vacancy = make_vacancy(organisation, capacity=3, filled=2)
    api = api_as(member)

    @given(body=st.dictionaries(st.sampled_from(FIELDS), VALUES, min_size=1, max_size=4))
    @settings(max_examples=60, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    def patch(body: dict) -> None:
        before = _snapshot()
        response = api.patch(f"/vacancies/{vacancy.ref}", json=body)
        assert response.status_code in (200, 409, 422), response.get_json()
        if response.status_code != 200:
            assert _snapshot() == before

    patch()


def test_rejected_participant_posts_write_nothing(api_as, coach) -> None:
    api = api_as(coach)

    @given(body=st.fixed_dictionaries(
        {"first_name": st.one_of(st.just(""), st.just("Amal"), st.integers())},
        optional={"availability": VALUES, "hours_per_week": VALUES, "gender": VALUES}))
    @settings(max_examples=40, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    def post(body: dict) -> None:
        before = _snapshot()
        response = api.post("/participants", json=body)
        assert response.status_code in (201, 422), response.get_json()
        if response.status_code != 201:
            assert _snapshot() == before

    post()
