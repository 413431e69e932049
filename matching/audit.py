"""Fairness audit: do some groups of participants get fewer or worse matches, and why?

Three comparisons, each of two groups (a participant can be in neither):

``childcare``
    women with children at home (``gender == "f"`` and ``childcare_needed``
    non-empty) against everyone else;
``language``
    Dutch speaking A0–A1 against B1 and up (A2 is in neither group);
``route``
    the Z route against the B1 route.

Per group: the number of participants, the mean number of feasible vacancies, the
mean top-5 score (the mean of each member's five best scores, over the members with at
least one feasible vacancy), and the *exposure*: for every vacancy all participants are
ranked for it (score descending, ties by id) and the group's appearances in the top 10
are counted; divided by the group's size and the number of vacancies, it is the share
of vacancies whose top 10 an average member reaches.

Only open vacancies count (a closed or full vacancy is out of reach for everyone).
Which part of a gap the hard constraints explain: per group the mean number of
excluded vacancies per member by reason code (one exclusion can have several codes),
and the top-5 gap again counting only the *shared* vacancies, those feasible for at
least one member of each group. Where the gap on shared vacancies is smaller, that
part of the gap comes from vacancies only one group can reach; what remains on shared
vacancies comes from the soft scores and from each person's own constraints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.constraints import CODES, check, code_mask, pair_distance_km
from matching.ranker import Ranker
from matching.types import Participant

__all__ = [
    "COMPARISONS",
    "EXPOSURE_TOP",
    "SCORE_TOP",
    "Audit",
    "Comparison",
    "GroupFigures",
    "ScoreMatrix",
    "audit",
    "score_matrix",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
CodeArray = npt.NDArray[np.int64]

#: A member's best scores averaged for "mean top-5 score".
SCORE_TOP = 5
#: The length of a vacancy's list of best participants, for exposure.
EXPOSURE_TOP = 10
_B1 = 3
_A1 = 1

Membership = Callable[[Participant], bool]


def _mother(p: Participant) -> bool:
    return p.gender == "f" and bool(p.childcare_needed)


#: key -> ((group key, label, membership), (group key, label, membership))
COMPARISONS: dict[str, tuple[tuple[str, str, Membership], tuple[str, str, Membership]]] = {
    "childcare": (
        ("mothers", "Vrouwen met kinderen thuis", _mother),
        ("others", "Alle anderen", lambda p: not _mother(p)),
    ),
    "language": (
        ("a0_a1", "Spreken Nederlands A0–A1", lambda p: p.nl_levels[0] <= _A1),
        ("b1_up", "Spreken Nederlands B1 of hoger", lambda p: p.nl_levels[0] >= _B1),
    ),
    "route": (
        ("z", "Z-route", lambda p: p.route == "Z"),
        ("b1", "B1-route", lambda p: p.route == "B1"),
    ),
}


#: Codes that depend on the vacancy alone: such a vacancy is out of the audit.
_VACANCY_CODES = ("closed", "capacity")


@dataclass(frozen=True, slots=True)
class ScoreMatrix:
    """Every participant against the fitted vacancies that are open.

    A vacancy that is closed or full is out of reach for everyone alike, so it is
    left out (``open`` marks the fitted vacancies kept, in fitted order). ``score[i, j]``
    is meaningful only where ``feasible[i, j]``; ``excluded[i][code]`` counts
    participant i's open vacancies excluded with ``code``.
    """

    participants: tuple[Participant, ...]
    open: BoolArray
    score: FloatArray
    feasible: BoolArray
    excluded: tuple[dict[str, int], ...]


def _code_masks(ranker: Ranker, person: Participant) -> tuple[FloatArray, CodeArray]:
    """Scores (0 where infeasible) and every vacancy's bitmask of failed constraints.

    The fast engine computes the masks anyway; asking it for them avoids building an
    Exclusion with Dutch explanations per pair, which would cost 100 times more. The
    reference engine checks pair by pair, as its name says.
    """
    n = len(ranker.vacancies_)
    score = np.zeros(n)
    if ranker.engine == "fast":
        evaluation = ranker._evaluate(person, ranker.weights_)
        score[evaluation.feasible] = evaluation.score
        return score, evaluation.codes.astype(np.int64)
    row = ranker.score_row(person)
    codes = np.zeros(n, dtype=np.int64)
    for at, vacancy in enumerate(ranker.vacancies_):
        if not row.feasible[at]:
            codes[at] = code_mask(check(person, vacancy, pair_distance_km(person, vacancy)))
    return row.score, codes


def score_matrix(ranker: Ranker, participants: Iterable[Participant]) -> ScoreMatrix:
    """Score and exclusion codes of every pair, with the fitted ``ranker``.

    Examples
    --------
    >>> from matching.types import Vacancy
    >>> vs = [Vacancy("v-1", "taalstage", "Kok", ("mon_morning",), 1, status="published"),
    ...       Vacancy("v-2", "taalstage", "Kok", (), 1, status="closed")]
    >>> m = score_matrix(Ranker().fit(vs), [Participant("p", frozenset())])
    >>> m.open.tolist(), m.feasible.tolist(), m.excluded
    ([True, False], [[False]], ({'schedule': 1},))
    """
    people = tuple(participants)
    n = len(ranker.vacancies_)
    score = np.zeros((len(people), n))
    codes = np.zeros((len(people), n), dtype=np.int64)
    for i, person in enumerate(people):
        score[i], codes[i] = _code_masks(ranker, person)
    # Closed and full depend on the vacancy alone: the same for every participant.
    is_open = np.ones(n, dtype=np.bool_)
    if people:
        is_open = (codes[0] & code_mask(tuple(_VACANCY_CODES))) == 0
    codes = codes[:, is_open]
    counts = {code: ((codes & code_mask((code,))) != 0).sum(axis=1) for code in CODES}
    excluded = tuple({code: int(counts[code][i]) for code in CODES if counts[code][i]}
                     for i in range(len(people)))
    return ScoreMatrix(people, is_open, score[:, is_open], codes == 0, excluded)


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """The figures of one group; None where the group has nobody to average over."""

    key: str
    label: str
    participants: int
    mean_feasible: float | None
    mean_top_score: float | None
    mean_top_score_shared: float | None
    without_feasible: int
    exposure: float | None
    excluded_per_member: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.key, "label": self.label, "participants": self.participants,
            "mean_feasible_vacancies": _rounded(self.mean_feasible),
            "mean_top5_score": _rounded(self.mean_top_score),
            "mean_top5_score_shared_vacancies": _rounded(self.mean_top_score_shared),
            "without_feasible_vacancy": self.without_feasible,
            "exposure_top10": _rounded(self.exposure),
            "excluded_per_member_by_reason": {
                code: _rounded(value) for code, value in self.excluded_per_member.items()
            },
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two groups side by side and the gaps between them (first minus second)."""

    key: str
    groups: tuple[GroupFigures, GroupFigures]
    shared_vacancies: int
    suppressed: bool = False

    def _gap(self, name: str) -> float | None:
        first, second = (getattr(g, name) for g in self.groups)
        return None if first is None or second is None else float(first - second)

    @property
    def feasible_gap(self) -> float | None:
        return self._gap("mean_feasible")

    @property
    def top_score_gap(self) -> float | None:
        return self._gap("mean_top_score")

    @property
    def top_score_gap_shared(self) -> float | None:
        return self._gap("mean_top_score_shared")

    @property
    def exposure_gap(self) -> float | None:
        return self._gap("exposure")

    @property
    def explained_by_constraints(self) -> float | None:
        """Share of the top-5 gap that disappears on shared vacancies, in [0, 1]."""
        gap, shared = self.top_score_gap, self.top_score_gap_shared
        if gap is None or shared is None or abs(gap) < 1e-9:
            return None
        return float(min(1.0, max(0.0, 1.0 - shared / gap)))

    @property
    def excluded_gap(self) -> dict[str, float]:
        """Per reason code: extra exclusions per member of the first group."""
        first, second = (g.excluded_per_member for g in self.groups)
        return {code: first.get(code, 0.0) - second.get(code, 0.0)
                for code in CODES if code in first or code in second}

    def to_dict(self) -> dict[str, Any]:
        if self.suppressed:
            return {"comparison": self.key, "suppressed": True,
                    "groups": [{"group": g.key, "label": g.label} for g in self.groups]}
        return {
            "comparison": self.key, "suppressed": False,
            "groups": [g.to_dict() for g in self.groups],
            "shared_vacancies": self.shared_vacancies,
            "gaps": {
                "mean_feasible_vacancies": _rounded(self.feasible_gap),
                "mean_top5_score": _rounded(self.top_score_gap),
                "mean_top5_score_shared_vacancies": _rounded(self.top_score_gap_shared),
                "exposure_top10": _rounded(self.exposure_gap),
                "explained_by_constraints": _rounded(self.explained_by_constraints),
                "excluded_per_member_by_reason": {
                    code: _rounded(value) for code, value in self.excluded_gap.items()
                },
            },
        }


