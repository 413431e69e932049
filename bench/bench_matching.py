"""Benchmark of the matching engines and the allocation; prints figures, asserts nothing.

Run with ``python bench/bench_matching.py`` (about two minutes on 2 cores).
Synthetic but realistic profiles around Nijmegen/Wijchen are generated with a
fixed seed. Targets (measured, not enforced): ranking 50k vacancies for one
participant once fitted <= 20 ms median (limit 50); fast >= 50x reference on
10k vacancies; allocation of 1k participants over 1k vacancies <= 2 s.
"""

from __future__ import annotations

import argparse
import copy
import gc
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching import (  # noqa: E402 - the path above makes the checkout importable
    Participant,
    Ranker,
    Vacancy,
    allocate,
    load_participants,
    load_vacancies,
)
from matching.types import DAYPARTS  # noqa: E402

T = TypeVar("T")

TAGS = (
    "koken", "schoonmaak", "zorg", "ouderenzorg", "kinderopvang", "techniek", "fietsreparatie",
    "tuin", "groenonderhoud", "winkel", "kassa", "magazijn", "logistiek", "administratie",
    "computers", "taalcafe", "sport", "muziek", "kleding", "naaien", "bouw", "schilderen",
    "dieren", "horeca", "bediening", "bakkerij", "voedselbank", "kringloop", "vervoer",
    "chauffeur", "evenementen", "onderwijs", "bibliotheek", "receptie", "beveiliging",
)
INTERESTS = (
    "koken", "kok", "fietsen repareren", "zorg", "ouderen", "kinderen", "tuinieren", "techniek",
    "winkel", "computer", "sport", "muziek", "naaien", "schilderen", "dieren", "bakken",
    "schoonmaken", "auto", "administratie", "taal",
)
# Vacancy prose: Dutch function words (dropped by the index) mixed with content
# words drawn with Zipf-like frequencies, as in real texts.
FUNCTION_WORDS = (
    "de", "het", "een", "en", "van", "in", "op", "te", "met", "voor", "je", "wij", "we", "ons",
    "onze", "bij", "aan", "is", "zijn", "om", "die", "dat", "niet", "ook", "naar", "als", "er",
)
CONTENT_WORDS = tuple("""
zoeken enthousiaste vrijwilliger team wijk helpt bezoekers klanten collega samen werken
buurthuis gezellig leren nederlands spreken ervaring nodig begeleiding werkplek ochtend middag
keuken fietsen tuin ouderen kinderen maaltijd bereiden afwassen opruimen schoonmaken ramen
vloeren stofzuigen boodschappen winkel kassa afrekenen vakken vullen magazijn dozen sorteren
kleding sorteren ophangen prijzen kringloopwinkel meubels repareren schilderen muren hout
gereedschap fietsenmaker banden plakken remmen verlichting onderdelen monteren techniek
computer typen administratie archief post telefoon receptie gasten ontvangen koffie thee
schenken bediening terras restaurant bakkerij brood deeg oven taart verkoop markt kraam
groente fruit voedselbank pakketten uitdelen chauffeur bus rijbewijs vervoer rolstoel
wandelen activiteiten spelletjes zingen muziek sport bewegen zwembad voetbal trainen jeugd
school huiswerk voorlezen bibliotheek boeken taalcafe gesprek oefenen praten luisteren
zorgcentrum bewoners verzorging helpen eten drinken dieren kinderboerderij geiten voeren
stallen uitmesten hooi groen snoeien maaien planten zaaien oogsten moestuin kas bloemen
naaien naaimachine stof patronen kleding herstellen evenementen opbouwen afbreken podium
decor festival beveiliging toezicht parkeren verkeer regelaar wijkcentrum vrouwengroep
moeders peuters opvang spelen knutselen tekenen verven creatief atelier handwerk haken breien
""".split())
TYPES = ("vrijwilligerswerk", "taalstage", "werkervaringsplaats")
LEVELS = ("A0", "A1", "A2", "B1", "B2")


_ZIPF = [1.0 / (rank + 1) for rank in range(len(CONTENT_WORDS))]


