"""AVG rights: export everything about one participant, erase the personal data while
the anonymous counts stay, the retention period, and withdrawing consent.

Erasure keeps what the monitoring counts (status, routes, intake and closing dates,
exit reason, municipality, ladder steps and ZRM scores, placements with their states
and dates) and removes what says who the person is or what they told the coach. It
changes no audit entry and no placement event (both append-only): it adds an entry.
What was written *about* her elsewhere goes too: the text of her in-app notifications,
her unsent mail (deleted) and the text of mail already sent. Withdrawing the consent
to share does the same for everyone but her coach, who keeps the file anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext
from sqlalchemy import select

from marketplace.domain.vocabulary import ConsentPurpose
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import (
    CheckIn,
    Participant,
    Placement,
    ShortlistEntry,
    User,
)
from marketplace.services.placements import messages as placement_messages
from marketplace.services.platform import audit, notifications, outbox

ERASED = "[verwijderd]"
# What her notifications say instead, once erased or no longer shared (stored in Dutch,
# like every notification text).
ERASED_NOTICE = "Melding over een deelnemer van wie de gegevens zijn verwijderd."
NOT_SHARED_NOTICE = "Melding over een deelnemer: gegevens niet meer gedeeld."


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return getattr(value, "value", value)


def _placements(participant: Participant) -> list[Placement]:
    return list(db.session.scalars(
        select(Placement).where(Placement.participant_id == participant.id)
        .order_by(Placement.created_at, Placement.id)
    ))


def _checkins(placement_ids: list[int]) -> list[CheckIn]:
    if not placement_ids:
        return []
    return list(db.session.scalars(
        select(CheckIn).where(CheckIn.placement_id.in_(placement_ids)).order_by(CheckIn.id)
    ))


def _placement_export(placement: Placement, checkins: list[CheckIn]) -> dict[str, Any]:
    return {
        "vacancy": placement.vacancy.title,
        "organisation": placement.vacancy.organisation.name,
        "state": placement.state.value,
        "proposed_at": _iso(placement.created_at),
        "message": placement.message,
        "override_reason": placement.override_reason,
        "kennismaking_at": _iso(placement.kennismaking_at),
        "kennismaking_place": placement.kennismaking_place,
        "proefperiode_start": _iso(placement.proefperiode_start),
        "proefperiode_end": _iso(placement.proefperiode_end),
        "agreement": placement.agreement,
        "decline_reason": _value(placement.decline_reason),
        "not_continued_reason": _value(placement.not_continued_reason),
        "outcome": _value(placement.outcome),
        "ended_on": _iso(placement.ended_on),
        "events": [
            {"at": _iso(e.at), "from": _value(e.from_state), "to": _value(e.to_state),
             "note": e.note}
            for e in placement.events
        ],
        "checkins": [
            {"kind": c.kind.value, "due_on": _iso(c.due_on), "done_at": _iso(c.done_at),
             "feedback": c.feedback}
            for c in checkins if c.placement_id == placement.id
        ],
    }


PROFILE_FIELDS = (
    "first_name", "last_name", "pseudonym", "gender", "status", "intake_date",
    "municipality", "participation_route", "closed_on", "exit_reason", "postcode",
    "max_travel_km", "nl_speaking", "nl_listening", "nl_reading", "nl_writing",
    "other_languages", "literate_latin", "route", "interests", "experience",
    "availability", "lessons", "childcare_needed", "hours_min", "hours_max", "women_only",
    "max_physical_load",
)


AUDIT_EXPORT_MAX = 10_000


def _log_action(line: audit.LogLine) -> str:
    """An entry's action code; a placement step as 'transition:<from>-><to>'."""
    if line.to_state is None:
        return line.action
    return f"transition:{_value(line.from_state) or ''}->{_value(line.to_state)}"


