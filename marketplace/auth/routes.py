"""Login and logout."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from marketplace.auth.access import safe_next_url
from marketplace.auth.forms import LoginForm
from marketplace.extensions import limiter
from marketplace.services.accounts.users import authenticate, end_sessions

bp = Blueprint("auth", __name__)


def _email_being_tried() -> str:
    return "login:" + request.form.get("email", "").strip().lower()


# Per address and per account, so that guessing is slow from one place and for one account.
@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
@limiter.limit("30 per hour", key_func=_email_being_tried, methods=["POST"])
def login() -> Response | str:
    if current_user.is_authenticated:
        return redirect(url_for("start.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is None:
            form.password.errors.append(gettext("Het e-mailadres of het wachtwoord klopt niet."))
        else:
            session.clear()  # a fresh session on login: no session fixation
            login_user(user)
            return redirect(safe_next_url(request.args.get("next")) or url_for("start.index"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    # Server-side: a copy of this cookie (or one on another device) stops working too.
    end_sessions(current_user)
    logout_user()
    flash(gettext("U bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))


@bp.post("/taal/<lang>")
def set_language(lang: str) -> Response:
    if lang in ("nl", "en"):
        session["lang"] = lang
    return redirect(safe_next_url(request.form.get("next")) or url_for("start.index"))
