"""Builders (``make_vacancy(...)``) and hypothesis strategies for the matching tests.

Profiles are built as JSON-like records (what the contract describes) and go
through the real loader, so every test also exercises validation.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from matching import Participant, Vacancy, load_participants, load_vacancies

# Wijchen centre; 0.01 degree latitude is about 1.11 km.
HOME = {"lat": 51.8091, "lon": 5.7250}

_PARTICIPANT: dict[str, Any] = {
    "id": "p-1",
    "location": HOME,
    "max_travel_km": 10,
    "languages": {"nl": {"speaking": "B1", "listening": "B1", "reading": "B1",
                         "writing": "B1"}},
    "literate_latin": True,
    "route": "onderwijs",
    "interests": [],
    "experience": "",
    "availability": ["mon_morning", "mon_afternoon", "wed_morning", "fri_morning"],
    "lessons": [],
    "childcare_needed": [],
    "hours_per_week": {"min": 4, "max": 16},
    "gender": "f",
    "women_only": False,
    "max_physical_load": "heavy",
    "ladder_step": None,
}
_VACANCY: dict[str, Any] = {
    "id": "v-1",
    "organisation": "Wijkcentrum De Schakel",
    "type": "vrijwilligerswerk",
    "title": "Gastvrouw",
    "description": "Bezoekers ontvangen",
    "tags": [],
    "location": HOME,
    "remote": False,
    "schedule": ["mon_morning"],
    "dayparts_needed": None,
    "hours_per_week": {"min": 4, "max": 8},
    "capacity": 2,
    "filled": 0,
    "language_min": {},
    "language_rich": False,
    "language_support": False,
    "literacy_required": False,
    "childcare": {"offered": False, "children_welcome": False},
    "women_only": False,
    "physical_load": "light",
    "status": "published",
}


def participant_record(**overrides: Any) -> dict[str, Any]:
    """A valid participant record that fits the default vacancy, with overrides."""
    record = copy.deepcopy(_PARTICIPANT)
    record.update(overrides)
    return _without_absent(record)


def vacancy_record(**overrides: Any) -> dict[str, Any]:
    """A valid published vacancy record next door, with overrides."""
    record = copy.deepcopy(_VACANCY)
    record.update(overrides)
    return _without_absent(record)


_NULLABLE = frozenset({"route", "gender", "dayparts_needed", "duration_weeks"})


def _without_absent(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out keys set to None, except where the contract allows null."""
    return {key: value for key, value in record.items() if value is not None or key in _NULLABLE}


def north_of_home(km: float) -> dict[str, float]:
    """A location ``km`` kilometres due north of :data:`HOME` (to about a metre)."""
    return {"lat": HOME["lat"] + km / 111.195, "lon": HOME["lon"]}


def make_participant(**overrides: Any) -> Participant:
    return load_participants(participant_record(**overrides))[0]


def make_vacancy(**overrides: Any) -> Vacancy:
    return load_vacancies([vacancy_record(**overrides)])[0]


# --------------------------------------------------------------------------- strategies

# Few dayparts so that random schedules often fit (and often do not).
SOME_DAYPARTS = ("mon_morning", "mon_afternoon", "tue_morning", "wed_afternoon")
LEVELS = ("A0", "A1", "A2", "B1", "B2", "C2")
TERMS = ("kok", "koken", "fietsreparatie", "fietsen repareren", "zorg", "ouderenzorg", "tuin",
         "techniek", "bakken", "schoonmaak")
WORDS = ("samen", "keuken", "helpen", "fietsen", "tuin", "de", "buurthuis", "ouderen", "werk")
# A handful of points, so that equal distances and exact limits happen.
POINTS = ({"lat": 51.8091, "lon": 5.7250}, {"lat": 51.85, "lon": 5.86},
          {"lat": 51.8091, "lon": 5.80}, {"lat": 52.0, "lon": 5.5})

dayparts = st.lists(st.sampled_from(SOME_DAYPARTS), unique=True, max_size=4)
few_dayparts = st.lists(st.sampled_from(SOME_DAYPARTS), unique=True, max_size=1)
skills = st.dictionaries(
    st.sampled_from(("speaking", "listening", "reading", "writing")),
    st.sampled_from(LEVELS), max_size=4,
)


