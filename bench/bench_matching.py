"""Benchmark of the matching engines and the allocation; prints figures, asserts nothing.

Run with ``python bench/bench_matching.py`` (a few minutes on 2 cores; ``--quick``
for small sizes, ``--detail`` for the older per-size sections too,
``--command-line-only`` for row 1 alone, ``--engine-rows`` for rows 2-4 alone,
``--allocate-only`` for row 4 alone). It prints the
rows of issue 18's table that belong to the matching library, each with the load
average beside it, since the machine is shared:

1. ``python -m matching rank``, 20 participants x 10k vacancies, whole process
   (a subprocess, wall clock and its CPU time), fast and reference engine, warm
   (``--vectors``): with the same vacancy file (the stored fit is loaded) and with
   one vacancy's title changed (fitted again); then where each engine's CPU goes,
   step by step, the rank step's ratio (the one step in which the engines differ),
   and the most the whole-process ratio could be with a fast rank step of zero;
2. ``Ranker.fit`` on 50k vacancies;
3. ranking 50k fitted vacancies for one participant, limit 50 (median): without
   the semantic signal, and with it for people new to the process, the same
   people again, people whose interests and note are all new, and the
   realistic mix of common interests and a new note (:func:`rows_rank_semantic`);
   the heap is frozen after the fit (``gc.freeze()``, as production does) and the
   collector's runs during the timed rankings are printed beside the figure;
4. ``allocate`` for 1k participants over 1k vacancies (fit, scoring and solving).

Rows 5 and 6 (one edit, RSS of the workers) come from ``bench/bench_index.py``
when it is present (see :data:`OTHER_ROW_MODULES`); row 7 is ``./dev test``'s own
time. Synthetic but realistic profiles around Nijmegen/Wijchen are generated with
a fixed seed.
"""

from __future__ import annotations

import argparse
import copy
import gc
import importlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching import (  # noqa: E402 - the path above makes the checkout importable
    Participant,
    Ranker,
    Vacancy,
    allocate,
    load_participants,
    load_vacancies,
)
from matching.text import huge_pages_off  # noqa: E402
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


# --------------------------------------------------------------------------- issue 18's rows

#: Benchmarks that print further rows of the table: each module, when present
#: under bench/, has ``table_rows(quick: bool) -> None`` printing its rows with
#: :func:`row` (rows 5 and 6: one edit, RSS of the workers).
OTHER_ROW_MODULES = ("bench_index",)


