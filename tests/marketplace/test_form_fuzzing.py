"""Fuzzed form posts: never a 500, and a refused post leaves the database as it was.

Every POST route of `app.url_map` (not /api/, which schemathesis covers) needs a line in
TARGETS: which roles of the authorisation matrix post there, which form the view reads
and which URL values vary. The fields and their sensible values are read from the real
WTForms form (choices, NumberRange, Length), then hypothesis spoils some of them: empty,
very long, control characters and NUL, numbers out of range, impossible dates, several
values for one field, a file where text belongs, fields left out and unknown fields
added; sent as a form, as multipart or as JSON. A post that does not succeed (a
redirect, or the target's done page) must change no row of any table (the audit log may
record a view). What the fuzzing found is kept below as plain examples. CSRF is off in
the test client; the last test checks that with CSRF on a post without a token is
refused and writes nothing.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from io import BytesIO
from typing import Any

import pytest
from flask import Flask, template_rendered, url_for
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    DecimalField,
    EmailField,
    Field,
    FieldList,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    SubmitField,
)
from wtforms.csrf.core import CSRFTokenField
from wtforms.validators import Email, Length, NumberRange

from marketplace.admin.forms import (
    InviteForm,
    MunicipalitiesForm,
    MunicipalityForm,
    RenameMunicipalityForm,
    RoleForm,
)
from marketplace.auth.forms import ForgotPasswordForm, LoginForm, SetPasswordForm
from marketplace.domain.placements import CheckInKind, PlacementAction
from marketplace.domain.vacancy_status import OrganisationAction, VacancyAction
from marketplace.domain.vocabulary import ConsentPurpose, PlacementType, Role
from marketplace.extensions import db as _db
from marketplace.formfields import (
    BrowserForm,
    PostcodeField,
    TagListField,
    languages_validator,
)
from marketplace.matches.forms import CohortSelectForm, ProposeForm, SendCohortForm
from marketplace.models import AuditEntry, ImportBatch, Organisation, User
from marketplace.organisations.forms import ApprovalForm, OrganisationForm, SignupForm
from marketplace.participants.forms import AgesField, IntakeForm, MeasurementForm
from marketplace.participants.privacy_forms import EraseForm, HandoverForm
from marketplace.placements.forms import (
    ActionForm,
    LinkEmailForm,
    MessageForm,
    action_form,
    checkin_form,
)
from marketplace.services.matching import cohort as cohort_service
from marketplace.services.vacancies.export import template_file
from marketplace.vacancies.forms import (
    CentreVacancyForm,
    ImportUploadForm,
    PublishImportForm,
    StatusForm,
    VacancyForm,
)
from tests.builders import (
    PASSWORD,
    make_participant,
    make_user,
    make_vacancy,
    municipality_named,
)
from tests.marketplace import test_authorisation_matrix as matrix
from tests.marketplace.test_authorisation_matrix import (
    ADMIN,
    ANON,
    CENTRE,
    COACH,
    FORMER_COACH,
    MATRIX,
    ORG,
    REGIONAL_ADMIN,
    World,
)

EXAMPLES = 25
AUDIT_TABLE = AuditEntry.__tablename__


# ----------------------------------------------------------------------- bad values


@dataclass(frozen=True)
class Upload:
    content: bytes
    filename: str


BAD_NUMBERS = (
    *"-1 0 -0 1e309 1E+999999 1e-400 NaN sNaN Infinity -inf 1,5 0x1F ١٢ ½ 1_000 2.25".split(),
    " 7 ",
    "99999999999999999999",
)
BAD_DATES = tuple(
    "2025-02-30 2025-13-01 0000-00-00 0001-01-01 9999-12-31 10000-01-01 21-10-2025 "
    "2025-10-21T25:61 2025-10-21T09:00 morgen 2025-W43".split()
)
FILENAMES = (
    "vacatures.csv",
    "vacatures.xlsx",
    "vacatures.CSV",
    "virus.exe",
    "geen-punt",
    "",
    ".csv",
    "../../etc/passwd.csv",
    "naam met spaties é.xlsx",
    "naam\x00.csv",
)
FIELD_NAMES = (
    *"csrf_token submit id role coach_id organisation_id state next goals-9-text".split(),
    "x-" * 50,
    "\n",  # werkzeug reads a multipart part named so as None
    "naam\r\nX-Kop: 1",
)

TEXT = st.text(max_size=20)  # every code point but surrogates: NUL, controls, emoji, RTL
CONTROLS = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp"]), min_size=1, max_size=6)
LONG = st.builds(
    operator.mul,
    st.sampled_from(["x", "é", "😀", "\x00", " ", "a,", "\n"]),
    st.integers(250, 10_001),
)
NUMBERS = st.one_of(
    st.integers(-(10**30), 10**30).map(str), st.floats().map(str), st.sampled_from(BAD_NUMBERS)
)
UPLOADS = st.builds(Upload, st.binary(max_size=300), st.sampled_from(FILENAMES))
SCALARS = st.one_of(st.just(""), TEXT, CONTROLS, LONG, NUMBERS, st.sampled_from(BAD_DATES))
BAD_VALUES = st.one_of(SCALARS, st.lists(SCALARS, min_size=2, max_size=3), UPLOADS)

# Sensible values pass the form's checks most of the time, so that the services are
# reached too; the text ones still carry any character after their first word.
WORDS = ("koken", "tuin", "kinderen", "Arabisch", "x y", "")
LANGUAGE_CODES = ("ar", "en", "ti", "nl", "uk")
POSTCODES = ("6511", "6511 AB", "6601ab", "1012", "0000 AA", "9999ZZ")
EMAILS = st.one_of(
    st.sampled_from(["fuzz@test.nl", "baas@wijkcentrum.nl", "zoë@voorbeeld.nl"]),
    st.integers(1, 99).map("lid{}@voorbeeld.nl".format),
)
PHRASES = st.builds(
    operator.add, st.sampled_from(["Amal", "Tuinhulp", "Zoë", "مرحبا", "Koken"]), TEXT
)


@cache
def _template(file_format: str) -> bytes:
    return template_file(file_format).content


_UPLOADS_THAT_FIT = st.one_of(
    st.builds(
        Upload,
        st.sampled_from(["csv", "xlsx"]).map(_template),
        st.sampled_from(["vacatures.csv", "vacatures.xlsx"]),
    ),
    st.builds(
        lambda content, cut, name: Upload(content[:cut], name),
        st.sampled_from(["csv", "xlsx"]).map(_template),
        st.integers(0, 5000),
        st.sampled_from(FILENAMES),
    ),
    UPLOADS,
)


# -------------------------------------------------------------- values of real fields

Strategies = dict[str, st.SearchStrategy[Any]]


def _fields(form: Any) -> Iterator[Field]:
    """Every input of a form, also those of its goal rows (FieldList of FormField)."""
    for item in form:
        if isinstance(item, FieldList | FormField):
            yield from _fields(item)
        else:
            yield item


def _validator(item: Field, kind: type) -> Any:
    return next((v for v in item.validators if isinstance(v, kind)), None)


def _choices(item: Field) -> list[str]:
    return [str(choice[0]) for choice in item.iter_choices()] if item.choices else []


def _number(item: Field) -> st.SearchStrategy[str]:
    bounds = _validator(item, NumberRange)
    low = bounds.min if bounds and bounds.min is not None else 0
    high = bounds.max if bounds and bounds.max is not None else 100
    if isinstance(item, DecimalField):
        return st.decimals(low, high, places=1).map(str)
    return st.integers(int(low), int(high)).map(str)


def _text(item: Field) -> st.SearchStrategy[str]:
    if isinstance(item, EmailField) or _validator(item, Email):
        return EMAILS
    length = _validator(item, Length)
    longest = length.max if length and length.max and length.max > 0 else 200
    return st.one_of(PHRASES.map(lambda text: text[:longest]), st.just("x" * longest))


def _select(item: Field) -> st.SearchStrategy[Any]:
    options = _choices(item)
    if not options:  # choices the view sets per request: Target.values gives real ones
        return TEXT
    if isinstance(item, SelectMultipleField):
        return st.lists(st.sampled_from(options), unique=True, min_size=1, max_size=5)
    return st.sampled_from(options)


def _tags(item: Field) -> st.SearchStrategy[str]:
    words = LANGUAGE_CODES if languages_validator in item.validators else WORDS
    return st.lists(st.sampled_from(words), max_size=4).map(", ".join)


MOMENTS = st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31))

# Sensible input per field type, the first that fits (subclasses first); None: not filled.
BY_TYPE: tuple[tuple[Any, Callable[[Field], st.SearchStrategy[Any] | None]], ...] = (
    (CSRFTokenField, lambda item: None),
    (SubmitField, lambda item: st.just("")),  # a second button ('suggest') only when spoilt
    (BooleanField, lambda item: st.sampled_from(["y", ""])),
    (FileField, lambda item: _UPLOADS_THAT_FIT),
    (SelectField | SelectMultipleField, _select),
    (DateTimeLocalField, lambda item: MOMENTS.map(lambda m: m.strftime("%Y-%m-%dT%H:%M"))),
    (DateField, lambda item: st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(str)),
    (IntegerField | DecimalField, _number),
    (PostcodeField, lambda item: st.sampled_from(POSTCODES)),
    (TagListField, _tags),
    (AgesField, lambda item: st.sampled_from(["", "9, 6", "3", "0; 25"])),
)


def _value(item: Field) -> st.SearchStrategy[Any] | None:
    values = next((values for kind, values in BY_TYPE if isinstance(item, kind)), _text)
    return values(item)


def _form_values(form: FlaskForm) -> Strategies:
    return {item.name: value for item in _fields(form) if (value := _value(item)) is not None}


@st.composite
def _spoiled(draw: st.DrawFn, values: Strategies) -> dict[str, Any]:
    """Sensible values for every field, then (mostly) a few spoiled, left out or added."""
    data = {name: draw(strategy) for name, strategy in values.items()}
    names = sorted(values)
    if names and draw(st.integers(0, 2)):
        for name in draw(st.lists(st.sampled_from(names), unique=True, max_size=4)):
            data[name] = draw(BAD_VALUES)
        for name in draw(st.lists(st.sampled_from(names), unique=True, max_size=3)):
            del data[name]
    extra = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=10))
    data.update(draw(st.dictionaries(extra, BAD_VALUES, max_size=2)))
    return data


# ------------------------------------------------------------------- the route table


@dataclass
class Setting:
    """The matrix's world, plus what a few forms need to get past their checks."""

    world: World
    user_ids: dict[str, int]  # the session token is read at each login (logout renews it)
    values: dict[str, Any] = field(default_factory=dict)


