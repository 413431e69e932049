"""The committed demo seed files: schema, counts, consistency, variety, determinism."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from seed_data import generate

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "seed_data"
SCHEMA_CANDIDATES = (ROOT / "matching" / "profiles.schema.json",
                     ROOT.parent / "shared" / "spec" / "profiles.schema.json")
MUNICIPALITY_PC4 = {
    "Wijchen": set(range(6600, 6635)),
    "Nijmegen": set(range(6500, 6547)),
    "Weert": set(range(6000, 6007)),
}
COACH_MUNICIPALITY = {"coach@demo.nl": "Nijmegen", "coach2@demo.nl": "Wijchen",
                      "coach3@demo.nl": "Nijmegen", "coach4@demo.nl": "Weert"}
VACANCY_FIELDS = {
    "id", "organisation", "type", "title", "description", "tags", "postcode", "remote",
    "schedule", "dayparts_needed", "hours_per_week", "capacity", "filled", "language_min",
    "language_rich", "language_support", "other_languages", "literacy_required", "childcare",
    "women_only", "physical_load", "duration_weeks", "status", "organisation_key",
    "contact_person",
}
PARTICIPANT_FIELDS = {
    "id", "postcode", "max_travel_km", "languages", "literate_latin", "route", "interests",
    "experience", "availability", "lessons", "childcare_needed", "hours_per_week", "gender",
    "women_only", "max_physical_load", "ladder_step", "first_name", "last_name", "pseudonym",
    "email", "phone", "coach", "status", "intake_date", "consent", "household",
    "home_languages", "health_notes", "goals", "measurements",
    "participation_route", "closed_on", "exit_reason",
}
ORGANISATION_FIELDS = {"key", "name", "kind", "municipality", "postcode", "description",
                       "email", "phone", "approval", "review_note", "managed_by"}
ZRM_DOMAINS = {"financien", "werk_opleiding", "tijdsbesteding", "huisvesting",
               "huiselijke_relaties", "geestelijke_gezondheid", "lichamelijke_gezondheid",
               "middelengebruik", "basale_adl", "instrumentele_adl", "sociaal_netwerk",
               "maatschappelijke_participatie", "justitie"}
TYPES = ("vrijwilligerswerk", "taalstage", "werkervaringsplaats")


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((SEED_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, Any]]:
    return _load("organisations.json")


@pytest.fixture(scope="module")
def vacancies() -> list[dict[str, Any]]:
    return _load("vacancies.json")


@pytest.fixture(scope="module")
def participants() -> list[dict[str, Any]]:
    return _load("participants.json")


def _validator(definition: str) -> Draft202012Validator:
    path = next(p for p in SCHEMA_CANDIDATES if p.exists())
    schema = json.loads(path.read_text(encoding="utf-8"))
    resource = Resource.from_contents(schema)
    registry = Registry().with_resource(uri="urn:koppelkans:profiles", resource=resource)
    return Draft202012Validator({"$ref": f"urn:koppelkans:profiles#/$defs/{definition}"},
                                registry=registry)


def _municipality_of(postcode: str) -> str | None:
    pc4 = int(postcode[:4])
    return next((m for m, codes in MUNICIPALITY_PC4.items() if pc4 in codes), None)


# --- schema and format -------------------------------------------------------------------


def test_vacancies_validate_against_schema(vacancies: list[dict[str, Any]]) -> None:
    validator = _validator("vacancy")
    errors = {v["id"]: [e.message for e in validator.iter_errors(v)] for v in vacancies}
    assert {k: e for k, e in errors.items() if e} == {}


def test_participants_validate_against_schema(participants: list[dict[str, Any]]) -> None:
    validator = _validator("participant")
    errors = {p["id"]: [e.message for e in validator.iter_errors(p)] for p in participants}
    assert {k: e for k, e in errors.items() if e} == {}


def test_schema_rejects_a_broken_vacancy(vacancies: list[dict[str, Any]]) -> None:
    broken = {**vacancies[0], "schedule": ["wednesday"]}
    assert not _validator("vacancy").is_valid(broken)


def test_every_field_is_present(organisations: list[dict[str, Any]],
                                vacancies: list[dict[str, Any]],
                                participants: list[dict[str, Any]]) -> None:
    assert all(set(o) == ORGANISATION_FIELDS for o in organisations)
    assert all(set(v) == VACANCY_FIELDS for v in vacancies)
    assert all(set(p) == PARTICIPANT_FIELDS for p in participants)


# --- counts and ids ----------------------------------------------------------------------


def test_counts(organisations: list[dict[str, Any]], vacancies: list[dict[str, Any]],
                participants: list[dict[str, Any]]) -> None:
    assert len(organisations) >= 25
    assert len(vacancies) >= 120
    assert len(participants) == 80
    types = Counter(v["type"] for v in vacancies)
    assert set(types) == set(TYPES)
    assert types["vrijwilligerswerk"] > types["taalstage"] > 0
    assert types["werkervaringsplaats"] >= 0.15 * len(vacancies)
    assert Counter(p["coach"] for p in participants) == {c: 20 for c in COACH_MUNICIPALITY}


def test_ids_unique_and_sorted(organisations: list[dict[str, Any]],
                               vacancies: list[dict[str, Any]],
                               participants: list[dict[str, Any]]) -> None:
    keys = [o["key"] for o in organisations]
    assert len(set(keys)) == len(keys)
    assert len({o["name"] for o in organisations}) == len(organisations)
    assert [v["id"] for v in vacancies] == [f"v-{i:03d}" for i in range(1, len(vacancies) + 1)]
    assert [p["id"] for p in participants] == [f"p-{i:03d}" for i in range(1, 81)]
    assert len({p["email"] for p in participants}) == 80
    pseudonyms = [p["pseudonym"] for p in participants if p["pseudonym"] is not None]
    assert 0 < len(pseudonyms) == len(set(pseudonyms))


# --- organisations -----------------------------------------------------------------------


def test_organisations(organisations: list[dict[str, Any]]) -> None:
    by_key = {o["key"]: o for o in organisations}
    centrales = {o["municipality"]: o["key"] for o in organisations
                 if o["kind"] == "vrijwilligerscentrale"}
    assert set(centrales) == set(MUNICIPALITY_PC4)
    assert sum(o["kind"] == "vrijwilligerscentrale" for o in organisations) == 3
    for o in organisations:
        assert o["municipality"] in MUNICIPALITY_PC4
        assert _municipality_of(o["postcode"]) == o["municipality"], o["key"]
        assert o["email"].startswith("info@") and o["email"].endswith(".example")
        assert o["managed_by"] in (None, centrales[o["municipality"]])
        if o["managed_by"]:
            assert by_key[o["managed_by"]]["kind"] == "vrijwilligerscentrale"
    managed = [o for o in organisations if o["kind"] != "vrijwilligerscentrale"]
    assert sum(o["managed_by"] is not None for o in managed) > 0.7 * len(managed)


def test_approval_states(organisations: list[dict[str, Any]]) -> None:
    approval = Counter(o["approval"] for o in organisations)
    assert approval["sent_back"] == 1 and 2 <= approval["review"] <= 3
    assert approval["approved"] == len(organisations) - approval["review"] - 1
    sent_back = next(o for o in organisations if o["approval"] == "sent_back")
    assert sent_back["review_note"]


def test_demo_account_organisations(organisations: list[dict[str, Any]]) -> None:
    first, second = organisations[:2]
    for o in (first, second):
        assert o["approval"] == "approved" and o["kind"] != "vrijwilligerscentrale"
    assert first["municipality"] != second["municipality"]


# --- vacancies ---------------------------------------------------------------------------


def test_vacancy_consistency(organisations: list[dict[str, Any]],
                             vacancies: list[dict[str, Any]]) -> None:
    by_key = {o["key"]: o for o in organisations}
    for v in vacancies:
        o = by_key[v["organisation_key"]]
        assert v["organisation"] == o["name"]
        assert _municipality_of(v["postcode"]) == o["municipality"], v["id"]
        assert v["hours_per_week"]["min"] <= v["hours_per_week"]["max"]
        assert v["dayparts_needed"] is None or v["dayparts_needed"] <= len(v["schedule"])
        assert 1 <= v["capacity"] <= 5 and 0 <= v["filled"] <= v["capacity"]
        assert v["contact_person"].endswith(")")
        if o["approval"] != "approved":
            assert v["status"] != "published"


def test_vacancy_type_defaults(vacancies: list[dict[str, Any]]) -> None:
    for v in vacancies:
        hours = v["hours_per_week"]
        if v["type"] == "werkervaringsplaats":
            assert v["duration_weeks"] == 15 and 16 <= hours["min"] <= hours["max"] <= 32
        elif v["type"] == "taalstage":
            assert v["language_rich"] and v["language_support"]
            assert 20 <= v["duration_weeks"] <= 40 and hours["max"] <= 12
            assert set(v["language_min"]) <= {"speaking"}


def test_demo_vacancies_present(vacancies: list[dict[str, Any]]) -> None:
    published = [v for v in vacancies if v["status"] == "published"]
    wednesday = [v for v in published if "wed_afternoon" in v["schedule"]]
    assert any(not v["childcare"]["offered"] and not v["childcare"]["children_welcome"]
               for v in wednesday)
    assert any(v["childcare"]["children_welcome"] for v in wednesday)
    assert any(v["language_min"].get("speaking") == "B1" for v in published)
    assert any(v["women_only"] for v in published)
    assert any(v["filled"] == v["capacity"] for v in published)
    assert any(v["remote"] for v in vacancies)
    assert Counter(v["status"] for v in vacancies).keys() == {"published", "draft", "review",
                                                              "closed"}


# --- participants ------------------------------------------------------------------------


def test_participant_consistency(participants: list[dict[str, Any]]) -> None:
    for p in participants:
        assert _municipality_of(p["postcode"]) == COACH_MUNICIPALITY[p["coach"]], p["id"]
        assert p["hours_per_week"]["min"] <= p["hours_per_week"]["max"]
        assert p["email"].endswith("@example.nl") and p["phone"].startswith("06-")
        assert p["status"] in {"intake", "active", "paused", "closed"}
        assert "2025-09-01" <= p["intake_date"] <= "2026-10-31"
        measurements = p["measurements"]
        assert measurements[0]["kind"] == "nulmeting"
        assert measurements[0]["date"] == p["intake_date"]
        assert p["ladder_step"] == measurements[-1]["ladder_step"]
        for m in measurements:
            assert set(m["zrm"]) == ZRM_DOMAINS
            assert all(1 <= score <= 5 for score in m["zrm"].values())
        assert [m["date"] for m in measurements] == sorted(m["date"] for m in measurements)


def test_no_bsn_anywhere(organisations: list[dict[str, Any]], vacancies: list[dict[str, Any]],
                         participants: list[dict[str, Any]]) -> None:
    text = json.dumps([organisations, vacancies, participants]).lower()
    assert "bsn" not in text


def test_participant_variety(participants: list[dict[str, Any]]) -> None:
    assert sum(not p["literate_latin"] for p in participants) >= 10
    assert sum(bool(p["childcare_needed"]) for p in participants) >= 30
    assert len({p["languages"]["nl"]["speaking"] for p in participants}) >= 3
    assert 0.6 <= sum(p["gender"] == "f" for p in participants) / 80 <= 0.8
    assert {p["route"] for p in participants} == {"B1", "onderwijs", "Z", None}
    assert sum(p["women_only"] for p in participants) >= 2
    assert {p["status"] for p in participants} == {"intake", "active", "paused", "closed"}
    kinds = Counter(m["kind"] for p in participants for m in p["measurements"])
    assert kinds["nulmeting"] == 80 and kinds["tussenmeting"] >= 30 and kinds["eindmeting"] >= 2
    with_children = sum(bool(p["household"]["children_ages"]) for p in participants)
    assert 0.55 <= with_children / 80 <= 0.8


def test_main_scenario_mother(participants: list[dict[str, Any]]) -> None:
    p = participants[0]
    assert p["id"] == "p-001" and p["coach"] == "coach@demo.nl" and p["gender"] == "f"
    assert set(p["languages"]["nl"].values()) == {"A1"} and len(p["languages"]["nl"]) == 4
    assert p["lessons"] == ["tue_morning", "thu_morning"]
    assert p["childcare_needed"] == ["wed_afternoon"]
    assert "wed_afternoon" in p["availability"]
    assert {"koken", "kinderen"} <= set(p["interests"])
    assert p["consent"]["matching"] and p["consent"]["sharing"]
    assert p["household"]["children_ages"] and p["status"] == "active"


# --- determinism -------------------------------------------------------------------------


def test_generator_reproduces_committed_files() -> None:
    built = generate.build()
    for name, records in zip(generate.FILES, built, strict=True):
        committed = (SEED_DIR / name).read_text(encoding="utf-8")
        assert generate.dumps(records) == committed, name
    assert generate.build() == built


def test_closed_people_have_an_exit_and_only_they(participants: list[dict[str, Any]]) -> None:
    for person in participants:
        closed = person["status"] == "closed"
        assert (person["exit_reason"] is not None) == closed, person["id"]
        assert (person["closed_on"] is not None) == closed, person["id"]
        if closed:
            assert person["closed_on"] > person["intake_date"]
