"""Interest similarity: fuzzy tag matching and a character n-gram TF-IDF index.

Two signals, both in [0, 1]:

* **tag match** -- each participant interest against each vacancy tag with
  :func:`term_similarity`: RapidFuzz's ratio on crudely stemmed, space-free
  phrases, plus credit for Dutch compounds (``zorg`` in ``ouderenzorg``). So
  ``kok`` ~ ``koken`` and ``fietsen repareren`` ~ ``fietsreparatie``. Scores under
  :data:`TAG_MATCH_CUTOFF` count as no match.
* **text similarity** -- cosine between the participant's interests and
  experience and the vacancy's tags (weighted 3), title (2) and description (1),
  over TF-IDF of character n-grams within words, which copes with compounds
  and spelling variants without a Dutch dictionary.

:class:`TextIndex` computes both per pair (reference engine) and for all
vacancies at once (fast engine) with the same arithmetic in the same order, so
the two agree to the last bit.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, count
from operator import attrgetter
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from matching.types import Participant, Vacancy

__all__ = [
    "TAG_MATCH_CUTOFF",
    "Query",
    "TagMatch",
    "STOP_WORDS",
    "TextIndex",
    "FALSE_FRIENDS",
    "MISLEADING_COMPOUNDS",
    "best_tag_match",
    "clean_text",
    "false_friends",
    "huge_pages_off",
    "misleading_interests",
    "misleading_parts",
    "misled",
    "vacancy_tag_match",
    "stem_phrase",
    "term_similarity",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: A tag similarity below this is not a match (``koken`` ~ ``bakken`` is 0.57).
TAG_MATCH_CUTOFF = 0.8
#: Interests whose tag scores a fitted index keeps (each is one float per distinct tag).
MAX_CACHED_INTERESTS = 4096
#: Words whose vocabulary columns a fitted index keeps for queries.
MAX_CACHED_WORDS = 65536
#: Credit for one stem containing the other at its start or end (a compound).
COMPOUND_SIMILARITY = 0.9
#: Shorter stems than this are not trusted inside compounds (``it``, ``kok``).
MIN_COMPOUND_STEM = 4

# Longest first; a crude Dutch stemmer is enough because RapidFuzz absorbs the rest.
_SUFFIXES = ("aties", "atie", "ingen", "ing", "eren", "ers", "en", "er", "es", "e", "s")


def _stem_word(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem_word(word) for word in default_process(text).split())


def stem_phrase(text: str) -> str:
    """Lower-case, strip punctuation, stem each word and join without spaces.

    Joining makes a phrase comparable with its compound (Dutch writes
    ``fietsreparatie`` for ``fietsen repareren``).

    Examples
    --------
    >>> stem_phrase("Fietsen repareren"), stem_phrase("fietsreparatie")
    ('fietsrepar', 'fietsrepar')
    """
    return "".join(_stems(text))


def _compound(short: str, long: str) -> bool:
    return len(short) >= MIN_COMPOUND_STEM and (long.startswith(short) or long.endswith(short))


@lru_cache(maxsize=262144)
def term_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two interest terms or tags, tolerant of Dutch variants.

    Examples
    --------
    >>> term_similarity("kok", "koken"), term_similarity("zorg", "ouderenzorg")
    (1.0, 0.9)
    >>> term_similarity("koken", "bakken") < TAG_MATCH_CUTOFF
    True
    """
    first, second = stem_phrase(a), stem_phrase(b)
    if not first or not second or false_friends(a, b):
        return 0.0
    score = float(fuzz.ratio(first, second)) / 100.0
    # Compounds are checked on stems and on the plain words, since the crude
    # stemmer sometimes cuts too much ("ouderen" -> "oud").
    plain_a, plain_b = default_process(a).replace(" ", ""), default_process(b).replace(" ", "")
    compound = any(
        _compound(*sorted(pair, key=len)) for pair in ((first, second), (plain_a, plain_b))
    )
    shared_word = any(len(word) >= MIN_COMPOUND_STEM for word in set(_stems(a)) & set(_stems(b)))
    if compound or shared_word:
        score = max(score, COMPOUND_SIMILARITY)
    return score


#: Word pairs that look alike to RapidFuzz or sit close in the sentence model but
#: name different work. Neither a tag match nor a reason may join them: a coach
#: reading "Past bij interesse monteur: monturen" aloud would lose the person's trust.
#: Found by reading every interest reason the engine gave on bench/quality/.
FALSE_FRIENDS: frozenset[frozenset[str]] = frozenset(frozenset(pair) for pair in (
    ("monteur", "monturen"),  # a mechanic; the frames of glasses
    ("boeken", "bezoekers"),  # books; visitors ("boek" ~ "bezoek")
    ("zorg", "huidverzorging"),  # care; skin care in a beauty salon
    ("bakken", "koken"),  # baking is its own trade in a bakery
    ("games", "spelen"),  # gaming; playing with children
))


def false_friends(a: str, b: str) -> bool:
    """Whether two terms are a known false pair (:data:`FALSE_FRIENDS`).

    Examples
    --------
    >>> false_friends("Monteur", "monturen"), false_friends("monteur", "automonteur")
    (True, False)
    """
    return frozenset((default_process(a).strip(), default_process(b).strip())) in FALSE_FRIENDS


@dataclass(frozen=True, slots=True)
class TagMatch:
    """The best interest-tag pair of a participant and a vacancy.

    ``score`` is 0 when nothing reaches :data:`TAG_MATCH_CUTOFF`.

    Examples
    --------
    >>> best_tag_match(("koken",), ("kok", "schoonmaak")).interest
    'koken'
    """

    score: float
    interest: str = ""
    tag: str = ""


#: No interest reaches a tag (frozen, so one object serves every pair).
_NO_TAG_MATCH = TagMatch(0.0)


def best_tag_match(interests: Sequence[str], tags: Sequence[str]) -> TagMatch:
    """Return the best-scoring (interest, tag) pair; first wins on ties.

    Examples
    --------
    >>> best_tag_match(("fietsen repareren",), ("fietsreparatie",)).score
    1.0
    >>> best_tag_match(("koken",), ("bakken",)).score
    0.0
    """
    best = _NO_TAG_MATCH
    for interest in interests:
        for tag in tags:
            score = term_similarity(interest, tag)
            if score >= TAG_MATCH_CUTOFF and score > best.score:
                best = TagMatch(score, interest, tag)
    return best


