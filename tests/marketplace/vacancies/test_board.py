"""The vacancy board: filters as GET parameters, postcode and radius sorted by distance,
pages, empty states; the same answers with and without the numpy path."""

from __future__ import annotations

import math
import re

import pytest

from marketplace.domain.vocabulary import Role, VacancyStatus
from marketplace.services.vacancies.board import BoardFilters, board
from matching.geo import EARTH_RADIUS_KM, haversine_km, lookup_postcode
from tests.builders import make_organisation, make_user, make_vacancy


def at(postcode: str) -> dict:
    point = lookup_postcode(postcode)
    assert point is not None
    return {"postcode": postcode, "lat": point.lat, "lon": point.lon}


def titles(page: str) -> list[str]:
    return re.findall(r'<a class="utrecht-link" href="/vacatures/\d+">([^<]+)</a>', page)


@pytest.fixture()
def coach(client, login):
    return login(make_user(Role.COACH))


def test_radius_search_sorts_by_distance_and_shows_km_with_a_comma(db, client, login) -> None:
    organisation = make_organisation()
    make_vacancy(organisation, title="Ver weg", **at("5211"))  # 's-Hertogenbosch, ~41 km
    make_vacancy(organisation, title="Weert", **at("6001"))  # ~67 km
    make_vacancy(organisation, title="Dichtbij", **at("6511"))  # Nijmegen centrum
    make_vacancy(organisation, title="In Wijchen", **at("6601"))
    make_vacancy(organisation, title="Op afstand", remote=True, lat=None, lon=None, postcode=None)
    make_vacancy(organisation, title="Onbekende plek", lat=None, lon=None, postcode=None)
    login(make_user(Role.COACH))
    page = client.get("/vacatures/?postcode=6512&radius=15").get_data(as_text=True)
    assert titles(page) == ["Dichtbij", "In Wijchen", "Op afstand"]
    assert re.search(r"<td class=\"utrecht-table__cell\">\d+,\d km</td>", page)
    assert "3 vacatures binnen 15 km van 6512." in page
    wide = client.get("/vacatures/?postcode=6512&radius=50").get_data(as_text=True)
    assert titles(wide) == ["Dichtbij", "In Wijchen", "Ver weg", "Op afstand"]


def test_invalid_postcode_says_so_and_does_not_filter(db, client, coach) -> None:
    make_vacancy(title="Ergens")
    bad = client.get("/vacatures/?postcode=99").get_data(as_text=True)
    assert "Vul een Nederlandse postcode in" in bad and "Ergens" in bad


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=taalstage", {"Taalstage"}),
        ("tags=tuin", {"Tuin"}),
        ("tags=tuin,+koken", {"Tuin", "Keuken", "Taalstage"}),
        ("level=A1", {"Tuin", "Vrouwengroep", "Vol"}),
        ("childcare=y", {"Vrouwengroep"}),
        ("women_only=y", {"Vrouwengroep"}),
        ("open_only=y", {"Tuin", "Keuken", "Taalstage", "Vrouwengroep"}),
        ("dayparts=mon_morning&dayparts=wed_afternoon", {"Keuken", "Vol"}),
        ("dayparts=sat_morning", {"Tuin"}),
        ("q=keuk", {"Keuken"}),
    ],
)
def test_each_filter(db, client, coach, query: str, expected: set[str]) -> None:
    organisation = make_organisation()
    make_vacancy(organisation, title="Tuin", tags=["tuin"], schedule=["sat_morning", "sun_morning"],
                 dayparts_needed=1)
    make_vacancy(organisation, title="Keuken", tags=["koken"], lang_min_speaking="A2")
    make_vacancy(organisation, title="Taalstage", type="taalstage", tags=["koken", "taal"],
                 lang_min_reading="B1", schedule=["tue_morning"])
    make_vacancy(organisation, title="Vrouwengroep", women_only=True, children_welcome=True,
                 tags=["naaien"], schedule=["thu_morning"])
    make_vacancy(organisation, title="Vol", capacity=1, filled=1, tags=[])
    make_vacancy(organisation, title="Concept", status=VacancyStatus.DRAFT, tags=["tuin"])
    page = client.get(f"/vacatures/?{query}").get_data(as_text=True)
    assert set(titles(page)) == expected


def test_radius_and_filters_combine_and_page(db, client, coach) -> None:
    organisation = make_organisation()
    for number in range(25):
        make_vacancy(organisation, title=f"Plek {number:02d}", tags=["koken"], **at("6511"))
    make_vacancy(organisation, title="Andere tag", tags=["tuin"], **at("6511"))
    first = client.get("/vacatures/?postcode=6511&radius=5&tags=koken").get_data(as_text=True)
    second = client.get("/vacatures/?postcode=6511&radius=5&tags=koken&page=2").get_data(
        as_text=True)
    assert len(titles(first)) == 20 and len(titles(second)) == 5
    assert "Andere tag" not in first + second
    assert "Pagina 2 van 2" in second and "postcode=6511" in second  # filters kept in links


def test_empty_state(db, client, coach) -> None:
    page = client.get("/vacatures/?type=werkervaringsplaats").get_data(as_text=True)
    assert "Er zijn geen vacatures die bij deze filters passen." in page