def _none(setting: Setting) -> Strategies:
    return {}


def _step_form(url: dict[str, Any]) -> FlaskForm:
    try:
        return action_form(PlacementAction(url["action"]))
    except ValueError:
        return ActionForm()


def _municipalities(setting: Setting) -> Strategies:
    return {"municipality": st.sampled_from(["Nijmegen", "Nijmegen", "", "Atlantis"])}


def _signup(setting: Setting) -> Strategies:
    password = st.sampled_from(["een zin van een paar woorden", "kort"])
    return _municipalities(setting) | {"password": password, "password_repeat": password}


# Values that agree with each other (minimum below maximum, and so on).
HOURS = {"hours_min": st.sampled_from(["2", "4"]), "hours_max": st.sampled_from(["4", "8.5"])}


def _vacancy(setting: Setting) -> Strategies:
    return HOURS | {
        "dayparts_needed": st.sampled_from(["", "1"]),
        "duration_weeks": st.sampled_from(["", "4", "260"]),
        "proefperiode_weeks": st.sampled_from(["", "1"]),
        "organisation_id": st.sampled_from([str(setting.world.params["organisation_id"]), "0"]),
    }


def _intake(setting: Setting) -> Strategies:
    return HOURS | {"status": st.sampled_from(["intake", "active", "closed"])}


