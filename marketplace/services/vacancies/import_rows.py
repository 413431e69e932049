"""Checking and writing the rows of a vacancy import: every row against the same rules
as the form, then all of it in one transaction or nothing.

1. :func:`check_rows` builds a spec profile per row (``services.profiles.rows``) and checks
   it with ``matching.profiles.validate`` plus the marketplace's limits
   (``domain.vacancy_rules``) and status rules (``domain.vacancy_status``): the same
   rules as the form. It finds organisations and vacancies that probably exist
   already (``duplicates``) and asks for a decision on each.
2. :func:`commit_rows` checks again with the decisions and writes in one transaction.

Reading the file is ``files.read_file``; keeping an upload for its preview is
``import_batches``. Row numbers are those a spreadsheet shows: the header is row 1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from marketplace.domain.spreadsheet_cells import looks_like_formula, unescape_cell
from marketplace.domain.vacancy_rules import limit_problems
from marketplace.domain.vacancy_status import import_status_allowed
from marketplace.domain.vocabulary import ApprovalState, PlacementType, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy
from marketplace.services.platform.locations import locate
from marketplace.services.platform.transaction import transaction
from marketplace.services.profiles.rows import (
    VACANCY_COLUMNS,
    flat_column_of,
    profile_from_flat_row,
    vacancy_fields_from_profile,
)
from marketplace.services.vacancies.duplicates import (
    Candidate,
    best_candidates,
    exact_key,
    normalised_name,
    similar_titles,
    similarity_matrix,
    similarity_words,
)
from marketplace.services.vacancies.files import ImportFileError
from marketplace.services.vacancies.organisations import new_organisation
from marketplace.services.vacancies.vacancies import apply_edit, defaults_for, new_vacancy_ref
from matching.profiles import validate

USE_EXISTING, CREATE_NEW = "existing", "new"
IN_FILE_DUPLICATE_SCORE = 95.0
SKIP, IMPORT_ANYWAY = "skip", "import"


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def line(self) -> str:
        """The command line's form: ``row 7, column schedule: ...``."""
        if self.column:
            return f"row {self.row}, column {self.column}: {self.message}"
        return f"row {self.row}: {self.message}"


@dataclass
class OrganisationChoice:
    """A name in the file that is close to, but not the same as, an existing organisation."""

    key: str  # the normalised name, used as the form field's key
    name: str
    rows: list[int]
    candidates: list[Candidate]


@dataclass
class VacancyChoice:
    row: int
    title: str
    organisation: str
    candidates: list[Candidate]


@dataclass
class Scope:
    """What the importing user (or the command line) may touch."""

    role: Role
    organisations: dict[int, Organisation]  # existing organisations it may post for
    centre: Organisation | None  # new organisations are managed by this centre
    may_create_organisations: bool


@dataclass
class CheckedRow:
    row: int
    profile: dict[str, Any]
    organisation_name: str
    organisation_id: int | None = None  # decided: an existing organisation
    new_organisation: bool = False
    update_id: int | None = None  # an existing vacancy with this id is updated
    skip: bool = False
    # Undecided likely duplicate: the best candidate, so that the preview can already ask
    # about vacancies that would be duplicates if the user picks it.
    candidate_organisation_id: int | None = None


@dataclass
class ImportReport:
    rows: list[CheckedRow]
    problems: list[RowProblem]
    organisation_choices: list[OrganisationChoice]
    vacancy_choices: list[VacancyChoice]
    notices: list[str] = field(default_factory=list)

    @property
    def new_organisations(self) -> list[str]:
        return sorted({r.organisation_name for r in self.rows if r.new_organisation})

    @property
    def updates(self) -> int:
        return sum(1 for r in self.rows if r.update_id is not None and not r.skip)

    @property
    def creates(self) -> int:
        return sum(1 for r in self.rows if r.update_id is None and not r.skip)


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    skipped: int
    organisations_created: int
    created_ids: tuple[int, ...] = ()  # the new vacancies, to publish them in one step


# ------------------------------------------------------------------------ checking

