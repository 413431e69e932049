"""How long the fairness audit takes on a larger region; prints figures, asserts nothing.

Run with ``python bench/bench_audit.py [--people N] [--vacancies M]``. Uses the
synthetic profiles of ``bench_matching.py`` (fixed seeds). The audit scores every
participant against every vacancy and decodes every exclusion's reason codes, so its
cost grows with people x vacancies; the fairness page runs it on each visit.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_matching import participants, vacancies  # noqa: E402

from matching import Ranker  # noqa: E402
from matching.audit import audit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--vacancies", type=int, default=2000)
    args = parser.parse_args()
    ranker = Ranker().fit(vacancies(args.vacancies))
    for n in args.people:
        people = participants(n)
        started = time.perf_counter()
        result = audit(ranker, people, min_group=5)
        seconds = time.perf_counter() - started
        one, five, fifteen = os.getloadavg()
        print(f"audit {n} participants x {args.vacancies} vacancies "
              f"({result.vacancies} open): {seconds:.2f} s "
              f"(load {one:.2f} {five:.2f} {fifteen:.2f})")


if __name__ == "__main__":
    main()
