"""Time the bulk import of 5,000 vacancies through the real service.

Run: ``python bench/bench_vacancy_import.py [ROWS]``. A temporary SQLite database gets
the demo region plus 3,000 existing vacancies (so duplicate detection has work), then
a generated CSV of ROWS rows (default 5,000) is read, checked (spec validation, limits,
statuses, RapidFuzz duplicates of organisations and vacancies) and committed in one
transaction. Prints seconds per step and in total (target: 5,000 rows <= 30 s).
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, select

from marketplace import create_app
from marketplace.domain.vocabulary import DAYPARTS, VacancyStatus
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy
from marketplace.services.demo_region import load_demo_region
from marketplace.services.profiles.rows import VACANCY_COLUMNS
from marketplace.services.vacancies import import_rows as importer
from marketplace.services.vacancies.files import read_file
from marketplace.services.vacancies.vacancies import new_vacancy_ref

WORDS = ("koken", "tuin", "fietsen", "taal", "zorg", "techniek", "winkel", "kinderen",
         "ouderen", "sport", "naaien", "computer", "dieren", "schoonmaak", "logistiek")
JOBS = ("Medewerker", "Gastvrouw", "Hulp", "Begeleider", "Assistent", "Vrijwilliger",
        "Reparateur", "Chauffeur", "Kok", "Tuinier")
POSTCODES = ("6601", "6602 WE", "6511", "6512 AB", "6001", "6041", "6541", "6603")


def _title(rng: random.Random, number: int) -> str:
    return f"{rng.choice(JOBS)} {rng.choice(WORDS)} {rng.choice(WORDS)} {number}"


def _existing(centre: Organisation, organisations: list[Organisation], rng: random.Random) -> None:
    for number in range(3_000):
        schedule = rng.sample(DAYPARTS, 2)
        db.session.add(Vacancy(
            ref=new_vacancy_ref(), organisation=rng.choice(organisations), type="vrijwilligerswerk",
            title=_title(rng, number), schedule=schedule, hours_min=2, hours_max=6, capacity=2,
            status=VacancyStatus.PUBLISHED, postcode="6601",
        ))
    db.session.commit()


def _csv(rows: int, names: list[str], rng: random.Random) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=VACANCY_COLUMNS, delimiter=";")
    writer.writeheader()
    for number in range(rows):
        name = rng.choice(names)
        if number % 50 == 0:
            name = name.replace("Café", "Cafe").replace(" De ", " ")  # a likely duplicate
        if number % 97 == 0:
            name = f"Nieuwe organisatie {number % 7}"
        placement_type = rng.choice(("vrijwilligerswerk", "taalstage", "werkervaringsplaats"))
        writer.writerow({
            "organisation": name, "type": placement_type, "title": _title(rng, 10_000 + number),
            "description": "Gegenereerd voor de benchmark.",
            "tags": ", ".join(rng.sample(WORDS, 2)),
            "postcode": rng.choice(POSTCODES), "schedule": " ".join(rng.sample(DAYPARTS, 3)),
            "dayparts_needed": "2", "capacity": str(rng.randint(1, 5)),
            "language_min_speaking": rng.choice(("", "A1", "A2", "B1")),
            "childcare_offered": rng.choice(("ja", "nee")), "status": "published",
        })
    return buffer.getvalue().encode("utf-8")


def main(rows: int = 5_000) -> None:
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as directory:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(directory) / 'b.db'}",
                          "KOPPELKANS_ENV": "test", "SECRET_KEY": "bench"})
        with app.app_context():
            upgrade()
            load_demo_region()
            staff = db.session.scalars(select(User).where(User.email == "centrale@demo.nl")).one()
            managed = list(db.session.scalars(
                select(Organisation).where(Organisation.managed_by_id == staff.organisation_id)))
            _existing(staff.organisation, managed, rng)
            data = _csv(rows, [o.name for o in managed], rng)
            before = db.session.scalar(select(func.count()).select_from(Vacancy))

            started = time.perf_counter()
            parsed = read_file("bench.csv", data)
            read_at = time.perf_counter()
            scope = importer.scope_for(staff)
            report = importer.check_rows(parsed.rows, scope)
            checked_at = time.perf_counter()
            decisions = {f"org:{c.key}": f"existing:{c.candidates[0].id}"
                         for c in report.organisation_choices}
            decisions |= {f"row:{c.row}": importer.IMPORT_ANYWAY for c in report.vacancy_choices}
            summary = importer.commit_rows(parsed.rows, scope, decisions)
            done = time.perf_counter()
            after = db.session.scalar(select(func.count()).select_from(Vacancy))
            db.engine.dispose()
    print(f"rows: {rows:,}  file: {len(data) / 1e6:.2f} MB  existing vacancies: {before:,}")
    print(f"problems: {len(report.problems)}  likely duplicate organisations: "
          f"{len(report.organisation_choices)}  likely duplicate vacancies: "
          f"{len(report.vacancy_choices)}")
    print(f"read {read_at - started:.2f} s  check {checked_at - read_at:.2f} s  "
          f"check again + write {done - checked_at:.2f} s")
    print(f"total {done - started:.2f} s  (created {summary.created}, new organisations "
          f"{summary.organisations_created}; vacancies {before:,} -> {after:,})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
