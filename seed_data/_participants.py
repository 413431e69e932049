"""Eighty fictitious participants in the spec's participant format, plus the
coach-side fields (names, contact, status, consent, household, measurements)."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import Any

from seed_data._organisations import PC4, PC_LETTERS
from seed_data._people_texts import (
    EDUCATION,
    EXPERIENCE,
    GOALS,
    HEALTH_NOTES,
    HOUSEHOLD_NOTES,
    ORIGINS,
    PSEUDONYMS,
)
from seed_data._vacancies import CEFR, DAYS, WEEKDAY_DAY, order_dayparts

COUNT = 80
COACHES = (("coach@demo.nl", "Nijmegen"), ("coach2@demo.nl", "Wijchen"),
           ("coach3@demo.nl", "Nijmegen"), ("coach4@demo.nl", "Weert"))
REFERENCE_DATE = dt.date(2026, 10, 31)
STATUS_COUNTS = {"active": 58, "paused": 6, "intake": 7, "closed": 9}
WOMEN = 56
NOT_LITERATE = 12
PARENTS = 53
ILLITERATE_ORIGINS = ("eritrea", "eritrea", "afghanistan", "somalie", "syrie")
ZRM_DOMAINS = ("financien", "werk_opleiding", "tijdsbesteding", "huisvesting",
               "huiselijke_relaties", "geestelijke_gezondheid", "lichamelijke_gezondheid",
               "middelengebruik", "basale_adl", "instrumentele_adl", "sociaal_netwerk",
               "maatschappelijke_participatie", "justitie")
ZRM_BASE = {"financien": (2, 3), "werk_opleiding": (1, 2), "tijdsbesteding": (2, 3),
            "huisvesting": (2, 4), "huiselijke_relaties": (3, 4),
            "geestelijke_gezondheid": (2, 4), "lichamelijke_gezondheid": (3, 4),
            "middelengebruik": (4, 5), "basale_adl": (4, 5), "instrumentele_adl": (2, 3),
            "sociaal_netwerk": (2, 3), "maatschappelijke_participatie": (1, 3),
            "justitie": (5, 5)}
ZRM_IMPROVING = ("financien", "werk_opleiding", "tijdsbesteding", "instrumentele_adl",
                 "sociaal_netwerk", "maatschappelijke_participatie", "geestelijke_gezondheid")
LESSONS = {
    "Z": [["tue_morning", "thu_morning"], ["mon_morning", "wed_morning"],
          ["mon_morning", "wed_morning", "fri_morning"],
          ["tue_morning", "wed_morning", "thu_morning"]],
    "B1": [["mon_morning", "tue_morning", "thu_morning"],
           ["mon_afternoon", "wed_morning", "thu_afternoon"], ["tue_morning", "thu_morning"],
           ["mon_morning", "tue_morning", "wed_morning", "thu_morning"],
           ["tue_afternoon", "fri_morning", "fri_afternoon"], ["mon_evening", "wed_evening"]],
    "onderwijs": [["mon_morning", "mon_afternoon", "tue_morning", "wed_morning", "thu_morning"],
                  ["mon_morning", "tue_morning", "tue_afternoon", "thu_morning"]],
    None: [[], [], ["wed_evening"], ["sat_morning"], ["tue_evening", "thu_evening"]],
}
INTERESTS_COMMON = ["koken", "tuin", "natuur", "winkel", "taal", "horeca", "sport", "computers",
                    "klantcontact", "creatief", "muziek", "bibliotheek", "dieren",
                    "administratie", "ouderen"]
INTERESTS_BY_GENDER = {
    "f": ["koken", "koken", "naaien", "naaien", "kinderen", "kinderen", "zorg", "zorg",
          "ouderen", "schoonmaak", "creatief", "winkel", "horeca", "taal"],
    "m": ["techniek", "techniek", "fietsen", "fietsen", "bouw", "logistiek", "logistiek",
          "vervoer", "tuin", "sport", "computers", "horeca"],
}
TRAVEL_KM = [3, 5, 5, 8, 8, 10, 10, 12, 15, 15, 20, 25]


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _ascii(text: str) -> str:
    text = text.replace("ı", "i")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _shuffled(rng: random.Random, values: list[Any], first: Any) -> list[Any]:
    """Shuffle ``values`` and move one ``first`` to the front (for p-001)."""
    rng.shuffle(values)
    values.remove(first)
    return [first, *values]


def _pick_origin(rng: random.Random) -> str:
    keys = list(ORIGINS)
    return rng.choices(keys, weights=[ORIGINS[k][0] for k in keys])[0]


def _route(rng: random.Random, origin: str, age: int) -> str | None:
    if origin == "oekraine":
        return None
    if age < 30 and rng.random() < 0.6:
        return "onderwijs"
    roll = rng.random()
    if roll < 0.22:
        return "Z"
    return "B1" if roll < 0.9 else None


def _level(index: int) -> str:
    return CEFR[max(0, min(len(CEFR) - 1, index))]


SPEAKING_BASE = {"Z": [0, 1, 1, 1], "B1": [1, 2, 2, 2, 3], "onderwijs": [2, 3, 3, 4],
                 None: [0, 1, 1, 2, 2]}


def _dutch(rng: random.Random, route: str | None, literate: bool) -> dict[str, str]:
    speaking = rng.choice(SPEAKING_BASE[route])
    listening = max(0, speaking + rng.choice([-1, 0, 0, 1]))
    lags: dict[str | None, list[int]] = {"onderwijs": [0, 0, 1], "Z": [0, 1]}
    lag = lags.get(route, [0, 0, 1, 1])
    reading = max(0, speaking - rng.choice(lag))
    writing = max(0, reading - rng.choice([0, 0, 1]))
    if not literate:
        reading, writing = min(reading, rng.choice([0, 1])), 0
    return {"speaking": _level(speaking), "listening": _level(listening),
            "reading": _level(reading), "writing": _level(writing)}


def _other_languages(rng: random.Random, origin: str, route: str | None) -> list[str]:
    home = list(ORIGINS[origin][2])
    extra = []
    if origin == "eritrea" and rng.random() < 0.4:
        extra.append("ar")
    if origin in ("syrie", "irak") and rng.random() < 0.25:
        extra.append("ku")
    if (route in ("onderwijs", None) or origin in ("iran", "oekraine")) and rng.random() < 0.6:
        extra.append("en")
    return home + extra


def _children(rng: random.Random, parent: bool, age: int) -> list[int]:
    if not parent:
        return []
    oldest = min(17, age - 18)
    count = rng.choice([1, 2, 2, 3, 3, 4])
    low = 0 if age < 42 else max(0, age - 44)
    return sorted((rng.randint(min(low, oldest), oldest) for _ in range(count)), reverse=True)


def _childcare(rng: random.Random, ages: list[int], gender: str, lessons: list[str]
               ) -> list[str]:
    if not ages or (gender == "m" and rng.random() < 0.7) or rng.random() < 0.05:
        return []
    youngest = min(ages)
    if youngest < 4:
        free = [d for d in WEEKDAY_DAY if d not in lessons]
        care = set(rng.sample(free, rng.choice([1, 2, 3])))
        return order_dayparts(d for d in free if d not in care)
    if youngest <= 12:
        need = {"wed_afternoon"}
        roll = rng.random()
        if roll < 0.5:
            need |= {"mon_afternoon", "tue_afternoon", "thu_afternoon", "fri_afternoon"}
        elif roll < 0.7:
            need.add("fri_afternoon")
        return order_dayparts(need)
    return []


def _household_kind(rng: random.Random, ages: list[int], gender: str) -> str:
    if ages:
        single = gender == "f" and rng.random() < 0.35
        return "single_parent" if single else "parents"
    return rng.choice(["alone", "alone", "couple", "reunion"])


def _availability(rng: random.Random, gender: str) -> list[str]:
    grid = set(WEEKDAY_DAY)
    for daypart in rng.sample(WEEKDAY_DAY, rng.choice([0, 0, 1, 2])):
        grid.discard(daypart)
    evenings = [f"{d}_evening" for d in DAYS[:5]]
    if rng.random() < (0.5 if gender == "m" else 0.2):
        grid.update(rng.sample(evenings, rng.randint(1, 3)))
    if rng.random() < 0.3:
        grid.update(["sat_morning", "sat_afternoon"][: rng.randint(1, 2)])
    if rng.random() < 0.05:
        grid.add("sun_afternoon")
    return order_dayparts(grid)


def _hours(rng: random.Random, route: str | None, gender: str, ages: list[int]
           ) -> dict[str, int]:
    low, high = {"Z": ((2, 4), (6, 12)), "B1": ((3, 6), (10, 20)),
                 "onderwijs": ((2, 4), (6, 8)), None: ((3, 8), (16, 32))}[route]
    hmin, hmax = rng.randint(*low), rng.randint(*high)
    if gender == "m" and route == "B1":
        hmax = rng.choice([16, 24, 32])
    if ages and min(ages) < 4:
        hmin, hmax = min(hmin, 3), min(hmax, rng.choice([6, 8, 10]))
    return {"min": min(hmin, hmax), "max": hmax}


def _interests(rng: random.Random, gender: str) -> list[str]:
    pool = INTERESTS_COMMON + INTERESTS_BY_GENDER[gender] * 2
    chosen: list[str] = []
    size = rng.choice([2, 2, 3, 3, 4])
    while len(chosen) < size:
        tag = rng.choice(pool)
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def _experience(rng: random.Random, interests: list[str], country: str, route: str | None
                ) -> str:
    parts = [rng.choice(EXPERIENCE[tag]) for tag in interests[: rng.choice([1, 1, 2])]]
    parts.append(rng.choice(EDUCATION[route]))
    return " ".join(p.format(land=country, n=rng.randint(2, 12)) for p in parts)


def _health(rng: random.Random, gender: str) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(HEALTH_NOTES["light"]), "light"
    note = rng.choice(HEALTH_NOTES["other"]) if roll < 0.35 else ""
    loads = ["light", "medium", "medium", "heavy"] if gender == "f" else ["medium", "heavy"]
    return note, rng.choice(loads)


def _postcode(rng: random.Random, municipality: str) -> str:
    pc4 = rng.choice(PC4[municipality])
    letters = rng.choice(PC_LETTERS) + rng.choice(PC_LETTERS)
    while letters in ("SA", "SD", "SS"):
        letters = rng.choice(PC_LETTERS) + rng.choice(PC_LETTERS)
    roll = rng.random()
    if roll < 0.7:
        return f"{pc4} {letters}"
    return f"{pc4}{letters}" if roll < 0.85 else pc4


def _intake_date(rng: random.Random, status: str) -> dt.date:
    start, end = {"intake": ((2026, 10, 1), (2026, 10, 23)),
                  "closed": ((2025, 9, 1), (2026, 2, 28)),
                  "paused": ((2025, 10, 1), (2026, 8, 31)),
                  "active": ((2025, 10, 1), (2026, 9, 30))}[status]
    return _date_between(rng, dt.date(*start), dt.date(*end))


def _zrm_start(rng: random.Random, health_note: str, kind: str) -> dict[str, int]:
    scores = {domain: rng.randint(*ZRM_BASE[domain]) for domain in ZRM_DOMAINS}
    if health_note:
        scores["lichamelijke_gezondheid"] = rng.choice([2, 3])
    if kind == "single_parent":
        scores["huiselijke_relaties"] = rng.choice([2, 3])
    if rng.random() < 0.08:
        scores["middelengebruik"] = 3
    return scores


def _zrm_improve(rng: random.Random, scores: dict[str, int], steps: int) -> dict[str, int]:
    better = dict(scores)
    for domain in rng.sample(ZRM_IMPROVING, steps):
        better[domain] = min(5, better[domain] + 1)
    return better


def _measurement(kind: str, date: dt.date, step: int, zrm: dict[str, int]) -> dict[str, Any]:
    return {"kind": kind, "date": date.isoformat(), "ladder_step": step, "zrm": zrm}


NUL_STEP = {"Z": [1, 2, 2, 3], "B1": [2, 2, 3, 3, 4], "onderwijs": [2, 3, 3], None: [2, 3, 3, 4]}


def _measurements(rng: random.Random, person: dict[str, Any]) -> list[dict[str, Any]]:
    intake, status = person["_intake"], person["status"]
    step = rng.choice(NUL_STEP[person["route"]])
    zrm = _zrm_start(rng, person["health_notes"], person["_household"])
    result = [_measurement("nulmeting", intake, step, zrm)]
    tussen = intake + dt.timedelta(days=rng.randint(56, 70))
    old_enough = tussen <= REFERENCE_DATE and status != "intake"
    if not old_enough or (status != "closed" and rng.random() < 0.15):
        return result
    step = min(4, step + (rng.random() < 0.45)) if step < 4 else step
    zrm = _zrm_improve(rng, zrm, rng.randint(1, 3))
    result.append(_measurement("tussenmeting", tussen, step, zrm))
    if status == "closed" and rng.random() < 0.7:
        eind = min(REFERENCE_DATE, tussen + dt.timedelta(days=rng.randint(60, 120)))
        step = max(step, rng.choice([4, 4, 5, 6]))
        result.append(_measurement("eindmeting", eind, step, _zrm_improve(rng, zrm, 3)))
    return result


def _consent(rng: random.Random, intake: dt.date, status: str) -> dict[str, str | None]:
    if status == "intake" and rng.random() < 0.5:
        return {"matching": None, "sharing": None}
    given = min(REFERENCE_DATE, intake + dt.timedelta(days=rng.randint(0, 7)))
    sharing = given.isoformat() if rng.random() < 0.85 else None
    return {"matching": given.isoformat(), "sharing": sharing}


def _goals(rng: random.Random, person: dict[str, Any]) -> list[dict[str, str]]:
    pool = list(GOALS["base"]) + list(GOALS[person["route"]])
    if person["household"]["children_ages"]:
        pool += GOALS["kids"]
    goals = []
    for text in rng.sample(pool, rng.choice([1, 2, 2, 3])):
        target = person["_intake"] + dt.timedelta(days=rng.randint(90, 180))
        goals.append({"text": text, "target_date": target.isoformat()})
    return goals


class _NamePool:
    """Draws fictitious names and matching contact data without repeats."""

    def __init__(self) -> None:
        self.used: set[tuple[str, str]] = set()
        self.pseudonyms = list(PSEUDONYMS)

    def pseudonym(self, rng: random.Random) -> str | None:
        """A few participants are shown under a pseudonym; each one is used once."""
        if rng.random() >= 0.07 or not self.pseudonyms:
            return None
        return self.pseudonyms.pop(rng.randrange(len(self.pseudonyms)))

    def draw(self, rng: random.Random, origin: str, gender: str) -> tuple[str, str]:
        _, _, _, women, men, last = ORIGINS[origin]
        while True:
            name = (rng.choice(women if gender == "f" else men), rng.choice(last))
            if name not in self.used:
                self.used.add(name)
                return name


def _contact(rng: random.Random, first: str, last: str, number: int) -> tuple[str, str]:
    email = f"{_ascii(first)}.{_ascii(last)}{number:02d}@example.nl"
    phone = "06-" + str(rng.randint(1, 5)) + "".join(str(rng.randrange(10)) for _ in range(7))
    return email, phone


def _origin_age_route(rng: random.Random, index: int, plan: dict[str, Any]
                      ) -> tuple[str, int, str | None]:
    if index == 0:
        origin = "syrie"
    elif not plan["literate"]:
        origin = rng.choice(ILLITERATE_ORIGINS)
    else:
        origin = _pick_origin(rng)
    age = int(rng.triangular(19, 62, 33))
    if plan["parent"] and age < 23:
        age += rng.randint(4, 12)
    route = _route(rng, origin, age) if plan["literate"] else "Z"
    return origin, age, route


def _base(rng: random.Random, index: int, plan: dict[str, Any], names: _NamePool
          ) -> dict[str, Any]:
    gender, status = plan["gender"], plan["status"]
    origin, age, route = _origin_age_route(rng, index, plan)
    first, last = names.draw(rng, origin, gender)
    coach, municipality = COACHES[index % len(COACHES)]
    email, phone = _contact(rng, first, last, index + 1)
    return {"_origin": origin, "_age": age, "route": route, "first_name": first,
            "last_name": last, "coach": coach, "_municipality": municipality, "email": email,
            "phone": phone, "gender": gender, "status": status,
            "_intake": _intake_date(rng, status), "_literate": plan["literate"],
            "_parent": plan["parent"], "_women_only": plan["women_only"]}


def _profile(rng: random.Random, p: dict[str, Any]) -> None:
    """Language, lessons, children, availability and other matching fields."""
    literate = p["_literate"]
    p["languages"] = {"nl": _dutch(rng, p["route"], literate),
                      "other": _other_languages(rng, p["_origin"], p["route"])}
    p["literate_latin"] = literate
    p["lessons"] = list(rng.choice(LESSONS[p["route"]]))
    ages = _children(rng, p["_parent"], p["_age"])
    p["_household"] = _household_kind(rng, ages, p["gender"])
    p["household"] = {"children_ages": ages,
                      "notes": rng.choice(HOUSEHOLD_NOTES[p["_household"]])}
    p["childcare_needed"] = _childcare(rng, ages, p["gender"], p["lessons"])
    p["availability"] = _availability(rng, p["gender"])
    p["hours_per_week"] = _hours(rng, p["route"], p["gender"], ages)
    p["interests"] = _interests(rng, p["gender"])
    p["experience"] = _experience(rng, p["interests"], ORIGINS[p["_origin"]][1], p["route"])
    p["health_notes"], p["max_physical_load"] = _health(rng, p["gender"])
    p["women_only"] = p["_women_only"]
    p["max_travel_km"] = rng.choice(TRAVEL_KM[4:] if p["women_only"] else TRAVEL_KM)
    p["postcode"] = _postcode(rng, p["_municipality"])


def _coach_side(rng: random.Random, p: dict[str, Any], names: _NamePool) -> None:
    p["pseudonym"] = names.pseudonym(rng)
    p["intake_date"] = p["_intake"].isoformat()
    p["consent"] = _consent(rng, p["_intake"], p["status"])
    p["home_languages"] = list(ORIGINS[p["_origin"]][2])
    p["goals"] = _goals(rng, p)
    p["measurements"] = _measurements(rng, p)
    p["ladder_step"] = p["measurements"][-1]["ladder_step"]


def _main_scenario(p: dict[str, Any]) -> None:
    """p-001: the mother of the demo scenario (coach@demo.nl, Nijmegen)."""
    p.update({
        "route": "B1", "postcode": "6543 KL", "max_travel_km": 5, "literate_latin": True,
        "languages": {"nl": {s: "A1" for s in ("speaking", "listening", "reading", "writing")},
                      "other": ["ar"]},
        "interests": ["koken", "kinderen"],
        "experience": "Kookte in Syrië jarenlang voor bruiloften en feesten in de buurt. "
                      "Middelbare school in Syrië, niet afgemaakt door de oorlog.",
        "availability": list(WEEKDAY_DAY), "lessons": ["tue_morning", "thu_morning"],
        "childcare_needed": ["wed_afternoon"], "hours_per_week": {"min": 3, "max": 8},
        "women_only": False, "max_physical_load": "medium", "health_notes": "",
        "household": {"children_ages": [9, 6],
                      "notes": "Getrouwd, twee kinderen op de basisschool; partner werkt "
                               "in ploegendienst."},
        "home_languages": ["ar"],
    })
    intake = p["_intake"]
    p["goals"] = [
        {"text": "Vrijwilligerswerk in een keuken vinden, bijvoorbeeld in een wijkcentrum.",
         "target_date": (intake + dt.timedelta(days=120)).isoformat()},
        {"text": "Meer Nederlands spreken buiten de les.",
         "target_date": (intake + dt.timedelta(days=180)).isoformat()},
    ]
    p["consent"] = {"matching": intake.isoformat(), "sharing": intake.isoformat()}


OUTPUT_KEYS = (
    "id", "postcode", "max_travel_km", "languages", "literate_latin", "route", "interests",
    "experience", "availability", "lessons", "childcare_needed", "hours_per_week", "gender",
    "women_only", "max_physical_load", "ladder_step", "first_name", "last_name", "pseudonym",
    "email", "phone", "coach", "status", "intake_date", "consent", "household",
    "home_languages", "health_notes", "goals", "measurements",
)


def build_participants(rng: random.Random) -> list[dict[str, Any]]:
    """The 80 participants p-001 … p-080."""
    plans = {
        "gender": _shuffled(rng, ["f"] * WOMEN + ["m"] * (COUNT - WOMEN), "f"),
        "status": _shuffled(rng, [s for s, n in STATUS_COUNTS.items() for _ in range(n)],
                            "active"),
        "literate": _shuffled(rng, [False] * NOT_LITERATE + [True] * (COUNT - NOT_LITERATE),
                              True),
        "parent": _shuffled(rng, [True] * PARENTS + [False] * (COUNT - PARENTS), True),
    }
    women = [i for i, g in enumerate(plans["gender"]) if g == "f" and i > 0]
    separate = set(rng.sample(women, 5))
    plans["women_only"] = [i in separate for i in range(COUNT)]
    names = _NamePool()
    result = []
    for index in range(COUNT):
        plan = {key: values[index] for key, values in plans.items()}
        person = _base(rng, index, plan, names)
        _profile(rng, person)
        _coach_side(rng, person, names)
        if index == 0:
            _main_scenario(person)
        person["id"] = f"p-{index + 1:03d}"
        result.append({key: person[key] for key in OUTPUT_KEYS})
    _add_trajectory(result)
    return result


# The trajectory route of the plan, weighted like Wijchen's 20/6/23/3 (DOMAIN.md).
ROUTE_WEIGHTS = {"vrijwilligerswerk": 20, "onderwijs": 6, "sociale_participatie": 23, "zorg": 3}
EXIT_REASONS = ("paid_work", "paid_work", "education", "education", "moved", "stopped")


def _add_trajectory(people: list[dict[str, Any]]) -> None:
    """Route, and for closed people the exit: drawn from a random stream of their own so
    that adding them left every earlier field of the region unchanged."""
    rng = random.Random(59)
    routes, weights = list(ROUTE_WEIGHTS), list(ROUTE_WEIGHTS.values())
    for person in people:
        planned = person["status"] != "intake"
        person["participation_route"] = rng.choices(routes, weights)[0] if planned else None
        person["closed_on"], person["exit_reason"] = None, None
        if person["status"] == "closed":
            last = dt.date.fromisoformat(person["measurements"][-1]["date"])
            person["closed_on"] = (last + dt.timedelta(days=rng.randint(7, 60))).isoformat()
            person["exit_reason"] = rng.choice(EXIT_REASONS)
    people[0]["participation_route"] = "vrijwilligerswerk"

