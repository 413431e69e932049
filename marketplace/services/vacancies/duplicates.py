"""Likely duplicates of an import: organisation names and vacancy titles that are close
to existing ones (RapidFuzz). Pure comparisons; the import decides what to ask."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from marketplace.domain.vocabulary import N_

DUPLICATE_SCORE = 85.0
MAX_CANDIDATES = 3


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    score: float


def normalised_name(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def exact_key(text: str) -> str:
    return " ".join(text.casefold().split())


# Words that say what kind of place it is, not which one: left out before comparing.
_GENERIC_WORDS = frozenset(
    "stichting vereniging wijkcentrum buurthuis de het een van in en voor bv b v".split()
)


def _core(name: str) -> str:
    return " ".join(w for w in normalised_name(name).split() if w not in _GENERIC_WORDS)


def name_similarity(a: str, b: str) -> float:
    """0..100; 'Repair Café OZO' and 'Repaircafe wijkcentrum OZO' score 100."""
    core_a, core_b = _core(a), _core(b)
    return max(
        fuzz.token_sort_ratio(core_a, core_b),
        fuzz.ratio(core_a.replace(" ", ""), core_b.replace(" ", "")),
    )


def similarity_matrix(names: Sequence[str], others: Sequence[str]) -> np.ndarray:
    """name_similarity of every name against every other, in one vectorised pass."""
    if not names or not others:
        return np.zeros((len(names), len(others)))
    cores = [_core(n) for n in names]
    other_cores = [_core(n) for n in others]
    by_tokens = process.cdist(cores, other_cores, scorer=fuzz.token_sort_ratio, workers=-1)
    squeezed = process.cdist(
        [c.replace(" ", "") for c in cores], [c.replace(" ", "") for c in other_cores],
        scorer=fuzz.ratio, workers=-1,
    )
    result: np.ndarray = np.maximum(by_tokens, squeezed)
    return result


def best_candidates(scores: np.ndarray, existing: Sequence[tuple[int, str]]) -> list[Candidate]:
    """The closest existing (id, name) pairs for one row of a similarity matrix."""
    if not existing:
        return []
    order = np.argsort(-scores)[:MAX_CANDIDATES]
    return [Candidate(existing[j][0], existing[j][1], float(scores[j]))
            for j in order if scores[j] >= DUPLICATE_SCORE]


def similar_titles(title: str, known: Sequence[tuple[int, str]],
                   cutoff: float = DUPLICATE_SCORE) -> list[Candidate]:
    """Existing (id, normalised title) pairs whose title is close to this one."""
    hits = process.extract(normalised_name(title), [t for _, t in known],
                           scorer=fuzz.token_sort_ratio, score_cutoff=cutoff,
                           limit=MAX_CANDIDATES)
    return [Candidate(known[i][0], known[i][1], float(s)) for _, s, i in hits]


def similarity_words(score: float) -> str:
    """A score in the words of the preview: people read 'lijkt sterk op', not '100%'
    (two names that are not the same are never '100% gelijk')."""
    if score >= 95:
        return N_("lijkt heel sterk op")
    if score >= 90:
        return N_("lijkt sterk op")
    return N_("lijkt op")
