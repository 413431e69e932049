"""The reference engine: the contract applied one pair at a time, in plain Python.

It is deliberately simple and slow; it exists to be read next to
``spec/PROFILES.md`` and to check the fast engine against.
"""

from __future__ import annotations

from collections.abc import Sequence

from matching.constraints import check, exclusion, pair_distance_km
from matching.scoring import (
    NO_SEMANTIC,
    PairFacts,
    Weights,
    build_match,
    component_values,
    weighted_score,
)
from matching.semantic import NO_SIMILARITY, SemanticIndex, SemanticQuery, SemanticScores
from matching.text import TextIndex, misleading_interests, vacancy_tag_match
from matching.types import Exclusion, Match, Participant, Ranking, Vacancy

__all__ = ["rank_reference"]


def rank_reference(
    participant: Participant,
    vacancies: Sequence[Vacancy],
    index: TextIndex,
    weights: Weights,
    *,
    limit: int | None = None,
    candidates: Sequence[bool] | None = None,
    semantic: SemanticIndex | None = None,
) -> Ranking:
    """Rank one participant against vacancies, pair by pair.

    Parameters
    ----------
    participant : Participant
    vacancies : sequence of Vacancy
        The vacancies ``index`` was fitted on, in the same order.
    index : TextIndex
        Fitted text index (its IDF depends on all vacancies, so it is shared).
    weights : tuple of float
        Normalised weights from :func:`matching.scoring.resolve_weights`.
    limit : int, optional
        Keep only the best ``limit`` ranked vacancies.
    candidates : sequence of bool, optional
        One flag per vacancy: only flagged vacancies are checked, ranked and listed
        as excluded. Default: all of them.
    semantic : SemanticIndex, optional
        Fitted on the same vacancies; without it there is no semantic evidence.

    Examples
    --------
    >>> from matching.scoring import resolve_weights
    >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published", remote=True)]
    >>> p = Participant("p-1", frozenset())
    >>> rank_reference(p, vs, TextIndex().fit(vs), resolve_weights()).ranked[0].vacancy
    'v-1'
    >>> rank_reference(p, vs, TextIndex().fit(vs), resolve_weights(), candidates=[False])
    Ranking(participant='p-1', ranked=(), excluded=())
    """
    query = index.query(participant)
    meaning = None if semantic is None else semantic.query(participant)
    ranked: list[Match] = []
    excluded: list[Exclusion] = []
    for position, vacancy in enumerate(vacancies):
        if candidates is not None and not candidates[position]:
            continue
        km = pair_distance_km(participant, vacancy)
        codes = check(participant, vacancy, km)
        if codes:
            excluded.append(exclusion(participant, vacancy, codes, km))
            continue
        # Interests a misleading title only seems to fit count for nothing here.
        void = misleading_interests(participant.interests, vacancy.title)
        facts = PairFacts(
            participant=participant,
            vacancy=vacancy,
            tag=vacancy_tag_match(participant.interests, vacancy),
            text=0.0 if void else index.similarity_one(query, position),
            km=km,
            semantic=_semantic_scores(semantic, meaning, position, void),
        )
        values = component_values(facts)
        ranked.append(build_match(facts, values, weighted_score(values, weights)))
    ranked.sort(key=lambda match: (-match.score, match.vacancy))
    return Ranking(participant.id, tuple(ranked[:limit]), tuple(excluded))


def _semantic_scores(
    index: SemanticIndex | None, meaning: SemanticQuery | None, position: int,
    void: frozenset[str],
) -> SemanticScores:
    """One pair's cosines; -1 for an interest the title only seems to fit."""
    if index is None or meaning is None:
        return NO_SEMANTIC
    found = index.scores_one(meaning, position)
    interests = tuple(
        NO_SIMILARITY if interest in void else cosine
        for interest, cosine in zip(meaning.interests, found.interests, strict=True)
    )
    return SemanticScores(interests, found.experience)
