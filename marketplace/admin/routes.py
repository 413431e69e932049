"""Pages for the administrator only."""

from __future__ import annotations

from flask import Blueprint, render_template

from marketplace.auth.access import roles_required
from marketplace.domain.vocabulary import Role
from marketplace.pagination import page_arg, text_arg
from marketplace.services import audit

bp = Blueprint("admin", __name__, url_prefix="/beheer")


@bp.get("/auditlog")
@roles_required(Role.ADMIN)
def audit_log() -> str:
    participant_ref = text_arg("deelnemer", 40)
    page = audit.entries(page=page_arg(), participant_ref=participant_ref)
    return render_template("admin/audit_log.html", page=page, participant_ref=participant_ref)
