"""Monitoring for the municipality: aggregates only, computed with SQL.

Every figure is counted in the database (GROUP BY, window functions) and comes back
as plain counts; `marketplace.domain.disclosure` then hides every count under 5 and
whatever would reveal it. No query here returns a participant's name or id to a page.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, and_, case, distinct, func, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from marketplace.domain.disclosure import (
    Cell,
    cell,
    protect_line,
    protect_matrix,
    protect_within_groups,
    secure,
    share,
    total_of,
)
from marketplace.domain.measurements import ZRM_BIT
from marketplace.domain.placements import (
    OUTCOME_LABELS,
    EndOutcome,
    PlacementState,
)
from marketplace.domain.vocabulary import (
    EXIT_REASON_LABELS,
    LADDER_STEPS,
    N_,
    ORGANISATION_KIND_LABELS,
    PARTICIPANT_STATUS_LABELS,
    PARTICIPATION_ROUTE_LABELS,
    PLACEMENT_TYPE_LABELS,
    ROUTE_LABELS,
    ZRM_DOMAINS,
    ExitReason,
    MeasurementKind,
    ParticipantStatus,
    ParticipationRoute,
    PlacementType,
)
from marketplace.extensions import db
from marketplace.models import (
    Measurement,
    Municipality,
    Organisation,
    Participant,
    Placement,
    User,
    Vacancy,
)

NO_ROUTE = "none"
FUNNEL = (
    PlacementState.PROPOSED,
    PlacementState.ACCEPTED,
    PlacementState.PROEFPERIODE,
    PlacementState.PLACED,
    PlacementState.ENDED,
)
# The placement's column holding the moment it entered each FUNNEL state.
REACHED_AT = {
    PlacementState.PROPOSED: Placement.proposed_at,
    PlacementState.ACCEPTED: Placement.accepted_at,
    PlacementState.PROEFPERIODE: Placement.proefperiode_at,
    PlacementState.PLACED: Placement.placed_at,
    PlacementState.ENDED: Placement.ended_at,
}


@dataclass(frozen=True)
class Filters:
    """Peildatum, period and the selection of participants."""

    reference_date: date
    period_start: date
    period_end: date
    municipality: str = ""  # a municipality's name, or the label of several (the region)
    team: str = ""
    # The participants' municipalities (their controllers); None: every participant.
    # Set from the reader's scope (services/reports/scope.py), so a policy officer's
    # figures never count another municipality's people.
    municipality_ids: tuple[int, ...] | None = None

    @classmethod
    def default(cls, today: date | None = None) -> Filters:
        day = today or date.today()
        return cls(reference_date=day, period_start=day - timedelta(days=365), period_end=day)

    def a_year_earlier(self) -> Filters:
        """The same period and peildatum one year back, for the comparison."""
        return replace(
            self,
            reference_date=_year_back(self.reference_date),
            period_start=_year_back(self.period_start),
            period_end=_year_back(self.period_end),
        )

    @property
    def reference_moment(self) -> datetime:
        """The end of the peildatum: everything that happened on that day counts."""
        return datetime.combine(self.reference_date, time.max, tzinfo=UTC)

    @property
    def period_bounds(self) -> tuple[datetime, datetime]:
        start = datetime.combine(self.period_start, time.min, tzinfo=UTC)
        end = datetime.combine(self.period_end, time.max, tzinfo=UTC)
        return start, end


def _year_back(day: date) -> date:
    """The same day a year earlier; 29 February becomes 28 February."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell | str, ...]


