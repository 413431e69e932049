"""A ranking's reasons: new vacancy phrases embedded in one model call, the same words.

The model is real (no stand-in); the spy only counts the calls and passes them on.
Each test names its vacancies with words of its own, so their phrases are new to
the process whatever ran before.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from matching import Ranker, scoring, semantic
from matching.scoring import PairFacts, _looks_for_phrases, _texts_worth_quoting
from matching.text import vacancy_tag_match
from tests.matching.builders import make_participant, make_vacancy

WORK = [("Taalstage keuken zorgcentrum", "In de keuken van het zorgcentrum help je bij het "
          "bereiden van de warme maaltijd voor de bewoners."),
         ("Keukenhulp buurtrestaurant", "Je helpt de kok bij het bereiden van soep en "
          "maaltijden voor de gasten."),
         ("Hulp in de keuken van het hospice", "Je kookt samen met vrijwilligers de "
          "avondmaaltijd."),
         ("Schoonmaak gemeentehuis", "Kantoren en vergaderzalen schoonhouden in de vroege "
          "ochtend."),
         ("Vakkenvuller supermarkt", "Vakken bijvullen en de winkel netjes houden.")]


def _vacancies(word: str) -> list:  # type: ignore[type-arg]
    """The WORK places, each with a word no other test uses at the end of its text."""
    return [make_vacancy(id=f"v-{i}", title=title, description=f"{text} Vraag naar {word}{i}.",
                         tags=[], remote=True)
            for i, (title, text) in enumerate(WORK)]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record each model call's texts (the real model still embeds them)."""
    calls: list[list[str]] = []
    real: Callable[[list[str]], Any] = semantic.embed_texts

    def counted(texts: list[str]) -> Any:
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(semantic, "embed_texts", counted)
    return calls


def test_new_phrases_of_the_shown_vacancies_are_embedded_in_one_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    word = f"q{uuid.uuid4().hex[:8]}"
    ranker = Ranker().fit(_vacancies(word))
    person = make_participant(interests=["koken", "keuken"],
                              experience="Ik was kok in een restaurant")
    ranker.semantic_index_.query(person)  # type: ignore[union-attr]  # her texts stored
    calls = _spy(monkeypatch)
    ranking = ranker.rank(person)
    assert len(calls) == 1  # every new phrase the reasons read came from one model call ...
    shown = {f"{word}{i}" for i in range(len(WORK))}
    looked_at = shown & {phrase for phrase in calls[0]}
    assert len(looked_at) >= 3  # ... the phrases of several vacancies
    assert sum(m.reasons[0].startswith("Past bij ") for m in ranking.ranked) >= 2
    reference = copy.copy(ranker)
    reference.engine = "reference"
    assert reference.rank(person).ranked == ranking.ranked


def test_a_phrase_is_looked_for_exactly_where_prepare_reasons_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """:func:`_looks_for_phrases` predicts the reasons' phrase_evidence calls pair by pair,
    so the batch embeds every phrase the reasons read and no other vacancy's."""
    word = f"q{uuid.uuid4().hex[:8]}"
    ranker = Ranker().fit(_vacancies(word))
    asked: list[str] = []
    texts: list[str] = []
    real = scoring.phrase_evidence

    def recorded(text: str, vacancy: Any) -> tuple[str, float]:
        asked.append(vacancy.id)
        texts.append(text)
        return real(text, vacancy)

    monkeypatch.setattr(scoring, "phrase_evidence", recorded)
    people = [make_participant(interests=["koken", "keuken"]),
              make_participant(interests=["maaltijden bereiden"]),
              make_participant(interests=["fietsen"], experience="Ik werkte in een keuken"),
              make_participant(interests=[], experience="Ik was kok in een restaurant"),
              make_participant(interests=["kok", "tuinieren"])]
    looked_for = 0
    for person in people:
        ranking = ranker.rank(person)
        meaning = ranker.semantic_index_.query(person)  # type: ignore[union-attr]
        for match in ranking.ranked:
            position = [v.id for v in ranker.vacancies_].index(match.vacancy)
            vacancy = ranker.vacancies_[position]
            scores = ranker.semantic_index_.scores_one(meaning, position)  # type: ignore[union-attr]
            tag = vacancy_tag_match(person.interests, vacancy)
            facts = PairFacts(person, vacancy, tag, 0.0, None, scores)
            asked.clear()
            texts.clear()
            scoring.reasons(facts)
            assert bool(asked) == _looks_for_phrases(facts), (person.interests, vacancy.title)
            # ... and prepare_reasons works out the cosines of every text they look up
            assert set(texts) <= set(_texts_worth_quoting(facts)), (texts, vacancy.title)
            looked_for += bool(asked)
    assert looked_for >= 3  # the property was tried where it matters


def test_one_call_for_many_vacancies_moves_a_phrase_vector_in_the_7th_digit_at_most() -> None:
    """Batching the phrases of many vacancies (embed_phrases) gives, on some hundreds of
    phrases, the vectors of the old one-call-per-vacancy path to within 1e-6: the model's
    output for a text depends on the other texts of its call only in the last bits (which
    kernel a product takes). The process keeps the first vector a text got (the cache), so
    every ranking and both engines read the same one whichever path embedded it."""
    places = [make_vacancy(id=f"v-{i}", title=f"{title} {i}",
                           description=f"{text} Ploeg {i} van wijkteam {i * 7}.")
              for i, (title, text) in enumerate(WORK * 30)]
    groups = [list(semantic._vacancy_phrases(v.title, v.tags, v.description)) for v in places]
    seen: set[str] = set()
    per_vacancy: dict[str, Any] = {}
    for group in groups:  # what phrase_evidence embedded: each vacancy's phrases still new
        new = [phrase for phrase in group if phrase not in seen]
        seen.update(new)
        per_vacancy.update(zip(new, semantic.embed_texts(new), strict=True))
    phrases = list(per_vacancy)
    assert len(phrases) >= 200
    batched = semantic.embed_texts(phrases)
    old = np.stack([per_vacancy[phrase] for phrase in phrases])
    assert np.max(np.abs(batched - old)) < 1e-6
    cosines = (semantic._grid(batched) - semantic._grid(old)) @ semantic._grid(old[:1])[0]
    # A grid step (1/2896) flips in a few components at most: a cosine moves below 1e-4.
    assert np.max(np.abs(cosines)) / semantic.GRID**2 < 1e-4


def test_cosines_worked_out_ahead_give_the_reasons_of_cosines_worked_out_pair_by_pair() -> None:
    """prepare_phrase_cosines (one product per text over all the vacancies' phrases)
    leaves every reason word for word what phrase_evidence alone gives."""
    word = f"r{uuid.uuid4().hex[:8]}"
    places = _vacancies(word)
    people = [make_participant(interests=["koken", "maaltijden"],
                               experience=f"Ik was kok in restaurant {word}"),
              make_participant(interests=["schoonmaken", f"winkel {word}"])]
    alone = [[semantic.phrase_evidence(text, place) for text in (*p.interests, p.experience)]
             for p in people for place in places]
    semantic._phrase_evidence.cache_clear()  # asked again below, after the batch
    semantic._phrase_memo.clear()
    semantic.prepare_phrase_cosines(
        (text, place) for p in people for place in places for text in (*p.interests, p.experience))
    ahead = [[semantic.phrase_evidence(text, place) for text in (*p.interests, p.experience)]
             for p in people for place in places]
    assert ahead == alone
    assert any(cosine >= semantic.PHRASE_EVIDENCE_MIN for row in ahead for _, cosine in row)
