"""Time the vacancy board over 20,000 vacancies: filters, postcode and radius, pages.

Run: ``python bench/bench_board.py [VACANCIES]``. A temporary SQLite database gets the
demo region plus VACANCIES (default 20,000) published vacancies spread over the
Netherlands; a logged-in coach requests the board with the Flask test client for a
few filter and radius combinations. Prints the median and 95th percentile of the
server time per request in ms (target: <= 200 ms).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert, select

from marketplace import create_app
from marketplace.domain.vocabulary import CEFR_LEVELS, DAYPARTS
from marketplace.extensions import db
from marketplace.models import Organisation, Vacancy
from marketplace.models.vacancy import schedule_mask
from marketplace.services.demo_region import load_demo_region
from matching.geo import embedded_table

QUERIES = {
    "no filters": "",
    "type + level + open": "type=taalstage&level=A2&open_only=y",
    "radius 10 km": "postcode=6511&radius=10",
    "radius 25 km + tags": "postcode=6601&radius=25&tags=koken,tuin",
    "radius 50 km + dayparts + childcare":
        "postcode=3511&radius=50&childcare=y&dayparts=mon_morning&dayparts=tue_morning"
        "&dayparts=wed_morning&dayparts=wed_afternoon",
    "radius 10 km, page 3": "postcode=1012&radius=10&page=3",
}
TAGS = ("koken", "tuin", "fietsen", "taal", "zorg", "techniek", "winkel", "kinderen")
REPEATS = 30


def _fill(count: int, rng: random.Random) -> None:
    organisations = list(db.session.scalars(select(Organisation.id)))
    table = embedded_table()
    points = [table[pc4] for pc4 in table]
    rows = []
    for number in range(count):
        point = rng.choice(points)
        schedule = rng.sample(DAYPARTS, rng.randint(1, 4))
        capacity = rng.randint(1, 4)
        rows.append({
            "ref": f"v-bench-{number}", "organisation_id": rng.choice(organisations),
            "type": rng.choice(("vrijwilligerswerk", "taalstage", "werkervaringsplaats")),
            "title": f"Vacature {number:05d}", "description": "", "tags": rng.sample(TAGS, 2),
            "postcode": None, "lat": point.lat + rng.uniform(-0.01, 0.01),
            "lon": point.lon + rng.uniform(-0.01, 0.01), "remote": number % 200 == 0,
            "schedule": schedule, "schedule_mask": schedule_mask(schedule),
            "dayparts_needed": None if number % 3 else 1, "hours_min": 2, "hours_max": 8,
            "capacity": capacity, "filled": rng.randint(0, capacity),
            "lang_min_speaking": rng.choice((None, *CEFR_LEVELS[1:4])),
            "language_rich": False, "language_support": False, "other_languages": [],
            "literacy_required": False, "childcare_offered": number % 5 == 0,
            "children_welcome": number % 7 == 0, "women_only": number % 11 == 0,
            "physical_load": "light", "status": "published", "contact_person": "",
            "proposal_cap": 3,
        })
    db.session.execute(insert(Vacancy), rows)
    db.session.commit()


def main(count: int = 20_000) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(directory) / 'b.db'}",
                          "KOPPELKANS_ENV": "test", "SECRET_KEY": "bench",
                          "WTF_CSRF_ENABLED": False})
        with app.app_context():
            upgrade()
            load_demo_region()
            _fill(count, random.Random(20))
        client = app.test_client()
        client.post("/login", data={"email": "coach@demo.nl", "password": "demo-wachtwoord"})
        print(f"{count:,} extra published vacancies; {REPEATS} requests per query")
        print(f"{'query':40} {'found':>7} {'median ms':>10} {'p95 ms':>8}")
        for name, query in QUERIES.items():
            timings = []
            for _ in range(REPEATS):
                started = time.perf_counter()
                response = client.get(f"/vacatures/?{query}")
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            found = response.get_data(as_text=True).split(' vacatures ', 1)[0].rsplit(">", 1)[-1]
            timings.sort()
            p95 = timings[int(0.95 * (len(timings) - 1))]
            print(f"{name:40} {found.strip():>7} {statistics.median(timings):10.1f} {p95:8.1f}")
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
