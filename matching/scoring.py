"""Soft components, their weights, the overall score and the Dutch reasons.

Every component lies in [0, 1]; the score is the weighted mean of the
components with the weights normalised to sum to 1. These per-pair functions
are the specification; the fast engine (:mod:`matching.ranker`) computes the same
numbers with arrays and is tested against them.

Components (the names are the keys of :attr:`Match.components`):

``interest``
    max(tag match, text similarity) -- see :mod:`matching.text`. 0.5 when the
    participant gave no interests and no experience.
``distance``
    ``reach / (reach + km)``: 1 next door, 0.5 at the participant's
    ``max_travel_km`` (``reach``; 10 km when no limit is given), so closer is
    always better. 1 for remote work, 0.5 when a location is unknown.
``schedule``
    share of the vacancy's dayparts the person can actually do (free, and
    without children at home unless care is arranged); 1 for an empty schedule.
``hours``
    overlap of the two hour ranges divided by the narrower range; 1 when one
    range lies inside the other, 0.5 when either side gave no hours.
``language``
    for Dutch speaking below B1: 0.25 plus 0.25 for each of taalrijk work,
    language support on the floor and a taalstage. From B1 up: 1, but 0.5 for a
    taalstage (it is meant for A0-A2).
``route``
    mean over the signals present -- route (Z low, B1 high; onderwijs gives no
    signal) and ladder step (1-2 low, 3+ high) -- of 1 when the signal favours
    the vacancy type (low: vrijwilligerswerk and taalstage; high:
    werkervaringsplaats) else 0; 0.5 without signals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from matching.dutch import TYPE_WORDS, km_text, level_text, number_text
from matching.text import TAG_MATCH_CUTOFF, TagMatch
from matching.types import Match, Participant, Vacancy

__all__ = [
    "COMPONENTS",
    "DEFAULT_REACH_KM",
    "DEFAULT_WEIGHTS",
    "NEUTRAL",
    "PairFacts",
    "Weights",
    "build_match",
    "component_values",
    "distance_component",
    "hours_component",
    "interest_component",
    "language_component",
    "reasons",
    "resolve_weights",
    "route_component",
    "schedule_component",
    "warnings",
    "weighted_score",
]

#: Component names, in the order scores are summed.
COMPONENTS: tuple[str, ...] = ("interest", "distance", "schedule", "hours", "language", "route")

#: The default weights: interest matters most, then distance and language.
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "interest": 0.30,
    "distance": 0.20,
    "schedule": 0.10,
    "hours": 0.10,
    "language": 0.15,
    "route": 0.15,
})

#: The value of a component that cannot be judged (missing data): neither good nor bad.
NEUTRAL = 0.5
#: Distance at which the distance component is 0.5 when the participant gave no limit.
DEFAULT_REACH_KM = 10.0
#: Text similarity from which the text itself is given as a reason.
TEXT_REASON_MIN = 0.3
_B1 = 3
_A2 = 2
_LOW_TYPES = frozenset({"vrijwilligerswerk", "taalstage"})
_MAX_REASONS = 4

#: Normalised weights in :data:`COMPONENTS` order.
Weights = tuple[float, ...]


def resolve_weights(
    weights: Mapping[str, float] | None = None, *, base: Mapping[str, float] = DEFAULT_WEIGHTS
) -> Weights:
    """Merge overrides into ``base`` and normalise to sum 1, in component order.

    Raises
    ------
    ValueError
        On an unknown component, a negative or non-finite weight, or all zeros.

    Examples
    --------
    >>> resolve_weights({"interest": 1, "distance": 1, "schedule": 0, "hours": 0,
    ...                  "language": 0, "route": 0})
    (0.5, 0.5, 0.0, 0.0, 0.0, 0.0)
    """
    merged = dict(base)
    for name, value in (weights or {}).items():
        if name not in COMPONENTS:
            raise ValueError(f"unknown component {name!r}; known: {', '.join(COMPONENTS)}")
        value = float(value)
        if not 0.0 <= value < float("inf"):
            raise ValueError(f"weight of {name!r} must be a finite number >= 0, got {value}")
        merged[name] = value
    total = sum(merged[name] for name in COMPONENTS)
    if total <= 0.0:
        raise ValueError("at least one weight must be above 0")
    return tuple(merged[name] / total for name in COMPONENTS)


def weighted_score(values: Sequence[float], weights: Weights) -> float:
    """Weighted mean of component values, summed in component order, capped at 1.

    Examples
    --------
    >>> weighted_score([1.0, 0.0], (0.25, 0.75))
    0.25
    """
    total = 0.0
    for weight, value in zip(weights, values, strict=True):
        total = total + weight * value
    # Normalised weights can sum to 1 plus a rounding error.
    return min(1.0, total)


# --------------------------------------------------------------------------- components


def interest_component(participant: Participant, tag: TagMatch, text: float) -> float:
    """max(tag match, text similarity); neutral without interests or experience.

    Examples
    --------
    >>> interest_component(Participant("p", frozenset(), interests=("koken",)), TagMatch(0.9), 0.2)
    0.9
    """
    if not participant.interests and not participant.experience.strip():
        return NEUTRAL
    return max(tag.score, text)


def distance_component(participant: Participant, vacancy: Vacancy, km: float | None) -> float:
    """Closeness: 1 at 0 km, 0.5 at the participant's limit, always decreasing.

    Examples
    --------
    >>> p = Participant("p", frozenset(), max_travel_km=10)
    >>> v = Vacancy("v", "taalstage", "t", (), 1)
    >>> distance_component(p, v, 10.0), distance_component(p, v, None)
    (0.5, 0.5)
    """
    if vacancy.remote:
        return 1.0
    if km is None:
        return NEUTRAL
    reach = DEFAULT_REACH_KM if participant.max_travel_km is None else participant.max_travel_km
    return reach / (reach + km)


def _usable_mask(participant: Participant, vacancy: Vacancy) -> int:
    if vacancy.childcare_arranged:
        return participant.free_mask
    return participant.free_mask & ~participant.care_mask


def schedule_component(participant: Participant, vacancy: Vacancy) -> float:
    """Share of the vacancy's dayparts the person can do.

    Examples
    --------
    >>> p = Participant("p", frozenset({"mon_morning"}))
    >>> schedule_component(p, Vacancy("v", "taalstage", "t", ("mon_morning", "tue_morning"), 1))
    0.5
    """
    wanted = vacancy.schedule_mask.bit_count()
    if wanted == 0:
        return 1.0
    return (vacancy.schedule_mask & _usable_mask(participant, vacancy)).bit_count() / wanted


def hours_component(participant: Participant, vacancy: Vacancy) -> float:
    """Overlap of the hour ranges relative to the narrower one.

    Examples
    --------
    >>> from matching.types import Hours
    >>> p = Participant("p", frozenset(), hours=Hours(10, 20))
    >>> hours_component(p, Vacancy("v", "taalstage", "t", (), 1, hours=Hours(8, 16)))
    0.75
    """
    if participant.hours is None or vacancy.hours is None:
        return NEUTRAL
    wants, offers = participant.hours, vacancy.hours
    overlap = min(wants.max, offers.max) - max(wants.min, offers.min)
    narrower = min(wants.max - wants.min, offers.max - offers.min)
    if narrower == 0.0:
        return 1.0 if overlap >= 0.0 else 0.0
    return min(1.0, max(0.0, overlap / narrower))


def language_component(participant: Participant, vacancy: Vacancy) -> float:
    """Fit of the work's language setting with the person's Dutch (speaking).

    Examples
    --------
    >>> p = Participant("p", frozenset(), nl_levels=(1, 1, 0, 0))
    >>> language_component(p, Vacancy("v", "taalstage", "t", (), 1, language_support=True))
    0.75
    """
    if participant.nl_levels[0] < _B1:
        helps = (vacancy.language_rich, vacancy.language_support, vacancy.type == "taalstage")
        return 0.25 + 0.25 * sum(helps)
    return 0.5 if vacancy.type == "taalstage" else 1.0


def _route_signals(participant: Participant) -> list[bool]:
    """One entry per signal present: True for a 'high' (work-ready) signal."""
    signals = []
    if participant.route in ("Z", "B1"):
        signals.append(participant.route == "B1")
    if participant.ladder_step is not None:
        signals.append(participant.ladder_step >= 3)
    return signals


def route_component(participant: Participant, vacancy: Vacancy) -> float:
    """How well the placement type fits the learning route and ladder step.

    Examples
    --------
    >>> p = Participant("p", frozenset(), route="Z", ladder_step=2)
    >>> route_component(p, Vacancy("v", "vrijwilligerswerk", "t", (), 1))
    1.0
    """
    signals = _route_signals(participant)
    if not signals:
        return NEUTRAL
    low_type = vacancy.type in _LOW_TYPES
    return sum(1.0 for high in signals if high != low_type) / len(signals)


@dataclass(frozen=True, slots=True)
class PairFacts:
    """What one pair's components and reasons are computed from.

    ``text`` is the TF-IDF cosine; ``km`` the distance or None when unknown.
    """

    participant: Participant
    vacancy: Vacancy
    tag: TagMatch
    text: float
    km: float | None


def component_values(facts: PairFacts) -> tuple[float, ...]:
    """All components of a pair, in :data:`COMPONENTS` order.

    Examples
    --------
    >>> p = Participant("p", frozenset())
    >>> v = Vacancy("v", "taalstage", "t", (), 1, remote=True)
    >>> component_values(PairFacts(p, v, TagMatch(0.0), 0.0, None))
    (0.5, 1.0, 1.0, 0.5, 0.5, 0.5)
    """
    p, v = facts.participant, facts.vacancy
    return (
        interest_component(p, facts.tag, facts.text),
        distance_component(p, v, facts.km),
        schedule_component(p, v),
        hours_component(p, v),
        language_component(p, v),
        route_component(p, v),
    )


# --------------------------------------------------------------------------- reasons


def _interest_reason(facts: PairFacts) -> str | None:
    if facts.tag.score >= TAG_MATCH_CUTOFF:
        return f"Past bij interesse: {facts.tag.interest}"
    if facts.text >= TEXT_REASON_MIN:
        return "Sluit aan bij interesses en ervaring"
    return None


def _distance_reason(facts: PairFacts) -> str | None:
    if facts.vacancy.remote:
        return "Kan op afstand, zonder reizen"
    if facts.km is None:
        return None
    limit = facts.participant.max_travel_km
    if limit is None:
        return f"{km_text(facts.km)} reizen"
    return f"{km_text(facts.km)}, binnen {number_text(limit)} km"


def _schedule_reason(facts: PairFacts) -> str | None:
    p, v = facts.participant, facts.vacancy
    care_clash = bool(v.schedule_mask & p.free_mask & p.care_mask)
    if care_clash and v.childcare_offered:
        return "Kinderopvang is geregeld"
    if care_clash and v.children_welcome:
        return "Kinderen mogen mee"
    if v.schedule and schedule_component(p, v) == 1.0:
        return "Past in het rooster"
    return None


def _language_reason(facts: PairFacts) -> str | None:
    p, v = facts.participant, facts.vacancy
    speaking = p.nl_levels[0]
    if speaking >= _B1:
        return None
    if v.language_support:
        return "Hulp bij Nederlands op de werkvloer"
    if v.language_rich:
        return "Taalrijk werk: veel Nederlands oefenen"
    if v.type == "taalstage" and speaking <= _A2:
        return f"Taalstage past bij taalniveau {level_text(speaking)}"
    return None


def _route_reason(facts: PairFacts) -> str | None:
    p, v = facts.participant, facts.vacancy
    if route_component(p, v) != 1.0:
        return None
    what = f"de {p.route}-route" if p.route in ("Z", "B1") else f"trede {p.ladder_step}"
    return f"{TYPE_WORDS[v.type]} past bij {what}"


def _hours_reason(facts: PairFacts) -> str | None:
    hours = facts.vacancy.hours
    if hours is None or hours_component(facts.participant, facts.vacancy) != 1.0:
        return None
    if hours.min == hours.max:
        return f"Uren passen: {number_text(hours.min)} uur per week"
    return f"Uren passen: {number_text(hours.min)}–{number_text(hours.max)} uur per week"


_REASONS = (
    _interest_reason, _distance_reason, _schedule_reason,
    _language_reason, _route_reason, _hours_reason,
)


def reasons(facts: PairFacts) -> tuple[str, ...]:
    """One to four short Dutch reasons a coach can read aloud, most telling first.

    Examples
    --------
    >>> p = Participant("p", frozenset(), max_travel_km=10, interests=("koken",))
    >>> v = Vacancy("v", "werkervaringsplaats", "t", (), 1)
    >>> reasons(PairFacts(p, v, TagMatch(1.0, "koken", "kok"), 0.1, 3.24))
    ('Past bij interesse: koken', '3,2 km, binnen 10 km')
    """
    found = [text for build in _REASONS if (text := build(facts)) is not None]
    return tuple(found[:_MAX_REASONS]) or ("Voldoet aan alle voorwaarden",)


def warnings(facts: PairFacts) -> tuple[str, ...]:
    """Warning codes of a ranked pair: ``distance_unknown`` when it cannot be judged.

    Examples
    --------
    >>> p = Participant("p", frozenset())
    >>> warnings(PairFacts(p, Vacancy("v", "taalstage", "t", (), 1), TagMatch(0.0), 0.0, None))
    ('distance_unknown',)
    """
    if facts.km is None and not facts.vacancy.remote:
        return ("distance_unknown",)
    return ()


def build_match(
    facts: PairFacts,
    values: Sequence[float],
    score: float,
    *,
    distance_km: float | None = None,
) -> Match:
    """Assemble a :class:`Match` from a pair's facts, component values and score.

    ``distance_km`` is the distance to report on the match; None takes ``facts.km``
    (the fast engine passes its vectorised distance, which equals ``facts.km`` to
    rounding).

    Examples
    --------
    >>> p = Participant("p", frozenset())
    >>> v = Vacancy("v", "taalstage", "t", (), 1, remote=True)
    >>> build_match(PairFacts(p, v, TagMatch(0.0), 0.0, None), [0.5] * 6, 0.5).score
    0.5
    """
    return Match(
        vacancy=facts.vacancy.id,
        score=score,
        components=dict(zip(COMPONENTS, values, strict=True)),
        reasons=reasons(facts),
        warnings=warnings(facts),
        distance_km=facts.km if distance_km is None else distance_km,
    )
