"""Statistical disclosure control for the monitoring: no count under 5 can be read.

A table publishes cells and totals. Every count below THRESHOLD is shown as "<5"
(primary suppression). A total beside hidden cells gives away their sum, so in every
line (cells whose total is shown) the hidden cells must together hold at least 5
people. When they do not, the line is fixed with the least loss of information:

1. merge the small cell with a neighbouring category ("gelijk of slechter"), so the
   merged count is shown and no cell is lost;
2. otherwise hide the smallest other cell as well ("•"). Smallest first means a cell
   of 10 or more is only hidden when no smaller cell can protect the line.

Each shown cell knows which underlying counts ("atoms") it adds up, so `leaks` can
try every differencing of the published cells and totals of a table.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from marketplace.domain.vocabulary import N_

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "•"
LARGE = 10  # a cell this large is hidden only when nothing smaller protects the line
# Why cells are hidden, in one sentence; shown under each protected table.
RULE = N_(
    "Aantallen onder de 5 staan als <5. Waar een totaal een klein aantal zou verraden, "
    "tellen we de kleinste naastgelegen groep mee (bijvoorbeeld 'gelijk of slechter') "
    "of verbergen we de kleinste andere cel (•, of 'minstens' bij een grote groep)."
)

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Cell:
    """A count as it may be shown: `value` is None when it is suppressed.

    `atoms` are the underlying counts the value adds up (for the disclosure audit);
    `span` > 1 when this cell stands for several merged categories, 0 when its
    category is counted in a merged neighbour."""

    value: int | None
    text: str
    atoms: frozenset[Hashable] = frozenset()
    span: int = 1

    @property
    def suppressed(self) -> bool:
        return self.value is None


def _shown(value: int, atoms: frozenset[Hashable] = frozenset()) -> Cell:
    return Cell(value, str(value), atoms)


def cell(value: int, atoms: Iterable[Hashable] = ()) -> Cell:
    """One count; hidden as "<5" when it is small. `atoms`: what it adds up."""
    keys = frozenset(atoms)
    return Cell(None, SMALL, keys) if value < THRESHOLD else _shown(value, keys)


def protect_line(
    counts: Mapping[K, int],
    with_total: bool = True,
    merges: Mapping[K, K] | None = None,
    atom: Hashable = None,
) -> dict[K, Cell]:
    """Cells of one line of counts whose total is (or is not) shown beside them.

    `merges` names, per category, the neighbour it may be merged with when it is the
    only small cell (e.g. {"slechter": "gelijk"}). `atom` prefixes the atom keys, so
    cells of different lines of one table stay apart in the audit."""
    cells = {key: cell(value, [(atom, key)]) for key, value in counts.items()}
    if not with_total:
        return cells
    small = [key for key in counts if cells[key].suppressed]
    if len(small) == 1 and (merges or {}).get(small[0]) in counts:
        merged = _merge(counts, cells, small[0], (merges or {})[small[0]], atom)
        if merged is not None:
            return merged
    primary = list(small)
    while small and sum(counts[key] for key in small) < THRESHOLD:
        shown = [key for key in counts if not cells[key].suppressed]
        if not shown:
            break
        smallest = min(shown, key=lambda key: counts[key])
        cells[smallest] = Cell(None, HIDDEN, cells[smallest].atoms)
        small.append(smallest)
    return _bound_large_hidden(counts, cells, primary, small)


def _bound_large_hidden(
    counts: Mapping[K, int], cells: dict[K, Cell], primary: list[K], hidden: list[K]
) -> dict[K, Cell]:
    """A hidden cell of 10 or more shows "minstens N" instead of "•": the total minus
    the shown cells minus the most the "<5" cells can hold. Anyone can work that out
    from what is shown, so it reveals nothing, and the large group stays visible."""
    extra = [key for key in hidden if key not in primary]
    if len(extra) != 1 or counts[extra[0]] < LARGE:
        return cells
    rest = sum(counts[key] for key in hidden)
    bound = rest - (THRESHOLD - 1) * len(primary)
    if bound >= THRESHOLD:
        cells[extra[0]] = Cell(None, f"minstens {bound}", cells[extra[0]].atoms)
    return cells


def _merge(
    counts: Mapping[K, int], cells: dict[K, Cell], small: K, into: K, atom: Hashable
) -> dict[K, Cell] | None:
    """`into` shows the sum of both categories; `small` is left out (span 0)."""
    if cells[into].suppressed:
        return None
    total = counts[small] + counts[into]
    atoms = frozenset({(atom, small), (atom, into)})
    merged = dict(cells)
    merged[into] = Cell(total, str(total), atoms, span=2)
    merged[small] = Cell(None, "", frozenset(), span=0)
    return merged


def protect(counts: Mapping[K, int], with_total: bool = True) -> dict[K, Cell]:
    """Cells of one row of counts whose total is (or is not) shown beside them."""
    return protect_line(counts, with_total)


def total_of(cells: Mapping[K, Cell], counts: Mapping[K, int]) -> Cell:
    """The shown total of a line: a total under 5 is itself small."""
    atoms = frozenset().union(*(c.atoms for c in cells.values()))
    return cell(sum(counts.values()), atoms)


def protect_total(counts: Mapping[K, int]) -> Cell:
    """The total of a row: a total under 5 is itself small."""
    return cell(sum(counts.values()))


def protect_matrix(rows: Mapping[K, Mapping[K, int]]) -> dict[K, dict[K, Cell]]:
    """A cross table without totals shown: each small cell on its own."""
    return {
        row: {col: cell(value, [(row, col)]) for col, value in cols.items()}
        for row, cols in rows.items()
    }


def protect_groups(
    counts: Mapping[K, int], groups: Sequence[frozenset[K]]
) -> tuple[dict[K, Cell], list[Cell]]:
    """Cells of a table whose group totals are shown too (e.g. a cross table with the
    totals "up", "equal", "down"), with those totals as they are."""
    cells = protect_within_groups(counts, groups)
    totals = [cell(sum(counts[key] for key in group), group) for group in groups]
    return secure(cells, totals)


def protect_within_groups(counts: Mapping[K, int], groups: Sequence[frozenset[K]]) -> dict[K, Cell]:
    """Every group is a line: its hidden cells together hold at least 5. Hiding a cell
    for one group can call for more in another, so this repeats until all are safe.
    How the group totals themselves are shown is the caller's choice: then `secure`."""
    cells = {key: cell(value, [key]) for key, value in counts.items()}
    changed = True
    while changed:
        changed = False
        for group in groups:
            hidden = [key for key in group if cells[key].suppressed]
            shown = [key for key in group if not cells[key].suppressed]
            if hidden and shown and sum(counts[key] for key in hidden) < THRESHOLD:
                smallest = min(shown, key=lambda key: counts[key])
                cells[smallest] = replace(cells[smallest], value=None, text=HIDDEN)
                changed = True
    return cells


