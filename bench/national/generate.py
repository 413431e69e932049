"""Generate a national-size Koppelkans instance into PostgreSQL with COPY.

    python bench/national/generate.py postgresql+psycopg://postgres@127.0.0.1:54450/db

Forty municipalities in eight regions (geography.py), 100,000 participants with their
consents, measurements and ZRM scores, 100,000 vacancies of about 8,000 organisations,
and 1,000,000 placement events (proposals and every later step) with the placements
they belong to and their check-ins. A fixed seed gives the same instance every time.

Rows are built in memory as tuples and written with PostgreSQL's COPY (psycopg's
`cursor.copy`), not through the ORM: the ORM would take hours at this size. Vacancy
and participant columns still come from the spec profiles through
`services.profiles.rows` (the one conversion), and the measurements' derived progress
columns from `domain.measurements.progress_since_start` (the one rule), so the data
are what the app itself would have written. Prints rows per second per table.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_matching import participant_record, vacancy_record  # noqa: E402
from sqlalchemy import JSON, Table, text  # noqa: E402

from marketplace.domain.measurements import RecordedMeasurement, progress_since_start  # noqa: E402
from marketplace.domain.placements import CheckInKind, PlacementState  # noqa: E402
from marketplace.domain.vocabulary import (  # noqa: E402
    ORGANISATION_KIND_LABELS,
    ZRM_DOMAINS,
    ExitReason,
    MeasurementKind,
    ParticipationRoute,
)
from marketplace.extensions import db  # noqa: E402
from marketplace.models import (  # noqa: E402
    CheckIn,
    Consent,
    Measurement,
    Organisation,
    Participant,
    Placement,
    PlacementEvent,
    Region,
    User,
    Vacancy,
    ZrmScore,
    organisation_municipality,
    user_municipality,
)
from marketplace.models import Municipality as MunicipalityRow  # noqa: E402
from marketplace.models.placement import refresh_milestones  # noqa: E402
from marketplace.models.vacancy import schedule_mask  # noqa: E402
from marketplace.services.accounts.users import hash_password  # noqa: E402
from marketplace.services.profiles.rows import (  # noqa: E402
    participant_fields_from_profile,
    vacancy_fields_from_profile,
)
from national.geography import (  # noqa: E402
    Municipality,
    municipalities,
    pick_municipality,
    regions,
)

SEED = 2026
CASELOAD = 40  # participants per coach
PASSWORD = "national-wachtwoord-1"
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
FIRST_INTAKE = date(2023, 1, 2)

FIRST_NAMES = (
    "Amina", "Yonas", "Fatima", "Mohammed", "Selam", "Ahmad", "Olena", "Huda", "Tesfay",
    "Nour", "Abdi", "Maryam", "Dawit", "Rahel", "Omar", "Sara", "Bilal", "Hevin", "Ali",
    "Samira", "Kidane", "Zainab", "Yusuf", "Mina", "Ibrahim", "Oksana", "Farah", "Hassan",
)
ORGANISATION_KINDS = tuple(k for k in ORGANISATION_KIND_LABELS if k != "vrijwilligerscentrale")


def slug(name: str) -> str:
    return name.lower().replace(" ", "-").replace("'", "")


def municipality_id(municipality: Municipality) -> int:
    """Municipalities are written with ids 1..40 in the order of MUNICIPALITIES."""
    return municipalities().index(municipality) + 1


def municipality_fields(municipality: Municipality) -> dict[str, Any]:
    """The columns that make a municipality a participant's controller: the one place
    that knows how the schema stores that (since 0018_region_tenancy, a foreign key)."""
    return {"municipality_id": municipality_id(municipality)}


def works_for(owner_id: int, towns: Iterable[Municipality]) -> list[tuple[int, int]]:
    """Link rows of an account (user_municipality) or a volunteer centre
    (organisation_municipality) to the municipalities it works for."""
    return [(owner_id, municipality_id(town)) for town in towns]


def tenancy_rows() -> tuple[list[tuple[int, str]], list[tuple[int, str, int]]]:
    """(regions, municipalities) as rows: (id, name) and (id, name, region id)."""
    names = list(regions())
    towns = [(municipality_id(m), m.name, names.index(m.region) + 1) for m in municipalities()]
    return list(enumerate(names, start=1)), towns


# ----------------------------------------------------------------------------- COPY


def _defaults(table: Table) -> dict[str, Any]:
    """Per column, what the ORM would fill in when a row leaves it out."""
    values: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is None or not hasattr(default, "arg"):
            values[column.name] = None
        elif getattr(default, "is_callable", False):
            values[column.name] = default.arg  # called per row: utcnow, list, a token
        else:
            values[column.name] = default.arg
    return values


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


class Copier:
    """COPY rows into one table; dict rows get the ORM's defaults for missing columns."""

    def __init__(self, connection: Any, table: Table, columns: Sequence[str] | None = None):
        self.connection = connection
        self.table = table
        self.columns = list(columns or [c.name for c in table.columns])
        self.json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
        self.defaults = _defaults(table)

    def as_tuple(self, row: dict[str, Any]) -> tuple[Any, ...]:
        values = []
        for name in self.columns:
            if name in row:
                value = row[name]
            else:
                value = self.defaults[name]
                if callable(value):
                    value = value(None)
            if name in self.json_columns and value is not None:
                value = json.dumps(value)
            values.append(_plain(value))
        return tuple(values)

    def copy(self, rows: Iterable[tuple[Any, ...] | dict[str, Any]]) -> int:
        started = time.perf_counter()
        count = 0
        names = ", ".join(f'"{c}"' for c in self.columns)
        with self.connection.cursor() as cursor, cursor.copy(
            f'COPY "{self.table.name}" ({names}) FROM STDIN'
        ) as copy:
            for row in rows:
                copy.write_row(self.as_tuple(row) if isinstance(row, dict) else row)
                count += 1
        seconds = time.perf_counter() - started
        print(f"  {self.table.name:20s} {count:>10,} rows in {seconds:6.1f} s "
              f"({count / max(seconds, 1e-9):>9,.0f} rows/s)", flush=True)
        return count


