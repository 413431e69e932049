"""Bulk import of vacancies (CSV, XLSX) through the service, the web and the command
line: Dutch problems per row and column, likely duplicates, all or nothing, round trip."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from marketplace.domain.spreadsheet_cells import looks_like_formula
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.models import ImportBatch, Organisation, Vacancy
from marketplace.services.vacancies import import_rows as importer
from marketplace.services.vacancies.duplicates import exact_key
from marketplace.services.vacancies.files import (
    ImportFileError,
    read_file,
    write_xlsx,
)
from tests.builders import make_organisation, make_user, make_vacancy

HEADER = ["organisation", "type", "title", "schedule", "capacity", "postcode", "hours_min",
          "hours_max", "language_min_speaking", "childcare_offered", "status"]


def row(**cells: str) -> dict[str, str]:
    base = {"organisation": "Repaircafe wijkcentrum OZO", "type": "vrijwilligerswerk",
            "title": "Reparateur fietsen", "schedule": "sat_morning", "capacity": "2",
            "postcode": "6602 WE", "hours_min": "3", "hours_max": "4",
            "language_min_speaking": "A2", "childcare_offered": "nee", "status": "published"}
    return base | cells


def csv_bytes(rows: list[dict[str, str]], delimiter: str = ";", encoding: str = "utf-8-sig",
              header: list[str] | None = None) -> bytes:
    buffer = io.StringIO()
    columns = header or HEADER
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    for cells in rows:
        writer.writerow([cells.get(column, "") for column in columns])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture()
def setting(db):
    centre = make_organisation(kind="vrijwilligerscentrale", name="Vrijwilligerspunt",
                               municipality="Wijchen")
    ozo = make_organisation(name="Repaircafe wijkcentrum OZO", managed_by=centre,
                            municipality="Wijchen")
    staff = make_user(Role.CENTRALE, organisation=centre)
    return centre, ozo, staff


def counts(db) -> tuple[int, int]:
    return (db.scalar(select(func.count()).select_from(Vacancy)),
            db.scalar(select(func.count()).select_from(Organisation)))


def check(data: bytes, staff, name: str = "vacatures.csv") -> importer.ImportReport:
    parsed = read_file(name, data)
    return importer.check_rows(parsed.rows, importer.scope_for(staff))


# --------------------------------------------------------------------- reading files

def test_semicolon_and_comma_files_with_and_without_bom_read_the_same(setting) -> None:
    rows = [row(), row(title="Gastvrouw")]
    parsed = [read_file("v.csv", csv_bytes(rows, d, e)).rows
              for d in (";", ",") for e in ("utf-8", "utf-8-sig")]
    assert all(p == parsed[0] for p in parsed)
    assert parsed[0][0] == (2, row())


def test_cp1252_is_read_with_a_notice(setting) -> None:
    parsed = read_file("v.csv", csv_bytes([row(title="Café-medewerker")], encoding="cp1252"))
    assert parsed.rows[0][1]["title"] == "Café-medewerker"
    assert "Windows-1252" in parsed.notices[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("v.csv", b"", "Het bestand is leeg."),
        ("v.csv", b"\n\n  \n", "Het bestand is leeg."),
        ("v.csv", "organisation;type\n".encode("utf-16"), "UTF-16"),
        ("v.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "geen tekstbestand"),
        ("v.csv", b"organisation;type;title\nA;taalstage;B\n", "Deze kolommen ontbreken: rooster"),
        ("v.csv", b"organisation;type;title;schedule;capacity;onzin\n", "Onbekende kolommen"),
            ("v.csv", b"organisation;type;title;schedule;capacity;titel\n", "twee keer"),
        ("v.csv", b"organisation;type;title;schedule;capacity\n", "geen rijen"),
        ("v.txt", b"organisation;type\n", "Kies een CSV-bestand"),
        ("v.xlsx", b"organisation;type;title;schedule;capacity\n", "geen geldig XLSX"),
        ("v.xlsx", b"PK\x03\x04broken zip", "kunnen we niet openen"),
    ],
)
def test_bad_files_are_refused_whole_with_a_dutch_message(name, data, message) -> None:
    with pytest.raises(ImportFileError, match=message):
        read_file(name, data)


def test_too_many_rows_are_refused(setting) -> None:
    data = csv_bytes([row(title=f"Plek {n}") for n in range(10_001)])
    with pytest.raises(ImportFileError, match="meer dan 10.000 rijen"):
        read_file("v.csv", data)


def test_undecodable_bytes_give_a_clear_message() -> None:
    data = b"organisation;type;title;schedule;capacity\n\x81\x8d\x8f;a;b;c;d\n"
    with pytest.raises(ImportFileError, match="CSV UTF-8"):
        read_file("v.csv", data)


@pytest.mark.parametrize("text", ["=1+1", "=HYPERLINK(\"http://x\")", "+SUM(A1:A2)",
                                  "-1+2", "@SUM(A1)", "-A1", "=cmd|' /C calc'!A0"])
def test_formulas_are_recognised(text: str) -> None:
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", ["- koken en tuin", "+31 24 123 4567", "-", "koken", "@"])
def test_plain_text_is_not_a_formula(text: str) -> None:
    assert not looks_like_formula(text)


# --------------------------------------------------------------------- checking rows

def test_every_problem_is_named_by_row_and_column_in_dutch(setting) -> None:
    _, _, staff = setting
    rows = [row(), row(schedule="maandag", capacity="veel", language_min_speaking="X9",
                       postcode="12345", type="stage", childcare_offered="misschien"),
            row(hours_min="10", hours_max="4"), row(title="", schedule="")]
    report = check(csv_bytes(rows), staff)
    lines = [p.line() for p in report.problems]
    assert "row 3, column type: 'stage' kan niet; kies uit: vrijwilligerswerk, taalstage, " \
           "werkervaringsplaats" in lines
    assert "row 3, column capacity: moet een heel getal zijn" in lines
    assert "row 3, column schedule: 'maandag' is geen dagdeel; gebruik bijvoorbeeld " \
           "woensdagmiddag" in lines
    assert "row 3, column language_min_speaking: 'X9' is geen taalniveau; kies A0 tot en met " \
           "C2" in lines
    assert "row 3, column postcode: '12345' is geen Nederlandse postcode (1234 of 1234 AB)" in lines
    assert "row 3, column childcare_offered: vul ja of nee in" in lines
    assert "row 4, column hours_max: het minimum (10.0) is hoger dan het maximum (4.0)" in lines
    assert "row 5, column title: mag niet leeg zijn" in lines
    assert "row 5, column schedule: kies minstens één dagdeel" in lines
    assert not [line for line in lines if line.startswith("row 2")]


def test_form_limits_apply_to_imports_too(setting) -> None:
    _, _, staff = setting
    report = check(csv_bytes([row(capacity="501"), row(title="x" * 201)]), staff)
    assert [p.line() for p in report.problems] == [
        "row 2, column capacity: kies een getal van 1 tot en met 500",
        "row 3, column title: gebruik hoogstens 200 tekens",
    ]


def test_formula_cells_are_rejected_in_csv_and_xlsx(setting, db) -> None:
    _, _, staff = setting
    report = check(csv_bytes([row(title="=HYPERLINK(\"http://evil\")")]), staff)
    assert [p.line() for p in report.problems] == [
        "row 2, column title: bevat een formule; formules zijn niet toegestaan"]
    data = xlsx_bytes([HEADER, list(row().values()), [*list(row().values())[:2], "=1+2",
                                                      *list(row().values())[3:]]])
    report = check(data, staff, "v.xlsx")
    assert [p.line() for p in report.problems] == [
        "row 3, column title: bevat een formule; formules zijn niet toegestaan"]


def test_apostrophe_escaped_formula_text_is_still_refused_by_the_record(setting) -> None:
    """The apostrophe makes the cell text for a spreadsheet, but the vacancy record holds
    no formula-like text at all (as the form and the API), so the text is refused."""
    _, _, staff = setting
    report = check(csv_bytes([row(title="'=alleen tekst")]), staff)
    assert [p.line() for p in report.problems] == [
        "row 2, column title: dit lijkt op een formule voor een spreadsheet; begin de tekst "
        "anders"]


def test_type_defaults_fill_empty_cells(setting) -> None:
    _, _, staff = setting
    report = check(csv_bytes([row(type="werkervaringsplaats", hours_min="", hours_max="")]),
                   staff, )
    profile = report.rows[0].profile
    assert profile["hours_per_week"] == {"min": 16.0, "max": 24.0}
    assert profile["duration_weeks"] == 15 and profile["proefperiode_weeks"] == 4


def test_publishing_needs_an_approved_organisation(setting) -> None:
    centre, _, staff = setting
    make_organisation(name="Nog In Controle", managed_by=centre, approval=ApprovalState.REVIEW)
    report = check(csv_bytes([row(organisation="Nog In Controle")]), staff)
    assert [p.column for p in report.problems] == ["status"]


# --------------------------------------------------------------------- duplicates

def test_close_organisation_name_is_a_likely_duplicate_to_decide(setting, db) -> None:
    _, ozo, staff = setting
    rows = [row(organisation="Repair Café OZO"), row(organisation="Buurttuin Noord")]
    parsed = read_file("v.csv", csv_bytes(rows))
    scope = importer.scope_for(staff)
    report = importer.check_rows(parsed.rows, scope)
    [choice] = report.organisation_choices
    assert choice.name == "Repair Café OZO" and choice.candidates[0].id == ozo.id
    assert report.new_organisations == ["Buurttuin Noord"]
    with pytest.raises(importer.ImportRefused) as refused:
        importer.commit_rows(parsed.rows, scope, {})
    assert "lijkt op de bestaande organisatie 'Repaircafe wijkcentrum OZO'" in \
        refused.value.problems[0].message
    assert counts(db) == (0, 2)
    summary = importer.commit_rows(parsed.rows, scope, {f"org:{choice.key}": f"existing:{ozo.id}"})
    assert (summary.created, summary.organisations_created) == (2, 1)
    assert db.scalar(select(func.count()).where(Vacancy.organisation_id == ozo.id)) == 1


def test_similar_vacancy_title_needs_a_decision(setting, db) -> None:
    _, ozo, staff = setting
    make_vacancy(ozo, title="Reparateur fietsen en apparaten")
    parsed = read_file("v.csv", csv_bytes([row(title="Reparateur fietsen en kleine apparaten")]))
    scope = importer.scope_for(staff)
    [choice] = importer.check_rows(parsed.rows, scope).vacancy_choices
    assert choice.row == 2
    summary = importer.commit_rows(parsed.rows, scope, {"row:2": "skip"})
    assert (summary.created, summary.skipped) == (0, 1)
    summary = importer.commit_rows(parsed.rows, scope, {"row:2": "import"})
    assert summary.created == 1


# --------------------------------------------------------------------- all or nothing

def test_one_bad_row_writes_nothing(setting, db) -> None:
    _, _, staff = setting
    parsed = read_file("v.csv", csv_bytes([row(), row(title="Tweede"), row(capacity="0")]))
    with pytest.raises(importer.ImportRefused):
        importer.commit_rows(parsed.rows, importer.scope_for(staff), {})
    assert counts(db) == (0, 2)


def test_a_failure_while_writing_rolls_everything_back(setting, db, monkeypatch) -> None:
    _, _, staff = setting
    parsed = read_file("v.csv", csv_bytes([row(), row(title="Tweede", organisation="Nieuw")]))
    calls = []

    def failing_locate(postcode):
        calls.append(postcode)
        if len(calls) == 2:
            raise RuntimeError("geocoder down")
        return (51.8, 5.7, "postcode")

    monkeypatch.setattr(importer, "locate", failing_locate)
    with pytest.raises(RuntimeError):
        importer.commit_rows(parsed.rows, importer.scope_for(staff), {})
    assert counts(db) == (0, 2)


def test_existing_id_updates_in_scope_and_is_refused_outside(setting, db) -> None:
    _, ozo, staff = setting
    mine = make_vacancy(ozo, ref="v-mine", title="Oud")
    foreign = make_vacancy(make_organisation(), ref="v-foreign")
    header = ["id", *HEADER]
    data = csv_bytes([row(id="v-mine", title="Nieuw"), row(id="v-foreign")], header=header)
    parsed = read_file("v.csv", data)
    report = importer.check_rows(parsed.rows, importer.scope_for(staff))
    assert [p.line() for p in report.problems] == ["row 3, column id: deze id is al in gebruik"]
    parsed.rows.pop()
    summary = importer.commit_rows(parsed.rows, importer.scope_for(staff), {})
    assert summary.updated == 1
    db.refresh(mine)
    assert mine.title == "Nieuw" and foreign.title != "Nieuw"


# --------------------------------------------------------------------- round trip

@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_gives_the_same_vacancies(setting, db, runner, tmp_path,
                                                     file_format) -> None:
    _, ozo, _ = setting
    make_vacancy(ozo, ref="v-a", title="- koken + tuin", tags=["koken", "tuin"],
                 lang_min_reading="B1", childcare_offered=True, hours_min=2.5, hours_max=6,
                 other_languages=["ar", "en"], dayparts_needed=1, duration_weeks=15,
                 proefperiode_weeks=4, contact_email="a@b.nl", status=VacancyStatus.PUBLISHED,
                 women_only=True, postcode="6602 WE")
    make_vacancy(ozo, ref="v-b", title="Tweede", status=VacancyStatus.DRAFT, remote=True,
                 postcode=None, filled=1)
    from marketplace.services.profiles.rows import vacancy_profile

    def profiles() -> dict[str, dict]:
        # Coordinates are not in the file: they follow from the postcode on import.
        return {v.ref: vacancy_profile(v) | {"location": None} for v in db.scalars(select(Vacancy))}

    before = profiles()
    path = tmp_path / f"vacatures.{file_format}"
    assert runner.invoke(args=["vacancies", "export", str(path)]).exit_code == 0
    db.execute(Vacancy.__table__.delete())
    db.commit()
    result = runner.invoke(args=["vacancies", "import", str(path)])
    assert result.exit_code == 0, result.output
    after = profiles()
    assert set(after) == set(before)
    for ref in before:
        assert after[ref] == before[ref], ref


# --------------------------------------------------------------------- command line

def test_cli_dry_run_and_import(setting, db, runner, tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(csv_bytes([row(), row(title="Gastvrouw")]))
    dry = runner.invoke(args=["vacancies", "import", str(path), "--dry-run"])
    assert dry.exit_code == 0 and "2 rijen zonder fouten" in dry.output
    assert counts(db)[0] == 0
    done = runner.invoke(args=["vacancies", "import", str(path)])
    assert done.exit_code == 0 and "Geïmporteerd: 2 nieuw" in done.output
    assert counts(db)[0] == 2


def test_cli_problems_exit_2_one_line_each_and_nothing_written(setting, db, runner,
                                                                tmp_path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(csv_bytes([row(), row(title="Koken", schedule="ochtend"),
                                row(title="Tuin", organisation="Onbekend")]))
    result = runner.invoke(args=["vacancies", "import", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "row 3, column schedule: 'ochtend' is geen dagdeel; gebruik bijvoorbeeld woensdagmiddag",
        "row 4, column organisation: onbekende organisatie; gebruik de naam zoals die in "
        "Koppelkans staat",
    ]
    assert counts(db) == (0, 2)


def test_cli_creates_organisations_for_a_centre(setting, db, runner, tmp_path) -> None:
    centre, _, _ = setting
    path = tmp_path / "feed.csv"
    path.write_bytes(csv_bytes([row(organisation="Buurttuin Noord")]))
    result = runner.invoke(args=["vacancies", "import", str(path), "--centrale", centre.key])
    assert result.exit_code == 0, result.stderr
    made = db.scalars(select(Organisation).where(Organisation.name == "Buurttuin Noord")).one()
    assert made.managed_by_id == centre.id


def test_cli_bad_file(setting, db, runner, tmp_path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes("organisation;type\n".encode("utf-16"))
    result = runner.invoke(args=["vacancies", "import", str(path)])
    assert result.exit_code == 2 and "UTF-16" in result.stderr
    missing = runner.invoke(args=["vacancies", "import", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2


# --------------------------------------------------------------------- web

def _upload(client, data: bytes, name: str = "vacatures.csv"):
    return client.post("/vacatures/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_web_upload_preview_decide_commit(setting, client, login, db) -> None:
    _, ozo, staff = setting
    login(staff)
    response = _upload(client, csv_bytes([row(organisation="Repair Café OZO"), row(title="Kok")]))
    assert response.status_code == 302
    preview_url = response.headers["Location"]
    page = client.get(preview_url).get_data(as_text=True)
    assert "Repair Café OZO" in page and "Repaircafe wijkcentrum OZO" in page
    assert counts(db)[0] == 0
    refused = client.post(preview_url, data={})
    assert refused.status_code == 422 and counts(db)[0] == 0
    key = "org:" + exact_key("Repair Café OZO")
    done = client.post(preview_url, data={key: f"existing:{ozo.id}"})
    assert done.status_code == 302
    assert counts(db) == (2, 2)
    assert client.post(preview_url, data={key: f"existing:{ozo.id}"}).status_code == 404
    assert counts(db)[0] == 2


def test_web_preview_lists_problems_and_offers_no_commit(setting, client, login, db) -> None:
    _, _, staff = setting
    login(staff)
    response = _upload(client, csv_bytes([row(capacity="nul")]))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "moet een heel getal zijn" in page and "Alles importeren" not in page
    batch = db.scalars(select(ImportBatch)).one()
    # The rows are kept for the preview (to fix them there), never committed as they are.
    assert len(batch.payload["rows"]) == batch.row_count
    assert client.post(response.headers["Location"], data={}).status_code == 422


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        ("organisation;type\n".encode("utf-16"), "v.csv", "UTF-16"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "setup.csv", "geen tekstbestand"),
        (b"", "leeg.csv", "Het bestand is leeg."),
        (b"a;b;c\n1;2;3\n", "v.csv", "Deze kolommen ontbreken"),
    ],
)
def test_web_bad_files_change_nothing(setting, client, login, db, data, name, message) -> None:
    _, _, staff = setting
    login(staff)
    response = _upload(client, data, name)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert counts(db) == (0, 2)
    assert db.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_ten_thousand_garbage_rows_change_nothing(setting, client, login, db) -> None:
    _, _, staff = setting
    login(staff)
    # Short cells keep the body under 500 kB: above that Werkzeug's test client spools
    # it to a temporary file that it never closes (a ResourceWarning in a later test).
    garbage = [{column: "x" for column in HEADER} for _ in range(10_000)]
    response = _upload(client, csv_bytes(garbage))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "nog niets geïmporteerd" in page and "En nog" in page
    assert counts(db) == (0, 2)


def test_batches_belong_to_their_owner(setting, client, login, db) -> None:
    centre, _, staff = setting
    login(staff)
    preview = _upload(client, csv_bytes([row()])).headers["Location"]
    client.post("/logout")
    login(make_user(Role.CENTRALE, organisation=centre))
    assert client.get(preview).status_code == 404
    assert client.post(preview, data={}).status_code == 404
    assert counts(db)[0] == 0


def test_commit_needs_the_csrf_token(setting, make_app, db) -> None:
    _, _, staff = setting
    client = make_app(WTF_CSRF_ENABLED=True).test_client()

    def token(path: str) -> str:
        found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(path).get_data(
            as_text=True))
        assert found
        return found.group(1)

    client.post("/login", data={"email": staff.email, "password": "test-wachtwoord-123",
                                "csrf_token": token("/login")})
    upload = {"file": (io.BytesIO(csv_bytes([row()])), "v.csv"),
              "csrf_token": token("/vacatures/import")}
    response = client.post("/vacatures/import", data=upload, content_type="multipart/form-data")
    preview = response.headers["Location"]
    assert client.post(preview, data={}).status_code == 400
    assert counts(db)[0] == 0
    assert client.post(preview, data={"csrf_token": token(preview)}).status_code == 302
    assert counts(db)[0] == 1


def test_only_centre_and_admin_import(client, login) -> None:
    for role in (Role.COACH, Role.ORGANISATION, Role.POLICY):
        login(make_user(role, organisation=make_organisation()))
        assert client.get("/vacatures/import").status_code == 403
        client.post("/logout")


def test_templates_download_and_read_back(setting, client, login) -> None:
    _, _, staff = setting
    login(staff)
    for file_format in ("csv", "xlsx"):
        response = client.get(f"/vacatures/import/sjabloon.{file_format}")
        assert response.status_code == 200
        parsed = read_file(f"t.{file_format}", response.data)
        assert parsed.rows[0][1]["type"] == "taalstage"
    book = openpyxl.load_workbook(io.BytesIO(client.get("/vacatures/import/sjabloon.xlsx").data))
    assert book.sheetnames == ["Vacatures", "Uitleg"]


def test_xlsx_export_never_holds_a_formula(setting, db) -> None:
    data = write_xlsx([{"title": "=1+1", "organisation": "A"}])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    cell = sheet.cell(row=2, column=4)
    assert cell.data_type == "s" and cell.value == "'=1+1"
