"""The vacancy file formats: reading CSV and XLSX uploads into text rows, and writing
the same flat format (exports and the template).

Reading never evaluates anything: an XLSX is opened values-only in read-only mode
with formulas kept as their text, and the caller rejects any cell that looks like a
formula. A file that cannot be read as a whole raises :class:`ImportFileError`.

Uploads may be hostile, so reading is bounded before anything is written: every row
read counts (also empty ones and the gaps of a sparse sheet), columns and cell sizes
are capped, the header is checked in linear time, and an XLSX passes
``xlsx_limits.check_xlsx`` (zip sizes, ratio, defused XML) before openpyxl opens it.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any

from marketplace.domain.spreadsheet_cells import escape_cell, xlsx_cell
from marketplace.domain.vacancy_words import column_key, dutch_column, dutch_value, keyed_row
from marketplace.errors import DomainError
from marketplace.services.profiles.rows import (
    INTEGER_COLUMNS,
    REQUIRED_COLUMNS,
    VACANCY_COLUMNS,
    vacancy_column_help,
)
from marketplace.services.vacancies.xlsx_limits import MAX_CELL_CHARS, XlsxRefused, check_xlsx

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 60
# Rows read at most, header and empty rows included: the bound on the work of reading.
MAX_LINES = MAX_ROWS + 1_000


class ImportFileError(DomainError):
    """The whole file is refused; nothing was read into the database."""


@dataclass
class ParsedFile:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number, cells by column)
    notices: list[str] = field(default_factory=list)


def _decode(data: bytes) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            "Het bestand is opgeslagen als UTF-16. Sla het op als 'CSV UTF-8' en probeer "
            "het opnieuw."
        )
    if b"\x00" in data:
        raise ImportFileError(
            "Dit is geen tekstbestand. Kies een CSV-bestand (UTF-8) of een XLSX-bestand."
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFileError(
            "We kunnen de tekens in dit bestand niet lezen. Sla het op als 'CSV UTF-8' en "
            "probeer het opnieuw."
        ) from None
    return text, [
        "Het bestand was niet opgeslagen als UTF-8. We hebben het gelezen als Windows-1252 "
        "(Excel). Kijk of letters als é en ë goed staan."
    ]


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def _dutch_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        f"Het bestand heeft meer dan {_dutch_number(MAX_ROWS)} rijen. Splits het in kleinere "
        "bestanden."
    )


def _too_many_lines() -> ImportFileError:
    return ImportFileError(
        f"Het bestand is langer dan {_dutch_number(MAX_LINES)} regels (lege regels tellen "
        "mee). Haal lege regels weg of splits het in kleinere bestanden."
    )


def _csv_records(data: bytes) -> tuple[Iterator[list[str]], list[str]]:
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            "Dit is een Excel-bestand met de naam .csv. Noem het .xlsx, of sla het op als CSV."
        )
    text, notices = _decode(data)
    return csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)), notices


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


def _cannot_open() -> ImportFileError:
    return ImportFileError(
        "Dit XLSX-bestand kunnen we niet openen. Sla het opnieuw op in Excel of als CSV."
    )


def _xlsx_records(data: bytes) -> Iterator[list[str]]:
    import openpyxl

    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError("Dit is geen geldig XLSX-bestand. Kies een CSV- of XLSX-bestand.")
    try:
        check_xlsx(data, max_row=MAX_LINES)
    except XlsxRefused as refused:
        raise ImportFileError(refused.message) from refused
    # Sizes and XML are checked by now; what openpyxl still raises on a crafted file
    # varies (KeyError, TypeError, IndexError, ...), and each means: cannot read it.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extras
            # data_only=False: a formula is read as its text ('=...'), never its result.
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:
        raise _cannot_open() from error
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for values in book.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS):
                yield [_cell_text(value) for value in values]
    except Exception as error:
        raise _cannot_open() from error
    finally:
        book.close()


def _header(cells: Sequence[str]) -> list[str]:
    """Column names, checked in linear time (a hostile header has a million columns)."""
    used = len(cells)
    while used and not cells[used - 1].strip():
        used -= 1
    if used > MAX_COLUMNS:  # before any work per column
        raise ImportFileError(
            f"De eerste rij heeft {_dutch_number(used)} kolommen; hoogstens "
            f"{MAX_COLUMNS} kunnen. Gebruik de kolommen van het sjabloon."
        )
    # Dutch column names (the template's) and the spec's English keys both work.
    header = [column_key(re.sub(r"\s+", "_", cell.strip().lstrip("\ufeff").lower()))
              for cell in cells[:used]]
    unknown = [name for name in header if name not in VACANCY_COLUMNS]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    doubled = sorted(name for name, count in Counter(header).items() if name and count > 1)
    if missing:
        raise ImportFileError(
            "Deze kolommen ontbreken: " + ", ".join(map(dutch_column, missing))
            + ". Gebruik de kolommen van het sjabloon; de eerste rij moet de kolomnamen bevatten."
        )
    if unknown:
        names = ", ".join(repr(name) if name else "(leeg)" for name in unknown[:10])
        # The header is lower-cased and keyed already; the user typed these names.
        raise ImportFileError(
            f"Onbekende kolommen: {names}. Gebruik de kolomnamen van het sjabloon."
        )
    if doubled:
        raise ImportFileError("Deze kolommen staan er twee keer in: "
                              + ", ".join(map(dutch_column, doubled)) + ".")
    return header


def _rows(records: Iterable[list[str]]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    iterator = iter(records)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(iterator, start=1):
        if number > MAX_LINES:
            raise _too_many_lines()
        _check_cell_sizes(number, cells, header)
        if header is None:
            if any(cell.strip() for cell in cells):
                header = _header(cells)
                first = number
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise _too_many_rows()
        rows.append((number - first + 1, cells))
    if header is None:
        raise ImportFileError("Het bestand is leeg.")
    if not rows:
        raise ImportFileError("Het bestand heeft kolomnamen, maar geen rijen met vacatures.")
    return header, rows


def _check_cell_sizes(number: int, cells: Sequence[str], header: Sequence[str] | None) -> None:
    for index, cell in enumerate(cells[:MAX_COLUMNS]):
        if len(cell) > MAX_CELL_CHARS:
            column = header[index] if header and index < len(header) else str(index + 1)
            raise ImportFileError(
                f"Rij {number}, kolom {column}: de cel is langer dan "
                f"{_dutch_number(MAX_CELL_CHARS)} tekens."
            )


def read_file(filename: str, data: bytes) -> ParsedFile:
    """Text rows of a CSV or XLSX file; a file that cannot be read is refused whole."""
    if len(data) > MAX_BYTES:
        raise ImportFileError("Het bestand is groter dan 10 MB. Splits het in kleinere bestanden.")
    if not data.strip():
        raise ImportFileError("Het bestand is leeg.")
    extension = PurePath(filename or "").suffix.lower()
    notices: list[str] = []
    try:
        if extension == ".csv":
            records, notices = _csv_records(data)
            header, raw_rows = _rows(records)
        elif extension == ".xlsx":
            header, raw_rows = _rows(_xlsx_records(data))
        else:
            raise ImportFileError("Kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx).")
    except csv.Error as error:
        if "field limit" in str(error):
            raise ImportFileError(
                f"Een cel in het bestand is langer dan {_dutch_number(MAX_CELL_CHARS)} tekens."
            ) from error
        raise ImportFileError(f"Dit is geen geldig CSV-bestand: {error}.") from error
    rows = [(number, _row_cells(header, cells)) for number, cells in raw_rows]
    return ParsedFile(header=header, rows=rows, notices=notices)


def _row_cells(header: list[str], cells: list[str]) -> dict[str, str]:
    row = keyed_row({name: (cells[index] if index < len(cells) else "") for index, name in
                     enumerate(header)})
    extra = [cell for cell in cells[len(header):] if cell.strip()]
    if extra:
        row["__extra__"] = "1"
    return row


# ------------------------------------------------------------------------ writing

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"

EXAMPLE_ROW = {
    "organisation": "Repair Café wijkcentrum De Ontmoeting",
    "type": "taalstage",
    "title": "Gastvrouw of gastheer in het taalcafé",
    "description": "Koffie schenken en praten met bezoekers.",
    "tags": "koken, gastvrijheid",
    "postcode": "6602 WE",
    "remote": "nee",
    "schedule": "tue_afternoon thu_afternoon",
    "dayparts_needed": "1",
    "hours_min": "4",
    "hours_max": "8",
    "capacity": "2",
    "filled": "0",
    "language_min_speaking": "A1",
    "language_min_listening": "A2",
    "language_rich": "ja",
    "language_support": "ja",
    "other_languages": "ar en",
    "literacy_required": "nee",
    "childcare_offered": "nee",
    "children_welcome": "ja",
    "women_only": "nee",
    "physical_load": "light",
    "duration_weeks": "40",
    "contact_person": "Anouk Peters (werkbegeleider)",
    "contact_email": "anouk@voorbeeld.nl",
    "proposal_cap": "3",
    "status": "draft",
}

# The template's explanation sheet: one line per column, in Dutch, from the record.
COLUMN_HELP = vacancy_column_help()


def write_csv(rows: Iterable[dict[str, str]],
              columns: Sequence[str] = VACANCY_COLUMNS) -> bytes:
    """UTF-8 with a byte-order mark and ';' between cells: Excel in the Netherlands opens it.
    Rows are keyed; the file has the Dutch column names and values (domain/vacancy_words)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([escape_cell(dutch_column(column)) for column in columns])
    for row in rows:
        writer.writerow([escape_cell(dutch_value(column, row.get(column, "")))
                         for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(column: str, text: str) -> Any:
    text = dutch_value(column, text)
    if column in INTEGER_COLUMNS and re.fullmatch(r"\d+", text):
        return int(text)
    if column in ("hours_min", "hours_max") and re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text) if "." in text else int(text)
    return xlsx_cell(text)


def write_xlsx(rows: Iterable[dict[str, str]], with_help: bool = False,
               columns: Sequence[str] = VACANCY_COLUMNS) -> bytes:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Vacatures")
    sheet.append([xlsx_cell(dutch_column(column)) for column in columns])
    for row in rows:
        # Every value is written as data; text that looks like a formula is escaped.
        sheet.append([_xlsx_value(column, row.get(column, "")) for column in columns])
    if with_help:
        explanation = book.create_sheet("Uitleg")
        explanation.append([xlsx_cell("kolom"), xlsx_cell("uitleg")])
        for column in VACANCY_COLUMNS:
            explanation.append([xlsx_cell(dutch_column(column)),
                                xlsx_cell(COLUMN_HELP.get(column, ""))])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_rows() -> list[dict[str, str]]:
    return [{column: EXAMPLE_ROW.get(column, "") for column in VACANCY_COLUMNS}]
