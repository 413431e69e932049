"""The fitted index stored in the --vectors directory (matching.stored).

A stored ranker must come back attribute for attribute, the command line must print
byte for byte what a fit gives, and anything wrong with a file must fall back to a fit.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import scipy.sparse

import matching.__main__ as command_line
from matching import stored
from matching.profiles import load_participants, load_vacancies
from matching.ranker import Ranker
from matching.semantic import VectorCache
from matching.types import Vacancy
from tests.matching.builders import north_of_home, participant_record, vacancy_record
from tests.matching.test_cli import run_matching

KEY = "5" * 64
TITLES = ("Vrijwilliger kinderboerderij De Geit", "Keukenhulp in het buurthuis",
          "Fietsenmaker bij de kringloop", "Tuinman in de moestuin", "Kassa in de winkel")


def region(n: int = 300) -> list[dict[str, Any]]:
    """Vacancy records: enough for the semantic index's principal directions (more than
    256 rows with the background) and the text index's pruning (more than 100), with a
    misleading compound; few distinct texts, so few are embedded."""
    return [vacancy_record(
        id=f"v-{i:04d}", title=TITLES[i % len(TITLES)], tags=[["koken"], ["tuin"], []][i % 3],
        description="Samen werken in de wijk.", location=north_of_home(i % 17),
        capacity=1 + i % 3, filled=i % 2, status="published" if i % 7 else "closed",
    ) for i in range(n)]


@pytest.fixture(scope="module")
def vacancies() -> tuple[Vacancy, ...]:
    return load_vacancies(region())


@pytest.fixture(scope="module")
def fitted_ranker(vacancies: tuple[Vacancy, ...], tmp_path_factory: pytest.TempPathFactory
                  ) -> Ranker:
    return Ranker(vectors=VectorCache(tmp_path_factory.mktemp("vectors"))).fit(vacancies)


def assert_same(loaded: Any, fitted: Any, where: str = "ranker") -> None:
    """Equal all the way down: types, attributes, arrays (dtype, shape, values)."""
    assert type(loaded) is type(fitted), where
    if isinstance(fitted, np.ndarray):
        assert (loaded.dtype, loaded.shape) == (fitted.dtype, fitted.shape), where
        assert np.array_equal(loaded, fitted, equal_nan=fitted.dtype.kind in "fc"), where
    elif scipy.sparse.issparse(fitted):
        assert (loaded.format, loaded.shape) == (fitted.format, fitted.shape), where
        for part in ("data", "indices", "indptr"):
            assert_same(getattr(loaded, part), getattr(fitted, part), f"{where}.{part}")
    elif isinstance(fitted, (tuple, list, dict)):
        assert_same_items(loaded, fitted, where)
    elif isinstance(fitted, VectorCache):
        assert loaded is fitted, where  # the cache is given again, not stored
    elif type(fitted).__module__.startswith("matching.") and hasattr(fitted, "__dict__"):
        assert sorted(vars(loaded)) == sorted(vars(fitted)), where  # in any order
        for name, value in vars(fitted).items():
            assert_same(vars(loaded)[name], value, f"{where}.{name}")
    else:
        assert loaded == fitted, where


def assert_same_items(loaded: Any, fitted: Any, where: str) -> None:
    if isinstance(fitted, dict):
        assert list(loaded) == list(fitted), where
        for name in fitted:
            assert_same(loaded[name], fitted[name], f"{where}[{name!r}]")
        return
    assert len(loaded) == len(fitted), where
    for at, (one, other) in enumerate(zip(loaded, fitted, strict=True)):
        assert_same(one, other, f"{where}[{at}]")


def test_a_fitted_ranker_comes_back_attribute_for_attribute(
    fitted_ranker: Ranker, vacancies: tuple[Vacancy, ...], tmp_path: Path
) -> None:
    # The parts a file must carry are there, so the comparison below sees them all.
    assert fitted_ranker.semantic_index_ is not None
    assert fitted_ranker.semantic_index_.projection_ is not None
    assert fitted_ranker.misleading_rows_ and fitted_ranker.text_index_.vocabulary_
    stored.save(fitted_ranker, tmp_path, KEY)
    loaded = stored.load(tmp_path, KEY, vacancies, cache=fitted_ranker.vectors)
    assert loaded is not None
    assert loaded.vacancies_ == vacancies
    assert_same(loaded, fitted_ranker)


def test_a_kind_of_attribute_it_cannot_store_is_refused(
    fitted_ranker: Ranker, tmp_path: Path
) -> None:
    for value in ({"a", "b"}, b"bytes", np.array([object()]), {1: "not a str key"},
                  Path("somewhere")):
        with pytest.raises(TypeError):
            stored.to_arrays({"new_attribute_": value})
    odd = Ranker.__new__(Ranker)
    odd.__dict__.update(vars(fitted_ranker), extra_=frozenset({"x"}))
    with pytest.raises(TypeError):
        stored.save(odd, tmp_path, KEY)
    assert not list(tmp_path.iterdir()), "nothing half-written"


@pytest.mark.parametrize("value", [
    (), [], {}, ("a", "b\x00"), (1, 2**70), (1.5, float("nan")), (1, "a", None, True),
    {"koken": 1}, {"x": 0.25}, {"rows": np.arange(3)}, np.float32(2.5), float("inf"),
])
def test_values_come_back_as_they_were(value: Any) -> None:
    manifest, arrays = stored.to_arrays(value)
    back = stored.from_arrays(manifest, arrays, None)
    assert type(back) is type(value)
    assert repr(back) == repr(value)


# --------------------------------------------------------------------------- bad files


@pytest.fixture
def stored_folder(fitted_ranker: Ranker, tmp_path: Path) -> Path:
    stored.save(fitted_ranker, tmp_path, KEY)
    return tmp_path


def only_file(folder: Path) -> Path:
    (found,) = folder.glob("fitted-*.fit")
    return found


def test_it_loads_from_its_own_file(stored_folder: Path, vacancies: tuple[Vacancy, ...]) -> None:
    assert stored.load(stored_folder, KEY, vacancies) is not None


def test_a_missing_file_gives_none(tmp_path: Path, vacancies: tuple[Vacancy, ...]) -> None:
    assert stored.load(tmp_path, KEY, vacancies) is None
    assert stored.load(tmp_path / "not-there", KEY, vacancies) is None


@pytest.mark.parametrize("keep", [0, 100, 0.5, 0.999])
def test_a_truncated_file_gives_none(
    stored_folder: Path, vacancies: tuple[Vacancy, ...], keep: float
) -> None:
    path = only_file(stored_folder)
    data = path.read_bytes()
    path.write_bytes(data[: int(keep * len(data)) if isinstance(keep, float) else keep])
    assert stored.load(stored_folder, KEY, vacancies) is None


def test_a_file_of_another_key_gives_none(
    stored_folder: Path, vacancies: tuple[Vacancy, ...]
) -> None:
    other = "6" * 64
    only_file(stored_folder).rename(stored._path(stored_folder, other))
    assert stored.load(stored_folder, other, vacancies) is None


def test_arrays_that_do_not_fit_the_vacancies_give_none(
    stored_folder: Path, vacancies: tuple[Vacancy, ...], fitted_ranker: Ranker
) -> None:
    assert stored.load(stored_folder, KEY, vacancies[:-1]) is None
    # The right count of vacancies, but one column cut short.
    cut = Ranker.__new__(Ranker)
    cut.__dict__.update(vars(fitted_ranker))
    columns = type(fitted_ranker.columns_).__new__(type(fitted_ranker.columns_))
    columns.__dict__.update(vars(fitted_ranker.columns_), lat=fitted_ranker.columns_.lat[:-1])
    cut.columns_ = columns
    stored.save(cut, stored_folder, KEY)
    assert stored.load(stored_folder, KEY, vacancies) is None


def test_a_sparse_matrix_with_an_index_out_of_range_gives_none(
    stored_folder: Path, vacancies: tuple[Vacancy, ...], fitted_ranker: Ranker
) -> None:
    bad = Ranker.__new__(Ranker)
    bad.__dict__.update(vars(fitted_ranker))
    text = type(fitted_ranker.text_index_).__new__(type(fitted_ranker.text_index_))
    text.__dict__.update(vars(fitted_ranker.text_index_))
    matrix = text.matrix_.copy()
    matrix.indices[-1] = matrix.shape[1] + 5
    text.matrix_ = matrix
    bad.text_index_ = text
    stored.save(bad, stored_folder, KEY)
    assert stored.load(stored_folder, KEY, vacancies) is None


@pytest.mark.parametrize("content", [
    b"", b"not a fitted file at all", b"PK\x03\x04" + bytes(200), stored._MAGIC,
    stored._MAGIC + (10**6).to_bytes(8, "little") + b"{}",
    stored._MAGIC + (2).to_bytes(8, "little") + b"{}",
    stored._MAGIC + (5).to_bytes(8, "little") + b"[1,2]",
])
def test_an_unreadable_file_gives_none(
    tmp_path: Path, vacancies: tuple[Vacancy, ...], content: bytes
) -> None:
    stored._path(tmp_path, KEY).write_bytes(content)
    assert stored.load(tmp_path, KEY, vacancies) is None


def write_by_hand(path: Path, fields: dict[str, Any], table: dict[str, Any],
                  data: bytes = b"") -> None:
    """A fitted file as stored._write lays it out, with any header and data."""
    header = json.dumps({**fields, "arrays": table}).encode()
    start = stored._MAGIC + len(header).to_bytes(8, "little") + header
    path.write_bytes(start + bytes(-len(start) % stored._ALIGN) + data)


def test_a_pickled_array_is_never_unpickled(
    tmp_path: Path, vacancies: tuple[Vacancy, ...]
) -> None:
    fields = {"key": KEY, "fitted": len(vacancies), "manifest": '{"t": "array", "a": "a0"}'}
    pickled = np.array([{"evil": 1}], dtype=object)
    write_by_hand(stored._path(tmp_path, KEY), fields,
                  {"a0": {"dtype": pickled.dtype.str, "shape": [1], "at": 0}}, bytes(64))
    with pytest.raises(stored._Damaged):
        stored._mapped(stored._path(tmp_path, KEY))
    assert stored.load(tmp_path, KEY, vacancies) is None
    with pytest.raises(TypeError):
        stored.to_arrays(np.array(["2026-12-07"], dtype="datetime64[D]"))  # _mapped refuses it


@pytest.mark.parametrize("place", [
    {"dtype": "<f8", "shape": [4], "at": 64},   # past the end of the file
    {"dtype": "<f8", "shape": [2], "at": 8},    # not aligned
    {"dtype": "<f8", "shape": [-1], "at": 0},
    {"dtype": "<f8", "shape": 4, "at": 0},
    {"dtype": "<M8[D]", "shape": [1], "at": 0},  # a kind it never writes
    {"dtype": [("a", "<f8")], "shape": [1], "at": 0},
    {"dtype": "(2,)<f8", "shape": [1], "at": 0},
    {"dtype": "not a dtype", "shape": [1], "at": 0},
    {"shape": [1], "at": 0},
])
def test_an_array_out_of_place_is_refused(tmp_path: Path, place: dict[str, Any]) -> None:
    path = stored._path(tmp_path, KEY)
    write_by_hand(path, {"key": KEY}, {"a0": {"dtype": "<f8", "shape": [8], "at": 0}}, bytes(64))
    assert stored._mapped(path)[1]["a0"].tolist() == [0.0] * 8  # laid out as it should be
    write_by_hand(path, {"key": KEY}, {"a0": place}, bytes(64))
    with pytest.raises((stored._Damaged, TypeError, ValueError, KeyError)):
        stored._mapped(path)


def test_a_class_outside_the_package_is_never_built(
    tmp_path: Path, vacancies: tuple[Vacancy, ...]
) -> None:
    manifest = json.dumps({"t": "object", "module": "os", "class": "PathLike", "attributes": {}})
    write_by_hand(stored._path(tmp_path, KEY),
                  {"key": KEY, "fitted": len(vacancies), "manifest": manifest}, {})
    assert stored.load(tmp_path, KEY, vacancies) is None


def test_every_array_is_mapped_from_the_file_not_copied(
    stored_folder: Path, fitted_ranker: Ranker
) -> None:
    fields, arrays = stored._mapped(only_file(stored_folder))
    assert (fields["key"], fields["fitted"]) == (KEY, len(fitted_ranker.vacancies_))
    assert len(arrays) == len(stored.to_arrays(
        {name: value for name, value in vars(fitted_ranker).items() if name != "vacancies_"})[1])
    for values in arrays.values():
        assert not values.flags.owndata and not values.flags.writeable
        assert values.ctypes.data % stored._ALIGN == 0


def test_a_file_of_the_earlier_npz_format_is_removed(
    fitted_ranker: Ranker, tmp_path: Path
) -> None:
    earlier = tmp_path / f"fitted-{'e' * 40}.npz"
    np.savez(earlier, key=np.array(KEY))
    stored.save(fitted_ranker, tmp_path, KEY)
    assert sorted(path.name for path in tmp_path.iterdir()) == [stored._path(tmp_path, KEY).name]


def test_only_the_newest_few_files_are_kept(
    fitted_ranker: Ranker, tmp_path: Path, vacancies: tuple[Vacancy, ...]
) -> None:
    keys = [f"{i:x}" * 64 for i in range(stored.KEPT + 2)]
    for at, key in enumerate(keys):
        stored.save(fitted_ranker, tmp_path, key)
        os.utime(stored._path(tmp_path, key), (1000 + at, 1000 + at))
    # Loading the oldest kept one makes it the newest: it outlives the next save.
    oldest_kept = keys[-stored.KEPT]
    assert stored.load(tmp_path, oldest_kept, vacancies) is not None
    stored.save(fitted_ranker, tmp_path, "f" * 64)
    left = {path.name for path in tmp_path.glob("fitted-*.fit")}
    assert len(left) == stored.KEPT
    assert stored._path(tmp_path, oldest_kept).name in left
    assert not list(tmp_path.glob("*.tmp"))


# --------------------------------------------------------------------------- the key


def test_the_key_follows_the_package_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    package = tmp_path / "matching"
    shutil.copytree(stored._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(stored, "_PACKAGE", package)
    before = stored.fit_key(b"[]", Ranker(), tmp_path)
    (package / "ranker.py").write_text((package / "ranker.py").read_text() + "\n# changed\n")
    assert stored.fit_key(b"[]", Ranker(), tmp_path) != before


def test_the_key_follows_the_vacancies_the_options_and_the_vector_shards(tmp_path: Path
                                                                         ) -> None:
    key = stored.fit_key(b"[]", Ranker(), tmp_path)
    assert stored.fit_key(b"[] ", Ranker(), tmp_path) != key
    assert stored.fit_key(b"[]", Ranker(semantic=False), tmp_path) != key
    assert stored.fit_key(b"[]", Ranker(weights={"interest": 2}), tmp_path) != key
    assert stored.fit_key(b"[]", Ranker(engine="reference"), tmp_path) == key  # same fit
    (tmp_path / "vectors-0123.npz").write_bytes(b"")
    assert stored.fit_key(b"[]", Ranker(), tmp_path) != key


# --------------------------------------------------------------------------- the command line


def write_files(folder: Path, records: list[dict[str, Any]]) -> tuple[Path, Path]:
    people, places = folder / "p.json", folder / "v.json"
    people.write_text(json.dumps([
        participant_record(id="p-1", interests=["koken", "dieren"]),
        participant_record(id="p-2", interests=["tuin"], max_travel_km=5),
    ]), encoding="utf-8")
    places.write_text(json.dumps(records), encoding="utf-8")
    return people, places


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_the_command_line_prints_the_same_from_a_stored_index(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    people, places = write_files(tmp_path, region(120))
    rank = ("rank", "--participant", people, "--vacancies", places, "--engine", engine)
    store = tmp_path / "vectors"
    fitted = run_matching(*rank, "--vectors", store)
    assert fitted.returncode == 0, fitted.stderr
    assert len(list(store.glob("fitted-*.fit"))) == 1
    with monkeypatch.context() as patched:
        # Proof that the second run loads: a fit would fail.
        patched.setattr(Ranker, "fit", lambda self, vacancies: pytest.fail("fitted again"))
        loaded = run_matching(*rank, "--vectors", store)
        others = {command: run_matching(command, "--participants", people, "--vacancies",
                                        places, "--vectors", store)
                  for command in ("allocate", "audit")}
    assert loaded.stdout == fitted.stdout == run_matching(*rank).stdout
    assert loaded.stderr == ""
    for command, done in others.items():
        assert done.returncode == 0, done.stderr
        plain = run_matching(command, "--participants", people, "--vacancies", places)
        assert done.stdout == plain.stdout


def test_a_changed_vacancy_file_is_fitted_again(tmp_path: Path) -> None:
    records = region(120)
    people, places = write_files(tmp_path, records)
    store = tmp_path / "vectors"
    rank = ("rank", "--participant", people, "--vacancies", places)
    first = run_matching(*rank, "--vectors", store)
    records[2]["title"] = "Kok in de keuken"  # published, with room: ranked
    places.write_text(json.dumps(records), encoding="utf-8")
    changed = run_matching(*rank, "--vectors", store)
    assert changed.returncode == first.returncode == 0
    assert changed.stdout != first.stdout
    assert changed.stdout == run_matching(*rank).stdout
    assert len(list(store.glob("fitted-*.fit"))) == 2


def test_a_damaged_stored_index_only_costs_a_fit(tmp_path: Path) -> None:
    people, places = write_files(tmp_path, region(120))
    store = tmp_path / "vectors"
    rank = ("rank", "--participant", people, "--vacancies", places, "--vectors", store)
    first = run_matching(*rank)
    path = only_file(store)
    path.write_bytes(path.read_bytes()[:1000])
    again = run_matching(*rank)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    assert only_file(store).stat().st_size > 1000, "stored anew after the fit"


def test_the_vacancies_of_a_stored_fit_are_converted_not_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people, places = write_files(tmp_path, region(120))
    rank = ("rank", "--participant", people, "--vacancies", places, "--vectors",
            tmp_path / "vectors")
    first = run_matching(*rank)
    assert first.returncode == 0, first.stderr
    with monkeypatch.context() as patched:
        patched.setattr(command_line, "load_vacancies", lambda *_, **__: pytest.fail("validated"))
        again = run_matching(*rank)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    # One byte more (a space): another key, so validated (and fitted) as ever.
    places.write_bytes(places.read_bytes() + b" ")
    validated: list[int] = []
    with monkeypatch.context() as patched:
        patched.setattr(command_line, "load_vacancies", lambda data, **options: (
            validated.append(len(data)), load_vacancies(data, **options))[1])
        changed = run_matching(*rank)
    assert validated == [120]
    assert (changed.returncode, changed.stdout) == (0, first.stdout)


def test_a_stored_fit_that_does_not_load_leaves_the_vacancies_validated_as_ever(
    tmp_path: Path
) -> None:
    records = region(120)
    # Invalid, but they convert: only validation can tell.
    records[3]["title"] = ""
    records[7]["capacity"] = "2"
    records[9]["id"] = records[8]["id"]
    people, places = write_files(tmp_path, records)
    plain = run_matching("rank", "--participant", people, "--vacancies", places)
    assert plain.returncode == 2 and plain.stderr.count("\n") == 3
    assert command_line._converted(json.loads(places.read_text(encoding="utf-8"))) is not None
    # A file under the key of these bytes (as if an earlier run had stored it), whose
    # arrays are cut off: the records are converted unchecked first, then validated.
    store = tmp_path / "vectors"
    key = stored.fit_key(places.read_bytes(), Ranker(vectors=VectorCache(store)), store)
    write_by_hand(stored._path(store, key), {"key": key, "fitted": len(records),
                                             "manifest": '{"t": "array", "a": "a0"}'},
                  {"a0": {"dtype": "<f8", "shape": [1000], "at": 0}})
    assert stored.find(store, key) is None
    write_by_hand(stored._path(store, key), {"key": key, "fitted": len(records),
                                             "manifest": '{"t": "array", "a": "a0"}'},
                  {"a0": {"dtype": "<f8", "shape": [1], "at": 0}}, bytes(64))
    assert stored.find(store, key) is not None  # found, but it does not build a ranker
    found = run_matching("rank", "--participant", people, "--vacancies", places,
                         "--vectors", store)
    assert (found.returncode, found.stdout, found.stderr) == (2, "", plain.stderr)


def test_a_named_pipe_is_read_once_and_its_fit_stored_like_a_file(tmp_path: Path) -> None:
    people, places = write_files(tmp_path, region(120))
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    store = tmp_path / "vectors"
    printed = []
    for _ in range(2):
        # The writer in a thread: opening the pipe waits for the reader, and a second
        # read would wait for ever (the daemon thread and the join's timeout fail then).
        writer = threading.Thread(target=lambda: pipe.write_bytes(places.read_bytes()),
                                  daemon=True)
        writer.start()
        done = run_matching("rank", "--participant", people, "--vacancies", pipe,
                            "--vectors", store)
        writer.join(timeout=60)
        assert not writer.is_alive() and done.returncode == 0, done.stderr
        printed.append(done.stdout)
    assert printed[0] == printed[1] == run_matching(
        "rank", "--participant", people, "--vacancies", places).stdout
    assert len(list(store.glob("fitted-*.fit"))) == 1  # stored by the first, found by the second


def test_a_loaded_ranker_takes_edits_like_a_fitted_one(
    stored_folder: Path, vacancies: tuple[Vacancy, ...], fitted_ranker: Ranker
) -> None:
    # Its arrays are mapped read-only from the file: an edit must copy, never write them.
    loaded = stored.load(stored_folder, KEY, vacancies, cache=fitted_ranker.vectors)
    assert loaded is not None
    fresh = Ranker.__new__(Ranker)
    fresh.__dict__.update(vars(fitted_ranker))
    person = load_participants(participant_record(interests=["koken", "dieren"]))[0]
    closed = dataclasses.replace(vacancies[1], status="closed", title="Kok in de keuken")
    extra = dataclasses.replace(vacancies[2], id="v-extra")
    for ranker in (loaded, fresh):
        ranker.replace(closed).add(extra).remove(vacancies[0].id)
    ranking = loaded.rank(person).to_dict()
    assert ranking["ranked"] and ranking["excluded"]
    assert ranking == fresh.rank(person).to_dict()
    assert stored.load(stored_folder, KEY, vacancies) is not None, "the file is unchanged"