def load_text() -> str:
    """The load average now, as printed beside every figure."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}/{fifteen:.2f}"


def row(label: str, figure: str, target: str) -> None:
    """Print one row of the table, with the load average when it was measured."""
    print(f"| {label} | {figure} | {target} | {load_text()} |", flush=True)


def cpu_and_wall(function: Callable[[], T]) -> tuple[float, float, T]:
    """Wall and CPU seconds (this process) of one call, and its result."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def run_command_line(arguments: list[str], environment: dict[str, str] | None = None
                     ) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one ``python -m matching`` process
    (``environment``: its variables, default this process's with PYTHONPATH set)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "matching", *arguments], check=True, cwd=ROOT,
        stdout=subprocess.DEVNULL,
        env=environment or {**os.environ, "PYTHONPATH": str(ROOT)},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _median_runs(arguments: list[str], runs: int, before: Callable[[], Any] = lambda: None,
                 environment: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` processes (``before`` is called before each,
    untimed)."""
    timings = []
    for _ in range(runs):
        before()
        timings.append(run_command_line(arguments, environment))
    return (statistics.median(wall for wall, _ in timings),
            statistics.median(cpu for _, cpu in timings))


def _one_title_changed(vacancy_file: Path, changed_file: Path) -> None:
    """A copy of the vacancy file in which one vacancy has another title."""
    records = json.loads(vacancy_file.read_text(encoding="utf-8"))
    records[len(records) // 2]["title"] += " (gewijzigd)"
    changed_file.write_text(json.dumps(records), encoding="utf-8")


def _forget_stored_fits(vectors: Path, keep: set[Path]) -> None:
    """Remove the fitted indexes the command stored except ``keep``; every text vector stays."""
    for path in set(vectors.glob("fitted-*.fit")) - keep:
        path.unlink()


def row_command_line(n_people: int, n_vacancies: int, runs: int,
                     vectors_from: Path | None = None) -> None:
    """Row 1: the whole process, start to JSON on stdout, both engines.

    Warm runs keep the text vectors in ``--vectors``; there the command also stores
    its fitted index (matching.stored). Two warm conditions are timed: the same
    vacancy file again (the stored fit is loaded), and a file with one vacancy's
    title changed (its vector stored by a first run, the fitted index removed before
    each run: every run fits and stores the fit again). ``vectors_from``: a copy of
    this directory is the starting ``--vectors`` (it must hold these vacancies' vectors
    for the first run to be warm; embedding 10k texts takes minutes).
    """
    with tempfile.TemporaryDirectory() as folder:
        people_file, vacancy_file = Path(folder, "P.json"), Path(folder, "V.json")
        rng = random.Random(2)
        people_file.write_text(json.dumps(
            [participant_record(rng, i) for i in range(n_people)]), encoding="utf-8")
        rng = random.Random(1)
        vacancy_file.write_text(json.dumps(
            [vacancy_record(rng, i) for i in range(n_vacancies)]), encoding="utf-8")
        changed_file = Path(folder, "V-changed.json")
        _one_title_changed(vacancy_file, changed_file)
        vectors = Path(folder, "vectors")
        if vectors_from is not None:
            shutil.copytree(vectors_from, vectors)
            for path in vectors.glob("fitted-*.fit"):
                path.unlink()  # the first run fits
        # The semantic signal embeds every vacancy text once; --vectors keeps them, as
        # the web app's index does, so the timed runs are the warm ones.
        store = ["--vectors", str(vectors)]
        people = ["rank", "--participant", str(people_file)]
        same = [*people, "--vacancies", str(vacancy_file), *store]
        changed = [*people, "--vacancies", str(changed_file), *store]
        label = f"`python -m matching rank`, {n_people} x {n_vacancies:,}, whole process"
        cold_wall, cold_cpu = run_command_line(same)
        what = ("vectors copied from --vectors-from" if vectors_from is not None
                else "embeds every vacancy text")
        row(f"{label}, fast engine, first run ({what}; fits, stores the fit)",
            f"{cold_wall:.2f} s wall (CPU {cold_cpu:.2f} s)", "-")
        first_wall, first_cpu = run_command_line(changed)
        row(f"{label}, fast engine, first run after one vacancy's title changed (embeds "
            "that text: loads the model; fits, stores the fit)",
            f"{first_wall:.2f} s wall (CPU {first_cpu:.2f} s)", "-")
        # That run added a vector shard, which is part of every key: the same file is
        # fitted and stored once more (untimed), and that fit is kept throughout.
        for path in vectors.glob("fitted-*.fit"):
            path.unlink()
        run_command_line(same)
        same_fit = set(vectors.glob("fitted-*.fit"))
        conditions = (
            ("warm: same vacancy file, stored fit loaded", same, lambda: None),
            ("warm: one title changed, vectors all stored, fitted again (and stored)",
             changed, lambda: _forget_stored_fits(vectors, same_fit)),
        )
        for name, arguments, before in conditions:
            fast_wall, fast_cpu = _median_runs(arguments, runs, before)
            row(f"{label}, {name}, fast engine", f"{fast_wall:.2f} s wall "
                f"(CPU {fast_cpu:.2f} s), median of {runs}", "<= 1 s")
            reference_wall, reference_cpu = _median_runs(
                [*arguments, "--engine", "reference"], runs, before)
            row(f"{label}, {name}, reference engine", f"{reference_wall:.2f} s wall "
                f"(CPU {reference_cpu:.2f} s), median of {runs}", "-")
            row(f"{label}, {name}, reference / fast", f"{reference_wall / fast_wall:.1f}x "
                f"wall, {reference_cpu / fast_cpu:.1f}x CPU", ">= 15x")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            # Then every run above compiled the matching package from source (its
            # bytecode is never written): once more with bytecode kept, as installed.
            cached = {name: value for name, value in os.environ.items()
                      if name != "PYTHONDONTWRITEBYTECODE"}
            cached.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(Path(folder, "pyc")))
            run_command_line(same, cached)  # writes the bytecode
            cached_wall, cached_cpu = _median_runs(same, runs, environment=cached)
            row(f"{label}, warm: same vacancy file, stored fit loaded, fast engine, bytecode "
                "kept (PYTHONDONTWRITEBYTECODE is set here: the rows above compile the "
                "package every run)",
                f"{cached_wall:.2f} s wall (CPU {cached_cpu:.2f} s), median of {runs}", "<= 1 s")
        row(f"{label}, warm, same vacancy file, fast engine, where its CPU goes (one run, "
            "the steps of the command timed inside one process)", _steps_text(_steps(same)), "-")
        rows_rank_step(label, same, cached if os.environ.get("PYTHONDONTWRITEBYTECODE")
                       else None)
        _forget_stored_fits(vectors, same_fit)
        row(f"{label}, warm, one title changed, fitted again, fast engine, where its CPU "
            "goes (one run, as above)", _steps_text(_steps(changed)), "-")
        # What both engines pay whatever the ranking costs (start, imports, reading,
        # validation, loading the stored fit): it bounds the ratio above.
        one_file = Path(folder, "P1.json")
        one_file.write_text(json.dumps(json.loads(people_file.read_text())[:1]), encoding="utf-8")
        one_wall, one_cpu = _median_runs(
            ["rank", "--participant", str(one_file), "--vacancies", str(vacancy_file), *store],
            runs)
        row(f"`python -m matching rank`, 1 x {n_vacancies:,}, whole process, warm (stored "
            "fit), fast engine (the part both engines pay)",
            f"{one_wall:.2f} s wall (CPU {one_cpu:.2f} s), median of {runs}", "-")


#: The steps of ``python -m matching rank`` in the order the command runs them,
#: each timed by its CPU (process_time) in a fresh process; prints a JSON object.
_STEPS_SCRIPT = """
import json, os, sys, time
# As python -m matching does before numpy loads (matching/__main__.py's top).
if not any(os.environ.get(name) for name in
           ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")):
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
marks = [("start", time.process_time())]
def mark(step):
    marks.append((step, time.process_time()))
import matching.__main__ as command
mark("imports")
args = command._parser().parse_args(sys.argv[1:])
command.huge_pages_off()
with command.collector_paused(), command.one_blas_thread():
    files = command._read(args.participant, args.vacancies)
    mark("reading JSON")
    ranker = command._ranker(args, args.engine)
    mark("opening the vector directory")
    found = command._found(args, ranker, files)
    mark("hashing, finding the stored fit")
    people, places = command._checked(files, None, vacancies_valid=found is not None)
    mark("validating and loading" if found is None else
         "validating the participants, converting the vacancies")
    import scipy.sparse
    mark("importing scipy.sparse")
    ranker = command._fitted(args, ranker, files, places, found)
    mark("fit and storing it" if found is None else "loading the stored fit")
    rankings = [ranker.rank(person, limit=args.limit) for person in people]
    mark("rank (with reasons)")
    write = command._RankingWriter()
    pieces = []
    for ranking in rankings:
        write.extend(pieces, ranking)
    printed = [piece.encode() for piece in pieces]  # as standard output encodes them
    mark("writing")
print(json.dumps({step: round(at - marks[i][1], 3) for i, (step, at) in enumerate(marks[1:])}))
"""


#: The step of :data:`_STEPS_SCRIPT` in which the two engines differ.
RANK_STEP = "rank (with reasons)"


def _steps(arguments: list[str], environment: dict[str, str] | None = None
           ) -> dict[str, float]:
    """CPU seconds of each step of the command (start-up before the imports not included)."""
    done = subprocess.run(
        [sys.executable, "-c", _STEPS_SCRIPT, *arguments], check=True, cwd=ROOT,
        capture_output=True, text=True,
        env={**(os.environ if environment is None else environment), "PYTHONPATH": str(ROOT)})
    steps: dict[str, float] = json.loads(done.stdout)
    return steps


def _steps_text(steps: dict[str, float]) -> str:
    return ", ".join(f"{step} {seconds:.2f} s" for step, seconds in steps.items()) + " (CPU)"


def rows_rank_step(label: str, same: list[str], environment: dict[str, str] | None) -> None:
    """Where each engine's CPU goes, and what that means for the whole-process ratio.

    Everything but the rank step is the same code for both engines. With a fast rank
    step of zero, the whole-process ratio would still be at most (shared + reference
    rank) / shared: the bound printed, against the target of 15x. ``environment``:
    the one with bytecode kept, when this one compiles the package every run (the
    bound as favourable as an installed package makes it).
    """
    fast = _steps(same, environment)
    reference = _steps([*same, "--engine", "reference"], environment)
    kept = "" if environment is None else ", bytecode kept"
    row(f"{label}, warm, same vacancy file{kept}, fast engine, where its CPU goes (one "
        "run, as above)", _steps_text(fast), "-")
    row(f"{label}, warm, same vacancy file{kept}, reference engine, where its CPU goes "
        "(one run, as above)", _steps_text(reference), "-")
    shared = sum(seconds for step, seconds in fast.items() if step != RANK_STEP)
    row(f"{label}, the rank step alone (what the engines differ in), reference / fast",
        f"{reference[RANK_STEP] / fast[RANK_STEP]:.1f}x CPU ({reference[RANK_STEP]:.2f} s / "
        f"{fast[RANK_STEP]:.2f} s)", "-")
    row(f"{label}, the most reference / fast could be through the whole process if the "
        "fast rank step took no time (both engines' shared steps as measured)",
        f"{(shared + reference[RANK_STEP]) / shared:.1f}x CPU (shared {shared:.2f} s, "
        "start-up before the imports not counted)", ">= 15x")


def row_fit(n: int, runs: int) -> Ranker:
    """Row 2: fitting the index (TF-IDF, tags, columns)."""
    pool = vacancies(n)
    # The row's condition: every text vector stored (a first fit embeds them); imports
    # (scipy) are not part of a fit either. With --quick's one run this matters.
    Ranker().fit(pool)
    measured = [cpu_and_wall(lambda: Ranker().fit(pool)) for _ in range(runs)]
    wall = statistics.median(m[0] for m in measured)
    cpu = statistics.median(m[1] for m in measured)
    row(f"`Ranker.fit`, {n:,} vacancies", f"{wall:.2f} s wall (CPU {cpu:.2f} s), "
        f"median of {runs}", "<= 1 s")
    fitted: Ranker = measured[-1][2]
    return fitted


def row_rank(fitted: Ranker, people: tuple[Participant, ...], signal: str, target: str) -> None:
    """Row 3: one participant against the fitted index, limit 50."""
    for person in people[:10]:
        fitted.rank(person, limit=50)  # warm the per-interest tag and query caches
    print_rank_row(fitted, people[:200], f"{signal} the semantic signal (heap frozen after "
                   "the fit, as in production)", target)


class Collections:
    """Counts the cyclic collector's runs per generation while it is entered."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0]

    def _count(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.counts[info["generation"]] += 1

    def __enter__(self) -> Collections:
        gc.callbacks.append(self._count)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._count)

    def __str__(self) -> str:
        young, middle, full = self.counts
        return f"collections {young}/{middle}/{full} (generation 0/1/2)"


def print_rank_row(fitted: Ranker, people: tuple[Participant, ...], label: str, target: str,
                   before: Callable[[Participant], None] | None = None) -> None:
    """Rank each person once (limit 50) and print the median; ``before`` runs untimed first.

    Each ranking is dropped once timed, as a web request drops it after its page: kept,
    200 rankings of 50 matches would be what the collector walks, not the ranking.
    The collector's runs during the timed rankings are printed with the figure.
    """
    measured = []
    with Collections() as collections:
        for person in people:
            if before is not None:
                before(person)
            wall, cpu, _ = cpu_and_wall(lambda p=person: fitted.rank(p, limit=50))
            measured.append((wall, cpu))
    walls = sorted(m[0] for m in measured)
    cpu = statistics.median(m[1] for m in measured)
    n = len(fitted.vacancies_)
    row(f"rank {n:,} once fitted, limit 50, {label}",
        f"{statistics.median(walls) * 1000:.2f} ms median wall (CPU {cpu * 1000:.2f} ms), "
        f"p90 {walls[int(0.9 * len(walls))] * 1000:.2f} ms, {len(walls)} participants; "
        f"{collections}", target)


def forget_texts(person: Participant, *, interests: bool = True) -> None:
    """Take a person's note (and interests) out of the process's vectors: unseen again.

    Her ranking's vacancy phrases stay: what the figure measures is her own texts.
    """
    from matching import semantic

    texts = [i.strip() for i in person.interests if i.strip()] if interests else []
    texts += [person.experience.strip()] if person.experience.strip() else []
    for text in texts:
        semantic._memory.pop(semantic.text_key(semantic.QUERY_KIND, text), None)


def rows_rank_semantic(fitted: Ranker, people: tuple[Participant, ...]) -> None:
    """Row 3 with the semantic signal, for people new and known to the process.

    The generated interests come from a vocabulary of 20 words and each note is
    new words; the vacancies' phrases that a reason may quote are embedded the
    first time one of their vacancies is shown, then kept.
    """
    for person in people[800:1000]:
        fitted.rank(person, limit=50)  # the common interests seen, as on a running site
    group = people[:200]
    print_rank_row(fitted, group, "with the semantic signal, people the process has not seen "
                   "(note and the shown vacancies' phrases embedded now)", "<= 8 ms")
    print_rank_row(fitted, group, "with the semantic signal, the same people again "
                   "(every text stored)", "-")
    print_rank_row(fitted, group, "with the semantic signal, her interests and note all "
                   "unseen (vacancy phrases stored)", "<= 8 ms", before=forget_texts)
    print_rank_row(fitted, group, "with the semantic signal, realistic mix: interests from "
                   "the common vocabulary, note unseen (vacancy phrases stored)", "<= 8 ms",
                   before=lambda p: forget_texts(p, interests=False))


def row_allocate(n_people: int, n_vacancies: int, people: tuple[Participant, ...],
                 runs: int) -> None:
    """Row 4: allocation, fit and scoring included."""
    pool = vacancies(n_vacancies, seed=3)
    group = people[:n_people]
    # Imports (scipy) and embedding the texts the first time are not part of an allocation.
    allocate(group, pool)
    measured = [cpu_and_wall(lambda: allocate(group, pool)) for _ in range(runs)]
    wall = statistics.median(m[0] for m in measured)
    cpu = statistics.median(m[1] for m in measured)
    result = measured[-1][2]
    # The fastest run too: on a shared machine the median mostly measures the others.
    row(f"allocate {n_people:,} x {n_vacancies:,}",
        f"{wall:.2f} s wall (CPU {cpu:.2f} s), median of {runs}, fastest "
        f"{min(m[0] for m in measured):.2f} s; "
        f"{len(result.assignments):,} assigned, total {result.total_score:.3f}", "<= 0.3 s")


def other_rows(quick: bool) -> None:
    """Rows measured by other benchmark modules, when this checkout has them."""
    for name in OTHER_ROW_MODULES:
        if not Path(__file__).with_name(f"{name}.py").exists():
            print(f"(bench/{name}.py is not in this checkout: its rows are not printed)")
            continue
        sys.path.insert(0, str(Path(__file__).parent))
        module = importlib.import_module(name)
        if not hasattr(module, "table_rows"):
            # bench_index starts its own servers and databases: run it on its own.
            print(f"(rows 5-6: `python bench/{name}.py edits` and `... memory` print them)")
            continue
        module.table_rows(quick)


def engine_rows(quick: bool, people: tuple[Participant, ...]) -> None:
    """Rows 2-4: fit, rank (without and with the semantic signal), allocate."""
    fitted = row_fit(2_000, runs=1) if quick else row_fit(50_000, runs=3)
    plain = Ranker(semantic=False).fit(fitted.vacancies_)
    # As production after its fit (marketplace/wsgi.py before the fork, the command line
    # after loading): the fitted indexes leave the collector's reach, so a collection
    # during a ranking walks what the ranking made, not every vacancy of both indexes.
    gc.freeze()
    row_rank(plain, people, "without", "<= 3 ms")
    rows_rank_semantic(fitted, people)
    if quick:
        row_allocate(100, 100, people, runs=1)
    else:
        row_allocate(1_000, 1_000, people, runs=5)


def table(quick: bool, people: tuple[Participant, ...], vectors_from: Path | None = None
          ) -> None:
    """Issue 18's table, the rows the matching library answers for."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs ({cpu}); wall clock is "
          "what a user waits, CPU time what the work costs on a busy machine")
    print("| figure | measured | target | load average (1/5/15 min) |")
    print("|---|---|---|---|")
    if quick:
        row_command_line(5, 1_000, runs=1, vectors_from=vectors_from)
    else:
        row_command_line(20, 10_000, runs=5, vectors_from=vectors_from)
    engine_rows(quick, people)
    other_rows(quick)
    print("| `./dev test` | run `./dev test` and read its own timing | <= 10 min | - |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--detail", action="store_true",
                        help="also the per-size sections (peak memory, reference ratios)")
    parser.add_argument("--command-line-only", action="store_true",
                        help="only row 1, the whole `python -m matching rank` process "
                             "(20 x 10k, or 5 x 1k with --quick)")
    parser.add_argument("--vectors-from", type=Path, metavar="DIR",
                        help="row 1 starts from a copy of this --vectors directory (one "
                             "that holds the vectors of row 1's vacancies saves embedding "
                             "them all first)")
    parser.add_argument("--engine-rows", action="store_true",
                        help="only rows 2-4: fit, rank once fitted, allocate (in process)")
    parser.add_argument("--allocate-only", action="store_true",
                        help="only row 4: allocate 1k x 1k (100 x 100 with --quick)")
    args = parser.parse_args()
    # As the command line and the web server do (matching.text.huge_pages_off): on
    # this machine's kernel the hint makes a refit beside a held index wait for page
    # compaction (row 2: 1.2 s wall with it, 0.8 s without).
    huge_pages_off()
    if args.allocate_only:
        print("| figure | measured | target | load average (1/5/15 min) |")
        print("|---|---|---|---|")
        if args.quick:
            row_allocate(100, 100, participants(100), runs=1)
        else:
            row_allocate(1_000, 1_000, participants(1_000), runs=5)
        return
    if args.engine_rows:
        print("| figure | measured | target | load average (1/5/15 min) |")
        print("|---|---|---|---|")
        engine_rows(args.quick, participants(1_000))
        return
    if args.command_line_only:
        print("| figure | measured | target | load average (1/5/15 min) |")
        print("|---|---|---|---|")
        if args.quick:
            row_command_line(5, 1_000, runs=1, vectors_from=args.vectors_from)
        else:
            row_command_line(20, 10_000, runs=5, vectors_from=args.vectors_from)
        return
    people = participants(1_000)
    table(args.quick, people, args.vectors_from)
    if not args.detail:
        return
    sizes = (1_000, 2_000) if args.quick else (1_000, 10_000, 50_000)
    print(f"\nPython {sys.version.split()[0]}; sizes {sizes}")
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
