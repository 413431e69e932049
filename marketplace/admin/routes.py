"""Pages for the administrator only."""

from __future__ import annotations

from flask import Blueprint, render_template

from marketplace.auth.access import roles_required
from marketplace.domain.audit import AUDIT_KIND_LABELS, AuditKind
from marketplace.domain.vocabulary import Role
from marketplace.pagination import enum_arg, page_arg, text_arg
from marketplace.services.platform import audit, outbox

bp = Blueprint("admin", __name__, url_prefix="/beheer")


@bp.get("/auditlog")
@roles_required(Role.ADMIN)
def audit_log() -> str:
    participant_ref = text_arg("deelnemer", 40)
    kind = enum_arg("soort", AuditKind)
    page = audit.log_lines(page=page_arg(), participant_ref=participant_ref, kind=kind)
    return render_template(
        "admin/audit_log.html",
        page=page,
        participant_ref=participant_ref,
        kind=kind,
        kinds=AUDIT_KIND_LABELS,
    )


@bp.get("/e-mail")
@roles_required(Role.ADMIN)
def mail() -> str:
    """Mail that was given up or keeps failing, so the administrator can act on it."""
    return render_template("admin/mail.html", page=outbox.troubled(page=page_arg()))
