"""The TF-IDF index against scikit-learn's vectoriser, which it replaces."""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from matching import text as text_module
from matching.text import (
    MAX_DOCUMENT_SHARE,
    MIN_DOCUMENTS_TO_PRUNE,
    TextIndex,
    _weighed,
    _words_of_texts,
    participant_document,
    vacancy_document,
)
from matching.types import Participant, Vacancy
from tests.matching.builders import make_participant, make_vacancy

# Words that stress the analyser: stop words in any case, accents, a Greek final
# sigma, Arabic, a dotted capital I, one-letter words, digits, punctuation, a long
# compound, and whitespace other than spaces.
WORDS = (
    "koken", "Keuken", "DE", "het", "café", "ΟΔΟΣ", "مطبخ", "İstanbul", "a", "x", "B1",
    "fiets-", "(tuin)", "zorg,", "ouderenzorgmedewerkster", "kok\tkeuken", "nl\u00a0en",
    "schoonmaak", "kinderopvang", "techniek", "ÆØÅ", "ß", "ﬁets", "wij", "Zij", "ICT",
)


def _corpus(n: int, seed: int) -> list[Vacancy]:
    rng = random.Random(seed)

    def text(low: int, high: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))

    return [
        make_vacancy(id=f"v-{i}", title=text(1, 4) or "x", description=text(0, 12),
                     tags=tuple(text(1, 2) for _ in range(rng.randint(0, 3))))
        for i in range(n)
    ]


def _sklearn(vacancies: list[Vacancy]) -> tuple[TfidfVectorizer, object]:
    share = MAX_DOCUMENT_SHARE if len(vacancies) > MIN_DOCUMENTS_TO_PRUNE else 1.0
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True,
                                 dtype=np.float64, max_df=share)
    matrix = vectorizer.fit_transform([vacancy_document(v) for v in vacancies])
    return vectorizer, matrix


@pytest.mark.parametrize(("n", "seed"), [(7, 1), (60, 2), (250, 3), (400, 4)])
def test_vocabulary_idf_and_vectors_equal_scikit_learn(n: int, seed: int) -> None:
    vacancies = _corpus(n, seed)
    index = TextIndex().fit(vacancies)
    vectorizer, matrix = _sklearn(vacancies)
    assert index.vocabulary_ == vectorizer.vocabulary_
    assert index.idf_.tolist() == vectorizer.idf_.tolist()  # bit for bit
    ours = index.matrix_.toarray()
    assert np.allclose(ours, matrix.toarray(), rtol=0, atol=1e-12)  # type: ignore[attr-defined]
    rng = random.Random(seed)
    for _ in range(20):
        person = make_participant(
            interests=tuple(rng.sample(WORDS, 3)), experience=" ".join(rng.sample(WORDS, 5))
        )
        query = index.query(person)
        expected = vectorizer.transform([participant_document(person)]).toarray().ravel()
        got = np.zeros(len(expected))
        got[query.terms] = query.weights
        assert np.allclose(got, expected, rtol=0, atol=1e-12)


def test_pruning_that_would_leave_nothing_keeps_everything_as_before() -> None:
    same = [make_vacancy(id=f"v-{i}", title="Kok", tags=("koken",))
            for i in range(MIN_DOCUMENTS_TO_PRUNE + 5)]
    index = TextIndex().fit(same)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), max_df=1.0)
    vectorizer.fit([vacancy_document(v) for v in same])
    assert index.vocabulary_ == vectorizer.vocabulary_ and len(index.vocabulary_) > 0


def test_stop_words_only_give_an_index_without_vocabulary() -> None:
    index = TextIndex().fit([make_vacancy(title="de het", tags=(), description="een")])
    assert not index.has_vocabulary_
    query = index.query(Participant("p", frozenset(), interests=("koken",)))
    assert index.similarity_all(query).tolist() == [0.0]


def test_both_routes_of_similarity_all_give_the_sums_of_similarity_one() -> None:
    vacancies = _corpus(300, 5)
    index = TextIndex().fit(vacancies)
    person = make_participant(interests=("koken", "zorg"), experience="keuken café ΟΔΟΣ")
    query = index.query(person)
    every = index.similarity_all(query)
    one = [index.similarity_one(query, i) for i in range(len(vacancies))]
    assert every.tolist() == one
    few = np.array([5, 2, 299], dtype=np.int64)  # few rows: the row route is taken
    assert index.similarity_all(query, few).tolist() == [one[5], one[2], one[299]]


