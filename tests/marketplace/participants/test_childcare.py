"""Suggested childcare dayparts from children's ages and Dutch school times."""

from __future__ import annotations

import pytest

from marketplace.domain.childcare import dayparts_for_child, suggest_childcare


def test_no_children_needs_no_care() -> None:
    assert suggest_childcare([]) == []


def test_school_children_are_home_on_wednesday_afternoon() -> None:
    assert suggest_childcare([9, 11]) == ["wed_afternoon"]


def test_young_pupils_are_also_home_on_friday_afternoon() -> None:
    assert suggest_childcare([6]) == ["wed_afternoon", "fri_afternoon"]


def test_a_toddler_needs_every_weekday_morning_and_afternoon_unless_care_is_arranged() -> None:
    suggested = suggest_childcare([2])
    assert len(suggested) == 10
    assert "mon_morning" in suggested and "fri_afternoon" in suggested
    assert not any(d.endswith("evening") or d.startswith(("sat", "sun")) for d in suggested)
    assert suggest_childcare([2], care_arranged=True) == []


def test_the_union_over_children_in_calendar_order() -> None:
    assert suggest_childcare([9, 5, 14]) == ["wed_afternoon", "fri_afternoon"]
    assert suggest_childcare([2, 9], care_arranged=True) == ["wed_afternoon"]


@pytest.mark.parametrize(("age", "expected"), [(3, 10), (4, 2), (7, 2), (8, 1), (12, 1), (13, 0)])
def test_age_boundaries(age: int, expected: int) -> None:
    assert len(dayparts_for_child(age)) == expected