def test_filter_form_is_labelled_and_shareable(db, client, coach) -> None:
    page = client.get("/vacatures/?postcode=6511&radius=25&childcare=y").get_data(as_text=True)
    assert '<form method="get"' in page and 'role="search"' in page
    for field in ("q", "type", "tags", "level", "postcode", "radius", "childcare"):
        assert f'for="{field}"' in page
    assert '<option selected value="25">' in page
    assert 'checked class="utrecht-checkbox' in page or "checked" in page


def test_python_path_agrees_with_sql_path(db) -> None:
    organisation = make_organisation()
    for number in range(30):
        make_vacancy(organisation, title=f"V{number:02d}", schedule=["mon_morning"],
                     tags=["koken"] if number % 2 else ["tuin"])
    coach = make_user(Role.COACH)
    plain = board(coach, BoardFilters(tags=("koken",)), per_page=50).page
    every = tuple(f"{d}_{p}" for d in ("mon", "tue") for p in ("morning", "afternoon"))
    viaq = board(coach, BoardFilters(tags=("koken",), dayparts=every), per_page=50).page
    assert [i.vacancy.id for i in plain.items] == [i.vacancy.id for i in viaq.items]
    assert plain.total == viaq.total == 15


def test_unicode_tag_filter(db) -> None:
    make_vacancy(title="Café", tags=["café"])
    make_vacancy(title="Cafe", tags=["cafe"])
    coach = make_user(Role.COACH)
    found = board(coach, BoardFilters(tags=("café",))).page.items
    assert [item.vacancy.title for item in found] == ["Café"]


def test_organisation_board_shows_own_vacancies_with_status(db, client, login) -> None:
    organisation = make_organisation()
    make_vacancy(organisation, title="Eigen concept", status=VacancyStatus.DRAFT)
    make_vacancy(title="Van een ander")
    login(make_user(Role.ORGANISATION, organisation=organisation))
    page = client.get("/vacatures/").get_data(as_text=True)
    assert titles(page) == ["Eigen concept"] and "Concept" in page
    assert titles(client.get("/vacatures/?status=published").get_data(as_text=True)) == []


def test_pages_by_distance_keep_ties_in_the_list_order(db) -> None:
    """Only the tied candidates around a page are sorted by the list's order (title, or
    the reader's choice); every page together must still be the whole order: nearest
    first, equal distances by that order, remote places last."""
    organisation = make_organisation()
    shuffled = [7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4]
    for number in shuffled:  # three places, four vacancies each, titles out of order
        postcode = ("6511", "6601", "6541")[number % 3]
        make_vacancy(organisation, title=f"Plek {number:02d}", capacity=1 + number,
                     **at(postcode))
    for number in (3, 1, 2):
        make_vacancy(organisation, title=f"Op afstand {number}", remote=True, lat=None,
                     lon=None, postcode=None)
    coach = make_user(Role.COACH)

    def every_page(filters: BoardFilters) -> list[tuple[float | None, str]]:
        found, page = [], 1
        while True:
            result = board(coach, filters, page=page, per_page=5).page
            found += [(i.distance_km, i.vacancy.title) for i in result.items]
            if page * 5 >= result.total:
                return found
            page += 1

    by_title = every_page(BoardFilters(postcode="6511", radius_km=25))
    near = [(d, t) for d, t in by_title if d is not None]
    assert len(near) == 12 and near == sorted(near)  # by distance, then title
    assert len({d for d, _ in near}) == 3  # so ties cross the pages of five
    assert [t for d, t in by_title if d is None] == ["Op afstand 1", "Op afstand 2",
                                                    "Op afstand 3"]
    by_places = every_page(BoardFilters(postcode="6511", radius_km=25, sort=("plekken", True)))
    assert [d for d, _ in by_places] == [d for d, _ in by_title]
    ties = [t for d, t in by_places if d == near[0][0]]
    assert ties == ["Plek 09", "Plek 06", "Plek 03", "Plek 00"]  # most places first


def test_places_just_inside_the_radius_are_found_in_every_direction(db) -> None:
    """The bounding box must hold the whole circle: a box of 111.32 km a degree left out
    a place 9.995 km due north of a 10 km search."""
    origin = lookup_postcode("6511")
    assert origin is not None
    angle_north = math.degrees(9.995 / EARTH_RADIUS_KM)
    east = math.degrees(2 * math.asin(math.sin(9.995 / (2 * EARTH_RADIUS_KM))
                                      / math.cos(math.radians(origin.lat))))
    organisation = make_organisation()
    places = {"Noord": (origin.lat + angle_north, origin.lon),
              "Zuid": (origin.lat - angle_north, origin.lon),
              "Oost": (origin.lat, origin.lon + east), "West": (origin.lat, origin.lon - east),
              "Net buiten": (origin.lat + math.degrees(10.01 / EARTH_RADIUS_KM), origin.lon)}
    for title, (lat, lon) in places.items():
        assert abs(haversine_km(origin.lat, origin.lon, lat, lon) - 9.995) < 0.02
        make_vacancy(organisation, title=title, postcode=None, lat=lat, lon=lon)
    found = board(make_user(Role.COACH), BoardFilters(postcode="6511", radius_km=10)).page
    assert {item.vacancy.title for item in found.items} == {"Noord", "Zuid", "Oost", "West"}
