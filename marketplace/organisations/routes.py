"""Organisations: self sign-up, the centre's overview, creation, editing and screening."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import get_viewable_organisation_or_404, roles_required
from marketplace.domain.vacancy_status import OrganisationAction
from marketplace.domain.vocabulary import N_, Role
from marketplace.errors import DomainError
from marketplace.extensions import limiter
from marketplace.formfields import attach_domain_error, choices
from marketplace.organisations.forms import ApprovalForm, OrganisationForm, SignupForm
from marketplace.services.vacancies import organisations as service

bp = Blueprint("organisations", __name__, url_prefix="/organisaties")

APPROVAL_MESSAGES = {
    OrganisationAction.APPROVE: N_("De organisatie is goedgekeurd."),
    OrganisationAction.SEND_BACK: N_("De organisatie is teruggestuurd, met uw reden."),
    OrganisationAction.RESUBMIT: N_("Uw organisatie is opnieuw aangeboden voor controle."),
}

SENT_TO_REVIEW = N_(
    "De gegevens zijn opgeslagen. De vrijwilligerscentrale controleert uw organisatie "
    "opnieuw. Tot die tijd zien coaches uw vacatures niet."
)


def _with_municipalities(form: OrganisationForm) -> OrganisationForm:
    known = service.municipalities()
    if form.municipality.data and form.municipality.data not in known:
        known.append(form.municipality.data)  # an older entry keeps its own municipality
    pairs = [("", gettext("Kies een gemeente"))] + [(m, m) for m in known]
    form.municipality.choices = choices(pairs)
    return form


@bp.route("/aanmelden", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def signup() -> Response | str:
    if current_user.is_authenticated:
        return redirect(url_for("start.index"))
    form = _with_municipalities(SignupForm())
    if form.validate_on_submit():
        try:
            service.register_organisation(form.signup_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            # The same answer for a known address (its owner gets a mail instead), so
            # sign-up does not tell who has an account: no login at once.
            flash(gettext("Uw aanmelding is ontvangen. We hebben u een e-mail gestuurd. "
                          "Log in met uw e-mailadres en wachtwoord. De vrijwilligerscentrale "
                          "controleert uw gegevens; u kunt alvast vacatures maken."), "success")
            return redirect(url_for("auth.login"))
    return render_template("organisations/signup.html", form=form)


@bp.get("/")
@roles_required(Role.CENTRALE)
def index() -> str:
    return render_template(
        "organisations/index.html", organisations=service.managed_organisations(current_user)
    )


@bp.route("/nieuw", methods=["GET", "POST"])
@roles_required(Role.CENTRALE)
def create() -> Response | str:
    form = _with_municipalities(OrganisationForm(
        data={"municipality": current_user.organisation.municipality
              if current_user.organisation else ""}))
    if form.validate_on_submit():
        try:
            organisation = service.create_managed_organisation(current_user,
                                                               form.organisation_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De organisatie is toegevoegd."), "success")
            return redirect(url_for("organisations.detail", organisation_id=organisation.id))
    return render_template("organisations/form.html", form=form, organisation=None)


@bp.get("/mijn")
@roles_required(Role.ORGANISATION)
def mine() -> Response:
    if current_user.organisation_id is None:
        abort(404)
    return redirect(url_for("organisations.detail", organisation_id=current_user.organisation_id))


@bp.get("/<id:organisation_id>")
@roles_required(Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
def detail(organisation_id: int) -> str:
    organisation = get_viewable_organisation_or_404(organisation_id)
    return render_template(
        "organisations/detail.html", organisation=organisation,
        actions=service.organisation_actions(current_user, organisation),
        approval_form=ApprovalForm(),
    )


@bp.route("/<id:organisation_id>/bewerken", methods=["GET", "POST"])
@roles_required(Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
def edit(organisation_id: int) -> Response | str:
    organisation = get_viewable_organisation_or_404(organisation_id)
    form = _with_municipalities(OrganisationForm(obj=organisation))
    if form.validate_on_submit():
        try:
            to_review = service.update_organisation(organisation, current_user,
                                                    form.organisation_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext(SENT_TO_REVIEW) if to_review
                  else gettext("De gegevens zijn opgeslagen."), "success")
            return redirect(url_for("organisations.detail", organisation_id=organisation.id))
    return render_template("organisations/form.html", form=form, organisation=organisation)


@bp.post("/<id:organisation_id>/status")
@roles_required(Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
def change_approval(organisation_id: int) -> Response:
    organisation = get_viewable_organisation_or_404(organisation_id)
    form = ApprovalForm()
    if not form.validate_on_submit() or form.action.data not in set(OrganisationAction):
        abort(400)
    action = OrganisationAction(form.action.data)
    try:
        service.change_approval(organisation, current_user, action, form.reason.data or "")
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(gettext(APPROVAL_MESSAGES[action]), "success")
    return redirect(url_for("organisations.detail", organisation_id=organisation.id))
