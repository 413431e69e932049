"""Disclosure control: counts under 5 and anything that would reveal them stay hidden."""

from __future__ import annotations

from marketplace.domain.disclosure import HIDDEN, SMALL, cell, protect, protect_matrix, share


def test_counts_under_five_are_small_including_zero() -> None:
    assert [cell(n).text for n in (0, 1, 4, 5, 12)] == [SMALL, SMALL, SMALL, "5", "12"]


def test_one_small_cell_beside_a_total_hides_the_next_smallest_too() -> None:
    cells = protect({"route 1": 20, "route 2": 6, "route 3": 23, "route 4": 3})
    assert cells["route 4"].text == SMALL
    assert cells["route 2"].text == HIDDEN
    assert cells["route 1"].text == "20" and cells["route 3"].text == "23"


def test_without_total_only_the_small_cell_is_hidden() -> None:
    cells = protect({"a": 20, "b": 6, "c": 3}, with_total=False)
    assert [c.text for c in cells.values()] == ["20", "6", SMALL]


def test_two_small_cells_need_no_extra_hiding() -> None:
    cells = protect({"a": 20, "b": 2, "c": 3, "d": 9})
    assert [c.text for c in cells.values()] == ["20", SMALL, SMALL, "9"]


def test_no_shown_cell_can_be_derived_from_total_minus_the_others() -> None:
    counts = {"a": 17, "b": 1, "c": 8, "d": 30}
    cells = protect(counts)
    hidden = [key for key, c in cells.items() if c.suppressed]
    assert len(hidden) >= 2  # total minus the shown ones gives only their sum


def test_matrix_cells_are_protected_one_by_one() -> None:
    matrix = protect_matrix({1: {1: 7, 2: 3}, 2: {1: 0, 2: 11}})
    assert matrix[1][2].text == SMALL and matrix[2][1].text == SMALL
    assert matrix[1][1].text == "7"


def test_share_is_hidden_when_a_count_is_hidden() -> None:
    assert share(cell(10), cell(40)) == "25%"
    assert share(cell(3), cell(40)) == "—"
