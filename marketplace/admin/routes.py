"""Pages for the administrator only."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.admin.forms import (
    InviteForm,
    MunicipalitiesForm,
    MunicipalityForm,
    RenameMunicipalityForm,
    RoleForm,
    user_role_form,
)
from marketplace.auth.access import roles_required
from marketplace.domain.audit import AUDIT_KIND_LABELS, AuditKind
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.formfields import attach_domain_error
from marketplace.models import Municipality
from marketplace.pagination import date_arg, enum_arg, page_arg, text_arg
from marketplace.services.accounts import invitations
from marketplace.services.accounts import municipalities as municipality_service
from marketplace.services.accounts.municipalities import REGION_ADMINS
from marketplace.services.platform import access, audit, outbox
from marketplace.services.platform.access import MUNICIPAL_ROLES, TENANT_ADMINS

bp = Blueprint("admin", __name__, url_prefix="/beheer")


# The administrator reads the whole log; a municipal or regional admin the lines about
# her municipalities' participants and accounts (access.log_in_scope).
@bp.get("/auditlog")
@roles_required(Role.ADMIN, *TENANT_ADMINS)
def audit_log() -> str:
    where = audit.LogFilter(
        participant_ref=text_arg("deelnemer", 40),
        participant_name=text_arg("naam", 120),
        actor=text_arg("gebruiker", 254),
        date_from=date_arg("van"),
        date_to=date_arg("tot"),
        kind=enum_arg("soort", AuditKind),
    )
    page = audit.log_lines(page=page_arg(), where=where, reader=current_user)
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


# The volunteer centre manages the members of its own organisations, a municipal or
# regional admin the accounts of her municipalities (the service decides whom); the
# administrator every account.
@bp.route("/gebruikers", methods=["GET", "POST"])
@roles_required(Role.ADMIN, Role.CENTRALE, *TENANT_ADMINS)
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
@roles_required(Role.ADMIN, Role.CENTRALE, *TENANT_ADMINS)
def block(user_id: int) -> Response:
    try:
        user = invitations.set_blocked(current_user, user_id, blocked=True)
    except DomainError as error:
        return _done(error, "")
    return _done(None, gettext("%(email)s is geblokkeerd.", email=user.email))


@bp.post("/gebruikers/<int:user_id>/deblokkeren")
@roles_required(Role.ADMIN, Role.CENTRALE, *TENANT_ADMINS)
def unblock(user_id: int) -> Response:
    try:
        user = invitations.set_blocked(current_user, user_id, blocked=False)
    except DomainError as error:
        return _done(error, "")
    return _done(None, gettext("%(email)s kan weer inloggen.", email=user.email))


@bp.post("/gebruikers/<int:user_id>/rol")
@roles_required(Role.ADMIN, Role.CENTRALE, *TENANT_ADMINS)
def change_role(user_id: int) -> Response:
    try:
        invitations.managed_account(current_user, user_id)  # another's account: not found
    except DomainError as error:
        return _done(error, "")
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


# ------------------------------------------------------------- the region's municipalities
# The regional admin keeps her region's municipalities and says who works for which; the
# administrator may do so for every region.


def _municipalities_page(form: MunicipalityForm) -> str:
    return render_template(
        "admin/municipalities.html", form=form,
        regions=municipality_service.regions_for(current_user),
        rename_forms={m.id: RenameMunicipalityForm(prefix=f"m{m.id}", data={"name": m.name})
                      for m in access.municipalities_visible_to(current_user)},
        users=[u for u in invitations.manageable_users(current_user)
               if u.role in MUNICIPAL_ROLES],
        centres=municipality_service.centres_for(current_user),
    )


@bp.route("/gemeenten", methods=["GET", "POST"])
@roles_required(*REGION_ADMINS)
def municipalities() -> Response | str:
    form = MunicipalityForm.for_regions(municipality_service.regions_for(current_user))
    if not form.validate_on_submit():
        return _municipalities_page(form)
    try:
        added = municipality_service.add_municipality(
            current_user, form.region_id.data or 0, form.name.data or "")
    except DomainError as error:
        attach_domain_error(form, error)
        return _municipalities_page(form)
    flash(gettext("Gemeente %(name)s is toegevoegd.", name=added.name), "success")
    return redirect(url_for("admin.municipalities"))


@bp.post("/gemeenten/<int:municipality_id>/naam")
@roles_required(*REGION_ADMINS)
def rename_municipality(municipality_id: int) -> Response:
    access.load_municipality(current_user, municipality_id)  # another region's: not found
    form = RenameMunicipalityForm(prefix=f"m{municipality_id}")
    try:
        if not form.validate_on_submit():
            raise DomainError(gettext("Nieuwe naam: vul een naam in van hoogstens 80 tekens."))
        renamed = municipality_service.rename_municipality(
            current_user, municipality_id, form.name.data or "")
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for("admin.municipalities"))
    flash(gettext("De gemeente heet nu %(name)s.", name=renamed.name), "success")
    return redirect(url_for("admin.municipalities"))


def _choose_municipalities(title: str, chosen: list[Municipality],
                           save: Callable[[list[int]], object]) -> Response | str:
    form = MunicipalitiesForm.for_choices(access.municipalities_visible_to(current_user),
                                          chosen)
    if form.validate_on_submit():
        try:
            save(form.municipalities.data or [])
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De gemeenten zijn opgeslagen."), "success")
            return redirect(url_for("admin.municipalities"))
    return render_template("admin/choose_municipalities.html", form=form, title=title)


@bp.route("/gebruikers/<int:account_id>/gemeenten", methods=["GET", "POST"])
@roles_required(*REGION_ADMINS)
def user_municipalities(account_id: int) -> Response | str:
    user = municipality_service.account_for_assignment(current_user, account_id)
    return _choose_municipalities(
        gettext("Gemeenten van %(name)s", name=user.name), user.municipalities,
        lambda ids: municipality_service.assign_municipalities(current_user, user.id, ids))


@bp.route("/centrales/<int:centre_id>/gemeenten", methods=["GET", "POST"])
@roles_required(*REGION_ADMINS)
def centre_reach(centre_id: int) -> Response | str:
    centre = next((c for c in municipality_service.centres_for(current_user)
                   if c.id == centre_id), None)
    if centre is None:
        abort(404)
    return _choose_municipalities(
        gettext("Gemeenten die %(name)s bedient", name=centre.name), centre.reach,
        lambda ids: municipality_service.set_reach(current_user, centre.id, ids))
