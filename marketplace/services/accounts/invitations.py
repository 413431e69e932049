"""Account management: invitations, "Wachtwoord vergeten?", blocking and roles.

An invitation and a reset both mail a signed, expiring, single-use link to set a
password (the placement links' pattern: itsdangerous with SECRET_KEY; the database
keeps only the token's SHA-256, the outbox only the link's recipe). A reset is asked
for by address and answered the same way whether or not the address has an account.
Every change is written to the audit log in its own transaction.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask_babel import gettext
from itsdangerous import BadSignature, SignatureExpired
from sqlalchemy import select

from marketplace.domain.vocabulary import Role
from marketplace.errors import AccessRefused, DomainError
from marketplace.extensions import db
from marketplace.models import AccountLink, Organisation, User
from marketplace.services.accounts.users import change_password, create_user, find_user_by_email
from marketplace.services.platform import access, audit, tokens
from marketplace.services.platform.outbox import LinkRecipe, enqueue_template
from marketplace.services.platform.site import in_dutch_without_request
from marketplace.services.platform.transaction import transaction

INVITE, RESET = "invite", "reset"
LIFETIMES = {INVITE: timedelta(days=7), RESET: timedelta(hours=2)}
SALT = "koppelkans.account-link"
# Roles a volunteer centre may give: only members of the organisations it manages.
CENTRE_ROLES = (Role.ORGANISATION,)


class LinkRefused(Exception):
    """The link cannot set a password: expired, used or not ours."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Invited:
    user: User
    token: str  # for the caller's tests and logs of its own; the user gets it by mail


