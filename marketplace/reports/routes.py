"""Monitoring for policy officers: aggregates only, small counts hidden."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, render_template, request

from marketplace.auth.access import roles_required
from marketplace.domain.disclosure import RULE, cell
from marketplace.domain.vocabulary import Role
from marketplace.reports.forms import DashboardFilterForm
from marketplace.services.reports import fairness, monitoring
from marketplace.services.reports import files as report_files

bp = Blueprint("reports", __name__, url_prefix="/rapportages")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _dashboard() -> tuple[DashboardFilterForm, monitoring.Dashboard]:
    municipalities, teams = monitoring.filter_options()
    form = DashboardFilterForm(municipalities, teams, formdata=request.args)
    filters = form.filters() if form.validate() else monitoring.Filters.default()
    return form, monitoring.dashboard(filters)


def render_dashboard(template: str = "reports/index.html") -> str:
    """The dashboard page; the policy officer's start page shows it too."""
    form, dashboard = _dashboard()
    return render_template(template, form=form, dashboard=dashboard, disclosure_rule=RULE)


@bp.get("/")
@roles_required(Role.POLICY, Role.ADMIN)
def index() -> str:
    return render_dashboard()


@bp.get("/rapport.pdf")
@roles_required(Role.POLICY, Role.ADMIN)
def report_pdf() -> Response:
    """The council report: title page, summary, tables with charts, glossary."""
    _, dashboard = _dashboard()
    html = render_template(
        "reports/report.html",
        dashboard=dashboard,
        disclosure_rule=RULE,
        glossary=report_files.GLOSSARY,
        made_on=date.today(),
    )
    name = f"koppelkans-rapport-{dashboard.filters.reference_date.isoformat()}.pdf"
    return Response(
        report_files.report_pdf(html),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


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


@bp.get("/eerlijkheid")
@roles_required(Role.POLICY, Role.ADMIN)
def fairness_report() -> str:
    """Do some groups get fewer or worse matches, and how much do the rules explain?"""
    return render_template(
        "reports/fairness.html", audit=fairness.fairness_audit(), count=cell,
        titles=fairness.COMPARISON_TITLES, groups=fairness.GROUP_LABELS,
        reasons=fairness.REASON_LABELS, disclosure_rule=RULE,
    )
