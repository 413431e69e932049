"""Loading and validating profiles (``spec/PROFILES.md``) into typed dataclasses.

Validation runs over every record before anything is converted, so a file with
problems is never half processed: :class:`ProfileError` carries one
:class:`Problem` per problem, each naming the record and the field. Postcodes
are resolved to coordinates here, once, through an injectable ``geocode``.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs
import msgspec.json

from matching.geo import GeoPoint, lookup_postcode, normalise_postcode
from matching.types import (
    CEFR_LEVELS,
    DAYPARTS,
    LOADS,
    SKILLS,
    Hours,
    Location,
    Participant,
    Vacancy,
)

if TYPE_CHECKING:  # jsonschema itself is imported only to explain a failure
    from jsonschema.exceptions import ValidationError

__all__ = [
    "Geocoder",
    "Problem",
    "ProfileError",
    "convert_vacancies",
    "load_participants",
    "load_vacancies",
    "parse_json",
    "participant_from_dict",
    "read_bytes",
    "read_json",
    "schema",
    "vacancy_from_dict",
    "validate",
]

#: Resolves a normalised postcode to a point, or None when it is unknown.
Geocoder = Callable[[str], GeoPoint | None]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in the input, naming the record and the field.

    Examples
    --------
    >>> str(Problem("vacancies[3] (id v-7)", "schedule", "'x' is not a valid daypart"))
    'vacancies[3] (id v-7): field "schedule": \\'x\\' is not a valid daypart'
    """

    record: str
    field: str
    message: str

    def __str__(self) -> str:
        if self.field:
            return f'{self.record}: field "{self.field}": {self.message}'
        return f"{self.record}: {self.message}"


