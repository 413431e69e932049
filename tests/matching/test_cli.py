"""The command line of the contract: `main(argv)` run in this process with its standard
output, standard error and exit status captured (a new Python process costs seconds a
case), and each command once for real in a subprocess, which must print exactly the same.

Each folder under ``scenarios/`` holds ``participant.json`` and ``vacancies.json``
(the DOMAIN.md cases) and ``expected.json``: the ranked ids in order, their
reasons, and the exclusions exactly as printed.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from matching.__main__ import main
from tests.matching.builders import participant_record, vacancy_record

SCENARIOS = sorted(p.name for p in (Path(__file__).with_name("scenarios")).iterdir() if p.is_dir())


def run_matching(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`python -m matching ARGS` in this process: what it prints and its exit status."""
    argv = list(map(str, args))
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = main(argv)
        except SystemExit as exit_:  # argparse refusing the arguments
            status = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(
        ["python", "-m", "matching", *argv], status, stdout.getvalue(), stderr.getvalue())


def run_matching_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`python -m matching ARGS` for real, in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "matching", *map(str, args)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def assert_same_as_in_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command prints byte for byte what `main` prints here, with the same status."""
    real, in_process = run_matching_process(*args), run_matching(*args)
    assert (real.returncode, real.stdout, real.stderr) == (
        in_process.returncode, in_process.stdout, in_process.stderr)
    return real


def summary(ranking: dict[str, Any]) -> dict[str, Any]:
    return {
        "participant": ranking["participant"],
        "ranked": [m["vacancy"] for m in ranking["ranked"]],
        "reasons": {m["vacancy"]: m["reasons"] for m in ranking["ranked"]},
        "excluded": ranking["excluded"],
    }


def as_list(output: Any) -> list[dict[str, Any]]:
    return output if isinstance(output, list) else [output]


def test_there_are_the_five_domain_scenarios() -> None:
    assert SCENARIOS == ["afstand_fiets_5km", "alleen_vrouwengroep", "moeder_woensdagmiddag",
                         "taal_a1_vraagt_b1", "vacature_vol"]


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_through_the_command_line(name: str, scenarios: Path) -> None:
    folder = scenarios / name
    outputs = {}
    for engine in ("fast", "reference"):
        done = run_matching("rank", "--participant", folder / "participant.json",
                            "--vacancies", folder / "vacancies.json", "--engine", engine)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        outputs[engine] = json.loads(done.stdout)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    fast, reference = as_list(outputs["fast"]), as_list(outputs["reference"])
    assert [summary(r) for r in fast] == as_list(expected)
    assert [summary(r) for r in reference] == as_list(expected)
    assert type(outputs["fast"]) is type(expected)  # one object in, one object out
    for left, right in zip(fast, reference, strict=True):
        for a, b in zip(left["ranked"], right["ranked"], strict=True):
            assert a["score"] == pytest.approx(b["score"], abs=1e-9)
            assert a["components"] == pytest.approx(b["components"], abs=1e-9)
            assert set(a) == {"vacancy", "score", "components", "reasons", "warnings"}


def test_limit_cuts_the_ranked_list(scenarios: Path) -> None:
    folder = scenarios / "moeder_woensdagmiddag"
    done = run_matching("rank", "--participant", folder / "participant.json",
                        "--vacancies", folder / "vacancies.json", "--limit", "1")
    output = json.loads(done.stdout)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert [m["vacancy"] for m in output["ranked"]] == expected["ranked"][:1]
    assert len(expected["ranked"]) > 1
    assert len(output["excluded"]) == 2


def test_vectors_kept_in_a_directory_give_the_same_output(tmp_path: Path) -> None:
    # Texts no other test embeds: the process keeps vectors in memory, and only a
    # text it has to embed is written to the directory.
    unique = uuid.uuid4().hex
    people, places = tmp_path / "p.json", tmp_path / "v.json"
    people.write_text(json.dumps(participant_record(interests=["koken"])), encoding="utf-8")
    places.write_text(json.dumps([
        vacancy_record(id="v-1", title=f"Keukenhulp {unique}", description="Soep koken."),
        vacancy_record(id="v-2", title=f"Tuinman {unique}", description="Onkruid wieden."),
    ]), encoding="utf-8")
    files = ("--participant", people, "--vacancies", places)
    store = tmp_path / "vectors"
    first = run_matching("rank", *files, "--vectors", store)
    shards = sorted(store.glob("vectors-*.npz"))
    again = run_matching("rank", *files, "--vectors", store)
    plain = run_matching("rank", *files)
    assert plain.returncode == first.returncode == again.returncode == 0, first.stderr
    assert first.stdout == again.stdout == plain.stdout
    assert shards, "the first run keeps the vacancies' vectors"
    assert sorted(store.glob("vectors-*.npz")) == shards, "the second run embeds nothing new"


def test_bad_input_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    people = tmp_path / "p.json"
    people.write_text(json.dumps(participant_record(postcode="66O1")), encoding="utf-8")
    places = tmp_path / "v.json"
    places.write_text(json.dumps([
        vacancy_record(id="v-1"),
        vacancy_record(id="v-7", schedule=["wed_middag"], capacity="veel"),
    ]), encoding="utf-8")
    done = run_matching("rank", "--participant", people, "--vacancies", places)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "participant (id p-1): field \"postcode\": '66O1' is not a valid Dutch postcode "
        "(1234 or 1234 AB)",
        'vacancies[1] (id v-7): field "capacity": expected an integer, got a string',
        "vacancies[1] (id v-7): field \"schedule\": 'wed_middag' is not a valid daypart "
        "(e.g. wed_afternoon)",
    ]


def test_unreadable_or_invalid_json_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    done = run_matching("allocate", "--participants", tmp_path / "missing.json",
                        "--vacancies", broken)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'missing.json'}: cannot read file")
    assert lines[1].startswith(f"{broken}: not valid JSON")


def test_allocate_respects_remaining_capacity_and_per_vacancy(
    scenarios: Path, tmp_path: Path
) -> None:
    people = tmp_path / "ps.json"
    people.write_text(json.dumps([
        participant_record(id="p-1", interests=["koken"]),
        participant_record(id="p-2"),
        participant_record(id="p-3", max_physical_load="light"),
    ]), encoding="utf-8")
    places = tmp_path / "v.json"
    places.write_text(json.dumps([
        vacancy_record(id="v-vol", capacity=2, filled=2),
        vacancy_record(id="v-open", capacity=3, filled=1, tags=["koken"]),
        vacancy_record(id="v-zwaar", physical_load="heavy"),
    ]), encoding="utf-8")
    done = run_matching("allocate", "--participants", people, "--vacancies", places)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert set(output) == {"assignments", "unassigned", "total_score"}
    placed = {a["participant"]: a["vacancy"] for a in output["assignments"]}
    assert placed["p-3"] == "v-open"  # the only place light enough for p-3
    assert list(placed.values()).count("v-open") == 2 and "v-vol" not in placed.values()
    assert output["unassigned"] == []
    assert output["total_score"] == pytest.approx(sum(a["score"] for a in output["assignments"]))
    capped = json.loads(run_matching("allocate", "--participants", people, "--vacancies", places,
                                     "--per-vacancy", "1").stdout)
    assert len(capped["assignments"]) == 2 and len(capped["unassigned"]) == 1


def test_rank_as_a_real_process(scenarios: Path) -> None:
    folder = scenarios / "moeder_woensdagmiddag"
    done = assert_same_as_in_process("rank", "--participant", folder / "participant.json",
                                     "--vacancies", folder / "vacancies.json")
    assert done.returncode == 0 and done.stderr == ""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert summary(json.loads(done.stdout)) == expected


def test_allocate_as_a_real_process(tmp_path: Path) -> None:
    people = tmp_path / "ps.json"
    people.write_text(json.dumps([participant_record(id="p-1"), participant_record(id="p-2")]),
                      encoding="utf-8")
    places = tmp_path / "v.json"
    places.write_text(json.dumps([vacancy_record(id="v-1", capacity=1)]), encoding="utf-8")
    done = assert_same_as_in_process("allocate", "--participants", people,
                                     "--vacancies", places)
    assert done.returncode == 0 and done.stderr == ""
    output = json.loads(done.stdout)
    assert len(output["assignments"]) == 1 and len(output["unassigned"]) == 1

