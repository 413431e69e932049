"""Forms of the account pages: invite a user, change a role; the region's municipalities."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget

from marketplace.domain.vocabulary import ROLE_LABELS, Role
from marketplace.formfields import BrowserForm, OptionalSelectField, choices
from marketplace.models import Municipality, Organisation, Region, User
from marketplace.models.region import MUNICIPALITY_NAME_MAX


class RoleForm(BrowserForm):
    role = SelectField(_l("Rol"), validators=[DataRequired(_l("Kies een rol."))])
    organisation_id = OptionalSelectField(
        _l("Organisatie"),
        description=_l("Alleen voor een organisatie of de vrijwilligerscentrale."))

    @classmethod
    def for_actor(cls, roles: tuple[Role, ...], organisations: list[Organisation],
                  **kwargs: Any) -> RoleForm:
        form = cls(**kwargs)
        form.role.choices = choices((role.value, ROLE_LABELS[role]) for role in roles)
        form.organisation_id.choices = choices(
            [("", _l("Geen organisatie")),
             *((str(organisation.id), organisation.name) for organisation in organisations)])
        return form

    def organisation(self) -> int | None:
        value = self.organisation_id.data
        return int(value) if value and str(value).isdigit() else None


class InviteForm(RoleForm):
    name = StringField(_l("Naam"), validators=[DataRequired(_l("Vul de naam in.")),
                                               Length(max=120)])
    email = EmailField(
        _l("E-mailadres"),
        validators=[DataRequired(_l("Vul het e-mailadres in.")),
                    Email(_l("Dit is geen geldig e-mailadres.")), Length(max=254)],
    )


def user_role_form(user: User, roles: tuple[Role, ...],
                   organisations: list[Organisation]) -> RoleForm:
    """The role form of one account, with its own field ids (many on one page)."""
    form = RoleForm.for_actor(roles, organisations, prefix=f"u{user.id}",
                              data={"role": user.role.value,
                                    "organisation_id": str(user.organisation_id or "")})
    return form


class MunicipalityForm(BrowserForm):
    """A new municipality in one of the actor's regions."""

    name = StringField(_l("Naam van de gemeente"),
                       validators=[DataRequired(_l("Vul de naam van de gemeente in.")),
                                   Length(max=MUNICIPALITY_NAME_MAX)])
    region_id = SelectField(_l("Regio"), coerce=int,
                            validators=[DataRequired(_l("Kies een regio."))])

    @classmethod
    def for_regions(cls, regions: list[Region], **kwargs: Any) -> MunicipalityForm:
        form = cls(**kwargs)
        form.region_id.choices = [(region.id, region.name) for region in regions]
        return form


class RenameMunicipalityForm(BrowserForm):
    name = StringField(_l("Nieuwe naam"),
                       validators=[DataRequired(_l("Vul de nieuwe naam in.")),
                                   Length(max=MUNICIPALITY_NAME_MAX)])


class MunicipalitiesForm(BrowserForm):
    """The municipalities an account works for, or a volunteer centre serves."""

    municipalities = SelectMultipleField(
        _l("Gemeenten"), coerce=int, option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False))

    @classmethod
    def for_choices(cls, municipalities: list[Municipality], chosen: list[Municipality],
                    **kwargs: Any) -> MunicipalitiesForm:
        form = cls(data={"municipalities": [m.id for m in chosen]}, **kwargs)
        form.municipalities.choices = [(m.id, m.name) for m in municipalities]
        return form
