"""The web app's matching index: the cost of one edit, and the memory of N workers.

Prints figures with the load average beside each; asserts nothing it measures.

``python bench/bench_index.py edits`` -- 20,000 published vacancies in a temporary
SQLite database, the matches page through the Flask test client: its warm time, then
per kind of edit (filled places, schedule, hours, closing and reopening, a new title,
a new vacancy) the next page after one edit and the time to apply that edit alone.
Target: one edit -> next matches page <= 50 ms extra.

``scripts/with-postgres 54420 scripts/with-redis 54421 python bench/bench_index.py memory``
-- the same 20,000 vacancies in PostgreSQL, gunicorn with gunicorn.conf.py (production
settings, preload) for 1 and 4 workers: RSS, PSS and USS (from /proc/PID/smaps_rollup;
PSS shares each shared page out over the processes mapping it, so the PSS sum is the
honest total) after the start, after serving matches pages, and after edits. Target:
4 workers <= 0.8 GiB. ``--source DIR`` runs another checkout's code (to compare).
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


# ------------------------------------------------------------------------ edits


def _timed(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _edits(app: Any, ids: list[int]) -> dict[str, Callable[[int], None]]:
    """Kinds of edit, each a function of the repetition (so every edit changes a value).

    Each kind edits its own published vacancies (closing one takes it out of the index,
    and a closed one's edits are none of the index's business)."""
    from marketplace.domain.vocabulary import VacancyStatus
    from marketplace.extensions import db
    from marketplace.models import Vacancy

    def vacancy(i: int, kind: int = 0) -> Vacancy:
        found = db.session.get(Vacancy, ids[(50 * kind + i) % len(ids)])
        assert found is not None
        return found

    def filled(i: int) -> None:
        v = vacancy(i)
        v.filled = 0 if v.filled else 1

    def schedule(i: int) -> None:
        vacancy(i, 1).schedule = [["mon_morning"], ["tue_afternoon", "wed_morning"]][i % 2]

    def hours(i: int) -> None:
        v = vacancy(i, 2)
        v.hours_min, v.hours_max = (4, 8 + i % 5)

    def close_and_reopen(i: int) -> None:
        v = vacancy(i // 2, 3)  # the same one closed, then reopened
        v.status = VacancyStatus.CLOSED if v.status == VacancyStatus.PUBLISHED \
            else VacancyStatus.PUBLISHED

    def title(i: int) -> None:
        vacancy(i, 4).title = f"Koken en tuinieren in de wijk, versie {i}"

    def new_vacancy(i: int) -> None:
        import random

        from bench_matching import vacancy_record

        from marketplace.services.profiles.rows import vacancy_fields_from_profile

        record = vacancy_record(random.Random(i), 900_000 + i) | {"status": "published"}
        fields = vacancy_fields_from_profile(record)
        fields["organisation_id"] = vacancy(0).organisation_id
        db.session.add(Vacancy(**fields))

    return {"filled places": filled, "schedule": schedule, "hours": hours,
            "close / reopen": close_and_reopen, "title (text re-indexed)": title,
            "new vacancy": new_vacancy}


def bench_edits(args: argparse.Namespace) -> None:
    from _region import PASSWORD, load_caseload, load_vacancies, make_app
    from sqlalchemy import select

    from marketplace.extensions import db
    from marketplace.models import Vacancy
    from marketplace.services.matching.index import vacancy_index

    app = make_app()
    with app.app_context():
        load_vacancies(args.vacancies)
        _, people = load_caseload(3)
        person = people[0].id
        ids = list(db.session.scalars(select(Vacancy.id).order_by(Vacancy.id).limit(500)))
    client = app.test_client()
    client.post("/login", data={"email": "bench-coach@test.nl", "password": PASSWORD})
    url = f"/koppelen/deelnemers/{person}"

    def page() -> None:
        assert client.get(url).status_code == 200

    print(f"cold matches page (fits {args.vacancies} vacancies): "
          f"{_timed(page) * 1000:.0f} ms   ({load()})")
    with app.app_context():
        fitted = vacancy_index().ranker.text_index_.postings_
    warm = [_timed(page) for _ in range(args.repeat)]
    print(f"warm matches page, nothing edited: median {median_ms(warm):.1f} ms   ({load()})")
    for name, edit in _edits(app, ids).items():
        before, after, alone = [], [], []
        for i in range(args.repeat):
            before.append(_timed(page))  # the same moment's load, without an edit
            with app.app_context():
                edit(2 * i)
                db.session.commit()
            after.append(_timed(page))
            with app.app_context():
                edit(2 * i + 1)
                db.session.commit()
                alone.append(_timed(vacancy_index))
        extra = statistics.median(a - b for a, b in zip(after, before, strict=True)) * 1000
        print(f"one edit, {name:<24} next page median {median_ms(after):6.1f} ms, the page "
              f"before it {median_ms(before):6.1f} ms: {extra:+6.1f} ms extra (median of pairs);"
              f" applying the edit alone median {median_ms(alone):5.1f} ms, max "
              f"{max(alone) * 1000:5.1f} ms   ({load()})")
    with app.app_context():
        index = vacancy_index()
        refitted = index.ranker.text_index_.postings_ is not fitted
        print(f"after {index.edits} applied edits: refitted: {refitted}"
              f", {len(index)} vacancies, texts changed since the fit: "
              f"{getattr(index.ranker.text_index_, 'drift_', 0)}   ({load()})")


# ------------------------------------------------------------------------ memory


class Browser:
    """Cookies by hand: the production session cookie is Secure (http.cookiejar would
    keep it for https only)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None
                ) -> tuple[int, str]:
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";")[0]
            return response.status, text
        finally:
            connection.close()

    def log_in(self, email: str, password: str) -> int:
        _, page = self.request("GET", "/login")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        assert token, "no csrf_token on /login"
        status, _ = self.request("POST", "/login", {
            "email": email, "password": password, "csrf_token": token.group(1)})
        return status


