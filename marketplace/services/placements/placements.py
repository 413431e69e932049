"""A placement's life after the proposal: transitions, capacity, links, notifications.

`transition` does one step in ONE transaction: lock the placement row, ask the state
machine (`marketplace.domain.placements`), move the state with a conditional UPDATE
(so two clicks at once cannot both pass, also on SQLite, which has no row locks),
take or free a place on the vacancy with an atomic conditional UPDATE, store the
step's data, record a PlacementEvent (who, when, from, to, note), plan the check-ins,
and enqueue mail and in-app notifications for the other side.

Capacity: `Vacancy.filled` is the number of places taken. It may include places
filled outside Koppelkans (set by hand or by an import); Koppelkans adds one when a
proefperiode starts and takes one off when an occupying placement stops. The
increment is `UPDATE vacancy SET filled = filled + 1 WHERE id = :id AND filled <
capacity`; only a row count of 1 lets the step go on, so concurrent confirmations for
the last place cannot overbook it. The CHECK constraint `filled <= capacity` is the
last guard.

Employers without an account get a signed link (itsdangerous, SECRET_KEY) that works
once, until it expires, for one placement in the state it was sent for; the database
keeps only the token's SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale, format_datetime, gettext
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from marketplace.domain.placements import (
    DECLINE_REASON_LABELS,
    NOT_CONTINUED_LABELS,
    OUTCOME_LABELS,
    DeclineReason,
    EndOutcome,
    IllegalTransition,
    NotContinuedReason,
    PlacementAction,
    PlacementRole,
    PlacementState,
    available_actions,
    check_data,
    frees_a_place,
    planned_checkins,
    takes_a_place,
)
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import (
    CheckIn,
    ConfirmationLink,
    Placement,
    PlacementEvent,
    User,
    Vacancy,
)
from marketplace.services.placements.proposals import shared_first_name
from marketplace.services.platform.access import fetch_placement as load
from marketplace.services.platform.access import role_of
from marketplace.services.platform.notifications import notify
from marketplace.services.platform.outbox import enqueue_template
from marketplace.services.platform.transaction import transaction

LINK_LIFETIME = timedelta(days=14)
LINK_SALT = "koppelkans.placement-link"
NOTE_MAX = 2000


# --------------------------------------------------------------------------- who is who


def organisation_members(organisation_id: int) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.organisation_id == organisation_id,
                           User.role == Role.ORGANISATION, User.active.is_(True))
    ))


def organisation_addresses(placement: Placement) -> list[str]:
    """Where mail for the organisation goes: its members, else the vacancy's contact."""
    members = organisation_members(placement.vacancy.organisation_id)
    if members:
        return [member.email for member in members]
    fallback = placement.vacancy.contact_email or placement.vacancy.organisation.email
    return [fallback] if fallback else []


def site_path(endpoint: str, **values: Any) -> str:
    """A path on this site, also from a command (no request)."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context():
        return url_for(endpoint, **values)


def site_url(endpoint: str, **values: Any) -> str:
    """An absolute URL for e-mail, on BASE_URL."""
    return str(current_app.config["BASE_URL"]).rstrip("/") + site_path(endpoint, **values)


@contextmanager
def in_dutch_without_request() -> Iterator[None]:
    """Messages in the user's language in a request; Dutch in commands and threads."""
    if has_request_context():
        yield
    else:
        with force_locale("nl"):
            yield


# --------------------------------------------------------------------------- transitions


def _domain_error(error: IllegalTransition) -> DomainError:
    params = {name: gettext(value) for name, value in error.params.items()}
    return DomainError(gettext(error.message, **params), field=error.field)


