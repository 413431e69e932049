"""Signed links for employers without an account: one placement, one step, once.

A link (itsdangerous, SECRET_KEY) works once, until it expires, for one placement in
the state it was sent for; the database keeps only the token's SHA-256. The mail that
carries it is queued with a placeholder and the link's recipe (payload and issue
second, see `services.platform.tokens`); the outbox signs it again when the mail
leaves, so no working link is ever at rest in plain text, in the link table or in the
outbox.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask_babel import force_locale, gettext
from itsdangerous import BadSignature, SignatureExpired
from sqlalchemy import select

from marketplace.domain.placements import (
    ACTION_LABELS,
    PlacementAction,
    PlacementRole,
    PlacementState,
    available_actions,
)
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import ConfirmationLink, Placement, User
from marketplace.services.placements.announcements import (
    StepNews,
    announce,
    organisation_members,
    step_news,
)
from marketplace.services.placements.locks import locked
from marketplace.services.placements.sharing import shared_first_name
from marketplace.services.platform import tokens
from marketplace.services.platform.access import fetch_placement as load
from marketplace.services.platform.access import role_of
from marketplace.services.platform.outbox import LinkRecipe, enqueue_template
from marketplace.services.platform.site import in_dutch_without_request
from marketplace.services.platform.transaction import transaction

LINK_LIFETIME = timedelta(days=14)
LINK_SALT = "koppelkans.placement-link"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_link_address(placement: Placement) -> str:
    return placement.vacancy.contact_email or placement.vacancy.organisation.email or ""


def issue_link(placement: Placement, email: str, creator: User | None,
               step: StepNews | None = None, calendar: str | None = None) -> str:
    """Store a new link's hash and queue its mail, in the caller's transaction; the token.

    `step`: what just happened, told in the same mail, so an organisation without
    accounts gets one mail per step with the link for the next one."""
    now = datetime.now(UTC)
    payload = {"p": placement.id, "n": secrets.token_urlsafe(16)}
    issued_at = int(now.timestamp())
    token = tokens.mint(LINK_SALT, payload, issued_at)
    db.session.add(ConfirmationLink(
        placement_id=placement.id, token_hash=_hash(token), for_state=placement.state,
        email=email, created_by_id=creator.id if creator else None, created_at=now,
        expires_at=now + LINK_LIFETIME,
    ))
    recipe = LinkRecipe(endpoint="placements.link_page", values={"placement_id": placement.id},
                        salt=LINK_SALT, payload=payload, issued_at=issued_at)
    subject = step.headline if step else gettext("Graag uw bevestiging: %(title)s",
                                                 title=placement.vacancy.title)
    actions = available_actions(placement.state, PlacementRole.LINK)
    enqueue_template([email], subject, "placements/mail/link.txt", about=placement.participant,
                     link=recipe, placement=placement, step=step,
                     next_steps=[gettext(ACTION_LABELS[action]) for action in actions],
                     first_name=shared_first_name(placement.participant),
                     coach=placement.participant.coach, days=LINK_LIFETIME.days,
                     calendar=calendar)
    return token


def _waiting_link(placement: Placement) -> bool:
    """A link for the placement's current step that can still be used."""
    return db.session.scalar(select(ConfirmationLink.id).where(
        ConfirmationLink.placement_id == placement.id,
        ConfirmationLink.for_state == placement.state,
        ConfirmationLink.used_at.is_(None),
        ConfirmationLink.expires_at > datetime.now(UTC),
    ).limit(1)) is not None


def send_link_if_useful(placement: Placement, creator: User | None,
                        step: StepNews | None = None, calendar: str | None = None) -> bool:
    """After every step (and with the proposal): an organisation without accounts gets the
    link for its next step by itself, unless one for this step still works. True if sent.

    Organisations with accounts get none: their members act after logging in."""
    if not available_actions(placement.state, PlacementRole.LINK):
        return False
    if organisation_members(placement.vacancy.organisation_id) or _waiting_link(placement):
        return False
    address = default_link_address(placement)
    if not address:
        return False
    issue_link(placement, address, creator, step, calendar)
    return True