_DUTCH_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), dutch)
    for pattern, dutch in (
        (r"^is required$", "is verplicht"),
        (r"^must not be empty$", "mag niet leeg zijn"),
        (r"^expected an integer(?: or null)?, got .*$", "moet een heel getal zijn"),
        (r"^expected a number, got .*$", "moet een getal zijn"),
        (r"^expected true or false, got .*$", "vul ja of nee in"),
        (r"^expected .*, got .*$", "heeft niet de goede vorm"),
        (r"^(.*) is not a valid daypart .*$",
         r"\1 is geen dagdeel; gebruik bijvoorbeeld woensdagmiddag"),
        (r"^(.*) is not a valid CEFR level .*$", r"\1 is geen taalniveau; kies A0 tot en met C2"),
        (r"^(.*) is not a valid physical load .*$",
         r"\1 is geen belasting; kies licht, gemiddeld of zwaar"),
        (r"^(.*) is not a valid Dutch postcode .*$",
         r"\1 is geen Nederlandse postcode (1234 of 1234 AB)"),
        (r"^(.*) is not a two-letter ISO 639-1 language code$",
         r"\1 is geen taalcode van twee letters (zoals ar, en, ti)"),
        (r"^(.*) is not one of: (.*)$", r"\1 kan niet; kies uit: \2"),
        (r"^(.*) is below the minimum (.*)$", r"\1 is te klein; minstens \2"),
        (r"^(.*) is above the maximum (.*)$", r"\1 is te groot; hoogstens \2"),
        (r"^(.*) is not above (.*)$", r"\1 moet groter zijn dan \2"),
        (r"^contains the same value twice$", "bevat een waarde twee keer"),
        (r"^min (.*) is above max (.*)$", r"het minimum (\1) is hoger dan het maximum (\2)"),
        (r"^(.*) is more than the (.*) dayparts in schedule$",
         r"\1 is meer dan de \2 dagdelen in het rooster"),
        (r"^duplicate id, also used by .*$", "deze id staat twee keer in het bestand"),
    )
)


def dutch_message(message: str) -> str:
    """The validator's English message in Dutch, for the people who fix the file."""
    for pattern, dutch in _DUTCH_MESSAGES:
        if pattern.match(message):
            return pattern.sub(dutch, message)
    return message


def _with_defaults(row: Mapping[str, str]) -> dict[str, str]:
    """Empty cells get the type's sensible defaults (hours, duration, language flags)."""
    filled = dict(row)
    try:
        placement_type = PlacementType((row.get("type") or "").strip().lower())
    except ValueError:
        return filled
    for column, value in defaults_for(placement_type).items():
        if column == "capacity" or value is None or filled.get(column, "").strip():
            continue
        if column in VACANCY_COLUMNS:
            filled[column] = "ja" if value is True else "nee" if value is False else str(value)
    return filled


def _formula_problems(number: int, row: Mapping[str, str]) -> list[RowProblem]:
    return [
        RowProblem(number, column, "bevat een formule; formules zijn niet toegestaan")
        for column, value in row.items()
        if column in VACANCY_COLUMNS and looks_like_formula(value)
    ]


def _profile_problems(number: int, profile: dict[str, Any]) -> list[RowProblem]:
    found = [
        RowProblem(number, flat_column_of(p.field), dutch_message(p.message))
        for p in validate("vacancy", [profile], label=f"row {number}")
    ]
    known = {p.column for p in found}
    found += [RowProblem(number, flat_column_of(f), m) for f, m in limit_problems(profile)
              if flat_column_of(f) not in known]
    return found


