"""Matches page over 20,000 published vacancies: server time once the index is warm.

Run with ``python bench/bench_matches_page.py``. Builds a temporary SQLite database
with synthetic vacancies around Nijmegen/Wijchen, logs a coach in with the Flask test
client and times GET /koppelen/deelnemers/<id> (default search, and with filters and
weights), after one cold request that fits the index. Target: median <= 300 ms warm.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _region import PASSWORD, load_caseload, load_vacancies, make_app


def _time(client, url: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def _report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    print(f"{label:<44} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms"
          f"   (n={len(times)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vacancies", type=int, default=20_000)
    parser.add_argument("--participants", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    app = make_app()
    with app.app_context():
        started = time.perf_counter()
        load_vacancies(args.vacancies)
        _, people = load_caseload(args.participants)
        ids = [p.id for p in people]
        print(f"loaded {args.vacancies} published vacancies, {len(ids)} participants "
              f"in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    client.post("/login", data={"email": "bench-coach@test.nl", "password": PASSWORD})
    cold = _time(client, f"/koppelen/deelnemers/{ids[0]}", 1)[0]
    print(f"cold request (converts and fits the index): {cold:.0f} ms")
    default, filtered, weighted = [], [], []
    for pid in ids:
        default += _time(client, f"/koppelen/deelnemers/{pid}", args.repeat)
        filtered += _time(client, f"/koppelen/deelnemers/{pid}?type=taalstage&max_km=5",
                          args.repeat)
        weighted += _time(client, f"/koppelen/deelnemers/{pid}?w_interest=80&w_distance=5"
                          "&w_schedule=10&w_hours=10&w_language=15&w_route=15", args.repeat)
    _report("warm, default search (top 50)", default)
    _report("warm, type + max distance filter", filtered)
    _report("warm, own weights", weighted)
    more = _time(client, f"/koppelen/deelnemers/{ids[0]}?toon=200&uitgesloten=200", args.repeat)
    _report("warm, 200 ranked + 200 excluded shown", more)


if __name__ == "__main__":
    main()
