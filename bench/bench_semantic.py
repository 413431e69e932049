"""Benchmark of the semantic interest signal; prints figures, asserts nothing.

Run with ``python bench/bench_semantic.py [--n 50000] [--distinct 5000]``.
Vacancies come from ``bench_matching``'s generator (fixed seed); their texts
are drawn from a pool of ``--distinct`` descriptions so that the first
embedding stays within minutes on 2 shared cores (the ranking's cost does not
depend on how many texts are distinct: every vacancy has its own row).

Prints, each with the load average beside it:

* first fit: texts embedded and texts per second;
* refit from the vector directory in a fresh memory (the web index's restart);
* refit after one vacancy changed: how many texts were embedded (target: 1);
* ranking all vacancies for one participant once fitted, limit 50, median and
  p95: without the semantic signal; with it for a person seen before (as when a
  coach opens the page again); for a person whose interests and note are all
  new to the process; and for the realistic mix, interests from the common
  vocabulary and a new note (target <= 8 ms median at 50k). In the last two
  the phrases of the shown vacancies are stored already (a reason quotes
  them), so the figure is the cost of her own texts.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_matching import forget_texts, participant_record, vacancy_record  # noqa: E402

from matching import (  # noqa: E402
    Ranker,
    load_participants,
    load_vacancies,
    semantic,  # noqa: E402
)
from matching.semantic import SemanticIndex, VectorCache  # noqa: E402


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"(load {one:.2f} / {five:.2f})"


def make_vacancies(n: int, distinct: int, seed: int = 1) -> list:
    rng = random.Random(seed)
    pool = [vacancy_record(rng, i) for i in range(distinct)]
    records = []
    for i in range(n):
        record = dict(pool[i % distinct])
        record["id"] = f"v-{i:06d}"
        records.append(record)
    return load_vacancies(records)


def timed(action):  # type: ignore[no-untyped-def]
    """Result, wall seconds and CPU seconds of this process (all its threads).

    The machine is shared: wall time says how long it took here and now, CPU
    time how much work it was.
    """
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--distinct", type=int, default=5_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    vacancies = make_vacancies(args.n, args.distinct)
    rng = random.Random(7)
    people = [load_participants(participant_record(rng, i))[0] for i in range(args.queries)]
    print(f"{args.n} vacancies, {args.distinct} distinct texts, {args.queries} participants")

    with tempfile.TemporaryDirectory() as directory:
        cache = VectorCache(directory)
        ranker, seconds, cpu = timed(lambda: Ranker(vectors=cache).fit(vacancies))
        # The index's cache also embeds the background terms now (kept in the directory).
        print(f"first fit: {seconds:.1f} s ({cpu:.1f} s CPU), {cache.embedded} texts embedded "
              f"(vacancies and {len(semantic.BACKGROUND)} background terms), "
              f"{cache.embedded / seconds:.0f} per second {load()}")

        semantic._memory.clear()  # as after a restart: only the directory has the vectors
        fresh = VectorCache(directory)
        _, seconds, cpu = timed(lambda: Ranker(vectors=fresh).fit(vacancies))
        print(f"refit from the vector directory, empty memory: {seconds:.2f} s "
              f"({cpu:.2f} s CPU), {fresh.embedded} embedded {load()}")

        _, seconds, cpu = timed(lambda: SemanticIndex(fresh).fit(vacancies))
        print(f"of which the semantic index alone (vectors stored): {seconds:.2f} s "
              f"({cpu:.2f} s CPU) {load()}")

        changed = list(vacancies)
        changed[123] = dataclasses.replace(changed[123], description="Nieuwe tekst over de "
                                           "keuken van het buurthuis en de maaltijd.")
        before = fresh.embedded
        _, seconds, cpu = timed(lambda: Ranker(vectors=fresh).fit(changed))
        print(f"refit after one vacancy changed: {seconds:.2f} s ({cpu:.2f} s CPU), "
              f"{fresh.embedded - before} embedded {load()}")

    baseline = Ranker(semantic=False).fit(vacancies)
    for p in people:
        ranker.rank(p, limit=50)  # each person seen once: her texts and her reasons' phrases
        baseline.rank(p, limit=50)
    cases = (
        ("without semantic", baseline, None),
        ("with semantic, people seen", ranker, None),
        ("with semantic, interests and note all new", ranker, forget_texts),
        ("with semantic, common interests and a new note", ranker,
         lambda p: forget_texts(p, interests=False)),
    )
    for name, engine, before in cases:
        times, cpus = [], []
        for p in people:
            if before is not None:
                before(p)
            _, seconds, cpu = timed(lambda p=p, engine=engine: engine.rank(p, limit=50))
            times.append(seconds * 1000)
            cpus.append(cpu * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"rank {args.n} once fitted, {name}: median {statistics.median(times):.1f} ms, "
              f"p95 {p95:.1f} ms, CPU median {statistics.median(cpus):.1f} ms {load()}")


if __name__ == "__main__":
    main()
