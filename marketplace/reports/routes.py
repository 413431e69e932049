"""Monitoring for policy officers: aggregates only, small counts hidden."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from marketplace.auth.access import roles_required
from marketplace.domain.vocabulary import Role
from marketplace.reports.forms import DashboardFilterForm
from marketplace.services.reports import files as report_files
from marketplace.services.reports import monitoring

bp = Blueprint("reports", __name__, url_prefix="/rapportages")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _dashboard() -> tuple[DashboardFilterForm, monitoring.Dashboard]:
    municipalities, teams = monitoring.filter_options()
    form = DashboardFilterForm(municipalities, teams, formdata=request.args)
    filters = form.filters() if form.validate() else monitoring.Filters.default()
    return form, monitoring.dashboard(filters)


@bp.get("/")
@roles_required(Role.POLICY, Role.ADMIN)
def index() -> str:
    form, dashboard = _dashboard()
    return render_template("reports/index.html", form=form, dashboard=dashboard)


@bp.get("/export.<fmt>")
@roles_required(Role.POLICY, Role.ADMIN)
def export(fmt: str) -> Response:
    _, dashboard = _dashboard()
    key = request.args.get("tabel", "")
    tables = dashboard.tables if not key else tuple(t for t in dashboard.tables if t.key == key)
    if not tables or fmt not in ("csv", "xlsx") or (fmt == "csv" and len(tables) != 1):
        abort(404)
    name = f"koppelkans-{key or 'monitoring'}-{dashboard.filters.reference_date.isoformat()}"
    if fmt == "csv":
        body, mimetype = report_files.table_csv(tables[0]).encode("utf-8-sig"), "text/csv"
    else:
        body, mimetype = report_files.dashboard_xlsx(dashboard, tables), XLSX
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