class ProfileError(ValueError):
    """Input that does not satisfy the contract; holds every problem found.

    Examples
    --------
    >>> error = ProfileError([Problem("P.json", "", "not valid JSON")])
    >>> error.lines()
    ['P.json: not valid JSON']
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Return one line per problem."""
        return [str(problem) for problem in self.problems]


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """Return the contract's JSON Schema, shipped inside the package.

    Examples
    --------
    >>> sorted(schema()["$defs"])[:3]
    ['cefr', 'daypart', 'dayparts']
    """
    text = resources.files("matching").joinpath("profiles.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# A JSON Schema pattern is an ECMA-262 regex, where ``$`` matches only at the very
# end; Python's ``$`` also matches before a final newline, which let "6601AB\n"
# through. The detailed checker reads an unescaped ``$`` as ``\Z`` (none of our
# patterns has one inside a character class), as the compiled validator does.
_DOLLAR = re.compile(r"(?<!\\)\$")


@lru_cache(maxsize=32)
def _ecma_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern_keyword(
    validator: Any, pattern: str, instance: Any, _schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_array(_checker: Any, instance: Any) -> bool:
    # The compiled validator takes a tuple for a JSON array; so does the detailed one,
    # or a tuple would pass the first and fail the second.
    return isinstance(instance, list | tuple)


@lru_cache(maxsize=2)
def _validator(kind: str) -> Any:
    """The detailed checker: slow, but it names every problem (see :func:`_describe`)."""
    from jsonschema import Draft202012Validator, validators

    detailed = validators.extend(
        Draft202012Validator,
        validators={"pattern": _pattern_keyword},
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("array", _is_array),
    )
    return detailed({**schema(), "$ref": f"#/$defs/{kind}"})


@lru_cache(maxsize=2)
def _fast_list_validator(kind: str) -> Any:
    """A compiled check of a whole list of records: valid or not, nothing more.

    jsonschema-rs checks 10k vacancies in about 12 ms, against about 4 s for the
    detailed checker record by record (bench/bench_validators.py; fastjsonschema
    took 130 ms, msgspec 54 ms but needs the schema written again as types).
    """
    return jsonschema_rs.Draft202012Validator(
        {**schema(), "type": "array", "items": {"$ref": f"#/$defs/{kind}"}}
    )


def _surely_valid(kind: str, records: Sequence[Any]) -> bool:
    """True when the compiled validator accepts every record; False means "look closer"."""
    try:
        return bool(_fast_list_validator(kind).is_valid(records))
    except ValueError:  # not JSON-shaped (a set, bytes, ...): the detailed checker says why
        return False


def read_json(path: str | Path) -> Any:
    """Read a JSON file, turning an unreadable file or bad JSON into :class:`ProfileError`.

    Examples
    --------
    >>> read_json("/nonexistent.json")
    Traceback (most recent call last):
    ...
    matching.profiles.ProfileError: /nonexistent.json: cannot read file: No such file or directory
    """
    return parse_json(read_bytes(path), path)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, read once; an unreadable file as :class:`ProfileError`."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ProfileError([Problem(str(path), "", f"cannot read file: {reason}")]) from None


def parse_json(data: bytes, path: str | Path) -> Any:
    """The JSON value of ``data``, the bytes of the file ``path`` (named in problems).

    msgspec parses the bytes in about 60 % of json's time on their text (10k
    vacancies: 39 against 63 ms). Wherever both accept a file they give the same
    values; whatever msgspec refuses (bad UTF-8, a BOM, a carriage return inside a
    string, 1e400, a lone surrogate) is decoded as ``Path.read_text`` decodes the
    file (the same text, newlines translated, the same decoding error) and given to
    json, which words each error as before and accepts what it always did. The
    caller hashes these same bytes (matching.stored): what is parsed is what is hashed.

    Examples
    --------
    >>> parse_json(b'[1, 2]', "V.json")
    [1, 2]
    >>> parse_json(b'[1,', "V")
    Traceback (most recent call last):
    ...
    matching.profiles.ProfileError: V: not valid JSON: Expecting value: line 1 column 4 (char 3)
    """
    try:
        return msgspec.json.decode(data)
    except msgspec.MsgspecError:
        pass
    try:
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()
    except UnicodeDecodeError as error:
        raise ProfileError([Problem(str(path), "", f"cannot read file: {error}")]) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError as error:
        raise ProfileError([Problem(str(path), "", f"not valid JSON: {error}")]) from None


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; Python's parser accepts them unless told not to.
    raise ValueError(f"{name} is not allowed in JSON")


# --------------------------------------------------------------------------- messages

_ENUM_NOUNS: tuple[tuple[frozenset[Any], str], ...] = (
    (frozenset(DAYPARTS), "a valid daypart (e.g. wed_afternoon)"),
    (frozenset(CEFR_LEVELS), "a valid CEFR level (A0 to C2)"),
    (frozenset(LOADS), "a valid physical load (light, medium, heavy)"),
)
_TYPE_NOUNS = {
    "string": "a string", "number": "a number", "integer": "an integer",
    "boolean": "true or false", "object": "an object", "array": "a list", "null": "null",
}
_PATTERN_NOUNS = {
    "^[1-9][0-9]{3} ?([A-Za-z]{2})?$": "a valid Dutch postcode (1234 or 1234 AB)",
    "^[a-z]{2}$": "a two-letter ISO 639-1 language code",
}


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _json_type(value: Any) -> str:
    for name, kinds in (("true or false", bool), ("null", type(None)), ("a string", str),
                        ("a number", (int, float)), ("a list", list), ("an object", dict)):
        if isinstance(value, kinds):
            return name
    return type(value).__name__


def _expected_type(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " or ".join(_TYPE_NOUNS.get(name, name) for name in names)


def _enum_message(error: ValidationError) -> str:
    allowed = error.validator_value
    for values, noun in _ENUM_NOUNS:
        if values == frozenset(allowed):
            return f"{_show(error.instance)} is not {noun}"
    choices = ", ".join("null" if value is None else str(value) for value in allowed)
    return f"{_show(error.instance)} is not one of: {choices}"


def _bound_message(error: ValidationError) -> str:
    words = {"minimum": "below the minimum", "maximum": "above the maximum",
             "exclusiveMinimum": "not above", "exclusiveMaximum": "not below"}
    return f"{_show(error.instance)} is {words[str(error.validator)]} {error.validator_value}"


def _other_message(error: ValidationError) -> str:
    kind = error.validator
    if kind == "type":
        expected = _expected_type(error.validator_value)
        return f"expected {expected}, got {_json_type(error.instance)}"
    if kind == "pattern":
        noun = _PATTERN_NOUNS.get(str(error.validator_value), "in the expected format")
        return f"{_show(error.instance)} is not {noun}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "uniqueItems":
        return "contains the same value twice"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"unknown key {', '.join(map(repr, extra))} (allowed: {allowed})"
    return str(error.message)


def _describe(error: ValidationError) -> tuple[str, str]:
    """Return (field, message) for one schema error."""
    names = [str(part) for part in error.absolute_path if isinstance(part, str)]
    if error.validator == "required":
        match = re.match(r"^'(.+)' is a required property$", str(error.message))
        missing = match.group(1) if match else "?"
        return ".".join([*names, missing]), "is required"
    if error.validator == "enum":
        return ".".join(names), _enum_message(error)
    if error.validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return ".".join(names), _bound_message(error)
    return ".".join(names), _other_message(error)


# --------------------------------------------------------------------------- validation


def _record_label(label: str, index: int | None, record: Any) -> str:
    name = label if index is None else f"{label}[{index}]"
    if isinstance(record, Mapping) and isinstance(record.get("id"), str):
        return f"{name} (id {record['id']})"
    return name


def _schema_problems(kind: str, record: Any, where: str) -> Iterator[Problem]:
    described = sorted(_describe(error) for error in _validator(kind).iter_errors(record))
    for field, message in described:
        yield Problem(where, field, message)


def _hours_problems(record: Mapping[str, Any], where: str) -> Iterator[Problem]:
    hours = record.get("hours_per_week")
    if isinstance(hours, Mapping) and hours["min"] > hours["max"]:
        yield Problem(
            where, "hours_per_week", f"min {_show(hours['min'])} is above max {_show(hours['max'])}"
        )


def _vacancy_rule_problems(record: Mapping[str, Any], where: str) -> Iterator[Problem]:
    yield from _hours_problems(record, where)
    needed = record.get("dayparts_needed")
    schedule = record["schedule"]
    if needed is not None and needed > len(schedule):
        yield Problem(
            where, "dayparts_needed",
            f"{needed} is more than the {len(schedule)} dayparts in schedule",
        )


def _rules(kind: str) -> Callable[[Mapping[str, Any], str], Iterator[Problem]]:
    return _vacancy_rule_problems if kind == "vacancy" else _hours_problems


def _surely_fine(kind: str, records: Sequence[Any]) -> bool:
    """True when the records are valid, keep the rules and repeat no id: then no
    record needs a label or a list of its problems (10k vacancies: 20 ms less)."""
    if not _surely_valid(kind, records):
        return False
    ids = {record["id"] for record in records}  # a valid record has a string id
    rules = _rules(kind)
    return len(ids) == len(records) and not any(
        next(rules(record, ""), None) for record in records)


def _records_problems(kind: str, records: Sequence[Any], label: str, single: bool) -> list[Problem]:
    # The detailed checker runs only to explain a failure the compiled one found,
    # so every message stays as it was and valid input costs almost nothing.
    if _surely_fine(kind, records):
        return []
    explain = not _surely_valid(kind, records)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for index, record in enumerate(records):
        where = _record_label(label, None if single else index, record)
        found = list(_schema_problems(kind, record, where)) if explain else []
        if not found:
            found = list(_rules(kind)(record, where))
        if isinstance(record, Mapping) and isinstance(record.get("id"), str):
            earlier = seen.setdefault(record["id"], where)
            if earlier != where:
                found.append(Problem(where, "id", f"duplicate id, also used by {earlier}"))
        problems.extend(found)
    return problems


def validate(kind: str, data: Any, *, label: str) -> list[Problem]:
    """Return every problem of a list of records (or of one participant object).

    ``kind`` is ``"participant"`` or ``"vacancy"``. A participant file may hold one
    object or a list; a vacancy file must hold a list.

    Examples
    --------
    >>> [str(p) for p in validate("vacancy", [{"id": "v-1"}], label="vacancies")][0]
    'vacancies[0] (id v-1): field "capacity": is required'
    """
    if isinstance(data, list):
        return _records_problems(kind, data, label, single=False)
    if kind == "participant" and isinstance(data, Mapping):
        return _records_problems(kind, [data], label, single=True)
    wanted = "a participant object or a list of them" if kind == "participant" else "a list"
    return [Problem(label, "", f"expected {wanted}, got {_json_type(data)}")]


# --------------------------------------------------------------------------- conversion


#: Each CEFR level's and each physical load's rank, by name (``list.index`` once each).
_CEFR_RANK = {level: rank for rank, level in enumerate(CEFR_LEVELS)}
_LOAD_RANK = {load: rank for rank, load in enumerate(LOADS)}
_NO_LEVELS = (0, 0, 0, 0)
_NONE: frozenset[str] = frozenset()


def _levels(skills: Mapping[str, str] | None) -> tuple[int, int, int, int]:
    if not skills:  # most vacancies and many people name no level for some language
        return _NO_LEVELS
    get, rank, none = skills.get, _CEFR_RANK, CEFR_LEVELS[0]
    return (rank[get(SKILLS[0], none)], rank[get(SKILLS[1], none)],
            rank[get(SKILLS[2], none)], rank[get(SKILLS[3], none)])


def _hours(record: Mapping[str, Any]) -> Hours | None:
    hours = record.get("hours_per_week")
    return None if hours is None else Hours(hours["min"], hours["max"])


def _names(record: Mapping[str, Any], key: str) -> frozenset[str]:
    names = record.get(key)
    return frozenset(names) if names else _NONE


class _Resolver:
    """Resolves locations once per distinct postcode within one load."""

    def __init__(self, geocode: Geocoder) -> None:
        self._geocode = geocode
        self._cache: dict[str, Location | None] = {}

    def __call__(self, record: Mapping[str, Any]) -> tuple[Location | None, bool]:
        given = record.get("location")
        if given is not None:
            return Location(float(given["lat"]), float(given["lon"]), "given"), True
        postcode = record.get("postcode")
        if postcode is None:
            return None, False
        normal = normalise_postcode(postcode)
        if normal is None:
            return None, False
        if normal not in self._cache:
            point = self._geocode(normal)
            self._cache[normal] = (
                None if point is None else Location(point.lat, point.lon, point.precision)
            )
        return self._cache[normal], False


def participant_from_dict(
    record: Mapping[str, Any], *, geocode: Geocoder = lookup_postcode
) -> Participant:
    """Convert one valid participant record into a :class:`Participant`.

    The record must already be valid (see :func:`load_participants`).

    Examples
    --------
    >>> p = participant_from_dict({"id": "p-1", "availability": ["mon_morning"],
    ...                            "languages": {"nl": {"speaking": "A2"}}})
    >>> p.nl_levels
    (2, 0, 0, 0)
    """
    return _participant(record, _Resolver(geocode))


def _participant(record: Mapping[str, Any], resolve: _Resolver) -> Participant:
    # Positional, in field order, with table lookups for ranks and one shared
    # empty set: building 10k records was 0.1 s of a run.
    get = record.get
    location, given = resolve(record)
    languages = get("languages") or {}
    travel = get("max_travel_km")
    return Participant(
        record["id"],
        frozenset(record["availability"]),
        location,
        given,
        None if travel is None else float(travel),
        _levels(languages.get("nl")),
        _names(languages, "other"),
        bool(get("literate_latin", False)),
        get("route"),
        tuple(get("interests", ())),
        get("experience", ""),
        _names(record, "lessons"),
        _names(record, "childcare_needed"),
        _hours(record),
        get("gender"),
        bool(get("women_only", False)),
        _LOAD_RANK[get("max_physical_load", LOADS[-1])],
        get("ladder_step"),
    )


def vacancy_from_dict(
    record: Mapping[str, Any], *, geocode: Geocoder = lookup_postcode
) -> Vacancy:
    """Convert one valid vacancy record into a :class:`Vacancy`.

    Examples
    --------
    >>> v = vacancy_from_dict({"id": "v-1", "type": "taalstage", "title": "Keuken",
    ...                        "schedule": ["mon_morning"], "capacity": 2})
    >>> v.capacity, v.status
    (2, None)
    """
    return _vacancy(record, _Resolver(geocode))


def _vacancy(record: Mapping[str, Any], resolve: _Resolver) -> Vacancy:
    # Positional, in field order, as _participant.
    get = record.get
    location, given = resolve(record)
    childcare = get("childcare") or {}
    return Vacancy(
        record["id"],
        record["type"],
        record["title"],
        tuple(record["schedule"]),
        record["capacity"],
        get("organisation", ""),
        get("description", ""),
        tuple(get("tags", ())),
        location,
        given,
        bool(get("remote", False)),
        get("dayparts_needed"),
        _hours(record),
        get("filled", 0),
        _levels(get("language_min")),
        bool(get("language_rich", False)),
        bool(get("language_support", False)),
        _names(record, "other_languages"),
        bool(get("literacy_required", False)),
        bool(childcare.get("offered", False)),
        bool(childcare.get("children_welcome", False)),
        bool(get("women_only", False)),
        _LOAD_RANK[get("physical_load", LOADS[0])],
        get("duration_weeks"),
        get("status"),
    )


def load_participants(
    data: Any, *, geocode: Geocoder = lookup_postcode, label: str | None = None
) -> tuple[Participant, ...]:
    """Validate participant data (one object or a list) and convert all of it.

    Parameters
    ----------
    data : object
        Parsed JSON: one participant object or a list of them.
    geocode : callable, optional
        Resolves a normalised postcode to a point; defaults to the embedded table
        (:func:`matching.geo.lookup_postcode`). ``location`` wins over ``postcode``.
    label : str, optional
        How records are named in problems; ``participant`` or ``participants``.

    Raises
    ------
    ProfileError
        With every problem, before anything is converted.

    Examples
    --------
    >>> load_participants({"id": "p-1", "availability": ["wed_middag"]})
    Traceback (most recent call last):
    ...
    matching.profiles.ProfileError: participant (id p-1): field "availability": \
'wed_middag' is not a valid daypart (e.g. wed_afternoon)
    """
    name = label or ("participants" if isinstance(data, list) else "participant")
    problems = validate("participant", data, label=name)
    if problems:
        raise ProfileError(problems)
    resolve = _Resolver(geocode)
    records = data if isinstance(data, list) else [data]
    return tuple(_participant(record, resolve) for record in records)


def load_vacancies(
    data: Any, *, geocode: Geocoder = lookup_postcode, label: str = "vacancies"
) -> tuple[Vacancy, ...]:
    """Validate a list of vacancy records and convert all of them.

    Raises
    ------
    ProfileError
        With every problem, before anything is converted.

    Examples
    --------
    >>> vacancies = load_vacancies([{"id": "v-1", "type": "taalstage", "title": "Keuken",
    ...                              "schedule": [], "capacity": 1, "postcode": "6601"}])
    >>> vacancies[0].location is not None
    True
    """
    problems = validate("vacancy", data, label=label)
    if problems:
        raise ProfileError(problems)
    return convert_vacancies(data, geocode=geocode)


def convert_vacancies(
    data: Sequence[Mapping[str, Any]], *, geocode: Geocoder = lookup_postcode
) -> tuple[Vacancy, ...]:
    """Convert vacancy records that :func:`load_vacancies` has validated, without
    validating them again.

    Only for records known to be valid: the command line converts a vacancy file
    whose exact bytes an earlier run validated (its stored fit's key hashes them,
    with this code and the validators' versions: matching.stored). Invalid records
    give wrong vacancies or any exception.

    Examples
    --------
    >>> convert_vacancies([{"id": "v-1", "type": "taalstage", "title": "Kok",
    ...                     "schedule": [], "capacity": 1}])[0].capacity
    1
    """
    resolve = _Resolver(geocode)
    return tuple(_vacancy(record, resolve) for record in data)