#: Dutch compounds whose first part says nothing about the work: a
#: kinderboerderij is a petting farm (animals, visitors), not work with children.
#: A title naming one gives an interest in its first part no evidence at all --
#: neither the tag nor the text nor the meaning -- so no reason claims it.
MISLEADING_COMPOUNDS: dict[str, str] = {
    "kinderboerderij": "kinderen",
    "kinderkleding": "kinderen",
    "kinderkledingwinkel": "kinderen",
    "ouderavond": "ouderen",
    "oudercommissie": "ouderen",
    "ouderraad": "ouderen",
    "dierenarts": "dieren",
    "autowasstraat": "auto's",
}


@lru_cache(maxsize=65536)  # a region repeats titles; a 50k fit asks for each one
def misleading_parts(title: str) -> tuple[str, ...]:
    """The first parts of the misleading compounds a title names.

    Examples
    --------
    >>> misleading_parts("Vrijwilliger Kinderboerderij De Beestenbende")
    ('kinderen',)
    """
    words = default_process(title.replace("-", " ")).split()
    return tuple(dict.fromkeys(
        MISLEADING_COMPOUNDS[word] for word in words if word in MISLEADING_COMPOUNDS
    ))


def misled(interest: str, part: str) -> bool:
    """Whether an interest is what a misleading compound's first part seems to say."""
    return term_similarity(interest, part) >= TAG_MATCH_CUTOFF


def misleading_interests(interests: Sequence[str], title: str) -> frozenset[str]:
    """The interests that a misleading compound in ``title`` only seems to fit.

    Examples
    --------
    >>> sorted(misleading_interests(("kinderen", "dieren"), "Vrijwilliger kinderboerderij"))
    ['kinderen']
    >>> misleading_interests(("kinderen",), "Kinderopvang De Boomhut")
    frozenset()
    """
    parts = misleading_parts(title)
    return frozenset(i for i in interests if any(misled(i, part) for part in parts))


def vacancy_tag_match(interests: Sequence[str], vacancy: Vacancy) -> TagMatch:
    """:func:`best_tag_match` on a vacancy's tags, without interests its title misleads.

    Examples
    --------
    >>> v = Vacancy("v", "vrijwilligerswerk", "Kinderboerderij", (), 1, tags=("kinderen",))
    >>> vacancy_tag_match(("kinderen",), v).score
    0.0
    """
    if misleading_parts(vacancy.title):  # rare: most titles name no misleading compound
        void = misleading_interests(interests, vacancy.title)
        interests = [i for i in interests if i not in void]
    return best_tag_match(interests, vacancy.tags)


#: Dutch function words: they say nothing about interests and, being in almost
#: every text, would dominate the cost of every lookup.
STOP_WORDS: frozenset[str] = frozenset("""
aan al alle als bij dan dat de deze die dit door een en er ervoor haar had heb hebben heeft
hem het hier hij hoe hun ik in is je jij jou jouw kan kun kunnen maar me meer men met mij mijn
na naar niet nog nu of om onder ons onze ook op over te tegen toe tot u uit uw van veel voor
want was wat we wel werd wie wij wil worden wordt zal ze zelf zich zij zijn zo zoals zonder
""".split())
#: Terms in more than this share of the vacancies are dropped from the index...
MAX_DOCUMENT_SHARE = 0.5
#: ...but only in an index of more vacancies than this (small sets keep everything).
MIN_DOCUMENTS_TO_PRUNE = 100


def clean_text(text: str) -> str:
    """Lower-case and drop Dutch stop words; the same for vacancies and participants.

    Examples
    --------
    >>> clean_text("Ik heb in de keuken gewerkt")
    'keuken gewerkt'
    """
    return " ".join(word for word in text.lower().split() if word not in STOP_WORDS)


def vacancy_document(vacancy: Vacancy) -> str:
    """The text indexed for a vacancy: tags three times, title twice, description once.

    Examples
    --------
    >>> vacancy_document(Vacancy("v", "taalstage", "Kok", (), 1, tags=("koken",)))
    'koken\\nkoken\\nkoken\\nkok\\nkok\\n'
    """
    tags = clean_text(" ".join(vacancy.tags))
    title = clean_text(vacancy.title)
    return "\n".join([tags, tags, tags, title, title, clean_text(vacancy.description)])


def participant_document(participant: Participant) -> str:
    """The text a participant is matched on: interests and experience.

    Examples
    --------
    >>> participant_document(Participant("p", frozenset(), interests=("koken",)))
    'koken\\n'
    """
    return clean_text(" ".join(participant.interests)) + "\n" + clean_text(participant.experience)


@dataclass(frozen=True, slots=True)
class Query:
    """A participant's TF-IDF vector as (term index, weight) pairs, in term order.

    ``empty`` is true when the participant gave no interests and no experience.
    """

    terms: IntArray
    weights: FloatArray
    empty: bool


def char_wb_grams(word: str, min_n: int, max_n: int) -> list[str]:
    """The character n-grams of one word, padded with a space at each end.

    The same n-grams, in the same order, as scikit-learn's ``analyzer="char_wb"``
    gives for a one-word document (a word shorter than ``n`` counts once).

    Examples
    --------
    >>> char_wb_grams("kok", 3, 5)
    [' ko', 'kok', 'ok ', ' kok', 'kok ', ' kok ']
    """
    padded = f" {word} "
    grams: list[str] = []
    for n in range(min_n, max_n + 1):
        last = max(len(padded) - n, 0)
        grams.extend(padded[offset : offset + n] for offset in range(last + 1))
        if last == 0:
            break
    return grams


def huge_pages_off() -> None:
    """Stop numpy asking the kernel for transparent huge pages for its large arrays.

    Where the kernel compacts memory when asked for a huge page (``defrag`` set to
    ``madvise``, as on this machine), a fit whose arrays need fresh pages waits for
    that compaction: refitting 50k vacancies while the index in use is still held
    took 0.70 s of system time (1.17 s wall, CPU 1.61 s) against 0.20 s without
    the hint (0.85 s wall, CPU 1.20 s), and ranking was no slower. Process-wide, so
    only entry points call it: the command line and the web server.
    """
    from numpy._core import multiarray  # numpy >= 2; the hint is Linux-only anyway

    switch = getattr(multiarray, "_set_madvise_hugepage", None)
    if switch is not None:
        switch(False)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects without cycles are made.

    Each allocation batch would otherwise trigger a collection that walks every
    live object (the vacancies too): that doubled a fit's time and cost about a
    tenth of a 20 x 10k rank on the command line. Switched back on afterwards, for
    callers inside a longer process.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _segments(pointers: IntArray, rows: IntArray) -> tuple[IntArray, IntArray]:
    """Flat positions of the CSR segments ``rows`` and the length of each segment.

    Examples
    --------
    >>> positions, lengths = _segments(np.array([0, 2, 2, 5]), np.array([2, 1, 0]))
    >>> positions.tolist(), lengths.tolist()
    ([2, 3, 4, 0, 1], [3, 0, 2])
    """
    starts = pointers[rows]
    lengths = pointers[rows + 1] - starts
    total = int(lengths.sum())
    # Each position is its segment's start plus its offset within the segment.
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    positions: IntArray = np.repeat(starts, lengths) + offsets
    return positions, lengths


