"""Dashboard tables as CSV and XLSX files (already protected: no count under 5)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from marketplace.services.reports.monitoring import Dashboard, Table

SHEET_NAME_LIMIT = 31  # Excel's own limit


def _safe(text: str) -> str:
    """A leading = + - @ would make a spreadsheet run the cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([table.title])
    for row in table.as_lists():
        writer.writerow([_safe(value) for value in row])
    if table.note:
        writer.writerow([table.note])
    return buffer.getvalue()


def dashboard_xlsx(dashboard: Dashboard, tables: tuple[Table, ...]) -> bytes:
    """One sheet per table, with the filters on the first sheet."""
    workbook = Workbook()
    about = workbook.active
    assert isinstance(about, Worksheet)  # a new workbook opens on its one worksheet
    about.title = "Filters"
    filters = dashboard.filters
    about.append(["Peildatum", filters.reference_date.isoformat()])
    about.append(
        ["Periode", f"{filters.period_start.isoformat()} t/m {filters.period_end.isoformat()}"]
    )
    about.append(["Gemeente", filters.municipality or "alle"])
    about.append(["Team", filters.team or "alle"])
    about.append(
        ["Privacy", "Aantallen onder de 5 staan als <5; • is verborgen om herleiden te voorkomen."]
    )
    for table in tables:
        sheet = workbook.create_sheet(table.key[:SHEET_NAME_LIMIT])
        sheet.append([table.title])
        for row in table.as_lists():
            sheet.append([int(value) if value.isdigit() else _safe(value) for value in row])
        if table.note:
            sheet.append([table.note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
