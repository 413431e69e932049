"""The vacancy board: filters, postcode-and-radius search sorted by distance, pages.

Everything SQL can decide is decided in SQL (type, level, childcare, women-only,
open places, a lat/lon bounding box). Distance and "fits these dayparts" need
arithmetic per row: for those, only the few columns they need are fetched for the
candidates, decided with numpy in one go, and the full rows of one page loaded.
With a postcode the candidates come unsorted from the board's index (remote places
and the box apart, each a range of it); the list's own order only breaks ties between
equal distances, so only the tied candidates around the page are sorted in SQL.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Select, Text, and_, cast, or_, select, union_all
from sqlalchemy.orm import contains_eager
from sqlalchemy.sql.elements import ColumnElement

from marketplace.domain.vocabulary import CEFR_LEVELS, LANGUAGE_SKILLS, PlacementType, VacancyStatus
from marketplace.extensions import db
from marketplace.geo import resolve_postcode
from marketplace.models import Organisation, User, Vacancy
from marketplace.models.vacancy import schedule_mask
from marketplace.services.platform.queries import Page, paginate
from marketplace.services.vacancies.vacancies import visible_vacancies
from matching.geo import EARTH_RADIUS_KM, haversine_km_many
from matching.text import collector_paused

RADIUS_CHOICES = (2, 5, 10, 15, 25, 50)


@dataclass(frozen=True)
class BoardFilters:
    search: str = ""
    placement_type: PlacementType | None = None
    tags: tuple[str, ...] = ()
    level: str | None = None  # Dutch level of the participant: minimums at most this
    childcare: bool = False  # childcare offered or children welcome
    women_only: bool = False
    dayparts: tuple[str, ...] = ()  # the vacancy must fit in these (spec's schedule rule)
    open_only: bool = False
    status: VacancyStatus | None = None
    organisation_id: int | None = None
    postcode: str | None = None
    radius_km: float = 10
    # (column word, descending): the order of the list; with a postcode, nearest first
    # and this order among equal distances.
    sort: tuple[str, bool] = ("titel", False)


# The columns the board can be sorted on (the query's word -> its columns).
BOARD_SORTS: dict[str, tuple[Any, ...]] = {
    "titel": (Vacancy.title,),
    "organisatie": (Organisation.name, Vacancy.title),
    "plaats": (Organisation.municipality, Vacancy.title),
    "soort": (Vacancy.type, Vacancy.title),
    "plekken": (Vacancy.capacity - Vacancy.filled, Vacancy.title),
}


def _order(filters: BoardFilters) -> list[Any]:
    key, descending = filters.sort
    columns = BOARD_SORTS.get(key, BOARD_SORTS["titel"])
    return [*(column.desc() if descending else column for column in columns), Vacancy.id]


@dataclass(frozen=True)
class BoardItem:
    vacancy: Vacancy
    distance_km: float | None = None


@dataclass(frozen=True)
class BoardResult:
    page: Page[BoardItem]
    unknown_postcode: bool = False
    notes: list[str] = field(default_factory=list)


def _like_json_item(value: str) -> str:
    """A LIKE pattern for one string item of a JSON list, the same on SQLite and PostgreSQL."""
    encoded = json.dumps(value)
    escaped = encoded.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _level_clause(level: str) -> Any:
    allowed = CEFR_LEVELS[: CEFR_LEVELS.index(level) + 1]
    columns = [getattr(Vacancy, f"lang_min_{skill}") for skill in LANGUAGE_SKILLS]
    return and_(*[or_(column.is_(None), column.in_(allowed)) for column in columns])


def _filtered(statement: Select[Any], filters: BoardFilters) -> Select[Any]:
    conditions: list[Any] = []
    if filters.search:
        pattern = f"%{filters.search}%"
        conditions.append(or_(Vacancy.title.ilike(pattern), Organisation.name.ilike(pattern)))
    if filters.placement_type is not None:
        conditions.append(Vacancy.type == filters.placement_type)
    if filters.tags:
        conditions.append(
            or_(*[cast(Vacancy.tags, Text).like(_like_json_item(t), escape="!")
                  for t in filters.tags])
        )
    if filters.level in CEFR_LEVELS:
        conditions.append(_level_clause(filters.level))
    if filters.childcare:
        conditions.append(or_(Vacancy.childcare_offered, Vacancy.children_welcome))
    if filters.women_only:
        conditions.append(Vacancy.women_only.is_(True))
    if filters.open_only:
        conditions.append(Vacancy.filled < Vacancy.capacity)
    if filters.status is not None:
        conditions.append(Vacancy.status == filters.status)
    if filters.organisation_id is not None:
        conditions.append(Vacancy.organisation_id == filters.organisation_id)
    return statement.where(*conditions)


def inside_box(lat: float, lon: float, radius_km: float) -> ColumnElement[bool]:
    """Vacancies in the smallest latitude/longitude box around the circle of `radius_km`
    on matching.geo's sphere, so the distance (haversine on that sphere) decides and no
    vacancy within the radius is left out. (A box of 111.32 km a degree was 0.1% too
    small: a place 9.995 km due north fell outside a 10 km search.)"""
    angle = radius_km / EARTH_RADIUS_KM * (1 + 1e-9)  # rounding must not shrink the box
    dlat = math.degrees(angle)
    # The cap's widest longitudes: sin(dlon) = sin(angle) / cos(lat), on the sphere.
    ratio = math.sin(angle) / max(math.cos(math.radians(lat)), 1e-9)
    dlon = 180.0 if ratio >= 1 else math.degrees(math.asin(ratio))
    return and_(
        Vacancy.lat.between(lat - dlat, lat + dlat), Vacancy.lon.between(lon - dlon, lon + dlon)
    )


def _fits(masks: np.ndarray, needed: np.ndarray, free_mask: int) -> np.ndarray:
    """The spec's schedule rule, vectorised: all of the schedule (or `needed` of it) free."""
    available = np.bitwise_count(masks & free_mask)
    required = np.where(needed > 0, needed, np.bitwise_count(masks))
    result: np.ndarray = (masks > 0) & (available >= required)
    return result