def _words(rng: random.Random, n: int) -> str:
    """``n`` words of plausible Dutch prose: about a third function words."""
    words = [
        rng.choice(FUNCTION_WORDS) if rng.random() < 0.35
        else rng.choices(CONTENT_WORDS, weights=_ZIPF)[0]
        for _ in range(n)
    ]
    return " ".join(words)


def _point(rng: random.Random) -> dict[str, float]:
    return {"lat": rng.uniform(51.70, 51.95), "lon": rng.uniform(5.55, 6.05)}


def vacancy_record(rng: random.Random, index: int) -> dict[str, Any]:
    """One random but plausible vacancy record."""
    tags = rng.sample(TAGS, rng.randint(1, 3))
    low = rng.choice((2, 4, 6, 8, 12, 16))
    schedule = rng.sample(DAYPARTS[:15], rng.randint(1, 5))
    record: dict[str, Any] = {
        "id": f"v-{index:06d}", "organisation": f"Organisatie {index % 500}",
        "type": rng.choice(TYPES), "title": f"{tags[0].capitalize()} {_words(rng, 1)}",
        "description": _words(rng, rng.randint(15, 40)),
        "tags": tags, "location": _point(rng), "remote": rng.random() < 0.03,
        "schedule": schedule, "dayparts_needed": rng.choice((None, 1, len(schedule))),
        "hours_per_week": {"min": low, "max": low + rng.choice((0, 4, 8))},
        "capacity": rng.randint(1, 3), "filled": rng.choice((0, 0, 0, 1)),
        "language_min": {"speaking": rng.choice(LEVELS[:4])},
        "language_rich": rng.random() < 0.4, "language_support": rng.random() < 0.3,
        "literacy_required": rng.random() < 0.2,
        "childcare": {"offered": rng.random() < 0.1, "children_welcome": rng.random() < 0.1},
        "women_only": rng.random() < 0.05,
        "physical_load": rng.choice(("light", "medium", "heavy")),
        "status": "published" if rng.random() < 0.9 else "closed",
    }
    return record


def participant_record(rng: random.Random, index: int) -> dict[str, Any]:
    """One random but plausible participant record."""
    available = rng.sample(DAYPARTS[:15], rng.randint(4, 12))
    low = rng.choice((4, 8, 12))
    return {
        "id": f"p-{index:05d}", "location": _point(rng),
        "max_travel_km": rng.choice((3, 5, 10, 15, 25)),
        "languages": {"nl": {"speaking": rng.choice(LEVELS), "reading": rng.choice(LEVELS)}},
        "literate_latin": rng.random() < 0.8, "route": rng.choice(("B1", "onderwijs", "Z", None)),
        "interests": rng.sample(INTERESTS, rng.randint(1, 3)),
        "experience": _words(rng, rng.randint(0, 15)),
        "availability": available, "lessons": rng.sample(available, min(2, len(available))),
        "childcare_needed": rng.sample(DAYPARTS[:15], rng.randint(0, 3)),
        "hours_per_week": {"min": low, "max": low + rng.choice((4, 8, 12))},
        "gender": rng.choice(("f", "m", None)), "women_only": rng.random() < 0.05,
        "max_physical_load": rng.choice(("light", "medium", "heavy")),
        "ladder_step": rng.randint(1, 5),
    }


def vacancies(n: int, seed: int = 1) -> tuple[Vacancy, ...]:
    """``n`` synthetic vacancies, validated and loaded like real input."""
    rng = random.Random(seed)
    return load_vacancies([vacancy_record(rng, i) for i in range(n)])


def participants(n: int, seed: int = 2) -> tuple[Participant, ...]:
    """``n`` synthetic participants, validated and loaded like real input."""
    rng = random.Random(seed)
    return load_participants([participant_record(rng, i) for i in range(n)])


