"""Dutch wording shared by reasons and exclusion explanations.

Reasons are read aloud by a coach, so numbers use the Dutch decimal comma and
dayparts read as words (``woensdagmiddag``), not codes.
"""

from __future__ import annotations

from collections.abc import Iterable

from matching.types import CEFR_LEVELS, DAYPARTS, LOADS

__all__ = [
    "DAYPART_WORDS",
    "LOAD_WORDS",
    "SKILL_WORDS",
    "STATUS_WORDS",
    "TYPE_WORDS",
    "dayparts_text",
    "km_text",
    "level_text",
    "number_text",
]

_DAY_WORDS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_PART_WORDS = ("ochtend", "middag", "avond")
#: Daypart code -> Dutch word, e.g. ``wed_afternoon`` -> ``woensdagmiddag``.
DAYPART_WORDS: dict[str, str] = {
    code: _DAY_WORDS[index // 3] + _PART_WORDS[index % 3] for index, code in enumerate(DAYPARTS)
}
SKILL_WORDS: tuple[str, ...] = ("spreken", "luisteren", "lezen", "schrijven")
LOAD_WORDS: tuple[str, ...] = ("licht", "middelzwaar", "zwaar")
STATUS_WORDS: dict[str | None, str] = {
    "draft": "concept", "review": "in beoordeling", "closed": "gesloten", None: "onbekend",
}
TYPE_WORDS: dict[str, str] = {
    "vrijwilligerswerk": "Vrijwilligerswerk",
    "taalstage": "Een taalstage",
    "werkervaringsplaats": "Een werkervaringsplaats",
}

assert len(LOAD_WORDS) == len(LOADS)


def number_text(value: float, decimals: int = 1) -> str:
    """Format a number the Dutch way: decimal comma, no needless ``,0``.

    Examples
    --------
    >>> number_text(3.24), number_text(10.0), number_text(7.5)
    ('3,2', '10', '7,5')
    """
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def km_text(value: float, *, unit: bool = True) -> str:
    """Format a distance with one decimal: ``3,2 km``; whole numbers keep ``,0``.

    A distance just above a whole number never reads as that number (5.04 is
    ``5,1 km``): the distance filters are whole kilometres, and a place shown
    as ``5,0 km`` must not drop out of a 5 km filter.

    Examples
    --------
    >>> km_text(3.2), km_text(12.0), km_text(5.04), km_text(4.96), km_text(9.7, unit=False)
    ('3,2 km', '12,0 km', '5,1 km', '5,0 km', '9,7')
    """
    shown = round(value, 1)
    if shown == int(shown) and value > shown:
        shown += 0.1
    text = f"{shown:.1f}".replace(".", ",")
    return f"{text} km" if unit else text


def level_text(rank: int) -> str:
    """Return the CEFR name of a level rank.

    Examples
    --------
    >>> level_text(3)
    'B1'
    """
    return CEFR_LEVELS[rank]


def dayparts_text(codes: Iterable[str]) -> str:
    """Join daypart codes as Dutch words, in calendar order.

    Examples
    --------
    >>> dayparts_text(["thu_morning", "tue_morning"])
    'dinsdagochtend en donderdagochtend'
    """
    wanted = set(codes)
    words = [DAYPART_WORDS[code] for code in DAYPARTS if code in wanted]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]
