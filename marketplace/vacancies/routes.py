"""The vacancy board, detail, create, edit, status changes, import and export: thin
views over
services.vacancies.vacancies, services.vacancies.board and services.vacancies.import_batches."""

from __future__ import annotations

from io import BytesIO

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import (
    can_edit_vacancy,
    get_editable_vacancy_or_404,
    get_own_import_batch_or_404,
    get_visible_vacancy_or_404,
    roles_required,
)
from marketplace.domain.vacancy_status import EditScreening, VacancyAction
from marketplace.domain.vacancy_words import dutch_column, dutch_value
from marketplace.domain.vocabulary import N_, PlacementType, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.formfields import BrowserForm, attach_domain_error, choices
from marketplace.models import ImportBatch
from marketplace.pagination import enum_arg, page_arg
from marketplace.services.vacancies import import_batches, import_fixes, import_rows
from marketplace.services.vacancies import vacancies as service
from marketplace.services.vacancies.board import board
from marketplace.services.vacancies.export import FORMATS, ExportFile, export_file, template_file
from marketplace.vacancies.forms import (
    BoardFilterForm,
    CentreVacancyForm,
    ImportUploadForm,
    PublishImportForm,
    StatusForm,
    VacancyForm,
    board_filters,
)

bp = Blueprint("vacancies", __name__, url_prefix="/vacatures")

VIEWERS = (Role.COACH, Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
EDITORS = (Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
IMPORTERS = (Role.CENTRALE, Role.ADMIN)

STATUS_MESSAGES = {
    VacancyAction.SUBMIT: N_("De vacature is aangeboden. De centrale controleert hem."),
    VacancyAction.PUBLISH: N_("De vacature is gepubliceerd. Coaches kunnen hem nu vinden."),
    VacancyAction.APPROVE: N_("De vacature is goedgekeurd en gepubliceerd."),
    VacancyAction.SEND_BACK: N_("De vacature is teruggestuurd naar de organisatie, met uw reden."),
    VacancyAction.WITHDRAW: N_("De vacature is uit de controle gehaald en weer een concept."),
    VacancyAction.PAUSE: N_("De vacature is gepauzeerd. Coaches zien hem niet meer."),
    VacancyAction.CLOSE: N_("De vacature is gesloten."),
}


def _edit_message(screening: EditScreening) -> str:
    if not screening.approval_lost:
        return N_("De wijzigingen zijn opgeslagen.")
    if screening.status == VacancyStatus.REVIEW:
        return N_("De wijzigingen zijn opgeslagen. De vrijwilligerscentrale controleert de "
                  "vacature opnieuw. Tot die tijd zien coaches hem niet.")
    return N_("De wijzigingen zijn opgeslagen. De vrijwilligerscentrale moet de vacature "
              "opnieuw controleren. Bied hem aan als u hem weer online wilt zetten.")


def _download(exported: ExportFile) -> Response:
    return send_file(BytesIO(exported.content), mimetype=exported.mimetype,
                     as_attachment=True, download_name=exported.filename)


@bp.get("/")
@roles_required(*VIEWERS)
def index() -> str:
    form = BoardFilterForm(formdata=request.args)
    form.validate()
    result = board(current_user, board_filters(form), page=page_arg(),
                   per_page=current_app.config["PAGE_SIZE"])
    if result.unknown_postcode:
        form.postcode.errors = [*form.postcode.errors, gettext("Deze postcode kennen we niet.")]
    return render_template("vacancies/index.html", form=form, result=result, page=result.page,
                           form_sort=board_filters(form).sort)


@bp.get("/<id:vacancy_id>")
@roles_required(*VIEWERS)
def detail(vacancy_id: int) -> str:
    vacancy = get_visible_vacancy_or_404(vacancy_id)
    can_edit = can_edit_vacancy(current_user, vacancy)
    actions = service.allowed_actions(current_user, vacancy) if can_edit else []
    return render_template("vacancies/detail.html", vacancy=vacancy, can_edit=can_edit,
                           actions=actions, status_form=StatusForm())


def _new_vacancy_form(placement_type: PlacementType) -> VacancyForm:
    data = service.defaults_for(placement_type) | {"type": placement_type.value}
    if current_user.role == Role.ORGANISATION:
        if current_user.organisation is None:
            abort(403)
        return VacancyForm(data=data)
    form = CentreVacancyForm(data=data | {"organisation_id": request.args.get("organisatie",
                                                                               type=int)})
    form.organisation_id.choices = choices(
        (o.id, o.name) for o in service.postable_organisations(current_user)
    )
    return form


@bp.route("/nieuw", methods=["GET", "POST"])
@roles_required(*EDITORS)
def create() -> Response | str:
    form = _new_vacancy_form(enum_arg("type", PlacementType) or PlacementType.VRIJWILLIGERSWERK)
    if form.validate_on_submit():
        try:
            vacancy = service.create_vacancy_for(current_user, form.vacancy_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De plek is opgeslagen als concept."), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=None,
                           type_defaults=service.all_type_defaults())


@bp.route("/<id:vacancy_id>/bewerken", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(vacancy_id: int) -> Response | str:
    vacancy = get_editable_vacancy_or_404(vacancy_id)
    form = VacancyForm(obj=vacancy)
    if form.validate_on_submit():
        try:
            screening = service.edit_vacancy(vacancy, current_user, form.vacancy_data())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext(_edit_message(screening)), "success")
            return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=vacancy, type_defaults=None)


@bp.post("/<id:vacancy_id>/status")
@roles_required(*EDITORS)
def change_status(vacancy_id: int) -> Response:
    vacancy = get_editable_vacancy_or_404(vacancy_id)
    form = StatusForm()
    if not form.validate_on_submit() or form.action.data not in set(VacancyAction):
        abort(400)
    action = VacancyAction(form.action.data)
    try:
        service.change_status(vacancy, current_user, action, form.reason.data or "")
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(gettext(STATUS_MESSAGES[action]), "success")
    return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))


