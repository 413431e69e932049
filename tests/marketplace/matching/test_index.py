"""The web app's matching index: edits are applied to the fitted index, not refitted.

Real database, real engine. "Not refitted" is seen on the fitted text postings: edits
share them, a refit makes new ones. "As a fresh fit" compares with the index a new fit gives.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete

from marketplace.domain.vocabulary import PlacementType, Role, VacancyStatus
from marketplace.models import Vacancy
from marketplace.services.matching import index as web_index
from marketplace.services.matching import ranking
from marketplace.services.matching.index import invalidate_index, vacancy_index
from matching.text import TEXT_DRIFT_MINIMUM
from tests.builders import make_organisation, make_participant, make_user, make_vacancy

WEEK = [f"{d}_{p}" for d in ("mon", "tue", "wed", "thu", "fri") for p in ("morning", "afternoon")]


@pytest.fixture()
def own_index(app, db):
    """Each test fits its own index (the app, and so its index, is the session's)."""
    invalidate_index(app)
    yield
    invalidate_index(app)


@pytest.fixture()
def person(db):
    return make_participant(make_user(Role.COACH), availability=WEEK, interests=["koken"],
                            hours_min=2, hours_max=12, max_travel_km=25)


@pytest.fixture()
def places(db, own_index):
    organisation = make_organisation(name="Wijkcentrum De Klimop")
    made = [make_vacancy(organisation, title=f"Plek {i}", tags=["koken"] if i % 2 else ["tuin"],
                         schedule=["mon_morning", "wed_afternoon"][: 1 + i % 2],
                         lat=51.84 + i / 200, lon=5.86) for i in range(6)]
    vacancy_index()  # fitted before the edits of the test
    return made


def _ranked(person, **filters) -> list[tuple[str, float, tuple[str, ...]]]:
    result = ranking.rank_for(person, filters=ranking.MatchFilters(**filters), limit=100)
    return [(row.ref, row.score, row.reasons) for row in result.ranked]


def _fresh_ranked(app, person, **filters) -> list[tuple[str, float, tuple[str, ...]]]:
    invalidate_index(app)
    return _ranked(person, **filters)


def _vectoriser():
    """The fitted TF-IDF postings: kept by every edit, new after a refit."""
    return vacancy_index().ranker.text_index_.postings_


def test_column_edits_are_applied_without_a_refit_and_rank_as_a_fresh_fit(
    app, db, places, person
) -> None:
    fitted = _vectoriser()
    places[0].filled = places[0].capacity
    places[1].schedule = ["tue_afternoon"]
    places[2].hours_min, places[2].hours_max = 20, 30
    places[3].type = PlacementType.TAALSTAGE
    places[4].lat = 52.30
    db.commit()
    edited = _ranked(person)
    edited_taalstage = _ranked(person, placement_type=PlacementType.TAALSTAGE)
    edited_near = _ranked(person, max_km=5)
    index = vacancy_index()
    assert index.ranker.text_index_.postings_ is fitted and index.edits == 5
    assert places[0].ref not in [ref for ref, *_ in edited]
    assert edited == _fresh_ranked(app, person)
    assert edited_taalstage == _ranked(person, placement_type=PlacementType.TAALSTAGE)
    assert [ref for ref, *_ in edited_taalstage] == [places[3].ref]
    assert edited_near == _ranked(person, max_km=5)
    assert places[4].ref not in [ref for ref, *_ in edited_near]


def test_closing_publishing_adding_and_deleting(app, db, places, person) -> None:
    fitted = _vectoriser()
    places[0].status = VacancyStatus.CLOSED
    places[1].status = VacancyStatus.DRAFT
    db.commit()
    db.execute(delete(Vacancy).where(Vacancy.id == places[2].id))
    db.commit()
    new = make_vacancy(places[3].organisation, title="Nieuwe kookplek", tags=["koken"],
                       schedule=["mon_morning"])
    refs = [ref for ref, *_ in _ranked(person)]
    assert new.ref in refs and not {p.ref for p in places[:3]} & set(refs)
    assert len(vacancy_index()) == 4 and _vectoriser() is fitted
    places[0].status = VacancyStatus.PUBLISHED
    db.commit()
    assert places[0].ref in [ref for ref, *_ in _ranked(person)]
    index = vacancy_index()
    assert index.position[places[0].id] == index.ref_position[places[0].ref]
    assert int(index.db_ids[index.position[new.id]]) == new.id


def test_editing_a_draft_or_a_field_matching_does_not_use_changes_nothing(
    db, places, person
) -> None:
    draft = make_vacancy(places[0].organisation, status=VacancyStatus.DRAFT)
    index = vacancy_index()
    draft.title = "Nog niet klaar"
    draft.filled = 1
    db.commit()
    assert vacancy_index() is index  # the version counts published vacancies only
    places[0].contact_person = "Mevrouw Jansen"
    db.commit()
    after = vacancy_index()
    assert after is index and after.edits == 0  # looked at, nothing to apply


def test_a_changed_text_is_reindexed_alone_and_found(app, db, places, person) -> None:
    fitted = vacancy_index().ranker.text_index_
    semantic = vacancy_index().ranker.semantic_index_
    assert semantic is not None
    places[0].title = "Buurtkoken voor ouderen"
    places[0].tags = ["koken", "ouderenzorg"]
    db.commit()
    index = vacancy_index()
    assert index.ranker.text_index_.matrix_ is fitted.matrix_  # the fit's rows, shared
    assert index.ranker.text_index_.extra_.n_vacancies_ == 1  # one row re-indexed
    position = index.ref_position[places[0].ref]
    edited = index.ranker.semantic_index_
    assert edited is not None and edited is not semantic  # one row embedded again
    others = [i for i in range(len(index)) if i != position]
    assert (edited.matrix_[others] == semantic.matrix_[others]).all()
    assert (edited.matrix_[position] != semantic.matrix_[position]).any()
    row = next(r for r in ranking.rank_for(person, limit=100).ranked if r.ref == places[0].ref)
    assert row.title == "Buurtkoken voor ouderen"
    assert "Past bij interesse koken" in row.reasons


def test_drifted_text_statistics_refit(app, db, places, person) -> None:
    fitted = _vectoriser()
    for edit in range(TEXT_DRIFT_MINIMUM + 1):
        places[edit % len(places)].description = f"Nieuwe tekst {edit}"
        db.commit()
        vacancy_index()
    assert _vectoriser() is not fitted  # refitted (synchronously under TESTING)
    assert vacancy_index().edits == 0 and not vacancy_index().ranker.needs_refit


def test_workers_leave_drift_to_the_master(app, db, places, person) -> None:
    app.config["RANKING_REFIT_ON_DRIFT"] = False
    try:
        fitted = _vectoriser()
        for edit in range(TEXT_DRIFT_MINIMUM + 1):
            places[0].description = f"Nieuwe tekst {edit}"
            db.commit()
            vacancy_index()
        assert vacancy_index().ranker.needs_refit and _vectoriser() is fitted
    finally:
        app.config.pop("RANKING_REFIT_ON_DRIFT")
    web_index.refresh_before_fork(app)  # what gunicorn's pre_fork runs in the master
    assert _vectoriser() is not fitted and not vacancy_index().ranker.needs_refit


def test_a_bulk_change_refits(app, db, places, person, monkeypatch) -> None:
    monkeypatch.setattr(web_index, "BULK_MINIMUM", 2)
    fitted = _vectoriser()
    for place in places:
        place.filled = 1
    db.commit()
    assert _vectoriser() is not fitted and vacancy_index().edits == 0
    assert _ranked(person) == _fresh_ranked(app, person)


def test_a_late_commit_with_an_older_time_is_picked_up_at_the_next_look(
    db, places, person, monkeypatch
) -> None:
    """updated_at is set at write, not commit: a slow transaction can land 'in the past'."""
    index = vacancy_index()
    places[1].filled = 1  # the latest edit...
    db.commit()
    assert vacancy_index().ranker.vacancies_[index.ref_position[places[1].ref]].filled == 1
    stamp = vacancy_index().stamp
    places[0].filled = places[0].capacity  # ...and one written before it, committed now
    places[0].updated_at = places[1].updated_at - timedelta(seconds=2)
    db.commit()
    assert vacancy_index().stamp == stamp  # the version did not move
    monkeypatch.setattr(web_index, "RESYNC_SECONDS", 0.0)  # the periodic look is due
    assert places[0].ref not in [ref for ref, *_ in _ranked(person)]


def test_a_reused_row_id_is_another_vacancy(app, db, places, person) -> None:
    """SQLite gives a deleted last row's id to the next row; the index tells them apart."""
    last = places[-1]
    db.execute(delete(Vacancy).where(Vacancy.id == last.id))
    db.commit()
    other = make_vacancy(places[0].organisation, title="Andere plek")
    refs = [ref for ref, *_ in _ranked(person)]
    assert other.ref in refs and last.ref not in refs
    assert len(vacancy_index()) == len(places)