class _Checker:
    """One pass over the rows with the database facts loaded once."""

    def __init__(self, scope: Scope, decisions: Mapping[str, str]) -> None:
        self.scope = scope
        self.decisions = decisions
        self.by_exact = {exact_key(o.name): o for o in scope.organisations.values()}
        self.problems: list[RowProblem] = []
        self.rows: list[CheckedRow] = []

    def run(self, parsed_rows: Sequence[tuple[int, Mapping[str, str]]]) -> ImportReport:
        seen_ids: dict[str, int] = {}
        for number, cells in parsed_rows:
            self._row(number, cells, seen_ids)
        choices = self._organisations()
        existing = self._existing_refs()
        for checked in self.rows:
            self._update_or_create(checked, existing)
        vacancy_choices = self._vacancy_duplicates()
        self._file_duplicates()
        self._statuses()
        self.problems.sort(key=lambda p: (p.row, VACANCY_COLUMNS.index(p.column)
                                          if p.column in VACANCY_COLUMNS else -1))
        return ImportReport(self.rows, self.problems, choices, vacancy_choices)

    def _row(self, number: int, cells: Mapping[str, str], seen_ids: dict[str, int]) -> None:
        problems = _formula_problems(number, cells)
        cells = {column: unescape_cell(value.strip()) for column, value in cells.items()}
        if cells.pop("__extra__", None):
            problems.append(RowProblem(number, "", "deze rij heeft meer cellen dan kolomnamen"))
        generated = cells.pop("__id__", "") or new_vacancy_ref()
        profile = profile_from_flat_row(_with_defaults(cells), generated)
        profile.pop("organisation", None)
        if not problems:
            problems = _profile_problems(number, profile)
        organisation_name = (cells.get("organisation") or "").strip()
        if not organisation_name:
            problems.append(RowProblem(number, "organisation", "is verplicht"))
        earlier = seen_ids.setdefault(profile["id"], number)
        if earlier != number:
            problems.append(RowProblem(number, "id", f"deze id staat ook in rij {earlier}"))
        self.problems += problems
        self.rows.append(CheckedRow(number, profile, organisation_name))

    def _organisations(self) -> list[OrganisationChoice]:
        unresolved: dict[str, list[CheckedRow]] = defaultdict(list)
        for checked in self.rows:
            found = self.by_exact.get(exact_key(checked.organisation_name))
            if found is not None:
                checked.organisation_id = found.id
            elif checked.organisation_name:
                unresolved[exact_key(checked.organisation_name)].append(checked)
        keys = list(unresolved)
        existing = [(o.id, o.name) for o in self.scope.organisations.values()]
        scores = similarity_matrix([unresolved[k][0].organisation_name for k in keys],
                                   [name for _, name in existing])
        choices = []
        for index, key in enumerate(keys):
            rows = unresolved[key]
            candidates = best_candidates(scores[index], existing)
            if candidates:
                choices.append(OrganisationChoice(key, rows[0].organisation_name,
                                                  [r.row for r in rows], candidates))
            self._decide_organisation(key, rows, candidates)
        return choices

    def _decide_organisation(self, key: str, rows: list[CheckedRow],
                             candidates: list[Candidate]) -> None:
        decision = self.decisions.get(f"org:{key}", "")
        chosen = next((c for c in candidates if decision == f"{USE_EXISTING}:{c.id}"), None)
        for checked in rows:
            if chosen is not None:
                checked.organisation_id = chosen.id
            elif candidates and decision != CREATE_NEW:
                checked.candidate_organisation_id = candidates[0].id
                continue  # undecided: a problem only when committing
            elif self.scope.may_create_organisations:
                checked.new_organisation = True
            else:
                self.problems.append(RowProblem(
                    checked.row, "organisation",
                    "onbekende organisatie; gebruik de naam zoals die in Koppelkans staat",
                ))

    def _existing_refs(self) -> dict[str, tuple[int, int, int]]:
        refs = [r.profile["id"] for r in self.rows]
        found: dict[str, tuple[int, int, int]] = {}
        for start in range(0, len(refs), 500):
            statement = select(
                Vacancy.ref, Vacancy.id, Vacancy.organisation_id, Vacancy.filled
            ).where(Vacancy.ref.in_(refs[start:start + 500]))
            found |= {row[0]: (row[1], row[2], row[3]) for row in db.session.execute(statement)}
        return found

    def _update_or_create(
        self, checked: CheckedRow, existing: dict[str, tuple[int, int, int]]
    ) -> None:
        match = existing.get(checked.profile["id"])
        if match is None:
            return
        vacancy_id, organisation_id, filled = match
        capacity = checked.profile.get("capacity")
        if organisation_id not in self.scope.organisations:
            self.problems.append(RowProblem(checked.row, "id", "deze id is al in gebruik"))
        elif checked.organisation_id not in (None, organisation_id) or checked.new_organisation:
            self.problems.append(RowProblem(
                checked.row, "organisation", "deze vacature hoort bij een andere organisatie"
            ))
        elif isinstance(capacity, int) and "filled" not in checked.profile and capacity < filled:
            self.problems.append(RowProblem(
                checked.row, "capacity",
                f"er zijn al {filled} plekken bezet; kies minstens {filled}",
            ))
        else:
            checked.update_id = vacancy_id

    def _vacancy_duplicates(self) -> list[VacancyChoice]:
        def target(checked: CheckedRow) -> int | None:
            return checked.organisation_id or checked.candidate_organisation_id

        fresh = [r for r in self.rows if r.update_id is None and target(r) is not None]
        titles: dict[int, list[tuple[int, str]]] = defaultdict(list)
        statement = select(Vacancy.id, Vacancy.organisation_id, Vacancy.title).where(
            Vacancy.organisation_id.in_({target(r) for r in fresh}),
            Vacancy.status != VacancyStatus.CLOSED,
        )
        for vacancy_id, organisation_id, title in db.session.execute(statement):
            titles[organisation_id].append((vacancy_id, normalised_name(title)))
        choices = []
        for checked in fresh:
            known = titles.get(target(checked) or 0)
            title = str(checked.profile.get("title") or "")
            if not known or not title:
                continue
            candidates = similar_titles(title, known)
            if candidates:
                choices.append(VacancyChoice(checked.row, title, checked.organisation_name,
                                             candidates))
                self._decide_vacancy(checked)
        return choices

    def _file_duplicates(self) -> None:
        """Two rows of one file for the same organisation with (nearly) the same title:
        the later row is a problem to fix (change its title or leave one out)."""
        earlier: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for checked in self.rows:
            title = str(checked.profile.get("title") or "")
            if not title or checked.skip:
                continue
            known = earlier[exact_key(checked.organisation_name)]
            # Stricter than against the database: a file often numbers its own places
            # ('Gastvrouw 1', 'Gastvrouw 2'), which are not duplicates of each other.
            found = similar_titles(title, known, cutoff=IN_FILE_DUPLICATE_SCORE) if known else []
            if found:
                best = found[0]
                self.problems.append(RowProblem(
                    checked.row, "title",
                    f"{similarity_words(best.score)} rij {best.id} van dit bestand "
                    f"(‘{best.name}’); pas de titel aan of laat een van de twee rijen weg"))
            known.append((checked.row, normalised_name(title)))

    def _decide_vacancy(self, checked: CheckedRow) -> None:
        decision = self.decisions.get(f"row:{checked.row}", "")
        checked.skip = decision != IMPORT_ANYWAY  # undecided rows are refused at commit

    def _statuses(self) -> None:
        for checked in self.rows:
            status = checked.profile.get("status") or VacancyStatus.DRAFT.value
            checked.profile["status"] = status
            if status not in set(VacancyStatus):
                continue  # the validator has named it
            if checked.organisation_id is None and not checked.new_organisation:
                continue  # no organisation yet: that is the problem to solve first
            organisation = self.scope.organisations.get(checked.organisation_id or 0)
            approved = checked.new_organisation or (
                organisation is not None and organisation.approval == ApprovalState.APPROVED
            )
            refusal = import_status_allowed(self.scope.role, VacancyStatus(status), approved)
            if refusal:
                self.problems.append(RowProblem(checked.row, "status", refusal))


