"""Which compiled validator checks profile lists fastest; prints figures, asserts nothing.

Run with ``python bench/bench_validators.py``. Compares, on 10k synthetic vacancy
records (bench_matching's generator): the detailed checker (jsonschema, record by
record, as before), jsonschema-rs and fastjsonschema compiled from the packaged
schema, and msgspec, which needs the schema written again as types (a second
definition of every rule, so it was not chosen; the mirror below is for measuring
only). Libraries that are not installed are skipped. matching/profiles.py uses
jsonschema-rs.
"""

# No "from __future__ import annotations": msgspec reads the mirror's annotations as
# objects, and they name types local to msgspec_check.
import importlib.util
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_matching import vacancy_record  # noqa: E402

from matching.profiles import _validator, schema  # noqa: E402
from matching.types import DAYPARTS  # noqa: E402


def best_of(function: Callable[[], Any], runs: int = 5) -> float:
    """Fastest of a few runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def report(name: str, seconds: float) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"{name:48} {seconds * 1000:9.1f} ms   load {one:.2f}/{five:.2f}/{fifteen:.2f}",
          flush=True)


def msgspec_check(records: list[dict[str, Any]]) -> Callable[[], Any]:
    """A msgspec mirror of the vacancy schema (measuring only; not the contract)."""
    import msgspec

    POSTCODE = "^[1-9][0-9]{3} ?([A-Za-z]{2})?$"  # noqa: N806 - as in the schema
    cefr = Literal["A0", "A1", "A2", "B1", "B2", "C1", "C2"]
    daypart = Literal[tuple(DAYPARTS)]  # type: ignore[valid-type]

    class Skills(msgspec.Struct, forbid_unknown_fields=True):
        speaking: cefr | None = None
        listening: cefr | None = None
        reading: cefr | None = None
        writing: cefr | None = None

    class Point(msgspec.Struct):
        lat: Annotated[float, msgspec.Meta(ge=-90, le=90)]
        lon: Annotated[float, msgspec.Meta(ge=-180, le=180)]

    class Hours(msgspec.Struct):
        min: Annotated[float, msgspec.Meta(ge=0, le=60)]
        max: Annotated[float, msgspec.Meta(ge=0, le=60)]

    class Care(msgspec.Struct):
        offered: bool = False
        children_welcome: bool = False

    class VacancyRecord(msgspec.Struct):
        id: Annotated[str, msgspec.Meta(min_length=1)]
        type: Literal["vrijwilligerswerk", "taalstage", "werkervaringsplaats"]
        title: Annotated[str, msgspec.Meta(min_length=1)]
        schedule: list[daypart]  # type: ignore[valid-type]
        capacity: Annotated[int, msgspec.Meta(ge=1)]
        organisation: str = ""
        description: str = ""
        tags: list[str] = []
        postcode: Annotated[str, msgspec.Meta(pattern=POSTCODE)] | None = None
        location: Point | None = None
        remote: bool = False
        dayparts_needed: Annotated[int, msgspec.Meta(ge=1)] | None = None
        hours_per_week: Hours | None = None
        filled: Annotated[int, msgspec.Meta(ge=0)] = 0
        language_min: Skills | None = None
        language_rich: bool = False
        language_support: bool = False
        other_languages: list[Annotated[str, msgspec.Meta(pattern="^[a-z]{2}$")]] = []
        literacy_required: bool = False
        childcare: Care | None = None
        women_only: bool = False
        physical_load: Literal["light", "medium", "heavy"] = "light"
        duration_weeks: Annotated[int, msgspec.Meta(ge=1)] | None = None
        status: Literal["draft", "review", "published", "closed"] | None = None

    return lambda: msgspec.convert(records, list[VacancyRecord])


def main() -> None:
    rng = random.Random(1)
    records = [vacancy_record(rng, i) for i in range(10_000)]
    as_list = {**schema(), "type": "array", "items": {"$ref": "#/$defs/vacancy"}}
    size = len(json.dumps(records)) / 2**20
    print(f"Python {sys.version.split()[0]}; 10,000 vacancy records ({size:.1f} MiB as JSON)")
    detailed = _validator("vacancy")
    report("jsonschema, detailed, record by record", best_of(
        lambda: [list(detailed.iter_errors(r)) for r in records], runs=1))
    if importlib.util.find_spec("jsonschema_rs"):
        import jsonschema_rs

        compiled = jsonschema_rs.Draft202012Validator(as_list)
        report("jsonschema-rs is_valid (chosen)", best_of(lambda: compiled.is_valid(records)))
    if importlib.util.find_spec("fastjsonschema"):
        import fastjsonschema

        generated = fastjsonschema.compile(as_list)
        report("fastjsonschema", best_of(lambda: generated(records)))
    if importlib.util.find_spec("msgspec"):
        report("msgspec convert (a mirror of the schema)", best_of(msgspec_check(records)))


if __name__ == "__main__":
    main()
