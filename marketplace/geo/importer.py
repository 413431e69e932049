"""Read a GeoNames postal-code file and replace the imported postcode table with it."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from marketplace.extensions import db
from marketplace.geo.resolver import invalidate_imported_table
from marketplace.models._types import utcnow
from marketplace.models.geo import ImportedPostcode
from matching.geo import PostcodeRowError, PostcodeTable, numbered_tsv_rows, parse_geonames_row


@dataclass
class ParsedFile:
    """Every row's problems, or the table the file describes."""

    rows: int = 0
    problems: list[PostcodeRowError] = field(default_factory=list)
    table: PostcodeTable = field(default_factory=lambda: PostcodeTable({}))


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed."""

    postcodes: int
    replaced: int


def read_geonames_text(path: Path) -> str:
    """The text of a GeoNames file: a .txt/.tsv, or NL.zip as downloaded (its NL.txt)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [name for name in archive.namelist() if name.lower().endswith(".txt")]
            # GeoNames' NL.zip holds NL.txt and readme.txt.
            chosen = next((n for n in names if "readme" not in n.lower()), None)
            if chosen is None:
                raise ValueError(f"{path.name} holds no postal-code .txt file")
            with archive.open(chosen) as member:
                return io.TextIOWrapper(member, encoding="utf-8").read()
    return path.read_text(encoding="utf-8")


def parse_geonames_file(text: str) -> ParsedFile:
    """Validate every row; the table is filled only when no row has a problem."""
    parsed = ParsedFile()
    good: list[tuple[int, list[str]]] = []
    for line, fields in numbered_tsv_rows(text):
        parsed.rows += 1
        try:
            parse_geonames_row(fields, line)
        except PostcodeRowError as problem:
            parsed.problems.append(problem)
        else:
            good.append((line, fields))
    if parsed.rows == 0:
        parsed.problems.append(PostcodeRowError(1, "row", "the file has no rows"))
    if not parsed.problems:
        parsed.table = PostcodeTable.from_geonames_rows(fields for _, fields in good)
    return parsed


def replace_imported_postcodes(table: PostcodeTable) -> ImportSummary:
    """Replace the whole imported table in one transaction (delete + bulk insert)."""
    now = utcnow()
    records = [
        {
            "pc4": pc4,
            "place": table.places.get(pc4, "")[:200],
            "lat": point.lat,
            "lon": point.lon,
            "imported_at": now,
        }
        for pc4, point in sorted(table.items())
    ]
    try:
        replaced = db.session.scalar(select(func.count()).select_from(ImportedPostcode)) or 0
        db.session.execute(delete(ImportedPostcode))
        if records:
            db.session.execute(insert(ImportedPostcode), records)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    finally:
        invalidate_imported_table()
    return ImportSummary(postcodes=len(records), replaced=int(replaced))
