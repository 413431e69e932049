"""The memory of one web worker: a fresh process that does what gunicorn's preload does
(marketplace/wsgi.py: create the app, fit the matching index) and prints its RSS.

    DATABASE_URL=... python bench/national/worker_memory.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def rss_mib() -> float:
    """Resident set size of this process now, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    from marketplace import create_app
    from marketplace.config import config_for_tests
    from marketplace.extensions import db
    from marketplace.services.matching.index import vacancy_index

    app = create_app(config_for_tests(os.environ["DATABASE_URL"]))
    print(f"worker after create_app: RSS {rss_mib():.0f} MiB", flush=True)
    with app.app_context():
        started = time.perf_counter()
        index = vacancy_index()
        seconds = time.perf_counter() - started
        db.session.remove()
    print(f"worker with the index fitted ({len(index):,} published vacancies, fit "
          f"{seconds:.1f} s, load {os.getloadavg()[0]:.2f}): RSS {rss_mib():.0f} MiB",
          flush=True)


if __name__ == "__main__":
    main()
