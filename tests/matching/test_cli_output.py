"""The command line's fast output path prints exactly what the slow one would.

``python -m matching rank`` writes exclusions from the engine's code bitmasks
(:meth:`ExclusionList.columns`) and joins pre-encoded texts instead of building
every :class:`Exclusion` and calling ``json.dumps`` on ``Ranking.to_dict()``.
These tests hold the two paths to the same codes and the same bytes, in process
(the subprocess tests are in ``test_cli.py``), plus one run that checks what the
command imports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Ranker, load_participants, load_vacancies
from matching.__main__ import _RankingWriter, main
from matching.constraints import check, pair_distance_km
from matching.types import Exclusion, ExclusionList, exclusion_columns
from tests.matching.builders import participant_records, vacancy_lists

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Ids that JSON must escape or that ensure_ascii=False keeps as they are.
ODD_IDS = ('v-"quoted"', "v-back\\slash", "v-café", "v-☃", "v-line\u2028sep", "v-tab\t")


def with_odd_ids(records: list[dict[str, Any]], odd: bool) -> list[dict[str, Any]]:
    if not odd:
        return records
    return [{**record, "id": f"{ODD_IDS[i % len(ODD_IDS)]}-{i}"} for i, record in
            enumerate(records)]


def candidate_masks(size: int) -> st.SearchStrategy[list[bool] | None]:
    return st.one_of(st.none(), st.lists(st.booleans(), min_size=size, max_size=size))


@SETTINGS
@given(people=st.lists(participant_records(), min_size=1, max_size=3),
       vacancy_data=vacancy_lists(max_size=12), data=st.data())
def test_columns_give_the_codes_of_the_built_exclusions(
    people: list[dict[str, Any]], vacancy_data: list[dict[str, Any]], data: st.DataObject
) -> None:
    vacancies = load_vacancies(vacancy_data)
    fast = Ranker().fit(vacancies)
    by_id = {v.id: v for v in vacancies}
    for record in people:
        participant = load_participants(record)[0]
        mask = data.draw(candidate_masks(len(vacancies)))
        # Two fresh rankings: the columns are read before anything is built.
        read = fast.rank(participant, candidates=mask).excluded
        built = fast.rank(participant, candidates=mask).excluded
        assert isinstance(read, ExclusionList)
        from_columns = read.codes_by_vacancy()
        from_objects = [(item.vacancy, item.codes) for item in built]
        assert from_columns == from_objects
        assert read.to_dicts() == [item.to_dict() for item in built]
        # And both are the specification's codes, pair by pair.
        assert from_columns == [
            (vacancy, check(participant, by_id[vacancy],
                            pair_distance_km(participant, by_id[vacancy])))
            for vacancy, _ in from_columns
        ]
        found = read.columns()
        assert found.ids is fast.rank(participant).excluded.columns().ids  # encoded once


@SETTINGS
@given(people=st.lists(participant_records(), min_size=1, max_size=3),
       vacancy_data=vacancy_lists(max_size=12),
       limit=st.one_of(st.none(), st.integers(0, 3)), odd=st.booleans())
def test_the_writer_prints_what_json_dumps_prints(
    people: list[dict[str, Any]], vacancy_data: list[dict[str, Any]], limit: int | None,
    odd: bool,
) -> None:
    vacancies = load_vacancies(with_odd_ids(vacancy_data, odd))
    for engine in ("fast", "reference"):
        ranker = Ranker(engine=engine).fit(vacancies)
        write = _RankingWriter()  # one writer for all, as the command line uses it
        for record in people:
            ranking = ranker.rank(load_participants(record)[0], limit=limit)
            assert write(ranking) == json.dumps(ranking.to_dict(), ensure_ascii=False)


def test_the_writer_encodes_ids_again_after_a_refit() -> None:
    records = [{"id": name, "type": "taalstage", "title": "Kok", "schedule": [],
                "capacity": 1, "status": "closed"} for name in ("v-1", "v-2")]
    person = load_participants({"id": "p", "availability": ["mon_morning"]})[0]
    write = _RankingWriter()
    first = Ranker().fit(load_vacancies(records))
    second = Ranker().fit(load_vacancies([{**r, "id": r["id"] + "b"} for r in records]))
    for ranker in (first, second, first):
        ranking = ranker.rank(person)
        assert write(ranking) == json.dumps(ranking.to_dict(), ensure_ascii=False)
    assert "v-1b" in write(second.rank(person))


def test_columns_of_plain_exclusions_list_distinct_codes_once() -> None:
    excluded = (Exclusion("v-1", ("closed",)), Exclusion("v-2", ("capacity", "hours")),
                Exclusion("v-3", ("closed",)))
    found = exclusion_columns(excluded)
    assert found.codes == (("closed",), ("capacity", "hours"))
    assert found.which.tolist() == [0, 1, 0]
    assert [found.ids[i] for i in found.at.tolist()] == ["v-1", "v-2", "v-3"]
    assert exclusion_columns(()).at.dtype == np.int64


def test_main_prints_one_object_for_one_and_a_list_for_a_list(
    tmp_path: Path, capsys: Any
) -> None:
    places = tmp_path / "v.json"
    places.write_text(json.dumps([{"id": "v-1", "type": "taalstage", "title": "Kok",
                                   "schedule": ["tue_morning"], "capacity": 1,
                                   "status": "published"}]), encoding="utf-8")
    person = {"id": "p-1", "availability": ["mon_morning"]}
    expected = {"participant": "p-1", "ranked": [],
                "excluded": [{"vacancy": "v-1", "codes": ["schedule"]}]}
    other = {**person, "id": "p-2"}
    both = [expected, {**expected, "participant": "p-2"}]
    for given_people, printed in ((person, expected), ([person, other], both)):
        people = tmp_path / "p.json"
        people.write_text(json.dumps(given_people), encoding="utf-8")
        assert main(["rank", "--participant", str(people), "--vacancies", str(places)]) == 0
        out = capsys.readouterr().out
        assert out == json.dumps(printed, ensure_ascii=False) + "\n"


def test_rank_imports_neither_allocation_nor_scikit_learn(tmp_path: Path) -> None:
    """What ``python -m matching rank`` loads on valid input (one real process)."""
    people, places = tmp_path / "p.json", tmp_path / "v.json"
    people.write_text(json.dumps({"id": "p-1", "availability": ["mon_morning"],
                                  "interests": ["koken"]}), encoding="utf-8")
    places.write_text(json.dumps([{"id": "v-1", "type": "taalstage", "title": "Koken",
                                   "tags": ["koken"], "schedule": ["mon_morning"],
                                   "capacity": 1, "status": "published"}]), encoding="utf-8")
    script = (
        "import json, sys, runpy\n"
        f"sys.argv = ['matching', 'rank', '--participant', {str(people)!r}, "
        f"'--vacancies', {str(places)!r}]\n"
        "try:\n    runpy.run_module('matching', run_name='__main__')\n"
        "except SystemExit as done:\n    assert done.code == 0, done.code\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sklearn', 'jsonschema', 'matching', 'geopy'))), file=sys.stderr)\n"
    )
    done = python_script(script)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ranked"][0]["vacancy"] == "v-1"
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "matching.ranker" in loaded  # the check sees the command's modules
    assert not loaded & {"matching.allocation", "matching.audit", "matching.learn"}
    assert not any(name.split(".")[0] in ("sklearn", "jsonschema", "geopy") for name in loaded)


def test_import_matching_alone_imports_no_submodule() -> None:
    script = ("import sys, matching\n"
              "print(sorted(m for m in sys.modules if m.startswith(('matching.', 'numpy'))))\n"
              "print(matching.Ranker.__module__, len(dir(matching)) >= len(matching.__all__))")
    done = python_script(script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "matching.ranker True"]


#: Runs ``python -m matching`` as the interpreter runs it (runpy, as ``-m`` does), on
#: a missing file (the imports and main run all the same), then prints the
#: OPENBLAS_NUM_THREADS the process saw and the size of each OpenBLAS thread pool.
_BLAS_SEEN = (
    "import json, os, runpy, sys\n"
    "sys.argv = ['matching', 'rank', '--participant', '/nonexistent.json', "
    "'--vacancies', '/nonexistent.json']\n"
    "try:\n    runpy.run_module('matching', run_name='__main__')\n"
    "except SystemExit as done:\n    assert done.code == 2, done.code\n"
    "from threadpoolctl import threadpool_info\n"
    "print(json.dumps([os.environ.get('OPENBLAS_NUM_THREADS'), [found['num_threads'] "
    "for found in threadpool_info() if found['internal_api'] == 'openblas']]))\n"
)
_BLAS_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def python_script(script: str, environment: dict[str, str] | None = None
                  ) -> subprocess.CompletedProcess[str]:
    """``script`` run by a fresh interpreter (``python -c``), its output captured."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False, env=environment)


