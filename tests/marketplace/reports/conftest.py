"""The demo region and its policy officer, shared by the monitoring tests."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.config import DEMO_PASSWORD
from marketplace.models import Participant

QUERY = "?peildatum=2026-10-31&van=2025-09-01&tot=2026-10-31"


@pytest.fixture(scope="module")
def demo_region_once(app, module_transaction) -> None:
    """The demo region seeded once for a module that rolls each test back to it (it
    overrides `db` with `rolled_back_db`); seeding took seconds a test."""
    assert app.test_cli_runner().invoke(args=["seed"]).exit_code == 0


@pytest.fixture()
def demo_region(runner, db):
    assert runner.invoke(args=["seed"]).exit_code == 0
    return db.scalars(select(Participant)).all()


@pytest.fixture()
def policy(client, demo_region):
    client.post("/login", data={"email": "beleid@demo.nl", "password": DEMO_PASSWORD})
    return client


def personal_details(people) -> list[str]:
    """What would identify a participant: reference, e-mail, name, phone, health notes."""
    found = []
    for person in people:
        found += [person.ref, person.email, f"{person.first_name} {person.last_name}"]
        found += [person.phone, person.health_notes] if person.health_notes else [person.phone]
    return [text for text in found if text]