def _cohort_choices(setting: Setting) -> Strategies:
    people, vacancies = setting.values["cohort_people"], setting.values["vacancy_ids"]
    return {
        f"keuze-{person}": st.sampled_from(["", "0", *map(str, vacancies)]) for person in people
    }


def _account(setting: Setting) -> Strategies:
    """An account the centre manages, the admin's own, and one that does not exist."""
    users = setting.world.users
    return {"user_id": st.sampled_from([users[ORG].id, users[ADMIN].id, 999999])}


def _municipality(setting: Setting) -> Strategies:
    """A municipality of the regional admin's region, one of another region, none."""
    own = setting.world.params["municipality_id"]
    return {"municipality_id": st.sampled_from([own, setting.values["weert_id"], 999999])}


def _municipality_ids(setting: Setting) -> Strategies:
    ids = [str(setting.world.params["municipality_id"]), str(setting.values["weert_id"]),
           "999999", "x"]
    return {"municipalities": st.lists(st.sampled_from(ids), max_size=3)}


def _hand_over_target(setting: Setting) -> Strategies:
    """A coach of another municipality (the former coach's Wijchen), nonsense, none."""
    return {"target": st.sampled_from([setting.values["handover_key"], "", "1-1", "x"]),
            "confirmed": st.sampled_from(["", "ja"]), "consent": st.sampled_from(["", "y"])}


