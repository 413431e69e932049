"""Placements after the proposal: the inbox, one placement's page with its steps and
check-ins, and the signed-link page for employers without an account. Thin views over
services.placements.placements, services.placements.pages and services.placements.checkins."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response

from marketplace.auth.access import get_viewable_placement_or_404, roles_required
from marketplace.domain.placements import CheckInKind, PlacementAction
from marketplace.domain.vocabulary import N_, Role
from marketplace.errors import DomainError
from marketplace.extensions import limiter
from marketplace.formfields import attach_domain_error
from marketplace.models import Placement
from marketplace.placements.forms import (
    LinkEmailForm,
    MessageForm,
    action_form,
    action_forms,
    checkin_form,
)
from marketplace.services.placements import checkins, invitations, links, messages
from marketplace.services.placements import pages as placement_pages
from marketplace.services.placements import placements as service
from marketplace.services.placements.links import LinkRefused
from marketplace.services.platform.pdf import pdf_from_html

bp = Blueprint("placements", __name__, url_prefix="/plaatsingen")

PARTIES = (Role.COACH, Role.ORGANISATION, Role.CENTRALE)

DONE_MESSAGES = {
    PlacementAction.ACCEPT: N_("U heeft het voorstel geaccepteerd. De coach krijgt bericht."),
    PlacementAction.DECLINE: N_("U heeft het voorstel afgewezen. De coach krijgt bericht."),
    PlacementAction.PLAN_KENNISMAKING: N_("De kennismaking is gepland."),
    PlacementAction.START_PROEFPERIODE: N_("De start van de proefperiode is bevestigd."),
    PlacementAction.PLACE: N_("De plaatsing is bevestigd."),
    PlacementAction.NOT_CONTINUE: N_("Vastgelegd: de plaatsing gaat niet verder."),
    PlacementAction.END: N_("De plaatsing is beëindigd."),
    PlacementAction.WITHDRAW: N_("Het voorstel is ingetrokken."),
}


def _placement_or_404(placement_id: int) -> Placement:
    return get_viewable_placement_or_404(placement_id)


def _action_or_404(name: str) -> PlacementAction:
    try:
        return PlacementAction(name)
    except ValueError:
        abort(404)


def _kind_or_404(name: str) -> CheckInKind:
    try:
        return CheckInKind(name)
    except ValueError:
        abort(404)


def _render_detail(placement: Placement, **failed: Any) -> str:
    """The placement page; `failed` carries a submitted form with its errors."""
    page = placement_pages.placement_page(placement, current_user)
    message_form = failed.get("message_form") or MessageForm(formdata=None)
    forms = action_forms(page.actions, failed.get("action"), failed.get("action_form"),
                         page.defaults)
    checkin_forms = {kind: checkin_form(kind, formdata=None) for kind in page.recordable}
    checkin_forms.update(failed.get("checkin_forms", {}))
    link_form = failed.get("link_form") or LinkEmailForm(
        formdata=None, email=page.link_address)
    return render_template("placements/detail.html", page=page, forms=forms,
                           checkin_forms=checkin_forms, link_form=link_form,
                           messages=messages.messages_of(placement), message_form=message_form)


@bp.get("/")
@roles_required(*PARTIES)
def index() -> str:
    return render_template("placements/index.html", groups=placement_pages.inbox(current_user))


@bp.get("/<id:placement_id>")
@roles_required(*PARTIES, Role.ADMIN)
def detail(placement_id: int) -> str:
    placement = _placement_or_404(placement_id)
    placement_pages.opened(placement, current_user)
    return _render_detail(placement)


@bp.post("/<id:placement_id>/stap/<action>")
@roles_required(*PARTIES)
def act(placement_id: int, action: str) -> Response | str:
    placement = _placement_or_404(placement_id)
    step = _action_or_404(action)
    form = action_form(step)
    if form.validate_on_submit():
        try:
            service.transition(placement.id, step, current_user, form.payload())
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext(DONE_MESSAGES[step]), "success")
            return redirect(url_for(".detail", placement_id=placement.id))
    return _render_detail(placement, action=step, action_form=form)


@bp.get("/<id:placement_id>/uitnodiging")
@roles_required(Role.COACH)
def invitation(placement_id: int) -> str | tuple[str, int]:
    """The participant's letter and short text; the coach prints or copies it."""
    placement = _placement_or_404(placement_id)
    if placement.participant.coach_id != current_user.id:
        abort(403)
    code = request.args.get("taal", "nl")
    choices = invitations.language_choices(placement.participant.other_languages or [])
    try:
        letter = invitations.invitation(placement, code)
    except DomainError as error:
        return render_template("placements/invitation.html", placement=placement,
                               choices=choices, letter=None, error=error.message,
                               chosen=code), 400 if error.field else 409
    return render_template("placements/invitation.html", placement=placement, choices=choices,
                           letter=letter, error=None, chosen=code)


