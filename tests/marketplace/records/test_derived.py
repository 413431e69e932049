"""Everything that lists a record's fields lists exactly the record's fields, with its
labels and limits: the forms, the API's request schemas and OpenAPI document, the flat
import/export columns and help, and the profile conversion."""

from __future__ import annotations

from typing import Any

import pytest

from marketplace.api.openapi import document
from marketplace.api.schemas import as_openapi, profile_request_schema
from marketplace.domain.records import MISSING, FieldSpec, Kind, Record, value_at
from marketplace.domain.records.participant import PARTICIPANT
from marketplace.domain.records.vacancy import VACANCY
from marketplace.models import Participant, Vacancy
from marketplace.participants.forms import IntakeForm
from marketplace.record_forms import RecordLimits
from marketplace.services.profiles import rows
from marketplace.services.vacancies.files import COLUMN_HELP
from marketplace.vacancies.forms import VacancyForm
from tests.builders import make_organisation, make_participant, make_user, make_vacancy

# Form fields that are not fields of the record: buttons, the CSRF token, and the
# intake's goals, consents, the helper of the childcare suggestion, and the responsible
# municipality (chosen once when the participant is created; a hand-over moves it).
NOT_RECORD_FIELDS = {"csrf_token", "submit", "save", "suggest", "goals", "care_arranged",
                     "consent_matching", "consent_matching_on", "consent_sharing",
                     "consent_sharing_on", "municipality"}
FORMS = [(VacancyForm, VACANCY, {spec.name for spec in VACANCY.fields if spec.editable}),
         (IntakeForm, PARTICIPANT, set(PARTICIPANT.names))]


@pytest.mark.parametrize(("form_class", "record", "expected"), FORMS, ids=["vacancy", "intake"])
def test_a_form_has_exactly_the_records_fields_with_its_labels_and_checks(
        app, form_class, record: Record, expected: set[str]) -> None:
    with app.test_request_context():
        form = form_class(meta={"csrf": False})
        fields = {name: field for name, field in form._fields.items()
                  if name not in NOT_RECORD_FIELDS}
        assert set(fields) == expected
        for name, field in fields.items():
            spec = record[name]
            assert str(field.label.text) == spec.label, name
            limits = [v for v in field.validators if isinstance(v, RecordLimits)]
            assert [v.spec for v in limits] == [spec], name


def _top_level_paths(record: Record) -> set[str]:
    return {(spec.profile_path or "").split(".")[0] for spec in record.in_profile()
            if spec.editable}


@pytest.mark.parametrize(("record", "api_only"), [(VACANCY, {"organisation"}),
                                                  (PARTICIPANT, {"consents"})],
                         ids=["vacancy", "participant"])
def test_the_api_takes_exactly_the_records_editable_profile_fields(record, api_only) -> None:
    schema = profile_request_schema(record.name, "create")
    assert set(schema["properties"]) == _top_level_paths(record) | api_only
    required = {spec.name for spec in record.in_profile() if spec.required}
    assert required <= set(schema["required"])


