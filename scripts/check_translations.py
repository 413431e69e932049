#!/usr/bin/env python3
"""Check that the English catalogue translates every message of the template (.pot).

Exits 1, and lists the messages, when a msgid of the .pot is missing from the .po,
has an empty translation, is marked fuzzy, or lost a %(name)s placeholder.

    .venv/bin/python scripts/check_translations.py            # the committed .pot
    .venv/bin/python scripts/check_translations.py --extract  # a fresh extraction

Only the standard library and Babel are used.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "marketplace" / "translations"
POT = TRANSLATIONS / "messages.pot"
EN_PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
KEYWORDS = ("N_", "_l", "lazy_gettext")
# Babel skips directories that start with '_' by default; templates/_macros holds texts too.
IGNORE_DIRS = ".* __pycache__ node_modules"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def extract(pot: Path) -> None:
    """Extract the messages of the code and templates into `pot`, as the docs describe."""
    argv = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg")]
    for keyword in KEYWORDS:
        argv += ["-k", keyword]
    argv += ["--ignore-dirs", IGNORE_DIRS, "--sort-output", "--project", "Koppelkans"]
    argv += ["-o", str(pot), str(ROOT)]
    CommandLineInterface().run(argv)


def load(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _texts(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def problems(template: Catalog, translated: Catalog) -> list[str]:
    """One line for every message of `template` that `translated` does not translate well."""
    found = []
    if translated.fuzzy:
        found.append("the catalogue header is marked fuzzy (it would not be compiled)")
    for message in template:
        if not message.id:
            continue
        key = _key(message)
        entry = translated.get(message.id, message.context)
        texts = _texts(entry.string) if entry is not None else []
        if entry is None:
            found.append(f"missing: {key!r}")
        elif not texts or not all(texts):
            found.append(f"empty: {key!r}")
        elif entry.fuzzy:
            found.append(f"fuzzy: {key!r}")
        elif not message.pluralizable:  # a singular form may leave out the number
            wanted = set(PLACEHOLDER.findall(message.id))
            for text in texts:
                if set(PLACEHOLDER.findall(text)) != wanted:
                    found.append(f"placeholders differ: {key!r} -> {text!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot", type=Path, default=POT, help="the template (default: %(default)s)")
    parser.add_argument("--po", type=Path, default=EN_PO, help="the catalogue to check")
    parser.add_argument(
        "--extract", action="store_true", help="extract a fresh template instead of using --pot"
    )
    args = parser.parse_args(argv)
    if args.extract:
        with tempfile.TemporaryDirectory() as tmp:
            pot = Path(tmp) / "messages.pot"
            extract(pot)
            template = load(pot)
    else:
        template = load(args.pot)
    found = problems(template, load(args.po))
    for line in found:
        print(line)
    count = sum(1 for message in template if message.id)
    if found:
        print(f"{len(found)} of {count} messages are not translated well in {args.po}")
        return 1
    print(f"All {count} messages are translated in {args.po}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
