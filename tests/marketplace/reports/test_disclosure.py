"""Disclosure control: counts under 5 and anything that would reveal them stay hidden,
with as little hidden as possible."""

from __future__ import annotations

import itertools
import random

from marketplace.domain.disclosure import (
    HIDDEN,
    SMALL,
    Cell,
    cell,
    leaks,
    protect,
    protect_groups,
    protect_line,
    protect_matrix,
    share,
    total_of,
)


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


def test_small_cells_that_together_hold_five_need_no_extra_hiding() -> None:
    cells = protect({"a": 20, "b": 2, "c": 3, "d": 9})
    assert [c.text for c in cells.values()] == ["20", SMALL, SMALL, "9"]


def test_small_cells_that_together_hold_under_five_hide_one_more() -> None:
    cells = protect({"a": 20, "b": 1, "c": 2, "d": 9})
    assert [c.text for c in cells.values()] == ["20", SMALL, SMALL, HIDDEN]


def test_a_small_category_is_merged_into_its_neighbour_instead_of_hiding_a_large_one() -> None:
    """The issue's ZRM row: 13 better, 55 equal, 2 worse. Hiding the 13 protected the 2
    but hid the main result; "gelijk of slechter: 57" protects it and hides nothing."""
    counts = {"beter": 13, "gelijk": 55, "slechter": 2}
    cells = protect_line(counts, merges={"slechter": "gelijk"}, atom="financien")
    assert cells["beter"].text == "13"
    assert cells["gelijk"].text == "57" and cells["gelijk"].span == 2
    assert cells["slechter"].span == 0
    assert leaks([*cells.values(), total_of(cells, counts)]) == []


def test_a_cell_of_ten_or_more_is_hidden_only_when_nothing_smaller_protects() -> None:
    cells = protect({"a": 3, "b": 12, "c": 7, "d": 40})
    assert cells["c"].text == HIDDEN and cells["b"].text == "12"


def test_a_large_cell_that_must_be_hidden_shows_a_lower_bound_anyone_can_work_out() -> None:
    counts = {"beter": 1, "gelijk": 55, "slechter": 2}
    cells = protect(counts)
    # 58 in total, "<5" twice: at least 58 - 4 - 4 = 50 are equal, known without it.
    assert cells["gelijk"].text == "minstens 50" and cells["gelijk"].suppressed
    assert leaks([*cells.values(), total_of(cells, counts)]) == []


def test_matrix_cells_are_protected_one_by_one() -> None:
    matrix = protect_matrix({1: {1: 7, 2: 3}, 2: {1: 0, 2: 11}})
    assert matrix[1][2].text == SMALL and matrix[2][1].text == SMALL
    assert matrix[1][1].text == "7"


def test_share_is_hidden_when_a_count_is_hidden() -> None:
    assert share(cell(10), cell(40)) == "25%"
    assert share(cell(3), cell(40)) == "—"


# --------------------------------------------------------------------------- the audit


def test_the_audit_finds_a_total_minus_the_shown_cells() -> None:
    """What the protection used to do wrong for a cross table with totals: every cell on
    its own, and "Omhoog" beside it gives away the one small cell."""
    atoms = {"a": 12, "b": 3, "c": 9}
    cells = [cell(value, [key]) for key, value in atoms.items()]
    up = cell(sum(atoms.values()), atoms)
    assert leaks([*cells, up]) == [(frozenset({"b"}), 3)]


def test_the_audit_follows_differences_of_totals_too() -> None:
    groups = {"up": {"a": 12, "b": 2}, "same": {"c": 30, "d": 1}}
    cells = [cell(v, [k]) for g in groups.values() for k, v in g.items()]
    shown = [cell(sum(g.values()), g) for g in groups.values()]
    everyone = cell(45, [k for g in groups.values() for k in g])
    # "same" is hidden here, but everyone minus "up" gives it, and then minus c gives d
    assert (frozenset({"d"}), 1) in leaks([*cells, shown[0], everyone])


def _all_lines(width: int, top: int) -> itertools.product[tuple[int, ...]]:
    return itertools.product(range(top), repeat=width)


def test_no_line_gives_away_a_count_under_five_whatever_its_counts() -> None:
    """Every line of three categories with counts 0..13, with and without merging."""
    for values in _all_lines(3, 14):
        counts = dict(zip(("beter", "gelijk", "slechter"), values, strict=True))
        for merges in ({}, {"slechter": "gelijk", "beter": "gelijk"}):
            cells = protect_line(counts, merges=merges, atom="x")
            published = [*cells.values(), total_of(cells, counts)]
            assert leaks(published) == [], (counts, merges)


def test_no_line_of_five_categories_gives_anything_away() -> None:
    rng = random.Random(21)
    for _ in range(3000):
        counts = {key: rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 12, 30]) for key in "abcde"}
        cells = protect_line(counts, atom="x")
        assert leaks([*cells.values(), total_of(cells, counts)]) == [], counts


def test_a_cross_table_with_its_group_totals_gives_nothing_away() -> None:
    rng = random.Random(8)
    keys = [(b, e) for b in range(1, 5) for e in range(1, 5)]
    groups = [
        frozenset(k for k in keys if k[1] > k[0]),
        frozenset(k for k in keys if k[1] == k[0]),
        frozenset(k for k in keys if k[1] < k[0]),
        frozenset(keys),
    ]
    for _ in range(500):
        counts = {k: rng.choice([0, 0, 1, 2, 3, 6, 8, 15]) for k in keys}
        cells, totals = protect_groups(counts, groups)
        published: list[Cell] = [*cells.values(), *totals]
        assert leaks(published) == [], counts