def smaps(pid: int) -> dict[str, int]:
    """kB figures of /proc/PID/smaps_rollup."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        values[name] = int(rest.split()[0])
    return values


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def report_memory(label: str, master: int) -> None:
    rows = [("master", master)] + [(f"worker {i + 1}", pid)
                                   for i, pid in enumerate(children(master))]
    totals = {"Rss": 0, "Pss": 0, "USS": 0}
    print(f"  {label}   ({load()})")
    for name, pid in rows:
        m = smaps(pid)
        uss = m["Private_Clean"] + m["Private_Dirty"]
        shared = m["Shared_Clean"] + m["Shared_Dirty"]
        totals["Rss"] += m["Rss"]
        totals["Pss"] += m["Pss"]
        totals["USS"] += uss
        print(f"    {name:<9} RSS {m['Rss'] / 1024:7.1f} MiB  PSS {m['Pss'] / 1024:7.1f} MiB  "
              f"USS {uss / 1024:7.1f} MiB  shared {shared / 1024:7.1f} MiB")
    print(f"    total     RSS {totals['Rss'] / 1024:7.1f} MiB  PSS {totals['Pss'] / 1024:7.1f} "
          f"MiB  USS {totals['USS'] / 1024:7.1f} MiB   (PSS sum = the memory these processes "
          "take together)")


def _seed_postgres(url: str, vacancies: int) -> tuple[str, list[int]]:
    from _region import PASSWORD, load_caseload, load_vacancies  # noqa: F401
    from flask_migrate import upgrade
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from marketplace import create_app

    base = make_url(url)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS koppelkans_bench WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE koppelkans_bench"))
    admin.dispose()
    bench_url = base.set(database="koppelkans_bench").render_as_string(hide_password=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": bench_url, "TESTING": True,
                      "KOPPELKANS_ENV": "test", "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False})
    started = time.perf_counter()
    with app.app_context():
        upgrade()
        load_vacancies(vacancies)
        _, people = load_caseload(8)
        ids = [p.id for p in people]
        from marketplace.extensions import db

        db.engine.dispose()
    print(f"seeded {vacancies} vacancies in PostgreSQL in {time.perf_counter() - started:.0f} s"
          f"   ({load()})")
    return bench_url, ids


def _edit_in_database(url: str, round_: int) -> None:
    """One filled-places edit and one title edit, as another process would make them."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE vacancy SET filled = 1 - filled, updated_at = now() WHERE id = :a"),
            {"a": 10 + round_})
        connection.execute(text(
            "UPDATE vacancy SET title = :t, updated_at = now() WHERE id = :b"),
            {"t": f"Nieuwe titel {round_}", "b": 20 + round_})
    engine.dispose()


