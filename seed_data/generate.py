"""Deterministic generator of the fictitious demo region for Koppelkans.

Run ``python -m seed_data.generate`` to (re)write ``organisations.json``,
``vacancies.json`` and ``participants.json`` beside this file. Everything is
invented: organisations, people, phone numbers and e-mail addresses. The output
depends only on ``random.Random(2018)`` and the tables in this package.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from seed_data._organisations import build_organisations
from seed_data._participants import build_participants
from seed_data._vacancies import build_vacancies

SEED = 2018
HERE = Path(__file__).resolve().parent
FILES = ("organisations.json", "vacancies.json", "participants.json")


def build() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Return (organisations, vacancies, participants), always the same."""
    rng = random.Random(SEED)
    organisations = build_organisations(rng)
    vacancies = build_vacancies(rng, organisations)
    participants = build_participants(rng)
    vacancies.sort(key=lambda v: v["id"])
    participants.sort(key=lambda p: p["id"])
    return organisations, vacancies, participants


def dumps(records: list[dict[str, Any]]) -> str:
    """The committed file format: indent=1, UTF-8 text, trailing newline."""
    return json.dumps(records, indent=1, ensure_ascii=False) + "\n"


def write(directory: Path = HERE) -> list[Path]:
    """Write the three JSON files to ``directory`` and return their paths."""
    paths = []
    for name, records in zip(FILES, build(), strict=True):
        path = directory / name
        path.write_text(dumps(records), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    for path in write():
        count = len(json.loads(path.read_text(encoding="utf-8")))
        print(f"{path.name}: {count}")


if __name__ == "__main__":
    main()
