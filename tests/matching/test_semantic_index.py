"""The semantic index's fit and hot path: stored vacancies, sampled directions, both products.

The model is real (no stand-in): texts are few and short so embedding stays cheap.
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from matching import semantic
from matching.semantic import SemanticIndex, VectorCache
from matching.types import Participant
from tests.matching.builders import make_vacancy

WORKS = ["keuken", "tuin", "kapsalon", "fietsenwerkplaats", "ICT-helpdesk", "verpleeghuis",
         "kinderopvang", "kringloopwinkel", "bibliotheek", "magazijn"]


def vacancies(count: int = 40) -> list:  # type: ignore[type-arg]
    return [make_vacancy(id=f"v-{i:03d}", title=f"Helpen in de {WORKS[i % 10]} {i // 10}",
                         tags=[WORKS[(i * 3) % 10]],
                         description=f"Je werkt mee in de {WORKS[(i * 7) % 10]}. Met collega's.")
            for i in range(count)]


def test_a_stored_vacancy_is_one_lookup_and_a_changed_one_is_embedded_alone(
        tmp_path: Path) -> None:
    places = vacancies()
    first = SemanticIndex(VectorCache(tmp_path), dimensions=8).fit(places)
    semantic._memory.clear()  # as after a restart: only the directory has the vectors
    stored = VectorCache(tmp_path)
    again = SemanticIndex(stored, dimensions=8).fit(places)
    assert stored.embedded == 0
    assert np.array_equal(first.matrix_, again.matrix_)

    changed = list(places)
    changed[5] = make_vacancy(id="v-005", title="Koken in het buurthuis", tags=["koken"],
                              description="Je kookt de maaltijd.")
    SemanticIndex(stored, dimensions=8).fit(changed)
    assert stored.embedded == 1


def test_the_stored_vector_is_the_mean_of_the_vacancys_parts() -> None:
    place = vacancies(1)[0]
    parts = semantic.embed_texts(semantic.vacancy_parts(place))
    expected = semantic._normalised(parts.mean(axis=0, keepdims=True))[0]
    found = semantic._vacancy_vectors(VectorCache(), [place])[0]
    assert np.allclose(found, expected, atol=1e-6)


def test_directions_from_a_sample_are_the_same_on_every_fit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "PRINCIPAL_SAMPLE", 20)
    places = vacancies(60)
    one = SemanticIndex(dimensions=8).fit(places)
    two = SemanticIndex(dimensions=8).fit(list(places))
    assert one.projection_ is not None and one.projection_.shape == (semantic.DIMENSIONS, 8)
    assert np.array_equal(one.projection_, two.projection_)
    assert np.array_equal(one.matrix_, two.matrix_)
    sample = semantic._principal_sample(np.arange(60 * 2, dtype=np.float32).reshape(60, 2))
    assert len(sample) == 20 and len(np.unique(sample[:, 0])) == 20


@pytest.mark.parametrize("share", [1.0, 0.5, 0.2])
def test_both_products_give_the_reference_numbers(share: float) -> None:
    """Over many rows the whole matrix is multiplied, over few the rows are
    gathered: each number equals the per-pair reference either way."""
    index = SemanticIndex(dimensions=8).fit(vacancies())
    query = index.query(Participant("p", frozenset(), interests=("koken", "computers"),
                                    experience="I worked in a garden"))
    count = len(index.matrix_)
    rows = np.arange(count, dtype=np.int64)[:: max(1, round(1 / share))]
    found = index.scores_all(query, rows)
    uses_whole_matrix = len(rows) >= semantic.FULL_PRODUCT_SHARE * count
    assert uses_whole_matrix == (share >= 0.5)
    for at, row in enumerate(rows):
        one = index.scores_one(query, int(row))
        assert tuple(found[at, :2]) == one.interests
        assert found[at, 2] == one.experience


def test_directions_are_stored_beside_the_vectors_and_read_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "PRINCIPAL_SAMPLE", 20)
    monkeypatch.setattr(semantic, "_directions", {})  # not what earlier tests remembered
    places = vacancies(60)
    first = SemanticIndex(VectorCache(tmp_path), dimensions=8).fit(places)
    assert len(list(tmp_path.glob("directions-*.npy"))) == 1
    semantic._directions.clear()
    computed: list[object] = []
    monkeypatch.setattr(semantic, "_principal_directions",
                        lambda *args: computed.append(args) or None)
    again = SemanticIndex(VectorCache(tmp_path), dimensions=8).fit(places)
    assert computed == []  # read from the file, not decomposed again
    assert again.projection_ is not None and first.projection_ is not None
    assert np.array_equal(first.projection_, again.projection_)
    assert np.array_equal(first.matrix_, again.matrix_)


def test_a_large_product_on_one_blas_thread_gives_the_same_numbers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    index = SemanticIndex(dimensions=8).fit(vacancies())
    query = index.query(Participant("p", frozenset(), interests=("tuin",)))
    rows = np.arange(len(index.matrix_), dtype=np.int64)
    plain = index.scores_all(query, rows)
    monkeypatch.setattr(semantic, "ONE_THREAD_FROM", 0)
    limited = index.scores_all(query, rows)
    assert semantic._blas is not None  # the one-thread path ran
    assert np.array_equal(plain, limited)


def test_phrase_evidence_is_the_first_best_phrase_pair_by_pair() -> None:
    """One product over the phrases gives the cosines of the pair-by-pair dot products."""
    place = make_vacancy(id="v-1", title="Taalstage keuken zorgcentrum", tags=["koken"],
                         description="Je helpt de kok, je snijdt groente. Je ruimt de afwas op.")
    phrases = semantic._phrases(place.title, place.tags, place.description)
    rows = semantic._grid(VectorCache().vectors(semantic.PART_KIND, phrases))
    for interest in ("koken", "schoonmaken", "tuin"):
        target = semantic._grid(VectorCache().vectors(semantic.QUERY_KIND, [interest]))[0]
        cosines = [float(np.dot(row, target)) / (semantic.GRID * semantic.GRID) for row in rows]
        best = max(range(len(phrases)), key=lambda i: (cosines[i], -i))
        assert semantic.phrase_evidence(interest, place) == (phrases[best], cosines[best])


def test_phrase_evidence_remembered_per_phrase_is_what_a_fresh_product_gives() -> None:
    """Vacancies sharing phrases: the second's answer mixes remembered and new cosines."""
    first = make_vacancy(id="v-1", title="Keukenhulp", tags=["koken"],
                         description="Je helpt de kok. Je ruimt de afwas op.")
    second = make_vacancy(id="v-2", title="Hulp in de tuin", tags=["koken", "tuin"],
                          description="Je helpt de kok en de tuinman. Je ruimt de afwas op.")
    for interest in ("koken", "tuinieren"):
        semantic.phrase_evidence(interest, first)
        phrases = semantic._phrases(second.title, second.tags, second.description)
        rows = semantic._grid(VectorCache().vectors(semantic.PART_KIND, phrases))
        target = semantic._grid(VectorCache().vectors(semantic.QUERY_KIND, [interest]))[0]
        cosines = [float(np.dot(row, target)) / (semantic.GRID * semantic.GRID) for row in rows]
        best = max(range(len(phrases)), key=lambda i: (cosines[i], -i))
        assert semantic.phrase_evidence(interest, second) == (phrases[best], cosines[best])


