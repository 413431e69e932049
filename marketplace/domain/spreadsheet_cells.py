"""Spreadsheet cells: the one rule for writing a text cell (exports, template, report
workbook) and the one rule for reading one (import). Pure: no I/O.

Writing escapes every text that starts with ``= + - @ TAB CR`` with a leading
apostrophe: a spreadsheet then shows it as text, whatever follows (OWASP's advice for
CSV injection; ``+cmd|' /C calc'!A0`` has no function call, yet Excel runs it).
Phone numbers like ``+31 24 123 4567`` are escaped too: the import removes the
apostrophe again, so the export -> import round trip keeps every text unchanged.
A text that itself starts with apostrophes before such a character gets one more, so
that reading it back removes exactly the one that writing added.

Reading refuses what a spreadsheet would run as a formula; an apostrophe in front
makes it text, as it does in Excel.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_FUNCTION_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*\(")
_CELL_REFERENCE = re.compile(r"\s*\$?[A-Za-z]{1,3}\$?\d+\b")
_ARITHMETIC = re.compile(r"[\d)]\s*[-+*/^&]\s*[\d($A-Za-z]")
# DDE ('cmd|...') and references into other sheets or files ('x!A1').
_LINK = re.compile(r"\||![$]?[A-Za-z]{1,3}[$]?\d")
# Characters XML 1.0 cannot hold: an XLSX cell with one cannot be written at all.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def needs_escape(text: str) -> bool:
    """Writing: would a spreadsheet (or our own import) read this text differently?"""
    return text.lstrip(ESCAPE)[:1] in FORMULA_START


def escape_cell(text: str) -> str:
    """Writing a text cell anywhere (CSV or XLSX): a leading apostrophe keeps it text."""
    return ESCAPE + text if needs_escape(text) else text


def xlsx_cell(value: object) -> object:
    """Writing an XLSX cell: numbers stay numbers, texts are escaped and lose the control
    characters XML cannot hold (openpyxl would refuse the whole workbook)."""
    if isinstance(value, str):
        return escape_cell(_NOT_IN_XML.sub("", value))
    return value


def unescape_cell(text: str) -> str:
    """Reading: "'=1+1" is the text '=1+1' (the escape writing adds, or Excel's own)."""
    return text[1:] if text.startswith(ESCAPE) and needs_escape(text[1:]) else text


def looks_like_formula(text: str) -> bool:
    """Reading: a cell a spreadsheet would run as a formula: '=...', or '+', '-', '@'
    followed by a function call, a cell reference, arithmetic ('-1+2'), a DDE link or a
    reference into another sheet. '- koken' and '+31 24 123 4567' are plain text."""
    if not text or text[0] not in FORMULA_START:
        return False
    head, rest = text[0], text[1:]
    if head in "=\t\r":
        return head == "=" or looks_like_formula(rest)
    return bool(
        _FUNCTION_CALL.search(rest) or _CELL_REFERENCE.match(rest) or _ARITHMETIC.search(rest)
        or _LINK.search(rest) or rest.startswith("=")
    )