def timed(function: Callable[[], T]) -> tuple[float, T]:
    """Wall time in seconds and the result of one call."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def peak_mib(function: Callable[[], Any]) -> float:
    """Peak memory traced by tracemalloc during one call, in MiB."""
    gc.collect()
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def bench_single(n: int, people: tuple[Participant, ...]) -> None:
    """One participant against ``n`` vacancies."""
    pool = vacancies(n)
    fit_time, fast = timed(lambda: Ranker().fit(pool))
    # The reference engine shares the fitted index: only ranking differs.
    reference = copy.copy(fast)
    reference.engine = "reference"
    fast.rank(people[0], limit=50)  # warm caches (tag similarities per interest)
    times = [timed(lambda p=p: fast.rank(p, limit=50))[0] for p in people[:50]]
    fast_median = statistics.median(times)
    all_median = statistics.median(timed(lambda p=p: fast.rank(p))[0] for p in people[:5])
    memory = peak_mib(lambda: fast.rank(people[0], limit=50))
    print(f"\n== 1 participant x {n:,} vacancies")
    if n <= 10_000:
        fit_memory = f"peak {peak_mib(lambda: Ranker().fit(pool)):7.1f} MiB"
    else:
        fit_memory = "peak not traced (too slow under tracemalloc; see process RSS)"
    print(f"  fit (index, once)          {fit_time:9.2f} s   {fit_memory}")
    print(f"  fast rank, limit=50        {ms(fast_median)}  median of {len(times)} participants"
          f", p90 {ms(sorted(times)[int(0.9 * len(times))])}   peak {memory:7.1f} MiB")
    print(f"  fast rank, all ranked      {ms(all_median)}  median of 5")
    runs = 3 if n <= 10_000 else 1
    ref_time = statistics.median(
        timed(lambda p=p: reference.rank(p, limit=50))[0] for p in people[:runs]
    )
    ref_memory = peak_mib(lambda: reference.rank(people[0], limit=50)) if n <= 10_000 else None
    memory_text = f"peak {ref_memory:7.1f} MiB" if ref_memory is not None else "peak not traced"
    print(f"  reference rank, limit=50   {ms(ref_time)}  median of {runs}   {memory_text}")
    print(f"  ratio reference/fast       {ref_time / fast_median:9.1f} x")


def bench_many(n_people: int, n_vacancies: int, people: tuple[Participant, ...]) -> None:
    """Many participants against one fitted index."""
    pool = vacancies(n_vacancies)
    fast = Ranker().fit(pool)
    reference = copy.copy(fast)
    reference.engine = "reference"
    group = people[:n_people]
    fast_time, _ = timed(lambda: fast.rank_many(group, limit=50))
    sample = 10
    ref_time, _ = timed(lambda: reference.rank_many(group[:sample], limit=50))
    ref_total = ref_time * n_people / sample
    memory = peak_mib(lambda: fast.rank_many(group[:100], limit=50))
    print(f"\n== {n_people:,} participants x {n_vacancies:,} vacancies (index fitted once)")
    print(f"  fast, limit=50             {fast_time:9.2f} s   ({ms(fast_time / n_people)} each)"
          f"   peak {memory:7.1f} MiB (100 participants)")
    print(f"  reference, limit=50        {ref_total:9.2f} s   (estimated from {sample} "
          f"participants, {ms(ref_time / sample)} each)")
    print(f"  ratio reference/fast       {ref_total / fast_time:9.1f} x")


def bench_allocation(n_people: int, n_vacancies: int, people: tuple[Participant, ...]) -> None:
    """Capacity-constrained allocation, fit and scoring included."""
    pool = vacancies(n_vacancies, seed=3)
    group = people[:n_people]
    total, result = timed(lambda: allocate(group, pool))
    memory = peak_mib(lambda: allocate(group, pool))
    print(f"\n== allocation {n_people:,} participants x {n_vacancies:,} vacancies")
    print(f"  allocate (fit+score+solve) {total:9.2f} s   peak {memory:7.1f} MiB")
    print(f"  assigned {len(result.assignments):,}, unassigned {len(result.unassigned):,},"
          f" total score {result.total_score:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    args = parser.parse_args()
    sizes = (1_000, 2_000) if args.quick else (1_000, 10_000, 50_000)
    people = participants(1_000)
    print(f"Python {sys.version.split()[0]}; sizes {sizes}")
    for n in sizes:
        bench_single(n, people)
    if args.quick:
        bench_many(50, 2_000, people)
        bench_allocation(100, 100, people)
    else:
        bench_many(1_000, 10_000, people)
        bench_allocation(1_000, 1_000, people)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
