"""In-app notifications: the list on /meldingen and the unread count in the header."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from marketplace.services.platform import notifications as service

bp = Blueprint("notifications", __name__, url_prefix="/meldingen")


@bp.app_context_processor
def unread_notifications() -> dict[str, Callable[[], int]]:
    def count() -> int:
        return service.unread_count(current_user) if current_user.is_authenticated else 0

    return {"unread_notifications": count}


@bp.get("/")
@login_required
def index() -> str:
    return render_template("notifications/index.html", items=service.recent(current_user))


@bp.post("/gelezen")
@login_required
def mark_read() -> Response:
    if service.mark_all_read(current_user):
        flash(gettext("Alle meldingen zijn gelezen."), "success")
    return redirect(url_for(".index"))


