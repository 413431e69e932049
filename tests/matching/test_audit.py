"""The fairness audit (matching.audit) and `python -m matching audit`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matching import Ranker
from matching.audit import EXPOSURE_TOP, audit, score_matrix
from tests.matching.builders import (
    make_participant,
    make_vacancy,
    north_of_home,
    participant_record,
    vacancy_record,
)
from tests.matching.test_cli import run_matching

MONDAY = ["mon_morning", "mon_afternoon"]


def mother(i: int, **extra):
    return make_participant(id=f"m-{i}", gender="f", availability=MONDAY,
                            childcare_needed=["mon_afternoon"], **extra)


def other(i: int, **extra):
    return make_participant(id=f"o-{i}", gender="m", availability=MONDAY, **extra)


def by_key(result, key: str):
    return next(c for c in result.comparisons if c.key == key)


def test_childcare_exclusions_explain_the_mothers_fewer_vacancies() -> None:
    vacancies = [make_vacancy(id="v-morning", schedule=["mon_morning"]),
                 make_vacancy(id="v-afternoon", schedule=["mon_afternoon"]),
                 make_vacancy(id="v-closed", schedule=["mon_morning"], status="closed")]
    people = [mother(i) for i in range(3)] + [other(i) for i in range(4)]
    comparison = by_key(audit(Ranker().fit(vacancies), people), "childcare")
    mothers, others = comparison.groups
    assert (mothers.participants, others.participants) == (3, 4)
    assert (mothers.mean_feasible, others.mean_feasible) == (1.0, 2.0)
    # The closed vacancy is out for everyone and not part of the audit.
    assert mothers.excluded_per_member == {"childcare": 1.0}
    assert comparison.excluded_gap == {"childcare": 1.0}
    assert comparison.feasible_gap == -1.0
    assert comparison.shared_vacancies == 1


def test_exposure_is_the_share_of_vacancies_whose_top_ten_a_member_reaches() -> None:
    # Twelve people, two vacancies next door; the four B1-route people live closest,
    # so they are in both top tens, and six of the eight Z-route people fill the rest.
    vacancies = [make_vacancy(id=f"v-{i}", type="werkervaringsplaats",
                              location=north_of_home(1)) for i in range(2)]
    near = [make_participant(id=f"a-{i}", route="B1", location=north_of_home(1))
            for i in range(4)]
    far = [make_participant(id=f"b-{i}", route="Z", location=north_of_home(1 + 0.5 + i / 10))
           for i in range(8)]
    route = by_key(audit(Ranker().fit(vacancies), near + far), "route")
    z, b1 = route.groups
    assert b1.exposure == 1.0
    assert z.exposure == pytest.approx((EXPOSURE_TOP - 4) / 8)


def test_top_five_is_the_mean_of_each_members_five_best_scores() -> None:
    vacancies = [make_vacancy(id=f"v-{i}", location=north_of_home(i)) for i in range(7)]
    person = other(0)
    matrix = score_matrix(Ranker().fit(vacancies), [person])
    best = sorted(matrix.score[0], reverse=True)[:5]
    comparison = by_key(audit(Ranker().fit(vacancies), [person]), "childcare")
    assert comparison.groups[1].mean_top_score == pytest.approx(sum(best) / 5)
    assert comparison.groups[0].mean_top_score is None


def test_a_comparison_with_a_small_group_is_suppressed_entirely() -> None:
    vacancies = [make_vacancy()]
    people = [mother(0)] + [other(i) for i in range(6)]
    result = audit(Ranker().fit(vacancies), people, min_group=5)
    shown = by_key(result, "childcare").to_dict()
    assert shown["suppressed"] is True
    assert "participants" not in json.dumps(shown["groups"])


def write(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_command_line_prints_json_and_text(tmp_path: Path) -> None:
    people = write(tmp_path / "ps.json", [participant_record(id=f"p-{i}", route="Z")
                                          for i in range(3)])
    vacancies = write(tmp_path / "v.json", [vacancy_record(id="v-1")])
    result = run_matching("audit", "--participants", people, "--vacancies", vacancies)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert (output["participants"], output["vacancies"]) == (3, 1)
    route = next(c for c in output["comparisons"] if c["comparison"] == "route")
    assert route["groups"][0]["participants"] == 3
    text = run_matching("audit", "--participants", people, "--vacancies", vacancies,
                        "--format", "text")
    assert text.returncode == 0
    assert "Z-route tegenover B1-route" in text.stdout


def test_bad_input_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    people = write(tmp_path / "ps.json", [participant_record(id="p-1", max_travel_km=-3)])
    vacancies = write(tmp_path / "v.json", [vacancy_record(capacity=0)])
    result = run_matching("audit", "--participants", people, "--vacancies", vacancies)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "max_travel_km" in lines[0] and "capacity" in lines[1]


def test_fast_and_reference_engines_give_the_same_audit() -> None:
    vacancies = [
        make_vacancy(id="v-near", schedule=["mon_morning"]),
        make_vacancy(id="v-afternoon", schedule=["mon_afternoon"], type="taalstage"),
        make_vacancy(id="v-far", location=north_of_home(40)),
        make_vacancy(id="v-b1", language_min={"speaking": "B1"}, type="werkervaringsplaats"),
        make_vacancy(id="v-full", capacity=1, filled=1),
        make_vacancy(id="v-women", women_only=True, physical_load="heavy"),
    ]
    people = ([mother(i, route="Z") for i in range(3)] + [other(i, route="B1") for i in range(3)]
              + [make_participant(id=f"a-{i}", languages={"nl": {"speaking": "A1"}},
                                  max_physical_load="light") for i in range(3)])
    fast = audit(Ranker().fit(vacancies), people).to_dict()
    reference = audit(Ranker(engine="reference").fit(vacancies), people).to_dict()
    assert fast == reference
    assert fast["vacancies"] == 5  # the full one is out for everyone