def test_the_equivalent_vectoriser_transforms_like_the_index() -> None:
    vacancies = _corpus(120, 6)
    index = TextIndex().fit(vacancies)
    person = make_participant(interests=("koken",), experience="tuin zorg")
    row = index.vectorizer_.transform([participant_document(person)]).toarray().ravel()
    query = index.query(person)
    assert np.allclose(row[query.terms], query.weights) and np.count_nonzero(row) == len(
        query.terms
    )


@pytest.mark.parametrize("seed", range(6))
def test_texts_split_as_one_string_give_each_texts_own_words(seed: int) -> None:
    rng = random.Random(seed)
    pieces = (*WORDS, "\x00", "a\x00b", "\x1c", "\u2003", "\n", "Σ", "ΑΣ", "ς'", "")
    texts = ["".join(rng.choice(pieces) + rng.choice(("", " ", "  ")) for _ in range(
        rng.randint(0, 6))) for _ in range(rng.randint(0, 12))]
    words, marker = _words_of_texts(texts)
    # Split back at the markers: each text's words, lowered as that text alone.
    found: list[list[object]] = [[]]
    for word in words:
        if word is marker or (isinstance(marker, str) and word == marker):
            found.append([])
        else:
            found[-1].append(word)
    assert found == ([text.lower().split() for text in texts] if texts else [[]])


def test_a_text_with_the_break_as_a_word_is_split_text_by_text() -> None:
    words, marker = _words_of_texts(["koken \x00 tuin", "Zorg"])
    assert not isinstance(marker, str)
    assert words == ["koken", "\x00", "tuin", marker, "zorg"]


def test_the_tag_table_keeps_each_vacancys_distinct_tags_in_their_order() -> None:
    vacancies = [make_vacancy(id="a", tags=("zorg", "koken", "zorg")),
                 make_vacancy(id="b", tags=()),
                 make_vacancy(id="c", tags=("tuin", "koken", "tuin", "tuin"))]
    index = TextIndex().fit(vacancies)
    assert index.tags_ == ("zorg", "koken", "tuin")
    rows = [index.tag_members_[start:end].tolist() for start, end in
            zip(index.tag_pointers_[:-1], index.tag_pointers_[1:], strict=True)]
    assert rows == [[0, 1], [], [2, 1]]


def _people(seed: int, count: int) -> list[Participant]:
    """People with interests and notes from WORDS, some with nothing, some alike."""
    rng = random.Random(seed)
    people = []
    for i in range(count):
        interests = tuple(rng.choice(WORDS) for _ in range(rng.randint(0, 3)))
        note = " ".join(rng.choice(WORDS) for _ in range(rng.choice((0, 0, 3, 9))))
        people.append(make_participant(id=f"p-{i}", interests=interests, experience=note))
    return [*people, people[0], make_participant(id="p-empty", interests=(), experience="")]


@pytest.mark.parametrize(("n", "seed"), [(0, 1), (7, 2), (60, 3), (120, 4)])
def test_the_queries_of_many_people_are_each_persons_query(n: int, seed: int) -> None:
    index = TextIndex().fit(_corpus(n, seed))
    people = _people(seed, 40)
    for person, many in zip(people, index.queries(people), strict=True):
        one = index.query(person)
        assert many.terms.tolist() == one.terms.tolist()
        assert many.weights.tolist() == one.weights.tolist()  # the same bits
        assert many.empty == one.empty
    assert index.queries([]) == []


@pytest.mark.parametrize("seed", range(3))
def test_tag_matches_of_pairs_are_each_persons_tag_match(seed: int) -> None:
    index = TextIndex().fit(_corpus(50, seed))
    people = _people(seed, 30)
    rng = np.random.default_rng(seed)
    owner = np.sort(rng.integers(0, len(people), 400))
    rows = rng.integers(0, 50, 400)
    found = index.tag_match_pairs([p.interests for p in people], owner, rows)
    expected = [index.tag_match_all(people[o].interests, np.array([r]))[0]
                for o, r in zip(owner.tolist(), rows.tolist(), strict=True)]
    assert found.tolist() == expected


