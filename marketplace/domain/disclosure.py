"""Statistical disclosure control for the monitoring: no count under 5 can be read.

Every count below THRESHOLD is shown as "<5" (primary suppression). When a table also
shows its total, one hidden cell could be worked out as total minus the rest, so then
the smallest other cell is hidden as well (secondary suppression), shown as "•".
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "•"

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Cell:
    """A count as it may be shown: `value` is None when it is suppressed."""

    value: int | None
    text: str

    @property
    def suppressed(self) -> bool:
        return self.value is None


def _shown(value: int) -> Cell:
    return Cell(value, str(value))


def cell(value: int) -> Cell:
    """One count on its own (no total beside it)."""
    return Cell(None, SMALL) if value < THRESHOLD else _shown(value)


def protect(counts: Mapping[K, int], with_total: bool = True) -> dict[K, Cell]:
    """Cells of one row of counts whose total is (or is not) shown beside them."""
    cells = {key: cell(value) for key, value in counts.items()}
    small = [key for key, value in counts.items() if value < THRESHOLD]
    if with_total and len(small) == 1:
        others = [key for key, value in counts.items() if value >= THRESHOLD]
        if others:
            smallest = min(others, key=lambda key: counts[key])
            cells[smallest] = Cell(None, HIDDEN)
    return cells


def protect_total(counts: Mapping[K, int]) -> Cell:
    """The total of a row: a total under 5 is itself small."""
    return cell(sum(counts.values()))


def protect_matrix(rows: Mapping[K, Mapping[K, int]]) -> dict[K, dict[K, Cell]]:
    """A cross table without totals shown: each small cell on its own."""
    return {row: {col: cell(value) for col, value in cols.items()} for row, cols in rows.items()}


def share(part: Cell, whole: Cell) -> str:
    """A percentage, only when both counts may be shown."""
    if part.suppressed or whole.suppressed or not whole.value:
        return "—"
    return f"{round(100 * (part.value or 0) / whole.value)}%"
