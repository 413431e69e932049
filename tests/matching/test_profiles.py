"""Loading and validating profiles against the contract."""

from __future__ import annotations

from typing import Any

import pytest

from matching import Location, ProfileError, load_participants, load_vacancies, read_json
from matching.geo import GeoPoint
from matching.profiles import _reject_constant
from tests.matching.builders import participant_record, vacancy_record


def problems_of(loader: Any, data: Any) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        loader(data)
    return caught.value.lines()


@pytest.mark.parametrize(
    ("overrides", "line"),
    [
        ({"schedule": ["wed_middag"]},
         'vacancies[1] (id v-7): field "schedule": '
         "'wed_middag' is not a valid daypart (e.g. wed_afternoon)"),
        ({"postcode": "66011"},
         'vacancies[1] (id v-7): field "postcode": '
         "'66011' is not a valid Dutch postcode (1234 or 1234 AB)"),
        ({"type": "stage"},
         'vacancies[1] (id v-7): field "type": '
         "'stage' is not one of: vrijwilligerswerk, taalstage, werkervaringsplaats"),
        ({"capacity": "2"},
         'vacancies[1] (id v-7): field "capacity": expected an integer, got a string'),
        ({"capacity": 0},
         'vacancies[1] (id v-7): field "capacity": 0 is below the minimum 1'),
        ({"language_min": {"speaking": "B3"}},
         'vacancies[1] (id v-7): field "language_min.speaking": '
         "'B3' is not a valid CEFR level (A0 to C2)"),
        ({"hours_per_week": {"min": 20, "max": 10}},
         'vacancies[1] (id v-7): field "hours_per_week": min 20 is above max 10'),
        ({"schedule": ["mon_morning"], "dayparts_needed": 2},
         'vacancies[1] (id v-7): field "dayparts_needed": '
         "2 is more than the 1 dayparts in schedule"),
        ({"title": ""}, 'vacancies[1] (id v-7): field "title": must not be empty'),
        ({"language_min": {"spelling": "A1"}},
         'vacancies[1] (id v-7): field "language_min": unknown key \'spelling\' '
         "(allowed: speaking, listening, reading, writing)"),
    ],
)
def test_each_vacancy_problem_names_record_and_field(overrides: dict[str, Any], line: str) -> None:
    data = [vacancy_record(id="v-1"), vacancy_record(id="v-7", **overrides)]
    assert problems_of(load_vacancies, data) == [line]


def test_every_problem_of_every_record_is_reported_at_once() -> None:
    bad = vacancy_record(id="v-2", schedule=["mon_morning", "maandag"], status="open")
    del bad["title"]
    lines = problems_of(load_vacancies, [vacancy_record(), bad, vacancy_record(), "nonsense"])
    assert lines == [
        "vacancies[1] (id v-2): field \"schedule\": 'maandag' is not a valid daypart "
        "(e.g. wed_afternoon)",
        "vacancies[1] (id v-2): field \"status\": 'open' is not one of: "
        "draft, review, published, closed",
        'vacancies[1] (id v-2): field "title": is required',
        'vacancies[2] (id v-1): field "id": duplicate id, also used by vacancies[0] (id v-1)',
        "vacancies[3]: expected an object, got a string",
    ]


def test_participant_problems_name_the_single_record_or_its_index() -> None:
    one = participant_record(availability=["mon_morning", "mon_morning"])
    assert problems_of(load_participants, one) == [
        'participant (id p-1): field "availability": contains the same value twice'
    ]
    many = [participant_record(), participant_record(id="p-2", max_travel_km=0,
                                                     hours_per_week={"min": 9, "max": 4})]
    assert problems_of(load_participants, many) == [
        'participants[1] (id p-2): field "max_travel_km": 0 is not above 0',
    ]
    many[1]["max_travel_km"] = 3
    assert problems_of(load_participants, many) == [
        'participants[1] (id p-2): field "hours_per_week": min 9 is above max 4',
    ]
    assert problems_of(load_vacancies, {"id": "v-1"}) == [
        "vacancies: expected a list, got an object"
    ]


def test_conversion_fills_in_the_contract_defaults() -> None:
    record = {"id": "v-1", "type": "taalstage", "title": "Keuken", "schedule": ["mon_morning"],
              "capacity": 1, "language_min": {"speaking": "A2"}}
    vacancy = load_vacancies([record])[0]
    assert (vacancy.status, vacancy.filled, vacancy.physical_load) == (None, 0, 0)
    assert vacancy.language_min == (2, 0, 0, 0)
    assert vacancy.location is None and vacancy.needed == 1
    person = load_participants({"id": "p-1", "availability": ["mon_morning"],
                                "languages": {"nl": {"reading": "B1"}}})[0]
    assert person.nl_levels == (0, 0, 3, 0)  # missing skills count as A0
    assert person.literate_latin is False and person.max_physical_load == 2
    assert person.max_travel_km is None and person.hours is None


