"""Caseload list, participant file, intake and measurements, for the case owner only."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import get_owned_participant_or_404, roles_required
from marketplace.domain.vocabulary import MeasurementKind, ParticipantStatus, Role
from marketplace.errors import DomainError
from marketplace.formfields import attach_domain_error
from marketplace.models import Participant
from marketplace.pagination import enum_arg, page_arg, text_arg
from marketplace.participants.forms import IntakeForm, MeasurementForm
from marketplace.services import intake, measurements
from marketplace.services.participants import caseload, participant_page

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
    return render_template(
        "participants/detail.html", participant=participant, **participant_page(participant)
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
    if not form.suggesting() and form.validate_on_submit():
        try:
            return _saved(intake.create_participant(current_user, form.intake_data()))
        except DomainError as error:
            attach_domain_error(form, error)
    return _render_intake(form, None)


@bp.route("/<id:participant_id>/bewerken", methods=["GET", "POST"])
@roles_required(Role.COACH)
def edit(participant_id: int) -> Response | str:
    participant = get_owned_participant_or_404(participant_id)
    form = IntakeForm.for_participant(participant)
    if not form.suggesting() and form.validate_on_submit():
        try:
            return _saved(intake.update_participant(participant, form.intake_data()))
        except DomainError as error:
            attach_domain_error(form, error)
    return _render_intake(form, participant)


@bp.route("/<id:participant_id>/metingen/nieuw", methods=["GET", "POST"])
@roles_required(Role.COACH)
def add_measurement(participant_id: int) -> Response | str:
    participant = get_owned_participant_or_404(participant_id)
    form = MeasurementForm(data={"kind": measurements.next_kind(participant)})
    if form.validate_on_submit():
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
