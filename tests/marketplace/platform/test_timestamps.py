"""Stored moments are UTC and come back aware, on SQLite as on PostgreSQL
(models/_types.UtcDateTime); a naive datetime is refused, not guessed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import StatementError

from marketplace.models import Organisation, Vacancy
from marketplace.models._types import NaiveTimestamp
from marketplace.services.matching.index import vacancies_version
from tests.builders import make_organisation, make_vacancy

SUMMER = timezone(timedelta(hours=2))  # Dutch summer time


def _reread(db, organisation: Organisation) -> Organisation:
    db.expire_all()  # read the row again, not the object in the identity map
    return db.get(Organisation, organisation.id)


def test_an_aware_moment_comes_back_aware_in_utc(db) -> None:
    moment = datetime(2026, 6, 1, 14, 30, tzinfo=SUMMER)
    organisation = make_organisation(reviewed_at=moment)
    stored = _reread(db, organisation).reviewed_at
    assert stored == moment
    assert stored.utcoffset() == timedelta(0)
    assert stored.hour == 12


def test_defaults_come_back_aware(db) -> None:
    organisation = make_organisation()
    assert _reread(db, organisation).created_at.tzinfo is not None


def test_the_database_holds_utc_wall_clock_time(db) -> None:
    """SQLite keeps only the wall-clock fields: they must be UTC's, not the caller's zone."""
    organisation = make_organisation(reviewed_at=datetime(2026, 6, 1, 14, 30, tzinfo=SUMMER))
    raw = db.execute(text("SELECT reviewed_at FROM organisation WHERE id = :id"),
                     {"id": organisation.id}).scalar_one()
    if isinstance(raw, datetime):  # PostgreSQL: timestamptz, an instant
        assert raw == datetime(2026, 6, 1, 12, 30, tzinfo=UTC)
    else:  # SQLite: text
        assert raw.startswith("2026-06-01 12:30")


def test_comparisons_in_sql_use_utc_whatever_the_zone_of_the_parameter(db) -> None:
    organisation = make_organisation(reviewed_at=datetime(2026, 6, 1, 12, 30, tzinfo=UTC))
    just_before = datetime(2026, 6, 1, 14, 29, tzinfo=SUMMER)  # 12:29 UTC
    found = db.scalars(select(Organisation.id).where(Organisation.reviewed_at > just_before))
    assert list(found) == [organisation.id]


def test_aggregates_come_back_aware(db) -> None:
    make_vacancy()
    assert db.scalar(select(func.max(Vacancy.updated_at))).tzinfo is not None
    assert vacancies_version()[1].tzinfo is not None


def test_a_naive_moment_is_refused_and_nothing_is_written(db) -> None:
    """Naive could mean UTC or Dutch time; guessing shifts it by an hour or two unseen."""
    organisation = make_organisation()
    organisation.reviewed_at = datetime(2026, 6, 1, 14, 30)
    with pytest.raises(StatementError) as raised:
        db.commit()
    assert isinstance(raised.value.orig, NaiveTimestamp)
    db.rollback()
    assert _reread(db, organisation).reviewed_at is None