def participant_export(participant: Participant) -> dict[str, Any]:
    """Everything the marketplace holds about one participant, as plain JSON values."""
    placements = _placements(participant)
    checkins = _checkins([p.id for p in placements])
    shortlist = db.session.scalars(
        select(ShortlistEntry).where(ShortlistEntry.participant_id == participant.id)
        .order_by(ShortlistEntry.created_at)
    )
    # The participant's part of the audit log, read as the administrator's page reads it
    # (entries and placement steps, one reader), oldest first.
    log = audit.log_lines(per_page=AUDIT_EXPORT_MAX,
                          where=audit.LogFilter(participant_ref=participant.ref)).items
    return {
        "ref": participant.ref,
        "exported_at": datetime.now(UTC).isoformat(),
        "erased_at": _iso(participant.erased_at),
        "coach": {"name": participant.coach.name, "email": participant.coach.email},
        "profile": {name: _value(getattr(participant, name)) for name in PROFILE_FIELDS},
        "contact": {"email": participant.email, "phone": participant.phone},
        "household": {"children_ages": list(participant.children_ages),
                      "notes": participant.household_notes},
        "health": {"notes": participant.health_notes},
        "consents": [
            {"purpose": c.purpose.value, "given_on": _iso(c.given_on),
             "withdrawn_on": _iso(c.withdrawn_on)}
            for c in participant.consents
        ],
        "goals": [
            {"text": g.text, "target_date": _iso(g.target_date),
             "achieved_on": _iso(g.achieved_on)}
            for g in participant.goals
        ],
        "measurements": [
            {"kind": m.kind.value, "measured_on": _iso(m.measured_on),
             "ladder_step": m.ladder_step, "zrm": m.zrm()}
            for m in participant.measurements
        ],
        "placements": [_placement_export(p, checkins) for p in placements],
        "shortlist": [
            {"vacancy": s.vacancy.title, "organisation": s.vacancy.organisation.name,
             "saved_at": _iso(s.created_at)}
            for s in shortlist
        ],
        "audit": [
            {"at": _iso(line.at), "actor": line.actor_email or line.actor_role or "",
             "action": _log_action(line), "detail": line.detail}
            for line in reversed(log)
        ],
    }


def export_for(actor: User, participant: Participant) -> dict[str, Any]:
    """The export, with an audit entry that it was made (and by whom)."""
    data = participant_export(participant)
    audit.record_now(actor, "export", participant.ref, "inzage AVG")
    return data


# --------------------------------------------------------------------------- erasure


def _erase_profile(participant: Participant) -> None:
    participant.first_name = ERASED
    participant.last_name = ""
    participant.pseudonym = None
    participant.email = None
    participant.phone = None
    participant.gender = None
    # The four digits (the area) stay for nothing but coarse counts; the letters go.
    participant.postcode = (participant.postcode or "")[:4] or None
    participant.lat = participant.lon = None
    participant.geo_precision = None
    participant.other_languages = []
    participant.interests = []
    participant.experience = ""
    participant.availability = []
    participant.lessons = []
    participant.childcare_needed = []
    participant.children_ages = []
    participant.household_notes = ""
    participant.health_notes = ""
    for goal in participant.goals:
        goal.text = ERASED


def _erase_placements(participant: Participant) -> None:
    placements = _placements(participant)
    for placement in placements:
        placement.message = ERASED if placement.message else ""
        placement.override_reason = ERASED if placement.override_reason else None
        placement.agreement = ERASED if placement.agreement else None
        placement.kennismaking_place = ERASED if placement.kennismaking_place else None
        # The events themselves are the audit log and stay untouched (they hold no free
        # text); the text that came with a step lives in its note, which is blanked.
        for event in placement.events:
            if event.note_entry is not None and event.note_entry.text:
                event.note_entry.text = ERASED
    for checkin in _checkins([p.id for p in placements]):
        checkin.feedback = ERASED if checkin.feedback else ""
    placement_messages.erase_texts_of([p.id for p in placements], ERASED)


def _erase_messages(participant: Participant) -> None:
    """Notifications and mail about her keep no text about her; unsent mail is dropped."""
    notifications.blank_about(participant.id, ERASED_NOTICE)
    outbox.drop_unsent_about(participant.id)
    outbox.purge_sent_about(participant.id)


