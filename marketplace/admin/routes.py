"""Pages for the administrator only."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.admin.forms import InviteForm, RoleForm, user_role_form
from marketplace.auth.access import roles_required
from marketplace.domain.audit import AUDIT_KIND_LABELS, AuditKind
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.formfields import attach_domain_error
from marketplace.pagination import date_arg, enum_arg, page_arg, text_arg
from marketplace.services.accounts import invitations
from marketplace.services.platform import audit, outbox

bp = Blueprint("admin", __name__, url_prefix="/beheer")


@bp.get("/auditlog")
@roles_required(Role.ADMIN)
def audit_log() -> str:
    where = audit.LogFilter(
        participant_ref=text_arg("deelnemer", 40),
        participant_name=text_arg("naam", 120),
        actor=text_arg("gebruiker", 254),
        date_from=date_arg("van"),
        date_to=date_arg("tot"),
        kind=enum_arg("soort", AuditKind),
    )
    page = audit.log_lines(page=page_arg(), where=where)
    return render_template("admin/audit_log.html", page=page, where=where,
                           kinds=AUDIT_KIND_LABELS)


@bp.get("/e-mail")
@roles_required(Role.ADMIN)
def mail() -> str:
    """Mail that was given up or keeps failing, so the administrator can act on it."""
    return render_template("admin/mail.html", page=outbox.troubled(page=page_arg()))


def _invite_form() -> InviteForm:
    return InviteForm.for_actor(invitations.roles_for(current_user),
                                invitations.organisations_for(current_user))


def _users_page(form: InviteForm) -> str:
    roles = invitations.roles_for(current_user)
    organisations = invitations.organisations_for(current_user)
    users = invitations.manageable_users(current_user)
    return render_template(
        "admin/users.html", form=form, users=users,
        role_forms={user.id: user_role_form(user, roles, organisations) for user in users},
        may_manage=lambda user: invitations.may_manage(current_user, user),
    )


# The volunteer centre manages the members of its own organisations (the service
# decides whom); the administrator every account.
@bp.route("/gebruikers", methods=["GET", "POST"])
@roles_required(Role.ADMIN, Role.CENTRALE)
def users() -> Response | str:
    form = _invite_form()
    if not form.validate_on_submit():
        return _users_page(form)
    try:
        invited = invitations.invite(current_user, form.email.data or "",
                                     form.name.data or "", Role(form.role.data),
                                     form.organisation())
    except DomainError as error:
        attach_domain_error(form, error)
        return _users_page(form)
    flash(gettext("%(email)s is uitgenodigd. Er gaat een e-mail met een link om een "
                  "wachtwoord te kiezen.", email=invited.user.email), "success")
    return redirect(url_for("admin.users"))


def _done(action: DomainError | None, message: str) -> Response:
    flash(action.message if action else message, "error" if action else "success")
    return redirect(url_for("admin.users"))


@bp.post("/gebruikers/<int:user_id>/blokkeren")
@roles_required(Role.ADMIN, Role.CENTRALE)
def block(user_id: int) -> Response:
    try:
        user = invitations.set_blocked(current_user, user_id, blocked=True)
    except DomainError as error:
        return _done(error, "")
    return _done(None, gettext("%(email)s is geblokkeerd.", email=user.email))


@bp.post("/gebruikers/<int:user_id>/deblokkeren")
@roles_required(Role.ADMIN, Role.CENTRALE)
def unblock(user_id: int) -> Response:
    try:
        user = invitations.set_blocked(current_user, user_id, blocked=False)
    except DomainError as error:
        return _done(error, "")
    return _done(None, gettext("%(email)s kan weer inloggen.", email=user.email))


@bp.post("/gebruikers/<int:user_id>/rol")
@roles_required(Role.ADMIN, Role.CENTRALE)
def change_role(user_id: int) -> Response:
    form = RoleForm.for_actor(invitations.roles_for(current_user),
                              invitations.organisations_for(current_user), prefix=f"u{user_id}")
    if not form.validate_on_submit():
        return _done(DomainError(gettext("Kies een rol uit de lijst.")), "")
    try:
        user = invitations.change_role(current_user, user_id, Role(form.role.data),
                                       form.organisation())
    except DomainError as error:
        return _done(error, "")
    return _done(None, gettext("De rol van %(email)s is gewijzigd.", email=user.email))