def bench_memory(args: argparse.Namespace) -> None:
    base = os.environ.get("KOPPELKANS_TEST_DATABASE_URL", "")
    redis = os.environ.get("KOPPELKANS_TEST_REDIS_URL", "")
    if not base.startswith("postgresql") or not redis:
        sys.exit("memory needs scripts/with-postgres PORT scripts/with-redis PORT around it")
    from _region import PASSWORD

    url, people = _seed_postgres(base, args.vacancies)
    source = Path(args.source).resolve()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    for workers in args.workers:
        env = {**os.environ, "KOPPELKANS_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
               "DATABASE_URL": url, "REDIS_URL": redis, "BIND": f"127.0.0.1:{args.port}",
               "WEB_CONCURRENCY": str(workers), "LOG_LEVEL": "warning",
               "PYTHONPATH": str(source), "KOPPELKANS_INSTANCE": f"/tmp/kk-bench-{os.getpid()}"}
        env.pop("KOPPELKANS_TEST_DATABASE_URL", None)
        print(f"\ngunicorn, {workers} worker(s), {args.vacancies} vacancies, code of {source}")
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 (our own gunicorn, no shell)
            [str(gunicorn), "-c", "gunicorn.conf.py"], cwd=source, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            _measure(process, workers, args, started, people, url, PASSWORD)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)


def _measure(process: subprocess.Popen[bytes], workers: int, args: argparse.Namespace,
             started: float, people: list[int], url: str, password: str) -> None:
    browser = Browser(args.port)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            ready = browser.request("GET", "/readyz")[0] == 200
            if ready and len(children(process.pid)) >= workers:
                break
        except OSError:
            pass
        if process.poll() is not None:
            sys.exit("gunicorn stopped")
        time.sleep(0.5)
    print(f"  ready (index fitted in the master) after {time.perf_counter() - started:.1f} s"
          f"   ({load()})")
    report_memory("after the start", process.pid)
    assert browser.log_in("bench-coach@test.nl", password) == 302

    def page(i: int) -> float:
        began = time.perf_counter()
        status, _ = browser.request("GET", f"/koppelen/deelnemers/{people[i % len(people)]}")
        assert status == 200, status
        return time.perf_counter() - began

    def serve(label: str) -> None:
        with ThreadPoolExecutor(max(2, workers * 2)) as pool:
            times = list(pool.map(page, range(args.requests)))
        print(f"  {args.requests} matches pages {label}: median {median_ms(times):.0f} ms, "
              f"max {max(times) * 1000:.0f} ms   ({load()})")

    serve("(first ones of each worker included)")
    report_memory("after serving", process.pid)
    for round_ in range(args.edit_rounds):
        _edit_in_database(url, round_)
        serve(f"after edit round {round_ + 1} (a filled place and a title)")
    report_memory(f"after {args.edit_rounds} rounds of edits, applied by every worker",
                  process.pid)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=("edits", "memory"))
    parser.add_argument("--vacancies", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--edit-rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=54425)
    parser.add_argument("--source", default=str(ROOT))
    args = parser.parse_args()
    bench_edits(args) if args.part == "edits" else bench_memory(args)


if __name__ == "__main__":
    main()