def _reference_postings(vacancies: list[Vacancy]) -> tuple[list[str], csr_matrix]:
    """The postings as the fit made them before pruning was settled from word counts:
    every n-gram multiplied out, the common ones cut from the product afterwards, and
    the norms added up with a bincount."""
    index = TextIndex()
    index.n_vacancies_ = n = len(vacancies)
    words, word_documents = index._word_counts(vacancies)
    grams, gram_words = index._analyse(words)
    counts = gram_words @ word_documents
    frequency = np.diff(counts.indptr)
    kept = np.flatnonzero(frequency <= MAX_DOCUMENT_SHARE * n)
    if n > MIN_DOCUMENTS_TO_PRUNE and 0 < len(kept) < len(grams):
        counts, frequency = counts[kept], frequency[kept]
        grams = [grams[i] for i in kept.tolist()]
    df = frequency.astype(np.float64)
    df += 1.0
    idf = np.full_like(df, fill_value=n + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    values = counts.data * np.repeat(idf, frequency)
    norms = np.sqrt(np.bincount(counts.indices, weights=values * values, minlength=n))
    norms[norms == 0.0] = 1.0
    values /= norms[counts.indices]
    return grams, csr_matrix((values, counts.indices, counts.indptr), shape=counts.shape)


def _same_csr(found: csr_matrix, expected: csr_matrix) -> bool:
    return found.shape == expected.shape and all(
        np.array_equal(getattr(found, part), getattr(expected, part))
        and getattr(found, part).dtype == getattr(expected, part).dtype
        for part in ("data", "indices", "indptr"))


def _unsure_grams(vacancies: list[Vacancy]) -> int:
    """n-grams whose words' own frequencies do not settle whether pruning drops them."""
    index = TextIndex()
    index.n_vacancies_ = n = len(vacancies)
    words, word_documents = index._word_counts(vacancies)
    _, gram_words = index._analyse(words)
    per_word = np.diff(word_documents.indptr)
    unsure = 0
    for gram in range(gram_words.shape[0]):
        own = per_word[gram_words.indices[gram_words.indptr[gram]:gram_words.indptr[gram + 1]]]
        unsure += int(own.max() <= MAX_DOCUMENT_SHARE * n < own.sum())
    return unsure


@pytest.mark.parametrize(("n", "seed"), [(7, 1), (150, 2), (400, 4), (600, 8)])
def test_the_fit_stores_the_very_postings_of_the_whole_product(n: int, seed: int) -> None:
    vacancies = _corpus(n, seed)
    grams, expected = _reference_postings(vacancies)
    index = TextIndex().fit(vacancies)
    assert list(index.vocabulary_) == grams
    assert _same_csr(index.postings_, expected)  # same bits, same order within each row
    assert _same_csr(index.matrix_, expected.T.tocsr())
    if n > MIN_DOCUMENTS_TO_PRUNE:  # some n-grams were pruned, and some had to be counted
        assert len(grams) < index._analyse(index._word_counts(vacancies)[0])[0].__len__()
        assert _unsure_grams(vacancies) > 0


def test_the_word_counts_are_each_vacancys_weighted_words_in_canonical_order() -> None:
    vacancies = _corpus(90, 9)
    words, counts = TextIndex()._word_counts(vacancies)
    fields = [[" ".join(v.tags) for v in vacancies], [v.title for v in vacancies],
              [v.description for v in vacancies]]
    # Words numbered in order of first sight: every tag text, then titles, then descriptions.
    assert words == list(dict.fromkeys(
        word for texts in fields for text in texts for word in text.lower().split()))
    expected = np.zeros((len(words), len(vacancies)))
    number = {word: i for i, word in enumerate(words)}
    for weight, texts in zip((3.0, 2.0, 1.0), fields, strict=True):
        for at, text in enumerate(texts):
            for word in text.lower().split():
                expected[number[word], at] += weight
    assert counts.has_canonical_format  # sorted, each (word, vacancy) once
    assert np.array_equal(counts.toarray(), expected)


@pytest.mark.parametrize("take_slice", [7, 1 << 20])  # many slices and a short last one; one
def test_weighing_adds_each_vacancys_squares_as_a_bincount_would(
        take_slice: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "_TAKE_SLICE", take_slice)
    rng = np.random.default_rng(3)
    dense = rng.integers(0, 4, size=(300, 80)) * rng.choice([1.0, 2.0, 3.0, 5.0], (300, 80))
    counts = csr_matrix(dense)
    idf = 1.0 + rng.random(300) * 7
    frequency = np.diff(counts.indptr)
    values = counts.data * np.repeat(idf, frequency)
    norms = np.sqrt(np.bincount(counts.indices, weights=values * values, minlength=80))
    norms[norms == 0.0] = 1.0
    expected = values / norms[counts.indices]
    assert np.array_equal(_weighed(counts, idf).data, expected)  # bit for bit


def test_the_rows_product_is_scipys_to_the_last_bit() -> None:
    """The text similarity's in-place kernel call gives ``matrix[rows] @ dense`` exactly:
    rows ascending (as the engine asks), in any order, repeated, empty, none, all."""
    from scipy.sparse import csr_matrix, diags
    from scipy.sparse import random as sparse_random

    from matching.text import _rows_times

    rng = np.random.default_rng(7)
    matrix = sparse_random(400, 300, density=0.05, format="csr", random_state=8)
    matrix.data = rng.random(matrix.nnz)  # weights of all magnitudes, float64
    empty = np.array([0, 17, 18, 399])  # rows without stored values are asked for too
    matrix = diags(np.isin(np.arange(400), empty, invert=True).astype(np.float64)) @ matrix
    matrix = csr_matrix(matrix)
    matrix.eliminate_zeros()
    assert np.diff(matrix.indptr)[empty].tolist() == [0, 0, 0, 0]
    dense = np.zeros(300)
    dense[rng.choice(300, 40, replace=False)] = rng.random(40)
    asked = [np.sort(rng.choice(400, size, replace=False)) for size in (350, 3, 120, 0, 1)]
    asked += [np.arange(400), rng.choice(400, 50, replace=False), np.array([5, 5, 2, 399, 5]),
              np.array([0, 1, 17, 18, 19, 398, 399])]
    for rows in asked:
        rows = rows.astype(np.int64)
        expected = np.asarray(matrix[rows] @ dense, dtype=np.float64)
        assert np.array_equal(_rows_times(matrix, rows, dense), expected)


def test_huge_pages_off_stops_numpys_huge_page_hint() -> None:
    from numpy._core import multiarray

    was = multiarray._set_madvise_hugepage(True)  # returns the setting it replaces
    try:
        text_module.huge_pages_off()
        assert multiarray._set_madvise_hugepage(True) is False  # it was off
    finally:
        multiarray._set_madvise_hugepage(was)


def test_tag_match_at_rows_is_the_best_over_each_vacancys_tags() -> None:
    """The grid of tags per vacancy gives the segments' maxima: vacancies without tags,
    with repeated tags, with more tags than a grid row holds; rows in any order; and
    an edited index (new tag arrays) its own grid."""
    from matching.text import TAG_GRID_WIDTH, EditableTextIndex

    rng = random.Random(11)
    names = ("koken", "kok", "keuken", "zorg", "ouderenzorg", "tuin", "tuinieren", "fietsen",
             "fietsreparatie", "winkel", "kassa", "techniek", "schoonmaak", "bakken")
    sizes = [0, 1, 2, TAG_GRID_WIDTH, TAG_GRID_WIDTH + 1, TAG_GRID_WIDTH + 5] * 10
    vacancies = [make_vacancy(id=f"v-{i:03d}", title="Werk",
                              tags=tuple(rng.choice(names) for _ in range(size)))
                 for i, size in enumerate(sizes)]
    index = TextIndex().fit(vacancies)
    interests = [("koken",), ("zorg", "tuin"), ("fietsen repareren", "kassa", "bakken"), ("x",)]

    def by_segments(found: TextIndex, wanted: tuple[str, ...], rows: np.ndarray) -> list[float]:
        every = found.tag_match_all(wanted)  # all vacancies: through the CSR segments
        return [float(every[row]) for row in rows]

    orders = [np.arange(len(vacancies)), np.array(rng.sample(range(len(vacancies)), 25)),
              np.array([4, 5, 0, 4])]
    for wanted in interests:
        for rows in orders:
            rows = rows.astype(np.int64)
            assert index.tag_match_all(wanted, rows).tolist() == by_segments(index, wanted, rows)
    edited = EditableTextIndex.of(index).replaced(
        3, make_vacancy(id="v-003", title="Werk", tags=("koken",) * 3 + names))
    edited = edited.appended(make_vacancy(id="v-999", title="Werk", tags=("kassa",)))
    rows = np.arange(len(vacancies) + 1, dtype=np.int64)
    for wanted in interests:
        assert edited.tag_match_all(wanted, rows).tolist() == by_segments(edited, wanted, rows)
        assert index.tag_match_all(wanted, rows[:-1]).tolist() == by_segments(
            index, wanted, rows[:-1])