@dataclass(frozen=True, slots=True)
class Audit:
    """The comparisons of one set of participants against one set of vacancies."""

    participants: int
    vacancies: int
    comparisons: tuple[Comparison, ...]
    min_group: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "participants": self.participants, "vacancies": self.vacancies,
            "min_group": self.min_group,
            "comparisons": [c.to_dict() for c in self.comparisons],
        }

    def to_text(self) -> str:
        """A readable report, one block per comparison."""
        lines = [f"{self.participants} deelnemers, {self.vacancies} vacatures."]
        for comparison in self.comparisons:
            lines += [""] + _comparison_lines(comparison)
        return "\n".join(lines) + "\n"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _top_mean(scores: FloatArray, feasible: BoolArray) -> float | None:
    own = scores[feasible]
    if own.size == 0:
        return None
    best = own[np.argsort(-own, kind="stable")[:SCORE_TOP]]
    return float(best.mean())


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(np.mean(known)) if known else None


def _exposure_counts(matrix: ScoreMatrix) -> npt.NDArray[np.int64]:
    """Per participant: in how many vacancies' top 10 she appears."""
    counts = np.zeros(len(matrix.participants), dtype=np.int64)
    ids = np.asarray([p.id for p in matrix.participants], dtype=np.str_)
    id_rank = np.argsort(np.argsort(ids, kind="stable"), kind="stable")
    for column in range(matrix.score.shape[1]):
        rows = np.flatnonzero(matrix.feasible[:, column])
        order = rows[np.lexsort((id_rank[rows], -matrix.score[rows, column]))]
        counts[order[:EXPOSURE_TOP]] += 1
    return counts


