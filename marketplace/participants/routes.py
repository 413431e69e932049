"""Caseload list, participant file, intake and measurements, for the case owner only."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    json,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import get_owned_participant_or_404, roles_required
from marketplace.domain.vocabulary import ConsentPurpose, MeasurementKind, ParticipantStatus, Role
from marketplace.errors import DomainError
from marketplace.formfields import attach_domain_error
from marketplace.models import Participant
from marketplace.pagination import enum_arg, page_arg, sort_arg, text_arg
from marketplace.participants.forms import IntakeForm, MeasurementForm
from marketplace.participants.privacy_forms import EraseForm, WithdrawConsentForm
from marketplace.services.participants import intake, measurements, privacy
from marketplace.services.participants.caseload import CASELOAD_SORTS, caseload, participant_page

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
        sort=(sort := sort_arg(tuple(CASELOAD_SORTS))),
    )
    return render_template("participants/index.html", page=page, status=status, search=search,
                           sort=sort)


@bp.get("/<id:participant_id>")
@roles_required(Role.COACH, Role.ADMIN)
def detail(participant_id: int) -> str:
    participant = get_owned_participant_or_404(participant_id)
    privacy.record_view(current_user, participant, "dossier")
    return render_template(
        "participants/detail.html", participant=participant, **participant_page(participant),
        withdraw_form=WithdrawConsentForm(),
    )


def _render_intake(form: IntakeForm, participant: Participant | None) -> str:
    return render_template(
        "participants/form.html", form=form, participant=participant, tags=intake.tags_in_use()
    )


def _saved(result: intake.SaveResult) -> Response:
    flash(gettext("Het profiel is opgeslagen."), "success")
    for warning in result.warnings:
        flash(warning, "warning")
    return redirect(url_for("participants.detail", participant_id=result.participant.id))


@bp.route("/nieuw", methods=["GET", "POST"])
@roles_required(Role.COACH)
def create() -> Response | str:
    form = IntakeForm.for_participant(None)
    form.municipality.choices = [(m.id, m.name) for m in current_user.municipalities]
    if not form.municipality.choices:
        del form.municipality  # a coach without a municipality yet: the admin assigns one
    if not form.suggesting() and form.validate_on_submit():
        chosen = form.municipality.data if "municipality" in form else None
        try:
            return _saved(intake.create_participant(current_user, form.intake_data(),
                                                    municipality_id=chosen))
        except DomainError as error:
            attach_domain_error(form, error)
    return _render_intake(form, None)


@bp.route("/<id:participant_id>/bewerken", methods=["GET", "POST"])
@roles_required(Role.COACH)
def edit(participant_id: int) -> Response | str:
    participant = get_owned_participant_or_404(participant_id)
    form = IntakeForm.for_participant(participant)
    del form.municipality  # moving to another municipality is a hand-over
    if not form.suggesting() and form.validate_on_submit():
        try:
            return _saved(intake.update_participant(participant, form.intake_data(),
                                                    actor=current_user))
        except DomainError as error:
            attach_domain_error(form, error)
    return _render_intake(form, participant)


@bp.route("/<id:participant_id>/metingen/nieuw", methods=["GET", "POST"])
@roles_required(Role.COACH)
def add_measurement(participant_id: int) -> Response | str:
    participant = get_owned_participant_or_404(participant_id)
    form = MeasurementForm(data={"kind": measurements.next_kind(participant)})
    if form.validate_on_submit():
        assert form.measured_on.data is not None  # InputRequired, and a date that parsed
        try:
            measurements.record_measurement(
                participant, current_user, MeasurementKind(form.kind.data),
                form.measured_on.data, int(form.ladder_step.data), form.zrm_scores(),
            )
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De meting is opgeslagen."), "success")
            return redirect(url_for("participants.detail", participant_id=participant.id))
    return render_template("participants/measurement.html", form=form, participant=participant)


@bp.get("/<id:participant_id>/gegevens")
@roles_required(Role.COACH, Role.ADMIN)
def data_page(participant_id: int) -> str:
    participant = get_owned_participant_or_404(participant_id)
    return render_template("participants/data.html", participant=participant,
                           data=privacy.export_for(current_user, participant),
                           erase_form=EraseForm())


@bp.get("/<id:participant_id>/gegevens.json")
@roles_required(Role.COACH, Role.ADMIN)
def data_json(participant_id: int) -> Response:
    participant = get_owned_participant_or_404(participant_id)
    body = json.dumps(privacy.export_for(current_user, participant), ensure_ascii=False, indent=2)
    return current_app.response_class(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="gegevens-{participant.ref}.json"'})


@bp.post("/<id:participant_id>/verwijderen")
@roles_required(Role.COACH, Role.ADMIN)
def erase(participant_id: int) -> Response | tuple[str, int]:
    participant = get_owned_participant_or_404(participant_id)
    form = EraseForm()
    if form.validate_on_submit():
        try:
            privacy.erase_participant(participant, current_user)
        except DomainError as error:
            flash(error.message, "error")
        else:
            flash(gettext("De persoonsgegevens zijn verwijderd. De tellingen blijven."),
                  "success")
        return redirect(url_for(".detail", participant_id=participant.id))
    return render_template("participants/data.html", participant=participant,
                           data=privacy.participant_export(participant), erase_form=form), 422


@bp.post("/<id:participant_id>/toestemming/<purpose>/intrekken")
@roles_required(Role.COACH)
def withdraw_consent(participant_id: int, purpose: str) -> Response:
    participant = get_owned_participant_or_404(participant_id)
    if purpose not in set(ConsentPurpose) or not WithdrawConsentForm().validate_on_submit():
        abort(404)
    try:
        privacy.withdraw_consent(current_user, participant, ConsentPurpose(purpose))
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(gettext("De toestemming is ingetrokken."), "success")
    return redirect(url_for(".detail", participant_id=participant.id))
