"""Which dayparts children need their parent, from their ages and Dutch school times.

A suggestion for the intake form; the coach adjusts it. The rules, kept simple:

- under 4 (not yet at school): every weekday morning and afternoon, unless childcare
  (kinderdagverblijf, gastouder, family) is arranged;
- 4 to 7 (groep 1–4): school covers weekday mornings and afternoons, except
  Wednesday afternoon and, at many schools for the youngest, Friday afternoon;
- 8 to 12 (groep 5–8): everything except Wednesday afternoon;
- 13 and older: no care needed.

Evenings and weekends are not suggested: often a partner or family is at home, and
the coach knows. Afternoons after school (about 14:30) count as covered, because a
placement afternoon usually ends then or someone picks the children up; the coach
adds them where that is not so.
"""

from __future__ import annotations

from collections.abc import Iterable

from marketplace.domain.vocabulary import DAYPARTS

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEKDAY_SCHOOL_DAYPARTS = tuple(
    f"{day}_{part}" for day in WEEKDAYS for part in ("morning", "afternoon")
)
SCHOOL_FREE_ALL = ("wed_afternoon",)
SCHOOL_FREE_YOUNG = ("wed_afternoon", "fri_afternoon")

SCHOOL_AGE = 4
YOUNG_PUPIL_MAX_AGE = 7
CHILD_MAX_AGE = 12


def dayparts_for_child(age: int, *, care_arranged: bool = False) -> set[str]:
    """The dayparts one child of `age` years needs a parent at home."""
    if age < SCHOOL_AGE:
        return set() if care_arranged else set(WEEKDAY_SCHOOL_DAYPARTS)
    if age <= YOUNG_PUPIL_MAX_AGE:
        return set(SCHOOL_FREE_YOUNG)
    if age <= CHILD_MAX_AGE:
        return set(SCHOOL_FREE_ALL)
    return set()


def suggest_childcare(ages: Iterable[int], *, care_arranged: bool = False) -> list[str]:
    """The union over all children, in calendar order (the spec's `childcare_needed`)."""
    needed: set[str] = set()
    for age in ages:
        needed |= dayparts_for_child(age, care_arranged=care_arranged)
    return [daypart for daypart in DAYPARTS if daypart in needed]
