"""Do weights learned from coach labels beat the hand weights? Prints figures, asserts nothing.

Run with ``python bench/bench_learn.py`` (a few seconds). The labels of the TUNING half
of ``bench/quality/`` (every feasible pair graded 0-3 by a coach) are the outcomes:
:func:`matching.learn.training_set` reads each pair's components from the engine and
:class:`matching.learn.WeightLearner` fits the pairwise model. The held-out half is
never learned from; on it the script prints NDCG@5, NDCG@10 and precision@5 of the
engine with the hand weights and with the learned ones (blended with the hand weights
as `flask matching learn` does, and the outcomes alone), then per held-out persona.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_quality import (  # noqa: E402 - the path above makes bench/ importable
    METRICS,
    Evaluation,
    Persona,
    QualitySet,
    engine_rank_fn,
    evaluate,
    load_set,
)

from matching import COMPONENTS, Ranker  # noqa: E402
from matching.learn import Outcome, TrainingSet, WeightLearner, training_set  # noqa: E402


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def tuning_outcomes(personas: list[Persona]) -> list[Outcome]:
    """Every graded pair of the tuning half (an unlabelled feasible pair is grade 0)."""
    return [Outcome(p.participant.id, vid, grade)
            for p in personas for vid, grade in p.grades.items()]


def learned_weights(quality: QualitySet) -> tuple[TrainingSet, dict[str, WeightLearner]]:
    personas = quality.tuning_personas()
    data = training_set(Ranker().fit(quality.vacancies), [p.participant for p in personas],
                        tuning_outcomes(personas))
    learners = {
        "learned, blended (as flask matching learn)": WeightLearner(),
        "learned, outcomes only": WeightLearner(prior_comparisons=0),
    }
    for name, learner in learners.items():
        started = time.perf_counter()
        learner.fit(data)
        print(f"  fit {name}: {time.perf_counter() - started:.3f} s ({_load()})")
    return data, learners


def _weights_line(weights: Mapping[str, float]) -> str:
    return " ".join(f"{name} {weights[name]:.3f}" for name in COMPONENTS)


def print_table(title: str, results: Mapping[str, Evaluation]) -> None:
    count = len(next(iter(results.values())).per_persona)
    print(f"\n{title} ({count} personas)")
    print(f"  {'weights':<44} {'NDCG@5':>7} {'NDCG@10':>8} {'P@5':>6}")
    for name, result in results.items():
        figures = " ".join(f"{result.mean(m):>{w}.3f}"
                           for m, w in zip(METRICS, (7, 8, 6), strict=True))
        print(f"  {name:<44} {figures}   ({_load()})")


def print_per_persona(quality: QualitySet, results: Mapping[str, Evaluation]) -> None:
    names = list(results)
    hand, learned = results[names[0]].per_persona, results[names[1]].per_persona
    print(f"\nHeld-out NDCG@5 per persona: hand vs learned (blended), {_load()}")
    better = worse = 0
    for pid in quality.held_out:
        a, b = hand[pid]["ndcg@5"], learned[pid]["ndcg@5"]
        better += b > a + 1e-9
        worse += b < a - 1e-9
        print(f"  {pid:<8} {quality.personas[pid].kind:<13} {a:>7.3f} {b:>7.3f}")
    print(f"  learned better for {better}, worse for {worse}, "
          f"equal for {len(quality.held_out) - better - worse} of {len(quality.held_out)}")


def main() -> None:
    quality = load_set()
    print(f"quality set: {len(quality.personas)} personas ({len(quality.tuning)} tuning, "
          f"{len(quality.held_out)} held out), {len(quality.vacancies)} vacancies")
    data, learners = learned_weights(quality)
    print(f"  tuning outcomes used: {len(data)} pairs, {data.n_comparisons} comparisons, "
          f"skipped {data.skipped}")
    weights: dict[str, Mapping[str, float] | None] = {"hand (DEFAULT_WEIGHTS)": None}
    weights.update({name: learner.weights_ for name, learner in learners.items()})
    for name, learner in learners.items():
        print(f"  {name}: {_weights_line(learner.weights_)} "
              f"(learned share {learner.learned_share_:.2f})")
    for title, personas in (("HELD-OUT half", quality.held_out_personas()),
                            ("Tuning half (learned from)", quality.tuning_personas())):
        results = {name: evaluate(engine_rank_fn(quality, chosen), personas)
                   for name, chosen in weights.items()}
        print_table(title, results)
        if title.startswith("HELD-OUT"):
            held_out = results
    print_per_persona(quality, held_out)


if __name__ == "__main__":
    main()