def without_blas_counts(**variables: str) -> dict[str, str]:
    """This environment with no BLAS thread variable set but ``variables``."""
    return {**{name: value for name, value in os.environ.items()
               if name not in _BLAS_VARIABLES}, **variables}


def blas_seen_by_the_command(**variables: str) -> tuple[str | None, list[int]]:
    """What :data:`_BLAS_SEEN` prints, run with ``variables`` and no other BLAS thread
    variable set."""
    done = python_script(_BLAS_SEEN, without_blas_counts(**variables))
    assert done.returncode == 0, done.stderr
    seen, pools = json.loads(done.stdout.strip().splitlines()[-1])
    return seen, pools


def test_the_command_starts_one_blas_thread_when_the_user_set_no_count() -> None:
    seen, pools = blas_seen_by_the_command()
    assert seen == "1"
    assert all(threads == 1 for threads in pools)  # the pool numpy loaded was one thread
    seen, _ = blas_seen_by_the_command(OPENBLAS_NUM_THREADS="")  # empty: OpenBLAS's default
    assert seen == "1"


def test_the_command_keeps_a_blas_thread_count_the_user_set() -> None:
    assert blas_seen_by_the_command(OPENBLAS_NUM_THREADS="2")[0] == "2"
    assert blas_seen_by_the_command(OMP_NUM_THREADS="2")[0] is None  # OpenBLAS reads that one
    assert blas_seen_by_the_command(GOTO_NUM_THREADS="2")[0] is None