def _group(key: str, label: str, members: npt.NDArray[np.int64], matrix: ScoreMatrix,
           shared: BoolArray, exposure: npt.NDArray[np.int64]) -> GroupFigures:
    n_vacancies = matrix.score.shape[1]
    tops = [_top_mean(matrix.score[i], matrix.feasible[i]) for i in members]
    tops_shared = [_top_mean(matrix.score[i], matrix.feasible[i] & shared) for i in members]
    reasons: dict[str, float] = {}
    for i in members:
        for code, count in matrix.excluded[i].items():
            reasons[code] = reasons.get(code, 0.0) + count
    size = len(members)
    return GroupFigures(
        key=key, label=label, participants=size,
        mean_feasible=float(matrix.feasible[members].sum(axis=1).mean()) if size else None,
        mean_top_score=_mean(tops),
        mean_top_score_shared=_mean(tops_shared),
        without_feasible=sum(top is None for top in tops),
        exposure=(float(exposure[members].sum() / (size * n_vacancies))
                  if size and n_vacancies else None),
        excluded_per_member={code: reasons[code] / size for code in CODES if code in reasons},
    )


def _shared(matrix: ScoreMatrix, groups: Sequence[npt.NDArray[np.int64]]) -> BoolArray:
    """Open vacancies feasible for at least one member of each group."""
    shared = np.ones(matrix.score.shape[1], dtype=np.bool_)
    for members in groups:
        shared &= matrix.feasible[members].any(axis=0)
    return shared


