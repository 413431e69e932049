"""Components, weights, Dutch reasons, interest similarity and constraint wording."""

from __future__ import annotations

import pytest

from matching import COMPONENTS, DEFAULT_WEIGHTS, Ranker, check, explain, resolve_weights
from matching.constraints import pair_distance_km
from matching.scoring import (
    distance_component,
    hours_component,
    language_component,
    route_component,
    schedule_component,
)
from matching.text import TAG_MATCH_CUTOFF, best_tag_match, term_similarity
from tests.matching.builders import make_participant, make_vacancy, north_of_home


@pytest.mark.parametrize(
    ("interest", "tag"),
    [("kok", "koken"), ("fietsen repareren", "fietsreparatie"), ("zorg", "ouderenzorg"),
     ("ouderen", "ouderenzorg"), ("tuin", "tuinieren"), ("Schoonmaak", "schoonmaken")],
)
def test_dutch_variants_and_compounds_match(interest: str, tag: str) -> None:
    assert term_similarity(interest, tag) >= TAG_MATCH_CUTOFF


@pytest.mark.parametrize(
    ("interest", "tag"),
    [("koken", "bakken"), ("kok", "kinderopvang"), ("tuin", "fietsen"), ("naaien", "techniek")],
)
def test_unrelated_terms_do_not_match(interest: str, tag: str) -> None:
    assert term_similarity(interest, tag) < TAG_MATCH_CUTOFF
    assert best_tag_match((interest,), (tag,)).score == 0.0


def test_default_weights_are_documented_and_sum_to_one() -> None:
    assert tuple(DEFAULT_WEIGHTS) == COMPONENTS
    assert sum(resolve_weights()) == pytest.approx(1.0)
    doubled = resolve_weights({name: 2 * w for name, w in DEFAULT_WEIGHTS.items()})
    assert doubled == pytest.approx(resolve_weights())
    with pytest.raises(ValueError, match="finite"):
        resolve_weights({"interest": -1})


def test_distance_component_is_one_next_door_half_at_the_limit_and_decreasing() -> None:
    person = make_participant(max_travel_km=10)
    vacancy = make_vacancy()
    values = [distance_component(person, vacancy, km) for km in (0.0, 2.0, 5.0, 10.0)]
    assert values[0] == 1.0 and values[-1] == 0.5
    assert values == sorted(values, reverse=True) and len(set(values)) == 4
    assert distance_component(person, make_vacancy(remote=True), 30.0) == 1.0
    assert distance_component(person, vacancy, None) == 0.5


def test_schedule_and_hours_components() -> None:
    person = make_participant(availability=["mon_morning", "tue_morning", "wed_morning"],
                              lessons=["tue_morning"], childcare_needed=["wed_morning"])
    plain = make_vacancy(schedule=["mon_morning", "tue_morning", "wed_morning"], dayparts_needed=1)
    cared = make_vacancy(schedule=["mon_morning", "tue_morning", "wed_morning"], dayparts_needed=1,
                         childcare={"offered": True})
    # Children at home are a hard constraint only: a schedule that still fits
    # loses nothing for them (issue 16), with or without care arranged.
    assert schedule_component(person, plain) == pytest.approx(2 / 3)
    assert schedule_component(person, cared) == pytest.approx(2 / 3)
    wants = make_participant(hours_per_week={"min": 10, "max": 20})
    assert hours_component(wants, make_vacancy(hours_per_week={"min": 8, "max": 16})) == 0.75
    assert hours_component(wants, make_vacancy(hours_per_week={"min": 12, "max": 12})) == 1.0


def test_language_fit_favours_taalrijk_support_and_taalstage_below_b1() -> None:
    a1 = make_participant(languages={"nl": {"speaking": "A1"}})
    b2 = make_participant(languages={"nl": {"speaking": "B2"}})
    bare = make_vacancy()
    rich = make_vacancy(language_rich=True, language_support=True)
    taalstage = make_vacancy(type="taalstage")
    assert language_component(a1, rich) > language_component(a1, bare)
    assert language_component(a1, taalstage) > language_component(a1, bare)
    assert language_component(b2, taalstage) < language_component(b2, bare)


