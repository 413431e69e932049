"""Spreadsheet cells: the one rule for what a spreadsheet would run as a formula, for
reading (import) and writing (export). Pure: no I/O."""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FUNCTION_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*\(")
_CELL_REFERENCE = re.compile(r"\s*\$?[A-Za-z]{1,3}\$?\d+\b")
_ARITHMETIC = re.compile(r"[\d)]\s*[-+*/^&]\s*[\d($A-Za-z]")


def looks_like_formula(text: str) -> bool:
    """A cell a spreadsheet would run as a formula: '=...', or '+', '-', '@' followed
    by a function call, a cell reference or arithmetic ('-1+2'). '- koken' and
    '+31 24 123 4567' are plain text."""
    if not text or text[0] not in FORMULA_START:
        return False
    head, rest = text[0], text[1:]
    if head in "=\t\r":
        return head == "=" or looks_like_formula(rest)
    return bool(
        _FUNCTION_CALL.search(rest) or _CELL_REFERENCE.match(rest) or _ARITHMETIC.search(rest)
        or rest.startswith("=")
    )


def escape_formula(text: str) -> str:
    """Export: a text that looks like a formula gets a leading apostrophe (stays text)."""
    return "'" + text if looks_like_formula(text) else text


def unescape_formula(text: str) -> str:
    """Import: "'=1+1" is the text '=1+1' (the escape an export writes)."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text
