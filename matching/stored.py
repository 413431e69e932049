"""A fitted :class:`~matching.ranker.Ranker` stored in the ``--vectors`` directory.

Fitting 10k vacancies costs the command line about half a second of CPU, every
run, although most runs see the very same vacancies. After a fit, the command
line writes the ranker's fitted state (text index, semantic index, columns,
misleading rows: everything ``fit`` computes except the vacancies themselves,
which every run loads from its input anyway) to the directory as one
``fitted-<key>.fit`` file; a later run with the same vacancies loads it instead
of fitting: its arrays are mapped read-only from the file, not read (a few
milliseconds for the 63 MB of a 10k index), and only the small manifest and the
dicts and tuples are built in Python.

The key (:func:`fit_key`) is a hash of everything the fit depends on: the
vacancy file's bytes, the source of the whole :mod:`matching` package (a code
change never reads an index fitted by other code), the embedding model, the
semantic flag and weights, the numpy, scipy and Python versions, the versions of
the libraries that decide whether a vacancy file is valid (msgspec, jsonschema-rs,
jsonschema), and the names of the vacancy vector shards in the directory (the fit
reads those vectors; new or merged shards give a new key). A fit is stored only
after its vacancies passed validation, so a stored fit under a file's key means
that these very bytes were valid for this code: the command line then converts
them without validating them again (one changed byte is another key, and the
file is validated as ever). The file is written atomically (a temporary file, then
``os.replace``); only the newest :data:`KEPT` fitted files stay.

The state is stored generically (:func:`to_arrays`): the fitted objects'
attributes are walked, and numpy arrays, scipy sparse matrices (data, indices,
pointers, shape), dicts with str keys (a dict of str to int as two arrays),
tuples and lists, scalars and nested :mod:`matching` objects become arrays plus
one JSON manifest, written as one JSON header and the arrays' bytes, each array
aligned in the file (:func:`_write`; no zip: its CRC-32 cost most of a store and
was never checked). A type it does not know raises ``TypeError`` (a test fits a ranker
and round-trips it, so a new kind of attribute fails that test rather than being
dropped). Nothing is pickled and nothing is unpickled (an array of objects, or of
any kind but bool, numbers and text, is refused; classes are built
only from the :mod:`matching` package; a sparse matrix's indices are checked
before scipy sees them): the directory is trusted only as far as a vector cache
is. Anything wrong with a file (missing, truncated, another key, arrays that do
not fit the vacancies, unreadable) makes :func:`load` return None, and the
caller fits as before.

Examples
--------
>>> import tempfile
>>> from matching.ranker import Ranker
>>> from matching.types import Vacancy
>>> vs = (Vacancy("v-1", "taalstage", "Kok", (), 1, status="published"),)
>>> folder = tempfile.mkdtemp()
>>> save(Ranker(semantic=False).fit(vs), folder, "k" * 64)
>>> load(folder, "k" * 64, vs).text_index_.n_vacancies_
1
>>> load(folder, "x" * 64, vs) is None
True
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import mmap
import os
import struct
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

from matching.ranker import Ranker
from matching.semantic import MODEL_ID, VectorCache
from matching.types import Vacancy

__all__ = ["KEPT", "Found", "built", "find", "fit_key", "from_arrays", "key_of_digest", "load",
           "loaded", "save", "store", "to_arrays", "vacancy_digest"]

#: Version of the layout below; part of every key. 2: the file of :func:`_write`
#: (1 was an ``.npz``).
FORMAT = 2
#: Fitted files kept in a directory (the newest, by last use).
KEPT = 4
_PREFIX = "fitted-"
_SUFFIX = ".fit"
#: The package whose source is part of the key.
_PACKAGE = Path(__file__).resolve().parent
#: Attributes of a fitted ranker that are not stored: the caller gives them again.
_GIVEN = frozenset({"vacancies_"})


# --------------------------------------------------------------------------- the key


def _package_digest() -> str:
    """A hash of every file of the :mod:`matching` package (source, schema, geodata)."""
    digest = hashlib.sha256()
    files = sorted(
        path for path in _PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    for path in files:
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _distribution(module: str) -> str:
    """The installed version of ``module``'s distribution, without importing it: the
    name of its ``.dist-info`` folder (name and version), else its file's size and
    modification time (a reinstall changes them too)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return f"no {module}"
    origin = Path(spec.origin)
    folder = origin.parent.parent if origin.name == "__init__.py" else origin.parent
    listed = sorted(found.name for found in folder.glob(f"{module}-*.dist-info"))
    if listed:
        return " ".join(listed)
    try:
        found = origin.stat()
    except OSError:
        return f"{module}, version unknown"
    return f"{module} {found.st_size} {found.st_mtime_ns}"


