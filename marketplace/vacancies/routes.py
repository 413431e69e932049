"""Vacancy list, detail, create and edit: thin views over services.vacancies."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import (
    can_edit_vacancy,
    get_editable_vacancy_or_404,
    get_visible_vacancy_or_404,
    roles_required,
)
from marketplace.domain.vocabulary import PlacementType, Role
from marketplace.errors import DomainError
from marketplace.formfields import attach_domain_error
from marketplace.pagination import enum_arg, page_arg, text_arg
from marketplace.services import vacancies as service
from marketplace.vacancies.forms import VacancyForm

bp = Blueprint("vacancies", __name__, url_prefix="/vacatures")

VIEWERS = (Role.COACH, Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)


@bp.get("/")
@roles_required(*VIEWERS)
def index() -> str:
    placement_type = enum_arg("type", PlacementType)
    search = text_arg("q")
    page = service.list_vacancies(
        current_user,
        page=page_arg(),
        per_page=current_app.config["PAGE_SIZE"],
        placement_type=placement_type,
        search=search,
    )
    return render_template(
        "vacancies/index.html", page=page, placement_type=placement_type, search=search
    )


@bp.get("/<id:vacancy_id>")
@roles_required(*VIEWERS)
def detail(vacancy_id: int) -> str:
    vacancy = get_visible_vacancy_or_404(vacancy_id)
    return render_template(
        "vacancies/detail.html", vacancy=vacancy, can_edit=can_edit_vacancy(current_user, vacancy)
    )


@bp.route("/nieuw", methods=["GET", "POST"])
@roles_required(Role.ORGANISATION)
def create() -> Response | str:
    if current_user.organisation is None:
        abort(403)
    form = VacancyForm(data=service.defaults_for(PlacementType.VRIJWILLIGERSWERK))
    if form.validate_on_submit():
        try:
            vacancy = service.create_vacancy(current_user.organisation, form.vacancy_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De plek is opgeslagen als concept."), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=None)


@bp.route("/<id:vacancy_id>/bewerken", methods=["GET", "POST"])
@roles_required(Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
def edit(vacancy_id: int) -> Response | str:
    vacancy = get_editable_vacancy_or_404(vacancy_id)
    form = VacancyForm(obj=vacancy)
    if form.validate_on_submit():
        try:
            service.save_vacancy(vacancy, form.vacancy_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De wijzigingen zijn opgeslagen."), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=vacancy)