ACTIONS = st.sampled_from([*PlacementAction, "onzin"]).map(str)


def _placement_steps(setting: Setting) -> Strategies:
    return {"action": ACTIONS, "placement_id": st.sampled_from(setting.values["placement_ids"])}


@dataclass(frozen=True)
class Target:
    """Who posts to an endpoint, the form its view reads (given the URL values), the URL
    values that vary per post, real values for fields the view fills per request, and
    the page a success shows when it does not redirect."""

    roles: tuple[str, ...]
    form: Callable[[dict[str, Any]], FlaskForm | None]
    url: Callable[[Setting], Strategies] = _none
    values: Callable[[Setting], Strategies] = _none
    done_page: str | None = None


TARGETS: dict[str, Target] = {
    "auth.login": Target(
        (ANON,),
        lambda url: LoginForm(),
        values=lambda s: {
            "email": st.just("fuzz@test.nl"),
            "password": st.sampled_from([PASSWORD, "fout"]),
        },
    ),
    "auth.logout": Target((COACH, ADMIN), lambda url: None),
    "auth.forgot_password": Target(
        (ANON, COACH),
        lambda url: ForgotPasswordForm(),
        values=lambda s: {"email": st.sampled_from(["fuzz@test.nl", "onbekend@test.nl"])},
        done_page="auth/forgot_password_sent.html",
    ),
    "auth.set_password": Target((ANON,), lambda url: SetPasswordForm()),
    "admin.users": Target(
        (ADMIN, CENTRE),
        lambda url: InviteForm.for_actor(tuple(Role), []),
        values=lambda s: {
            "role": st.sampled_from(["coach", "organisation", "admin", "onzin"]),
            "organisation_id": st.sampled_from(
                ["", str(s.world.params["organisation_id"]), "0", "x"]),
        },
    ),
    "admin.block": Target((ADMIN, CENTRE), lambda url: None, url=_account),
    "admin.unblock": Target((ADMIN, CENTRE), lambda url: None, url=_account),
    "admin.change_role": Target(
        (ADMIN, CENTRE),
        lambda url: RoleForm.for_actor(tuple(Role), [], prefix=f"u{url.get('user_id', 0)}"),
        url=_account,
    ),
    "admin.municipalities": Target(
        (ADMIN, REGIONAL_ADMIN),
        lambda url: MunicipalityForm.for_regions([]),
        values=lambda s: {"region_id": st.sampled_from(
            [str(s.values["region_id"]), str(s.values["weert_region_id"]), "0", "x"])},
    ),
    "admin.rename_municipality": Target(
        (ADMIN, REGIONAL_ADMIN),
        lambda url: RenameMunicipalityForm(prefix=f"m{url.get('municipality_id', 0)}"),
        url=_municipality,
    ),
    "admin.user_municipalities": Target(
        (ADMIN, REGIONAL_ADMIN), lambda url: MunicipalitiesForm(), values=_municipality_ids,
        url=lambda s: {"account_id": st.sampled_from(
            [s.world.users[COACH].id, s.world.users[ORG].id, 999999])},
    ),
    "admin.centre_reach": Target(
        (ADMIN, REGIONAL_ADMIN), lambda url: MunicipalitiesForm(), values=_municipality_ids,
        url=lambda s: {"centre_id": st.sampled_from(
            [s.world.params["centre_id"], s.world.params["organisation_id"], 999999])},
    ),
    "participants.hand_over": Target(
        (COACH,), lambda url: HandoverForm(), values=_hand_over_target),
    "auth.set_language": Target(
        (ANON, COACH),
        lambda url: None,
        url=lambda s: {"lang": st.sampled_from(["nl", "en", "de", "x" * 300])},
        values=lambda s: {"next": st.sampled_from(["/vacatures/", "//evil.example", ""])},
    ),
    "notifications.mark_read": Target((COACH, ORG), lambda url: None),
    "participants.create": Target(
        (COACH,), lambda url: IntakeForm.for_participant(None), values=_intake
    ),
    "participants.edit": Target(
        (COACH,), lambda url: IntakeForm.for_participant(None), values=_intake
    ),
    "participants.add_measurement": Target((COACH,), lambda url: MeasurementForm()),
    "participants.erase": Target((COACH, ADMIN), lambda url: EraseForm()),
    "participants.withdraw_consent": Target(
        (COACH,),
        lambda url: None,
        url=lambda s: {"purpose": st.sampled_from([*ConsentPurpose, "onzin"]).map(str)},
    ),
    "matches.shortlist_add": Target(
        (COACH,),
        lambda url: None,
        url=lambda s: {"vacancy_id": st.sampled_from(s.values["vacancy_ids"])},
        values=lambda s: {"terug": st.sampled_from(["/koppelen/groep", "https://evil.example"])},
    ),
    "matches.shortlist_remove": Target(
        (COACH,),
        lambda url: None,
        url=lambda s: {"vacancy_id": st.sampled_from([*s.values["vacancy_ids"], 999_999])},
    ),
    "matches.propose": Target(
        (COACH,),
        lambda url: ProposeForm(),
        url=lambda s: {"vacancy_id": st.sampled_from(s.values["vacancy_ids"])},
    ),
    "matches.cohort": Target(
        (COACH,),
        lambda url: CohortSelectForm(),
        values=lambda s: {
            "participants": st.lists(
                st.sampled_from([*map(str, s.values["cohort_people"]), "0", "-1", "abc"]),
                max_size=3,
            )
        },
    ),
    "matches.cohort_result": Target(
        (COACH,),
        lambda url: SendCohortForm(),
        url=lambda s: {"run_id": st.just(s.values["run_id"])},
        values=_cohort_choices,
    ),
    "organisations.signup": Target((ANON,), lambda url: SignupForm(), values=_signup),
    "organisations.create": Target(
        (CENTRE,), lambda url: OrganisationForm(), values=_municipalities
    ),
    "organisations.edit": Target(
        (ORG, CENTRE), lambda url: OrganisationForm(), values=_municipalities
    ),
    "organisations.change_approval": Target(
        (ORG, CENTRE),
        lambda url: ApprovalForm(),
        values=lambda s: {"action": st.sampled_from([*OrganisationAction, "onzin"]).map(str)},
    ),
    "placements.act": Target((COACH, ORG, CENTRE), _step_form, url=_placement_steps),
    "placements.send_link": Target((COACH,), lambda url: LinkEmailForm()),
    "placements.checkin": Target(
        (COACH, ORG),
        lambda url: checkin_form(url["kind"]),
        url=lambda s: {
            "kind": st.sampled_from([*CheckInKind, "onzin"]).map(str),
            "placement_id": st.sampled_from(s.values["placement_ids"]),
        },
    ),
    "placements.message": Target((COACH, ORG, CENTRE), lambda url: MessageForm()),
    "placements.link_message": Target((ANON,), lambda url: MessageForm()),
    "placements.link_act": Target(
        (ANON,),
        _step_form,
        url=lambda s: {"action": ACTIONS},
        done_page="placements/link_done.html",
    ),
    "vacancies.create": Target(
        (ORG, CENTRE),
        lambda url: CentreVacancyForm(),
        url=lambda s: {"type": st.sampled_from([*PlacementType, "onzin"]).map(str)},
        values=_vacancy,
    ),
    "vacancies.edit": Target((ORG, CENTRE), lambda url: VacancyForm(), values=_vacancy),
    "vacancies.change_status": Target(
        (ORG, CENTRE),
        lambda url: StatusForm(),
        values=lambda s: {"action": st.sampled_from([*VacancyAction, "onzin"]).map(str)},
    ),
    "vacancies.import_upload": Target((CENTRE,), lambda url: ImportUploadForm()),
    "vacancies.import_fix": Target(
        (CENTRE,),
        lambda url: None,
        values=lambda s: {
            "cel:2:capacity": st.sampled_from(["", "3", "nul", "=1+1", "x" * 40_000]),
            "cel:2:schedule": st.sampled_from(["maandagochtend", "mon_morning", "ochtend"]),
            "cel:9:onzin": st.just("1"),
            "weglaten": st.sampled_from(["", "2", "99", "x"]),
        },
    ),
    "vacancies.import_publish": Target(
        (CENTRE,), lambda url: PublishImportForm(),
        values=lambda s: {"confirm": st.sampled_from(["", "y"])},
    ),
    "vacancies.import_commit": Target(
        (CENTRE,),
        lambda url: None,
        values=lambda s: {
            "row:2": st.sampled_from(["", "import", "skip"]),
            "org:wijkcentrum": st.sampled_from(["", "new", "existing:1"]),
        },
    ),
}


