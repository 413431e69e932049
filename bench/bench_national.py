"""Koppelkans at national size on PostgreSQL: prints figures, asserts nothing.

    python bench/bench_national.py                 # a throw-away server on port 54450
    python bench/bench_national.py --keep /tmp/kk-national   # keep the data, reuse it

Without --keep it starts itself again under ``scripts/with-postgres 54450`` (a server
that is removed afterwards) and generates the instance of bench/national/generate.py:
40 municipalities in 8 regions, 100,000 participants, 100,000 vacancies, 1,000,000
placement events. With --keep the server's data directory stays, and a second run
reuses the instance (about ten minutes saved).

Then, with the machine and the load average beside every figure: the memory of one
web worker with the matching index fitted (a fresh process, as gunicorn's preload), the
matches page for one participant (Flask test client, logged in as her coach; median and
95th percentile after warm-up), the board with radius, the policy officer's dashboard
for one municipality and for a whole region, and a cohort allocation of 200 people.
Targets (issue 22): matches page <= 300 ms, board <= 200 ms, one municipality's
dashboard <= 500 ms, the region's <= 2 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from national.generate import PASSWORD, TODAY, Size, slug  # noqa: E402
from national.geography import regions  # noqa: E402
from national.server import KeptServer  # noqa: E402
from sqlalchemy import create_engine, inspect, select, text  # noqa: E402

PORT = 54450
PARTS = ("worker", "matches", "board", "dashboards", "cohort")
PERIOD = f"peildatum={TODAY}&van={TODAY.replace(year=TODAY.year - 1)}&tot={TODAY}"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def machine() -> str:
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    gib = int(memory.split()[1]) / 1024 / 1024
    return (f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
            f"{gib:.0f} GiB RAM, Python {platform.python_version()}")


def timed(call: Callable[[], Any], repeat: int, warm_up: int = 2) -> list[float]:
    """Milliseconds per call, after `warm_up` calls that are not counted."""
    for _ in range(warm_up):
        call()
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        result.append((time.perf_counter() - started) * 1000)
    return result


def report(label: str, times: list[float], target: str = "") -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{label:<58} median {statistics.median(times):8.1f} ms  p95 {p95:8.1f} ms  "
          f"(n={len(times)}, {load()}){'  target ' + target if target else ''}", flush=True)


# ------------------------------------------------------------------------ the instance


def instance_size(url: str) -> int:
    """Participants already in the database; 0 when it is empty or has no schema."""
    engine = create_engine(url)
    try:
        if not inspect(engine).has_table("participant"):
            return 0
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM participant")).scalar_one())
    finally:
        engine.dispose()


def ensure_instance(url: str, size: Size, scale: float) -> None:
    present = instance_size(url)
    if present == size.participants:
        print(f"reusing the generated instance ({present:,} participants)", flush=True)
        return
    if present:
        raise SystemExit(f"the database holds {present:,} participants, not "
                         f"{size.participants:,}: use another --keep folder")
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "bench/national/generate.py"), url, str(scale)],
                   check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    print(f"generated and analysed in {time.perf_counter() - started:.0f} s ({load()})",
          flush=True)


def planner_settings(url: str) -> str:
    """The settings the figures depend on most, as the app's connections see them
    (PGOPTIONS="-c random_page_cost=1.1" changes them for one run, as a server set up
    for data in memory or on SSD would)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        shown = [f"{name} {connection.execute(text(f'SHOW {name}')).scalar_one()}"
                 for name in ("server_version", "shared_buffers", "random_page_cost",
                              "max_parallel_workers_per_gather")]
    engine.dispose()
    return ", ".join(shown)


def worker_memory(url: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench/national/worker_memory.py")], check=True,
                   env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)})


# ------------------------------------------------------------------------ the pages


def subjects(url: str) -> dict[str, Any]:
    """Who to be: an active Nijmegen and Amsterdam participant with matching consent and
    their coaches (the lowest ids, so every run takes the same)."""
    engine = create_engine(url)
    found: dict[str, Any] = {}
    with engine.connect() as connection:
        for town in ("Nijmegen", "Amsterdam"):
            row = connection.execute(text(
                "SELECT p.id, u.email FROM participant p JOIN user_account u ON u.id = p.coach_id "
                "JOIN consent c ON c.participant_id = p.id AND c.purpose = 'matching' "
                "AND c.withdrawn_on IS NULL JOIN municipality m ON m.id = p.municipality_id "
                "WHERE p.status = 'active' AND m.name = :town ORDER BY p.id LIMIT 1"
            ), {"town": town}).one()
            found[town] = (row.id, row.email)
    engine.dispose()
    return found


def login(app: Any, email: str) -> Any:
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, (email, response.get_data(as_text=True)[-3000:])
    return client


def getter(client: Any, url: str) -> Callable[[], Any]:
    def get() -> Any:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response
    return get


def matches_pages(app: Any, people: dict[str, Any], repeat: int) -> None:
    for town, (participant_id, coach) in people.items():
        client = login(app, coach)
        page = getter(client, f"/koppelen/deelnemers/{participant_id}")
        started = time.perf_counter()
        page()
        print(f"matches page, first request in this process (fits the index): "
              f"{time.perf_counter() - started:.1f} s ({load()})", flush=True)
        report(f"matches page, {town} participant, default", timed(page, repeat), "<= 300 ms")
        filtered = getter(client, f"/koppelen/deelnemers/{participant_id}?type=taalstage&max_km=5")
        report(f"matches page, {town} participant, taalstage within 5 km",
               timed(filtered, repeat), "<= 300 ms")


