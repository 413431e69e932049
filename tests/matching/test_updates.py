"""Ranker.replace/add/remove: edits without a refit rank as a fresh fit would.

Compared with a fresh fit by the reference engine over the same vacancies in the
same order, semantic signal on. Column edits (status, places, schedule, hours,
location, ...) must give exactly a fresh fit's rankings. Edits that change texts, and
added or removed vacancies, keep the fitted vocabulary and IDF and the fitted semantic
directions (principal directions and background) until a refit, so there the fresh
fit's text index is the fitted one's vocabulary over the new texts
(`TextIndex.transform`) and its semantic index the fitted one's directions over the new
vectors (`SemanticIndex.spliced` over every row). With the few vacancies hypothesis
draws the semantic index keeps the model's 512 dimensions (no directions to fit), so
there a fresh fit is compared as it is; the larger test below has fitted directions.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Participant, Ranker, Vacancy, load_participants, load_vacancies
from matching.semantic import VectorCache
from matching.text import TEXT_DRIFT_MINIMUM, EditableTextIndex, TextIndex, vacancy_document
from tests.matching.builders import (
    make_participant,
    make_vacancy,
    participant_records,
    vacancy_lists,
    vacancy_records,
)
from tests.matching.test_engines import assert_same_ranking

EDIT_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TEXT_FIELDS = ("title", "description", "tags")


def _load(record: dict[str, Any]) -> Vacancy:
    return load_vacancies([record])[0]


@st.composite
def column_edits(draw: st.DrawFn, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """New records for some of the vacancies, with every field but the texts redrawn."""
    edits = []
    for _ in range(draw(st.integers(1, 6))):
        old = records[draw(st.integers(0, len(records) - 1))]
        new = draw(vacancy_records()) | {"id": old["id"]}
        for name in TEXT_FIELDS:
            new.pop(name, None)
            if name in old:
                new[name] = old[name]
        edits.append(new)
    return edits


@st.composite
def edit_scripts(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[tuple[str, Any]]]:
    """A fitted list and a sequence of replace/add/remove steps valid at each point."""
    records = draw(vacancy_lists(min_size=1, max_size=6))
    current = [record["id"] for record in records]
    steps: list[tuple[str, Any]] = []
    fresh = 50
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(("replace", "replace", "add", "remove")))
        if kind == "add" or not current:
            steps.append(("add", draw(vacancy_records(index=fresh))))
            current.append(f"v-{fresh:02d}")
            fresh += 1
        elif kind == "remove":
            vacancy_id = current.pop(draw(st.integers(0, len(current) - 1)))
            steps.append(("remove", vacancy_id))
        else:
            vacancy_id = current[draw(st.integers(0, len(current) - 1))]
            steps.append(("replace", draw(vacancy_records()) | {"id": vacancy_id}))
    return records, steps


def _apply(ranker: Ranker, steps: list[tuple[str, Any]], model: list[Vacancy]) -> None:
    """Apply the steps to the ranker, and to a plain list of what it should hold."""
    for kind, value in steps:
        if kind == "add":
            ranker.add(_load(value))
            model.append(_load(value))
        elif kind == "remove":
            ranker.remove(value)
            model[:] = [v for v in model if v.id != value]
        else:
            ranker.replace(_load(value))
            model[:] = [_load(value) if v.id == value["id"] else v for v in model]


def _assert_ranks_alike(edited: Ranker, fresh: Ranker, people: list[Participant]) -> None:
    n = len(fresh.vacancies_)
    every_other = np.arange(n) % 2 == 0
    for person in people:
        assert_same_ranking(edited.rank(person), fresh.rank(person))
        assert_same_ranking(edited.rank(person, limit=2), fresh.rank(person, limit=2))
        assert_same_ranking(edited.rank(person, candidates=every_other),
                            fresh.rank(person, candidates=every_other))
        got, want = edited.score_row(person), fresh.score_row(person)
        assert got.feasible.tolist() == want.feasible.tolist()
        np.testing.assert_allclose(got.score[got.feasible], want.score[want.feasible],
                                   rtol=0, atol=1e-9)


@EDIT_SETTINGS
@given(data=st.data(), records=vacancy_lists(min_size=1, max_size=8),
       people=st.lists(participant_records(), min_size=1, max_size=2))
def test_column_edits_rank_exactly_as_a_fresh_fit(data: st.DataObject, records: list[Any],
                                                  people: list[Any]) -> None:
    edits = data.draw(column_edits(records))
    participants = [load_participants(record)[0] for record in people]
    for engine in ("fast", "reference"):
        ranker = Ranker(engine=engine).fit(load_vacancies(records))
        model = list(ranker.vacancies_)
        _apply(ranker, [("replace", edit) for edit in edits], model)
        assert list(ranker.vacancies_) == model
        fresh = Ranker(engine="reference").fit(model)
        _assert_ranks_alike(ranker, fresh, participants)


@EDIT_SETTINGS
@given(script=edit_scripts(), people=st.lists(participant_records(), min_size=1, max_size=2))
def test_any_edits_rank_as_a_fresh_fit_over_the_fitted_vocabulary(
    script: tuple[list[Any], list[tuple[str, Any]]], people: list[Any]
) -> None:
    records, steps = script
    participants = [load_participants(record)[0] for record in people]
    for engine in ("fast", "reference"):
        ranker = Ranker(engine=engine).fit(load_vacancies(records))
        fitted_text = ranker.text_index_
        model = list(ranker.vacancies_)
        _apply(ranker, steps, model)
        assert [v.id for v in ranker.vacancies_] == [v.id for v in model]
        assert list(ranker.vacancies_) == model
        fresh = Ranker(engine="reference").fit(model)
        fresh.text_index_ = fitted_text.transform(model)
        _assert_ranks_alike(ranker, fresh, participants)


TITLES = ("Taalstage keuken zorgcentrum", "Fietsenmaker", "Vrijwilliger kinderboerderij",
          "Helpdesk ICT bibliotheek", "Tuinman buurttuin", "Kapsalon assistent",
          "Wandelen met bewoners", "Magazijn medewerker", "Naaiatelier", "Schoonmaak school")


def _many(count: int, start: int = 0) -> list[Vacancy]:
    return [make_vacancy(id=f"v-{i:03d}", title=TITLES[i % len(TITLES)],
                         description=f"Werk nummer {i % 7}.", tags=[["koken"], [], ["tuin"]][i % 3])
            for i in range(start, start + count)]


def test_text_edits_keep_the_fitted_semantic_directions_and_embed_only_their_texts() -> None:
    """Enough vacancies that the semantic index fits principal directions: edits keep
    them (and the background), and rank as every row spliced onto the fitted index."""
    vacancies = _many(300)
    cache = VectorCache()
    ranker = Ranker(vectors=cache).fit(vacancies)
    fitted = ranker.semantic_index_
    assert fitted is not None and fitted.projection_ is not None
    embedded = cache.embedded
    ranker.replace(make_vacancy(id="v-004", title="Vrijwilliger kinderboerderij",
                                description="Een tekst die nog niemand schreef 4711."))
    assert cache.embedded == embedded + 1  # that one vacancy's text, nothing else
    ranker.replace(make_vacancy(id="v-002", title=TITLES[2], description="Werk nummer 2.",
                                tags=["koken"], filled=1))  # columns only: nothing embedded
    assert cache.embedded == embedded + 1
    ranker.remove("v-010").add(make_vacancy(id="v-005a", title="Kapper", tags=["kapper"]))
    model = list(ranker.vacancies_)
    assert ranker.semantic_index_ is not None
    assert ranker.semantic_index_.projection_ is fitted.projection_
    fresh = Ranker(engine="reference", vectors=cache).fit(model)
    fresh.semantic_index_ = fitted.spliced(0, len(fitted.matrix_), model)
    fresh.text_index_ = TextIndex().fit(vacancies).transform(model)
    people = [make_participant(interests=interests) for interests in (
        ["koken"], ["kinderen"], ["kapper", "tuin"], ["computers"])]
    _assert_ranks_alike(ranker, fresh, people)
    # A refit finds the directions anew.
    assert ranker.fit(model).semantic_index_.projection_ is not fitted.projection_


def test_misleading_titles_follow_the_edits() -> None:
    """A title edited into (or out of) a misleading compound voids that interest there."""
    ranker = Ranker().fit([make_vacancy(id=f"v-{i}", title="Kinderopvang", tags=["kinderen"])
                           for i in range(3)])
    person = make_participant(interests=["kinderen"])
    ranker.replace(make_vacancy(id="v-1", title="Kinderboerderij", tags=["kinderen"]))
    ranker.remove("v-0").add(make_vacancy(id="v-3", title="Kinderboerderij De Geit"))
    assert {part: rows.tolist() for part, rows in ranker.misleading_rows_.items()} == {
        "kinderen": [0, 2]}
    fresh = Ranker().fit(ranker.vacancies_)
    assert {part: rows.tolist() for part, rows in fresh.misleading_rows_.items()} == {
        "kinderen": [0, 2]}
    ranker.replace(make_vacancy(id="v-1", title="Kinderopvang", tags=["kinderen"]))
    assert ranker.misleading_rows_["kinderen"].tolist() == [2]
    assert_same_ranking(ranker.rank(person), Ranker().fit(ranker.vacancies_).rank(person))


def test_an_unchanged_text_keeps_the_fitted_rows() -> None:
    ranker = Ranker().fit([make_vacancy(id=f"v-{i}", tags=["koken"]) for i in range(3)])
    fitted = ranker.text_index_
    ranker.replace(make_vacancy(id="v-1", tags=["koken"], filled=2, hours_per_week={
        "min": 2, "max": 4}))
    assert ranker.text_index_ is fitted  # no text edit: nothing re-indexed
    ranker.replace(make_vacancy(id="v-1", tags=["tuin"], title="Tuinman"))
    assert isinstance(ranker.text_index_, EditableTextIndex)
    assert ranker.text_index_.matrix_ is fitted.matrix_  # the fitted rows are shared...
    assert ranker.text_index_.extra_.n_vacancies_ == 1  # ...and only v-1 was vectorised
    gardener = make_participant(interests=["tuin"])
    assert ranker.rank(gardener).ranked[0].vacancy == "v-1"


def test_edits_leave_the_fitted_arrays_unwritten() -> None:
    """A forked worker that applies edits must keep sharing the fit's big arrays."""
    vacancies = [make_vacancy(id=f"v-{i}", tags=["koken"], description=f"tekst {i}")
                 for i in range(5)]
    ranker = Ranker().fit(vacancies)
    fitted = ranker.text_index_
    before = [a.copy() for a in (fitted.matrix_.data, fitted.matrix_.indices,
                                 fitted.postings_.data, fitted.postings_.indices)]
    ranker.replace(make_vacancy(id="v-2", tags=["zorg"], description="iets anders"))
    ranker.remove("v-0")
    ranker.add(make_vacancy(id="v-9", tags=["tuin"]))
    after = (fitted.matrix_.data, fitted.matrix_.indices, fitted.postings_.data,
             fitted.postings_.indices)
    for old, new in zip(before, after, strict=True):
        assert np.array_equal(old, new)


