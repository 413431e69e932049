"""Soft components, their weights, the overall score and the Dutch reasons.

Every component lies in [0, 1]; the score is the weighted mean of the
components with the weights normalised to sum to 1. These per-pair functions
are the specification; the fast engine (:mod:`matching.ranker`) computes the same
numbers with arrays and is tested against them.

Components (the names are the keys of :attr:`Match.components`):

``interest``
    the strongest evidence of four, each in [0, 1]: the best fuzzy tag match
    (:mod:`matching.text`), the TF-IDF text similarity, the best single
    interest's semantic similarity and, weaker (times
    :data:`EXPERIENCE_SHARE`), the experience note's (:mod:`matching.semantic`;
    cosines are calibrated to [0, 1]). 0.5 when the participant gave no
    interests and no experience.
``distance``
    ``reach / (reach + km)``: 1 next door, 0.5 at the participant's
    ``max_travel_km`` (``reach``; 10 km when no limit is given), so closer is
    always better. 1 for remote work, 0.5 when a location is unknown.
``schedule``
    share of the vacancy's dayparts that are free (available, no lessons); 1
    for an empty schedule. Children at home do not lower it: when they make
    the schedule impossible the ``childcare`` constraint excludes the pair, and
    when it still fits there is nothing to penalise.
``hours``
    overlap of the two hour ranges divided by the narrower range; 1 when one
    range lies inside the other, 0.5 when either side gave no hours.
``language``
    for Dutch speaking below B1: 0.25 plus 0.25 for each of taalrijk work,
    language support on the floor and a taalstage. From B1 up: 1, but 0.5 for a
    taalstage (it is meant for A0-A2) unless it is in the person's own trade.
``route``
    mean over the signals present -- route (Z low, B1 high; onderwijs gives no
    signal) and ladder step (1-2 low, 3+ high) -- of the fit of the vacancy
    type with the signal: a low signal favours vrijwilligerswerk and a
    taalstage (1, a werkervaringsplaats 0); a high signal favours a
    werkervaringsplaats in the person's own trade (1), accepts a vrijwilligers-
    or taalstage place in her trade (0.5) and gives no bonus to any place in
    another trade (0). 0.5 without signals.

"Own trade" (:func:`in_trade`) means strong interest evidence: an interest
value of at least :data:`TRADE_MIN`. A person without interests has no known
trade; a high signal then favours every werkervaringsplaats as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from matching.dutch import km_text, level_text, number_text
from matching.semantic import (
    NO_SIMILARITY,
    PHRASE_EVIDENCE_MIN,
    SemanticScores,
    calibrated,
    embed_phrases,
    phrase_evidence,
    prepare_phrase_cosines,
)
from matching.text import TAG_MATCH_CUTOFF, TagMatch, false_friends, stem_phrase
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
    "in_trade",
    "interest_component",
    "language_component",
    "prepare_reasons",
    "reasons",
    "resolve_weights",
    "route_component",
    "route_signals",
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
#: The experience note is weaker evidence than a stated interest.
EXPERIENCE_SHARE = 0.7
#: Interest evidence from which a vacancy is in the person's own trade.
TRADE_MIN = 0.6
#: Calibrated semantic evidence from which an interest may be named as a reason
#: (a vacancy phrase must then also be close to it: PHRASE_EVIDENCE_MIN).
SEMANTIC_REASON_MIN = 0.1
#: No semantic evidence: what a pair gets when the engine has no embeddings.
NO_SEMANTIC = SemanticScores((), NO_SIMILARITY)
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


def has_interest_text(participant: Participant) -> bool:
    """Whether the person gave interests or an experience note to match on."""
    return bool(participant.interests) or bool(participant.experience.strip())


def interest_component(
    participant: Participant, tag: TagMatch, text: float, semantic: SemanticScores = NO_SEMANTIC
) -> float:
    """The strongest interest evidence; neutral without interests or experience.

    Examples
    --------
    >>> interest_component(Participant("p", frozenset(), interests=("koken",)), TagMatch(0.9), 0.2)
    0.9
    """
    if not has_interest_text(participant):
        return NEUTRAL
    _, best = semantic.best()
    return max(
        tag.score,
        text,
        float(calibrated(best)),
        EXPERIENCE_SHARE * float(calibrated(semantic.experience)),
    )


def in_trade(participant: Participant, interest: float) -> bool | None:
    """Whether a vacancy is in the person's own trade; None when she gave none.

    Examples
    --------
    >>> in_trade(Participant("p", frozenset(), interests=("kapper",)), 0.9)
    True
    >>> in_trade(Participant("p", frozenset()), 0.5) is None
    True
    """
    if not has_interest_text(participant):
        return None
    return interest >= TRADE_MIN


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
    return (vacancy.schedule_mask & participant.free_mask).bit_count() / wanted


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


def language_component(
    participant: Participant, vacancy: Vacancy, trade: bool | None = None
) -> float:
    """Fit of the work's language setting with the person's Dutch (speaking).

    ``trade`` says whether the vacancy is in the person's own trade
    (:func:`in_trade`): a taalstage there is no step back for a B1 speaker.

    Examples
    --------
    >>> p = Participant("p", frozenset(), nl_levels=(1, 1, 0, 0))
    >>> language_component(p, Vacancy("v", "taalstage", "t", (), 1, language_support=True))
    0.75
    >>> b1 = Participant("p", frozenset(), nl_levels=(3, 3, 3, 3))
    >>> language_component(b1, Vacancy("v", "taalstage", "t", (), 1), trade=True)
    1.0
    """
    if participant.nl_levels[0] < _B1:
        helps = (vacancy.language_rich, vacancy.language_support, vacancy.type == "taalstage")
        return 0.25 + 0.25 * sum(helps)
    return 0.5 if vacancy.type == "taalstage" and not trade else 1.0


def route_signals(participant: Participant) -> list[bool]:
    """One entry per signal present: True for a 'high' (work-ready) signal."""
    signals = []
    if participant.route in ("Z", "B1"):
        signals.append(participant.route == "B1")
    if participant.ladder_step is not None:
        signals.append(participant.ladder_step >= 3)
    return signals


def _type_fit(high: bool, low_type: bool, trade: bool | None) -> float:
    """How well one route signal fits a placement type (see the module docstring)."""
    if not high:
        return 1.0 if low_type else 0.0
    if trade is None:  # no known trade: the type alone decides, as before
        return 0.0 if low_type else 1.0
    if not trade:
        return 0.0
    return 0.5 if low_type else 1.0


def route_component(
    participant: Participant, vacancy: Vacancy, trade: bool | None = None
) -> float:
    """How well the placement type fits the learning route and ladder step.

    Examples
    --------
    >>> p = Participant("p", frozenset(), route="Z", ladder_step=2)
    >>> route_component(p, Vacancy("v", "vrijwilligerswerk", "t", (), 1))
    1.0
    >>> b1 = Participant("p", frozenset(), route="B1", interests=("ict",))
    >>> route_component(b1, Vacancy("v", "werkervaringsplaats", "Zorg", (), 1), trade=False)
    0.0
    """
    signals = route_signals(participant)
    if not signals:
        return NEUTRAL
    low_type = vacancy.type in _LOW_TYPES
    return sum(_type_fit(high, low_type, trade) for high in signals) / len(signals)


@dataclass(frozen=True, slots=True)
class PairFacts:
    """What one pair's components and reasons are computed from.

    ``text`` is the TF-IDF cosine; ``km`` the distance or None when unknown;
    ``semantic`` the embedding cosines of each interest and the note.
    """

    participant: Participant
    vacancy: Vacancy
    tag: TagMatch
    text: float
    km: float | None
    semantic: SemanticScores = NO_SEMANTIC

    def interest(self) -> float:
        """The interest component of the pair."""
        return interest_component(self.participant, self.tag, self.text, self.semantic)

    def trade(self) -> bool | None:
        """Whether the vacancy is in the person's own trade (see :func:`in_trade`)."""
        return in_trade(self.participant, self.interest())


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
    interest = facts.interest()
    trade = in_trade(p, interest)
    return (
        interest,
        distance_component(p, v, facts.km),
        schedule_component(p, v),
        hours_component(p, v),
        language_component(p, v, trade),
        route_component(p, v, trade),
    )


