"""Component weights learned from outcomes, with the hand weights as the prior.

An *outcome* grades one participant–vacancy pair (0 = bad fit ... 3 = good fit): a
coach's label in an evaluation set, or what became of a proposal (declined, accepted,
placed). :func:`training_set` turns outcomes into the pair's component values, read
from a fitted :class:`~matching.ranker.Ranker` so they are exactly what the engine
scores. :class:`WeightLearner` then fits a pairwise (RankSVM-style) logistic
regression: for two outcomes of the *same* participant with different grades, the
difference of their component vectors should point towards the better one. Comparing
only within a participant means that who the person is (many or few options, high or
low scores everywhere) cannot leak into the weights; only what made one place better
than another for her does.

The learned coefficients are clipped at 0 (a component never counts against a
match), normalised to sum 1 like :func:`~matching.scoring.resolve_weights`, and
blended with the prior by sample size: with ``n`` comparisons the learned share is
``n / (n + prior_comparisons)``, so a few outcomes nudge the hand weights and many
outcomes replace them.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression

from matching.ranker import Ranker
from matching.scoring import COMPONENTS, DEFAULT_WEIGHTS, resolve_weights
from matching.types import Participant, Vacancy

__all__ = [
    "DEFAULT_PRIOR_COMPARISONS",
    "Outcome",
    "TrainingSet",
    "WeightLearner",
    "comparisons",
    "reopened",
    "training_set",
]

FloatArray = npt.NDArray[np.float64]

#: How many comparisons the hand weights are worth: with this many learned
#: comparisons the result is half learned, half hand weights.
DEFAULT_PRIOR_COMPARISONS = 200


@dataclass(frozen=True, slots=True)
class Outcome:
    """One graded pair: ``grade`` 0 (bad fit) to 3 (good fit); higher is better."""

    participant: str
    vacancy: str
    grade: float


@dataclass(frozen=True, slots=True)
class TrainingSet:
    """Component values of the usable outcomes, one row each, grouped by participant.

    ``skipped`` counts outcomes that could not be used: an unknown participant or
    vacancy, or a pair the hard constraints exclude today (it has no component
    values).
    """

    components: FloatArray
    grades: FloatArray
    groups: tuple[str, ...]
    skipped: int = 0

    def __len__(self) -> int:
        return len(self.groups)

    @property
    def n_comparisons(self) -> int:
        """Pairs of outcomes of the same participant with different grades."""
        return len(comparisons(self)[1]) // 2


def reopened(vacancy: Vacancy) -> Vacancy:
    """The vacancy as it was when it was proposed: published, with room.

    A placed participant fills the place she was placed on, so her own outcome would
    otherwise be excluded for ``capacity`` (or ``closed`` once the vacancy closed).

    Examples
    --------
    >>> v = Vacancy("v", "taalstage", "t", (), 1, filled=1, status="closed")
    >>> (reopened(v).status, reopened(v).filled)
    ('published', 0)
    """
    return dataclasses.replace(vacancy, status="published", filled=0)


def training_set(
    ranker: Ranker, participants: Iterable[Participant], outcomes: Iterable[Outcome]
) -> TrainingSet:
    """Read each outcome's component values from the fitted ``ranker``.

    Examples
    --------
    >>> vs = [Vacancy(f"v-{i}", "taalstage", "Kok", (), 1, status="published",
    ...               remote=True) for i in range(2)]
    >>> data = training_set(Ranker().fit(vs), [Participant("p", frozenset())],
    ...                     [Outcome("p", "v-0", 3), Outcome("p", "v-1", 0),
    ...                      Outcome("x", "v-0", 1)])
    >>> len(data), data.skipped, data.n_comparisons
    (2, 1, 1)
    """
    people = {p.id: p for p in participants}
    position = {v.id: i for i, v in enumerate(ranker.vacancies_)}
    by_person: dict[str, list[Outcome]] = {}
    skipped = 0
    for outcome in outcomes:
        if outcome.participant in people and outcome.vacancy in position:
            by_person.setdefault(outcome.participant, []).append(outcome)
        else:
            skipped += 1
    rows: list[list[float]] = []
    grades: list[float] = []
    groups: list[str] = []
    for person_id, own in by_person.items():
        wanted = sorted({position[o.vacancy] for o in own})
        ranking = ranker.rank(people[person_id], candidates=np.asarray(wanted, dtype=np.int64))
        values = {m.vacancy: [float(m.components[name]) for name in COMPONENTS]
                  for m in ranking.ranked}
        for outcome in own:
            if outcome.vacancy not in values:
                skipped += 1
                continue
            rows.append(values[outcome.vacancy])
            grades.append(float(outcome.grade))
            groups.append(person_id)
    matrix = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(COMPONENTS))
    return TrainingSet(matrix, np.asarray(grades, dtype=np.float64), tuple(groups), skipped)


def comparisons(data: TrainingSet) -> tuple[FloatArray, npt.NDArray[np.int64]]:
    """Pairwise differences within each participant: ``(better - worse, 1)`` and the
    mirrored ``(worse - better, 0)``, so both classes are equally frequent.

    Examples
    --------
    >>> data = TrainingSet(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([2.0, 0.0]),
    ...                    ("p", "p"))
    >>> differences, targets = comparisons(data)
    >>> differences.tolist(), targets.tolist()
    ([[1.0, -1.0], [-1.0, 1.0]], [1, 0])
    """
    members: dict[str, list[int]] = {}
    for row, group in enumerate(data.groups):
        members.setdefault(group, []).append(row)
    differences: list[FloatArray] = []
    targets: list[int] = []
    for rows in members.values():
        for i, j in itertools.combinations(rows, 2):
            if data.grades[i] == data.grades[j]:
                continue
            better, worse = (i, j) if data.grades[i] > data.grades[j] else (j, i)
            step = data.components[better] - data.components[worse]
            differences += [step, -step]
            targets += [1, 0]
    width = data.components.shape[1]
    return (np.asarray(differences, dtype=np.float64).reshape(len(targets), width),
            np.asarray(targets, dtype=np.int64))


class WeightLearner:
    """Fit component weights from graded outcomes, shrunk towards hand weights.

    Parameters
    ----------
    prior : mapping of str to float, default DEFAULT_WEIGHTS
        The hand weights; also the answer when nothing can be learned.
    prior_comparisons : int, default 200
        How many comparisons the prior is worth (see the module docstring).
    C : float, default 1.0
        Inverse L2 strength of the logistic regression.

    Attributes
    ----------
    weights_ : dict of str to float
        The blended weights, normalised to sum 1, in component order.
    learned_weights_ : dict of str to float
        What the outcomes alone say (clipped, normalised); the prior when they say
        nothing (no comparisons, or no component with a positive coefficient).
    n_comparisons_ : int
        Comparisons used (pairs of one participant's outcomes with different grades).
    learned_share_ : float
        ``n_comparisons_ / (n_comparisons_ + prior_comparisons)``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((400, len(COMPONENTS)))
    >>> grades = (3 * x[:, 1]).round()  # only distance matters in these outcomes
    >>> data = TrainingSet(x, grades, tuple(str(i // 8) for i in range(400)))
    >>> learner = WeightLearner(prior_comparisons=0).fit(data)
    >>> max(learner.weights_, key=learner.weights_.__getitem__)
    'distance'
    """

    def __init__(
        self,
        *,
        prior: Mapping[str, float] = DEFAULT_WEIGHTS,
        prior_comparisons: int = DEFAULT_PRIOR_COMPARISONS,
        C: float = 1.0,
    ) -> None:
        self.prior = prior
        self.prior_comparisons = prior_comparisons
        self.C = C

    def fit(self, data: TrainingSet) -> WeightLearner:
        """Learn from ``data``; return self.

        Raises
        ------
        ValueError
            On a negative ``prior_comparisons``, a ``C`` that is not positive, or a
            prior :func:`~matching.scoring.resolve_weights` refuses.
        """
        if self.prior_comparisons < 0:
            raise ValueError(f"prior_comparisons must be 0 or more, got {self.prior_comparisons}")
        if not self.C > 0:
            raise ValueError(f"C must be above 0, got {self.C}")
        prior = np.asarray(resolve_weights(self.prior, base=DEFAULT_WEIGHTS))
        differences, targets = comparisons(data)
        self.n_comparisons_ = len(targets) // 2
        learned = self._learned(differences, targets, prior)
        total = self.n_comparisons_ + self.prior_comparisons
        self.learned_share_ = self.n_comparisons_ / total if total else 0.0
        blended = self.learned_share_ * learned + (1.0 - self.learned_share_) * prior
        self.learned_weights_ = _named(learned)
        self.weights_ = _named(np.asarray(resolve_weights(_named(blended))))
        return self

    def _learned(self, differences: FloatArray, targets: npt.NDArray[np.int64],
                 prior: FloatArray) -> FloatArray:
        if self.n_comparisons_ == 0:
            return prior
        model = LogisticRegression(fit_intercept=False, C=self.C, max_iter=1000)
        model.fit(differences, targets)
        coefficients = np.clip(model.coef_[0], 0.0, None)
        if coefficients.sum() <= 0.0:
            return prior
        return np.asarray(coefficients / coefficients.sum(), dtype=np.float64)


def _named(values: Sequence[float] | FloatArray) -> dict[str, float]:
    return {name: float(value) for name, value in zip(COMPONENTS, values, strict=True)}