#: Besides numpy and the package itself: what the fit computes with (scipy) and what
#: decides that a vacancy file is valid (msgspec parses it, jsonschema-rs checks it,
#: jsonschema words a failure and so decides the borderline). A stored fit means
#: "these exact bytes were validated by this code", so the command line converts its
#: vacancies without validating them again (matching.__main__).
_LIBRARIES = ("scipy", "msgspec", "jsonschema_rs", "jsonschema")


def vacancy_digest(vacancy_bytes: bytes) -> str:
    """The hash of a vacancy file's bytes that :func:`fit_key` puts in the key."""
    return hashlib.sha256(vacancy_bytes).hexdigest()


def fit_key(
    vacancy_bytes: bytes, ranker: Ranker, directory: str | os.PathLike[str]
) -> str:
    """The key of a fit of the vacancies in ``vacancy_bytes`` by an unfitted ``ranker``.

    Call it after the fit when storing and before loading: the vacancy vector
    shards of ``directory`` are part of it (a fit may write new ones).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> fit_key(b"[]", Ranker(), folder) == fit_key(b"[]", Ranker(), folder)
    True
    >>> fit_key(b"[]", Ranker(), folder) == fit_key(b"[]", Ranker(semantic=False), folder)
    False
    """
    return key_of_digest(vacancy_digest(vacancy_bytes), ranker, directory)


