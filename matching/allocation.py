"""Capacity-constrained assignment of participants to vacancies, maximising total score.

Each vacancy is expanded into as many identical *slots* as it may take
(``min(capacity - filled, per_vacancy)``, and never more than the participants
who could fill it). Only feasible pairs become edges, and scipy's sparse
Jonker-Volgenant solver (:func:`scipy.sparse.csgraph.min_weight_full_bipartite_matching`)
finds a maximum-weight matching between participants and slots; an
"unassigned" edge per participant makes a full matching always exist without
changing which assignment is best (see :func:`solve_pairs`). Exact, and checked
against brute force in the tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from matching.ranker import Ranker
from matching.types import Allocation, Assignment, Participant, Vacancy

__all__ = ["allocate", "solve_assignment", "solve_pairs"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


def solve_assignment(
    score: npt.ArrayLike, feasible: npt.ArrayLike, slots: npt.ArrayLike
) -> list[tuple[int, int]]:
    """Return (row, column) pairs of a maximum-score capacity-constrained assignment.

    Parameters
    ----------
    score : array of shape (n_participants, n_vacancies)
        Scores, non-negative; only read where ``feasible``.
    feasible : bool array of the same shape
        Which pairs may be assigned.
    slots : int array of shape (n_vacancies,)
        How many participants each vacancy may take.

    Returns
    -------
    list of (int, int)
        Sorted by row; each row at most once, each column at most ``slots`` times,
        only feasible pairs.

    Examples
    --------
    >>> solve_assignment([[0.9, 0.8], [0.7, 0.1]], [[True, True], [True, False]], [1, 1])
    [(0, 1), (1, 0)]
    """
    weights = np.asarray(score, dtype=np.float64)
    allowed = np.asarray(feasible, dtype=np.bool_)
    if weights.ndim != 2 or weights.shape != allowed.shape:
        raise ValueError("score and feasible must be 2-d arrays of the same shape")
    rows, columns = np.nonzero(allowed)
    return solve_pairs(
        weights.shape[0], rows, columns, weights[rows, columns], np.asarray(slots, np.int64)
    )


def solve_pairs(
    n_rows: int, rows: IntArray, columns: IntArray, values: FloatArray, slots: IntArray
) -> list[tuple[int, int]]:
    """A maximum-score assignment over the feasible pairs ``(rows[i], columns[i])`` only.

    Each vacancy is expanded into its slots, and each participant gets one extra
    "unassigned" column of its own, so that a full matching of the participants
    always exists (the sparse solver needs one). Every edge weighs one more than
    its score, the "unassigned" edge exactly one: every full matching weighs
    ``n_rows`` plus the score of its real pairs, so the heaviest one is the best
    assignment, as ``linear_sum_assignment`` on the dense slot matrix found it.

    Examples
    --------
    >>> solve_pairs(2, np.array([0, 0, 1]), np.array([0, 1, 0]), np.array([0.9, 0.8, 0.7]),
    ...             np.array([1, 1]))
    [(0, 1), (1, 0)]
    """
    from scipy.sparse import csr_matrix  # scipy only when something is allocated
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    if np.any(values < 0) or not np.all(np.isfinite(values)):
        raise ValueError("feasible scores must be finite and non-negative")
    # A vacancy never needs more slots than there are participants who could take it.
    candidates = np.bincount(columns, minlength=len(slots))
    usable = np.maximum(np.minimum(slots, candidates), 0)
    if n_rows == 0 or not np.any(usable):
        return []
    first_slot = np.cumsum(usable) - usable
    per_pair = usable[columns]
    within = np.arange(int(per_pair.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(per_pair) - per_pair, per_pair
    )
    n_slots = int(usable.sum())
    edge_rows = np.concatenate([np.repeat(rows, per_pair), np.arange(n_rows)])
    edge_columns = np.concatenate(
        [np.repeat(first_slot[columns], per_pair) + within, n_slots + np.arange(n_rows)]
    )
    weights = np.concatenate([1.0 + np.repeat(values, per_pair), np.ones(n_rows)])
    graph = csr_matrix((weights, (edge_rows, edge_columns)), shape=(n_rows, n_slots + n_rows))
    matched_rows, matched_columns = min_weight_full_bipartite_matching(graph, maximize=True)
    slot_vacancy = np.repeat(np.arange(len(usable)), usable)
    real = matched_columns < n_slots
    return [
        (int(row), int(slot_vacancy[slot]))
        for row, slot in zip(matched_rows[real], matched_columns[real], strict=True)
    ]


def allocate(
    participants: Sequence[Participant],
    vacancies: Sequence[Vacancy],
    *,
    per_vacancy: int | None = None,
    weights: Mapping[str, float] | None = None,
    engine: str = "fast",
    ranker: Ranker | None = None,
) -> Allocation:
    """Assign each participant to at most one vacancy, maximising the total score.

    Parameters
    ----------
    participants : sequence of Participant
    vacancies : sequence of Vacancy
        Ignored when a fitted ``ranker`` is given (its vacancies are used).
    per_vacancy : int, optional
        At most this many participants per vacancy (``K``); a vacancy never takes
        more than its remaining capacity ``capacity - filled``.
    weights : mapping, optional
        Weight overrides, as for :class:`Ranker`.
    engine : {"fast", "reference"}, default "fast"
    ranker : Ranker, optional
        A fitted ranker to reuse instead of fitting one.

    Returns
    -------
    Allocation
        Assignments in participant order, unassigned participant ids in order,
        and the total score.

    Examples
    --------
    >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published", remote=True)]
    >>> ps = [Participant("p-1", frozenset()), Participant("p-2", frozenset())]
    >>> result = allocate(ps, vs)
    >>> len(result.assignments), len(result.unassigned)
    (1, 1)
    """
    if per_vacancy is not None and per_vacancy < 0:
        raise ValueError("per_vacancy must be >= 0")
    fitted = ranker if ranker is not None else Ranker(weights, engine).fit(vacancies)
    chosen = fitted if ranker is None or weights is None else fitted.with_weights(weights)
    # Every feasible pair with its score, many participants at once (Ranker.score_pairs).
    rows, columns, values = chosen.score_pairs(participants)
    slots = np.array([v.remaining for v in fitted.vacancies_], dtype=np.int64)
    if per_vacancy is not None:
        slots = np.minimum(slots, per_vacancy)
    pairs = solve_pairs(len(participants), rows, columns, values, slots)
    # The pairs are in (participant, vacancy) order, so the scores are found by bisection.
    width = len(fitted.vacancies_)
    chosen_rows = np.fromiter((row for row, _ in pairs), np.int64, len(pairs))
    chosen_columns = np.fromiter((col for _, col in pairs), np.int64, len(pairs))
    scores = values[np.searchsorted(rows * width + columns, chosen_rows * width + chosen_columns)]
    assignments = tuple(
        Assignment(participants[row].id, fitted.vacancies_[col].id, score)
        for (row, col), score in zip(pairs, scores.tolist(), strict=True)
    )
    placed = {row for row, _ in pairs}
    unassigned = tuple(p.id for i, p in enumerate(participants) if i not in placed)
    return Allocation(assignments, unassigned, sum((a.score for a in assignments), 0.0))
