"""Login and logout."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from marketplace.auth.access import safe_next_url
from marketplace.auth.forms import ForgotPasswordForm, LoginForm, SetPasswordForm
from marketplace.errors import DomainError
from marketplace.extensions import limiter
from marketplace.formfields import add_error, attach_domain_error
from marketplace.services.accounts import invitations
from marketplace.services.accounts.login_throttle import TooManyAttempts, attempt_login
from marketplace.services.accounts.users import end_sessions

bp = Blueprint("auth", __name__)


def _refused(form: LoginForm, message: str, status: int = 200) -> tuple[str, int]:
    add_error(form.password, message)
    return render_template("auth/login.html", form=form), status


# Failed attempts are counted per client address and per account in the database
# (services/accounts/login_throttle.py), shared by every worker.
@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("start.index"))
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)
    try:
        user = attempt_login(form.email.data or "", form.password.data or "",
                             request.remote_addr or "")
    except TooManyAttempts as error:
        return _refused(form, gettext("U heeft het te vaak geprobeerd. Wacht %(seconds)s "
                                      "seconden en probeer het dan opnieuw.",
                                      seconds=error.wait_seconds), 429)
    if user is None:
        return _refused(form, gettext("Het e-mailadres of het wachtwoord klopt niet."))
    session.clear()  # a fresh session on login: no session fixation
    login_user(user)
    return redirect(safe_next_url(request.args.get("next")) or url_for("start.index"))


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


# Each request may send a mail: limited per address, loosely (an office shares one).
@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
def forgot_password() -> str:
    """The same answer for every address, known or not: the page reveals no accounts."""
    form = ForgotPasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/forgot_password.html", form=form)
    invitations.request_reset(form.email.data or "")
    return render_template("auth/forgot_password_sent.html")


@bp.route("/wachtwoord-instellen/<token>", methods=["GET", "POST"])
def set_password(token: str) -> Response | str | tuple[str, int]:
    try:
        link = invitations.open_link(token)
    except invitations.LinkRefused as refused:
        return render_template("auth/link_refused.html", message=refused.message), 410
    form = SetPasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/set_password.html", form=form, user=link.user)
    try:
        invitations.set_password(token, form.password.data or "")
    except DomainError as error:
        attach_domain_error(form, error)
        return render_template("auth/set_password.html", form=form, user=link.user)
    except invitations.LinkRefused as refused:  # used in another tab meanwhile
        return render_template("auth/link_refused.html", message=refused.message), 410
    flash(gettext("Uw wachtwoord is ingesteld. U kunt nu inloggen."), "success")
    return redirect(url_for("auth.login"))