def test_the_text_statistics_drift_after_enough_text_edits() -> None:
    ranker = Ranker().fit([make_vacancy(id=f"v-{i}") for i in range(10)])
    for edit in range(TEXT_DRIFT_MINIMUM):
        ranker.replace(make_vacancy(id="v-1", description=f"versie {edit}"))
        assert not ranker.needs_refit
    ranker.replace(make_vacancy(id="v-1", description="nog een versie"))
    assert ranker.needs_refit
    assert not ranker.fit(ranker.vacancies_).needs_refit  # a fit starts afresh


def test_ids_must_be_known_to_replace_or_remove_and_new_to_add() -> None:
    ranker = Ranker().fit([make_vacancy(id="v-1")])
    with pytest.raises(KeyError, match="v-2"):
        ranker.replace(make_vacancy(id="v-2"))
    with pytest.raises(KeyError, match="v-2"):
        ranker.remove("v-2")
    with pytest.raises(ValueError, match="v-1"):
        ranker.add(make_vacancy(id="v-1"))
    with pytest.raises(RuntimeError, match="not fitted"):
        Ranker().replace(make_vacancy(id="v-1"))


def test_a_copy_keeps_its_vacancies_when_the_other_adds_or_removes() -> None:
    """The web index edits a copy and swaps it in; a request on the old one goes on."""
    ranker = Ranker().fit([make_vacancy(id=f"v-{i}") for i in range(3)])
    edited = copy.copy(ranker).remove("v-0").add(make_vacancy(id="v-7"))
    person = make_participant()
    assert [m.vacancy for m in ranker.rank(person).ranked] == ["v-0", "v-1", "v-2"]
    assert [m.vacancy for m in edited.rank(person).ranked] == ["v-1", "v-2", "v-7"]
    closing = copy.copy(ranker).replace(make_vacancy(id="v-1", status="closed"))
    assert [m.vacancy for m in closing.rank(person).ranked] == ["v-0", "v-2"]
    assert [m.vacancy for m in ranker.rank(person).ranked] == ["v-0", "v-1", "v-2"]


