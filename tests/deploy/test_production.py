"""The production setup, for real, on loopback: `scripts/prod` (what `make prod` runs,
the README's Production section) with gunicorn's 3 workers on PostgreSQL and Redis, its
jobs process, a second jobs process beside it and a local SMTP server (aiosmtpd).

One test, in steps, because starting the setup is the expensive part. It runs in the
PostgreSQL pass of `./dev test` (scripts/with-postgres and scripts/with-redis provide
the servers) and skips elsewhere.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from marketplace import create_app
from marketplace.config import config_for_tests
from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.extensions import db as _db
from marketplace.models import OutboxMessage, Participant, Vacancy
from marketplace.services.accounts.api_tokens import issue_token
from tests.builders import (
    PASSWORD,
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)
from tests.deploy.test_jobs import Inbox

ROOT = Path(__file__).resolve().parents[2]
WEB_PORT, SMTP_PORT, REDIS_PORT = 54510, 54511, 54512
WORKERS = 3
RACERS = 50
DATABASE = "koppelkans_prod_e2e"

pytestmark = [
    pytest.mark.postgres,
    # Fixed ports, one database name and a flushed Redis: one pytest-xdist worker runs
    # all of this module (`--dist loadgroup`).
    pytest.mark.xdist_group("production_processes"),
    pytest.mark.skipif(
        not os.environ.get("KOPPELKANS_TEST_DATABASE_URL", "").startswith("postgresql"),
        reason="needs PostgreSQL: run through scripts/with-postgres (make test-postgres)"),
    pytest.mark.skipif(
        not os.environ.get("KOPPELKANS_TEST_REDIS_URL") and not shutil.which("redis-server"),
        reason="needs redis-server (Debian's redis-server; make system-deps installs it)"),
]


def _wait_for(check: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds:g} s waiting for {what}")


# --------------------------------------------------------------------------- servers


@pytest.fixture()
def redis_url() -> Iterator[str]:
    """The Redis of scripts/with-redis, or one of our own for this test."""
    given = os.environ.get("KOPPELKANS_TEST_REDIS_URL")
    process = None
    if not given:
        process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(REDIS_PORT), "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = given or f"redis://127.0.0.1:{REDIS_PORT}/0"
    import redis

    client = redis.Redis.from_url(url)
    try:
        _wait_for(lambda: _pings(client), 10, "redis")
        client.flushdb()  # no rate-limit counters from an earlier run
        yield url
    finally:
        client.close()
        if process is not None:
            process.terminate()
            process.wait(timeout=10)


def _pings(client: Any) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


@pytest.fixture()
def database_url() -> Iterator[str]:
    """An empty database of its own on the test server, dropped afterwards."""
    base = make_url(os.environ["KOPPELKANS_TEST_DATABASE_URL"])
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {DATABASE}"))
    try:
        yield base.set(database=DATABASE).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture()
def inbox() -> Iterator[Inbox]:
    received = Inbox()
    controller = Controller(received, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield received
    controller.stop()


@dataclass
class Processes:
    env: dict[str, str]
    logs: Path
    started: list[tuple[subprocess.Popen[bytes], Path]] = field(default_factory=list)

    def start(self, name: str, command: list[str]) -> subprocess.Popen[bytes]:
        out = self.logs / f"{name}.out"
        with out.open("wb") as stdout, (self.logs / f"{name}.err").open("wb") as stderr:
            process = subprocess.Popen(  # noqa: S603 (our own scripts, no shell)
                command, cwd=ROOT, env=self.env, stdout=stdout, stderr=stderr,
                start_new_session=True)  # its own group: stopping it stops gunicorn's workers
        self.started.append((process, out))
        return process

    def stop(self) -> None:
        for process, _ in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _ in self.started:
            try:
                process.wait(timeout=45)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    def log_lines(self) -> list[str]:
        lines = []
        for path in sorted(self.logs.iterdir()):
            lines += [line for line in path.read_text(errors="replace").splitlines() if line]
        return lines

    def tail(self) -> str:
        return "\n".join(self.log_lines()[-40:])


@pytest.fixture()
def production(tmp_path: Path, database_url: str, redis_url: str,
               inbox: Inbox) -> Iterator[Processes]:
    env = {
        **os.environ,
        "KOPPELKANS_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "BIND": f"127.0.0.1:{WEB_PORT}",
        "WEB_CONCURRENCY": str(WORKERS),
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(SMTP_PORT),
        "SMTP_STARTTLS": "false",
        "BASE_URL": f"http://127.0.0.1:{WEB_PORT}",
        "KOPPELKANS_INSTANCE": str(tmp_path / "instance"),
        "BIN": str(Path(sys.executable).parent),
        "FLASK_APP": "marketplace",
        # Shorter than production's minute, so the test waits seconds, not minutes.
        "JOBS_TICK": "0.5",
        "JOBS_MAIL_EVERY": "1",
    }
    env.pop("KOPPELKANS_TEST_DATABASE_URL", None)
    (tmp_path / "logs").mkdir()
    processes = Processes(env, tmp_path / "logs")
    try:
        prod = processes.start("prod", [str(ROOT / "scripts/prod")])
        _wait_for(lambda: prod.poll() is not None or _status("/healthz") == 200, 120,
                  "gunicorn to answer /healthz")
        assert prod.poll() is None, f"scripts/prod stopped:\n{processes.tail()}"
        yield processes
    finally:
        processes.stop()


def _status(path: str) -> int | None:
    try:
        return Browser("127.0.0.1").request("GET", path).status
    except OSError:
        return None


# --------------------------------------------------------------------------- a browser


@dataclass
class Reply:
    status: int
    body: str
    headers: dict[str, str]
    request_id: str


class Browser:
    """A client from one loopback address (so each gets its own rate limits) that keeps
    cookies by hand: the session cookie is Secure, which http.cookiejar keeps for https."""

    def __init__(self, source_ip: str) -> None:
        self.source_ip = source_ip
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None,
                json_body: Any = None, token: str | None = None) -> Reply:
        request_id = secrets.token_hex(8)
        headers = {"X-Request-Id": request_id}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if json_body is not None:
            body = json.dumps(json_body)
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=90,
                                                source_address=(self.source_ip, 0))
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            data = response.read().decode(errors="replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";")[0]
            return Reply(response.status, data, {k.lower(): v for k, v in response.getheaders()},
                         request_id)
        finally:
            connection.close()

    def csrf_token(self, path: str) -> str:
        page = self.request("GET", path)
        tag = re.search(r'<input[^>]*name="csrf_token"[^>]*>', page.body)
        assert tag, f"no csrf_token on {path}: {page.status}"
        value = re.search(r'value="([^"]+)"', tag.group(0))
        assert value
        return value.group(1)

    def log_in(self, email: str, password: str) -> Reply:
        token = self.csrf_token("/login")
        return self.request("POST", "/login",
                            form={"email": email, "password": password, "csrf_token": token})


def _access_lines(processes: Processes) -> dict[str, dict[str, Any]]:
    """request id -> its access log line (gunicorn writes one per request)."""
    found = {}
    for line in processes.log_lines():
        entry = json.loads(line)
        if entry.get("logger") == "gunicorn.access":
            found[entry["request_id"]] = entry
    return found


# --------------------------------------------------------------------------- data


@dataclass
class World:
    coach_email: str
    member_email: str
    racers: list[int]
    race_vacancy: int
    proposal_participant: str
    proposal_vacancy: str
    coach_token: str
    member_token: str
    personal: list[str]


def _world(database_url: str) -> World:
    """Accounts, a vacancy with one place left and 50 placements racing for it."""
    app = create_app(config_for_tests(database_url))
    with app.app_context():
        organisation = make_organisation()
        member = make_user(Role.ORGANISATION, organisation=organisation,
                           email="lid.e2e@test.nl", name="Ans Lid")
        coach = make_user(Role.COACH, email="coach.e2e@test.nl", name="Carla Coach")
        race = make_vacancy(organisation, capacity=3, filled=2, title="Gastvrouw")
        racers = [make_placement(make_participant(coach), race,
                                 state=PlacementState.KENNISMAKING).id for _ in range(RACERS)]
        person = make_participant(coach, first_name="Fatima", last_name="Testpersoon",
                                  consents=(ConsentPurpose.MATCHING, ConsentPurpose.SHARING))
        other = make_vacancy(organisation, title="Koken in het wijkcentrum")
        names = [f"{p.first_name} {p.last_name}" for p in _db.session.scalars(select(Participant))]
        coach_token = issue_token(coach.email, PASSWORD)
        member_token = issue_token(member.email, PASSWORD)
        assert coach_token and member_token
        world = World(coach.email, member.email, racers, race.id, person.ref, other.ref,
                      coach_token.token, member_token.token,
                      [member.email, coach.email, "Fatima", "Testpersoon", *names])
        _db.session.remove()
        _db.engine.dispose()
    return world


# --------------------------------------------------------------------------- the test


def test_the_production_setup_on_loopback(production: Processes, database_url: str,
                                          inbox: Inbox) -> None:
    second_jobs = production.start(
        "jobs2", [str(Path(sys.executable).parent / "flask"), "jobs", "run"])
    world = _world(database_url)
    secrets_seen = [PASSWORD, world.coach_token, world.member_token]

    assert Browser("127.0.0.1").request("GET", "/readyz").status == 200

    secrets_seen += _login_works_on_every_worker(production, world)
    _eleventh_wrong_login_is_refused(production)
    _fifty_confirmations_one_winner(world, database_url)
    _proposal_mail_arrives_once(world, inbox, database_url)

    assert second_jobs.poll() is None, production.tail()
    production.stop()
    _logs_are_json_without_personal_data(production, world.personal + secrets_seen)


def _login_works_on_every_worker(production: Processes, world: World) -> list[str]:
    """Logins in parallel rounds (each from its own address) until all 3 workers served one."""
    served_by: set[int] = set()
    cookies: list[str] = []
    for round_number in range(8):
        browsers = [Browser(f"127.0.1.{round_number * 4 + i + 1}") for i in range(WORKERS)]
        with ThreadPoolExecutor(WORKERS) as pool:
            replies = list(pool.map(
                lambda b: b.log_in(world.coach_email, PASSWORD), browsers))
        for browser, reply in zip(browsers, replies, strict=True):
            assert reply.status == 302, re.findall(r'kk-error-text">([^<]+)<', reply.body)
            start = browser.request("GET", "/")
            assert start.status == 200, start.status
            cookies += browser.cookies.values()
        time.sleep(0.3)  # the access lines reach the log file
        access = _access_lines(production)
        served_by |= {access[r.request_id]["pid"] for r in replies if r.request_id in access}
        if len(served_by) == WORKERS:
            return cookies
    raise AssertionError(f"logins were served by {len(served_by)} of {WORKERS} workers")


def _eleventh_wrong_login_is_refused(production: Processes) -> None:
    """Eleven wrong logins for one account within a minute, spread over the workers: the
    first five are answered, and from the sixth on (the eleventh included) every worker
    refuses, because the failures are counted where every worker sees them (the
    database). Per client address the limit is higher (ADDRESS_LIMIT), so that an office
    behind one address is not locked out by its own typos (issue 20)."""
    browsers = [Browser("127.0.2.1") for _ in range(11)]
    tokens = [b.csrf_token("/login") for b in browsers]  # GETs are not limited

    def wrong(i: int) -> Reply:
        return browsers[i].request("POST", "/login", form={
            "email": "niemand.e2e@test.nl", "password": "fout", "csrf_token": tokens[i]})

    with ThreadPoolExecutor(5) as pool:
        first_five = list(pool.map(wrong, range(5)))
    assert [r.status for r in first_five] == [200] * 5
    later = [wrong(i) for i in range(5, 11)]
    assert [r.status for r in later] == [429] * 6
    time.sleep(0.3)
    access = _access_lines(production)
    workers = {access[r.request_id]["pid"] for r in [*first_five, *later]
               if r.request_id in access}
    assert len(workers) >= 2, "the wrong logins all went to one worker; nothing was shared"


def _fifty_confirmations_one_winner(world: World, database_url: str) -> None:
    body = {"action": PlacementAction.START_PROEFPERIODE.value,
            "proefperiode_start": "2026-03-02", "proefperiode_end": "2026-05-01"}

    def confirm(placement_id: int) -> int:
        return Browser("127.0.3.1").request(
            "POST", f"/api/v1/placements/{placement_id}/transitions", json_body=body,
            token=world.member_token).status

    with ThreadPoolExecutor(RACERS) as pool:
        statuses = list(pool.map(confirm, world.racers))
    assert statuses.count(200) == 1, statuses
    assert statuses.count(409) == RACERS - 1, statuses
    engine = create_engine(database_url)
    with engine.connect() as connection:
        filled = connection.scalar(select(Vacancy.filled).where(Vacancy.id == world.race_vacancy))
    engine.dispose()
    assert filled == 3


def _proposal_mail_arrives_once(world: World, inbox: Inbox, database_url: str) -> None:
    proposed = Browser("127.0.3.2").request(
        "POST", "/api/v1/placements", token=world.coach_token, json_body={
            "participant": world.proposal_participant, "vacancy": world.proposal_vacancy,
            "message": "Zij kookt graag."})
    assert proposed.status == 201, proposed.body

    def proposal_mail() -> list[Message]:
        return [m for m in inbox.messages
                if m["To"] == world.member_email and "Nieuw voorstel" in str(m["Subject"])]

    _wait_for(proposal_mail, 30, "the proposal's mail through the jobs process")
    engine = create_engine(database_url)

    def all_sent() -> bool:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(OutboxMessage)
                                     .where(OutboxMessage.sent_at.is_(None))) == 0

    _wait_for(all_sent, 30, "the outbox to empty")
    time.sleep(3)  # several more rounds of both jobs processes
    with engine.connect() as connection:
        rows = connection.scalar(select(func.count()).select_from(OutboxMessage))
        attempts = set(connection.scalars(select(OutboxMessage.attempts)))
    engine.dispose()
    message_ids = [m["Message-ID"] for m in inbox.messages]
    assert len(proposal_mail()) == 1
    assert len(message_ids) == rows and len(set(message_ids)) == rows, "a mail went twice"
    assert attempts == {1}


def _logs_are_json_without_personal_data(production: Processes, forbidden: list[str]) -> None:
    lines = production.log_lines()
    assert len(lines) > 100
    for line in lines:
        entry = json.loads(line)  # every line of every process is one JSON object
        assert {"time", "level", "message"} <= entry.keys(), line
    everything = "\n".join(lines)
    leaked = [value for value in forbidden if value and value in everything]
    assert leaked == []