def tell_and_link(placement: Placement, role: PlacementRole, summary: str, note: str,
                  actor: User | None, calendar: str | None = None) -> None:
    """Tell the other side about a step; an organisation without accounts gets the news
    together with the link for its next step, in one mail (issue 17: no hand-offs).
    `calendar`: the kennismaking's .ics, attached to every mail of this step."""
    linked = send_link_if_useful(placement, actor, step_news(placement, summary, note),
                                 calendar)
    announce(placement, role, summary, note, mail_organisation=not linked,
             calendar=calendar)


def announce_proposal(placement: Placement, coach: User | None = None) -> None:
    """Tell the organisation about a new proposal (and send its first link), in the
    caller's transaction: for `proposals.propose`, which creates placements."""
    with in_dutch_without_request(), force_locale("nl"):
        tell_and_link(placement, PlacementRole.COACH, "", "", coach or placement.proposed_by)


def issue_outcome_link(placement: Placement) -> bool:
    """Near the proefperiode's end: a new link for the outcome when the one sent at the
    start has expired or was never sent. In the caller's transaction; True if sent."""
    if placement.state != PlacementState.PROEFPERIODE:
        return False
    return send_link_if_useful(placement, None)


def send_link(placement_id: int, coach: User, email: str) -> str:
    """The coach mails the employer a single-use link for the current step; the token."""
    with transaction(), in_dutch_without_request():
        return _send_link(placement_id, coach, email)


def _send_link(placement_id: int, coach: User, email: str) -> str:
    placement = locked(placement_id)
    if role_of(coach, placement) != PlacementRole.COACH:
        raise DomainError(gettext("Alleen de coach van de deelnemer kan een link sturen."))
    if not available_actions(placement.state, PlacementRole.LINK):
        raise DomainError(gettext("In deze fase is er niets te bevestigen via een link."))
    email = email.strip()
    if "@" not in email:
        raise DomainError(gettext("Vul een geldig e-mailadres in."), field="email")
    with force_locale("nl"):
        token = issue_link(placement, email, coach)
    return token


class LinkRefused(Exception):
    """The link cannot be used; `gone` (410: expired, used, outdated) or unknown (404)."""

    def __init__(self, message: str, gone: bool) -> None:
        super().__init__(message)
        self.message = message
        self.gone = gone


def find_link(placement_id: int, token: str) -> ConfirmationLink:
    """The stored link behind a token for this placement, or LinkRefused."""
    try:
        payload = tokens.read(LINK_SALT, token, int(LINK_LIFETIME.total_seconds()))
    except SignatureExpired:
        raise LinkRefused(gettext("Deze link is verlopen. Vraag de coach om een nieuwe."),
                          gone=True) from None
    except BadSignature:
        raise LinkRefused(gettext("Deze link klopt niet."), gone=False) from None
    if not isinstance(payload, dict) or payload.get("p") != placement_id:
        raise LinkRefused(gettext("Deze link klopt niet."), gone=False)
    link = db.session.scalar(select(ConfirmationLink).where(
        ConfirmationLink.token_hash == _hash(token)))
    if link is None or not hmac.compare_digest(link.token_hash, _hash(token)) \
            or link.placement_id != placement_id:
        raise LinkRefused(gettext("Deze link klopt niet."), gone=False)
    return link


def check_link(link: ConfirmationLink, placement: Placement) -> None:
    """LinkRefused when the link is spent, expired or for an earlier step."""
    if link.used_at is not None:
        raise LinkRefused(gettext("Deze link is al gebruikt. Een link werkt maar één keer."),
                          gone=True)
    if link.expires_at < datetime.now(UTC):
        raise LinkRefused(gettext("Deze link is verlopen. Vraag de coach om een nieuwe."),
                          gone=True)
    if placement.state != link.for_state:
        raise LinkRefused(gettext("Deze plaatsing is intussen veranderd; de link geldt niet "
                                  "meer. Neem contact op met de coach."), gone=True)


@dataclass(frozen=True)
class LinkAccess:
    placement: Placement
    link: ConfirmationLink
    actions: list[PlacementAction]


def open_link(placement_id: int, token: str) -> LinkAccess:
    """The placement behind a valid link, or LinkRefused."""
    with in_dutch_without_request():
        link = find_link(placement_id, token)
        placement = load(placement_id)
        if placement is None:
            raise LinkRefused(gettext("Deze link klopt niet."), gone=False)
        check_link(link, placement)
    return LinkAccess(placement, link, available_actions(placement.state, PlacementRole.LINK))