def _post_routes(app: Flask) -> list[str]:
    return sorted(
        {
            rule.endpoint
            for rule in app.url_map.iter_rules()
            if "POST" in (rule.methods or ())
            and rule.endpoint != "static"
            and not rule.rule.startswith("/api/")
        }
    )


POST_ENDPOINTS = _post_routes(matrix.create_app(matrix.config_for_tests("sqlite://")))


# ---------------------------------------------------------------------- the helpers


@pytest.fixture()
def world(db: Any) -> World:
    """The matrix's world (one object of every kind, a user per role), committed for each
    test: the CSRF test reads it through another app's connection, so this module does
    not share the matrix's rolled-back module transaction."""
    return matrix.world_of(matrix.build_world(), db)


@pytest.fixture()
def setting(world: World) -> Setting:
    coach = world.users[COACH]
    organisation = _db.session.get(Organisation, world.params["organisation_id"])
    other = make_vacancy(organisation, title="Tuinman", tags=["tuin"])
    second = make_participant(coach, interests=["tuin"])
    run = cohort_service.run_cohort(coach, [world.params["participant_id"], second.id])
    make_user(Role.COACH, email="fuzz@test.nl")  # the one account the login form can open
    weert = municipality_named("Weert", region="Weert")
    wijchen = municipality_named("Wijchen")
    return Setting(
        world,
        {role: user.id for role, user in world.users.items()},
        {
            "vacancy_ids": [world.params["vacancy_id"], other.id],
            "cohort_people": [world.params["participant_id"], second.id],
            "run_id": run.id,
            "weert_id": weert.id,
            "region_id": wijchen.region_id,
            "weert_region_id": weert.region_id,
            "handover_key": f"{world.users[FORMER_COACH].id}-{wijchen.id}",
            # a proposed placement, and (if the world has one) an accepted one
            "placement_ids": [
                world.params[name]
                for name in ("placement_id", "api_placement_id")
                if name in world.params
            ],
        },
    )


