"""Messages per placement between the coach and the organisation side (members,
volunteer-centre staff, or the employer through the signed page).

Each message notifies and mails the other side, is recorded in the audit log (who, which
placement; never the text), and is free text that may say something about the person,
so AVG erasure blanks it with her other free texts (`erase_texts_of`).
"""

from __future__ import annotations

from flask_babel import force_locale, gettext
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import PlacementRole
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Placement, PlacementMessage, User
from marketplace.services.placements.announcements import (
    organisation_addresses,
    organisation_members,
)
from marketplace.services.placements.links import check_link, find_link
from marketplace.services.placements.locks import locked
from marketplace.services.placements.sharing import shared_first_name
from marketplace.services.platform import audit
from marketplace.services.platform.access import role_of
from marketplace.services.platform.notifications import notify
from marketplace.services.platform.outbox import enqueue_template
from marketplace.services.platform.site import in_dutch_without_request, site_path, site_url
from marketplace.services.platform.transaction import transaction

MESSAGE_MAX = 2000
MAY_WRITE = frozenset({PlacementRole.COACH, PlacementRole.ORGANISATION,
                       PlacementRole.CENTRALE, PlacementRole.LINK})


def messages_of(placement: Placement) -> list[PlacementMessage]:
    return list(db.session.scalars(
        select(PlacementMessage).where(PlacementMessage.placement_id == placement.id)
        .options(selectinload(PlacementMessage.author))
        .order_by(PlacementMessage.at, PlacementMessage.id)
    ))


def _clean(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(gettext("Schrijf een bericht."), field="text")
    if len(text) > MESSAGE_MAX:
        raise DomainError(gettext("Een bericht is hoogstens %(n)s tekens.", n=MESSAGE_MAX),
                          field="text")
    return text


def _tell(placement: Placement, role: PlacementRole, author_name: str, text: str) -> None:
    """Notify and mail the other side (the coach, or the organisation side)."""
    with force_locale("nl"):
        headline = gettext("Nieuw bericht over %(name)s bij %(org)s (%(title)s)",
                           name=shared_first_name(placement.participant),
                           org=placement.vacancy.organisation.name,
                           title=placement.vacancy.title)
    path = site_path("placements.detail", placement_id=placement.id)
    about = placement.participant
    context = {"headline": headline, "summary": gettext("Van: %(who)s", who=author_name),
               "note": text, "url": site_url("placements.detail", placement_id=placement.id)}
    if role == PlacementRole.COACH:
        notify(organisation_members(placement.vacancy.organisation_id), headline, path,
               about=about)
        recipients = organisation_addresses(placement)
    else:
        notify([about.coach], headline, path, about=about)
        recipients = [about.coach.email]
    enqueue_template(recipients, headline, "placements/mail/transition.txt", about=about,
                     **context)


def _post(placement: Placement, role: PlacementRole, author: User | None, text: str,
          author_name: str) -> PlacementMessage:
    message = PlacementMessage(placement_id=placement.id, author_id=author.id if author else None,
                               author_role=role.value, text=_clean(text))
    db.session.add(message)
    audit.record(author, "placement_message", placement.participant.ref,
                 f"placement {placement.id} ({role.value})")
    _tell(placement, role, author_name, message.text)
    return message


def post(placement_id: int, actor: User, text: str) -> PlacementMessage:
    """A message from a logged-in party; DomainError (nothing saved) when refused."""
    with transaction(), in_dutch_without_request():
        placement = locked(placement_id)
        role = role_of(actor, placement)
        if role not in MAY_WRITE:
            raise DomainError(gettext("U kunt bij deze plaatsing geen bericht sturen."))
        assert role is not None
        message = _post(placement, role, actor, text, actor.name)
    return message


def post_by_link(placement_id: int, token: str, text: str) -> PlacementMessage:
    """A message from the employer through a valid link; the link stays usable (writing
    is not the step it was sent for). LinkRefused when the link does not work."""
    with transaction(), in_dutch_without_request():
        link = find_link(placement_id, token)
        placement = locked(placement_id)
        check_link(link, placement)
        name = gettext("Werkgever (%(email)s)", email=link.email)
        message = _post(placement, PlacementRole.LINK, None, text, name)
    return message


def erase_texts_of(placement_ids: list[int], erased: str) -> None:
    """AVG erasure: the texts of these placements' messages become `erased`, in the
    caller's transaction; who wrote when stays."""
    if placement_ids:
        db.session.execute(update(PlacementMessage)
                           .where(PlacementMessage.placement_id.in_(placement_ids))
                           .values(text=erased))