def test_removing_every_vacancy_and_adding_again() -> None:
    ranker = Ranker().fit([make_vacancy(id="v-1", tags=["koken"])])
    ranker.remove("v-1")
    person = make_participant(interests=["koken"])
    assert ranker.rank(person).ranked == () and len(ranker.rank(person).excluded) == 0
    ranker.add(make_vacancy(id="v-1", tags=["koken"]))
    assert [m.vacancy for m in ranker.rank(person).ranked] == ["v-1"]


def test_transform_gives_the_fitted_rows_and_the_vectorisers() -> None:
    """`TextIndex.transform` (the edited rows) weighs as the fit and as scikit-learn's
    vectoriser with the fitted vocabulary and IDF."""
    vacancies = _many(40)
    fitted = TextIndex().fit(vacancies)
    again = fitted.transform(vacancies)
    assert (again.matrix_ != fitted.matrix_).nnz == 0  # the very same rows
    other = [make_vacancy(id="x", title="Kok in de keuken van het zorgcentrum",
                          description="Onbekende woorden zoals xylofoon.", tags=["koken"])]
    expected = fitted.vectorizer_.transform([vacancy_document(v) for v in other]).toarray()
    np.testing.assert_allclose(fitted.transform(other).matrix_.toarray(), expected,
                               rtol=0, atol=1e-12)