def key_of_digest(digest: str, ranker: Ranker, directory: str | os.PathLike[str]) -> str:
    """:func:`fit_key` of the bytes whose :func:`vacancy_digest` is ``digest``."""
    shards = sorted(path.name for path in Path(directory).glob("vectors-*.npz"))
    weights = None if ranker.weights is None else sorted(ranker.weights.items())
    parts = [
        f"format {FORMAT}", _package_digest(), MODEL_ID, f"semantic {ranker.semantic}",
        f"weights {weights!r}", f"numpy {np.__version__}",
        *map(_distribution, _LIBRARIES), f"python {sys.version}", " ".join(shards), digest,
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --------------------------------------------------------------------------- to arrays


class _Writer:
    """Collects the arrays of a manifest under short names (``a0``, ``a1``, ...)."""

    def __init__(self) -> None:
        self.arrays: dict[str, npt.NDArray[Any]] = {}

    def array(self, values: npt.NDArray[Any]) -> str:
        if values.dtype.hasobject:
            raise TypeError("an array of Python objects cannot be stored without pickle")
        if values.dtype.kind not in _PLAIN_KINDS or values.dtype.subdtype is not None:
            raise TypeError(f"an array of dtype {values.dtype} is not stored")  # _mapped refuses it
        name = f"a{len(self.arrays)}"
        self.arrays[name] = values
        return name

    def node(self, value: Any) -> Any:
        """The manifest node of one value (its arrays go to :attr:`arrays`)."""
        if value is None or isinstance(value, (bool, str)):
            return {"t": "value", "v": value}
        if isinstance(value, (int, float)) and type(value) in (int, float):
            # repr round-trips every float, infinities and NaN included (json writes them).
            return {"t": type(value).__name__, "v": value}
        if isinstance(value, np.ndarray):
            return {"t": "array", "a": self.array(value)}
        if isinstance(value, np.generic):
            return {"t": "scalar", "a": self.array(np.asarray(value))}
        if isinstance(value, VectorCache):
            return {"t": "cache"}
        if isinstance(value, (tuple, list)):
            return self._sequence(value)
        if isinstance(value, dict):
            return self._dict(value)
        if _is_sparse(value):
            return {
                "t": "sparse", "format": value.format, "shape": list(value.shape),
                "data": self.array(value.data), "indices": self.array(value.indices),
                "indptr": self.array(value.indptr),
            }
        return self._object(value)

    def _sequence(self, value: tuple[Any, ...] | list[Any]) -> Any:
        kind = "tuple" if isinstance(value, tuple) else "list"
        if type(value) not in (tuple, list):
            raise TypeError(f"cannot store a {type(value).__qualname__} (a named tuple?)")
        packed = _packed(value)
        if packed is not None:
            return {"t": kind, "of": type(value[0]).__name__, "a": self.array(packed)}
        return {"t": kind, "items": [self.node(item) for item in value]}

    def _dict(self, value: dict[Any, Any]) -> Any:
        if type(value) is not dict or not all(type(key) is str for key in value):
            raise TypeError("only a plain dict with str keys can be stored")
        keys = self._sequence(list(value))
        values = list(value.values())
        packed = _packed(values)
        if packed is not None:
            return {"t": "dict", "keys": keys, "of": type(values[0]).__name__,
                    "a": self.array(packed)}
        return {"t": "dict", "keys": keys, "items": [self.node(item) for item in values]}

    def _object(self, value: Any) -> Any:
        kind = type(value)
        if not kind.__module__.startswith("matching.") or hasattr(kind, "__slots__"):
            raise TypeError(f"cannot store a {kind.__module__}.{kind.__qualname__}")
        if _class(kind.__module__, kind.__qualname__) is not kind:
            raise TypeError(f"{kind.__qualname__} cannot be found again by its name")
        return {
            "t": "object", "module": kind.__module__, "class": kind.__qualname__,
            "attributes": {name: self.node(item) for name, item in vars(value).items()},
        }


_PACKED: dict[type, npt.DTypeLike] = {str: np.str_, int: np.int64, float: np.float64}


def _packed(values: Sequence[Any]) -> npt.NDArray[Any] | None:
    """Items all str, all int or all float as one array; None when they are not, or
    when the array would not give them back (a str ending in NUL, an int beyond 64 bits)."""
    kinds = set(map(type, values))
    if len(kinds) != 1 or (kind := kinds.pop()) not in _PACKED:
        return None
    try:
        packed = np.array(values, dtype=_PACKED[kind])
    except OverflowError:
        return None
    return packed if packed.tolist() == list(values) else None


def _is_sparse(value: Any) -> bool:
    """Whether ``value`` is a scipy sparse matrix or array (without importing scipy)."""
    return type(value).__module__.startswith("scipy.sparse") and hasattr(value, "format")


def to_arrays(value: Any) -> tuple[str, dict[str, npt.NDArray[Any]]]:
    """``value`` as a JSON manifest and named arrays: what :func:`save` writes.

    Raises
    ------
    TypeError
        On a value of a kind it cannot store without pickle.

    Examples
    --------
    >>> manifest, arrays = to_arrays({"koken": 1, "tuin": 2})
    >>> sorted(arrays), json.loads(manifest)["of"]
    (['a0', 'a1'], 'int')
    >>> from_arrays(manifest, arrays, None)
    {'koken': 1, 'tuin': 2}
    """
    writer = _Writer()
    manifest = json.dumps(writer.node(value))
    return manifest, writer.arrays


# --------------------------------------------------------------------------- from arrays


class _Damaged(Exception):
    """The stored arrays do not make a fitted index (anything a file could get wrong)."""


def _class(module: str, name: str) -> type:
    """A class of the :mod:`matching` package by module and qualified name (no other).

    Only from a module imported already: a fitted ranker's classes are, and a file
    never makes this process import anything.
    """
    if module != "matching" and not module.startswith("matching."):
        raise _Damaged(f"not a matching class: {module}")
    found: Any = sys.modules.get(module)
    if found is None:
        raise _Damaged(f"module {module} is not imported")
    for part in name.split("."):
        found = getattr(found, part)
    if not isinstance(found, type):
        raise _Damaged(f"not a class: {module}.{name}")
    return found


#: The kinds of manifest node (each read by the :class:`_Reader` method of its name).
_KINDS = frozenset({"value", "int", "float", "array", "scalar", "cache", "tuple", "list",
                    "dict", "sparse", "object"})


class _Reader:
    """Builds values again from a manifest and its arrays."""

    def __init__(self, arrays: Mapping[str, npt.NDArray[Any]], cache: VectorCache | None) -> None:
        self.arrays = arrays
        self.cache = cache

    def array(self, name: Any) -> npt.NDArray[Any]:
        if not isinstance(name, str):
            raise _Damaged("an array name is not text")
        found = self.arrays[name]
        if found.dtype.hasobject:
            raise _Damaged("an array of objects")
        return found

    def node(self, node: Any) -> Any:
        """The value of one manifest node (:meth:`_Writer.node` made it)."""
        build = getattr(self, f"_{node['t']}", None)
        if build is None or node["t"] not in _KINDS:
            raise _Damaged(f"unknown kind {node['t']!r}")
        return build(node)

    def _value(self, node: Any) -> Any:
        return node["v"]

    def _int(self, node: Any) -> int:
        return int(node["v"])

    def _float(self, node: Any) -> float:
        return float(node["v"])

    def _array(self, node: Any) -> npt.NDArray[Any]:
        return self.array(node["a"])

    def _scalar(self, node: Any) -> Any:
        return self.array(node["a"])[()]

    def _cache(self, node: Any) -> VectorCache:
        if self.cache is None:
            from matching.semantic import _default_cache  # a ranker's cache without --vectors

            return _default_cache
        return self.cache

    def _items(self, node: Any) -> list[Any]:
        if "of" in node:
            items: list[Any] = self.array(node["a"]).tolist()
            return items
        return [self.node(item) for item in node["items"]]

    def _tuple(self, node: Any) -> tuple[Any, ...]:
        return tuple(self._items(node))

    def _list(self, node: Any) -> list[Any]:
        return self._items(node)

    def _dict(self, node: Any) -> dict[str, Any]:
        keys, values = self.node(node["keys"]), self._items(node)
        if len(keys) != len(values):
            raise _Damaged("a dict's keys and values differ in number")
        return dict(zip(keys, values, strict=True))

    def _object(self, node: Any) -> Any:
        found: Any = object.__new__(_class(node["module"], node["class"]))
        found.__dict__.update({name: self.node(item) for name, item in node["attributes"].items()})
        return found

    def _sparse(self, node: Any) -> Any:
        import scipy.sparse  # only an index with sparse matrices needs scipy

        data, indices, pointers = (self.array(node[n]) for n in ("data", "indices", "indptr"))
        rows, columns = (int(size) for size in node["shape"])
        outer, inner = (rows, columns) if node["format"] == "csr" else (columns, rows)
        if node["format"] not in ("csr", "csc"):
            raise _Damaged(f"sparse format {node['format']!r}")
        # What scipy's full check would find, at numpy's speed: a bad index must never
        # reach the C++ products.
        if (pointers.ndim != 1 or len(pointers) != outer + 1 or pointers[0] != 0
                or pointers[-1] != len(indices) or len(data) != len(indices)
                or np.any(np.diff(pointers) < 0)
                or (len(indices) and (indices.min() < 0 or indices.max() >= inner))):
            raise _Damaged("inconsistent sparse matrix")
        make = scipy.sparse.csr_matrix if node["format"] == "csr" else scipy.sparse.csc_matrix
        return make((data, indices, pointers), shape=(rows, columns), copy=False)


def from_arrays(
    manifest: str, arrays: Mapping[str, npt.NDArray[Any]], cache: VectorCache | None
) -> Any:
    """The value :func:`to_arrays` stored; a stored vector cache becomes ``cache``."""
    return _Reader(arrays, cache).node(json.loads(manifest))


# --------------------------------------------------------------------------- files


def _path(directory: str | os.PathLike[str], key: str) -> Path:
    return Path(directory) / f"{_PREFIX}{key[:40]}{_SUFFIX}"


def save(ranker: Ranker, directory: str | os.PathLike[str], key: str) -> None:
    """Write the fitted state of ``ranker`` under ``key`` (atomically); keep the newest few.

    Raises
    ------
    TypeError
        When the ranker holds an attribute of a kind :func:`to_arrays` cannot store.
    OSError
        When the directory cannot be written.
    """
    ranker._check_fitted()
    state = {name: value for name, value in vars(ranker).items() if name not in _GIVEN}
    manifest, arrays = to_arrays(state)
    target = _path(directory, key)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            _write(stream, {"key": key, "fitted": len(ranker.vacancies_),
                            "manifest": manifest}, arrays)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _prune(Path(directory))


#: The first bytes of a fitted file (:func:`_write`); the format's version is in the key.
_MAGIC = b"\x93MATCHING-FIT\n\x00"
#: Where each array's data starts, a multiple of this (from the page-aligned start of
#: the file): mapped from disk, every array is aligned.
_ALIGN = 64
#: The kinds of array a fitted file may hold: bool, numbers and text, never objects.
_PLAIN_KINDS = frozenset("biufcUS")


def _aligned(offset: int) -> int:
    return offset + -offset % _ALIGN


def _write(stream: BinaryIO, fields: Mapping[str, Any],
           arrays: Mapping[str, npt.NDArray[Any]]) -> None:
    """Write ``fields`` and ``arrays`` as one fitted file: :data:`_MAGIC`, the length of
    a JSON header, the header (the fields, and each array's dtype, shape and place),
    then each array's bytes in C order at a multiple of :data:`_ALIGN`.

    Not an ``.npz``: a zip computes a CRC-32 of every byte written, 45 of the 60 ms
    of storing a 10k fit (63 MB), and :func:`_mapped` never checked it (it maps the
    arrays; a cut file is caught by the sizes, anything else by the key and the checks).
    """
    contiguous = {name: np.ascontiguousarray(values) for name, values in arrays.items()}
    table: dict[str, Any] = {}
    at = 0
    for name, values in contiguous.items():
        table[name] = {"dtype": values.dtype.str, "shape": list(values.shape), "at": at}
        at = _aligned(at + values.nbytes)
    header = json.dumps({**fields, "arrays": table}).encode()
    begin = _aligned(len(_MAGIC) + 8 + len(header))
    stream.write(_MAGIC + struct.pack("<Q", len(header)) + header)
    stream.write(bytes(begin - len(_MAGIC) - 8 - len(header)))
    written = 0
    for name, values in contiguous.items():
        stream.write(bytes(table[name]["at"] - written))
        if values.nbytes:
            stream.write(values.reshape(-1).view(np.uint8).data)  # its buffer, no copy
        written = table[name]["at"] + values.nbytes


def _mapped(path: Path) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """The header and the arrays of a file :func:`_write` wrote, the arrays mapped
    read-only from the file (no copy).

    Raises :class:`_Damaged` (or an OSError, ValueError, TypeError, KeyError) on
    anything that does not read as such a file: another start, a header that is not
    JSON, an array of objects or of an odd kind, an array out of place or past the end.
    """
    with path.open("rb") as stream:
        memory = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    prefix = len(_MAGIC) + 8
    if len(memory) < prefix or memory[:len(_MAGIC)] != _MAGIC:
        raise _Damaged("not a fitted file")
    (length,) = struct.unpack("<Q", memory[len(_MAGIC):prefix])
    if prefix + length > len(memory):
        raise _Damaged("cut short in the header")
    header = json.loads(memory[prefix:prefix + length])
    if not isinstance(header, dict) or not isinstance(header.get("arrays"), dict):
        raise _Damaged("no table of arrays")
    begin = _aligned(prefix + length)
    arrays = {name: _array_at(memory, begin, place)
              for name, place in header.pop("arrays").items()}
    return header, arrays


def _array_at(memory: mmap.mmap, begin: int, place: Any) -> npt.NDArray[Any]:
    """One array of a fitted file, from its entry in the header's table."""
    dtype = np.dtype(place["dtype"])
    if dtype.kind not in _PLAIN_KINDS or dtype.hasobject or dtype.subdtype is not None:
        raise _Damaged(f"an array of kind {place['dtype']!r}")
    shape, at = place["shape"], place["at"]
    if (not isinstance(shape, list) or not all(type(size) is int and size >= 0 for size in shape)
            or type(at) is not int or at < 0 or at % _ALIGN):
        raise _Damaged("an array out of place")
    count = math.prod(shape)
    if begin + at + count * dtype.itemsize > len(memory):
        raise _Damaged("an array past the end of the file")
    return np.frombuffer(memory, dtype=dtype, count=count, offset=begin + at).reshape(shape)


def _prune(directory: Path) -> None:
    """Keep the :data:`KEPT` fitted files used last (a load touches its file); remove
    the files of the earlier ``.npz`` format, which no key reads any more."""
    def last_used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    files = sorted(directory.glob(f"{_PREFIX}*{_SUFFIX}"), key=last_used)
    for old in [*files[:-KEPT], *directory.glob(f"{_PREFIX}*.npz")]:
        old.unlink(missing_ok=True)


@dataclass(frozen=True)
class Found:
    """A stored fit whose file names the key asked for: mapped, not built yet (:func:`find`)."""

    path: Path
    manifest: str
    fitted: int
    arrays: dict[str, npt.NDArray[Any]]


def find(directory: str | os.PathLike[str], key: str) -> Found | None:
    """The fit stored under ``key`` in ``directory``, mapped; None when there is none
    (or its file does not read as one)."""
    path = _path(directory, key)
    try:
        fields, arrays = _mapped(path)
        manifest, fitted = fields.get("manifest"), fields.get("fitted")
        if fields.get("key") != key or not isinstance(manifest, str) or type(fitted) is not int:
            return None
    except (OSError, ValueError, KeyError, TypeError, _Damaged):
        return None
    return Found(path, manifest, fitted, arrays)


def load(
    directory: str | os.PathLike[str],
    key: str,
    vacancies: Sequence[Vacancy],
    *,
    cache: VectorCache | None = None,
    engine: str = "fast",
) -> Ranker | None:
    """The ranker stored under ``key``, fitted on ``vacancies``; None when there is none.

    ``vacancies`` must be those the stored fit saw (the key says so); ``cache``
    becomes the ranker's vector cache, ``engine`` its engine (a fit is the same
    for both). Any problem with the file gives None.
    """
    found = find(directory, key)
    return None if found is None else built(found, vacancies, cache=cache, engine=engine)


def built(
    found: Found, vacancies: Sequence[Vacancy], *, cache: VectorCache | None = None,
    engine: str = "fast",
) -> Ranker | None:
    """The ranker of a :func:`find`, fitted on ``vacancies``; None when it does not build
    or does not fit them."""
    if found.fitted != len(vacancies):
        return None
    try:
        state = from_arrays(found.manifest, found.arrays, cache)
        ranker = _ranker(state, vacancies, cache, engine)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ImportError,
            IndexError, EOFError, _Damaged):
        return None
    if ranker is not None:
        try:
            os.utime(found.path)  # used last: kept longest by _prune
        except OSError:
            pass
    return ranker