def audit(ranker: Ranker, participants: Iterable[Participant], *, min_group: int = 0) -> Audit:
    """Compare the groups of :data:`COMPARISONS` over the fitted ``ranker``'s vacancies.

    A comparison where a group has fewer than ``min_group`` members is returned
    ``suppressed``: no figure of either group (one group's size could be read from
    the other's and the total).

    Examples
    --------
    >>> from matching.types import Vacancy
    >>> vs = [Vacancy(f"v-{i}", "taalstage", "Kok", ("mon_morning",), 1,
    ...               status="published", remote=True) for i in range(3)]
    >>> people = [Participant("a", frozenset({"mon_morning"}), route="Z"),
    ...           Participant("b", frozenset(), route="B1")]
    >>> result = audit(Ranker().fit(vs), people)
    >>> route = result.comparisons[2]
    >>> [g.mean_feasible for g in route.groups], route.excluded_gap
    ([3.0, 0.0], {'schedule': -3.0})
    """
    matrix = score_matrix(ranker, participants)
    exposure = _exposure_counts(matrix)
    comparisons = []
    for key, sides in COMPARISONS.items():
        members = [np.asarray([i for i, p in enumerate(matrix.participants) if belongs(p)],
                              dtype=np.int64) for _, _, belongs in sides]
        shared = _shared(matrix, members)
        groups = tuple(_group(group_key, label, rows, matrix, shared, exposure)
                       for (group_key, label, _), rows in zip(sides, members, strict=True))
        comparisons.append(Comparison(
            key=key, groups=(groups[0], groups[1]), shared_vacancies=int(shared.sum()),
            suppressed=any(len(rows) < min_group for rows in members),
        ))
    return Audit(len(matrix.participants), matrix.score.shape[1], tuple(comparisons), min_group)


def _number(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _comparison_lines(comparison: Comparison) -> list[str]:
    first, second = comparison.groups
    head = f"{first.label} tegenover {second.label}"
    if comparison.suppressed:
        return [head, "  Niet getoond: een van de groepen is te klein."]
    lines = [head]
    for group in comparison.groups:
        reasons = ", ".join(f"{code} {value:.1f}" for code, value
                            in group.excluded_per_member.items()) or "geen"
        lines += [
            f"  {group.label}: {group.participants} deelnemers",
            f"    haalbare vacatures gemiddeld {_number(group.mean_feasible, 1)}; "
            f"zonder haalbare vacature {group.without_feasible}",
            f"    gemiddelde top-5-score {_number(group.mean_top_score)} "
            f"(gedeelde vacatures: {_number(group.mean_top_score_shared)})",
            f"    in de top 10 van {_number(_percent(group.exposure), 1)}% van de vacatures",
            f"    uitgesloten per deelnemer: {reasons}",
        ]
    explained = comparison.explained_by_constraints
    shared_gap = _number(comparison.top_score_gap_shared, 3)
    lines += [
        f"  Verschil top-5-score {_number(comparison.top_score_gap, 3)}; op de "
        f"{comparison.shared_vacancies} gedeelde vacatures {shared_gap}"
        + ("" if explained is None else
           f"; harde voorwaarden verklaren {_percent(explained) or 0:.0f}% van het verschil"),
    ]
    return lines


def _percent(value: float | None) -> float | None:
    return None if value is None else 100.0 * value
