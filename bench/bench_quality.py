"""Ranking quality on the coach-labelled set in ``bench/quality/``; prints figures, asserts nothing.

Run with ``python bench/bench_quality.py [--weights FILE] [--engine fast|reference]``
(a few seconds). For the held-out half, and separately for the tuning half, it prints
NDCG@5, NDCG@10 and precision@5 (label >= 2) of the engine and of three baselines:
random (seeded, averaged over ``--seeds`` seeds), distance only (nearest first) and
exact word overlap. Then NDCG@5 per held-out persona, engine against the best baseline.

Only feasible vacancies are ranked: the ones that pass every hard constraint of the
spec (:func:`matching.check`). Labels are graded 0-3 by a coach; a feasible vacancy
without a label counts as 0. See ``bench/quality/README.md`` for the rubric and the
rule that nobody tunes on the held-out half.

The functions are importable for tuning and weight learning::

    from bench_quality import engine_rank_fn, evaluate, load_set
    quality = load_set()
    result = evaluate(engine_rank_fn(quality, {"interest": 0.5}), quality.tuning_personas())
    result.mean("ndcg@5")
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import statistics
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching import (  # noqa: E402 - the path above makes the checkout importable
    Participant,
    Ranker,
    Vacancy,
    check,
    load_participants,
    load_vacancies,
    pair_distance_km,
)

SET_DIR = Path(__file__).resolve().parent / "quality"
GRADES = (0, 1, 2, 3)
#: A vacancy with at least this grade counts as relevant for precision@k.
RELEVANT = 2
METRICS = ("ndcg@5", "ndcg@10", "p@5")


@dataclass(frozen=True)
class Persona:
    """One labelled participant: the profile, its feasible vacancies and their grades."""

    id: str
    kind: str
    record: Mapping[str, Any]
    participant: Participant
    #: Ids of the vacancies that pass every hard constraint, in vacancy-file order.
    feasible: tuple[str, ...]
    #: Grade of every feasible vacancy (0 when the labels leave it out).
    grades: Mapping[str, int]


@dataclass(frozen=True)
class QualitySet:
    """The personas, vacancies and split of ``bench/quality/``."""

    personas: Mapping[str, Persona]
    vacancies: tuple[Vacancy, ...]
    vacancy_records: Mapping[str, Mapping[str, Any]]
    tuning: tuple[str, ...]
    held_out: tuple[str, ...]

    def tuning_personas(self) -> list[Persona]:
        return [self.personas[pid] for pid in self.tuning]

    def held_out_personas(self) -> list[Persona]:
        return [self.personas[pid] for pid in self.held_out]


def _read(directory: Path, name: str) -> Any:
    return json.loads((directory / name).read_text(encoding="utf-8"))


def feasible_ids(participant: Participant, vacancies: Sequence[Vacancy]) -> tuple[str, ...]:
    """Ids of the vacancies that pass every hard constraint of the spec for one person."""
    return tuple(
        v.id for v in vacancies if not check(participant, v, pair_distance_km(participant, v))
    )


def _grades(pid: str, labels: Mapping[str, list[str]], feasible: tuple[str, ...]) -> dict[str, int]:
    grades = dict.fromkeys(feasible, 0)
    seen: set[str] = set()
    for grade_text, ids in labels.items():
        grade = int(grade_text)
        if grade not in GRADES[1:]:
            raise ValueError(f"{pid}: grade {grade_text!r} is not 1, 2 or 3")
        for vid in ids:
            if vid not in grades:
                raise ValueError(f"{pid}: labelled vacancy {vid} is unknown or not feasible")
            if vid in seen:
                raise ValueError(f"{pid}: vacancy {vid} has more than one grade")
            seen.add(vid)
            grades[vid] = grade
    return grades


def load_set(directory: Path = SET_DIR) -> QualitySet:
    """Load and check the set; raise ValueError when labels or split do not fit it."""
    records = _read(directory, "participants.json")
    vacancy_records = _read(directory, "vacancies.json")
    labels = _read(directory, "labels.json")
    split = _read(directory, "split.json")
    vacancies = tuple(load_vacancies(vacancy_records))
    participants = load_participants(records)
    personas: dict[str, Persona] = {}
    for record, participant in zip(records, participants, strict=True):
        pid = record["id"]
        if pid not in labels:
            raise ValueError(f"{pid} has no labels")
        feasible = feasible_ids(participant, vacancies)
        grades = _grades(pid, labels[pid], feasible)
        personas[pid] = Persona(pid, record["kind"], record, participant, feasible, grades)
    if set(labels) - set(personas):
        raise ValueError(f"labels for unknown personas: {sorted(set(labels) - set(personas))}")
    tuning, held_out = tuple(split["tuning"]), tuple(split["held_out"])
    if set(tuning) & set(held_out) or sorted(tuning + held_out) != sorted(personas):
        raise ValueError("split.json must put every persona in exactly one half")
    return QualitySet(
        personas,
        vacancies,
        {str(r["id"]): r for r in vacancy_records},
        tuning,
        held_out,
    )


# --- metrics -----------------------------------------------------------------------


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain: gain 2^grade - 1, discount log2(position + 1).

    >>> round(dcg([3, 2]), 4)
    8.8928
    """
    return sum(
        (2.0**grade - 1.0) / math.log2(position + 2) for position, grade in enumerate(grades)
    )


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """NDCG@k of a ranking; the ideal order sorts every graded vacancy by grade.

    An ideal without any gain (no vacancy above grade 0) gives 1.0: no ranking can
    do better or worse there.

    >>> ndcg_at(["b", "a"], {"a": 3, "b": 0}, 5) < ndcg_at(["a", "b"], {"a": 3, "b": 0}, 5)
    True
    """
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0.0:
        return 1.0
    return dcg([grades.get(vid, 0) for vid in ranked[:k]]) / ideal