# --------------------------------------------------------------------------- reasons


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _modifier_only(interest: str, tag: str) -> bool:
    """The interest only matches the first part of the tag ("zorg" in "zorgboerderij").

    Such a compound is often about something else; it still counts in the score,
    but a reason does not claim it.
    """
    stem, found = stem_phrase(interest), stem_phrase(tag)
    return stem != found and found.startswith(stem) and not found.endswith(stem)


def _part_of_interest(phrase: str, interest: str) -> bool:
    """The phrase is only some of a multi-word interest's words ("knippen" of "haren knippen")."""
    words, own = set(phrase.lower().split()), set(interest.lower().split())
    return words < own


class _Judged(NamedTuple):
    """What several reasons read of a pair: its components, worked out once per pair.

    A named tuple: one is made for every shown match, and a tuple is made in a
    fraction of a frozen dataclass's time.
    """

    trade: bool | None  # in_trade of the interest component
    schedule: float  # schedule_component of the pair
    hours: float  # hours_component of the pair
    route: float  # route_component of the pair

    @classmethod
    def of(cls, participant: Participant, values: Sequence[float]) -> _Judged:
        """From the pair's components (:func:`component_values`, :data:`COMPONENTS` order).

        The reasons read the very components the match carries, so the engine that
        computed them (the fast one with arrays) is not asked for them again per pair.
        """
        interest, _, schedule, hours, _, route = values
        return cls(in_trade(participant, interest), schedule, hours, route)