def _stop_sharing_messages(participant: Participant) -> None:
    """What went or would go to the organisation side about her is withdrawn; her coach's
    own notifications and mail stay (the coach keeps her file)."""
    coach = participant.coach
    notifications.blank_about(participant.id, NOT_SHARED_NOTICE, except_user_id=coach.id)
    outbox.drop_unsent_about(participant.id, except_to=coach.email)


def erase_participant(participant: Participant, actor: User | None) -> None:
    """Remove the personal data, keep the anonymous counts; recorded in the audit log."""
    if participant.erased_at is not None:
        raise DomainError(gettext("De gegevens van deze deelnemer zijn al verwijderd."))
    _erase_profile(participant)
    _erase_placements(participant)
    _erase_messages(participant)
    for entry in db.session.scalars(
        select(ShortlistEntry).where(ShortlistEntry.participant_id == participant.id)
    ):
        db.session.delete(entry)
    for consent in participant.consents:
        if consent.withdrawn_on is None:
            consent.withdrawn_on = date.today()
    participant.erased_at = datetime.now(UTC)
    audit.record(actor, "erase", participant.ref, "persoonsgegevens verwijderd")
    db.session.commit()


@dataclass(frozen=True)
class RetentionResult:
    cutoff: date
    refs: list[str]
    dry_run: bool
    mail_cutoff: datetime | None = None
    mail_purged: int = 0  # sent mail whose text was emptied (or would be, in a dry run)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _purge_sent_mail(dry_run: bool, mail_days: int | None) -> tuple[datetime, int]:
    """Sent mail keeps its text MAIL_BODY_RETENTION_DAYS, then only who, when and that."""
    days = mail_days if mail_days is not None else int(
        current_app.config["MAIL_BODY_RETENTION_DAYS"])
    cutoff = datetime.now(UTC) - timedelta(days=days)
    if dry_run:
        return cutoff, outbox.sent_before_count(cutoff)
    purged = outbox.purge_sent_before(cutoff)
    db.session.commit()
    return cutoff, purged


def retention(years: int, *, dry_run: bool = False, today: date | None = None,
              mail_days: int | None = None) -> RetentionResult:
    """Erase participants whose trajectory closed longer than `years` ago, and empty the
    text of mail sent longer than `mail_days` (MAIL_BODY_RETENTION_DAYS) ago."""
    cutoff = _years_before(today or date.today(), years)
    due = list(db.session.scalars(
        select(Participant).where(
            Participant.closed_on.is_not(None), Participant.closed_on < cutoff,
            Participant.erased_at.is_(None),
        ).order_by(Participant.id)
    ))
    if not dry_run:
        for participant in due:
            erase_participant(participant, None)
    mail_cutoff, mail_purged = _purge_sent_mail(dry_run, mail_days)
    return RetentionResult(cutoff, [p.ref for p in due], dry_run, mail_cutoff, mail_purged)


# --------------------------------------------------------------------------- consent


def withdraw_consent(
    actor: User, participant: Participant, purpose: ConsentPurpose, today: date | None = None
) -> None:
    """Withdraw one consent (kept with its date); matching or sharing stops at once."""
    consent = next((c for c in participant.consents
                    if c.purpose == purpose and c.withdrawn_on is None), None)
    if consent is None:
        raise DomainError(gettext("Deze toestemming is niet gegeven of al ingetrokken."))
    consent.withdrawn_on = today or date.today()
    if purpose == ConsentPurpose.SHARING:
        _stop_sharing_messages(participant)
    audit.record(actor, "consent_withdrawn", participant.ref, purpose.value)
    db.session.commit()


def record_view(actor: User, participant: Participant, what: str) -> None:
    """An audit entry that `actor` saw `what` of this participant (a read: committed at
    once). Changes are recorded by their own service, in their own transaction."""
    audit.record_now(actor, "view", participant.ref, what)
