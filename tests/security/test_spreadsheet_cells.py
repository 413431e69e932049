"""Formula injection: one rule escapes every text cell written (vacancy export and
template, report workbook) and one rule reads them back (import). A cell starting
with = + - @ TAB or CR never reaches a spreadsheet unescaped, and the export -> import
round trip keeps every text as it was."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import openpyxl
import pytest

from marketplace.domain.spreadsheet_cells import (
    escape_cell,
    looks_like_formula,
    unescape_cell,
)
from marketplace.domain.vacancy_words import dutch_column
from marketplace.domain.vocabulary import Role
from marketplace.services.profiles.rows import VACANCY_COLUMNS
from marketplace.services.reports import monitoring
from marketplace.services.reports.files import dashboard_xlsx, table_csv
from marketplace.services.vacancies import import_rows
from marketplace.services.vacancies.export import export_file, template_file
from marketplace.services.vacancies.files import read_file
from tests.builders import make_organisation, make_user, make_vacancy

DDE = "+cmd|' /C calc'!A0"
HOSTILE = [DDE, "-cmd|' /C calc'!A0", "@cmd|' /C calc'!A0", "=1+1", "\t=1+1", "\r=1+1",
           "-2+3+cmd|' /C calc'!A0", "+Blad2!A1"]
PLAIN_STARTS = ["+31 24 123 4567", "- koken\n- tuin", "@koppelkans", "-", "'s-Hertogenbosch",
                "'=al met apostrof", "''+twee apostroffen", "gewone tekst"]


def _is_unescaped(text: str) -> bool:
    return text[:1] in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("text", HOSTILE + PLAIN_STARTS)
def test_writing_escapes_every_formula_start_and_reading_restores_it(text: str) -> None:
    written = escape_cell(text)
    assert not _is_unescaped(written)
    assert unescape_cell(written) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_reading_refuses_dde_and_cross_sheet_formulas(text: str) -> None:
    assert looks_like_formula(text)


def _csv_cells(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    return [cell for row in rows for cell in row]


def _xlsx_cells(data: bytes) -> list[object]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell.value for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if cell.value is not None]


def test_vacancy_export_escapes_dde_and_round_trips(db) -> None:
    """An old row with formula-like text (saved before the record refused it) is written
    escaped; read back, the escape is taken off and the record refuses that text, naming
    the column. Plain texts starting with '-' or '+' go round unchanged."""
    centre = make_organisation(kind="vrijwilligerscentrale", name="Punt")
    organisation = make_organisation(name="Buurthuis", managed_by=centre)
    make_vacancy(organisation, title=DDE, description="- koken\n- tuin",
                 contact_phone="+31 24 123 4567", contact_person="@cmd|' /C calc'!A0")
    for file_format in ("csv", "xlsx"):
        data = export_file(None, file_format).content
        cells = _csv_cells(data) if file_format == "csv" else _xlsx_cells(data)
        texts = [cell for cell in cells if isinstance(cell, str)]
        assert "'" + DDE in texts and "'+31 24 123 4567" in texts
        assert not [cell for cell in texts if _is_unescaped(cell)]
        parsed = read_file(f"v.{file_format}", data)
        staff = make_user(Role.CENTRALE, organisation=centre)
        report = import_rows.check_rows(parsed.rows, import_rows.scope_for(staff))
        assert sorted(p.column for p in report.problems) == ["contact_person", "title"]
        [checked] = report.rows
        assert checked.profile["description"] == "- koken\n- tuin"
        assert checked.profile["contact_phone"] == "+31 24 123 4567"


def test_import_refuses_an_unescaped_dde_cell(db) -> None:
    centre = make_organisation(kind="vrijwilligerscentrale", name="Punt")
    make_organisation(name="Buurthuis", managed_by=centre)
    staff = make_user(Role.CENTRALE, organisation=centre)
    data = ("organisation;type;title;schedule;capacity\n"
            f"Buurthuis;vrijwilligerswerk;{DDE};mon_morning;1\n").encode()
    report = import_rows.check_rows(read_file("v.csv", data).rows, import_rows.scope_for(staff))
    assert [p.line() for p in report.problems] == [
        "row 2, column title: bevat een formule; formules zijn niet toegestaan"]


def test_template_cells_are_escaped() -> None:
    for file_format in ("csv", "xlsx"):
        data = template_file(file_format).content
        cells = _csv_cells(data) if file_format == "csv" else _xlsx_cells(data)
        assert not [c for c in cells if isinstance(c, str) and _is_unescaped(c)]
        assert {dutch_column(column) for column in VACANCY_COLUMNS} <= set(cells)


def test_report_workbook_escapes_the_municipality_filter(db) -> None:
    filters = replace(monitoring.Filters.default(), municipality=DDE, team="=1+1\x01")
    dashboard = monitoring.dashboard(filters)
    cells = _xlsx_cells(dashboard_xlsx(dashboard, dashboard.tables))
    assert "'" + DDE in cells and "'=1+1" in cells
    assert not [c for c in cells if isinstance(c, str) and _is_unescaped(c)]


def test_report_csv_escapes_every_text(db) -> None:
    dashboard = monitoring.dashboard(monitoring.Filters.default())
    table = replace(dashboard.tables[0], title=DDE, note="-2+3")
    cells = _csv_cells(table_csv(table).encode())
    assert cells[0] == "'" + DDE and "'-2+3" in cells