def precision_at(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """Share of the first k positions holding a vacancy graded >= RELEVANT.

    >>> precision_at(["a", "b", "c", "d", "e"], {"a": 3, "c": 2, "d": 1}, 5)
    0.4
    """
    return sum(1 for vid in ranked[:k] if grades.get(vid, 0) >= RELEVANT) / k


# --- rankers -------------------------------------------------------------------------

#: A ranking function: the persona's vacancy ids, best first. Ids that are not
#: feasible for the persona are dropped before scoring.
RankFn = Callable[[Persona], Sequence[str]]


def engine_rank_fn(
    quality: QualitySet, weights: Mapping[str, float] | None = None, engine: str = "fast"
) -> RankFn:
    """The matching engine, fitted once on the set's vacancies."""
    ranker = Ranker(weights, engine=engine).fit(quality.vacancies)

    def rank(persona: Persona) -> list[str]:
        return [match.vacancy for match in ranker.rank(persona.participant).ranked]

    return rank


def random_rank_fn(seed: int) -> RankFn:
    """Feasible vacancies in a random order, seeded per persona."""

    def rank(persona: Persona) -> list[str]:
        order = list(persona.feasible)
        random.Random(f"{seed}:{persona.id}").shuffle(order)
        return order

    return rank


def _distance_key(quality: QualitySet, persona: Persona) -> Callable[[str], float]:
    by_id = {v.id: v for v in quality.vacancies}

    def key(vid: str) -> float:
        km = pair_distance_km(persona.participant, by_id[vid])
        return math.inf if km is None or by_id[vid].remote else km

    return key


def distance_rank_fn(quality: QualitySet) -> RankFn:
    """Nearest feasible vacancy first (remote or unknown location last), ties by id."""

    def rank(persona: Persona) -> list[str]:
        key = _distance_key(quality, persona)
        return sorted(persona.feasible, key=lambda vid: (key(vid), vid))

    return rank


_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    """The distinct lowercase words of a text (letters, digits, underscore).

    >>> sorted(words("Koken, kok en KOKEN"))
    ['en', 'kok', 'koken']
    """
    return set(_WORD.findall(text.lower()))


def persona_words(record: Mapping[str, Any]) -> set[str]:
    return words(" ".join(record.get("interests", [])) + " " + record.get("experience", ""))


def vacancy_words(record: Mapping[str, Any]) -> set[str]:
    parts = [record.get("title", ""), *record.get("tags", []), record.get("description", "")]
    return words(" ".join(parts))


def word_overlap_rank_fn(quality: QualitySet) -> RankFn:
    """Most shared words first; equal overlap nearest first, then by id.

    The words are the person's interests and experience note against the vacancy's
    title, tags and description, lowercased, exact (no stemming, no stop list).
    """
    vacancy_vocab = {vid: vacancy_words(r) for vid, r in quality.vacancy_records.items()}

    def rank(persona: Persona) -> list[str]:
        mine = persona_words(persona.record)
        key = _distance_key(quality, persona)
        return sorted(
            persona.feasible, key=lambda vid: (-len(mine & vacancy_vocab[vid]), key(vid), vid)
        )

    return rank


# --- evaluation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    """Per-persona metrics of one ranking function."""

    per_persona: Mapping[str, Mapping[str, float]]

    def mean(self, metric: str) -> float:
        return statistics.fmean(values[metric] for values in self.per_persona.values())


def persona_metrics(ranked: Sequence[str], persona: Persona) -> dict[str, float]:
    """The metrics of one ranking, with infeasible ids dropped first."""
    feasible = set(persona.feasible)
    kept = [vid for vid in ranked if vid in feasible]
    return {
        "ndcg@5": ndcg_at(kept, persona.grades, 5),
        "ndcg@10": ndcg_at(kept, persona.grades, 10),
        "p@5": precision_at(kept, persona.grades, 5),
    }


def evaluate(rank_fn: RankFn, personas: Sequence[Persona]) -> Evaluation:
    """Rank every persona with ``rank_fn`` and score it against the labels."""
    return Evaluation({p.id: persona_metrics(rank_fn(p), p) for p in personas})


def evaluate_random(personas: Sequence[Persona], seeds: int) -> Evaluation:
    """Random order averaged over ``seeds`` seeds, per persona and metric."""
    runs = [evaluate(random_rank_fn(seed), personas) for seed in range(seeds)]
    return Evaluation(
        {
            p.id: {m: statistics.fmean(run.per_persona[p.id][m] for run in runs) for m in METRICS}
            for p in personas
        }
    )


def evaluate_all(
    quality: QualitySet, personas: Sequence[Persona], engine: RankFn, seeds: int
) -> dict[str, Evaluation]:
    """The engine and the three baselines on the same personas, by method name."""
    return {
        "engine": evaluate(engine, personas),
        f"random ({seeds} seeds)": evaluate_random(personas, seeds),
        "distance only": evaluate(distance_rank_fn(quality), personas),
        "word overlap": evaluate(word_overlap_rank_fn(quality), personas),
    }


# --- printing ---------------------------------------------------------------------------


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def print_summary(title: str, results: Mapping[str, Evaluation]) -> None:
    count = len(next(iter(results.values())).per_persona)
    print(f"\n{title} ({count} personas)")
    print(f"  {'method':<20} {'NDCG@5':>7} {'NDCG@10':>8} {'P@5':>6}")
    for name, result in results.items():
        figures = " ".join(
            f"{result.mean(m):>{w}.3f}" for m, w in zip(METRICS, (7, 8, 6), strict=True)
        )
        print(f"  {name:<20} {figures}   ({_load()})")


def best_baseline(results: Mapping[str, Evaluation]) -> str:
    baselines = {name: r for name, r in results.items() if name != "engine"}
    return max(baselines, key=lambda name: baselines[name].mean("ndcg@5"))


def print_per_persona(quality: QualitySet, results: Mapping[str, Evaluation]) -> None:
    best = best_baseline(results)
    engine, baseline = results["engine"].per_persona, results[best].per_persona
    print(f"\nHeld-out NDCG@5 per persona: engine vs best baseline ({best}), {_load()}")
    print(f"  {'persona':<8} {'kind':<13} {'feasible':>8} {'engine':>7} {'baseline':>9}")
    beaten = 0
    for pid in quality.held_out:
        mine, theirs = engine[pid]["ndcg@5"], baseline[pid]["ndcg@5"]
        beaten += theirs > mine
        persona = quality.personas[pid]
        mark = "  < baseline" if theirs > mine else ""
        print(
            f"  {pid:<8} {persona.kind:<13} {len(persona.feasible):>8} "
            f"{mine:>7.3f} {theirs:>9.3f}{mark}"
        )
    print(f"  the best baseline beats the engine for {beaten} of {len(quality.held_out)}")


def _weights(path: str | None) -> dict[str, float] | None:
    if path is None:
        return None
    loaded = json.loads(Path(path).read_text(encoding="utf-8"))
    return {str(name): float(value) for name, value in loaded.items()}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", help="JSON file {component: weight} for the engine")
    parser.add_argument("--engine", default="fast", choices=("fast", "reference"))
    parser.add_argument("--seeds", type=int, default=20, help="seeds of the random baseline")
    args = parser.parse_args(argv)
    quality = load_set()
    engine = engine_rank_fn(quality, _weights(args.weights), args.engine)
    pairs = sum(len(p.feasible) for p in quality.personas.values())
    print(
        f"quality set: {len(quality.personas)} personas, {len(quality.vacancies)} vacancies, "
        f"{pairs} feasible labelled pairs; engine {args.engine}, weights "
        f"{args.weights or 'default'}"
    )
    held_out = evaluate_all(quality, quality.held_out_personas(), engine, args.seeds)
    print_summary("HELD-OUT half", held_out)
    tuning = evaluate_all(quality, quality.tuning_personas(), engine, args.seeds)
    print_summary("Tuning half", tuning)
    print_per_persona(quality, held_out)


if __name__ == "__main__":
    main()
