"""Command line of ``spec/PROFILES.md``: ``python -m matching rank|allocate|audit ...``.

Output is one JSON document on standard output. Any problem with the input --
an unreadable file, invalid JSON, or a record that breaks the contract -- exits
with status 2 after printing one line per problem on standard error, and
nothing on standard output.
"""

from __future__ import annotations

import os

# One BLAS thread unless the user chose a count, set before numpy is first imported
# below (``import matching`` imports nothing): OpenBLAS starts its thread pool when
# it loads, and an idle pool thread spins. The command's products already run on one
# thread (one_blas_thread in main), so the pool only cost CPU: 20 x 10k with the
# stored fit, about 0.07 s of 0.78 s. A count the user set is kept (main still runs
# the products on one thread, as before). Only as a program: importing this module
# (the tests, the bench) leaves the environment alone.
if __name__ == "__main__" and not any(
    os.environ.get(name) for name in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS",
                                      "OMP_NUM_THREADS")
):
    os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import atexit
import gc
import json
import json.encoder
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, NoReturn

import numpy as np
import numpy.typing as npt

from matching.profiles import (
    Problem,
    ProfileError,
    convert_vacancies,
    load_participants,
    load_vacancies,
    parse_json,
    read_bytes,
)
from matching.ranker import ENGINES, Ranker
from matching.semantic import VectorCache, flush_pending, one_blas_thread
from matching.text import collector_paused, huge_pages_off
from matching.types import (
    ExclusionColumns,
    Participant,
    Ranking,
    Vacancy,
    exclusion_columns,
)

if TYPE_CHECKING:  # matching.stored is imported only with --vectors
    from matching.stored import Found

__all__ = ["main"]

EXIT_BAD_INPUT = 2


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m matching", description="Match participants to placements."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rank = commands.add_parser("rank", help="rank vacancies for one or more participants")
    rank.add_argument("--participant", required=True, metavar="P.json",
                      help="one participant object, or a list of them")
    rank.add_argument("--vacancies", required=True, metavar="V.json", help="a list of vacancies")
    rank.add_argument("--limit", type=_non_negative, metavar="N", help="keep the best N ranked")
    rank.add_argument("--engine", choices=ENGINES, default="fast")
    allocate_cmd = commands.add_parser("allocate", help="assign participants to vacancies")
    allocate_cmd.add_argument("--participants", required=True, metavar="PS.json")
    allocate_cmd.add_argument("--vacancies", required=True, metavar="V.json")
    allocate_cmd.add_argument("--per-vacancy", type=_non_negative, metavar="K",
                              help="at most K participants per vacancy")
    allocate_cmd.add_argument("--engine", choices=ENGINES, default="fast")
    audit_cmd = commands.add_parser(
        "audit", help="compare groups: feasible vacancies, top-5 score, top-10 exposure"
    )
    audit_cmd.add_argument("--participants", required=True, metavar="PS.json")
    audit_cmd.add_argument("--vacancies", required=True, metavar="V.json")
    audit_cmd.add_argument("--format", choices=("json", "text"), default="json")
    audit_cmd.add_argument("--min-group", type=_non_negative, default=0, metavar="N",
                           help="leave out comparisons where a group has fewer than N people")
    for command in (rank, allocate_cmd, audit_cmd):
        command.add_argument(
            "--vectors", metavar="DIR", default=os.environ.get("MATCHING_VECTORS"),
            help="keep the vacancies' text vectors in DIR between runs, so a next run "
                 "embeds only new texts, and the fitted index, so a next run with the "
                 "same vacancy file (and the same code) loads it instead of fitting "
                 "(default: $MATCHING_VECTORS, else not kept)")
    return parser


def _ranker(args: argparse.Namespace, engine: str = "fast") -> Ranker:
    """An unfitted ranker; with --vectors its text vectors persist in that directory."""
    if not args.vectors:
        return Ranker(engine=engine)
    return Ranker(engine=engine, vectors=VectorCache(args.vectors))


@dataclass(frozen=True)
class _Files:
    """The participant and vacancy files, each read once and parsed."""

    people: Any
    vacancies: Any
    #: The vacancy file's bytes: those parsed are those a stored fit's key hashes.
    vacancy_bytes: bytes

    @cached_property
    def vacancy_digest(self) -> str:
        """:func:`matching.stored.vacancy_digest` of the bytes, computed once (10k: 7 ms)."""
        from matching import stored

        return stored.vacancy_digest(self.vacancy_bytes)


