"""Dashboard tables as CSV and XLSX files (already protected: no count under 5)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from marketplace.domain.disclosure import RULE
from marketplace.domain.spreadsheet_cells import escape_cell, xlsx_cell
from marketplace.domain.vocabulary import N_
from marketplace.services.platform.pdf import pdf_from_html
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
        ["Privacy", RULE],
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


# The words of the council report, explained once, in plain Dutch (B1).
GLOSSARY = (
    (N_("Participatieladder"), N_(
        "Een meetlat met zes treden voor hoe iemand meedoet: van 1 (geïsoleerd) tot "
        "6 (betaald werk)."
    )),
    (N_("Trede"), N_("Eén stap op de participatieladder.")),
    (N_("ZRM"), N_(
        "Zelfredzaamheidsmatrix: een meting van hoe goed iemand zich redt op dertien "
        "domeinen, zoals financiën, huisvesting en sociaal netwerk."
    )),
    (N_("Nulmeting"), N_(
        "De eerste meting, bij de start. Latere metingen vergelijken we hiermee."
    )),
    (N_("Peildatum"), N_("De dag waarop we de stand opmaken. Alles tot en met die dag telt mee.")),
    (N_("Route"), N_(
        "De route van het participatieplan: vrijwilligerswerk, onderwijs en inburgering, "
        "sociale participatie of zorg en gezondheid."
    )),
    (N_("Z-route"), N_(
        "De leerroute zelfredzaamheid van de inburgering, voor wie de B1-route of de "
        "onderwijsroute (nog) niet haalbaar is."
    )),
    (N_("Taalstage"), N_("Een plek waar iemand vooral Nederlands oefent in de praktijk.")),
    (N_("Werkervaringsplaats"), N_(
        "Een plek waar iemand werkervaring opdoet, met begeleiding, als stap naar werk."
    )),
    (N_("<5 en •"), N_(
        "Aantallen onder de 5 tonen we niet. Een • is verborgen zodat niemand een klein "
        "aantal kan terugrekenen."
    )),
)


def report_pdf(html: str) -> bytes:
    """The council report as PDF (its inline SVG charts included)."""
    return pdf_from_html(html)
