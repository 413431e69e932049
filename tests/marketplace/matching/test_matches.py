"""The matches page: the real engine over the real database, no mocks."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

import matching
from marketplace.domain.vocabulary import PlacementType, Role, VacancyStatus
from marketplace.models import ShortlistEntry
from marketplace.services.matching import index, ranking
from tests.builders import make_organisation, make_participant, make_user, make_vacancy

WEEK = [f"{d}_{p}" for d in ("mon", "tue", "wed", "thu", "fri") for p in ("morning", "afternoon")]


@pytest.fixture()
def mother(login, db):
    """A1 Dutch, lessons Tuesday and Thursday morning, children home Wednesday afternoon."""
    coach = make_user(Role.COACH)
    login(coach)
    return make_participant(
        coach, first_name="Hiba", nl_speaking="A1", nl_listening="A1", nl_reading="A1",
        nl_writing="A1", availability=WEEK, lessons=["tue_morning", "thu_morning"],
        childcare_needed=["wed_afternoon"], interests=["koken"], hours_min=3, hours_max=8,
        max_travel_km=10,
    )


@pytest.fixture()
def region(db):
    org = make_organisation(name="Wijkcentrum De Klimop")
    return {
        "fit": make_vacancy(org, title="Koken in de buurtkeuken", tags=["koken"],
                            schedule=["mon_morning"]),
        "taalstage": make_vacancy(org, title="Taalstage in de tuin", tags=["tuin"],
                                  type=PlacementType.TAALSTAGE, schedule=["fri_morning"]),
        "wednesday": make_vacancy(org, title="Kinderclub op woensdagmiddag", tags=["kinderen"],
                                  schedule=["wed_afternoon"]),
        "language": make_vacancy(org, title="Receptie", schedule=["mon_afternoon"],
                                 lang_min_speaking="B1"),
        "far": make_vacancy(org, title="Keuken in Amsterdam", tags=["koken"], postcode="1011",
                            lat=52.37, lon=4.90, schedule=["mon_morning"]),
    }


def _page(client, person, **args) -> str:
    response = client.get(f"/koppelen/deelnemers/{person.id}", query_string=args)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _ranked_part(page: str) -> str:
    return page.split('class="kk-excluded"')[0]


def test_ranked_with_score_components_and_reasons_and_excluded_with_reasons(
    client, mother, region
) -> None:
    page = _page(client, mother)
    ranked, excluded = _ranked_part(page), page.split('class="kk-excluded"')[1]
    assert "Koken in de buurtkeuken" in ranked and "Taalstage in de tuin" in ranked
    assert ranked.index("Koken in de buurtkeuken") < ranked.index("Taalstage in de tuin")
    assert "Past bij interesse koken" in ranked
    assert f'<meter id="m-{region["fit"].id}-interest" min="0" max="1"' in ranked
    assert "%</strong>" in ranked
    assert "Kinderclub op woensdagmiddag" not in ranked
    assert "Plekken die niet passen (3)" in page
    assert "Kinderopvang: woensdagmiddag kinderen thuis, geen opvang" in excluded
    assert "Taal: spreken B1 gevraagd, deelnemer A1" in excluded
    assert "Afstand: " in excluded and "maximaal 10 km" in excluded


def test_type_filter_and_distance_filter(client, mother, region) -> None:
    page = _ranked_part(_page(client, mother, type="taalstage"))
    assert "Taalstage in de tuin" in page and "Koken in de buurtkeuken" not in page
    assert "1 passende plek<" in page
    assert _page(client, mother, max_km="2", type="vrijwilligerswerk").count("kk-match\"") == 1


def test_filtered_ranking_is_the_unfiltered_ranking_restricted(mother, db) -> None:
    rng = random.Random(7)
    org = make_organisation()
    for n in range(40):
        make_vacancy(
            org, title=f"Plek {n}", tags=[rng.choice(["koken", "tuin", "zorg", "winkel"])],
            type=rng.choice(list(PlacementType)), lat=51.84 + rng.uniform(-0.05, 0.05),
            lon=5.86 + rng.uniform(-0.05, 0.05),
            schedule=rng.sample(["mon_morning", "wed_morning", "fri_morning", "fri_afternoon"], 2),
            dayparts_needed=1,
        )
    everything = ranking.rank_for(mother, limit=100).ranked
    for kind in PlacementType:
        filters = ranking.MatchFilters(placement_type=kind)
        top = ranking.rank_for(mother, filters=filters, limit=3).ranked
        expected = [row.ref for row in everything if row.type == kind.value][:3]
        assert [row.ref for row in top] == expected
    near = ranking.rank_for(mother, filters=ranking.MatchFilters(max_km=3), limit=100).ranked
    assert [r.ref for r in near] == [
        r.ref for r in everything if r.distance_km is not None and r.distance_km <= 3
    ]


def test_weights_for_this_search_change_the_order(client, mother, region) -> None:
    weights = {f"w_{name}": "0" for name in ("interest", "distance", "schedule", "hours",
                                               "language", "route")}
    only_language = _ranked_part(_page(client, mother, **(weights | {"w_language": "100"})))
    # The taalstage helps an A1 speaker most on language; koken wins on interest.
    assert only_language.index("Taalstage in de tuin") < only_language.index("Koken in de buurt")
    assert 'id="w_language" name="w_language" min="0" max="100" step="5" value="100"' in (
        only_language
    )
    only_interest = _ranked_part(_page(client, mother, **(weights | {"w_interest": "100"})))
    assert only_interest.index("Koken in de buurt") < only_interest.index("Taalstage in de tuin")


def test_the_index_is_cached_and_refitted_when_vacancies_change(client, mother, region, app):
    first = index.vacancy_index()
    assert index.vacancy_index() is first  # warm: nothing refitted
    client.get(f"/koppelen/deelnemers/{mother.id}")
    assert index.vacancy_index() is first
    region["fit"].title = "Koken voor de buurtmaaltijd"
    region["taalstage"].status = VacancyStatus.CLOSED
    db_session = index.db.session
    db_session.commit()
    page = _ranked_part(_page(client, mother))
    assert "Koken voor de buurtmaaltijd" in page and "Taalstage in de tuin" not in page
    assert index.vacancy_index() is not first
    make_vacancy(region["fit"].organisation, title="Nieuwe kookplek", tags=["koken"],
                 schedule=["fri_morning"])
    assert "Nieuwe kookplek" in _ranked_part(_page(client, mother))


def test_shortlist_add_and_remove(client, mother, region, db) -> None:
    fit = region["fit"]
    url = f"/koppelen/deelnemers/{mother.id}/bewaren/{fit.id}"
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # twice changes nothing
    entries = db.scalars(select(ShortlistEntry)).all()
    assert [(e.participant_id, e.vacancy_id) for e in entries] == [(mother.id, fit.id)]
    assert "Niet meer bewaren" in _page(client, mother)
    assert client.post(url + "/verwijderen").status_code == 302
    assert db.scalars(select(ShortlistEntry)).all() == []


def test_without_consent_to_search_no_matches_are_shown(client, login, db, region) -> None:
    coach = make_user(Role.COACH)
    login(coach)
    person = make_participant(coach, consents=())
    page = _page(client, person)
    assert "Er is geen toestemming om passende plekken te zoeken." in page
    assert "Koken in de buurtkeuken" not in page


def test_only_the_case_owner(client, login, db, region) -> None:
    person = make_participant()
    login(make_user(Role.COACH))
    assert client.get(f"/koppelen/deelnemers/{person.id}").status_code == 404
    assert client.post(
        f"/koppelen/deelnemers/{person.id}/bewaren/{region['fit'].id}"
    ).status_code == 404


def test_organisations_have_no_matches_page(client, login, db, region) -> None:
    person = make_participant()
    login(make_user(Role.ORGANISATION, organisation=region["fit"].organisation))
    assert client.get(f"/koppelen/deelnemers/{person.id}").status_code == 403


def test_one_evaluation_gives_the_rows_totals_and_nearest_exclusions(
    mother, region, monkeypatch
) -> None:
    org = make_organisation()
    nowhere = make_vacancy(org, title="Ergens", schedule=["wed_afternoon"], postcode=None,
                           lat=None, lon=None)
    calls = []
    rank = matching.Ranker.rank

    def counted(self, *args, **kwargs):
        calls.append(kwargs.get("candidates"))
        return rank(self, *args, **kwargs)

    def refused(*args, **kwargs):
        raise AssertionError("the matches page evaluates every vacancy once, through rank()")

    monkeypatch.setattr(matching.Ranker, "rank", counted)
    monkeypatch.setattr(matching.Ranker, "score_row", refused)
    result = ranking.rank_for(mother, filters=ranking.MatchFilters(max_km=5), limit=1)
    assert len(calls) == 1 and calls[0] is not None
    assert [row.ref for row in result.ranked] == [region["fit"].ref]
    assert result.ranked_total == 2  # the fit and the taalstage; Amsterdam is filtered out
    # Excluded within the filters, nearest first; the unknown distance stays in, last.
    assert [row.ref for row in result.excluded] == [
        region["wednesday"].ref, region["language"].ref, nowhere.ref
    ]
    assert result.excluded_total == 3
    distances = [row.distance_km for row in result.excluded]
    assert distances[0] is not None and distances[0] <= distances[1] <= 5
    assert distances[2] is None