def _names_tag(tag: TagMatch) -> bool:
    """Whether the interest reason names this tag match (then no phrase is looked for)."""
    return tag.score >= TAG_MATCH_CUTOFF and _tag_reason(tag.interest, tag.tag) is not None


@lru_cache(maxsize=4096)
def _tag_reason(interest: str, tag: str) -> str | None:
    """The interest reason naming a matched tag; None when it only matches the tag's
    first part. Once per pair of words: the shown matches of a ranking repeat them."""
    if _modifier_only(interest, tag):
        return None
    if _same_words(interest, tag):
        return f"Past bij interesse {interest}"
    return f"Past bij interesse {interest}: {tag}"


def _worth_naming(similarity: float) -> bool:
    """Whether semantic evidence is strong enough to look for a phrase to quote."""
    return float(calibrated(similarity)) >= SEMANTIC_REASON_MIN


def _interest_reason(facts: PairFacts, judged: _Judged) -> str | None:
    """Name the interest and the vacancy's words that carried it; only strong evidence."""
    tag = facts.tag
    if tag.score >= TAG_MATCH_CUTOFF:
        named = _tag_reason(tag.interest, tag.tag)
        if named is not None:
            return named
    ranked = sorted(range(len(facts.semantic.interests)),
                    key=lambda k: (-facts.semantic.interests[k], k))
    # Without semantic scores (ranked empty) the interests are not even written out.
    written = _written_interests(facts.participant) if ranked else []
    for k in ranked:
        if not _worth_naming(facts.semantic.interests[k]):
            break
        phrase, cosine = phrase_evidence(written[k], facts.vacancy)
        if (cosine >= PHRASE_EVIDENCE_MIN and not _part_of_interest(phrase, written[k])
                and not false_friends(written[k], phrase)):
            if _same_words(phrase, written[k]):
                return f"Past bij interesse {written[k]}"
            return f"Past bij interesse {written[k]}: {_quoted(phrase)}"
    note = facts.participant.experience.strip()
    if note and _worth_naming(facts.semantic.experience):
        phrase, cosine = phrase_evidence(note, facts.vacancy)
        if cosine >= PHRASE_EVIDENCE_MIN:
            return f"Past bij eerder werk: {_quoted(phrase)}"
    return None


def _written_interests(participant: Participant) -> list[str]:
    """Her interests that have text, stripped: one per semantic interest score."""
    return [i.strip() for i in participant.interests if i.strip()]


