"""The organisations a volunteer centre manages, and their detail."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from marketplace.auth.access import get_managed_organisation_or_404, roles_required
from marketplace.domain.vocabulary import Role
from marketplace.services.organisations import managed_organisations

bp = Blueprint("organisations", __name__, url_prefix="/organisaties")


@bp.get("/")
@roles_required(Role.CENTRALE)
def index() -> str:
    return render_template(
        "organisations/index.html", organisations=managed_organisations(current_user)
    )


@bp.get("/<id:organisation_id>")
@roles_required(Role.CENTRALE, Role.ADMIN)
def detail(organisation_id: int) -> str:
    organisation = get_managed_organisation_or_404(organisation_id)
    return render_template("organisations/detail.html", organisation=organisation)
