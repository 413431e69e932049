"""Dashboard tables as CSV and XLSX files (already protected: no count under 5)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from marketplace.domain.spreadsheet_cells import escape_cell, xlsx_cell
from marketplace.services.reports.monitoring import Dashboard, Table

SHEET_NAME_LIMIT = 31  # Excel's own limit


def _csv_row(values: list[str]) -> list[str]:
    return [escape_cell(value) for value in values]


def _xlsx_row(values: list[str]) -> list[object]:
    """Counts as numbers; every text (also filter values from the request) escaped."""
    return [int(value) if value.isdigit() else xlsx_cell(value) for value in values]


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_csv_row([table.title]))
    for row in table.as_lists():
        writer.writerow(_csv_row(row))
    if table.note:
        writer.writerow(_csv_row([table.note]))
    return buffer.getvalue()


def dashboard_xlsx(dashboard: Dashboard, tables: tuple[Table, ...]) -> bytes:
    """One sheet per table, with the filters on the first sheet."""
    workbook = Workbook()
    about = workbook.active
    assert isinstance(about, Worksheet)  # a new workbook opens on its one worksheet
    about.title = "Filters"
    filters = dashboard.filters
    for line in (
        ["Peildatum", filters.reference_date.isoformat()],
        ["Periode", f"{filters.period_start.isoformat()} t/m {filters.period_end.isoformat()}"],
        ["Gemeente", filters.municipality or "alle"],
        ["Team", filters.team or "alle"],
        ["Privacy", "Aantallen onder de 5 staan als <5; • is verborgen om herleiden te voorkomen."],
    ):
        about.append([xlsx_cell(value) for value in line])
    for table in tables:
        sheet = workbook.create_sheet(table.key[:SHEET_NAME_LIMIT])
        sheet.append(_xlsx_row([table.title]))
        for row in table.as_lists():
            sheet.append(_xlsx_row(row))
        if table.note:
            sheet.append(_xlsx_row([table.note]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
