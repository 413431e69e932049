"""Each role lands on its own start page."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from marketplace.domain.vocabulary import Role
from marketplace.reports.routes import render_dashboard
from marketplace.services.start import start_page_context

bp = Blueprint("start", __name__)

TEMPLATES = {
    Role.COACH: "start/coach.html",
    Role.ORGANISATION: "start/organisation.html",
    Role.CENTRALE: "start/centrale.html",
    Role.POLICY: "start/policy.html",
    Role.ADMIN: "start/admin.html",
    Role.REGIONAL_ADMIN: "start/tenant_admin.html",
    Role.MUNICIPAL_ADMIN: "start/tenant_admin.html",
}


@bp.get("/")
@login_required
def index() -> str:
    if current_user.role == Role.POLICY:
        # The policy officer comes for the figures: the dashboard is the start page.
        return render_dashboard("start/policy.html")
    return render_template(TEMPLATES[current_user.role], **start_page_context(current_user))