def check_rows(
    rows: Sequence[tuple[int, Mapping[str, str]]], scope: Scope,
    decisions: Mapping[str, str] | None = None,
) -> ImportReport:
    """Every problem of every row, and the likely duplicates that need a decision."""
    return _Checker(scope, decisions or {}).run(rows)


def undecided(report: ImportReport, decisions: Mapping[str, str]) -> list[RowProblem]:
    """A problem for each likely duplicate that has no decision yet."""
    problems = []
    for org in report.organisation_choices:
        if not decisions.get(f"org:{org.key}"):
            problems += [RowProblem(row, "organisation",
                                    f"lijkt op de bestaande organisatie '{org.candidates[0].name}'"
                                    "; kies of het dezelfde is") for row in org.rows]
    for choice in report.vacancy_choices:
        if not decisions.get(f"row:{choice.row}"):
            problems.append(RowProblem(choice.row, "title",
                                       f"lijkt op de bestaande vacature "
                                       f"'{choice.candidates[0].name}'; kies overslaan of toch "
                                       "importeren"))
    return problems


# ------------------------------------------------------------------------ scope

def scope_for(user: User) -> Scope:
    """A centre imports for the organisations it manages and creates new ones it manages."""
    statement = select(Organisation)
    if user.role == Role.CENTRALE:
        statement = statement.where(Organisation.managed_by_id == user.organisation_id)
    elif user.role != Role.ADMIN:
        raise DomainError("U mag geen vacatures importeren.")
    organisations = {o.id: o for o in db.session.scalars(statement)}
    centre = user.organisation if user.role == Role.CENTRALE else None
    return Scope(user.role, organisations, centre, may_create_organisations=centre is not None)