def test_importing_the_command_leaves_the_blas_thread_count_alone() -> None:
    script = ("import os, matching.__main__\n"
              "print(os.environ.get('OPENBLAS_NUM_THREADS'))\n")
    done = python_script(script, without_blas_counts())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"


def test_the_command_ends_without_finalizing_after_the_exit_functions() -> None:
    """python -m matching ends as soon as its output is out: the exit functions run
    (the vector cache writes what it embedded), the streams are flushed, the status is
    main's, and the interpreter does not free its objects one by one."""
    script = (
        "import atexit, json, os, runpy, sys\n"
        "class Finalized:\n"
        "    def __del__(self, write=os.write):\n"  # straight to the stream: it works late
        "        write(2, b'finalized\\n')\n"
        "json.kept = Finalized()\n"  # freed when finalization clears the modules
        "atexit.register(lambda: sys.stderr.write('exit functions ran\\n'))\n"
        "sys.argv = ['matching', 'rank', '--participant', '/nonexistent.json', "
        "'--vacancies', '/nonexistent.json']\n"
        # As python -m runs it: the module is the program (sys.modules["__main__"]).
        "runpy.run_module('matching', run_name='__main__', alter_sys=True)\n"
        "sys.stderr.write('back in the script\\n')\n"
    )
    done = python_script(script)
    missing = "/nonexistent.json: cannot read file: No such file or directory"
    assert done.returncode == 2
    assert done.stderr.splitlines() == [missing, missing, "exit functions ran"]


def test_run_inside_a_script_the_command_returns_to_it() -> None:
    """Run by a script (runpy.run_module without taking the place of __main__), the
    command raises SystemExit as ever: the script goes on, and finalization is its own."""
    script = (
        "import runpy, sys\n"
        "sys.argv = ['matching', 'rank', '--participant', '/nonexistent.json', "
        "'--vacancies', '/nonexistent.json']\n"
        "try:\n    runpy.run_module('matching', run_name='__main__')\n"
        "except SystemExit as done:\n    print('status', done.code)\n"
    )
    done = python_script(script)
    assert (done.returncode, done.stdout) == (0, "status 2\n")
