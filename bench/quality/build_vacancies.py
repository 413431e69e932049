"""Write ``vacancies.json`` of the coach-labelled quality set from ``vacancies.txt``.

Run ``python bench/quality/build_vacancies.py`` after editing ``vacancies.txt``; the
ids follow the table's order, so add new vacancies at the end or every label moves.
The texts are written the way organisations in the region write them (their
own titles, words and tags), on purpose not in the words coaches use for a
participant's interests.

One line per vacancy, fields separated by `` | ``:
organisation | type (V vrijwilligerswerk, T taalstage, W werkervaringsplaats) |
title | tags (comma) | postcode | load (l/m/h) | language minimum
(``-`` none, or ``s:A2,r:A1`` with s/l/r/w = speaking/listening/reading/writing) |
schedule pattern (see ``SCHEDULES``) | hours ``min-max`` | flags | description.
Flags: ``c`` closed, ``f`` full, ``W`` women only, ``K`` childcare offered, ``k``
children welcome, ``R`` remote, ``L`` literacy required, ``r`` language rich,
``s`` language support.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def _days(part: str, days: tuple[str, ...] = _WEEKDAYS) -> list[str]:
    return [f"{day}_{part}" for day in days]


# name -> (schedule, dayparts_needed); None needs every daypart of the schedule.
SCHEDULES: dict[str, tuple[list[str], int | None]] = {
    "am1": (_days("morning"), 1),
    "am2": (_days("morning"), 2),
    "am3": (_days("morning"), 3),
    "pm1": (_days("afternoon"), 1),
    "pm2": (_days("afternoon"), 2),
    "day1": (_days("morning") + _days("afternoon"), 1),
    "day2": (_days("morning") + _days("afternoon"), 2),
    "day3": (_days("morning") + _days("afternoon"), 3),
    "day4": (_days("morning") + _days("afternoon"), 4),
    "mon_am": (["mon_morning"], None),
    "tue_am": (["tue_morning"], None),
    "wed_am": (["wed_morning"], None),
    "thu_am": (["thu_morning"], None),
    "fri_am": (["fri_morning"], None),
    "tue_pm": (["tue_afternoon"], None),
    "wed_pm": (["wed_afternoon"], None),
    "thu_pm": (["thu_afternoon"], None),
    "fri_pm": (["fri_afternoon"], None),
    "tuethu": (["tue_morning", "thu_morning"], None),
    "monwed": (["mon_morning", "wed_morning"], None),
    "eve1": (_days("evening"), 1),
    "eve2": (_days("evening"), 2),
    "sat": (["sat_morning", "sat_afternoon"], 1),
    "wkend": (["sat_morning", "sat_afternoon", "sun_morning", "sun_afternoon"], 1),
    "full": (_days("morning")[:4] + _days("afternoon")[:4], None),
}
_TYPES = {"V": "vrijwilligerswerk", "T": "taalstage", "W": "werkervaringsplaats"}
_LOADS = {"l": "light", "m": "medium", "h": "heavy"}
_SKILLS = {"s": "speaking", "l": "listening", "r": "reading", "w": "writing"}

TABLE_PATH = HERE / "vacancies.txt"


def _language(code: str) -> dict[str, str]:
    if code == "-":
        return {}
    if code in ("A1", "A2", "B1", "B2"):  # one level for speaking and listening
        return {"speaking": code, "listening": code}
    pairs = (part.split(":") for part in code.split(","))
    return {_SKILLS[skill]: level for skill, level in pairs}


def _hours(text: str) -> dict[str, int]:
    low, _, high = text.partition("-")
    return {"min": int(low), "max": int(high or low)}


def vacancy(number: int, line: str) -> dict[str, object]:
    """Turn one table line into a vacancy in the profile format."""
    fields = [part.strip() for part in line.split("|")]
    org, kind, title, tags, postcode, load, language, schedule, hours, flags, text = fields
    remote = "R" in flags
    times, needed = SCHEDULES["day1"] if schedule == "R" else SCHEDULES[schedule]
    return {
        "id": f"v-{number:03d}",
        "organisation": org,
        "type": _TYPES[kind],
        "title": title,
        "description": text,
        "tags": [tag.strip() for tag in tags.split(",")],
        "postcode": postcode,
        "remote": remote,
        "schedule": times,
        "dayparts_needed": needed,
        "hours_per_week": _hours(hours),
        "capacity": 2 if kind == "V" else 1,
        "filled": (2 if kind == "V" else 1) if "f" in flags else 0,
        "language_min": _language(language),
        "language_rich": "r" in flags,
        "language_support": "s" in flags,
        "other_languages": [],
        "literacy_required": "L" in flags,
        "childcare": {"offered": "K" in flags, "children_welcome": "k" in flags},
        "women_only": "W" in flags,
        "physical_load": _LOADS[load],
        "duration_weeks": 15 if kind == "W" else None,
        "status": "closed" if "c" in flags else "published",
    }


def build() -> list[dict[str, object]]:
    text = TABLE_PATH.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    return [vacancy(number, line) for number, line in enumerate(lines, start=1)]


if __name__ == "__main__":
    vacancies = build()
    path = HERE / "vacancies.json"
    path.write_text(json.dumps(vacancies, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(vacancies)} vacancies -> {path}")