def scope_for_command_line(centre_key: str | None) -> Scope:
    """Scripted feeds reach every organisation; new ones only with a centre to manage them."""
    organisations = {o.id: o for o in db.session.scalars(select(Organisation))}
    centre = None
    if centre_key:
        centre = db.session.scalars(
            select(Organisation).where(Organisation.key == centre_key)
        ).first()
        if centre is None or not centre.is_volunteer_centre:
            raise ImportFileError(
                f"Er is geen vrijwilligerscentrale met de sleutel {centre_key!r}."
            )
    return Scope(Role.ADMIN, organisations, centre, may_create_organisations=centre is not None)


# ------------------------------------------------------------------------ writing

def _vacancy_fields(profile: dict[str, Any]) -> dict[str, Any]:
    """Row fields of a checked profile; an existing vacancy gets all of them (replace)."""
    fields = vacancy_fields_from_profile(profile)
    fields["lat"], fields["lon"], fields["geo_precision"] = locate(profile.get("postcode"))
    fields.setdefault("postcode", None)
    if fields["status"] == VacancyStatus.PUBLISHED:
        fields["approved_at"] = datetime.now(UTC)
    return fields


def _defaults_for_new(fields: dict[str, Any]) -> dict[str, Any]:
    base = defaults_for(PlacementType(fields["type"]))
    return {name: value for name, value in base.items() if fields.get(name) is None} | {
        name: value for name, value in fields.items() if value is not None
    }


def _new_organisations(report: ImportReport, scope: Scope) -> dict[str, Organisation]:
    made: dict[str, Organisation] = {}
    centre = scope.centre
    for name in report.new_organisations:
        made[exact_key(name)] = new_organisation(
            {"name": name, "kind": "vrijwilligersorganisatie",
             "municipality": centre.municipality if centre else ""},
            ApprovalState.APPROVED, managed_by=centre,
        )
    db.session.flush()
    return made


def _write(report: ImportReport, scope: Scope) -> ImportSummary:
    made = _new_organisations(report, scope)
    skipped = 0
    created: list[Vacancy] = []
    for checked in report.rows:
        if checked.skip:
            skipped += 1
            continue
        fields = _vacancy_fields(checked.profile)
        if checked.update_id is not None:
            vacancy = db.session.get(Vacancy, checked.update_id)
            assert vacancy is not None
            apply_edit(vacancy, scope.role, fields)
            continue
        organisation_id = checked.organisation_id or made[exact_key(checked.organisation_name)].id
        vacancy = Vacancy(organisation_id=organisation_id, **_defaults_for_new(fields))
        db.session.add(vacancy)
        created.append(vacancy)
    db.session.flush()
    return ImportSummary(report.creates, report.updates, skipped, len(made),
                         tuple(vacancy.id for vacancy in created))


def commit_rows(
    rows: Sequence[tuple[int, Mapping[str, str]]],
    scope: Scope,
    decisions: Mapping[str, str],
    before_write: Callable[[], None] | None = None,
) -> ImportSummary:
    """Check again with the decisions, then write everything in one transaction or nothing.

    Raises :class:`ImportRefused` with every problem when anything is wrong.
    ``before_write`` runs first inside the writing transaction (an upload batch marks
    itself committed there) and may refuse with a DomainError.
    """
    report = check_rows(rows, scope, decisions)
    problems = report.problems + undecided(report, decisions)
    if problems:
        raise ImportRefused(problems)
    with transaction():
        if before_write is not None:
            before_write()
        summary = _write(report, scope)
    return summary


class ImportRefused(DomainError):
    """Rows with problems: nothing was written."""

    def __init__(self, problems: list[RowProblem]) -> None:
        count = len(problems)
        super().__init__(f"Er is niets geïmporteerd: {count} melding(en) in het bestand.")
        self.problems = problems


