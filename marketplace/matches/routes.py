"""Matches per participant, shortlist, proposals, cohort allocation, and what
organisations see of proposals: thin views over services.matching.matches/proposals/cohort."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import (
    get_owned_participant_or_404,
    get_visible_vacancy_or_404,
    roles_required,
    safe_next_url,
)
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.formfields import attach_domain_error
from marketplace.matches.forms import (
    CohortSelectForm,
    ProposeForm,
    SendCohortForm,
    cohort_choices,
    match_query,
)
from marketplace.services.matching import cohort as cohort_service
from marketplace.services.matching import for_vacancy
from marketplace.services.matching.matches import matches_page
from marketplace.services.participants import privacy
from marketplace.services.placements import proposals, sharing

bp = Blueprint("matches", __name__, url_prefix="/koppelen")


@bp.get("/deelnemers/<id:participant_id>")
@roles_required(Role.COACH)
def for_participant(participant_id: int) -> str:
    participant = get_owned_participant_or_404(participant_id)
    privacy.record_view(current_user, participant, "passende plekken")
    query = match_query(request.args)
    page = matches_page(
        participant,
        filters=query.filters,
        weights=query.sliders if query.custom_weights else None,
        limit=query.limit,
        excluded_limit=query.excluded_limit,
    )
    return render_template(
        "matches/participant.html", participant=participant, query=query, page=page
    )


@bp.post("/deelnemers/<id:participant_id>/bewaren/<id:vacancy_id>")
@roles_required(Role.COACH)
def shortlist_add(participant_id: int, vacancy_id: int) -> Response:
    participant = get_owned_participant_or_404(participant_id)
    vacancy = get_visible_vacancy_or_404(vacancy_id)
    try:
        proposals.add_to_shortlist(current_user, participant, vacancy)
        flash(gettext("De plek is bewaard."), "success")
    except DomainError as error:
        flash(error.message, "error")
    back = safe_next_url(request.form.get("terug"))
    return redirect(back or url_for(".for_participant", participant_id=participant.id))


@bp.post("/deelnemers/<id:participant_id>/bewaren/<id:vacancy_id>/verwijderen")
@roles_required(Role.COACH)
def shortlist_remove(participant_id: int, vacancy_id: int) -> Response:
    participant = get_owned_participant_or_404(participant_id)
    proposals.remove_from_shortlist(current_user, participant, vacancy_id)
    flash(gettext("De plek is niet meer bewaard."), "success")
    return redirect(url_for(".for_participant", participant_id=participant.id))


@bp.route("/deelnemers/<id:participant_id>/voorstel/<id:vacancy_id>", methods=["GET", "POST"])
@roles_required(Role.COACH)
def propose(participant_id: int, vacancy_id: int) -> Response | str:
    participant = get_owned_participant_or_404(participant_id)
    vacancy = get_visible_vacancy_or_404(vacancy_id)
    form = ProposeForm()
    if form.validate_on_submit():
        try:
            proposals.propose(
                current_user, participant, vacancy, form.message.data or "",
                form.override_reason.data,
            )
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("Het voorstel is verstuurd naar %(org)s.", org=vacancy.organisation.name),
                  "success")
            return redirect(url_for("participants.detail", participant_id=participant.id))
    check = proposals.preview(current_user, participant, vacancy, form.message.data or "")
    return render_template(
        "matches/propose.html", form=form, participant=participant, vacancy=vacancy, check=check
    )


@bp.route("/groep", methods=["GET", "POST"])
@roles_required(Role.COACH)
def cohort() -> Response | str:
    people = cohort_service.selectable_participants(current_user)
    form = CohortSelectForm()
    form.participants.choices = [(p.id, p.display_name) for p in people]
    if form.validate_on_submit():
        try:
            run = cohort_service.run_cohort(current_user, form.participants.data or [])
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            return redirect(url_for(".cohort_result", run_id=run.id))
    return render_template("matches/cohort.html", form=form, people=people,
                           open_proposals=cohort_service.open_proposals_of([p.id for p in people]))


@bp.route("/groep/<id:run_id>", methods=["GET", "POST"])
@roles_required(Role.COACH)
def cohort_result(run_id: int) -> Response | str:
    run = cohort_service.get_run(current_user, run_id) or abort(404)
    form = SendCohortForm()
    outcome = None
    if form.validate_on_submit():
        try:
            outcome = cohort_service.send_cohort(
                current_user, run, cohort_choices(request.form, run), form.message.data or ""
            )
        except DomainError as error:
            attach_domain_error(form, error)
        if outcome is not None and outcome.sent:
            sent = len(outcome.placements)
            flash(gettext("%(n)s voorstellen zijn verstuurd.", n=sent), "success")
            return redirect(url_for(".cohort_result", run_id=run.id))
    return render_template(
        "matches/cohort_result.html", form=form, view=cohort_service.view_run(run),
        outcome=outcome, chosen=cohort_choices(request.form, run) if outcome else None,
    )


@bp.get("/vacatures/<id:vacancy_id>/deelnemers")
@roles_required(Role.COACH, Role.CENTRALE)
def vacancy_people(vacancy_id: int) -> str:
    """From a vacancy to people: the coach's own fitting participants, ranked; the
    volunteer centre only the number in the region."""
    vacancy = get_visible_vacancy_or_404(vacancy_id)
    if current_user.role == Role.CENTRALE:
        return render_template("matches/vacancy_people.html", vacancy=vacancy, people=None,
                               region_count=for_vacancy.fitting_count_in_region(vacancy))
    return render_template("matches/vacancy_people.html", vacancy=vacancy, region_count=None,
                           people=for_vacancy.people_for_vacancy(current_user, vacancy))


@bp.get("/voorstellen")
@roles_required(Role.ORGANISATION)
def incoming() -> str:
    return render_template(
        "matches/incoming.html", proposals=sharing.proposals_for_organisation(current_user)
    )