def _texts_worth_quoting(facts: PairFacts) -> list[str]:
    """Every text :func:`_interest_reason` may look up a phrase for, and maybe more:
    none when it names a tag; else the interests worth naming (it tries them strongest
    first and stops at the first found), then the note when worth naming."""
    if _names_tag(facts.tag):
        return []
    interests = facts.semantic.interests
    written = _written_interests(facts.participant) if interests else []
    texts = [written[k] for k, similarity in enumerate(interests) if _worth_naming(similarity)]
    note = facts.participant.experience.strip()
    if note and _worth_naming(facts.semantic.experience):
        texts.append(note)
    return texts


def _looks_for_phrases(facts: PairFacts) -> bool:
    """Whether :func:`_interest_reason` calls :func:`phrase_evidence` for this pair.

    Exactly when it has a text worth quoting: the strongest interest is worth naming
    when any is (calibration only rises), and the note is tried after the interests.
    """
    return bool(_texts_worth_quoting(facts))


def prepare_reasons(pairs: Iterable[PairFacts]) -> None:
    """Before the reasons of several pairs (a ranking's shown matches): embed, in one
    model call, every phrase their interest reasons will look at that has no vector yet.

    Each :func:`phrase_evidence` would otherwise embed one vacancy's new phrases per
    call, and a call costs the model's whole weights read (2-4 ms) however few its
    texts; only the vacancies whose reason looks for a phrase are asked for
    (:func:`_looks_for_phrases`), so nothing is embedded that the reasons never read.
    Then the cosines those reasons look up are worked out, one product per text
    (:func:`matching.semantic.prepare_phrase_cosines`).
    """
    looked = [(facts.vacancy, texts) for facts in pairs if (texts := _texts_worth_quoting(facts))]
    embed_phrases([vacancy for vacancy, _ in looked])
    prepare_phrase_cosines((text, vacancy) for vacancy, texts in looked for text in texts)


def _quoted(phrase: str) -> str:
    """A vacancy phrase inside a sentence: lower-case first letter, unless an acronym."""
    if len(phrase) > 1 and phrase[1].isupper():
        return phrase
    return phrase[:1].lower() + phrase[1:]


#: Below this the distance is read as "close by", not as a number that rounds to 0.
CLOSE_BY_KM = 0.1
#: From this share of the travel limit on, the distance is named as a limit case.
EDGE_SHARE = 0.9


def _distance_reason(facts: PairFacts, judged: _Judged) -> str | None:
    if facts.vacancy.remote:
        return "Kan op afstand, zonder reizen"
    if facts.km is None:
        return None
    if facts.km < CLOSE_BY_KM:
        return "Dichtbij: minder dan 100 meter"
    limit = facts.participant.max_travel_km
    if limit is None:
        return f"{km_text(facts.km)} reizen"
    if facts.km >= EDGE_SHARE * limit:
        shown = km_text(facts.km, unit=False)
        return f"Op de grens van de reisafstand: {shown} van {_number(limit)} km"
    return f"{km_text(facts.km)}, binnen {_number(limit)} km"


#: :func:`number_text` remembered: a travel limit is one of a few values, and each
#: shown match names it again.
_number = lru_cache(maxsize=1024)(number_text)


def _schedule_reason(facts: PairFacts, judged: _Judged) -> str | None:
    p, v = facts.participant, facts.vacancy
    care_clash = bool(v.schedule_mask & p.free_mask & p.care_mask)
    if care_clash and v.childcare_offered:
        return "Kinderopvang is geregeld"
    if care_clash and v.children_welcome:
        return "Kinderen mogen mee"
    if v.schedule and judged.schedule == 1.0:
        return "Past in het rooster"
    return None


def _language_reason(facts: PairFacts, judged: _Judged) -> str | None:
    p, v = facts.participant, facts.vacancy
    speaking = p.nl_levels[0]
    if speaking >= _B1:
        if v.type == "taalstage" and judged.trade:
            return "Taalstage in het eigen vak"
        return None
    if v.language_support:
        return "Hulp bij Nederlands op de werkvloer"
    if v.language_rich:
        return "Taalrijk werk: veel Nederlands oefenen"
    if v.type == "taalstage" and speaking <= _A2:
        return f"Taalstage past bij taalniveau {level_text(speaking)}"
    return None


