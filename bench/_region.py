"""A synthetic region in a temporary SQLite database, for the page benchmarks.

Reuses the profile generators of bench_matching.py and loads rows through
services.profiles.rows (the one conversion module), like the demo region does.
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_matching import participant_record, vacancy_record  # noqa: E402
from flask import Flask  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from marketplace import create_app  # noqa: E402
from marketplace.domain.vocabulary import (  # noqa: E402
    ApprovalState,
    ConsentPurpose,
    ParticipantStatus,
    Role,
)
from marketplace.extensions import db  # noqa: E402
from marketplace.models import Consent, Organisation, Participant, User, Vacancy  # noqa: E402
from marketplace.services.accounts.users import create_user  # noqa: E402
from marketplace.services.profiles.rows import (  # noqa: E402
    participant_fields_from_profile,
    vacancy_fields_from_profile,
)

PASSWORD = "bench-wachtwoord-123"


def make_app() -> Flask:
    folder = Path(tempfile.mkdtemp(prefix="kk-bench-"))
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
        "TESTING": True, "KOPPELKANS_ENV": "test", "SECRET_KEY": "bench",
        "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
    })
    with app.app_context():
        upgrade()
    return app


def load_vacancies(n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    organisations = [
        Organisation(key=f"bench-org-{i}", name=f"Organisatie {i}", kind="wijkcentrum",
                     municipality="Nijmegen", approval=ApprovalState.APPROVED)
        for i in range(500)
    ]
    db.session.add_all(organisations)
    db.session.flush()
    rows: list[dict[str, Any]] = []
    for index in range(n):
        record = vacancy_record(rng, index) | {"status": "published"}
        fields = vacancy_fields_from_profile(record)
        fields["organisation_id"] = organisations[index % 500].id
        rows.append(fields)
    db.session.add_all(Vacancy(**fields) for fields in rows)
    db.session.commit()


def load_caseload(n: int, seed: int = 2) -> tuple[User, list[Participant]]:
    rng = random.Random(seed)
    coach = create_user("bench-coach@test.nl", "Bench Coach", Role.COACH, PASSWORD)
    db.session.flush()
    people = []
    for index in range(n):
        fields = participant_fields_from_profile(participant_record(rng, index))
        fields.pop("ladder_step", None)
        person = Participant(coach_id=coach.id, first_name=f"Deelnemer {index}",
                             status=ParticipantStatus.ACTIVE, **fields)
        person.consents = [Consent(purpose=p, given_on=date(2026, 1, 5)) for p in ConsentPurpose]
        people.append(person)
    db.session.add_all(people)
    db.session.commit()
    return coach, people