def test_the_phrase_memory_starts_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "PHRASE_MEMO_MAX", 3)
    cache = VectorCache()
    token = semantic._phrase_cache.set(cache)
    try:
        semantic._phrase_cosines("koken", ["keuken", "kok"])
        semantic._phrase_cosines("koken", ["afwas", "tuin"])
        remembered = semantic._phrase_memo[cache]
        assert sorted(remembered.interests["koken"].cosines) == ["afwas", "tuin"]
        assert remembered.size == 2
    finally:
        semantic._phrase_cache.reset(token)


def _hubness_in_one_product(vectors: np.ndarray, background: np.ndarray) -> np.ndarray:
    """The hubness as first written: one float64 product of every row, a full sort."""
    cosines = (vectors.astype(np.float64) @ background.astype(np.float64).T).astype(np.float32)
    return np.sort(cosines, axis=1)[:, -semantic.HUB_NEIGHBOURS:].astype(np.float64).mean(axis=1)


def _unit_rows(rng: np.random.Generator, count: int) -> np.ndarray:
    rows = rng.standard_normal((count, 64)).astype(np.float32)
    return semantic._normalised(rows)


def test_hubness_in_blocks_equals_one_product_to_the_last_bit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    vectors, background = _unit_rows(rng, 1000), _unit_rows(rng, 52)
    monkeypatch.setattr(semantic, "HUB_BLOCK", 96)  # several blocks and a short last one
    blocked = semantic.hubness(vectors, background)
    assert blocked.tolist() == _hubness_in_one_product(vectors, background).tolist()
    alone = [semantic.hubness(vectors[i:i + 1], background)[0] for i in range(50)]
    assert alone == blocked[:50].tolist()


def test_normalising_in_place_gives_the_bits_of_a_normalised_copy() -> None:
    rows = np.random.default_rng(3).standard_normal((300, 256)).astype(np.float32) * 7
    rows[5] = 0.0  # a zero row stays zero
    assert np.array_equal(semantic._normalise_own(rows.copy()), semantic._normalised(rows))


def test_a_remembered_vacancy_key_is_the_hash_of_its_source() -> None:
    places = vacancies(5)
    expected = [semantic.text_key(semantic.VACANCY_KIND, semantic._vacancy_source(v))
                for v in places]
    semantic._keys_by_fields.clear()
    assert semantic._vacancy_keys(places) == expected  # hashed, then remembered
    assert semantic._vacancy_keys(places) == expected  # found by the fields
    edited = make_vacancy(id="v-000", title=places[0].title, tags=list(places[0].tags),
                          description=places[0].description + " Nieuw.")
    assert semantic._vacancy_keys([edited])[0] != expected[0]


