"""Vacancies for the demo organisations, in the spec's vacancy format plus
``organisation_key`` and ``contact_person``."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

from seed_data._organisations import ORGANISATIONS, PC4, contact_people
from seed_data._vacancy_texts import TEMPLATES

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS = ("morning", "afternoon", "evening")
DAYPARTS = tuple(f"{d}_{p}" for d in DAYS for p in PARTS)
WEEKDAY_DAY = tuple(f"{d}_{p}" for d in DAYS[:5] for p in PARTS[:2])
CEFR = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
SKILLS = ("speaking", "listening", "reading", "writing")
OTHER_LANGUAGES = ("ar", "ti", "fa", "en", "so", "uk", "tr", "ku", "ps", "ru")


def order_dayparts(parts: Iterable[str]) -> list[str]:
    """Dayparts in canonical week order, without duplicates."""
    chosen = set(parts)
    return [d for d in DAYPARTS if d in chosen]


def _volunteer_schedule(rng: random.Random) -> list[str]:
    pool = list(WEEKDAY_DAY) * 3 + ["mon_evening", "tue_evening", "wed_evening", "thu_evening",
                                     "sat_morning", "sat_afternoon"]
    size = rng.choice([1, 1, 2, 2, 2, 3])
    chosen: set[str] = set()
    while len(chosen) < size:
        chosen.add(rng.choice(pool))
    return order_dayparts(chosen)


def _taalstage_schedule(rng: random.Random) -> list[str]:
    return order_dayparts(rng.sample(WEEKDAY_DAY, rng.choice([2, 3, 3, 4])))


def _wep_schedule(rng: random.Random) -> list[str]:
    days = rng.sample(DAYS[:5], rng.choice([4, 5]))
    if rng.random() < 0.2:
        days.append("sat")
    return order_dayparts(f"{d}_{p}" for d in days for p in PARTS[:2])


SCHEDULERS = {"vrijwilligerswerk": _volunteer_schedule, "taalstage": _taalstage_schedule,
              "werkervaringsplaats": _wep_schedule}


def _dayparts_needed(rng: random.Random, kind: str, schedule: list[str]) -> int | None:
    size = len(schedule)
    if kind == "werkervaringsplaats":
        options = [n for n in (4, 5, 6, 8) if n < size]
        return rng.choice(options) if options and rng.random() < 0.8 else None
    if kind == "taalstage":
        return 2 if size > 2 and rng.random() < 0.6 else None
    return rng.randint(1, size - 1) if size > 1 and rng.random() < 0.5 else None


def _hours(rng: random.Random, kind: str, needed: int) -> dict[str, int]:
    if kind == "werkervaringsplaats":
        low = 16 if needed <= 5 else 20
        return {"min": low, "max": max(low + 4, min(32, needed * 4))}
    if kind == "taalstage":
        low = rng.choice([6, 6, 7, 8])
        return {"min": low, "max": low + rng.choice([0, 2, 2, 3])}
    low = max(3, min(12, needed * 3 - rng.choice([0, 1])))
    return {"min": low, "max": max(low + 1, min(15, needed * 4))}


def _language_min(rng: random.Random, kind: str, tpl: dict[str, Any]) -> dict[str, str]:
    if "lang" in tpl:
        return dict(tpl["lang"])
    roll = rng.random()
    if kind == "taalstage":
        return {} if roll < 0.6 else {"speaking": "A1"}
    if kind == "werkervaringsplaats":
        if roll < 0.55:
            return {"speaking": "A2", "listening": "A2"}
        return {"speaking": "A2"} if roll < 0.8 else {"speaking": "B1", "listening": "A2"}
    if roll < 0.4:
        return {}
    return {"speaking": "A1"} if roll < 0.65 else {"speaking": "A2", "listening": "A2"}


def _capacity(rng: random.Random, kind: str) -> tuple[int, int]:
    top = {"vrijwilligerswerk": 5, "taalstage": 3, "werkervaringsplaats": 3}[kind]
    capacity = rng.randint(1, top)
    filled = capacity if rng.random() < 0.1 else rng.randint(0, capacity - 1)
    return capacity, filled


def _status(rng: random.Random, approval: str) -> str:
    if approval == "review":
        return "review"
    if approval == "sent_back":
        return "draft"
    roll = rng.random()
    if roll < 0.8:
        return "published"
    return "draft" if roll < 0.86 else ("review" if roll < 0.93 else "closed")


def _duration(rng: random.Random, kind: str, tpl: dict[str, Any]) -> int | None:
    if "weeks" in tpl:
        return int(tpl["weeks"])
    if kind == "werkervaringsplaats":
        return 15
    if kind == "taalstage":
        return rng.choice([20, 26, 30, 40])
    return rng.choice([None, None, None, 12, 26, 52])


def _childcare(rng: random.Random, tpl: dict[str, Any]) -> dict[str, bool]:
    kids = tpl.get("kids", "")
    casual = tpl["type"] == "vrijwilligerswerk" and tpl["load"] == "light"
    if not kids and casual and rng.random() < 0.1:
        kids = "welcome"
    return {"offered": kids in ("offered", "both"), "children_welcome": kids in ("welcome", "both")}


def _other_languages(rng: random.Random, tpl: dict[str, Any]) -> list[str]:
    if "langs" in tpl:
        return list(tpl["langs"])
    if rng.random() < 0.5:
        return []
    return sorted(rng.sample(OTHER_LANGUAGES, rng.choice([1, 1, 2])))


def _vacancy_postcode(rng: random.Random, row: dict[str, Any], org_postcode: str) -> str:
    roll = rng.random()
    if roll < 0.75:
        return org_postcode
    if roll < 0.9:
        return org_postcode[:4]
    return rng.choice(PC4[row["municipality"]])


def _schedule(rng: random.Random, kind: str, tpl: dict[str, Any]) -> tuple[list[str], int | None]:
    if "when" not in tpl:
        schedule = SCHEDULERS[kind](rng)
        return schedule, _dayparts_needed(rng, kind, schedule)
    return order_dayparts(tpl["when"].split()), tpl.get("needed")


def make_vacancy(rng: random.Random, row: dict[str, Any], org_postcode: str,
                 tpl: dict[str, Any], contact: str) -> dict[str, Any]:
    """One vacancy (without id) from a template for an organisation."""
    kind = tpl["type"]
    schedule, needed = _schedule(rng, kind, tpl)
    capacity, filled = _capacity(rng, kind)
    taalstage = kind == "taalstage"
    return {
        "id": "", "organisation": row["name"], "type": kind, "title": tpl["title"],
        "description": tpl["description"].format(plaats=row["municipality"]),
        "tags": list(tpl["tags"]), "postcode": _vacancy_postcode(rng, row, org_postcode),
        "remote": bool(tpl.get("remote", False)), "schedule": schedule,
        "dayparts_needed": needed, "hours_per_week": _hours(rng, kind, needed or len(schedule)),
        "capacity": capacity, "filled": filled, "language_min": _language_min(rng, kind, tpl),
        "language_rich": taalstage or bool(tpl.get("rich", rng.random() < 0.35)),
        "language_support": taalstage or bool(tpl.get("support", rng.random() < 0.4)),
        "other_languages": _other_languages(rng, tpl),
        "literacy_required": bool(tpl.get("lit", False)), "childcare": _childcare(rng, tpl),
        "women_only": bool(tpl.get("women", False)), "physical_load": tpl["load"],
        "duration_weeks": _duration(rng, kind, tpl), "status": _status(rng, row["approval"]),
        "organisation_key": row["key"], "contact_person": contact,
    }


def _templates_for(rng: random.Random, row: dict[str, Any]) -> list[dict[str, Any]]:
    group = TEMPLATES[row["group"]]
    must = [tpl for tpl in group if tpl["title"] in row["must"]]
    rest = [tpl for tpl in group if tpl["title"] not in row["must"]]
    chosen = must + rng.sample(rest, min(len(rest), row["n"] - len(must)))
    return chosen


def build_vacancies(rng: random.Random, organisations: list[dict[str, Any]]
                    ) -> list[dict[str, Any]]:
    """All vacancies, ids v-001… in organisation order."""
    postcodes = {o["key"]: o["postcode"] for o in organisations}
    vacancies = []
    for row in ORGANISATIONS:
        contacts = contact_people(rng, row)
        for tpl in _templates_for(rng, row):
            vacancy = make_vacancy(rng, row, postcodes[row["key"]], tpl, rng.choice(contacts))
            vacancy.update(row["must"].get(tpl["title"], {}))
            vacancies.append(vacancy)
    for number, vacancy in enumerate(vacancies, start=1):
        vacancy["id"] = f"v-{number:03d}"
    return vacancies