def test_location_wins_over_postcode_and_postcodes_resolve_once_normalised() -> None:
    asked: list[str] = []

    def geocode(postcode: str) -> GeoPoint | None:
        asked.append(postcode)
        return GeoPoint(51.0, 5.0, "postcode") if postcode.startswith("6601") else None

    data = [
        participant_record(id="a", postcode="6601ab", location=None),
        participant_record(id="b", postcode="6601 AB", location={"lat": 52.0, "lon": 6.0}),
        participant_record(id="c", postcode="1234", location=None),
        participant_record(id="d", postcode="6601AB", location=None),
    ]
    for record in data:
        if record.get("location") is None:
            record.pop("location", None)
    a, b, c, d = load_participants(data, geocode=geocode)
    assert a.location == Location(51.0, 5.0, "postcode") == d.location
    assert b.location == Location(52.0, 6.0, "given") and b.location_given
    assert c.location is None
    assert asked == ["6601 AB", "1234"]


def test_default_geocoder_is_the_embedded_table() -> None:
    record = vacancy_record(postcode="6601 AB")
    del record["location"]
    vacancy = load_vacancies([record])[0]
    assert vacancy.location is not None
    assert 51.5 < vacancy.location.lat < 52.1 and 5.5 < vacancy.location.lon < 6.0


def test_read_json_reports_a_file_that_is_not_utf8_as_before(tmp_path: Any) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'["caf\xe9"]')
    with pytest.raises(UnicodeDecodeError) as plain:
        path.read_text(encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        read_json(path)
    assert raised.value.lines() == [f"{path}: cannot read file: {plain.value}"]


def test_every_field_of_a_full_record_lands_where_it_belongs() -> None:
    """The loaders build the dataclasses positionally: each field checked by name
    (neighbouring flags differ, so two swapped fields would show)."""
    from matching.types import Hours, Participant, Vacancy

    vacancy = load_vacancies([{
        "id": "v-1", "organisation": "Org", "type": "taalstage", "title": "Kok",
        "description": "Koken.", "tags": ["koken"], "location": {"lat": 51.8, "lon": 5.9},
        "remote": True, "schedule": ["mon_morning", "tue_morning"], "dayparts_needed": 1,
        "hours_per_week": {"min": 4, "max": 8}, "capacity": 3, "filled": 1,
        "language_min": {"speaking": "A2", "writing": "B1"}, "language_rich": False,
        "language_support": True, "other_languages": ["ar"], "literacy_required": False,
        "childcare": {"offered": False, "children_welcome": True}, "women_only": True,
        "physical_load": "heavy", "duration_weeks": 6, "status": "published",
    }])[0]
    assert vacancy == Vacancy(
        id="v-1", type="taalstage", title="Kok", schedule=("mon_morning", "tue_morning"),
        capacity=3, organisation="Org", description="Koken.", tags=("koken",),
        location=Location(51.8, 5.9, "given"), location_given=True, remote=True,
        dayparts_needed=1, hours=Hours(4, 8), filled=1, language_min=(2, 0, 0, 3),
        language_rich=False, language_support=True, other_languages=frozenset({"ar"}),
        literacy_required=False, childcare_offered=False, children_welcome=True,
        women_only=True, physical_load=2, duration_weeks=6, status="published")
    person = load_participants({
        "id": "p-1", "location": {"lat": 51.8, "lon": 5.9}, "max_travel_km": 10,
        "languages": {"nl": {"listening": "B2"}, "other": ["ar", "en"]},
        "literate_latin": True, "route": "Z", "interests": ["koken"], "experience": "Kok",
        "availability": ["mon_morning", "tue_morning"], "lessons": ["tue_morning"],
        "childcare_needed": ["mon_morning"], "hours_per_week": {"min": 4, "max": 12},
        "gender": "f", "women_only": False, "max_physical_load": "medium", "ladder_step": 3,
    })[0]
    assert person == Participant(
        id="p-1", availability=frozenset({"mon_morning", "tue_morning"}),
        location=Location(51.8, 5.9, "given"), location_given=True, max_travel_km=10.0,
        nl_levels=(0, 4, 0, 0), other_languages=frozenset({"ar", "en"}), literate_latin=True,
        route="Z", interests=("koken",), experience="Kok", lessons=frozenset({"tue_morning"}),
        childcare_needed=frozenset({"mon_morning"}), hours=Hours(4, 12), gender="f",
        women_only=False, max_physical_load=1, ladder_step=3)


def test_read_json_reports_unreadable_and_invalid_files(tmp_path: Any) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(ProfileError, match="missing.json: cannot read file"):
        read_json(missing)
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    with pytest.raises(ProfileError, match="broken.json: not valid JSON"):
        read_json(broken)
    nan = tmp_path / "nan.json"
    nan.write_text('{"lat": NaN}', encoding="utf-8")
    with pytest.raises(ProfileError, match="NaN is not allowed"):
        read_json(nan)


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}', "123456789012345678901234567890", "-0", "[-0.0, 1e-400, 1E2, 0.1e1]",
    '["\\u00e9", "\\ud800", "é"]', "[1e400]", ' [1] ', '{"x": [true, false, null]}',
    '{\r\n"a": 1\r\n}',
])
def test_read_json_gives_what_json_gives(tmp_path: Any, text: str) -> None:
    """The fast parser's values are json's, also where only json accepts the text."""
    import json

    path = tmp_path / "data.json"
    path.write_text(text, encoding="utf-8")
    assert repr(read_json(path)) == repr(json.loads(text))  # repr: -0.0, int or float