def test_tags_given_as_a_list_get_the_same_vector_as_a_tuple() -> None:
    place = vacancies(1)[0]
    listed = copy.copy(place)
    object.__setattr__(listed, "tags", list(place.tags))
    cache = VectorCache()
    assert np.array_equal(semantic._vacancy_vectors(cache, [listed]),
                          semantic._vacancy_vectors(cache, [place]))


def _asking() -> list[Participant]:
    """People whose queries differ in every way :meth:`SemanticIndex.query` tells apart."""
    return [
        Participant("a", frozenset(), interests=("koken", "computers"),
                    experience="Ik werkte in een tuin"),
        # The same texts as "a", but the last one an interest instead of a note.
        Participant("b", frozenset(), interests=("koken", "computers", "Ik werkte in een tuin")),
        Participant("c", frozenset(), interests=(" koken ", "   "), experience="  "),
        Participant("d", frozenset()),
        Participant("e", frozenset(), experience="fietsen repareren"),
        Participant("f", frozenset(), interests=("tuin",)),
        Participant("a-again", frozenset(), interests=("koken", "computers"),
                    experience="Ik werkte in een tuin"),
    ]


@pytest.mark.parametrize(("dimensions", "one_thread_from"),
                         [(8, semantic.ONE_THREAD_FROM), (8, 0), (512, semantic.ONE_THREAD_FROM)])
def test_the_queries_of_many_people_are_each_persons_query(
        dimensions: int, one_thread_from: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # (8, 0): every projection on one BLAS thread; 512: no projection at all.
    monkeypatch.setattr(semantic, "ONE_THREAD_FROM", one_thread_from)
    index = SemanticIndex(dimensions=dimensions).fit(vacancies())
    assert (index.projection_ is None) == (dimensions == 512)
    people = _asking()
    for person, many in zip(people, index.queries(people), strict=True):
        one = index.query(person)
        assert many.interests == one.interests
        assert np.array_equal(many.vectors, one.vectors)
        assert (many.experience is None) == (one.experience is None)
        if one.experience is not None:
            assert np.array_equal(many.experience, one.experience)
        assert many.hubs == one.hubs  # the same bits
    assert index.queries([]) == []


def test_new_texts_are_embedded_with_their_own_persons_texts_as_query_would() -> None:
    index = SemanticIndex(dimensions=8).fit(vacancies())
    first = ("zeepkisten bouwen", "Ik heb jaren bij een zeepkistenrace geholpen en banden geplakt.")
    second = ("oude radiotoestellen herstellen met een soldeerbout", "postduiven")
    alone = semantic.embed_texts([*first]), semantic.embed_texts([*second])
    together = semantic.embed_texts([*first, *second])
    # The model gives other bits in another batch: otherwise this test proves nothing.
    assert not np.array_equal(alone[0][0], together[0])
    index.queries([Participant("x", frozenset(), interests=first[:1], experience=first[1]),
                   Participant("y", frozenset(), interests=second)])
    for texts, vectors in zip((first, second), alone, strict=True):
        for text, vector in zip(texts, vectors, strict=True):
            key = semantic._short_text_key(semantic.QUERY_KIND, text)
            assert np.array_equal(semantic._memory[key], vector)


def test_the_fits_products_give_the_same_bits_on_one_blas_thread_as_on_two() -> None:
    from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

    rng = np.random.default_rng(11)
    # Large enough that BLAS splits the products between its threads.
    vectors = rng.standard_normal((6000, semantic.DIMENSIONS)).astype(np.float32)
    background = rng.standard_normal((52, semantic.DIMENSIONS)).astype(np.float32)
    index = SemanticIndex()
    index.projection_ = semantic._principal_directions(vectors[:1500], 256)

    def products() -> tuple[np.ndarray, ...]:
        reduced = index._project(vectors.copy())
        return reduced, semantic._grid(reduced), semantic.hubness(reduced,
                                                                  index._project(background))

    with ThreadpoolController().limit(limits=2, user_api="blas"):
        two = products()
    with semantic.one_blas_thread():
        one = products()
    assert all(np.array_equal(a, b) for a, b in zip(two, one, strict=True))


@pytest.mark.parametrize(("dimensions", "block"), [(8, 7), (8, 4096), (512, 9)])
def test_a_fit_in_blocks_stores_the_bits_of_the_whole_matrix_at_once(
        dimensions: int, block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "FIT_BLOCK", block)
    places = vacancies(40)
    index = SemanticIndex(dimensions=dimensions).fit(places)
    whole = index._project(semantic._vacancy_vectors(index.cache, places))  # as fits were
    assert (index.projection_ is None) == (dimensions == semantic.DIMENSIONS)
    assert np.array_equal(index.matrix_, semantic._grid(whole))
    assert index.matrix_.dtype == np.float32 and index.matrix_.flags["C_CONTIGUOUS"]
    assert np.array_equal(index.hubs_, semantic.hubness(whole, index.background_))


def test_a_fit_of_no_vacancies_has_empty_rows() -> None:
    index = SemanticIndex(dimensions=8).fit([])
    assert index.matrix_.shape == (0, 8) and index.hubs_.shape == (0,)  # background projected
