"""services/platform/transaction: commit on success, roll everything back on error, and a
constraint's refusal as the service's own message."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from marketplace.errors import DomainError
from marketplace.models import Organisation
from marketplace.services.platform.transaction import commit, transaction
from tests.builders import make_organisation


def _organisation(key: str) -> Organisation:
    return Organisation(key=key, name=key, kind="wijkcentrum", municipality="Nijmegen")


def _keys(db) -> set[str]:
    return set(db.scalars(select(Organisation.key)))


def _count(db) -> int:
    return db.scalar(select(func.count()).select_from(Organisation))


def test_the_block_is_committed_when_it_succeeds(db) -> None:
    with transaction():
        db.add(_organisation("a"))
    db.rollback()  # nothing left to undo
    assert _keys(db) == {"a"}


def test_an_error_rolls_back_every_write_of_the_block(db) -> None:
    with pytest.raises(ValueError), transaction():
        db.add(_organisation("a"))
        db.flush()  # already sent to the database
        db.add(_organisation("b"))
        raise ValueError("halfway")
    assert _count(db) == 0


def test_a_constraint_refusal_becomes_the_services_message(db) -> None:
    make_organisation(key="taken")
    with pytest.raises(DomainError) as refused, transaction(conflict="Die naam is al bezet."):
        db.add(_organisation("new"))
        db.add(_organisation("taken"))
    assert refused.value.message == "Die naam is al bezet."
    assert isinstance(refused.value.__cause__, IntegrityError)
    assert _keys(db) == {"taken"}  # and the session is usable again


def test_without_a_message_the_integrity_error_goes_up_unchanged(db) -> None:
    make_organisation(key="taken")
    with pytest.raises(IntegrityError), transaction():
        db.add(_organisation("taken"))
    assert _count(db) == 1


def test_an_ignored_conflict_writes_nothing_and_raises_nothing(db) -> None:
    make_organisation(key="taken")
    with transaction(ignore_conflict=True):
        db.add(_organisation("taken"))
    assert _count(db) == 1


def test_as_a_decorator(db) -> None:
    @transaction()
    def add_two() -> None:
        db.add(_organisation("a"))
        db.add(_organisation("a"))

    with pytest.raises(IntegrityError):
        add_two()
    assert _count(db) == 0


def test_commit_maps_a_pending_conflict_too(db) -> None:
    make_organisation(key="taken")
    db.add(_organisation("taken"))
    with pytest.raises(DomainError):
        commit("Bestaat al.")
    assert _count(db) == 1