def _schema_at(schema: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """Every schema that applies at a dotted path (through allOf and properties)."""
    found = [schema]
    for part in path.split("."):
        nested = []
        for item in found:
            for branch in [item, *item.get("allOf", [])]:
                child = branch.get("properties", {}).get(part)
                if isinstance(child, dict):
                    nested.append(child)
        found = nested
    return [branch for item in found for branch in [item, *item.get("allOf", [])]]


def _keyword(schemas: list[dict[str, Any]], name: str) -> Any:
    values = [schema[name] for schema in schemas if name in schema]
    return values[-1] if values else None


@pytest.mark.parametrize("record", [VACANCY, PARTICIPANT], ids=["vacancy", "participant"])
@pytest.mark.parametrize("mode", ["create", "update"])
def test_the_api_schema_and_the_openapi_document_carry_the_records_limits(record, mode) -> None:
    schema = profile_request_schema(record.name, mode)
    name = f"{record.name.capitalize()}{mode.capitalize()}"
    assert document()["components"]["schemas"][name] == as_openapi(schema)
    for spec in record.in_profile():
        if not spec.editable:
            assert (spec.profile_path or "") not in schema["properties"]
            continue
        at = _schema_at(schema, spec.profile_path or "")
        assert at, spec.name
        _assert_limits(spec, at)


def _assert_limits(spec: FieldSpec, at: list[dict[str, Any]]) -> None:
    if spec.kind in (Kind.INTEGER, Kind.DECIMAL):
        assert _keyword(at, "maximum") == spec.maximum, spec.name
        assert _keyword(at, "minimum") == spec.minimum, spec.name
    elif spec.kind in (Kind.TEXT, Kind.EMAIL) and spec.max_length is not None:
        assert _keyword(at, "maxLength") == spec.max_length, spec.name
    elif spec.kind in (Kind.TAGS, Kind.LANGUAGES):
        assert _keyword(at, "maxItems") == spec.max_length, spec.name
    elif spec.kind == Kind.DAYPARTS and spec.at_least_one:
        assert _keyword(at, "minItems") == 1, spec.name
    elif spec.kind == Kind.CHOICE:
        allowed = {value for value in _keyword(at, "enum") if value is not None}
        assert allowed == {str(choice) for choice in spec.choices}, spec.name


def test_the_flat_columns_and_their_help_are_the_records() -> None:
    flat = [spec for spec in VACANCY.fields if spec.flat_column]
    assert rows.VACANCY_COLUMNS == ("id", "organisation", *(s.flat_column for s in flat))
    assert rows.REQUIRED_COLUMNS == ("organisation", *(s.flat_column for s in flat
                                                       if s.required))
    assert set(COLUMN_HELP) == set(rows.VACANCY_COLUMNS)
    for spec in flat:
        help_text = COLUMN_HELP[spec.flat_column or ""]
        assert help_text.startswith("Verplicht.") == spec.required, spec.name
        if spec.maximum is not None:
            assert f"tot en met {spec.maximum:g}" in help_text, spec.name
        if spec.kind == Kind.TEXT and spec.max_length is not None:
            assert f"Hoogstens {spec.max_length} tekens" in help_text, spec.name


def _leaf_paths(profile: dict[str, Any], prefix: str = "") -> set[str]:
    paths = set()
    for key, value in profile.items():
        if isinstance(value, dict) and value and key != "location":
            paths |= _leaf_paths(value, f"{prefix}{key}.")
        else:
            paths.add(prefix + key)
    return paths


FULL_VACANCY = dict(
    description="Koffie", tags=["koken"], postcode="6602 WE", remote=True,
    dayparts_needed=1, lang_min_speaking="A1", lang_min_listening="A2",
    lang_min_reading="B1", lang_min_writing="B2", language_rich=True, language_support=True,
    other_languages=["ar"], literacy_required=True, childcare_offered=True,
    children_welcome=True, women_only=True, duration_weeks=10, proefperiode_weeks=2,
    contact_person="Anouk", contact_email="a@b.nl", contact_phone="024", proposal_cap=4)


def test_the_vacancy_profile_holds_exactly_the_records_fields(db) -> None:
    vacancy = make_vacancy(make_organisation(), **FULL_VACANCY)
    profile = rows.vacancy_profile(vacancy)
    record_paths = {spec.profile_path for spec in VACANCY.in_profile()}
    assert _leaf_paths(profile) - {"id", "organisation", "location"} == record_paths
    fields = rows.vacancy_fields_from_profile(profile)
    for spec in VACANCY.in_profile():
        assert fields[spec.name] == getattr(vacancy, spec.name), spec.name


def test_the_participant_profiles_hold_exactly_the_records_fields(db) -> None:
    participant = make_participant(make_user(), pseudonym="Ster", gender="f", route="B1",
                                   postcode="6541 AB", interests=["koken"],
                                   experience="Kok", other_languages=["ar"],
                                   lessons=["mon_morning"], childcare_needed=["tue_morning"])
    profile = rows.participant_api_profile(participant)
    in_profile = {spec.profile_path for spec in PARTICIPANT.in_profile()}
    computed = {"id", "location", "ladder_step", "consents"}
    assert _leaf_paths(profile) - computed == in_profile
    fields = rows.participant_fields_from_api_profile(profile)
    for spec in PARTICIPANT.in_profile():
        assert value_at(profile, spec.profile_path or "") is not MISSING, spec.name
        assert fields[spec.name] == rows._plain(getattr(participant, spec.name)), spec.name


@pytest.mark.parametrize(("record", "model"), [(VACANCY, Vacancy), (PARTICIPANT, Participant)],
                         ids=["vacancy", "participant"])
def test_every_record_field_is_a_column_that_holds_its_longest_text(record, model) -> None:
    columns = model.__table__.columns
    for spec in record.fields:
        assert spec.name in columns, spec.name
        length = getattr(columns[spec.name].type, "length", None)
        if length is not None and spec.kind in (Kind.TEXT, Kind.EMAIL):
            assert spec.max_length is not None and spec.max_length <= length, spec.name