def _locked(placement_id: int) -> Placement:
    placement = db.session.execute(
        select(Placement).where(Placement.id == placement_id)
        .with_for_update(of=Placement)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if placement is None:
        raise DomainError(gettext("Deze plaatsing bestaat niet (meer)."))
    return placement


def _move_state(placement: Placement, source: PlacementState, target: PlacementState) -> None:
    moved = db.session.execute(
        update(Placement.__table__)
        .where(Placement.__table__.c.id == placement.id,
               Placement.__table__.c.state == source.value)
        .values(state=target.value, updated_at=datetime.now(UTC))
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(gettext(
            "Deze plaatsing is net door iemand anders gewijzigd. Bekijk de nieuwe stand "
            "en probeer het zo nodig opnieuw."
        ))
    set_committed_value(placement, "state", target)


def _take_place(placement: Placement) -> None:
    table = Vacancy.__table__
    taken = db.session.execute(
        update(table)
        .where(table.c.id == placement.vacancy_id, table.c.filled < table.c.capacity)
        .values(filled=table.c.filled + 1, updated_at=datetime.now(UTC))
    )
    db.session.expire(placement.vacancy, ["filled", "updated_at"])
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(gettext(
            "Er is geen plek meer vrij bij ‘%(title)s’: alle plekken zijn bezet. De "
            "proefperiode kan niet starten. Overleg met de coach over een andere plek of "
            "een latere start.", title=placement.vacancy.title,
        ))


def _free_place(placement: Placement) -> None:
    table = Vacancy.__table__
    db.session.execute(
        update(table)
        .where(table.c.id == placement.vacancy_id, table.c.filled > 0)
        .values(filled=table.c.filled - 1, updated_at=datetime.now(UTC))
    )
    db.session.expire(placement.vacancy, ["filled", "updated_at"])


def _enum(kind: Any, value: Any, field: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise DomainError(gettext("Kies een van de mogelijkheden."), field=field) from None


def _store(placement: Placement, action: PlacementAction, data: Mapping[str, Any]) -> None:
    if action == PlacementAction.DECLINE:
        placement.decline_reason = _enum(DeclineReason, data["reason"], "reason")
    elif action == PlacementAction.PLAN_KENNISMAKING:
        placement.kennismaking_at = data["kennismaking_at"]
        placement.kennismaking_place = str(data["kennismaking_place"]).strip()[:200]
        placement.coach_attends = bool(data.get("coach_attends"))
    elif action == PlacementAction.START_PROEFPERIODE:
        placement.proefperiode_start = data["proefperiode_start"]
        placement.proefperiode_end = data["proefperiode_end"]
        for kind, due_on in planned_checkins(placement.vacancy.type,
                                             data["proefperiode_start"]).items():
            db.session.add(CheckIn(placement_id=placement.id, kind=kind, due_on=due_on))
    elif action == PlacementAction.PLACE:
        placement.agreement = str(data["agreement"]).strip()[:NOTE_MAX]
    elif action == PlacementAction.NOT_CONTINUE:
        placement.not_continued_reason = _enum(NotContinuedReason, data["reason"], "reason")
    elif action == PlacementAction.END:
        placement.outcome = _enum(EndOutcome, data["outcome"], "outcome")
        placement.ended_on = data["ended_on"]


def _summary(placement: Placement, action: PlacementAction) -> str:
    """One line for the timeline and the mail, in Dutch."""
    if action == PlacementAction.DECLINE and placement.decline_reason:
        return gettext("Reden: %(r)s", r=gettext(DECLINE_REASON_LABELS[placement.decline_reason]))
    if action == PlacementAction.PLAN_KENNISMAKING and placement.kennismaking_at:
        text = gettext("Kennismaking op %(when)s in %(place)s.",
                       when=format_datetime(placement.kennismaking_at, "d MMMM y 'om' HH:mm"),
                       place=placement.kennismaking_place)
        return text + " " + (gettext("De coach gaat mee.") if placement.coach_attends
                             else gettext("De coach gaat niet mee."))
    if action == PlacementAction.START_PROEFPERIODE and placement.proefperiode_start:
        return gettext("Proefperiode van %(start)s tot ongeveer %(end)s.",
                       start=_day(placement.proefperiode_start),
                       end=_day(placement.proefperiode_end))
    if action == PlacementAction.PLACE:
        return gettext("Afspraak: %(a)s", a=placement.agreement)
    if action == PlacementAction.NOT_CONTINUE and placement.not_continued_reason:
        return gettext("Reden: %(r)s",
                       r=gettext(NOT_CONTINUED_LABELS[placement.not_continued_reason]))
    if action == PlacementAction.END and placement.outcome:
        return gettext("Uitkomst: %(o)s, op %(d)s.", o=gettext(OUTCOME_LABELS[placement.outcome]),
                       d=_day(placement.ended_on))
    return ""


def _day(value: date | None) -> str:
    from marketplace.templating import dutch_date

    return dutch_date(value)


HEADLINES = {
    PlacementState.PROPOSED: "Nieuw voorstel van een coach: %(name)s voor %(title)s.",
    PlacementState.ACCEPTED: "%(org)s heeft het voorstel voor %(name)s geaccepteerd (%(title)s).",
    PlacementState.DECLINED: "%(org)s heeft het voorstel voor %(name)s afgewezen (%(title)s).",
    PlacementState.KENNISMAKING: "De kennismaking van %(name)s bij %(org)s is gepland "
                                 "(%(title)s).",
    PlacementState.PROEFPERIODE: "De proefperiode van %(name)s bij %(org)s is bevestigd "
                                 "(%(title)s).",
    PlacementState.PLACED: "%(name)s is geplaatst bij %(org)s (%(title)s).",
    PlacementState.NOT_CONTINUED: "De proefperiode van %(name)s bij %(org)s gaat niet verder "
                                  "(%(title)s).",
    PlacementState.ENDED: "De plaatsing van %(name)s bij %(org)s is beëindigd (%(title)s).",
    PlacementState.WITHDRAWN: "Het voorstel voor %(name)s bij %(org)s is ingetrokken "
                              "(%(title)s).",
}


def _announce(placement: Placement, role: PlacementRole, summary: str, note: str) -> None:
    """In-app notifications and mail to the other side of this step."""
    headline = gettext(
        HEADLINES[placement.state], org=placement.vacancy.organisation.name,
        name=shared_first_name(placement.participant), title=placement.vacancy.title,
    )
    path = site_path("placements.detail", placement_id=placement.id)
    text = f"{headline} {summary}".strip()
    context = {"headline": headline, "summary": summary, "note": note,
               "url": site_url("placements.detail", placement_id=placement.id)}
    to_coach = role != PlacementRole.COACH
    if to_coach:
        coach = placement.participant.coach
        notify([coach], text, path)
        enqueue_template([coach.email], headline, "placements/mail/transition.txt", **context)
    if role in (PlacementRole.COACH, PlacementRole.CENTRALE, PlacementRole.SYSTEM):
        members = organisation_members(placement.vacancy.organisation_id)
        notify(members, text, path)
        enqueue_template(organisation_addresses(placement), headline,
                         "placements/mail/transition.txt", **context)


def announce_proposal(placement: Placement) -> None:
    """Tell the organisation about a new proposal (mail and in the app), in the caller's
    transaction: for `services.placements.proposals.propose`, which creates placements."""
    with in_dutch_without_request(), force_locale("nl"):
        _announce(placement, PlacementRole.COACH, "", "")


def _apply(
    placement: Placement,
    action: PlacementAction,
    role: PlacementRole,
    actor: User | None,
    data: Mapping[str, Any],
) -> None:
    """The whole step in the current transaction (the caller commits or rolls back)."""
    source = placement.state
    try:
        target = check_data(source, action, role, data, placement.proefperiode_start)
    except IllegalTransition as error:
        raise _domain_error(error) from None
    _move_state(placement, source, target)
    if takes_a_place(source, target):
        _take_place(placement)
    elif frees_a_place(source, target):
        _free_place(placement)
    _store(placement, action, data)
    with force_locale("nl"):
        summary = _summary(placement, action)
        note = str(data.get("note") or "").strip()[:NOTE_MAX]
        db.session.add(PlacementEvent(
            placement_id=placement.id, from_state=source, to_state=target,
            actor_id=actor.id if actor else None, actor_role=role.value,
            note="\n".join(part for part in (summary, note) if part),
        ))
        _announce(placement, role, summary, note)
        if target != source and not organisation_members(placement.vacancy.organisation_id):
            _send_link_if_useful(placement, actor)


def issue_outcome_link(placement: Placement) -> bool:
    """Near the proefperiode's end: a link for the outcome, for organisations without
    accounts that have none waiting yet. In the caller's transaction; True if sent."""
    if placement.state != PlacementState.PROEFPERIODE:
        return False
    if organisation_members(placement.vacancy.organisation_id):
        return False
    waiting = db.session.scalar(select(ConfirmationLink.id).where(
        ConfirmationLink.placement_id == placement.id,
        ConfirmationLink.for_state == PlacementState.PROEFPERIODE,
        ConfirmationLink.used_at.is_(None),
        ConfirmationLink.expires_at > datetime.now(UTC),
    ).limit(1))
    address = default_link_address(placement)
    if waiting is not None or not address:
        return False
    _issue_link(placement, address, None)
    return True


def transition(
    placement_id: int, action: PlacementAction | str, actor: User, data: Mapping[str, Any]
) -> Placement:
    """Do one step of the placement's life as `actor`; DomainError (nothing saved) if refused."""
    with transaction(), in_dutch_without_request():
        placement = _locked(placement_id)
        role = role_of(actor, placement)
        if role is None:
            raise DomainError(gettext("U mag deze stap niet zetten bij deze plaatsing."))
        _apply(placement, _enum(PlacementAction, action, "action"), role, actor, data)
    return placement


def system_transition(placement_id: int, action: PlacementAction, data: Mapping[str, Any]
                      ) -> Placement:
    """A step taken by the application itself (role SYSTEM), e.g. from a command."""
    with transaction(), force_locale("nl"):
        placement = _locked(placement_id)
        _apply(placement, action, PlacementRole.SYSTEM, None, data)
    return placement


# --------------------------------------------------------------------------- signed links


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=LINK_SALT)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue_link(placement: Placement, email: str, creator: User | None) -> str:
    token = _serializer().dumps({"p": placement.id, "n": secrets.token_urlsafe(16)})
    now = datetime.now(UTC)
    db.session.add(ConfirmationLink(
        placement_id=placement.id, token_hash=_hash(token), for_state=placement.state,
        email=email, created_by_id=creator.id if creator else None, created_at=now,
        expires_at=now + LINK_LIFETIME,
    ))
    url = site_url("placements.link_page", placement_id=placement.id, token=token)
    subject = gettext("Graag uw bevestiging: %(title)s", title=placement.vacancy.title)
    enqueue_template([email], subject, "placements/mail/link.txt", url=url,
                     placement=placement, first_name=shared_first_name(placement.participant),
                     coach=placement.participant.coach, days=LINK_LIFETIME.days)
    return token


def _send_link_if_useful(placement: Placement, creator: User | None) -> None:
    """An organisation without accounts gets a link to confirm the proefperiode's start.

    (The link for the outcome goes out near the planned end: `checkins.send_reminders`.)
    """
    if placement.state != PlacementState.KENNISMAKING:
        return
    address = placement.vacancy.contact_email or placement.vacancy.organisation.email
    if address:
        _issue_link(placement, address, creator)


def send_link(placement_id: int, coach: User, email: str) -> str:
    """The coach mails the employer a single-use link for the current step; the token."""
    with transaction(), in_dutch_without_request():
        return _send_link(placement_id, coach, email)


def _send_link(placement_id: int, coach: User, email: str) -> str:
    placement = _locked(placement_id)
    if role_of(coach, placement) != PlacementRole.COACH:
        raise DomainError(gettext("Alleen de coach van de deelnemer kan een link sturen."))
    if not available_actions(placement.state, PlacementRole.LINK):
        raise DomainError(gettext("In deze fase is er niets te bevestigen via een link."))
    email = email.strip()
    if "@" not in email:
        raise DomainError(gettext("Vul een geldig e-mailadres in."), field="email")
    with force_locale("nl"):
        token = _issue_link(placement, email, coach)
    return token


class LinkRefused(Exception):
    """The link cannot be used; `gone` (410: expired, used, outdated) or unknown (404)."""

    def __init__(self, message: str, gone: bool) -> None:
        super().__init__(message)
        self.message = message
        self.gone = gone


def _find_link(placement_id: int, token: str) -> ConfirmationLink:
    try:
        payload = _serializer().loads(token, max_age=int(LINK_LIFETIME.total_seconds()))
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


def _check_link(link: ConfirmationLink, placement: Placement) -> None:
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
        link = _find_link(placement_id, token)
        placement = load(placement_id)
        if placement is None:
            raise LinkRefused(gettext("Deze link klopt niet."), gone=False)
        _check_link(link, placement)
    return LinkAccess(placement, link, available_actions(placement.state, PlacementRole.LINK))


def confirm_by_link(
    placement_id: int, token: str, action: PlacementAction | str, data: Mapping[str, Any]
) -> Placement:
    """The employer's step through the link; the link is spent in the same transaction."""
    with transaction(), in_dutch_without_request():
        placement = _confirm_by_link(placement_id, token, action, data)
    return placement


def _confirm_by_link(
    placement_id: int, token: str, action: PlacementAction | str, data: Mapping[str, Any]
) -> Placement:
    link = _find_link(placement_id, token)
    placement = _locked(placement_id)
    _check_link(link, placement)
    spent = db.session.execute(
        update(ConfirmationLink.__table__)
        .where(ConfirmationLink.__table__.c.id == link.id,
               ConfirmationLink.__table__.c.used_at.is_(None))
        .values(used_at=datetime.now(UTC))
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise LinkRefused(gettext("Deze link is al gebruikt. Een link werkt maar één keer."),
                          gone=True)
    _apply(placement, _enum(PlacementAction, action, "action"), PlacementRole.LINK, None,
           data)
    return placement


def default_link_address(placement: Placement) -> str:
    return placement.vacancy.contact_email or placement.vacancy.organisation.email or ""