@pytest.mark.parametrize("text", [
    '{"id": ', "[1,]", '{"a": 1}x', "", '"a\tb"', "\ufeff[1]", "[NaN]", "-Infinity",
    '["a\rb"]',
])
def test_read_json_words_every_error_as_json_does(tmp_path: Any, text: str) -> None:
    import json

    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        read_json(path)
    with pytest.raises(ValueError) as plain:
        json.loads(text, parse_constant=_reject_constant)
    assert raised.value.lines() == [f"{path}: not valid JSON: {plain.value}"]


def test_the_packaged_schema_is_the_contract() -> None:
    from pathlib import Path

    from matching.profiles import schema

    shared = Path(__file__).resolve().parents[3] / "shared" / "spec" / "profiles.schema.json"
    if not shared.exists():
        pytest.skip("the shared contract is not next to this checkout")
    import json

    assert schema() == json.loads(shared.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("overrides", "line"),
    [
        # Python's "$" also matches before a final newline; the contract's does not.
        ({"postcode": "6601AB\n"},
         'vacancies[0] (id v-1): field "postcode": '
         "'6601AB\\n' is not a valid Dutch postcode (1234 or 1234 AB)"),
        ({"other_languages": ["ar\n"]},
         'vacancies[0] (id v-1): field "other_languages": '
         "'ar\\n' is not a two-letter ISO 639-1 language code"),
    ],
)
def test_a_trailing_newline_is_not_part_of_a_valid_code(
    overrides: dict[str, Any], line: str
) -> None:
    assert problems_of(load_vacancies, [vacancy_record(id="v-1", **overrides)]) == [line]


_PLAINLY_VALID: list[dict[str, Any]] = [{}, {"capacity": 1.0}, {"postcode": "6601 ab"}]
_EDGE_CASES: list[dict[str, Any]] = [
    *_PLAINLY_VALID,
    {"schedule": ("mon_morning",)},
    {"hours_per_week": {"min": float("nan"), "max": 3}},
    {"location": {"lat": float("inf"), "lon": 5.0}},
    {"capacity": True},
    {"capacity": 10**30},
    {"schedule": ["mon_morning", "mon_morning"]},
    {"tags": [1, True]},
    {"tags": {"koken"}},
    {"title": b"Kok"},
    {"postcode": "6601AB\n"},
    {"other_languages": ["nl\n"]},
    {"language_min": {"speaking": "B1", "spelling": "A1"}},
    {"status": None},
    {"dayparts_needed": None},
    {"childcare": {"offered": 1}},
]


@pytest.mark.parametrize("overrides", _EDGE_CASES)
def test_the_compiled_check_never_passes_what_the_detailed_one_rejects(
    overrides: dict[str, Any],
) -> None:
    from matching.profiles import _surely_valid, _validator

    record = vacancy_record(id="v-1", **overrides)
    detailed_valid = not list(_validator("vacancy").iter_errors(record))
    # Passing the compiled check skips the detailed one, so the two must agree there;
    # a failure only costs time (the detailed checker then explains, or accepts).
    if _surely_valid("vacancy", [record]):
        assert detailed_valid
    if any(overrides is plain for plain in _PLAINLY_VALID):
        assert _surely_valid("vacancy", [record]) and detailed_valid
