"""Benchmark: the monitoring dashboard over 10,000 participants and 50,000 placement events.

Builds a throw-away SQLite database (or DATABASE_URL, if set) with the migrations,
fills it with synthetic rows through bulk inserts, then times GET /rapportages/ for a
logged-in policy officer with the Flask test client, the service call alone, the
policy officer's start page (the same dashboard) and the council PDF.
Prints figures; asserts nothing. Target: ≤ 500 ms server time for the pages.

    .venv/bin/python bench/bench_dashboard.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from marketplace import create_app  # noqa: E402
from marketplace.config import config_for_tests  # noqa: E402
from marketplace.domain.placements import PlacementState  # noqa: E402
from marketplace.domain.vocabulary import (  # noqa: E402
    ZRM_DOMAINS,
    ExitReason,
    ParticipationRoute,
    Role,
)
from marketplace.extensions import db  # noqa: E402
from marketplace.models import (  # noqa: E402
    Measurement,
    Organisation,
    Participant,
    Placement,
    PlacementEvent,
    Vacancy,
    ZrmScore,
)
from marketplace.models.measurement import refresh_progress  # noqa: E402
from marketplace.services.accounts.users import create_user  # noqa: E402
from marketplace.services.reports import monitoring  # noqa: E402

PARTICIPANTS = 10_000
EVENTS = 50_000
VACANCIES = 500
MUNICIPALITIES = ("Nijmegen", "Wijchen", "Weert")
PATH = (
    PlacementState.PROPOSED,
    PlacementState.ACCEPTED,
    PlacementState.KENNISMAKING,
    PlacementState.PROEFPERIODE,
    PlacementState.PLACED,
    PlacementState.ENDED,
)


def _people(rng: random.Random, coaches: list[int]) -> list[dict[str, object]]:
    rows = []
    for number in range(PARTICIPANTS):
        intake = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
        closed = rng.random() < 0.2
        rows.append(
            {
                "ref": f"b-{number}",
                "coach_id": rng.choice(coaches),
                "first_name": "X",
                "last_name": "",
                "status": "closed" if closed else "active",
                "intake_date": intake,
                "municipality": rng.choice(MUNICIPALITIES),
                "participation_route": rng.choice(list(ParticipationRoute)).value,
                "route": rng.choice(["B1", "Z", "onderwijs"]),
                "closed_on": intake + timedelta(days=200) if closed else None,
                "exit_reason": rng.choice(list(ExitReason)).value if closed else None,
                "max_travel_km": 10,
                "hours_min": 0,
                "hours_max": 16,
            }
        )
    return rows


def _fill(rng: random.Random) -> None:
    coaches = [
        create_user(f"c{n}@bench.nl", f"Coach {n}", Role.COACH, "bench-wachtwoord-1")
        for n in range(20)
    ]
    for n, coach in enumerate(coaches):
        coach.team, coach.municipality = f"Team {n % 5}", MUNICIPALITIES[n % 3]
    organisation = Organisation(key="o", name="O", kind="wijkcentrum", municipality="Nijmegen")
    db.session.add(organisation)
    db.session.flush()
    db.session.execute(
        insert(Vacancy),
        [
            {"ref": f"v-{n}", "organisation_id": organisation.id, "type": "vrijwilligerswerk",
             "title": "V", "capacity": 1000, "filled": 0, "status": "published",
             "hours_min": 0, "hours_max": 8}
            for n in range(VACANCIES)
        ],
    )
    db.session.execute(insert(Participant), _people(rng, [c.id for c in coaches]))
    db.session.flush()
    _measurements(rng)
    _placements(rng)
    db.session.commit()


def _measurements(rng: random.Random) -> None:
    rows = []
    for pid in range(1, PARTICIPANTS + 1):
        for kind, offset in (("nulmeting", 0), ("tussenmeting", 60)):
            rows.append({"participant_id": pid, "kind": kind, "ladder_step": rng.randint(1, 5),
                         "measured_on": date(2025, 1, 1) + timedelta(days=offset + pid % 500)})
    db.session.execute(insert(Measurement), rows)
    scores = [
        {"measurement_id": mid, "domain": domain, "score": rng.randint(1, 5)}
        for mid in range(1, 2 * PARTICIPANTS + 1)
        for domain in ZRM_DOMAINS
    ]
    db.session.execute(insert(ZrmScore), scores)
    # Bulk inserts skip the ORM hook that keeps each measurement's comparison with the
    # nulmeting up to date; the app never inserts this way, the benchmark does it itself.
    refresh_progress(db.session.connection(), range(1, PARTICIPANTS + 1))


def _placements(rng: random.Random) -> None:
    placements, events = [], []
    pairs: set[tuple[int, int]] = set()  # one proposal per participant and vacancy (0008)
    while len(events) < EVENTS:
        pair = (rng.randint(1, PARTICIPANTS), rng.randint(1, VACANCIES))
        if pair in pairs:
            continue
        pairs.add(pair)
        pid = len(placements) + 1
        steps = rng.randint(1, len(PATH))
        placements.append({"participant_id": pair[0],
                           "vacancy_id": pair[1], "state": PATH[steps - 1],
                           "outcome": "completed" if steps == len(PATH) else None})
        start = datetime(2025, 3, 1, tzinfo=UTC) + timedelta(days=rng.randint(0, 500))
        events += [{"placement_id": pid, "to_state": state, "at": start + timedelta(days=7 * i)}
                   for i, state in enumerate(PATH[:steps])]
    db.session.execute(insert(Placement), placements)
    db.session.execute(insert(PlacementEvent), events[:EVENTS])


def _timings(call, repeats: int) -> list[float]:
    result = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        result.append((time.perf_counter() - start) * 1000)
    return result


def main() -> None:
    folder = tempfile.mkdtemp()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench.db"
    app = create_app(config_for_tests(url))
    with app.app_context():
        upgrade()
        started = time.perf_counter()
        _fill(random.Random(10))
        if db.engine.dialect.name == "postgresql":
            # Autovacuum gathers planner statistics shortly after a bulk load; without
            # them PostgreSQL guesses one row per table and picks nested loops.
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        print(f"filled {PARTICIPANTS} participants, {EVENTS} placement events "
              f"in {time.perf_counter() - started:.1f} s ({db.engine.dialect.name})")
        create_user("beleid@bench.nl", "Beleid", Role.POLICY, "bench-wachtwoord-1")
        db.session.commit()
        filters = monitoring.Filters(date(2026, 6, 30), date(2025, 7, 1), date(2026, 6, 30))
        service = _timings(lambda: monitoring.dashboard(filters), 10)
    client = app.test_client()
    client.post("/login", data={"email": "beleid@bench.nl", "password": "bench-wachtwoord-1"})
    query = "/rapportages/?peildatum=2026-06-30&van=2025-07-01&tot=2026-06-30"
    page = _timings(lambda: client.get(query), 10)
    filtered = _timings(lambda: client.get(query + "&gemeente=Wijchen&team=Team+2"), 10)
    start_page = _timings(lambda: client.get("/" + query[len("/rapportages/"):]), 10)
    # The PDF is a download, not a page view: reported, not held to the 500 ms.
    report = _timings(lambda: client.get(query.replace("/?", "/rapport.pdf?")), 3)
    for name, values in (("service only", service), ("page", page), ("page, filtered", filtered),
                         ("start page", start_page), ("council PDF", report)):
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"{name:16s} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms "
              f"(n={len(values)})")


if __name__ == "__main__":
    main()