@dataclass(frozen=True)
class Table:
    """One table of the dashboard, already protected, ready to show or export."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    note: str = ""
    # "bars": a bar chart of the first column; "stacked": one bar per row, split over
    # the columns (beter, gelijk, slechter)
    chart: str = ""

    def published(self) -> list[Cell]:
        """Every count this table shows, for the disclosure audit."""
        return [c for row in self.rows for c in row.cells if isinstance(c, Cell)]

    def as_lists(self) -> list[list[str]]:
        """Header and rows as text, for CSV and XLSX."""
        header = ["", *self.columns]
        body = [[row.label, *(_text(c) for c in row.cells)] for row in self.rows]
        return [header, *body]


@dataclass(frozen=True)
class Dashboard:
    filters: Filters
    tables: tuple[Table, ...]
    municipalities: tuple[str, ...] = field(default=())
    teams: tuple[str, ...] = field(default=())
    summary: Summary | None = None

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


def _text(value: Cell | str) -> str:
    if isinstance(value, Cell):
        return value.text if value.span else MERGED_TEXT
    return value


MERGED_TEXT = N_("zie ernaast")


# --------------------------------------------------------------------------- selection


def in_scope(filters: Filters) -> ColumnElement[bool]:
    """Participants in scope: intake on or before the peildatum, filters applied.

    Conditions on the participant row itself, so queries join the participant and keep
    the database free to start from whichever table is cheapest."""
    conditions = [Participant.intake_date <= filters.reference_date]
    if filters.municipality_ids is not None:
        conditions.append(Participant.municipality_id.in_(filters.municipality_ids))
    elif filters.municipality:
        named = select(Municipality.id).where(Municipality.name == filters.municipality)
        conditions.append(Participant.municipality_id.in_(named))
    if filters.team:
        team = select(User.id).where(User.team == filters.team)
        conditions.append(Participant.coach_id.in_(team))
    return and_(*conditions)


def _status_on_reference_date(filters: Filters) -> ColumnElement[Any]:
    """Closed only when closed by the peildatum; a later closure was active then."""
    closed_by_then = and_(
        Participant.closed_on.is_not(None), Participant.closed_on <= filters.reference_date
    )
    return case(
        (closed_by_then, literal(ParticipantStatus.CLOSED.value)),
        (Participant.status == ParticipantStatus.CLOSED, literal(ParticipantStatus.ACTIVE.value)),
        else_=Participant.status,
    )


# --------------------------------------------------------------------------- tables


def routes_and_status(filters: Filters) -> Table:
    status = _status_on_reference_date(filters).label("status")
    route = func.coalesce(Participant.route, NO_ROUTE, type_=String()).label("route")
    counts = db.session.execute(
        select(route, status, func.count()).where(in_scope(filters)).group_by(route, status)
    ).all()
    grid: dict[str, Counter[str]] = {}
    for route_value, status_value, number in counts:
        grid.setdefault(_plain(route_value), Counter())[_plain(status_value)] += number
    statuses = [s.value for s in ParticipantStatus]
    labels = {**{r.value: t for r, t in ROUTE_LABELS.items()}, NO_ROUTE: N_("Geen leerroute")}
    rows = []
    for key, label in labels.items():
        values = {s: grid.get(key, Counter())[s] for s in statuses}
        cells = protect_line(values, atom=key)
        rows.append(Row(label, (*(cells[s] for s in statuses), total_of(cells, values))))
    columns = (*(PARTICIPANT_STATUS_LABELS[ParticipantStatus(s)] for s in statuses), N_("Totaal"))
    return Table("leerroutes", N_("Deelnemers per leerroute en status"), columns, tuple(rows))


def participation_routes(filters: Filters) -> Table:
    """The route table of the reports (Wijchen): route 1–4, volunteers, outflow."""
    counts = route_counts(filters)
    routes = {key: counts.get(key, 0) for key in [*(r.value for r in ParticipationRoute), NO_ROUTE]}
    cells = protect_line(routes, atom="route")
    rows = [
        Row(PARTICIPATION_ROUTE_LABELS[ParticipationRoute(key)], (cells[key],))
        for key in routes
        if key != NO_ROUTE
    ]
    rows.append(Row(N_("Nog geen route"), (cells[NO_ROUTE],)))
    rows.append(Row(N_("Totaal deelnemers"), (total_of(cells, routes),)))
    rows.append(
        Row(N_("Actief als vrijwilliger op de peildatum"), (cell(active_volunteers(filters)),))
    )
    return Table(
        "routes",
        N_("Deelnemers per route van het plan"),
        (N_("Aantal"),),
        tuple(rows),
        note=N_("Route van het participatieplan; vrijwilligers: geplaatst in vrijwilligerswerk."),
        chart="bars",
    )


def active_volunteers(filters: Filters) -> int:
    """People in an occupying vrijwilligerswerk placement on the peildatum: holding a
    place (proefperiode or placed) by then, and not stopped by then. The placement keeps
    both moments (models/placement.py, MILESTONE_STATES), so this reads the selection's
    placements and not their events (at national size the events cost 0.2 s of the
    0.5 s budget for one municipality)."""
    moment = filters.reference_moment
    statement = (
        select(func.count(distinct(Placement.participant_id)))
        .join(Vacancy, Vacancy.id == Placement.vacancy_id)
        .join(Participant, Participant.id == Placement.participant_id)
        .where(
            Placement.occupied_at <= moment,
            or_(Placement.stopped_at.is_(None), Placement.stopped_at > moment),
            Vacancy.type == PlacementType.VRIJWILLIGERSWERK,
            in_scope(filters),
        )
    )
    return db.session.scalar(statement) or 0


def outflow(filters: Filters) -> Table:
    """Trajectories closed in the period, by reason; shown beside steps and participation."""
    counts = outflow_counts(filters)
    values = {reason.value: counts.get(reason.value, 0) for reason in ExitReason}
    cells = protect_line(values, atom="uitstroom")
    rows = [Row(EXIT_REASON_LABELS[ExitReason(k)], (cells[k],)) for k in values]
    rows.append(Row(N_("Totaal uitgestroomd"), (total_of(cells, values),)))
    return Table(
        "uitstroom",
        N_("Uitstroom in de periode"),
        (N_("Aantal"),),
        tuple(rows),
        note=N_("Lees dit samen met de treden op de participatieladder en de deelname."),
        chart="bars",
    )


def _latest_on(day: date) -> ColumnElement[bool]:
    """A participant's latest measurement on `day`: measured by then, and not yet
    followed by another (see domain/measurements.py, progress_since_start)."""
    return and_(
        Measurement.measured_on <= day,
        or_(Measurement.superseded_on.is_(None), Measurement.superseded_on > day),
    )


@dataclass(frozen=True)
class LadderCounts:
    """Participants by their step at the nulmeting and now, for those measured at
    least twice; `first_only`: those with only their nulmeting so far."""

    moved: Mapping[tuple[int, int], int]
    first_only: int

    def direction(self, sign: int) -> int:
        return sum(n for (b, e), n in self.moved.items() if _sign(e - b) == sign)


def _sign(number: int) -> int:
    return (number > 0) - (number < 0)


ZrmCounts = tuple[dict[str, tuple[int, int, int]], int, int]


@dataclass(frozen=True)
class MeasurementCounts:
    """The ladder's and the ZRM's counts of the latest measurements on the peildatum,
    and the ladder's on the peildatum a year earlier (for the summary's comparison)."""

    ladder: LadderCounts
    zrm: ZrmCounts
    ladder_a_year_earlier: LadderCounts


def measurement_counts(filters: Filters) -> MeasurementCounts:
    """One scan of the measurements for the ladder, the ZRM and last year's ladder
    (three scans were 130 ms of Amsterdam's dashboard at national size), grouped by the
    ladder's steps. A year earlier's selection lies within this one (same
    municipalities and team, an earlier peildatum), so its rows are among those read.

    Ladder: while the latest measurement is the nulmeting itself, that person has
    neither moved nor stood still: 'nog geen tweede meting'.

    ZRM: the comparison with the nulmeting is stored as a bit per domain; the sum of
    `mask & bit` over the rows is bit × the number of rows with that bit set."""
    earlier = filters.a_year_earlier().reference_date
    now = _latest_on(filters.reference_date)
    then = and_(_latest_on(earlier), Participant.intake_date <= earlier)
    only_first = (Measurement.kind == MeasurementKind.NULMETING).label("only_first")
    compared = and_(now, Measurement.zrm_compared != 0)
    masks = (Measurement.zrm_compared, Measurement.zrm_better, Measurement.zrm_worse)
    sums = [func.sum(case((compared, mask.op("&")(bit)), else_=0))
            for bit in ZRM_BIT.values() for mask in masks]
    measured = func.sum(case((compared, 1), else_=0))
    forward_on_two = func.sum(case((and_(compared, Measurement.zrm_forward >= 2), 1), else_=0))
    groups = (only_first, Measurement.start_step, Measurement.ladder_step)
    counted = (func.sum(case((now, 1), else_=0)), func.sum(case((then, 1), else_=0)))
    rows = db.session.execute(
        select(*groups, *counted, measured, forward_on_two, *sums)
        .join(Participant, Participant.id == Measurement.participant_id)
        .where(in_scope(filters), or_(now, then))
        .group_by(*groups)
    ).all()
    ladders = [_Ladder(), _Ladder()]
    zrm_totals = [0] * (2 + len(sums))
    for is_first, begin, end, in_now, in_then, *zrm in rows:
        zrm_totals = [total + (value or 0) for total, value in zip(zrm_totals, zrm, strict=True)]
        if begin is not None:  # a ladder without a nulmeting step is not in its tables
            ladders[0].add(is_first, begin, end, in_now or 0)
            ladders[1].add(is_first, begin, end, in_then or 0)
    return MeasurementCounts(ladders[0].counts(), _zrm_counts(zrm_totals), ladders[1].counts())


@dataclass
class _Ladder:
    moved: Counter[tuple[int, int]] = field(default_factory=Counter)
    first_only: int = 0

    def add(self, only_first: bool, begin: int, end: int, number: int) -> None:
        if only_first:
            self.first_only += number
        elif number:
            self.moved[begin, end] += number

    def counts(self) -> LadderCounts:
        return LadderCounts(self.moved, self.first_only)


def _zrm_counts(totals: list[int]) -> ZrmCounts:
    """(better, same, worse) per domain, people measured twice, people forward on ≥ 2."""
    measured, forward, *sums = totals
    per_domain = {}
    for index, (domain, bit) in enumerate(ZRM_BIT.items()):
        compared, better, worse = (total // bit for total in sums[3 * index : 3 * index + 3])
        per_domain[domain] = (better, compared - better - worse, worse)
    return per_domain, measured, forward


UP, SAME, DOWN = N_("Omhoog"), N_("Gelijk gebleven"), N_("Omlaag")
DIRECTION_MERGES = {"down": "same", "up": "same"}
DIRECTION_MERGED = {"down": N_("gelijk of omlaag"), "up": N_("gelijk of omhoog")}


def _direction_totals(
    atoms: Mapping[tuple[int, int], int], groups: list[frozenset[tuple[int, int]]]
) -> tuple[Cell, Cell, Cell]:
    """Up, equal and down add up to everyone measured twice, which is shown too: a
    small one is merged into "gelijk" (e.g. "gelijk of omlaag") rather than hidden."""
    keys = ("up", "same", "down")
    counts = {key: sum(atoms[a] for a in group) for key, group in zip(keys, groups, strict=True)}
    cells = protect_line(counts, merges=DIRECTION_MERGES)
    members = dict(zip(keys, groups, strict=True))
    merged = next((DIRECTION_MERGED[k] for k, c in cells.items() if not c.span), "")
    result = []
    for key in keys:
        c = cells[key]
        taken_in = [k for k, other in cells.items() if not other.span]
        covered = [key, *taken_in] if c.span > 1 else [key]
        group_atoms = frozenset().union(*(members[k] for k in covered))
        if not c.span:  # counted in "gelijk"; the rows of this table cannot span
            result.append(Cell(None, COUNTED_IN_SAME))
            continue
        text = f"{c.text} ({merged})" if c.span > 1 else c.text
        result.append(replace(c, atoms=group_atoms, text=text, span=1))
    return result[0], result[1], result[2]


COUNTED_IN_SAME = N_("meegeteld bij gelijk")
NO_SECOND = N_("Nog geen tweede meting")


def ladder_tables(counts: LadderCounts) -> tuple[Table, Table]:
    """The cross table of steps and its totals up, equal and down beside it: one
    protection for both, since those totals are sums of the cross table's cells."""
    atoms = {(b, e): counts.moved.get((b, e), 0) for b in LADDER_STEPS for e in LADDER_STEPS}
    groups = [frozenset(k for k in atoms if _sign(k[1] - k[0]) == s) for s in (1, 0, -1)]
    everyone = frozenset(atoms)
    cells = protect_within_groups(atoms, [*groups, everyone])
    twice = cell(sum(atoms.values()), everyone)
    cells, (up, same, down, twice) = secure(cells, [*_direction_totals(atoms, groups), twice])
    rows = tuple(
        Row(f"Trede {b} bij nulmeting", tuple(cells[b, e] for e in LADDER_STEPS))
        for b in LADDER_STEPS
    )
    matrix = Table(
        "ladder",
        N_("Participatieladder: van nulmeting naar laatste meting"),
        tuple(f"Nu trede {step}" for step in LADDER_STEPS),
        rows,
        note=N_("Alleen deelnemers met minstens twee metingen."),
    )
    progress = Table(
        "voortgang",
        N_("Participatieladder: omhoog, gelijk of omlaag"),
        (N_("Aantal"), N_("Deel van wie twee keer gemeten is")),
        (
            Row(UP, (up, share(up, twice))),
            Row(SAME, (same, share(same, twice))),
            Row(DOWN, (down, share(down, twice))),
            Row(N_("Twee keer of vaker gemeten"), (twice, "")),
            Row(NO_SECOND, (cell(counts.first_only, [NO_SECOND]), "")),
        ),
        note=N_("Omhoog, gelijk of omlaag telt alleen wie minstens twee keer gemeten is."),
        chart="bars",
    )
    return matrix, progress


def zrm_counts(filters: Filters) -> ZrmCounts:
    return measurement_counts(filters).zrm


ZRM_MERGES = {"slechter": "gelijk", "beter": "gelijk"}
MERGED_LABEL = {"slechter": N_("gelijk of slechter"), "beter": N_("gelijk of beter")}
ZRM_COLUMNS = ("beter", "gelijk", "slechter")


def _with_share(value: Cell, base: Cell, label: str = "") -> Cell:
    """A shown count with its rounded share of the base: "13 (18%)"."""
    if value.suppressed or not value.span or not value.text.isdigit():
        return value
    text = f"{value.text} ({share(value, base)})"
    return replace(value, text=f"{text} {label}" if label else text)


def _zrm_row(domain: str, counts: dict[str, int]) -> tuple[Cell, ...]:
    """The base (measured twice in this domain) and beter, gelijk, slechter."""
    cells = protect_line(counts, merges=ZRM_MERGES, atom=domain)
    base = cell(sum(counts.values()), [(domain, key) for key in counts])
    merged = next((MERGED_LABEL[k] for k, c in cells.items() if not c.span), "")
    shown = [_with_share(cells[k], base, merged if cells[k].span > 1 else "") for k in ZRM_COLUMNS]
    return (base, *shown)


def zrm_progress(zrm: ZrmCounts, first_only: int = 0) -> Table:
    per_domain, measured_count, forward_count = zrm
    rows = []
    for domain, label in ZRM_DOMAINS.items():
        counts = dict(zip(ZRM_COLUMNS, per_domain.get(domain, (0, 0, 0)), strict=True))
        rows.append(Row(label, _zrm_row(domain, counts)))
    forward = {"twee": forward_count, "minder": measured_count - forward_count}
    forward_cells = protect_line(forward, atom="vooruit")
    measured = cell(measured_count, [("vooruit", "twee"), ("vooruit", "minder")])
    rows.append(
        Row(
            N_("Vooruit op minstens twee domeinen"),
            (measured, _with_share(forward_cells["twee"], measured), "", ""),
        )
    )
    rows.append(Row(NO_SECOND, (cell(first_only, [NO_SECOND]), "", "", "")))
    return Table(
        "zrm",
        N_("Zelfredzaamheidsmatrix: nulmeting tegen laatste meting"),
        (N_("Twee keer gemeten"), N_("Beter"), N_("Gelijk"), N_("Slechter")),
        tuple(rows),
        note=N_(
            "Per domein: wie bij de nulmeting en later een score had. Tussen haakjes het "
            "deel van wie twee keer gemeten is."
        ),
        chart="stacked",
    )


@dataclass(frozen=True)
class PlacementCounts:
    """Placements that reached a state in the period; the ended ones by outcome and the
    started ones (proefperiode) by type of place and sector."""

    reached: Counter[PlacementState]
    ended_by_outcome: Counter[str]
    started_by_type_and_sector: Counter[tuple[str, str]]
    # Placements that became 'geplaatst' in the same period a year earlier, for the
    # summary's comparison (that selection lies within this one).
    placed_a_year_earlier: int = 0


def placement_counts(filters: Filters) -> PlacementCounts:
    """One aggregate over the selection's placements serves the funnel, the outcomes and
    the sectors.

    A placement counts for each FUNNEL state it entered in the period, by the moment
    kept on its row (REACHED_AT): the state machine enters none of them twice (tested
    in test_placement_machine.py), so this is the number of such events, without
    reading the events (at national size 1,000,000 of them; the event join cost 0.25 s
    for Amsterdam). Vacancy and organisation are joined only to the placements started
    in the period, for the sectors; the result is a few dozen rows."""
    start, end = filters.period_bounds
    end = min(end, filters.reference_moment)
    in_period = {state: column.between(start, end) for state, column in REACHED_AT.items()}
    earlier = filters.a_year_earlier()
    placed_earlier = and_(Placement.placed_at.between(*earlier.period_bounds),
                          Participant.intake_date <= earlier.reference_date)
    started_here = in_period[PlacementState.PROEFPERIODE]
    groups = (Placement.outcome, Vacancy.type, Organisation.kind)
    reached = (func.count(case((condition, 1))) for condition in in_period.values())
    rows = db.session.execute(
        select(*groups, func.count(case((placed_earlier, 1))), *reached)
        .join(Participant, Participant.id == Placement.participant_id)
        .outerjoin(Vacancy, and_(started_here, Vacancy.id == Placement.vacancy_id))
        .outerjoin(Organisation, Organisation.id == Vacancy.organisation_id)
        .where(in_scope(filters), or_(*in_period.values(), placed_earlier))
        .group_by(*groups)
    ).all()
    counts: Counter[PlacementState] = Counter()
    ended: Counter[str] = Counter()
    started: Counter[tuple[str, str]] = Counter()
    placed_a_year_earlier = 0
    for ended_as, kind_of_place, sector, placed_then, *numbers in rows:
        placed_a_year_earlier += placed_then
        by_state = dict(zip(REACHED_AT, numbers, strict=True))
        counts.update(by_state)
        if ended_as is not None and by_state[PlacementState.ENDED]:
            ended[_plain(ended_as)] += by_state[PlacementState.ENDED]
        if kind_of_place is not None:
            started[_plain(kind_of_place), sector] += by_state[PlacementState.PROEFPERIODE]
    return PlacementCounts(counts, ended, started, placed_a_year_earlier)


def funnel(counts: PlacementCounts) -> Table:
    cells = [cell(counts.reached[state]) for state in FUNNEL]
    labels = {
        PlacementState.PROPOSED: N_("Voorgesteld"),
        PlacementState.ACCEPTED: N_("Geaccepteerd"),
        PlacementState.PROEFPERIODE: N_("Proefperiode begonnen"),
        PlacementState.PLACED: N_("Geplaatst"),
        PlacementState.ENDED: N_("Beëindigd"),
    }
    rows = [
        Row(labels[state], (value, share(value, cells[index - 1]) if index else ""))
        for index, (state, value) in enumerate(zip(FUNNEL, cells, strict=True))
    ]
    return Table(
        "trechter",
        N_("Van voorstel tot plaatsing in de periode"),
        (N_("Aantal"), N_("Van de stap ervoor")),
        tuple(rows),
        chart="bars",
    )


def ended_by_outcome(counts: PlacementCounts) -> Table:
    values = {o.value: counts.ended_by_outcome[o.value] for o in EndOutcome}
    cells = protect_line(values, atom="afloop")
    rows = [Row(OUTCOME_LABELS[EndOutcome(key)], (cells[key],)) for key in values]
    return Table("afloop", N_("Beëindigde plaatsingen naar uitkomst"), (N_("Aantal"),), tuple(rows))


def placements_by_type_and_sector(counts: PlacementCounts) -> Table:
    started = counts.started_by_type_and_sector
    sectors = sorted({sector for _, sector in started})
    grid = {t.value: {s: started[t.value, s] for s in sectors} for t in PlacementType}
    cells = protect_matrix(grid)
    rows = tuple(
        Row(PLACEMENT_TYPE_LABELS[PlacementType(t)], tuple(cells[t][s] for s in sectors))
        for t in grid
    )
    return Table(
        "sectoren",
        N_("Gestarte plaatsingen naar soort plek en sector"),
        tuple(_sector_label(sector) for sector in sectors) or (N_("Geen plaatsingen"),),
        rows if sectors else (),
    )


def _sector_label(kind: str) -> str:
    """The Dutch name of a kind of organisation; an unknown kind without underscores."""
    return ORGANISATION_KIND_LABELS.get(kind) or kind.replace("_", " ").capitalize()


def days_to_first_placement(filters: Filters) -> list[int]:
    """Days from intake to the first proefperiode start by the peildatum (0 when it came
    first), one per participant in scope who started one, sorted; before protection."""
    # Her first start is kept on the participant (models/placement.py,
    # refresh_milestones): the earliest of them all is on or before the peildatum
    # exactly when she started one by then. Read from the participant index alone; the
    # join with the placements cost 0.15 s for Amsterdam at national size.
    rows = db.session.execute(
        select(Participant.intake_date, Participant.first_proefperiode_at).where(
            Participant.first_proefperiode_at <= filters.reference_moment, in_scope(filters))
    ).all()
    return sorted(max((_as_date(started) - intake).days, 0) for intake, started in rows)


def time_to_first_placement(filters: Filters) -> Table:
    days = days_to_first_placement(filters)
    enough = cell(len(days))
    if enough.suppressed:
        median = p75 = "—"
    else:
        median = f"{statistics.median(days):.0f} dagen"
        p75 = f"{statistics.quantiles(days, n=4, method='inclusive')[2]:.0f} dagen"
    return Table(
        "doorlooptijd",
        N_("Tijd van intake tot eerste plaatsing (start proefperiode)"),
        (N_("Waarde"),),
        (
            Row(N_("Deelnemers met een plaatsing"), (enough,)),
            Row(N_("Mediaan"), (median,)),
            Row(N_("75e percentiel"), (p75,)),
        ),
    )


def _as_date(moment: Any) -> date:
    if isinstance(moment, datetime):
        return moment.date()
    if isinstance(moment, str):  # SQLite returns aggregates of timestamps as text
        return datetime.fromisoformat(moment).date()
    return moment


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


# --------------------------------------------------------------------------- dashboard


def filter_options() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every municipality with participants, and every team (for the administrator and
    the disclosure audits; a policy officer chooses within her scope)."""
    # EXISTS per municipality (40 index probes) instead of joining every participant and
    # removing the duplicates: 15 ms a call at national size.
    has_participants = select(Participant.id).where(
        Participant.municipality_id == Municipality.id).exists()
    municipalities = db.session.scalars(
        select(Municipality.name).where(has_participants)).all()
    teams = db.session.scalars(select(User.team).where(User.team.is_not(None)).distinct()).all()
    # The query leaves out NULL already; the `is not None` tells mypy.
    return tuple(sorted(municipalities)), tuple(sorted(t for t in teams if t is not None))


@dataclass(frozen=True)
class Summary:
    """The figures of the one-page summary; counts already protected."""

    people: Cell
    placed: Cell
    up: Cell
    same: Cell
    down: Cell
    twice: Cell
    first_only: Cell
    zrm_forward: Cell
    zrm_measured: Cell
    last_year: LastYear | None = None


@dataclass(frozen=True)
class LastYear:
    """The same figures for the same period a year earlier (protected on their own)."""

    filters: Filters
    people: Cell
    placed: Cell
    up: Cell


def _first(table: Table, label: str) -> Cell:
    value = next(row.cells[0] for row in table.rows if row.label == label)
    assert isinstance(value, Cell)  # the first column of these rows is a count
    return value


def summary(
    filters: Filters, routes: Table, progress: Table, zrm: Table, placements: PlacementCounts,
    measurements: MeasurementCounts,
) -> Summary:
    """Taken from the tables, so the summary shows nothing the tables do not."""
    forward_row = next(row for row in zrm.rows if row.label == "Vooruit op minstens twee domeinen")
    measured, forward = forward_row.cells[0], forward_row.cells[1]
    assert isinstance(measured, Cell) and isinstance(forward, Cell)
    return Summary(
        people=_first(routes, "Totaal deelnemers"),
        placed=cell(placements.reached[PlacementState.PLACED]),
        up=_first(progress, UP),
        same=_first(progress, SAME),
        down=_first(progress, DOWN),
        twice=_first(progress, N_("Twee keer of vaker gemeten")),
        first_only=_first(progress, NO_SECOND),
        zrm_forward=forward,
        zrm_measured=measured,
        last_year=last_year(filters.a_year_earlier(), placements, measurements),
    )


def last_year(
    filters: Filters, placements: PlacementCounts, measured: MeasurementCounts
) -> LastYear | None:
    """None when nobody was in scope a year earlier: then there is nothing to compare.
    The placed and the ladder's up were counted with this year's figures."""
    people = sum(route_counts(filters).values())
    if not people:
        return None
    placed, up = placements.placed_a_year_earlier, measured.ladder_a_year_earlier.direction(1)
    return LastYear(filters, cell(people), cell(placed), cell(up))


def dashboard(filters: Filters) -> Dashboard:
    placements = placement_counts(filters)
    measured = measurement_counts(filters)
    ladder = measured.ladder
    routes = participation_routes(filters)
    matrix, progress = ladder_tables(ladder)
    zrm = zrm_progress(measured.zrm, ladder.first_only)
    tables = (
        routes,
        routes_and_status(filters),
        progress,
        matrix,
        zrm,
        funnel(placements),
        ended_by_outcome(placements),
        outflow(filters),
        time_to_first_placement(filters),
        placements_by_type_and_sector(placements),
    )
    municipalities, teams = filter_options()
    overview = summary(filters, routes, progress, zrm, placements, measured)
    return Dashboard(filters, tables, municipalities, teams, overview)


def route_counts(filters: Filters) -> Mapping[str, int]:
    """Participants per route of the plan ('none' for no route yet), before protection:
    the route table is built from these, and tests check them against the reports."""
    route = func.coalesce(Participant.participation_route, NO_ROUTE, type_=String())
    rows = db.session.execute(
        select(route, func.count()).where(in_scope(filters)).group_by(route)
    ).all()
    return {_plain(key): number for key, number in rows}


def outflow_counts(filters: Filters) -> Mapping[str, int]:
    """Trajectories closed in the period (up to the peildatum) per exit reason, before
    protection: the outflow table is built from these."""
    end = min(filters.period_end, filters.reference_date)
    rows = db.session.execute(
        select(Participant.exit_reason, func.count())
        .where(
            in_scope(filters),
            Participant.closed_on.between(filters.period_start, end),
            Participant.exit_reason.is_not(None),
        )
        .group_by(Participant.exit_reason)
    ).all()
    return {_plain(key): number for key, number in rows}


def intakes_in_period(filters: Filters) -> int:
    """Participants whose intake fell in the period (up to the peildatum): "aangemeld"
    in the reports' overview tables."""
    end = min(filters.period_end, filters.reference_date)
    return db.session.scalar(
        select(func.count()).select_from(Participant)
        .where(in_scope(filters), Participant.intake_date.between(filters.period_start, end))
    ) or 0