def mostly(value: Any, other: Any, odds: int = 4) -> st.SearchStrategy[Any]:
    """``value`` ``odds`` times as often as ``other``: keeps many pairs feasible."""
    return st.sampled_from((value,) * odds + (other,))
locations = st.one_of(
    st.sampled_from(POINTS),
    st.fixed_dictionaries({"lat": st.floats(51.5, 52.1), "lon": st.floats(5.3, 6.2)}),
)


@st.composite
def hours(draw: st.DrawFn) -> dict[str, float]:
    low = draw(st.sampled_from((0, 2, 4, 8, 12, 16, 7.5)))
    return {"min": low, "max": low + draw(st.sampled_from((0, 2, 4, 8)))}


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _drop_none(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None}


@st.composite
def participant_records(draw: st.DrawFn, index: int = 0) -> dict[str, Any]:
    """Random valid participant records (optional fields sometimes left out)."""
    place = draw(st.sampled_from(("location", "postcode", "none")))
    record = {
        "id": f"p-{index}",
        "location": draw(locations) if place == "location" else None,
        "postcode": draw(st.sampled_from(("6601", "6511 AB", "9999"))) if place == "postcode"
        else None,
        "max_travel_km": draw(_maybe(st.sampled_from((1, 5, 10, 12.5, 40, 60)))),
        "languages": {"nl": {"speaking": draw(st.sampled_from(LEVELS)),
                             "reading": draw(st.sampled_from(LEVELS)), **draw(skills)}},
        "literate_latin": draw(mostly(True, draw(st.sampled_from((False, None))))),
        "route": draw(st.sampled_from(("B1", "onderwijs", "Z", None))),
        "interests": draw(st.lists(st.sampled_from(TERMS), max_size=3, unique=True)),
        "experience": " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=5))),
        "availability": draw(st.lists(st.sampled_from(SOME_DAYPARTS), unique=True,
                                      min_size=2, max_size=4)),
        "lessons": draw(few_dayparts),
        "childcare_needed": draw(few_dayparts),
        "hours_per_week": draw(_maybe(hours())),
        "gender": draw(st.sampled_from(("f", "f", "m", "x", None))),
        "women_only": draw(mostly(False, True, 6)),
        "max_physical_load": draw(_maybe(st.sampled_from(("light", "medium", "heavy")))),
        "ladder_step": draw(_maybe(st.integers(1, 6))),
    }
    return _drop_none(record)


@st.composite
def vacancy_records(draw: st.DrawFn, index: int = 0) -> dict[str, Any]:
    """Random valid vacancy records, mostly published and open."""
    schedule = draw(dayparts)
    capacity = draw(st.integers(1, 3))
    record = {
        "id": f"v-{index:02d}",
        "type": draw(st.sampled_from(("vrijwilligerswerk", "taalstage", "werkervaringsplaats"))),
        "title": " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))),
        "description": " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6))),
        "tags": draw(st.lists(st.sampled_from(TERMS), max_size=3, unique=True)),
        "location": draw(_maybe(locations)),
        "remote": draw(st.sampled_from((False, False, False, True))),
        "schedule": schedule,
        "dayparts_needed": draw(_maybe(st.integers(1, len(schedule)))) if schedule else None,
        "hours_per_week": draw(_maybe(hours())),
        "capacity": capacity,
        "filled": draw(mostly(0, capacity, 6)),
        "language_min": draw(st.dictionaries(
            st.sampled_from(("speaking", "reading")), st.sampled_from(LEVELS[:3]), max_size=1)),
        "language_rich": draw(st.booleans()),
        "language_support": draw(st.booleans()),
        "literacy_required": draw(mostly(False, True)),
        "childcare": {"offered": draw(st.booleans()), "children_welcome": draw(st.booleans())},
        "women_only": draw(mostly(False, True, 6)),
        "physical_load": draw(_maybe(st.sampled_from(("light", "medium", "heavy")))),
        "status": draw(mostly("published", draw(st.sampled_from(("closed", "draft"))), 6)),
    }
    return _drop_none(record)


@st.composite
def vacancy_lists(draw: st.DrawFn, min_size: int = 1, max_size: int = 8) -> list[dict[str, Any]]:
    size = draw(st.integers(min_size, max_size))
    return [draw(vacancy_records(index=i)) for i in range(size)]
