"""Cohort allocation of 200 participants over 2,000 published vacancies, through the service.

Run with ``python bench/bench_cohort.py``. Times services.matching.cohort.run_cohort (open
slots per vacancy from capacity and proposal cap, one score row per participant, the
exact assignment, storing the run) with a cold index (includes fitting) and warm.
Target: <= 2 s.
"""

from __future__ import annotations

import argparse
import time

from _region import load_caseload, load_vacancies, make_app

from marketplace.services.matching import cohort, index


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vacancies", type=int, default=2_000)
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = make_app()
    with app.app_context(), app.test_request_context():
        load_vacancies(args.vacancies)
        coach, people = load_caseload(args.participants)
        ids = [p.id for p in people]
        started = time.perf_counter()
        run = cohort.run_cohort(coach, ids)
        cold = time.perf_counter() - started
        assigned = sum(1 for row in run.rows if row["assigned"])
        print(f"{len(ids)} participants x {args.vacancies} vacancies: "
              f"{assigned} assigned, total score {run.total_score:.2f}")
        print(f"cold (includes converting and fitting the index): {cold:.2f} s")
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            cohort.run_cohort(coach, ids)
            times.append(time.perf_counter() - started)
        print(f"warm: best {min(times):.2f} s, worst {max(times):.2f} s (n={len(times)})")
        print(f"index fit time: {index.vacancy_index().fit_seconds:.2f} s")


if __name__ == "__main__":
    main()