def copy_dicts(connection: Any, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """COPY dict rows: the columns they give and those the ORM would fill in."""
    if not rows:
        return 0
    present = set().union(*(row.keys() for row in rows))
    defaults = _defaults(table)
    names = [c.name for c in table.columns if c.name in present or defaults[c.name] is not None]
    return Copier(connection, table, names).copy(rows)


def reset_sequences(connection: Any, tables: Iterable[Table]) -> None:
    """Rows were written with their ids; later ORM inserts must continue after them."""
    with connection.cursor() as cursor:
        for table in tables:
            if "id" in table.columns and table.columns["id"].autoincrement:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                    f"GREATEST((SELECT max(id) FROM \"{table.name}\"), 1))"
                )


# ----------------------------------------------------------------------------- world


@dataclass(frozen=True)
class Size:
    """How big an instance to make; the default is the national size of issue 22."""

    participants: int = 100_000
    vacancies: int = 100_000
    organisations: int = 8_000
    placement_events: int = 1_000_000

    def scaled(self, factor: float) -> Size:
        return Size(*(max(1, round(n * factor)) for n in (
            self.participants, self.vacancies, self.organisations, self.placement_events)))


@dataclass
class World:
    """What later tables need to know of earlier ones (ids by municipality and so on)."""

    towns: tuple[Municipality, ...]
    size: Size
    coaches: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    organisations: list[tuple[int, Municipality]] = field(default_factory=list)
    vacancies_by_town: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    vacancy_type: dict[int, str] = field(default_factory=dict)
    vacancy_published: dict[int, bool] = field(default_factory=dict)
    vacancy_capacity: dict[int, int] = field(default_factory=dict)
    vacancy_cap: dict[int, int] = field(default_factory=dict)
    participants: list[tuple[int, str, date, date | None, int]] = field(default_factory=list)
    # municipality -> the other municipalities of its region
    region_of: dict[str, list[str]] = field(default_factory=dict)
    user_links: list[tuple[int, int]] = field(default_factory=list)
    centre_links: list[tuple[int, int]] = field(default_factory=list)


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59),
                    tzinfo=UTC)


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max((last - first).days, 0)))