def test_route_and_ladder_fit() -> None:
    z_route = make_participant(route="Z", ladder_step=1)
    b1_route = make_participant(route="B1", ladder_step=4)
    volunteering = make_vacancy(type="vrijwilligerswerk")
    work = make_vacancy(type="werkervaringsplaats")
    assert route_component(z_route, volunteering) == 1.0
    assert route_component(z_route, work) == 0.0
    assert route_component(b1_route, work) == 1.0
    mixed = make_participant(route="Z", ladder_step=3)
    assert route_component(mixed, work) == 0.5
    assert route_component(make_participant(route="onderwijs"), work) == 0.5


def test_reasons_are_short_dutch_sentences_a_coach_can_read_aloud() -> None:
    person = make_participant(interests=["koken"], max_travel_km=10, route="Z",
                              languages={"nl": {"speaking": "A2"}})
    vacancy = make_vacancy(tags=["kok", "horeca"], location=north_of_home(3.2),
                           language_support=True)
    match = Ranker().fit([vacancy]).rank(person).ranked[0]
    assert match.reasons == (
        "Past bij interesse koken: kok",
        "3,2 km, binnen 10 km",
        "Past in het rooster",
        "Hulp bij Nederlands op de werkvloer",
    )
    assert match.warnings == ()


def test_unknown_location_warns_and_gets_a_neutral_distance() -> None:
    person = make_participant()
    record_vacancy = make_vacancy(location=None)
    assert pair_distance_km(person, record_vacancy) is None
    match = Ranker().fit([record_vacancy]).rank(person).ranked[0]
    assert match.warnings == ("distance_unknown",)
    assert match.components["distance"] == 0.5
    remote = Ranker().fit([make_vacancy(id="v-r", location=None, remote=True)]).rank(person)
    assert remote.ranked[0].warnings == () and remote.ranked[0].components["distance"] == 1.0


@pytest.mark.parametrize(
    ("people", "vacancy", "expected"),
    [
        ({"languages": {"nl": {"speaking": "A1", "reading": "A0"}}},
         {"language_min": {"speaking": "B1", "reading": "A1"}},
         "Taal: spreken B1 gevraagd, deelnemer A1; lezen A1 gevraagd, deelnemer A0"),
        ({"max_travel_km": 5}, {"location": north_of_home(12.3)},
         "Afstand: 12,3 km, maximaal 5 km"),
        ({"availability": ["wed_afternoon"], "childcare_needed": ["wed_afternoon"]},
         {"schedule": ["wed_afternoon"]},
         "Kinderopvang: woensdagmiddag kinderen thuis, geen opvang"),
        ({"availability": ["tue_morning", "thu_morning"], "lessons": ["tue_morning",
                                                                      "thu_morning"]},
         {"schedule": ["tue_morning", "thu_morning"], "dayparts_needed": 1},
         "Rooster: 0 van 1 benodigde dagdelen vrij; les op dinsdagochtend en donderdagochtend"),
        ({"hours_per_week": {"min": 4, "max": 8}}, {"hours_per_week": {"min": 20, "max": 32}},
         "Uren: 20–32 uur per week gevraagd, deelnemer 4–8 uur"),
        ({"women_only": True}, {}, "Alleen vrouwen: deelnemer zoekt een plek met alleen vrouwen"),
        ({}, {"filled": 2}, "Vol: 2 van 2 plaatsen bezet"),
        ({}, {"status": "draft"}, "Niet gepubliceerd: status concept"),
        ({"max_physical_load": "light"}, {"physical_load": "heavy"},
         "Belasting: zwaar werk, deelnemer maximaal licht"),
    ],
)
def test_exclusions_are_explained_in_dutch(
    people: dict[str, object], vacancy: dict[str, object], expected: str
) -> None:
    person, place = make_participant(**people), make_vacancy(**vacancy)
    km = pair_distance_km(person, place)
    codes = check(person, place, km)
    assert len(codes) == 1
    assert [failure.explanation for failure in explain(person, place, codes, km)] == [expected]