def _read(participants_path: str, vacancies_path: str) -> _Files:
    """Read and parse both files, reporting the problems of both at once."""
    problems: list[Problem] = []
    found: list[tuple[bytes, Any]] = []
    for path in (participants_path, vacancies_path):
        try:
            data = read_bytes(path)
            found.append((data, parse_json(data, path)))
        except ProfileError as error:
            problems.extend(error.problems)
    if problems:
        raise ProfileError(problems)
    (_, people), (vacancy_bytes, vacancies) = found
    return _Files(people, vacancies, vacancy_bytes)


def _found(args: argparse.Namespace, ranker: Ranker, files: _Files) -> Found | None:
    """The fit an earlier run stored for these vacancy bytes and this code (None
    without --vectors or without one): then the bytes were valid (matching.stored)."""
    if not args.vectors:
        return None
    from matching import stored

    key = stored.key_of_digest(files.vacancy_digest, ranker, args.vectors)
    return stored.find(args.vectors, key)


def _checked(
    files: _Files, label: str | None, vacancies_valid: bool = False
) -> tuple[tuple[Participant, ...], tuple[Vacancy, ...]]:
    """Validate and convert both files' records, reporting the problems of both at once.

    ``vacancies_valid``: the vacancy bytes are those of a stored fit (:func:`_found`),
    valid when it was stored: they are only converted (10k: 25 ms less). Should that
    fail (a file planted in the directory), they are validated as ever.
    """
    problems: list[Problem] = []
    people: tuple[Participant, ...] = ()
    vacancies: tuple[Vacancy, ...] | None = None
    try:
        people = load_participants(files.people, label=label)
    except ProfileError as error:
        problems.extend(error.problems)
    if vacancies_valid:
        vacancies = _converted(files.vacancies)
    if vacancies is None:
        try:
            vacancies = load_vacancies(files.vacancies)
        except ProfileError as error:
            problems.extend(error.problems)
    if problems or vacancies is None:
        raise ProfileError(problems)
    return people, vacancies


def _converted(records: Any) -> tuple[Vacancy, ...] | None:
    """The vacancies of records validated before; None when they do not convert."""
    try:
        return convert_vacancies(records)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None


def _fitted(
    args: argparse.Namespace, ranker: Ranker, files: _Files, vacancies: tuple[Vacancy, ...],
    found: Found | None,
) -> Ranker:
    """``ranker`` fitted on ``vacancies``: the stored fit ``found`` when it loads, else a fit
    (stored for the next run with --vectors)."""
    if found is not None:
        from matching import stored

        loaded = stored.loaded(found, ranker, vacancies)
        if loaded is not None:
            return loaded
        # Converted unchecked for a fit that does not load after all: checked now, so a
        # file that is not what its key promised says what is wrong with it, as ever.
        vacancies = load_vacancies(files.vacancies)
    ranker.fit(vacancies)
    if args.vectors:
        from matching import stored

        stored.store(ranker, args.vectors, files.vacancy_digest)
    return ranker


def _prepared(
    args: argparse.Namespace, participants_path: str, label: str | None, engine: str = "fast"
) -> tuple[Any, tuple[Participant, ...], Ranker]:
    """Both files read and checked (the problems of both at once): the participant data
    as given, the participants, and a ranker fitted on the vacancies (with --vectors,
    the fit an earlier run stored for the same vacancy bytes, if there is one)."""
    files = _read(participants_path, args.vacancies)
    ranker = _ranker(args, engine)
    found = _found(args, ranker, files)
    people, vacancies = _checked(files, label, vacancies_valid=found is not None)
    return files.people, people, _fitted(args, ranker, files, vacancies, found)


def _rank(args: argparse.Namespace) -> Any:
    raw, participants, ranker = _prepared(args, args.participant, None, args.engine)
    write = _RankingWriter()
    # One object in, one object out; a list in, a list out. Returned as pieces of text,
    # printed one after the other: the 15 MB of a large run are never copied into one
    # string (each copy cost about 10 ms, its encoding 20: the exclusions' part of each
    # ranking is plain ASCII, cheap to encode, unless joined with the Dutch reasons).
    pieces: list[str] = ["["] if isinstance(raw, list) else []
    for at, participant in enumerate(participants):
        if at:
            pieces.append(", ")
        write.extend(pieces, ranker.rank(participant, limit=args.limit))
    pieces.append("]\n" if isinstance(raw, list) else "\n")
    return tuple(pieces)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


#: What ``json.dumps(text, ensure_ascii=False)`` returns for a str, without
#: building an encoder per call: the 10k ids of a large run are encoded by it.
_json_string: Any = json.encoder.encode_basestring


