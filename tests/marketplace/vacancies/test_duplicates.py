"""Likely duplicates: names of organisations that are the same place written otherwise."""

from __future__ import annotations

from marketplace.services.vacancies.duplicates import name_similarity


def test_unrelated_names_are_not_duplicates() -> None:
    assert name_similarity("Repair Café OZO", "Repaircafe wijkcentrum OZO") >= 85
    assert name_similarity("Wijkcentrum De Klimop", "Wijkcentrum De Ontmoeting") < 85
    assert name_similarity("Voedselbank Nijmegen", "Voedselbank Weert") < 85
