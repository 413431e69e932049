"""The coach-labelled quality set (bench/quality/) and the metrics of bench/bench_quality.py."""

from __future__ import annotations

import doctest
import importlib.util
import json
import math
import shutil
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from matching import Ranker
from matching.types import PLACEMENT_TYPES

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _import_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH / "bench_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quality"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bq = _import_bench()


@pytest.fixture(scope="module")
def quality() -> object:
    return bq.load_set()


def test_the_set_is_as_large_and_varied_as_issue_16_asks(quality) -> None:
    records = list(quality.vacancy_records.values())
    assert len(quality.personas) >= 30
    assert len(records) >= 220
    assert {r["type"] for r in records} == set(PLACEMENT_TYPES)
    assert any(r["status"] != "published" for r in records)
    assert any(r["filled"] >= r["capacity"] for r in records)
    assert any(r["women_only"] for r in records)
    kinds = Counter(p.kind for p in quality.personas.values())
    assert set(kinds) == {"moeder", "z_route", "b1_techniek", "professional", "gezondheid"}


def test_every_persona_has_five_good_feasible_vacancies_and_irrelevant_ones(quality) -> None:
    for persona in quality.personas.values():
        good = [vid for vid, grade in persona.grades.items() if grade >= 2]
        assert len(good) >= 5, persona.id
        assert 0 in persona.grades.values(), persona.id


def test_the_feasible_vacancies_are_exactly_what_the_engine_ranks(quality) -> None:
    ranker = Ranker().fit(quality.vacancies)
    for persona in quality.personas.values():
        ranked = {m.vacancy for m in ranker.rank(persona.participant).ranked}
        assert ranked == set(persona.feasible), persona.id


def test_split_halves_are_disjoint_cover_everyone_and_balance_the_kinds(quality) -> None:
    tuning, held_out = set(quality.tuning), set(quality.held_out)
    assert not tuning & held_out
    assert tuning | held_out == set(quality.personas)
    for kind in {p.kind for p in quality.personas.values()}:
        in_tuning = sum(quality.personas[pid].kind == kind for pid in tuning)
        in_held_out = sum(quality.personas[pid].kind == kind for pid in held_out)
        assert abs(in_tuning - in_held_out) <= 1, kind


def _copy_set(tmp_path: Path) -> Path:
    target = tmp_path / "quality"
    shutil.copytree(BENCH / "quality", target)
    return target


def _edit_json(path: Path, edit) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_label_on_an_infeasible_vacancy_is_refused(tmp_path, quality) -> None:
    persona = quality.personas["p-01"]
    infeasible = next(vid for vid in quality.vacancy_records if vid not in persona.feasible)
    directory = _copy_set(tmp_path)
    _edit_json(directory / "labels.json", lambda labels: labels["p-01"]["3"].append(infeasible))
    with pytest.raises(ValueError, match=f"p-01: labelled vacancy {infeasible}"):
        bq.load_set(directory)


def test_a_label_on_an_unknown_vacancy_is_refused(tmp_path) -> None:
    directory = _copy_set(tmp_path)
    _edit_json(directory / "labels.json", lambda labels: labels["p-02"]["1"].append("v-999"))
    with pytest.raises(ValueError, match="p-02: labelled vacancy v-999"):
        bq.load_set(directory)


def test_a_persona_in_both_halves_is_refused(tmp_path) -> None:
    directory = _copy_set(tmp_path)
    _edit_json(directory / "split.json", lambda split: split["tuning"].append("p-02"))
    with pytest.raises(ValueError, match="exactly one half"):
        bq.load_set(directory)


def test_ndcg_is_one_for_the_ideal_order(quality) -> None:
    for persona in quality.personas.values():
        ideal = sorted(persona.grades, key=lambda vid: -persona.grades[vid])
        assert bq.ndcg_at(ideal, persona.grades, 5) == pytest.approx(1.0)
        assert bq.ndcg_at(ideal, persona.grades, 10) == pytest.approx(1.0)


def test_ndcg_on_a_hand_computed_example() -> None:
    grades = {"a": 3, "b": 2, "c": 0, "d": 1}
    # Ranked c, a, d: gains 0, 7, 1 at discounts 1, log2 3, 2 -> 7/1.58496 + 0.5 = 4.9165.
    # Ideal a, b, d: gains 7, 3, 1 -> 7 + 3/1.58496 + 0.5 = 9.3928.
    assert bq.ndcg_at(["c", "a", "d", "b"], grades, 3) == pytest.approx(4.9165 / 9.3928, abs=1e-4)
    assert bq.ndcg_at(["c", "a", "d", "b"], grades, 3) == pytest.approx(0.52343, abs=1e-4)
    assert bq.ndcg_at(["c"], {"c": 0}, 5) == 1.0  # nothing to find: no order is worse


def test_precision_counts_grade_two_and_up() -> None:
    grades = {"a": 3, "b": 1, "c": 2}
    assert bq.precision_at(["a", "b", "c", "x", "y"], grades, 5) == pytest.approx(0.4)


def test_infeasible_ids_in_a_ranking_are_dropped_before_scoring(quality) -> None:
    persona = quality.personas["p-01"]
    infeasible = next(vid for vid in quality.vacancy_records if vid not in persona.feasible)
    ideal = sorted(persona.grades, key=lambda vid: -persona.grades[vid])
    metrics = bq.persona_metrics([infeasible, *ideal], persona)
    assert metrics["ndcg@5"] == pytest.approx(1.0)


def test_baselines_rank_only_feasible_vacancies_in_their_own_order(quality) -> None:
    persona = quality.personas["p-19"]
    by_distance = bq.distance_rank_fn(quality)(persona)
    by_words = bq.word_overlap_rank_fn(quality)(persona)
    by_chance = bq.random_rank_fn(0)(persona)
    for ranking in (by_distance, by_words, by_chance):
        assert sorted(ranking) == sorted(persona.feasible)
    key = bq._distance_key(quality, persona)
    assert [key(vid) for vid in by_distance] == sorted(key(vid) for vid in by_distance)
    mine = bq.persona_words(persona.record)
    overlap = [len(mine & bq.vacancy_words(quality.vacancy_records[vid])) for vid in by_words]
    assert overlap == sorted(overlap, reverse=True) and overlap[0] > 0
    assert bq.random_rank_fn(0)(persona) == by_chance != bq.random_rank_fn(1)(persona)


def test_evaluate_averages_per_persona(quality) -> None:
    personas = quality.held_out_personas()
    perfect = bq.evaluate(lambda p: sorted(p.grades, key=lambda v: -p.grades[v]), personas)
    assert perfect.mean("ndcg@5") == pytest.approx(1.0)
    reverse = bq.evaluate(lambda p: sorted(p.grades, key=lambda v: p.grades[v]), personas)
    chance = bq.evaluate_random(personas, 5)
    assert reverse.mean("ndcg@5") < chance.mean("ndcg@5") < perfect.mean("ndcg@5")
    assert set(reverse.per_persona) == set(quality.held_out)
    assert not math.isnan(chance.mean("p@5"))


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(bq).failed == 0