def secure(cells: dict[K, Cell], totals: list[Cell]) -> tuple[dict[K, Cell], list[Cell]]:
    """Hide more until the audit finds nothing: nested totals (a group inside everyone)
    can give away what no single group does. A small count that is a total minus shown
    cells is fixed by hiding the smallest of those cells; one that is a total minus
    other totals, by hiding the smallest of those."""
    while found := _leaks_with_sources([*cells.values(), *totals]):
        source, residue, _ = found[0]
        subtracted = [
            k for k, c in cells.items() if not c.suppressed and c.atoms <= source - residue
        ]
        if subtracted:
            smallest = min(subtracted, key=lambda key: cells[key].value or 0)
            cells[smallest] = replace(cells[smallest], value=None, text=HIDDEN)
            continue
        around = frozenset().union(
            *(t.atoms for t in totals if not t.suppressed and source < t.atoms)
        )
        parts = [
            t for t in totals if not t.suppressed and t.atoms < around and not t.atoms & source
        ]
        if not parts:
            raise AssertionError(f"no way to protect {residue}")  # cannot happen: tested
        smallest_total = min(parts, key=lambda t: t.value or 0)
        totals = [replace(t, value=None, text=HIDDEN) if t is smallest_total else t for t in totals]
    return cells, totals


def share(part: Cell, whole: Cell) -> str:
    """A rounded percentage, only when both counts may be shown."""
    if part.suppressed or whole.suppressed or not whole.value:
        return "—"
    return f"{round(100 * (part.value or 0) / whole.value)}%"


# --------------------------------------------------------------------------- the audit


def _leaks_with_sources(
    published: Iterable[Cell],
) -> list[tuple[frozenset[Hashable], frozenset[Hashable], int]]:
    """(derived total, what is left of it after the shown cells, its value) for each
    exact count under 5 that published cells and totals give away.

    Tries every differencing: a total minus a published part inside it, again and
    again. Counts are never negative, so leaving out further shown single cells can
    only make a residue smaller: each residue is also reduced by all of them."""
    facts = {c.atoms: c.value for c in published if c.value is not None and c.atoms}
    singles = {next(iter(atoms)): value for atoms, value in facts.items() if len(atoms) == 1}
    known = {atoms: value for atoms, value in facts.items() if len(atoms) > 1}
    todo = list(known)
    while todo:
        atoms = todo.pop()
        for other in list(known):
            for big, part in ((atoms, other), (other, atoms)):
                if part < big and (difference := big - part) not in known:
                    known[difference] = known[big] - known[part]
                    todo.append(difference)
    found = []
    for atoms, value in known.items():
        inside = [a for a in atoms if a in singles]
        residue = atoms - frozenset(inside)
        rest = value - sum(singles[a] for a in inside)
        if residue and rest < THRESHOLD:
            found.append((atoms, residue, rest))
    return found


def leaks(published: Iterable[Cell]) -> list[tuple[frozenset[Hashable], int]]:
    """Every exact count under 5 that published cells and totals give away, as the
    underlying counts it adds up and its value; an empty list when there is none."""
    return [(residue, value) for _, residue, value in _leaks_with_sources(published)]