@bp.get("/export.<file_format>")
@roles_required(*EDITORS)
def export(file_format: str) -> Response:
    """What the board shows with the filters on screen (the export link carries them)."""
    if file_format not in FORMATS:
        abort(404)
    form = BoardFilterForm(formdata=request.args)
    form.validate()
    return _download(export_file(current_user, file_format, board_filters(form)))


@bp.get("/import/sjabloon.<file_format>")
@roles_required(*IMPORTERS)
def import_template(file_format: str) -> Response:
    if file_format not in FORMATS:
        abort(404)
    return _download(template_file(file_format))


@bp.route("/import", methods=["GET", "POST"])
@roles_required(*IMPORTERS)
def import_upload() -> Response | str:
    form = ImportUploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            batch = import_batches.start_batch(current_user, upload.filename or "", upload.read())
        except DomainError as error:
            form.file.errors = [*form.file.errors, error.message]
        else:
            return redirect(url_for("vacancies.import_preview", token=batch.token))
    return render_template("vacancies/import.html", form=form)


@bp.get("/import/<token>")
@roles_required(*IMPORTERS)
def import_preview(token: str) -> str:
    batch = get_own_import_batch_or_404(token, committed=None)
    if batch.committed_at is not None:  # the next step: publishing its drafts
        return render_template("vacancies/import_done.html", batch=batch,
                               drafts=import_fixes.imported_drafts(batch))
    return _preview(batch, BrowserForm(), None, {})


def _preview(batch: ImportBatch, form: BrowserForm,
             refused: import_rows.ImportRefused | None, decisions: dict[str, str]) -> str:
    return render_template("vacancies/import_preview.html", batch=batch,
                           report=batch.payload["report"], form=form, refused=refused,
                           decisions=decisions, rows=import_fixes.preview_rows(batch),
                           column_name=dutch_column, cell_value=dutch_value)


@bp.post("/import/<token>")
@roles_required(*IMPORTERS)
def import_commit(token: str) -> Response | tuple[str, int]:
    batch = get_own_import_batch_or_404(token)
    form = BrowserForm()
    if not form.validate_on_submit():
        abort(400)
    decisions = {k: v for k, v in request.form.items() if k.startswith(("org:", "row:"))}
    try:
        summary = import_batches.commit_batch(batch, current_user, decisions)
    except import_rows.ImportRefused as refused:
        return _preview(batch, form, refused, decisions), 422
    except import_batches.ImportAlreadyCommitted as already:
        flash(already.message, "error")
        return redirect(url_for("vacancies.index", status="draft"))
    flash(gettext("Geïmporteerd: %(created)s nieuwe en %(updated)s bijgewerkte vacatures, "
                  "%(skipped)s overgeslagen.", created=summary.created,
                  updated=summary.updated, skipped=summary.skipped), "success")
    return redirect(url_for("vacancies.import_preview", token=token))


def _cell_changes(form: dict[str, str]) -> dict[tuple[int, str], str]:
    """Fields named cel:<row>:<column> (the preview's inputs) as changes per cell."""
    changes = {}
    for name, value in form.items():
        parts = name.split(":")
        if len(parts) == 3 and parts[0] == "cel" and parts[1].isdigit():
            changes[(int(parts[1]), parts[2])] = value.strip()
    return changes


@bp.post("/import/<token>/herstellen")
@roles_required(*IMPORTERS)
def import_fix(token: str) -> Response | tuple[str, int]:
    """Fix cells (or leave rows out) in the browser; every row is checked again."""
    batch = get_own_import_batch_or_404(token)
    form = BrowserForm()
    if not form.validate_on_submit():
        abort(400)
    leave_out = {int(v) for v in request.form.getlist("weglaten") if v.isdigit()}
    try:
        left = import_fixes.fix_cells(batch, current_user,
                                      _cell_changes(request.form.to_dict()), leave_out)
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for("vacancies.import_preview", token=token))
    flash(gettext("Aangepast. Er zijn nog %(n)s meldingen.", n=left) if left
          else gettext("Aangepast. Er zijn geen meldingen meer."), "success")
    return redirect(url_for("vacancies.import_preview", token=token))


@bp.get("/import/<token>/meldingen.csv")
@roles_required(*IMPORTERS)
def import_problems(token: str) -> Response:
    """The upload back as a file, with a column that says what is wrong per row."""
    return _download(import_fixes.problem_file(get_own_import_batch_or_404(token)))


@bp.post("/import/<token>/publiceren")
@roles_required(*IMPORTERS)
def import_publish(token: str) -> Response:
    """Publish every imported draft in one confirmed step; the screening rules still
    decide per vacancy."""
    # Before the commit there is nothing to publish yet (and the answer says so).
    batch = get_own_import_batch_or_404(token, committed=None)
    form = PublishImportForm()
    if not form.validate_on_submit():
        flash(gettext("Vink aan dat u alle geïmporteerde concepten wilt publiceren."), "error")
        return redirect(url_for("vacancies.import_preview", token=token))
    result = import_fixes.publish_imported(batch, current_user)
    flash(gettext("%(n)s vacatures gepubliceerd.", n=result.published), "success")
    for title, reason in result.refused:
        flash(gettext("Niet gepubliceerd: %(title)s. %(reason)s", title=title, reason=reason),
              "error")
    return redirect(url_for("vacancies.index", status="published"))
