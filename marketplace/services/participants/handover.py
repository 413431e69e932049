"""Moving a participant to another municipality: a hand-over between coaches.

The municipality is the participant's AVG controller, so a move is never a plain edit:
the current coach picks the new municipality and a coach who works there, confirms that
the participant agreed, and then the file, the shortlist and the placements belong to
the new coach. The old coach loses access at once (the access rules follow the owner),
the new coach gets a notification and a mail, and the audit log keeps who, when, from
where to where and the consent. Vacancies were never tied to a municipality, so
matching crosses the border as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext
from sqlalchemy import select, update

from marketplace.domain.vocabulary import Role
from marketplace.errors import AccessRefused, DomainError
from marketplace.extensions import db
from marketplace.models import Municipality, Participant, ShortlistEntry, User
from marketplace.services.platform import access, audit
from marketplace.services.platform.notifications import notify
from marketplace.services.platform.outbox import enqueue_template
from marketplace.services.platform.site import site_path, site_url
from marketplace.services.platform.transaction import transaction


@dataclass(frozen=True)
class Target:
    """A municipality and a coach who works there: where a participant can go."""

    coach: User
    municipality: Municipality

    @property
    def key(self) -> str:
        return f"{self.coach.id}-{self.municipality.id}"


def targets(participant: Participant, actor: User) -> list[Target]:
    """Every active coach of another municipality than the participant's, per municipality."""
    coaches = db.session.scalars(select(User).where(
        User.role == Role.COACH, User.active.is_(True), User.id != actor.id))
    found = [Target(coach, municipality) for coach in coaches
             for municipality in coach.municipalities
             if municipality.id != participant.municipality_id]
    return sorted(found, key=lambda t: (t.municipality.name, t.coach.name))


def target_of(participant: Participant, actor: User, key: str) -> Target:
    """The chosen target, or a Dutch refusal naming the field."""
    found = next((t for t in targets(participant, actor) if t.key == key), None)
    if found is None:
        raise DomainError(gettext("Nieuwe gemeente en coach: kies iemand uit de lijst."),
                          field="target")
    return found


def hand_over(actor: User, participant_id: int, key: str, consent_given: bool,
              today: date | None = None) -> Target:
    """Move the participant to the target's municipality and coach, with consent."""
    with transaction():
        participant = access.load_participant(actor, participant_id)
        if actor.role != Role.COACH:
            raise AccessRefused.forbidden()
        target = target_of(participant, actor, key)
        if not consent_given:
            raise DomainError(gettext(
                "Toestemming: de deelnemer moet instemmen met de overdracht."),
                field="consent")
        old_municipality = participant.municipality or "-"
        participant.controller, participant.coach = target.municipality, target.coach
        db.session.execute(update(ShortlistEntry).where(
            ShortlistEntry.participant_id == participant.id).values(coach_id=target.coach.id))
        audit.record(actor, "handover", participant.ref, (
            f"{old_municipality} → {target.municipality.name}; coach {actor.email} → "
            f"{target.coach.email}; toestemming {(today or date.today()).isoformat()}"))
        _tell_new_coach(actor, participant, target, old_municipality)
    return target


def _tell_new_coach(actor: User, participant: Participant, target: Target,
                    old_municipality: str) -> None:
    text = gettext("%(coach)s heeft %(name)s aan u overgedragen (gemeente %(municipality)s).",
                   coach=actor.name, name=participant.first_name,
                   municipality=target.municipality.name)
    notify([target.coach], text,
           site_path("participants.detail", participant_id=participant.id), about=participant)
    enqueue_template(
        [target.coach.email], gettext("Een deelnemer is aan u overgedragen"),
        "participants/mail/handover.txt", about=participant, from_name=actor.name,
        first_name=participant.first_name, ref=participant.ref,
        municipality=target.municipality.name, old_municipality=old_municipality,
        url=site_url("participants.detail", participant_id=participant.id))