def users(
    rng: random.Random, world: World, participants_per_town: dict[str, int]
) -> list[dict[str, Any]]:
    password_hash = hash_password(PASSWORD)  # one Argon2 hash for all: it takes 50 ms
    rows: list[dict[str, Any]] = []

    def add(**row: Any) -> int:
        row.setdefault("password_hash", password_hash)
        row["id"] = len(rows) + 1
        rows.append(row)
        return row["id"]

    add(email="admin@landelijk-bench.nl", name="Beheer", role="admin")
    for region, members in regions().items():
        officer = add(email=f"beleid-regio-{slug(region)}@landelijk-bench.nl",
                      name=f"Beleid {region}", role="policy")
        world.user_links += works_for(officer, [t for t in world.towns if t.name in members])
    for town in world.towns:
        officer = add(email=f"beleid-{slug(town.name)}@landelijk-bench.nl",
                      name=f"Beleid {town.name}", role="policy")
        world.user_links += works_for(officer, [town])
        coaches = max(2, round(participants_per_town[town.name] / CASELOAD))
        teams = max(1, coaches // 8)
        for number in range(coaches):
            coach = add(email=f"coach-{number + 1}-{slug(town.name)}@landelijk-bench.nl",
                        name=f"Coach {number + 1} {town.name}", role="coach",
                        team=f"{town.name} team {number % teams + 1}")
            world.coaches[town.name].append(coach)
            world.user_links += works_for(coach, [town])
    return rows


def organisations(rng: random.Random, world: World) -> list[dict[str, Any]]:
    """A volunteer centre per municipality (ids 1..40), then organisations in proportion
    to the population, each screened by the centre of its municipality."""
    rows: list[dict[str, Any]] = []
    centre_of: dict[str, int] = {}
    for town in world.towns:
        postcode, lat, lon = town.address(rng)
        rows.append({"id": len(rows) + 1, "key": f"centrale-{slug(town.name)}",
                     "name": f"Vrijwilligerscentrale {town.name}",
                     "kind": "vrijwilligerscentrale", "postcode": postcode, "lat": lat,
                     "lon": lon, "approval": "approved", "municipality": town.name})
        centre_of[town.name] = len(rows)
        world.centre_links += works_for(len(rows), [town])
    for number in range(world.size.organisations):
        town = pick_municipality(rng)
        postcode, lat, lon = town.address(rng)
        kind = rng.choice(ORGANISATION_KINDS)
        rows.append({"id": len(rows) + 1, "key": f"org-{number:05d}",
                     "name": f"{ORGANISATION_KIND_LABELS[kind]} {town.name} {number}",
                     "kind": kind, "postcode": postcode, "lat": lat, "lon": lon,
                     "approval": "approved" if rng.random() < 0.95 else "review",
                     "managed_by_id": centre_of[town.name], "municipality": town.name})
        world.organisations.append((len(rows), town))
    return rows


VACANCY_STATUS = (("published", 0.82), ("draft", 0.06), ("review", 0.04), ("closed", 0.08))


def vacancies(rng: random.Random, world: World) -> Iterator[dict[str, Any]]:
    """Organisations differ a lot in size: a weight per organisation from a Pareto
    distribution gives a few with a hundred vacancies and many with a handful. Capped,
    or one organisation can draw a third of the country's vacancies (seen: 43% in
    Rijnmond), while they should follow the population like the organisations do."""
    weights = [min(rng.paretovariate(1.2), 40.0) for _ in world.organisations]
    chosen = rng.choices(world.organisations, weights=weights, k=world.size.vacancies)
    statuses, status_weights = zip(*VACANCY_STATUS, strict=True)
    for number, (organisation_id, town) in enumerate(chosen, start=1):
        record = vacancy_record(rng, number)
        postcode, lat, lon = town.address(rng)
        record["location"] = {"lat": lat, "lon": lon}
        record["status"] = rng.choices(statuses, weights=status_weights)[0]
        record["id"] = f"nv-{number:06d}"
        fields = vacancy_fields_from_profile(record)
        created = _moment(_day_between(rng, FIRST_INTAKE, TODAY), rng)
        fields.update(
            id=number, organisation_id=organisation_id, postcode=postcode,
            geo_precision="postcode", schedule_mask=schedule_mask(fields["schedule"]),
            proposal_cap=3, filled=0, created_at=created, updated_at=created,
            approved_at=created if record["status"] in ("published", "closed") else None,
            contact_person="", capacity=rng.choice((1, 1, 2, 2, 3, 4, 6)),
        )
        world.vacancies_by_town[town.name].append(number)
        world.vacancy_type[number] = fields["type"]
        world.vacancy_published[number] = record["status"] == "published"
        world.vacancy_capacity[number] = fields["capacity"]
        yield fields


PARTICIPANT_STATUS = (("active", 0.62), ("intake", 0.06), ("paused", 0.06), ("closed", 0.26))


def participants(rng: random.Random, world: World,
                 towns: list[Municipality]) -> Iterator[dict[str, Any]]:
    statuses, weights = zip(*PARTICIPANT_STATUS, strict=True)
    routes = [r.value for r in ParticipationRoute]
    exits = [r.value for r in ExitReason]
    for number, town in enumerate(towns, start=1):
        record = participant_record(rng, number)
        postcode, lat, lon = town.address(rng)
        record["location"] = {"lat": lat, "lon": lon}
        record["id"] = f"np-{number:06d}"
        fields = participant_fields_from_profile(record)
        fields.pop("ladder_step", None)
        # More intakes lately: the square root skews the draw towards today.
        span = (TODAY - FIRST_INTAKE).days
        intake = FIRST_INTAKE + timedelta(days=int(span * rng.random() ** 0.6))
        status = rng.choices(statuses, weights=weights)[0]
        closed_on = None
        if status == "closed":
            closed_on = min(intake + timedelta(days=rng.randint(60, 720)), TODAY)
        coach = rng.choice(world.coaches[town.name])
        fields.update(
            id=number, coach_id=coach, first_name=rng.choice(FIRST_NAMES),
            last_name=f"N{number}", status=status, intake_date=intake,
            participation_route=rng.choice(routes) if rng.random() < 0.9 else None,
            closed_on=closed_on, exit_reason=rng.choice(exits) if closed_on else None,
            postcode=postcode, geo_precision="postcode",
            created_at=_moment(intake, rng), updated_at=_moment(intake, rng),
            **municipality_fields(town),
        )
        world.participants.append((number, town.name, intake, closed_on, coach))
        yield fields


def consents(rng: random.Random, world: World) -> Iterator[tuple[Any, ...]]:
    """(id, participant_id, purpose, given_on, withdrawn_on): matching for almost all,
    sharing for most, a few withdrawn."""
    number = 0
    for participant_id, _, intake, _, _ in world.participants:
        for purpose, share in (("matching", 0.97), ("sharing", 0.9)):
            if rng.random() < share:
                number += 1
                withdrawn = _day_between(rng, intake, TODAY) if rng.random() < 0.02 else None
                yield (number, participant_id, purpose, intake, withdrawn)


@dataclass
class MeasurementRows:
    measurements: list[tuple[Any, ...]] = field(default_factory=list)
    scores: list[tuple[Any, ...]] = field(default_factory=list)


MEASUREMENT_COLUMNS = ("id", "participant_id", "kind", "measured_on", "ladder_step",
                       "recorded_by_id", "created_at", "superseded_on", "start_step",
                       "zrm_compared", "zrm_better", "zrm_worse", "zrm_forward")


def measurements(rng: random.Random, world: World) -> MeasurementRows:
    """A nulmeting soon after intake (for 92%), then a tussenmeting every three to six
    months while the trajectory runs and an eindmeting when it closes; 60% also have
    ZRM scores. The derived columns come from the app's own rule."""
    result = MeasurementRows()
    domains = list(ZRM_DOMAINS)
    for participant_id, _, intake, closed_on, coach in world.participants:
        if rng.random() > 0.92:
            continue
        end = closed_on or TODAY
        with_zrm = rng.random() < 0.6
        day = intake + timedelta(days=rng.randint(0, 30))
        step = rng.choices((1, 2, 3, 4, 5), weights=(10, 30, 30, 20, 10))[0]
        zrm = {d: rng.randint(1, 5) for d in domains} if with_zrm else {}
        chain: list[RecordedMeasurement] = []
        kind = MeasurementKind.NULMETING
        while day <= end:
            measurement_id = len(result.measurements) + len(chain) + 1
            chain.append(RecordedMeasurement(measurement_id, kind, day, step, dict(zrm)))
            day += timedelta(days=rng.randint(90, 180))
            kind = MeasurementKind.TUSSENMETING
            if closed_on and day > closed_on:
                day, kind = closed_on, MeasurementKind.EINDMETING
                if chain[-1].measured_on == closed_on:
                    break
            step = min(6, max(1, step + rng.choices((-1, 0, 1), weights=(15, 50, 35))[0]))
            zrm = {d: min(5, max(1, s + rng.choice((-1, 0, 0, 1)))) for d, s in zrm.items()}
            if kind == MeasurementKind.EINDMETING:
                measurement_id = len(result.measurements) + len(chain) + 1
                chain.append(RecordedMeasurement(measurement_id, kind, day, step, dict(zrm)))
                break
        progress = progress_since_start(chain)
        for m in chain:
            p = progress[m.id]
            result.measurements.append((
                m.id, participant_id, m.kind.value, m.measured_on, m.ladder_step, coach,
                _moment(m.measured_on, rng), p.superseded_on, p.start_step, p.zrm_compared,
                p.zrm_better, p.zrm_worse, p.zrm_forward))
            for domain, score in m.zrm.items():
                result.scores.append((len(result.scores) + 1, m.id, domain, score))
    return result


# ------------------------------------------------------------------------ placements

P, A, K, T, PL = (PlacementState.PROPOSED, PlacementState.ACCEPTED,
                  PlacementState.KENNISMAKING, PlacementState.PROEFPERIODE,
                  PlacementState.PLACED)
# How a proposal goes on from each state: (next state, weight, days until then).
NEXT_STEP: dict[PlacementState, tuple[tuple[PlacementState, int, tuple[int, int]], ...]] = {
    P: ((A, 60, (1, 10)), (PlacementState.DECLINED, 30, (1, 14)),
        (PlacementState.WITHDRAWN, 10, (3, 30))),
    A: ((K, 85, (2, 14)), (PlacementState.DECLINED, 5, (2, 20)),
        (PlacementState.WITHDRAWN, 10, (2, 20))),
    K: ((T, 75, (3, 21)), (PlacementState.DECLINED, 20, (1, 7)),
        (PlacementState.WITHDRAWN, 5, (1, 14))),
    T: ((PL, 75, (28, 56)), (PlacementState.NOT_CONTINUED, 25, (7, 42))),
    PL: ((PlacementState.ENDED, 100, (70, 300)),),
}
ACTOR = {A: "organisation", K: "coach", T: "organisation", PL: "organisation",
         PlacementState.DECLINED: "organisation", PlacementState.WITHDRAWN: "coach",
         PlacementState.NOT_CONTINUED: "organisation", PlacementState.ENDED: "link",
         P: "coach"}
PLACEMENT_COLUMNS = ("id", "participant_id", "vacancy_id", "state", "proposed_by_id",
                     "message", "created_at", "updated_at", "kennismaking_at",
                     "kennismaking_place", "proefperiode_start", "proefperiode_end",
                     "decline_reason", "not_continued_reason", "outcome", "ended_on")
EVENT_COLUMNS = ("id", "placement_id", "from_state", "to_state", "actor_id", "actor_role",
                 "at")
CHECKIN_COLUMNS = ("id", "placement_id", "kind", "due_on", "done_at", "done_by_role",
                   "feedback", "created_at")


@dataclass
class PlacementRows:
    placements: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    checkins: list[tuple[Any, ...]] = field(default_factory=list)
    filled: dict[int, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class _Life:
    """One placement's path through the states, cut off at today or at the closing."""

    states: list[tuple[PlacementState, datetime]]

    @property
    def state(self) -> PlacementState:
        return self.states[-1][0]


def _life(rng: random.Random, start: datetime, stop: datetime) -> _Life:
    life = _Life([(P, start)])
    while life.state in NEXT_STEP:
        options = NEXT_STEP[life.state]
        state, _, (low, high) = rng.choices(options, weights=[o[1] for o in options])[0]
        at = life.states[-1][1] + timedelta(days=rng.randint(low, high), hours=rng.randint(0, 8))
        if at > stop:
            break
        life.states.append((state, at))
    return life


def _close_at(life: _Life, closed: datetime) -> None:
    """A trajectory that closed stops what was still running: withdrawn or ended."""
    if life.state in (P, A, K):
        life.states.append((PlacementState.WITHDRAWN, closed))
    elif life.state in (T, PL):
        life.states.append((PlacementState.ENDED, closed))


def _pick_vacancy(rng: random.Random, world: World, town: str) -> int:
    """Mostly a vacancy in the participant's own municipality, else anywhere in the
    region (matching crosses municipal borders)."""
    neighbours = [t for t in world.region_of[town] if world.vacancies_by_town[t]]
    if world.vacancies_by_town[town] and (rng.random() < 0.85 or not neighbours):
        return rng.choice(world.vacancies_by_town[town])
    if neighbours:
        return rng.choice(world.vacancies_by_town[rng.choice(neighbours)])
    return rng.randint(1, world.size.vacancies)  # only in a tiny test instance


def placements(rng: random.Random, world: World) -> PlacementRows:
    """Proposals until the size's number of events exist, each with its life; a vacancy takes
    no more occupants than its capacity and no more open proposals than its cap, and
    each participant and vacancy meet at most once (the partial unique index)."""
    rows = PlacementRows()
    open_count: dict[int, int] = defaultdict(int)
    pairs: set[tuple[int, int]] = set()
    candidates = [p for p in world.participants if p[2] < TODAY - timedelta(days=7)]
    while len(rows.events) < world.size.placement_events:
        participant_id, town, intake, closed_on, coach = rng.choice(candidates)
        vacancy_id = _pick_vacancy(rng, world, town)
        if (participant_id, vacancy_id) in pairs:
            continue
        pairs.add((participant_id, vacancy_id))
        last = closed_on or TODAY
        start = _moment(_day_between(rng, intake + timedelta(days=7), last), rng)
        stop = min(NOW, datetime(last.year, last.month, last.day, 18, tzinfo=UTC))
        life = _life(rng, start, stop)
        if closed_on is not None:
            _close_at(life, stop)
        _respect_vacancy(life, vacancy_id, world, rows.filled, open_count, stop)
        _write_placement(rng, life, len(rows.placements) + 1, participant_id, vacancy_id,
                         coach, world, rows)
    del rows.events[world.size.placement_events:]
    return rows


def _respect_vacancy(life: _Life, vacancy_id: int, world: World, filled: dict[int, int],
                     open_count: dict[int, int], stop: datetime) -> None:
    """Still running at the end: it must fit the vacancy's places and proposal cap, and
    the vacancy must still be published; otherwise the organisation declined it."""
    state = life.state
    occupying = state in (T, PL)
    is_open = state in (P, A, K)
    if not (occupying or is_open):
        return
    fits = world.vacancy_published[vacancy_id] and (
        filled[vacancy_id] < world.vacancy_capacity[vacancy_id] if occupying
        else open_count[vacancy_id] < 3)
    if not fits:
        while life.state not in (P, A, K):  # decline happens before the proefperiode
            life.states.pop()
        life.states.append((PlacementState.DECLINED, min(stop, life.states[-1][1]
                                                         + timedelta(days=2))))
    elif occupying:
        filled[vacancy_id] += 1
    else:
        open_count[vacancy_id] += 1


def _write_placement(rng: random.Random, life: _Life, placement_id: int, participant_id: int,
                     vacancy_id: int, coach: int, world: World, rows: PlacementRows) -> None:
    reached = dict(life.states)
    state = life.state
    start = reached.get(T)
    kennismaking = reached.get(K)
    ended = life.states[-1][1].date() if state in (
        PlacementState.ENDED, PlacementState.NOT_CONTINUED) else None
    rows.placements.append((
        placement_id, participant_id, vacancy_id, state.value, coach, "",
        life.states[0][1], life.states[-1][1],
        (kennismaking + timedelta(days=3)).replace(tzinfo=None) if kennismaking else None,
        "Op locatie" if kennismaking else None,
        start.date() if start else None,
        (start + timedelta(weeks=4)).date() if start else None,
        rng.choice(("no_fit", "language", "schedule", "no_place", "other"))
        if state == PlacementState.DECLINED else None,
        rng.choice(("participant_stopped", "organisation_stopped", "no_fit", "personal"))
        if state == PlacementState.NOT_CONTINUED else None,
        rng.choice(("completed", "completed", "paid_work", "education", "other_placement",
                    "dropped_out", "moved")) if state == PlacementState.ENDED else None,
        ended,
    ))
    previous: PlacementState | None = None
    for to_state, at in life.states:
        role = ACTOR[to_state]
        rows.events.append((len(rows.events) + 1, placement_id,
                            previous.value if previous else None, to_state.value,
                            coach if role == "coach" else None, role, at))
        previous = to_state
    if start is not None:
        _checkins(rng, placement_id, start, world.vacancy_type[vacancy_id], rows)


def _checkins(rng: random.Random, placement_id: int, start: datetime, kind_of_place: str,
              rows: PlacementRows) -> None:
    due = [(CheckInKind.FIRST_DAY_COACH, 1), (CheckInKind.FIRST_DAY_ORGANISATION, 1),
           (CheckInKind.TUSSENMETING, 60)]
    if kind_of_place == "werkervaringsplaats":
        due.append((CheckInKind.EVALUATION_15_WEEKS, 105))
    for kind, days in due:
        due_on = start.date() + timedelta(days=days)
        done = due_on <= TODAY and rng.random() < 0.8
        rows.checkins.append((
            len(rows.checkins) + 1, placement_id, kind.value, due_on,
            _moment(due_on, rng) if done else None,
            ("coach" if kind == CheckInKind.FIRST_DAY_COACH else "organisation") if done else None,
            "", start))


# ------------------------------------------------------------------------------ main


def generate(connection: Any, size: Size = Size(), seed: int = SEED) -> dict[str, int]:
    """Write the whole instance through `connection` (psycopg) and return row counts."""
    rng = random.Random(seed)
    towns = municipalities()
    world = World(towns, size, region_of={
        t.name: [o.name for o in towns if o.region == t.region and o.name != t.name]
        for t in towns
    })
    homes = [pick_municipality(rng) for _ in range(size.participants)]
    per_town: dict[str, int] = defaultdict(int)
    for town in homes:
        per_town[town.name] += 1
    counts: dict[str, int] = {}
    started = time.perf_counter()
    region_rows, town_rows = tenancy_rows()
    counts["region"] = Copier(connection, Region.__table__, ("id", "name")).copy(region_rows)
    counts["municipality"] = Copier(connection, MunicipalityRow.__table__,
                                    ("id", "name", "region_id")).copy(town_rows)
    counts["user_account"] = copy_dicts(connection, User.__table__, users(rng, world, per_town))
    counts["user_municipality"] = Copier(connection, user_municipality).copy(world.user_links)
    counts["organisation"] = copy_dicts(connection, Organisation.__table__,
                                        organisations(rng, world))
    counts["organisation_municipality"] = Copier(connection, organisation_municipality).copy(
        world.centre_links)
    vacancy_rows = list(vacancies(rng, world))
    participant_rows = list(participants(rng, world, homes))
    placed = placements(rng, world)
    for row in vacancy_rows:  # places taken by the placements still running
        row["filled"] = placed.filled.get(row["id"], 0)
    counts["vacancy"] = copy_dicts(connection, Vacancy.__table__, vacancy_rows)
    counts["participant"] = copy_dicts(connection, Participant.__table__, participant_rows)
    counts["consent"] = Copier(connection, Consent.__table__,
                               ("id", "participant_id", "purpose", "given_on",
                                "withdrawn_on")).copy(consents(rng, world))
    measured = measurements(rng, world)
    counts["measurement"] = Copier(connection, Measurement.__table__,
                                   MEASUREMENT_COLUMNS).copy(measured.measurements)
    counts["zrm_score"] = Copier(connection, ZrmScore.__table__,
                                 ("id", "measurement_id", "domain", "score")).copy(measured.scores)
    counts["placement"] = Copier(connection, Placement.__table__,
                                 PLACEMENT_COLUMNS).copy(placed.placements)
    counts["placement_event"] = Copier(connection, PlacementEvent.__table__,
                                       EVENT_COLUMNS).copy(placed.events)
    counts["check_in"] = Copier(connection, CheckIn.__table__, CHECKIN_COLUMNS).copy(
        placed.checkins)
    reset_sequences(connection, [
        Region.__table__, MunicipalityRow.__table__, User.__table__, Organisation.__table__,
        Vacancy.__table__, Participant.__table__, Consent.__table__, Measurement.__table__,
        ZrmScore.__table__, Placement.__table__, PlacementEvent.__table__, CheckIn.__table__])
    connection.commit()
    total = sum(counts.values())
    seconds = time.perf_counter() - started
    print(f"generated {total:,} rows in {seconds:.0f} s ({total / seconds:,.0f} rows/s "
          "including building them in Python)", flush=True)
    return counts


def fill_milestones() -> None:
    """COPY passes by the session's flush hook: the placements' milestone columns and the
    participants' first start (models/placement.py) from the events now, as the app
    keeps them."""
    started = time.perf_counter()
    with db.engine.begin() as connection:
        refresh_milestones(connection)
    # The fill rewrote every placement and many participants: compact them, as a
    # long-running instance's tables would not be twice their size after a bulk load.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM FULL placement, participant"))
    print(f"placement milestones in {time.perf_counter() - started:.1f} s", flush=True)


def vacuum_analyze() -> None:
    """Planner statistics and the visibility map now, as autovacuum would make them
    shortly after a bulk load (index-only scans need the latter)."""
    started = time.perf_counter()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
    print(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s", flush=True)


def main(url: str, size: Size = Size()) -> None:
    from flask_migrate import upgrade

    from marketplace import create_app
    from marketplace.config import config_for_tests

    app = create_app(config_for_tests(url))
    with app.app_context():
        upgrade()
        raw = db.engine.raw_connection()
        try:
            generate(raw.driver_connection, size)
        finally:
            raw.close()
        fill_milestones()
        vacuum_analyze()


if __name__ == "__main__":
    main(sys.argv[1], Size().scaled(float(sys.argv[2]) if len(sys.argv) > 2 else 1.0))