@bp.get("/<id:placement_id>/uitnodiging.pdf")
@roles_required(Role.COACH)
def invitation_pdf(placement_id: int) -> Response:
    """The participant's letter alone as a one-page PDF, in the chosen language."""
    placement = _placement_or_404(placement_id)
    if placement.participant.coach_id != current_user.id:
        abort(403)
    try:
        letter = invitations.invitation(placement, request.args.get("taal", "nl"))
    except DomainError as error:
        abort(400 if error.field else 409)  # the invitation page explains which
    html = render_template("placements/invitation_pdf.html", letter=letter)
    return Response(pdf_from_html(html), mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="uitnodiging-{placement.id}.pdf"'})


@bp.post("/<id:placement_id>/link")
@roles_required(Role.COACH)
def send_link(placement_id: int) -> Response | str:
    placement = _placement_or_404(placement_id)
    form = LinkEmailForm()
    if form.validate_on_submit():
        try:
            links.send_link(placement.id, current_user, form.email.data or "")
        except DomainError as error:
            attach_domain_error(form, error)
        else:
            flash(gettext("De link gaat per e-mail naar %(email)s.", email=form.email.data),
                  "success")
            return redirect(url_for(".detail", placement_id=placement.id))
    return _render_detail(placement, link_form=form)


@bp.post("/<id:placement_id>/bericht")
@roles_required(*PARTIES)
def message(placement_id: int) -> Response | str:
    placement = _placement_or_404(placement_id)
    form = MessageForm()
    if form.validate_on_submit():
        try:
            messages.post(placement.id, current_user, form.text.data or "")
        except DomainError as error:
            if not error.field:
                abort(403)
            attach_domain_error(form, error)
        else:
            flash(gettext("Uw bericht is verstuurd."), "success")
            return redirect(url_for(".detail", placement_id=placement.id) + "#kop-berichten")
    return _render_detail(placement, message_form=form)


@bp.post("/<id:placement_id>/terugkoppeling/<kind>")
@roles_required(*PARTIES)
def checkin(placement_id: int, kind: str) -> Response | str:
    placement = _placement_or_404(placement_id)
    checkin_kind = _kind_or_404(kind)
    form = checkin_form(checkin_kind.value)
    if form.validate_on_submit():
        try:
            checkins.record(placement.id, checkin_kind, current_user, form.feedback.data or "")
            flash(gettext("Dank u wel. De terugkoppeling is opgeslagen."), "success")
        except DomainError as error:
            if error.field:
                attach_domain_error(form, error)
                return _render_detail(placement, checkin_forms={checkin_kind.value: form})
            flash(error.message, "error")  # not this user's to fill in: no form to show
        return redirect(url_for(".detail", placement_id=placement.id))
    return _render_detail(placement, checkin_forms={checkin_kind.value: form})


def _refused(refusal: LinkRefused) -> tuple[str, int]:
    return (render_template("placements/link_refused.html", message=refusal.message),
            410 if refusal.gone else 404)


@bp.get("/<id:placement_id>/bevestigen/<token>")
@limiter.limit("30 per minute")
def link_page(placement_id: int, token: str) -> str | tuple[str, int]:
    try:
        access = links.open_link(placement_id, token)
    except LinkRefused as refusal:
        return _refused(refusal)
    return _render_link(access.placement, token, action_forms(
        access.actions, defaults=placement_pages.link_page(access.placement).defaults))


def _render_link(placement: Placement, token: str, forms: dict[str, Any],
                 message_form: MessageForm | None = None) -> str:
    return render_template("placements/link.html", page=placement_pages.link_page(placement),
                           forms=forms, token=token, messages=messages.messages_of(placement),
                           message_form=message_form or MessageForm(formdata=None))


@bp.post("/<id:placement_id>/bevestigen/<token>/bericht")
@limiter.limit("30 per minute")
def link_message(placement_id: int, token: str) -> Response | str | tuple[str, int]:
    """The employer writes to the coach through the link; the link stays usable."""
    form = MessageForm()
    try:
        if form.validate_on_submit():
            try:
                messages.post_by_link(placement_id, token, form.text.data or "")
            except DomainError as error:
                attach_domain_error(form, error)
            else:
                flash(gettext("Uw bericht is verstuurd."), "success")
                return redirect(url_for(".link_page", placement_id=placement_id, token=token)
                                + "#kop-berichten")
        access = links.open_link(placement_id, token)
    except LinkRefused as refusal:
        return _refused(refusal)
    page = placement_pages.link_page(access.placement)
    return _render_link(access.placement, token,
                        action_forms(access.actions, defaults=page.defaults), form)


@bp.post("/<id:placement_id>/bevestigen/<token>/<action>")
@limiter.limit("30 per minute")
def link_act(placement_id: int, token: str, action: str) -> str | tuple[str, int]:
    step = _action_or_404(action)
    form = action_form(step)
    try:
        if form.validate_on_submit():
            try:
                placement = service.confirm_by_link(placement_id, token, step, form.payload())
            except DomainError as error:
                attach_domain_error(form, error)
            else:
                return render_template("placements/link_done.html",
                                       page=placement_pages.link_page(placement), step=step)
        access = links.open_link(placement_id, token)
    except LinkRefused as refusal:
        return _refused(refusal)
    page = placement_pages.link_page(access.placement)
    return _render_link(access.placement, token,
                        action_forms(access.actions, step, form, page.defaults))
