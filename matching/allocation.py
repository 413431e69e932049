"""Capacity-constrained assignment of participants to vacancies, maximising total score.

Each vacancy is expanded into as many identical *slots* as it may take
(``min(capacity - filled, per_vacancy)``, and never more than the participants
who could fill it); the Hungarian-type solver
:func:`scipy.optimize.linear_sum_assignment` then finds a maximum-weight
matching between participants and slots. Infeasible pairs get weight 0 and are
dropped from the result afterwards: a matching that uses them scores exactly as
much as the same matching without them (the participant stays unassigned), so
the optimum is the optimum over feasible assignments only. Exact, and checked
against brute force in the tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

from matching.ranker import Ranker
from matching.types import Allocation, Assignment, Participant, Vacancy

__all__ = ["allocate", "solve_assignment"]

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
    if np.any(weights[allowed] < 0) or not np.all(np.isfinite(weights[allowed])):
        raise ValueError("feasible scores must be finite and non-negative")
    # A vacancy never needs more slots than there are participants who could take it.
    usable = np.minimum(np.asarray(slots, dtype=np.int64), allowed.sum(axis=0))
    columns = np.repeat(np.arange(weights.shape[1]), np.maximum(usable, 0))
    if weights.shape[0] == 0 or len(columns) == 0:
        return []
    expanded = np.where(allowed, weights, 0.0)[:, columns]
    rows, picked = linear_sum_assignment(expanded, maximize=True)
    pairs = [
        (int(row), int(columns[slot]))
        for row, slot in zip(rows, picked, strict=True)
        if allowed[row, columns[slot]]
    ]
    return sorted(pairs)


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
    rows = [chosen.score_row(p) for p in participants]
    n_vacancies = len(fitted.vacancies_)
    score = np.array([row.score for row in rows]).reshape(len(rows), n_vacancies)
    feasible = np.array([row.feasible for row in rows]).reshape(len(rows), n_vacancies)
    slots = np.array([v.remaining for v in fitted.vacancies_], dtype=np.int64)
    if per_vacancy is not None:
        slots = np.minimum(slots, per_vacancy)
    pairs = solve_assignment(score, feasible, slots)
    assignments = tuple(
        Assignment(participants[row].id, fitted.vacancies_[col].id, float(score[row, col]))
        for row, col in pairs
    )
    placed = {row for row, _ in pairs}
    unassigned = tuple(p.id for i, p in enumerate(participants) if i not in placed)
    return Allocation(assignments, unassigned, sum((a.score for a in assignments), 0.0))