def _url(app: Flask, endpoint: str, world: World, changes: dict[str, Any]) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {name: world.params[name] for name in rule.arguments if name in world.params}
    if "token" in rule.arguments:
        values["token"] = matrix.token_for_endpoint(world, endpoint)
    values.update(changes)  # URL arguments, or else the query string
    with app.test_request_context():
        return url_for(endpoint, **values)


def _snapshot() -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table but the audit log (which may record a view). The session
    is removed first, as at the end of a real request: only committed rows count."""
    _db.session.remove()
    return {
        table.name: sorted(tuple(map(repr, row)) for row in _db.session.execute(select(table)))
        for table in _db.metadata.sorted_tables
        if table.name != AUDIT_TABLE
    }


def _log_in(client: Any, setting: Setting, role: str) -> None:
    with client.session_transaction() as session:
        session.clear()
        if role != ANON:
            session["_user_id"] = _db.session.get(User, setting.user_ids[role]).get_id()
            session["_fresh"] = True


def _body(data: dict[str, Any], encoding: str) -> dict[str, Any]:
    """Keyword arguments of the test client's post: a form, multipart, or JSON instead."""

    def one(value: Any) -> Any:
        if isinstance(value, Upload):
            if encoding == "json":
                return {"filename": value.filename, "size": len(value.content)}
            return BytesIO(value.content), value.filename
        return value

    body = {
        name: [one(v) for v in value] if isinstance(value, list) else one(value)
        for name, value in data.items()
    }
    if encoding == "json":
        return {"json": body}
    if encoding == "multipart":
        return {"data": body, "content_type": "multipart/form-data"}
    return {"data": body}