def _load_page(ids: list[int], distances: dict[int, float | None]) -> list[BoardItem]:
    rows = db.session.scalars(
        select(Vacancy)
        .join(Vacancy.organisation)
        .options(contains_eager(Vacancy.organisation))
        .where(Vacancy.id.in_(ids))
    ).all()
    by_id = {row.id: row for row in rows}
    return [BoardItem(by_id[i], distances.get(i)) for i in ids if i in by_id]


# What the numpy path needs of each candidate (the board's index holds them all).
CANDIDATE_COLUMNS = (Vacancy.id, Vacancy.lat, Vacancy.lon, Vacancy.remote,
                     Vacancy.schedule_mask, Vacancy.dayparts_needed)
# Tied candidates sorted in SQL by id; more (remote places on a last page) by one
# ordered pass over all candidates, which is what every search cost before.
MAX_TIES_BY_ID = 1000


def _candidates(statement: Select[Any], filters: BoardFilters, origin: Any) -> list[Any]:
    """Without a postcode: every candidate in the list's order. With one: remote places
    and those in the bounding box, unsorted; at national size sorting 22,000 candidates
    by title and reading them from the table was 60 of the 67 ms of SQL (Amsterdam 1012,
    10 km), while the index gives them without a sort."""
    if origin is None:
        ordered = statement.with_only_columns(*CANDIDATE_COLUMNS).order_by(*_order(filters))
        return list(db.session.execute(ordered).all())
    inside = inside_box(origin.lat, origin.lon, filters.radius_km)
    near = statement.where(Vacancy.remote.is_(False), inside)
    remote = statement.where(Vacancy.remote.is_(True))
    return list(db.session.execute(union_all(
        near.with_only_columns(*CANDIDATE_COLUMNS), remote.with_only_columns(*CANDIDATE_COLUMNS),
    )).all())


def _list_order(statement: Select[Any], filters: BoardFilters, ids: list[int]) -> list[int]:
    """`ids` in the list's own order (title unless the reader chose another)."""
    ordered = statement.with_only_columns(Vacancy.id).order_by(*_order(filters))
    if len(ids) <= MAX_TIES_BY_ID:
        return list(db.session.scalars(ordered.where(Vacancy.id.in_(ids))))
    wanted = set(ids)
    return [i for i in db.session.scalars(ordered) if i in wanted]