class _RankingWriter:
    """Each ranking as the text ``json.dumps(ranking.to_dict(), ensure_ascii=False)``.

    Same bytes, without the cost that dominated a large run: 20 participants over
    10k vacancies list about 200k exclusions, but only their ids and codes are
    printed. They come as columns straight from the engine's code bitmasks (no
    exclusion, no Dutch explanation is built); each id and each distinct code
    list is encoded once, and the exclusions are put together by indexing arrays
    of those texts, then joined.
    """

    def __init__(self) -> None:
        # The last ids seen and their texts: the fast engine passes the same ids
        # object for every ranking of one fitted index.
        self._ids: Sequence[str] = ()
        self._id_texts: npt.NDArray[np.object_] = np.empty(0, dtype=object)
        self._codes: dict[tuple[str, ...], str] = {}

    def __call__(self, ranking: Ranking) -> str:
        pieces: list[str] = []
        self.extend(pieces, ranking)
        return "".join(pieces)

    def extend(self, pieces: list[str], ranking: Ranking) -> None:
        """Append the pieces of the ranking's text to ``pieces`` (joined, they are it)."""
        pieces.append(
            f'{{"participant": {_json(ranking.participant)}, '
            f'"ranked": {_json([match.to_dict() for match in ranking.ranked])}, '
            '"excluded": [')
        pieces.append(self._excluded(exclusion_columns(ranking.excluded)))
        pieces.append("]}")

    def _excluded(self, found: ExclusionColumns) -> str:
        if len(found.at) == 0:
            return ""
        if found.ids is not self._ids:
            self._ids = found.ids
            self._id_texts = _texts(
                [f'{{"vacancy": {_json_string(i)}, "codes": ' for i in found.ids])
        codes = _texts([self._code_text(codes) for codes in found.codes])
        parts = np.empty((len(found.at), 2), dtype=object)
        parts[:, 0] = self._id_texts[found.at]
        parts[:, 1] = codes[found.which]
        # Each exclusion is its two parts; the last one's separator is cut off.
        parts[-1, 1] = parts[-1, 1][: -len(_SEPARATOR)]
        return "".join(parts.ravel().tolist())

    def _code_text(self, codes: tuple[str, ...]) -> str:
        text = self._codes.get(codes)
        if text is None:
            text = self._codes[codes] = _json(list(codes)) + "}" + _SEPARATOR
        return text


_SEPARATOR = ", "


def _texts(values: list[str]) -> npt.NDArray[np.object_]:
    found = np.empty(len(values), dtype=object)
    found[:] = values
    return found


def _allocate(args: argparse.Namespace) -> Any:
    from matching.allocation import allocate  # each command imports only what it runs

    _, participants, ranker = _prepared(args, args.participants, "participants", args.engine)
    result = allocate(participants, ranker.vacancies_, per_vacancy=args.per_vacancy,
                      ranker=ranker)
    return result.to_dict()


def _audit(args: argparse.Namespace) -> Any:
    from matching.audit import audit

    _, participants, ranker = _prepared(args, args.participants, "participants")
    result = audit(ranker, participants, min_group=args.min_group)
    # A str is printed as it is: the readable report of --format text.
    return result.to_text() if args.format == "text" else result.to_dict()


_COMMANDS = {"rank": _rank, "allocate": _allocate, "audit": _audit}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["rank", "--participant", "/nonexistent.json", "--vacancies", "/nonexistent.json"])
    2
    """
    args = _parser().parse_args(argv)
    huge_pages_off()  # a fit's fresh pages without waiting for the kernel's compaction
    try:
        # One BLAS thread: the products of a run are small or memory-bound, and a
        # second thread mostly spins (20 x 10k: 0.1-0.2 s more CPU, no faster).
        with collector_paused(), one_blas_thread():
            output = _COMMANDS[args.command](args)
        # The interests, notes and phrases this run embedded, for the next run
        # with the same --vectors: then it needs no model at all.
        flush_pending()
    except ProfileError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(output, str):
        sys.stdout.write(output)
        return 0
    if isinstance(output, tuple):  # pieces of text, printed as they are
        sys.stdout.writelines(output)
        return 0
    sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
    return 0


def _end(status: int) -> NoReturn:
    """End the process with ``status`` as ``sys.exit(status)`` would, without the
    interpreter's finalization.

    After the output, finalization only frees every object and module one by one
    (the vectors in memory, the vacancies, numpy, scipy): about 0.02 s of a 20 x 10k
    run, for a process that ends anyway. The exit functions still run (the vector
    cache writes the texts it embedded), then both streams are flushed. The
    interpreter ends as ever when this module is not the program (a script ran it
    with ``runpy.run_module`` and goes on afterwards), with another thread still
    running (it waits for the thread), or a stream that cannot be flushed (it says so).
    """
    if sys.modules["__main__"].__dict__ is globals() and threading.active_count() == 1:
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        else:
            os._exit(status)
    # The interpreter's last collections would walk every object left: 0.06 s CPU of
    # a 20 x 10k run that needs none of it. Frozen objects are left out.
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    _end(main())
