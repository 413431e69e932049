"""Reports for policy officers: a placeholder until monitoring lands."""

from __future__ import annotations

from flask import Blueprint, render_template

from marketplace.auth.access import roles_required
from marketplace.domain.vocabulary import Role

bp = Blueprint("reports", __name__, url_prefix="/rapportages")


@bp.get("/")
@roles_required(Role.POLICY, Role.ADMIN)
def index() -> str:
    return render_template("reports/index.html")
