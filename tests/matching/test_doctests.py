"""The Examples in matching's docstrings are run, so they stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "matching", "matching.types", "matching.profiles", "matching.constraints",
    "matching.dutch", "matching.text", "matching.scoring", "matching.reference",
    "matching.ranker", "matching.allocation", "matching.__main__", "matching.learn",
    "matching.audit", "matching.stored",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