@contextmanager
def _pages_rendered() -> Iterator[list[str]]:
    names: list[str] = []

    def record(sender: Flask, template: Any, context: Any, **extra: Any) -> None:
        names.append(template.name)

    with template_rendered.connected_to(record):
        yield names


def _post_safely(
    app: Flask,
    client: Any,
    setting: Setting,
    endpoint: str,
    role: str,
    url: dict[str, Any],
    form: dict[str, Any],
    encoding: str,
) -> Any:
    """Post as `role`: never a 500, and unless it succeeded no row changed."""
    _log_in(client, setting, role)
    before = _snapshot()
    # Its own app context: a fresh g and session, as in a real request.
    with app.app_context(), _pages_rendered() as pages:
        response = client.post(_url(app, endpoint, setting.world, url), **_body(form, encoding))
    status = response.status_code
    assert status < 500, f"{endpoint} as {role}: {status}"
    if not (300 <= status < 400 or TARGETS[endpoint].done_page in pages):
        assert _snapshot() == before, f"{endpoint} as {role}: refused ({status}) but wrote"
    return response


def _allowed(endpoint: str) -> frozenset[str]:
    return MATRIX.get(("GET", endpoint)) or MATRIX[("POST", endpoint)]


# ------------------------------------------------------------------------ the tests


def test_every_post_route_has_a_fuzz_target(app: Flask) -> None:
    endpoints = set(_post_routes(app))
    assert endpoints - TARGETS.keys() == set(), "new POST routes: add them to TARGETS"
    assert TARGETS.keys() - endpoints == set(), "TARGETS for routes that no longer exist"
    for endpoint, target in TARGETS.items():
        assert set(target.roles) <= _allowed(endpoint), f"{endpoint}: a role that may not post"