BOARD = {
    "board, Nijmegen 6511 radius 10 km": "postcode=6511&radius=10",
    "board, Nijmegen 6511 radius 25 km + type + open": "postcode=6511&radius=25&type=taalstage"
                                                        "&open_only=y",
    "board, Amsterdam 1012 radius 10 km": "postcode=1012&radius=10",
    "board, Amsterdam 1012 radius 10 km, page 5": "postcode=1012&radius=10&page=5",
    "board, no filters (all 40 municipalities)": "",
}


def board(app: Any, coach: str, repeat: int) -> None:
    client = login(app, coach)
    for label, query in BOARD.items():
        report(label, timed(getter(client, f"/vacatures/?{query}"), repeat), "<= 200 ms")


def dashboards(app: Any, repeat: int) -> None:
    """The page for one municipality (its policy officer, ?gemeente=), and a region's
    figures through the service with the region's municipalities as the scope: the page
    does not offer a region yet (the region branch's scope rules will set it)."""
    from marketplace.extensions import db
    from marketplace.models import Municipality
    from marketplace.services.reports import monitoring

    towns = regions()
    for town in ("Nijmegen", "Amsterdam", "Heumen"):
        client = login(app, f"beleid-{slug(town)}@landelijk-bench.nl")
        page = getter(client, f"/rapportages/?{PERIOD}&gemeente={town}")
        region = next(name for name, members in towns.items() if town in members)
        report(f"dashboard page, one municipality: {town} ({region})", timed(page, repeat),
               "<= 500 ms")
    few = max(3, repeat // 3)
    with app.app_context():
        for region in ("Rijk van Nijmegen", "Groot Amsterdam"):
            ids = tuple(db.session.scalars(select(Municipality.id).where(
                Municipality.name.in_(towns[region]))))
            filters = replace(monitoring.Filters.default(TODAY), municipality=region,
                              municipality_ids=ids)
            report(f"dashboard service, region {region} ({len(ids)} municipalities)",
                   timed(lambda f=filters: monitoring.dashboard(f), few), "<= 2 s")
    client = login(app, "admin@landelijk-bench.nl")
    everyone = getter(client, f"/rapportages/?{PERIOD}")
    report("dashboard page, no filter: all 40 municipalities (admin)", timed(everyone, few),
           "<= 2 s")


def cohort(app: Any, url: str, repeat: int) -> None:
    """200 looking participants with matching consent in the municipalities a Nijmegen
    coach works for (her caseload may hold only those: platform/access.py), made her
    caseload (a group intake), allocated over the open vacancies within their reach."""
    from marketplace.extensions import db
    from marketplace.models import User
    from marketplace.services.matching import cohort as cohorts

    engine = create_engine(url)
    members = regions()["Rijk van Nijmegen"]
    with engine.begin() as connection:
        coach_id = connection.execute(text(
            "SELECT id FROM user_account WHERE email = 'coach-1-nijmegen@landelijk-bench.nl'"
        )).scalar_one()
        ids = list(connection.execute(text(
            "SELECT p.id FROM participant p JOIN consent c ON c.participant_id = p.id "
            "AND c.purpose = 'matching' AND c.withdrawn_on IS NULL "
            "JOIN user_municipality w ON w.municipality_id = p.municipality_id "
            "AND w.user_id = :coach JOIN municipality m ON m.id = p.municipality_id "
            "WHERE p.status IN ('active', 'intake') AND m.name = ANY(:towns) "
            "ORDER BY p.id LIMIT 200"), {"towns": members, "coach": coach_id}).scalars())
        connection.execute(text("UPDATE participant SET coach_id = :coach WHERE id = ANY(:ids)"),
                           {"coach": coach_id, "ids": ids})
    engine.dispose()
    with app.app_context(), app.test_request_context():
        coach = db.session.get(User, coach_id)
        run = cohorts.run_cohort(coach, ids)
        assigned = sum(1 for row in run.rows if row["assigned"])
        print(f"cohort: {len(ids)} participants asked, {len(run.rows)} allocated, "
              f"{assigned} assigned", flush=True)
        report("cohort allocation of 200 (a Nijmegen coach), warm index",
               timed(lambda: cohorts.run_cohort(coach, ids), repeat, warm_up=0), "<= 2 s")


def run(url: str, args: argparse.Namespace) -> None:
    from flask_migrate import upgrade

    from marketplace import create_app
    from marketplace.config import config_for_tests

    size = Size().scaled(args.scale)
    print(f"machine: {machine()}; {load()}", flush=True)
    print(f"size: {size}", flush=True)
    ensure_instance(url, size, args.scale)
    app = create_app(config_for_tests(url))
    with app.app_context():  # a kept instance gets migrations added since it was made
        upgrade()
    print(f"planner: {planner_settings(url)}", flush=True)
    people = subjects(url)
    parts = set(args.parts.split(","))
    if "worker" in parts:
        worker_memory(url)
    if "matches" in parts:
        matches_pages(app, people, args.repeat)
    if "board" in parts:
        board(app, people["Nijmegen"][1], args.repeat)
    if "dashboards" in parts:
        dashboards(app, args.repeat)
    if "cohort" in parts:
        cohort(app, url, max(2, args.repeat // 10))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the data in this folder")
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--repeat", type=int, default=30, help="requests per figure")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"which figures, comma-separated (default all: {','.join(PARTS)})")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="a fraction of the national size, for a quick try")
    args = parser.parse_args()
    if args.keep:
        server = KeptServer(args.keep.resolve(), args.port)
        url = server.start()
        try:
            run(url, args)
        finally:
            server.stop()
        return
    url = os.environ.get("KOPPELKANS_TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        script = str(ROOT / "scripts/with-postgres")
        os.execv(script, [script, str(args.port), sys.executable, str(Path(__file__).resolve()),
                          *sys.argv[1:]])
    run(url, args)


if __name__ == "__main__":
    main()