def _page_positions(
    statement: Select[Any], filters: BoardFilters, ids: np.ndarray, key: np.ndarray,
    first: int, last: int,
) -> list[int]:
    """Positions (into `ids`) of places first..last-1 in the order (key, list order).

    Everything with a key below the page's lowest key comes before it and everything
    above its highest after it, so only the candidates whose key lies between those two
    (the page and its ties across the page's edges) need the list order."""
    by_key = np.argsort(key, kind="stable")
    low, high = key[by_key[first]], key[by_key[last - 1]]
    between = np.flatnonzero((key >= low) & (key <= high))
    before = int(np.count_nonzero(key < low))
    rank = {vacancy: i for i, vacancy in enumerate(
        _list_order(statement, filters, [int(ids[p]) for p in between]))}
    tied = sorted(between, key=lambda p: (key[p], rank[int(ids[p])]))
    return [int(p) for p in tied[first - before : last - before]]


@dataclass(frozen=True)
class _Candidates:
    """The candidates' columns as arrays (lat and lon NaN where unknown)."""

    ids: np.ndarray
    lats: np.ndarray
    lons: np.ndarray
    remote: np.ndarray
    masks: np.ndarray
    needed: np.ndarray


def _candidate_arrays(statement: Select[Any], filters: BoardFilters, origin: Any) -> _Candidates:
    """The candidates as arrays, with the cyclic garbage collector paused meanwhile: the
    22,000 rows of a 10 km search in Amsterdam otherwise set off a full collection every
    few requests (130 ms, at national size). The rows have no cycles and are gone again
    before it resumes."""
    with collector_paused():
        rows = _candidates(statement, filters, origin)
        found = _Candidates(
            ids=np.array([r[0] for r in rows], dtype=np.int64),
            lats=np.array([np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64),
            lons=np.array([np.nan if r[2] is None else r[2] for r in rows], dtype=np.float64),
            remote=np.array([bool(r[3]) for r in rows], dtype=bool),
            masks=np.array([r[4] for r in rows], dtype=np.int64),
            needed=np.array([r[5] or 0 for r in rows], dtype=np.int64),
        )
        del rows
    return found


def _search_in_python(
    statement: Select[Any], filters: BoardFilters, origin: Any, page: int, per_page: int
) -> Page[BoardItem]:
    found = _candidate_arrays(statement, filters, origin)
    ids = found.ids
    keep = np.ones(len(ids), dtype=bool)
    distance = np.full(len(ids), np.nan)
    if len(ids) and filters.dayparts:
        keep &= _fits(found.masks, found.needed, schedule_mask(list(filters.dayparts)))
    if len(ids) and origin is not None:
        distance = np.where(found.remote, np.nan,
                            haversine_km_many(origin.lat, origin.lon, found.lats, found.lons))
        keep &= found.remote | (distance <= filters.radius_km)
    kept = np.flatnonzero(keep)
    total = len(kept)
    last_page = max(math.ceil(total / per_page), 1)
    page = min(max(page, 1), last_page)
    first, last = (page - 1) * per_page, min(page * per_page, total)
    if origin is None:  # already in the list's order
        chosen = [int(p) for p in kept[first:last]]
    elif first < last:
        # Nearest first; remote places (no distance) after them; ties in the list order.
        key = np.nan_to_num(distance[kept], nan=np.inf)
        chosen = [int(kept[p]) for p in _page_positions(
            statement, filters, ids[kept], key, first, last)]
    else:
        chosen = []
    distances = {
        int(ids[i]): None if math.isnan(distance[i]) else float(distance[i]) for i in chosen
    }
    items = _load_page([int(ids[i]) for i in chosen], distances)
    return Page(items=items, page=page, per_page=per_page, total=total)


def board(user: User, filters: BoardFilters, page: int = 1, per_page: int = 20) -> BoardResult:
    """One page of the vacancies this user may see, filtered, nearest first with a postcode."""
    statement = _filtered(visible_vacancies(user), filters)
    origin = resolve_postcode(filters.postcode) if filters.postcode else None
    unknown = bool(filters.postcode) and origin is None
    if origin is None and not filters.dayparts:
        ordered = statement.options(contains_eager(Vacancy.organisation)).order_by(
            *_order(filters)
        )
        plain = paginate(ordered, page, per_page)
        items = [BoardItem(vacancy) for vacancy in plain.items]
        return BoardResult(Page(items, plain.page, plain.per_page, plain.total), unknown)
    return BoardResult(_search_in_python(statement, filters, origin, page, per_page), unknown)