def _issue(user: User, purpose: str) -> str:
    """Store a new link's hash and queue its mail, in the caller's transaction; the token."""
    now = datetime.now(UTC)
    payload = {"u": user.id, "p": purpose, "n": secrets.token_urlsafe(16)}
    issued_at = int(now.timestamp())
    token = tokens.mint(SALT, payload, issued_at)
    db.session.add(AccountLink(user_id=user.id, purpose=purpose, token_hash=_hash(token),
                               created_at=now, expires_at=now + LIFETIMES[purpose]))
    recipe = LinkRecipe(endpoint="auth.set_password", values={}, salt=SALT,
                        payload=payload, issued_at=issued_at)
    subject = (gettext("Uw account bij Koppelkans") if purpose == INVITE
               else gettext("Een nieuw wachtwoord voor Koppelkans"))
    enqueue_template([user.email], subject, f"auth/mail/{purpose}.txt", link=recipe,
                     user=user, hours=int(LIFETIMES[purpose].total_seconds() // 3600))
    return token


# ------------------------------------------------------------------ who may manage whom


def may_manage(actor: User, user: User) -> bool:
    """The admin manages every other account; a volunteer centre the members of the
    organisations it manages; a municipal or regional admin the accounts of her
    municipalities (access.may_manage_account). Nobody blocks or demotes themselves."""
    if actor.id == user.id:
        return False
    if actor.role == Role.ADMIN:
        return True
    if actor.role in access.TENANT_ADMINS:
        return access.may_manage_account(actor, user)
    return actor.role == Role.CENTRALE and user.role in CENTRE_ROLES \
        and user.organisation is not None \
        and user.organisation.managed_by_id == actor.organisation_id


def roles_for(actor: User) -> tuple[Role, ...]:
    if actor.role in access.TENANT_ADMINS:
        return access.MUNICIPAL_ROLES
    return tuple(Role) if actor.role == Role.ADMIN else CENTRE_ROLES


def organisations_for(actor: User) -> list[Organisation]:
    """The organisations an invited account may belong to."""
    statement = select(Organisation).order_by(Organisation.name)
    if actor.role != Role.ADMIN:
        statement = statement.where(Organisation.managed_by_id == actor.organisation_id)
    return list(db.session.scalars(statement))


def manageable_users(actor: User) -> list[User]:
    statement = select(User).order_by(User.name)
    if actor.role in access.TENANT_ADMINS:
        return list(db.session.scalars(statement.where(access.manageable_accounts(actor))))
    if actor.role != Role.ADMIN:
        statement = statement.join(Organisation, Organisation.id == User.organisation_id).where(
            Organisation.managed_by_id == actor.organisation_id, User.role.in_(CENTRE_ROLES))
    return list(db.session.scalars(statement))


def _check_role(actor: User, role: Role, organisation_id: int | None) -> None:
    if role not in roles_for(actor):
        raise DomainError(gettext("U kunt deze rol niet geven."), field="role")
    needs_organisation = role in (Role.ORGANISATION, Role.CENTRALE)
    allowed = {organisation.id for organisation in organisations_for(actor)}
    if needs_organisation and organisation_id not in allowed:
        raise DomainError(gettext("Kies de organisatie van deze gebruiker."),
                          field="organisation_id")


def managed_account(actor: User, user_id: int) -> User:
    """An account the actor manages; another one is not found (its id reveals nothing)."""
    user = db.session.get(User, user_id)
    if user is not None and user.id == actor.id:
        raise DomainError(gettext("U kunt uw eigen account hier niet wijzigen."))
    if user is None or not may_manage(actor, user):
        raise AccessRefused.not_found()
    return user


# ------------------------------------------------------------------------ the changes


def invite(actor: User, email: str, name: str, role: Role,
           organisation_id: int | None) -> Invited:
    """A new account without a usable password, and a mail with a link to choose one."""
    email = email.strip().lower()
    with transaction(conflict=gettext("Er is al een account met dit e-mailadres.")), \
            in_dutch_without_request():
        if find_user_by_email(email) is not None:
            raise DomainError(gettext("Er is al een account met dit e-mailadres."), field="email")
        _check_role(actor, role, organisation_id)
        keeps_organisation = role in (Role.ORGANISATION, Role.CENTRALE)
        # A random password nobody knows: the account is usable only through the link.
        user = create_user(email, name.strip(), role, secrets.token_urlsafe(32),
                           organisation_id=organisation_id if keeps_organisation else None)
        if actor.role == Role.MUNICIPAL_ADMIN:  # her new colleague works where she does
            user.municipalities = list(actor.municipalities)
        db.session.flush()
        token = _issue(user, INVITE)
        audit.record(actor, "account_invite", None, f"{email} ({role.value})")
    return Invited(user, token)


def set_blocked(actor: User, user_id: int, blocked: bool) -> User:
    """Block (the account is logged out everywhere and cannot log in) or unblock."""
    with transaction():
        user = managed_account(actor, user_id)
        user.active = not blocked
        if blocked:
            user.end_sessions()
        audit.record(actor, "account_block" if blocked else "account_unblock", None, user.email)
    return user


def change_role(actor: User, user_id: int, role: Role, organisation_id: int | None) -> User:
    with transaction():
        user = managed_account(actor, user_id)
        _check_role(actor, role, organisation_id)
        old = user.role
        user.role = role
        user.organisation_id = organisation_id if role in (Role.ORGANISATION, Role.CENTRALE) \
            else None
        user.end_sessions()  # what the old role could see stops with its sessions
        audit.record(actor, "account_role", None, f"{user.email}: {old.value} → {role.value}")
    return user


def request_reset(email: str) -> None:
    """Mail a reset link when an active account has this address; otherwise nothing.
    The caller shows the same answer in both cases."""
    with transaction(), in_dutch_without_request():
        user = find_user_by_email(email)
        if user is None or not user.active:
            return
        _issue(user, RESET)
        audit.record(None, "password_reset_asked", None, user.email)


def open_link(token: str) -> AccountLink:
    """The unused, unexpired link behind a token, or LinkRefused."""
    expired = gettext("Deze link is verlopen of al gebruikt. Vraag een nieuwe aan via "
                      "“Wachtwoord vergeten?”.")
    try:
        payload = tokens.read(SALT, token, int(max(LIFETIMES.values()).total_seconds()))
    except SignatureExpired:
        raise LinkRefused(expired) from None
    except BadSignature:
        raise LinkRefused(gettext("Deze link klopt niet.")) from None
    link = db.session.scalar(select(AccountLink).where(AccountLink.token_hash == _hash(token)))
    if link is None or not isinstance(payload, dict) or payload.get("u") != link.user_id:
        raise LinkRefused(gettext("Deze link klopt niet."))
    if link.used_at is not None or link.expires_at < datetime.now(UTC) or not link.user.active:
        raise LinkRefused(expired)
    return link


def set_password(token: str, password: str) -> User:
    """Use a link once: the new password (policy-checked) ends every older session."""
    with transaction(), in_dutch_without_request():
        link = open_link(token)
        link.used_at = datetime.now(UTC)
        # Every other open link of this account stops working too.
        for other in db.session.scalars(select(AccountLink).where(
                AccountLink.user_id == link.user_id, AccountLink.used_at.is_(None))):
            other.used_at = link.used_at
        change_password(link.user, password, commit=False)
        audit.record(link.user, "password_set", None, link.user.email)
        return link.user
