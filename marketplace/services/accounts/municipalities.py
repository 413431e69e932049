"""The regional admin's work: the region's municipalities, and who works for which.

The administrator may do this for every region. Every change is in the audit log.
Which rows an account then reaches follows from services/platform/access.py.
"""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import func, select

from marketplace.domain.vocabulary import Role
from marketplace.errors import AccessRefused, DomainError
from marketplace.extensions import db
from marketplace.models import Municipality, Organisation, Region, User
from marketplace.models.region import MUNICIPALITY_NAME_MAX
from marketplace.services.platform import access, audit
from marketplace.services.platform.transaction import transaction

REGION_ADMINS = (Role.ADMIN, Role.REGIONAL_ADMIN)


def regions_for(actor: User) -> list[Region]:
    """The regions whose municipalities this account keeps."""
    statement = select(Region).order_by(Region.name)
    if actor.role != Role.ADMIN:
        statement = statement.where(Region.id == actor.region_id)
    return list(db.session.scalars(statement))


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise DomainError(gettext("Naam: vul de naam van de gemeente in."), field="name")
    if len(name) > MUNICIPALITY_NAME_MAX:
        raise DomainError(gettext("Naam: hoogstens %(n)d tekens.", n=MUNICIPALITY_NAME_MAX),
                          field="name")
    taken = db.session.scalar(select(Municipality.id).where(
        func.lower(Municipality.name) == name.lower()))
    if taken is not None:
        raise DomainError(gettext("Naam: er is al een gemeente %(name)s.", name=name),
                          field="name")
    return name


def _region(actor: User, region_id: int) -> Region:
    region = next((r for r in regions_for(actor) if r.id == region_id), None)
    if region is None:
        raise DomainError(gettext("Regio: kies een regio uit de lijst."), field="region_id")
    return region


def add_municipality(actor: User, region_id: int, name: str) -> Municipality:
    conflict = gettext("Naam: er is al een gemeente met deze naam.")
    with transaction(conflict=conflict):
        municipality = Municipality(name=_clean_name(name), region=_region(actor, region_id))
        db.session.add(municipality)
        audit.record(actor, "municipality_add", None, municipality.name)
    return municipality


def rename_municipality(actor: User, municipality_id: int, name: str) -> Municipality:
    conflict = gettext("Naam: er is al een gemeente met deze naam.")
    with transaction(conflict=conflict):
        municipality = access.load_municipality(actor, municipality_id)
        old, municipality.name = municipality.name, _clean_name(name)
        audit.record(actor, "municipality_rename", None, f"{old} → {municipality.name}")
    return municipality


def _managed_account(actor: User, user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise AccessRefused.not_found()
    if actor.role == Role.ADMIN:
        if user.role not in access.MUNICIPAL_ROLES:
            raise AccessRefused.not_found()
        return user
    if actor.role != Role.REGIONAL_ADMIN or not access.may_manage_account(actor, user):
        raise AccessRefused.not_found()
    return user


def account_for_assignment(actor: User, user_id: int) -> User:
    """An account whose municipalities this regional admin (or the admin) sets."""
    return _managed_account(actor, user_id)


def assign_municipalities(actor: User, user_id: int, municipality_ids: list[int]) -> User:
    """The account works for exactly these municipalities of the actor's scope."""
    with transaction():
        user = _managed_account(actor, user_id)
        chosen = [access.load_municipality(actor, municipality_id)
                  for municipality_id in dict.fromkeys(municipality_ids)]
        user.municipalities = sorted(chosen, key=lambda m: m.name)
        names = ", ".join(m.name for m in user.municipalities) or "-"
        audit.record(actor, "account_municipalities", None, f"{user.email}: {names}")
    return user


def centres_for(actor: User) -> list[Organisation]:
    """The volunteer centres whose reach the actor sets."""
    centres = db.session.scalars(select(Organisation).where(
        Organisation.kind == "vrijwilligerscentrale").order_by(Organisation.name))
    scope = access.municipalities_of(actor)
    return [c for c in centres
            if scope is None or all(m.id in scope for m in c.reach)]


def set_reach(actor: User, organisation_id: int, municipality_ids: list[int]) -> Organisation:
    """The municipalities a volunteer centre serves (it screens new organisations there)."""
    with transaction():
        centre = next((c for c in centres_for(actor) if c.id == organisation_id), None)
        if centre is None:
            raise AccessRefused.not_found()
        centre.reach = sorted((access.load_municipality(actor, municipality_id)
                               for municipality_id in dict.fromkeys(municipality_ids)),
                              key=lambda m: m.name)
        names = ", ".join(m.name for m in centre.reach) or "-"
        audit.record(actor, "centre_reach", None, f"{centre.name}: {names}")
    return centre
