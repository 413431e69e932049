"""Caseload list and participant file, for the case owner only."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_login import current_user

from marketplace.auth.access import get_owned_participant_or_404, roles_required
from marketplace.domain.vocabulary import ParticipantStatus, Role
from marketplace.pagination import enum_arg, page_arg, text_arg
from marketplace.services.participants import caseload

bp = Blueprint("participants", __name__, url_prefix="/deelnemers")


@bp.get("/")
@roles_required(Role.COACH)
def index() -> str:
    status = enum_arg("status", ParticipantStatus)
    search = text_arg("q")
    page = caseload(
        current_user,
        page=page_arg(),
        per_page=current_app.config["PAGE_SIZE"],
        status=status,
        search=search,
    )
    return render_template("participants/index.html", page=page, status=status, search=search)


@bp.get("/<id:participant_id>")
@roles_required(Role.COACH, Role.ADMIN)
def detail(participant_id: int) -> str:
    participant = get_owned_participant_or_404(participant_id)
    return render_template("participants/detail.html", participant=participant)