def _ranker(
    state: Any, vacancies: Sequence[Vacancy], cache: VectorCache | None, engine: str
) -> Ranker | None:
    """A fitted ranker from its stored state, or None when it does not fit ``vacancies``."""
    if not isinstance(state, dict):
        raise _Damaged("the state is not a dict")
    ranker = object.__new__(Ranker)
    ranker.__dict__.update(state)
    ranker.vacancies_ = tuple(vacancies)
    ranker.engine = engine
    ranker.vectors = cache
    return ranker if _fits(ranker, len(vacancies)) else None


def _fits(ranker: Ranker, n: int) -> bool:
    """Whether every per-vacancy structure of the ranker has ``n`` vacancies.

    The key rules out another set of vacancies; this catches a file whose arrays
    were cut or swapped (reading a wrong row would be worse than a refit).
    """
    text = ranker.text_index_
    if not (text.n_vacancies_ == n and text.matrix_.shape[0] == n
            and text.postings_.shape[1] == n and len(text.tag_pointers_) == n + 1
            and len(text.idf_) == text.matrix_.shape[1] == text.postings_.shape[0]
            and len(text.vocabulary_) in (0, len(text.idf_))):
        return False
    if not all(np.shape(values)[-1:] == (n,) for values in vars(ranker.columns_).values()):
        return False
    semantic = ranker.semantic_index_
    if semantic is not None and not (len(semantic.matrix_) == len(semantic.hubs_) == n):
        return False
    return all(len(rows) == 0 or (rows.min() >= 0 and rows.max() < n)
               for rows in ranker.misleading_rows_.values())


# --------------------------------------------------------------------------- the hook


def loaded(found: Found | None, ranker: Ranker, vacancies: Sequence[Vacancy]) -> Ranker | None:
    """The stored fit ``found`` as the fit of the unfitted ``ranker`` on ``vacancies``
    (its options, cache and engine); None when there is none or it does not load."""
    if found is None:
        return None
    result = built(found, vacancies, cache=ranker.vectors, engine=ranker.engine)
    if result is not None:
        result.weights = ranker.weights
        result.semantic = ranker.semantic
    return result


def store(ranker: Ranker, directory: str | os.PathLike[str], digest: str) -> None:
    """Store the fit of ``ranker`` on the vacancy bytes of :func:`vacancy_digest`
    ``digest``, keyed after the fit (which may have added vector shards). A store that
    fails (a full disk, an attribute :func:`to_arrays` does not know) only costs the
    next run a fit."""
    try:
        save(ranker, directory, key_of_digest(digest, ranker, directory))
    except (OSError, TypeError, ValueError):
        pass