#: Plain words for why a placement type suits the person's next step
#: (keyed by a work-ready signal and the type; the B1 route is not named).
_STEP_WORDS: dict[tuple[bool, str], str] = {
    (False, "vrijwilligerswerk"): "Vrijwilligerswerk: rustig beginnen, in eigen tempo",
    (False, "taalstage"): "Taalstage: rustig beginnen en Nederlands oefenen",
    (True, "werkervaringsplaats"): "Werkervaringsplaats: een stap naar betaald werk",
}


def _route_reason(facts: PairFacts, judged: _Judged) -> str | None:
    if judged.route != 1.0:
        return None
    high = route_signals(facts.participant)[0]
    return _step_words(high, facts.vacancy.type, bool(high and judged.trade))


@lru_cache(maxsize=16)
def _step_words(high: bool, kind: str, own_trade: bool) -> str:
    words = _STEP_WORDS[(high, kind)]
    return words.replace(":", " in het eigen vak:", 1) if own_trade else words


def _hours_reason(facts: PairFacts, judged: _Judged) -> str | None:
    hours = facts.vacancy.hours
    if hours is None or judged.hours != 1.0:
        return None
    return _hours_fit_text(hours.min, hours.max)


@lru_cache(maxsize=4096)
def _hours_fit_text(low: float, high: float) -> str:
    """Once per range: vacancies share a few dozen hour ranges."""
    if low == high:
        return f"Uren passen: {number_text(low)} uur per week"
    return f"Uren passen: {number_text(low)}–{number_text(high)} uur per week"


def _hours_misfit(facts: PairFacts, judged: _Judged) -> str | None:
    """What does not fit in the hours: fewer or more than the person wants."""
    hours, wants = facts.vacancy.hours, facts.participant.hours
    if hours is None or wants is None or judged.hours == 1.0:
        return None
    if hours.max < wants.max:
        return f"Minder uren dan gewenst: {_number(hours.max)} van {_number(wants.max)}"
    if hours.min > wants.min:
        least, wanted = _number(hours.min), _number(wants.min)
        return f"Meer uren dan gewenst: minstens {least}, gewenst {wanted}"
    return None


# Most telling first: the interest, then what does not fit, then the rest.
_REASONS = (
    _interest_reason, _hours_misfit, _distance_reason, _schedule_reason,
    _language_reason, _route_reason, _hours_reason,
)


def reasons(facts: PairFacts) -> tuple[str, ...]:
    """One to four short Dutch reasons a coach can read aloud, most telling first.

    Examples
    --------
    >>> p = Participant("p", frozenset(), max_travel_km=10, interests=("koken",))
    >>> v = Vacancy("v", "werkervaringsplaats", "t", (), 1)
    >>> reasons(PairFacts(p, v, TagMatch(1.0, "koken", "kok"), 0.1, 3.24))
    ('Past bij interesse koken: kok', '3,2 km, binnen 10 km')
    """
    return _reasons(facts, _Judged.of(facts.participant, component_values(facts)))


def _reasons(facts: PairFacts, judged: _Judged) -> tuple[str, ...]:
    found: list[str] = []
    for build in _REASONS:
        text = build(facts, judged)
        if text is not None:
            found.append(text)
            if len(found) == _MAX_REASONS:
                break  # the later, less telling ones would be cut anyway
    return tuple(found) or _NO_REASON


_NO_REASON = ("Voldoet aan alle voorwaarden",)


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

    ``values`` are the pair's :func:`component_values` (the reasons read them too);
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
    # The reasons read the components given (the pair's component_values), not
    # computed again; positional: Match is built for every shown vacancy.
    return Match(
        facts.vacancy.id,
        score,
        dict(zip(COMPONENTS, values, strict=True)),
        _reasons(facts, _Judged.of(facts.participant, values)),
        warnings(facts),
        facts.km if distance_km is None else distance_km,
    )