def _rows_times(
    matrix: Any, rows: IntArray, dense: FloatArray,
    bounds: tuple[IntArray, IntArray] | None = None,
) -> FloatArray:
    """``matrix[rows] @ dense`` for a CSR ``matrix``, read in place (nothing copied).

    scipy's own kernel for that expression's product, each row's products summed in
    its stored order, so the same numbers (tested), but called on the matrix's own
    arrays: the kernel sums row ``i`` over ``pointers[i]:pointers[i + 1]``, and
    pointers that list each wanted row's start and end, the rows in descending
    order, make every row between two wanted ones end before it starts, so it sums
    nothing. Copying the rows first (what indexing does) cost more than the product.
    ``bounds``: the rows' starts and ends in the matrix, when the caller has them.
    Falls back to the expression when scipy's kernels are not where this scipy
    version keeps them.
    """
    try:
        from scipy.sparse import _sparsetools as kernels
    except ImportError:  # pragma: no cover - another scipy layout
        kernels = None
    if kernels is None or matrix.data.dtype != np.float64:
        return np.asarray(matrix[rows] @ dense, dtype=np.float64)
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float64)
    starts, ends = _row_bounds(matrix, rows) if bounds is None else bounds
    ascending = bool(np.all(rows[1:] >= rows[:-1]))  # as the engine asks: no sort needed
    order = None if ascending else np.argsort(rows, kind="stable")
    if order is not None:
        starts, ends = starts[order], ends[order]
    # Wanted rows, last first: a gap "row" runs from a wanted row's end back to the
    # start of the next (lower) one, never forward.
    pointers = np.empty(2 * len(rows), dtype=matrix.indices.dtype)
    pointers[0::2] = starts[::-1]
    pointers[1::2] = ends[::-1]
    sums = np.zeros(len(pointers) - 1, dtype=np.float64)
    kernels.csr_matvec(len(sums), matrix.shape[1], pointers, matrix.indices, matrix.data,
                       dense, sums)
    found: FloatArray = np.ascontiguousarray(sums[::-2])  # the wanted rows, first first
    if order is None:
        return found
    result = np.empty(len(rows), dtype=np.float64)
    result[order] = found
    return result


def _row_bounds(matrix: Any, rows: IntArray) -> tuple[IntArray, IntArray]:
    """Where the CSR ``matrix``'s ``rows`` start and end in its stored values."""
    pointers = matrix.indptr
    return pointers[rows], pointers[1:][rows]


#: The rows route of :meth:`TextIndex.similarity_all` reads its stored values in place
#: at 1.3-1.8 ns each on this machine (50k vacancies), the postings route builds a
#: sparse product at 2.6-3.4 ns each: the rows are cheaper up to about twice as many.
ROWS_ROUTE_SHARE = 2


#: Written between texts that are lowered and split as one string (see
#: :func:`_words_of_texts`).
_TEXT_BREAK = "\x00"


def _words_of_texts(texts: list[str]) -> tuple[list[Hashable], Hashable]:
    """Every text's ``text.lower().split()`` in order, a marker between texts; and the marker.

    The texts are lowered and split as one string with :data:`_TEXT_BREAK` between
    them: two C calls instead of two per text (those per-text calls and their lists
    were a fifth of a 50k fit). The spaces around the break keep the words at each
    text's edges, and their lowering, as they are (the one context ``lower`` reads,
    a Greek final sigma, ends at a space as at the end of a string). When a text has
    the break in it (as a word, it would pass for a marker), the texts are split one
    by one instead, with a marker no word equals.

    Examples
    --------
    >>> words, marker = _words_of_texts(["Kok  Koken", "", "tuin"])
    >>> [word for word in words if word != marker], words.count(marker)
    (['kok', 'koken', 'tuin'], 2)
    """
    joined = f" {_TEXT_BREAK} ".join(texts)
    # Counting one character in the string is a fraction of counting the words.
    if texts and joined.count(_TEXT_BREAK) == len(texts) - 1:
        return list(joined.lower().split()), _TEXT_BREAK
    del joined
    marker = object()
    words = []
    for at, text in enumerate(texts):
        if at:
            words.append(marker)
        words.extend(text.lower().split())
    return words, marker