def test_posted_forms_derive_from_browser_form(app: Flask) -> None:
    with app.test_request_context():
        for endpoint, target in TARGETS.items():
            form = target.form({"action": "accept", "kind": "first_day_org"})
            assert form is None or isinstance(form, BrowserForm), f"{endpoint}: a FlaskForm"


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
def test_fuzzed_posts_never_fail_or_write_half(
    app: Flask, client: Any, setting: Setting, endpoint: str
) -> None:
    assert endpoint in TARGETS, f"{endpoint} accepts POST: add it to TARGETS"
    target = TARGETS[endpoint]
    url_values = st.fixed_dictionaries(target.url(setting))
    known = target.values(setting)
    fields: dict[tuple[tuple[str, Any], ...], Strategies] = {}

    def values_for(url: dict[str, Any]) -> Strategies:
        key = tuple(sorted(url.items()))
        if key not in fields:
            with app.test_request_context():
                form = target.form(url)
                fields[key] = (_form_values(form) if form is not None else {}) | known
        return fields[key]

    @given(
        role=st.sampled_from(target.roles),
        url=url_values,
        data=st.data(),
        encoding=st.sampled_from(["form", "multipart", "json"]),
    )
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    def post(role: str, url: dict[str, Any], data: st.DataObject, encoding: str) -> None:
        form = data.draw(_spoiled(values_for(url)), label="form")
        _post_safely(app, client, setting, endpoint, role, url, form, encoding)

    post()


# Each once a 500 (on PostgreSQL for the NUL), kept as plain examples.
FOUND: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "a file in a text field": (
        "auth.login",
        ANON,
        {"email": Upload(b"x", "a.csv"), "password": "x"},
        "form",
    ),
    "a JSON body of numbers": ("auth.login", ANON, {"email": 5, "password": [1, 2]}, "json"),
    "a part whose name has a line break": (
        "participants.create",
        COACH,
        {"\n": "", "first_name": "Amal"},
        "multipart",
    ),
    "no participant chosen": ("matches.cohort", COACH, {}, "form"),
    "NaN hours": ("vacancies.edit", ORG, {"hours_min": "sNaN", "hours_max": "NaN"}, "form"),
    "a NUL in a text": ("vacancies.edit", ORG, {"title": "Koken\x00", "capacity": "1"}, "form"),
}


@pytest.mark.parametrize("case", FOUND.values(), ids=list(FOUND))
def test_what_fuzzing_found(app: Flask, client: Any, setting: Setting, case: Any) -> None:
    endpoint, role, form, encoding = case
    response = _post_safely(app, client, setting, endpoint, role, {}, form, encoding)
    assert response.status_code == 200  # the form again, with its errors


def test_a_nul_is_refused_next_to_its_field(app: Flask, client: Any, setting: Setting) -> None:
    form = {"title": "Koken\x00", "capacity": "1", "proposal_cap": "1"}
    response = _post_safely(app, client, setting, "vacancies.edit", ORG, {}, form, "form")
    assert "onzichtbaar teken (NUL)" in response.get_data(as_text=True)


def test_an_upload_name_keeps_no_nul(app: Flask, client: Any, setting: Setting) -> None:
    upload = Upload(_template("csv"), "vacatures\x00.csv")
    response = _post_safely(
        app, client, setting, "vacancies.import_upload", CENTRE, {}, {"file": upload}, "form"
    )
    assert response.status_code == 302
    names = _db.session.scalars(select(ImportBatch.filename)).all()
    assert "vacatures.csv" in names and not any("\x00" in name for name in names)


def test_posts_without_csrf_token_are_refused(make_app: Any, setting: Setting) -> None:
    strict = make_app(WTF_CSRF_ENABLED=True)
    client = strict.test_client()
    before = _snapshot()
    for endpoint, target in TARGETS.items():
        _log_in(client, setting, target.roles[0])
        response = client.post(
            _url(strict, endpoint, setting.world, {}), data={"confirm": "y", "action": "approve"}
        )
        assert response.status_code == 400, f"{endpoint} took a post without a CSRF token"
    assert _snapshot() == before