class TextIndex:
    """TF-IDF and tag index over a fixed list of vacancies.

    The vocabulary and IDF are those of scikit-learn's ``TfidfVectorizer(
    analyzer="char_wb", ngram_range=(3, 5), max_df=...)`` on :func:`vacancy_document`
    (tested), but each distinct word is analysed once: a document's n-gram counts
    are its word counts times each word's n-gram counts (one sparse product), so
    a fit costs about a fifth of the vectoriser's, and scikit-learn is not needed.

    Parameters
    ----------
    ngram_range : tuple of int, default (3, 5)
        Character n-gram lengths, within word boundaries.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        Each n-gram's column, in sorted order.
    idf_ : ndarray of float
        Smoothed IDF per column, ``log((1 + n) / (1 + df)) + 1``.
    matrix_ : scipy.sparse.csr_matrix
        One L2-normalised row per vacancy, columns sorted within each row.
    postings_ : scipy.sparse.csr_matrix
        The transpose, for looking up which vacancies contain a term.
    vectorizer_ : TfidfVectorizer
        An equivalent fitted scikit-learn vectoriser, built when first asked for.
    tags_ : tuple of str
        Distinct tags, as written.

    Examples
    --------
    >>> vs = [Vacancy("a", "taalstage", "Kok", (), 1, tags=("koken",)),
    ...       Vacancy("b", "taalstage", "Tuin", (), 1, tags=("tuin",))]
    >>> index = TextIndex().fit(vs)
    >>> q = index.query(Participant("p", frozenset(), interests=("koken",)))
    >>> index.similarity_one(q, 0) > index.similarity_one(q, 1)
    True
    """

    def __init__(self, *, ngram_range: tuple[int, int] = (3, 5)) -> None:
        self.ngram_range = ngram_range

    def fit(self, vacancies: Sequence[Vacancy]) -> TextIndex:
        """Learn the vocabulary, IDF and tag table from the vacancies; return self."""
        from scipy.sparse import csr_matrix  # only a fit needs scipy

        self.n_vacancies_ = len(vacancies)
        self.vocabulary_: dict[str, int] = {}
        self.idf_ = np.zeros(0, dtype=np.float64)
        words, word_documents = self._word_counts(vacancies)
        grams, gram_words = self._analyse(words)
        if grams:
            # Very common n-grams barely discriminate but make every lookup touch most
            # of the index; they are dropped in large indexes only.
            kept = self._kept_grams(gram_words, word_documents)
            if kept is not None:  # the pruned n-grams are never multiplied out
                gram_words = gram_words[kept]
                grams = [grams[i] for i in kept.tolist()]
            # n-gram x vacancy counts: the postings, one row per n-gram in sorted order.
            postings = self._weigh(gram_words @ word_documents, grams)
        else:  # no vacancies, or texts of stop words only: nothing to compare with
            postings = csr_matrix((0, len(vacancies)), dtype=np.float64)
        self.has_vocabulary_ = bool(self.vocabulary_)
        self.postings_ = postings
        # The vacancy rows; a CSR-to-CSC pass leaves each row's terms sorted.
        self.matrix_ = postings.T.tocsr()
        self._fit_tags(vacancies)
        self._tag_cache: dict[str, FloatArray] = {}
        self._word_grams: dict[str, tuple[int, ...]] = {}
        return self

    def _word_counts(self, vacancies: Sequence[Vacancy]) -> tuple[list[str], Any]:
        """The distinct words and their weighted counts per vacancy (word x vacancy CSR)."""
        from scipy.sparse import csr_matrix

        n = len(vacancies)
        # Tags count 3, the title 2, the description 1, as vacancy_document writes them:
        # the three fields of every vacancy are split as one run of 3n texts.
        with collector_paused():
            texts = [
                *map(" ".join, map(attrgetter("tags"), vacancies)),
                *map(attrgetter("title"), vacancies),
                *map(attrgetter("description"), vacancies),
            ]
            words, marker = _words_of_texts(texts)
            # Numbered on first sight in one pass (no dict of the distinct words first).
            number: defaultdict[Hashable, int] = defaultdict(count().__next__)
            number[marker] = -1
            ids = np.fromiter(map(number.__getitem__, words), dtype=np.int64, count=len(words))
            del words
            distinct = list(number)[1:]
        breaks = ids < 0
        text_of = np.cumsum(breaks)[~breaks]
        vacancy = text_of % max(n, 1)
        # The three runs (tags, titles, descriptions), each in vacancy order, merged
        # into one (a stable sort of sorted runs is a merge): each word's vacancies then
        # come in order, so scipy only adds up repeats instead of sorting every row.
        order = np.argsort(vacancy, kind="stable")
        field_weights = np.array([3.0, 2.0, 1.0])
        counts = csr_matrix(
            (field_weights[text_of[order] // max(n, 1)], (ids[~breaks][order], vacancy[order])),
            shape=(len(distinct), n),
        )  # duplicates (a word twice in a vacancy) are summed
        return cast(list[str], distinct), counts

    def _kept_grams(self, gram_words: Any, word_documents: Any) -> IntArray | None:
        """The n-grams (rows of ``gram_words``) that pruning keeps; None when it keeps all.

        An n-gram's document frequency is the number of vacancies with any of its
        words: at least its most frequent word's, at most the sum of its words'. Most
        n-grams are settled by those bounds; only the others are multiplied out (their
        rows alone), so the dropped ones never are.
        """
        n = self.n_vacancies_
        if n <= MIN_DOCUMENTS_TO_PRUNE:
            return None
        limit = MAX_DOCUMENT_SHARE * n
        # int64: the sum over many common words can pass 2**31 in a large index.
        of_words = np.diff(word_documents.indptr).astype(np.int64)[gram_words.indices]
        starts = gram_words.indptr[:-1]  # every n-gram comes from at least one word
        surely_dropped = np.maximum.reduceat(of_words, starts) > limit
        kept = np.add.reduceat(of_words, starts) <= limit
        unsure = np.flatnonzero(~surely_dropped & ~kept)
        if len(unsure):
            frequency = np.diff((gram_words[unsure] @ word_documents).indptr)
            kept[unsure[frequency <= limit]] = True
        if kept.all() or not kept.any():  # pruning that would leave nothing keeps all
            return None
        return np.flatnonzero(kept)

    def _analyse(self, words: list[str]) -> tuple[list[str], Any]:
        """The n-grams in sorted order and their counts per word (n-gram x word CSR).

        Each distinct word is analysed once; stop words have no n-grams.
        """
        from scipy.sparse import csr_matrix

        min_n, max_n = self.ngram_range
        positions = [at for at, word in enumerate(words) if word not in STOP_WORDS]
        # The lower() is scikit-learn's preprocessing, on a word already lowered.
        per_word = [char_wb_grams(words[at].lower(), min_n, max_n) for at in positions]
        lengths = np.fromiter(map(len, per_word), dtype=np.int64, count=len(per_word))
        every = list(chain.from_iterable(per_word))
        # Numbered on first sight in one C-level pass (a vocabulary of 30k words has
        # some 600k n-gram occurrences: a setdefault call each cost 0.27 s).
        found: defaultdict[str, int] = defaultdict(count().__next__)
        grams_of = np.fromiter(map(found.__getitem__, every), dtype=np.int64, count=len(every))
        grams = sorted(found)
        rank = np.empty(len(found), dtype=np.int64)
        rank[np.fromiter(map(found.__getitem__, grams), np.int64, len(grams))] = np.arange(
            len(grams)
        )
        counts = csr_matrix(
            (
                np.ones(len(every), dtype=np.float64),
                (rank[grams_of], np.repeat(np.asarray(positions, dtype=np.int64), lengths)),
            ),
            shape=(len(grams), len(words)),
        )
        return grams, counts

    def _weigh(self, counts: Any, grams: list[str]) -> Any:
        """Weigh n-gram x vacancy counts (pruned by :meth:`_kept_grams`); set the vocabulary
        and IDF.

        Returns the L2-normalised TF-IDF postings (n-gram x vacancy CSR).
        """
        n = self.n_vacancies_
        # One stored value per (n-gram, vacancy), so a row's length is its document frequency.
        frequency = np.diff(counts.indptr)
        self.vocabulary_ = {gram: column for column, gram in enumerate(grams)}
        # scikit-learn's smoothed IDF, operation for operation (same bits).
        df = frequency.astype(np.float64)
        df += 1.0
        idf = np.full_like(df, fill_value=n + 1, dtype=np.float64)
        idf /= df
        np.log(idf, out=idf)
        idf += 1.0
        self.idf_ = idf
        return _weighed(counts, idf)

    @property
    def vectorizer_(self) -> Any:
        """A scikit-learn ``TfidfVectorizer`` equivalent to this index (imports sklearn)."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        share = MAX_DOCUMENT_SHARE if self.n_vacancies_ > MIN_DOCUMENTS_TO_PRUNE else 1.0
        vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=self.ngram_range, lowercase=True,
            dtype=np.float64, max_df=share,
            vocabulary=self.vocabulary_ if self.has_vocabulary_ else None,
        )
        if self.has_vocabulary_:
            vectorizer.idf_ = self.idf_
        return vectorizer

    def _fit_tags(self, vacancies: Sequence[Vacancy]) -> None:
        """Distinct tags in order of first use, and each vacancy's distinct tags (CSR)."""
        per_vacancy = list(map(attrgetter("tags"), vacancies))
        every = [tag for tags in per_vacancy for tag in tags]
        number = {tag: i for i, tag in enumerate(dict.fromkeys(every))}
        members = np.fromiter(map(number.__getitem__, every), dtype=np.int64, count=len(every))
        lengths = np.fromiter(map(len, per_vacancy), dtype=np.int64, count=len(per_vacancy))
        owner = np.repeat(np.arange(len(per_vacancy), dtype=np.int64), lengths)
        # A tag written twice in one vacancy counts once, where it first appears.
        key = owner * max(len(number), 1) + members
        _, first = np.unique(key, return_index=True)
        if len(first) < len(key):
            kept = np.sort(first)
            members, owner = members[kept], owner[kept]
        pointers = np.zeros(len(per_vacancy) + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=len(per_vacancy)), out=pointers[1:])
        self.tags_ = tuple(number)
        self.tag_pointers_ = pointers
        self.tag_members_ = members

    def _columns_of(self, word: str) -> tuple[int, ...]:
        """The vocabulary columns of one word's n-grams, with repeats (cached per word)."""
        found = self._word_grams.get(word)
        if found is None:
            if len(self._word_grams) >= MAX_CACHED_WORDS:
                self._word_grams.clear()  # free text must not grow it forever
            min_n, max_n = self.ngram_range
            vocabulary = self.vocabulary_
            found = tuple(
                vocabulary[gram] for gram in char_wb_grams(word.lower(), min_n, max_n)
                if gram in vocabulary
            )
            self._word_grams[word] = found
        return found

    def query(self, participant: Participant) -> Query:
        """Vectorise a participant's interests and experience with the fitted IDF
        (:meth:`queries` of one person: the one definition, about 15 µs more than a
        copy of it for one person, on a ranking of 2.5 ms)."""
        return self.queries([participant])[0]

    def queries(self, participants: Sequence[Participant]) -> list[Query]:
        """Vectorise each participant's interests and experience with the fitted IDF.

        The n-gram columns of all people are counted in one pass (person, column
        pairs made unique together) instead of one small array dance per person;
        each person's norm is one ``np.dot`` over their own weights, so a person's
        weights have the same bits alone (:meth:`query`) as among many.

        Examples
        --------
        >>> index = TextIndex().fit([Vacancy("a", "taalstage", "Kok", (), 1, tags=("koken",))])
        >>> people = [Participant("p", frozenset(), interests=("koken",)),
        ...           Participant("q", frozenset())]
        >>> [(q.weights.tolist(), q.empty) for q in index.queries(people)] == [
        ...     (index.query(p).weights.tolist(), index.query(p).empty) for p in people]
        True
        """
        documents = [participant_document(p).split() for p in participants]
        nothing = np.zeros(0, np.int64), np.zeros(0, np.float64)
        if not self.has_vocabulary_:
            return [Query(*nothing, not words) for words in documents]
        columns_of = self._columns_of
        found = [list(chain.from_iterable(map(columns_of, words))) for words in documents]
        lengths = np.fromiter(map(len, found), np.int64, len(found))
        columns = np.fromiter(chain.from_iterable(found), np.int64, int(lengths.sum()))
        if len(found) == 1:  # one person (a ranking): no keys to make and split again
            terms, counts = np.unique(columns, return_counts=True)
            bounds = [0, len(terms)]
        else:
            width = len(self.idf_)
            # One key per (person, column): sorted by person, then by column as np.unique
            # sorts one person's columns.
            keys, counts = np.unique(
                np.repeat(np.arange(len(found), dtype=np.int64), lengths) * width + columns,
                return_counts=True)
            owner, terms = np.divmod(keys, width)
            bounds = np.searchsorted(owner, np.arange(len(found) + 1)).tolist()
        weights = counts * self.idf_[terms]
        result = []
        for person, words in enumerate(documents):
            start, stop = bounds[person], bounds[person + 1]
            if start == stop:
                result.append(Query(*nothing, not words))
                continue
            own = weights[start:stop]
            own /= np.sqrt(np.dot(own, own))
            result.append(Query(terms[start:stop], own, False))
        return result

    def similarity_one(self, query: Query, index: int) -> float:
        """Cosine between the query and one vacancy, summed in the query's term order."""
        start, end = self.matrix_.indptr[index], self.matrix_.indptr[index + 1]
        row = dict(zip(self.matrix_.indices[start:end].tolist(),
                       self.matrix_.data[start:end].tolist(), strict=True))
        total = 0.0
        for term, weight in zip(query.terms.tolist(), query.weights.tolist(), strict=True):
            value = row.get(term)
            if value is not None:
                total += weight * value
        return min(1.0, total)

    def similarity_all(self, query: Query, rows: IntArray | None = None) -> FloatArray:
        """Cosine between the query and the vacancies at ``rows`` (default: all).

        Sums run over terms in ascending index order, as in :meth:`similarity_one`,
        so both engines get the same numbers. Two routes give the same sums: through
        the postings of the query's terms, or through the rows asked for (adding
        exact zeros for the other terms); the rows are taken unless they hold
        :data:`ROWS_ROUTE_SHARE` times as many stored values as the terms' postings.
        scipy's sparse products do the arithmetic (imported by the fit).
        """
        from scipy.sparse import csr_matrix

        wanted = self.n_vacancies_ if rows is None else len(rows)
        if len(query.terms) == 0 or wanted == 0:
            return np.zeros(wanted, dtype=np.float64)
        postings, matrix = self.postings_, self.matrix_
        starts, ends = _row_bounds(postings, query.terms)
        through_terms = int(np.sum(ends - starts))
        if rows is not None:
            bounds = _row_bounds(matrix, rows)
            through_rows = int(np.sum(bounds[1] - bounds[0]))
            if through_rows < ROWS_ROUTE_SHARE * through_terms:
                # A fresh dense query each call: a shared buffer would race between threads.
                dense = np.zeros(matrix.shape[1], dtype=np.float64)
                dense[query.terms] = query.weights
                found = _rows_times(matrix, rows, dense, bounds)
                near: FloatArray = np.minimum(found, 1.0, out=found)
                return near
        pointers = np.array([0, len(query.terms)])
        vector = csr_matrix((query.weights, query.terms, pointers), shape=(1, matrix.shape[1]))
        totals = np.asarray((vector @ postings).toarray(), dtype=np.float64).ravel()
        result: FloatArray = np.minimum(totals if rows is None else totals[rows], 1.0)
        return result

    def similarity_pairs(
        self, queries: Sequence[Query], owner: IntArray, rows: IntArray
    ) -> FloatArray:
        """Per pair ``i``: ``similarity_all(queries[owner[i]])[rows[i]]``, one product for all.

        Each query's row of the product is summed in its term order, as
        :meth:`similarity_all` sums it, so the numbers are the same.
        """
        from scipy.sparse import csr_matrix

        result = np.zeros(len(owner), dtype=np.float64)
        if len(owner) == 0 or not any(len(query.terms) for query in queries):
            return result
        lengths = np.fromiter((len(query.terms) for query in queries), np.int64, len(queries))
        pointers = np.concatenate([[0], np.cumsum(lengths)])
        vectors = csr_matrix(
            (np.concatenate([query.weights for query in queries]),
             np.concatenate([query.terms for query in queries]), pointers),
            shape=(len(queries), self.postings_.shape[0]),
        )
        totals = np.asarray((vectors @ self.postings_).toarray(), dtype=np.float64)
        found: FloatArray = np.minimum(totals[owner, rows], 1.0)
        return found

    def tag_match_pairs(
        self, interests: Sequence[Sequence[str]], owner: IntArray, rows: IntArray
    ) -> FloatArray:
        """Per pair ``i``: ``tag_match_all(interests[owner[i]])`` at vacancy ``rows[i]``.

        Each distinct interest is scored against the tags once; a person's score per
        tag is the best of their interests' scores, those below the cutoff counting 0
        (the same maximum as cutting off the best one).
        """
        result = np.zeros(len(owner), dtype=np.float64)
        if not self.tags_ or len(owner) == 0:
            return result
        number: dict[str, int] = {}
        which = [number.setdefault(i, len(number)) for own in interests for i in own]
        per_tag = np.zeros((len(interests), len(self.tags_)))
        if number:
            scores = np.stack([self._interest_scores(i) for i in number])
            scores = np.where(scores >= TAG_MATCH_CUTOFF, scores, 0.0)
            lengths = np.fromiter(map(len, interests), np.int64, len(interests))
            asked = lengths > 0
            # reduceat misbehaves on empty segments, so only people with interests.
            per_tag[asked] = np.maximum.reduceat(
                scores[which], (np.cumsum(lengths) - lengths)[asked], axis=0)
        positions, counts = _segments(self.tag_pointers_, rows)
        has_tags = counts > 0
        if not np.any(has_tags):
            return result
        values = per_tag[np.repeat(owner, counts), self.tag_members_[positions]]
        starts = (np.cumsum(counts) - counts)[has_tags]
        # reduceat misbehaves on empty segments, so only rows with tags take part.
        result[has_tags] = np.maximum.reduceat(values, starts)
        return result

    def _interest_scores(self, interest: str) -> FloatArray:
        cached = self._tag_cache.get(interest)
        if cached is None:
            if len(self._tag_cache) >= MAX_CACHED_INTERESTS:
                self._tag_cache.clear()  # free-text interests must not grow it forever
            cached = np.fromiter(
                (term_similarity(interest, tag) for tag in self.tags_),
                dtype=np.float64, count=len(self.tags_),
            )
            self._tag_cache[interest] = cached
        return cached

    def tag_match_all(self, interests: Sequence[str], rows: IntArray | None = None) -> FloatArray:
        """Best tag-match score per vacancy at ``rows`` (default: all), 0 below the cutoff."""
        wanted = self.n_vacancies_ if rows is None else len(rows)
        result = np.zeros(wanted, dtype=np.float64)
        if not interests or not self.tags_ or wanted == 0:
            return result
        per_tag = np.max(np.stack([self._interest_scores(i) for i in interests]), axis=0)
        per_tag = np.where(per_tag >= TAG_MATCH_CUTOFF, per_tag, 0.0)
        if rows is not None:
            return self._tag_match_rows(per_tag, rows)
        members, counts = self.tag_members_, np.diff(self.tag_pointers_)
        has_tags = counts > 0
        if not np.any(has_tags):
            return result
        values = per_tag[members]
        starts = (np.cumsum(counts) - counts)[has_tags]
        # reduceat misbehaves on empty segments, so only rows with tags take part.
        result[has_tags] = np.maximum.reduceat(values, starts)
        return result

    def _tag_match_rows(self, per_tag: FloatArray, rows: IntArray) -> FloatArray:
        """The best of ``per_tag`` (0 or at least the cutoff) over each vacancy's tags, at
        ``rows``: a few array steps over :func:`_tag_grid` (a maximum is exact, so the
        same numbers as over the CSR segments), the segments only for the rare vacancy
        with more tags than the grid holds."""
        grid, overflow = _tag_grid(self)
        # The padding points one past the tags: a score of 0, no more than any tag's.
        padded = np.append(per_tag, 0.0)
        # One row of the grid per tag slot: the maximum over the slots is elementwise
        # (a few calls; numpy's max over a short axis took four times as long).
        slots = padded[grid[:, rows]]
        result: FloatArray = slots[0] if len(slots) else np.zeros(len(rows))
        for slot in slots[1:]:
            np.maximum(result, slot, out=result)
        if len(overflow):
            long = np.flatnonzero(np.isin(rows, overflow))
            if len(long):
                positions, counts = _segments(self.tag_pointers_, rows[long])
                starts = np.cumsum(counts) - counts
                result[long] = np.maximum.reduceat(per_tag[self.tag_members_[positions]], starts)
        return result

    # ------------------------------------------------------------------ edits (index.py)

    def transform(self, vacancies: Sequence[Vacancy]) -> TextIndex:
        """An index of ``vacancies`` over this index's fitted vocabulary and IDF.

        Nothing is learnt: the rows are what :meth:`fit` would have given them had
        these texts been in the fitted set without changing its statistics.
        :class:`EditableTextIndex` keeps edited rows this way until a refit.

        Examples
        --------
        >>> fitted = TextIndex().fit([Vacancy("a", "taalstage", "Kok", (), 1, tags=("koken",))])
        >>> fitted.transform([Vacancy("b", "taalstage", "Koken", (), 1)]).matrix_.shape[0]
        1
        """
        from scipy.sparse import csr_matrix

        index = object.__new__(TextIndex)
        index.__dict__.update(vars(self))  # the vocabulary, IDF and word cache are shared
        index.n_vacancies_ = len(vacancies)
        words, word_documents = self._word_counts(vacancies)
        # Each word's fitted columns (n-grams outside the vocabulary are dropped, as a
        # vectoriser with a fixed vocabulary drops them); stop words have none.
        word_of: list[int] = []
        columns: list[int] = []
        for position, word in enumerate(words):
            if word not in STOP_WORDS:
                found = self._columns_of(word)
                columns.extend(found)
                word_of.extend([position] * len(found))
        gram_words = csr_matrix(
            (np.ones(len(columns), dtype=np.float64),
             (np.asarray(columns, dtype=np.int64), np.asarray(word_of, dtype=np.int64))),
            shape=(len(self.idf_), len(words)),
        )
        postings = (gram_words @ word_documents).tocsr()
        postings.sort_indices()
        index.postings_ = self._weighed_rows(postings)
        index.matrix_ = index.postings_.T.tocsr()
        index._fit_tags(vacancies)
        index._tag_cache = {}
        return index

    def _weighed_rows(self, counts: Any) -> Any:
        """n-gram x vacancy counts as fitted TF-IDF postings: :meth:`_weigh`'s steps with
        the fitted IDF (nothing pruned, nothing learnt)."""
        return _weighed(counts, self.idf_)


#: Tags per vacancy that :func:`_tag_grid` holds; more go through the segments.
TAG_GRID_WIDTH = 8
#: Each tag index's grid, made on first use and dropped with the index: never stored,
#: and an edited index (new tag arrays, a new object) gets its own.
_tag_grids: weakref.WeakKeyDictionary[TextIndex, tuple[IntArray, IntArray, Any, IntArray]] = (
    weakref.WeakKeyDictionary())
_tag_grids_lock = threading.Lock()


def _tag_grid(index: TextIndex) -> tuple[Any, IntArray]:
    """Every vacancy's distinct tags as one column of a (width x vacancies) int32 array,
    padded with ``len(index.tags_)``, the width the most tags any vacancy has (at most
    :data:`TAG_GRID_WIDTH`); and the vacancies with more tags than that (sorted)."""
    pointers, members = index.tag_pointers_, index.tag_members_
    with _tag_grids_lock:
        found = _tag_grids.get(index)
    # Tags are never edited in place (an edit makes new arrays), but checked all the same.
    if found is not None and found[0] is pointers and found[1] is members:
        return found[2], found[3]
    counts = np.diff(pointers)
    width = int(min(counts.max(initial=0), TAG_GRID_WIDTH))
    grid = np.full((width, len(counts)), len(index.tags_), dtype=np.int32)
    owner = np.repeat(np.arange(len(counts)), counts)
    offset = np.arange(len(members)) - pointers[owner]
    inside = offset < width
    grid[offset[inside], owner[inside]] = members[inside]
    overflow = np.flatnonzero(counts > width)
    with _tag_grids_lock:
        _tag_grids[index] = (pointers, members, grid, overflow)
    return grid, overflow


def _weighed(counts: Any, idf: FloatArray) -> Any:
    """n-gram x vacancy counts (CSR, one row per n-gram) as L2-normalised TF-IDF, in place.

    Each count times its n-gram's IDF, divided by its vacancy's norm: the square root of
    the sum of its squared weights in n-gram order, as scikit-learn adds them up.
    """
    from scipy.sparse import csr_matrix

    values = counts.data
    # Through one scratch array: at 50k vacancies each is ~100 MB.
    scratch = np.repeat(idf, np.diff(counts.indptr))
    values *= scratch
    np.multiply(values, values, out=scratch)
    # Per vacancy, the squares in n-gram order: the transposed product with ones adds
    # them in that order, as a bincount over the vacancies would (same bits, tested),
    # but reads the int32 vacancy numbers as they are instead of an int64 copy.
    squares = csr_matrix((scratch, counts.indices, counts.indptr), shape=counts.shape,
                         copy=False)
    norms = np.sqrt(squares.T @ np.ones(counts.shape[0]))
    norms[norms == 0.0] = 1.0
    # mode="clip": with the default "raise", take into ``out`` goes through a
    # buffer as large again (a tenth of a 50k fit); the indices are all valid. In
    # slices, so that each int64 copy of the int32 vacancy numbers that take makes
    # stays small (at 50k: 19 ms instead of 32).
    indices = counts.indices
    for start in range(0, len(indices), _TAKE_SLICE):
        part = slice(start, start + _TAKE_SLICE)
        np.take(norms, indices[part], out=scratch[part], mode="clip")
    values /= scratch
    return counts


#: Vacancy numbers :func:`_weighed` looks up at once.
_TAKE_SLICE = 1 << 20


#: An edited index asks for a refit once more texts changed than this share of the
#: fitted ones (edited, added and removed texts all count, each time)...
TEXT_DRIFT_SHARE = 0.05
#: ...and at least this many, so a small index is not refitted at every edit.
TEXT_DRIFT_MINIMUM = 20


class EditableTextIndex(TextIndex):
    """A fitted :class:`TextIndex` whose rows can be replaced, added and removed.

    The fitted matrix and postings are never written: a preloading server forks
    them into its workers and every worker keeps sharing their pages. Each position
    maps to its fitted row (``base_row_``) or, once its text changed or was added,
    to a row of ``extra_`` (``extra_row_``), vectorised with the *fitted*
    vocabulary and IDF (:meth:`TextIndex.transform`). Tags are kept per position and
    are always exact.

    Drift rule: the IDF of the fit goes stale as texts change. ``drift_`` counts
    every text replaced, added or removed since the fit; :attr:`drifted` is true
    once it exceeds :data:`TEXT_DRIFT_SHARE` of the fitted rows (at least
    :data:`TEXT_DRIFT_MINIMUM`), and the owner should then refit (in the
    background: the edited index stays usable and correct apart from the IDF).

    Every edit returns a new object and leaves this one as it was, so a request
    still reading the previous index is never disturbed.
    """

    base_row_: IntArray
    extra_row_: IntArray
    extra_: TextIndex
    fitted_rows_: int
    drift_: int

    @classmethod
    def of(cls, index: TextIndex) -> EditableTextIndex:
        """An editable view of a fitted index (sharing its arrays, copying none)."""
        if isinstance(index, EditableTextIndex):
            return index
        edited = object.__new__(cls)
        edited.__dict__.update(vars(index))
        edited.base_row_ = np.arange(index.n_vacancies_, dtype=np.int64)
        edited.extra_row_ = np.full(index.n_vacancies_, -1, dtype=np.int64)
        edited.extra_ = index.transform([])
        edited.fitted_rows_ = index.n_vacancies_
        edited.drift_ = 0
        return edited

    @property
    def drifted(self) -> bool:
        """Whether enough texts changed since the fit that its IDF should be refreshed."""
        limit = max(TEXT_DRIFT_MINIMUM, TEXT_DRIFT_SHARE * self.fitted_rows_)
        return self.drift_ > limit

    def replaced(self, position: int, vacancy: Vacancy) -> EditableTextIndex:
        """This index with the text and tags at ``position`` taken from ``vacancy``."""
        edited = self._copy()
        edited.base_row_[position] = -1
        edited.extra_row_[position] = edited._append_extra(vacancy)
        edited._set_tags(position, position + 1, vacancy.tags)
        edited.drift_ += 1
        return edited

    def appended(self, vacancy: Vacancy) -> EditableTextIndex:
        """This index with ``vacancy`` added as the last position."""
        edited = self._copy()
        edited.base_row_ = np.append(edited.base_row_, -1)
        edited.extra_row_ = np.append(edited.extra_row_, edited._append_extra(vacancy))
        edited.tag_pointers_ = np.append(edited.tag_pointers_, edited.tag_pointers_[-1])
        edited._set_tags(self.n_vacancies_, self.n_vacancies_ + 1, vacancy.tags)
        edited.n_vacancies_ += 1
        edited.drift_ += 1
        return edited

    def without(self, position: int) -> EditableTextIndex:
        """This index without ``position`` (later positions move up by one)."""
        edited = self._copy()
        edited._set_tags(position, position + 1, ())
        edited.tag_pointers_ = np.delete(edited.tag_pointers_, position + 1)
        edited.base_row_ = np.delete(edited.base_row_, position)
        edited.extra_row_ = np.delete(edited.extra_row_, position)
        edited.n_vacancies_ -= 1
        edited.drift_ += 1
        return edited

    def _copy(self) -> EditableTextIndex:
        edited = object.__new__(type(self))
        edited.__dict__.update(vars(self))
        edited.base_row_ = self.base_row_.copy()
        edited.extra_row_ = self.extra_row_.copy()
        return edited

    def _append_extra(self, vacancy: Vacancy) -> int:
        """Vectorise the vacancy's text as a new row of ``extra_``; return its row."""
        from scipy.sparse import vstack

        row = self.transform([vacancy])
        extra = self.transform([])
        extra.matrix_ = vstack([self.extra_.matrix_, row.matrix_], format="csr")
        extra.matrix_.sort_indices()
        extra.postings_ = extra.matrix_.T.tocsr()
        extra.postings_.sort_indices()
        extra.n_vacancies_ = self.extra_.n_vacancies_ + 1
        self.extra_ = extra
        return extra.n_vacancies_ - 1

    def _set_tags(self, start: int, end: int, tags: Sequence[str]) -> None:
        """Give positions ``start``..``end`` (one vacancy) the tags, copying the arrays."""
        known = {tag: number for number, tag in enumerate(self.tags_)}
        new = [tag for tag in dict.fromkeys(tags) if tag not in known]
        if new:
            self.tags_ = self.tags_ + tuple(new)
            known.update((tag, len(known)) for tag in new)
            self._tag_cache = {}  # cached scores cover the old tags only
        members = np.asarray([known[tag] for tag in dict.fromkeys(tags)], dtype=np.int64)
        low, high = int(self.tag_pointers_[start]), int(self.tag_pointers_[end])
        self.tag_members_ = np.concatenate(
            [self.tag_members_[:low], members, self.tag_members_[high:]])
        pointers = self.tag_pointers_.copy()
        pointers[end:] += len(members) - (high - low)
        self.tag_pointers_ = pointers

    def similarity_one(self, query: Query, index: int) -> float:
        base = int(self.base_row_[index])
        if base >= 0:
            return super().similarity_one(query, base)
        return self.extra_.similarity_one(query, int(self.extra_row_[index]))

    def similarity_pairs(
        self, queries: Sequence[Query], owner: IntArray, rows: IntArray
    ) -> FloatArray:
        base = self.base_row_[rows]
        fitted = base >= 0
        result = np.zeros(len(rows), dtype=np.float64)
        result[fitted] = super().similarity_pairs(queries, owner[fitted], base[fitted])
        edited = ~fitted
        if edited.any():
            result[edited] = self.extra_.similarity_pairs(
                queries, owner[edited], self.extra_row_[rows[edited]])
        return result

    def similarity_all(self, query: Query, rows: IntArray | None = None) -> FloatArray:
        positions = np.arange(self.n_vacancies_) if rows is None else np.asarray(rows)
        result = np.zeros(len(positions), dtype=np.float64)
        if len(query.terms) == 0 or len(positions) == 0:
            return result
        base = self.base_row_[positions]
        fitted = base >= 0
        result[fitted] = super().similarity_all(query, base[fitted])
        edited = ~fitted
        if edited.any():
            result[edited] = self.extra_.similarity_all(
                query, self.extra_row_[positions[edited]])
        return result
