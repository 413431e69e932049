"""Import and export in the users' words (issue 20): Dutch columns and values with the
English keys still read, every row in the preview with its problems, fixing a cell in
the browser, the file back with a problem column, duplicates inside one file, publish
all imported drafts in one confirmed step, and the export of the filtered board."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from marketplace.domain.vacancy_words import DUTCH_COLUMNS, dutch_row, keyed_row
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.models import ImportBatch, Vacancy
from marketplace.services.profiles.rows import VACANCY_COLUMNS
from marketplace.services.vacancies.export import template_file
from marketplace.services.vacancies.files import read_file
from tests.builders import make_organisation, make_user, make_vacancy

DUTCH_HEADER = ["organisatie", "soort", "titel", "rooster", "plekken", "belasting",
                "taalrijk", "status"]


def dutch_csv(rows: list[list[str]], header: list[str] = DUTCH_HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def cells_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture()
def setting(db):
    centre = make_organisation(kind="vrijwilligerscentrale", name="Vrijwilligerspunt")
    ozo = make_organisation(name="Repaircafe OZO", managed_by=centre)
    staff = make_user(Role.CENTRALE, organisation=centre)
    return centre, ozo, staff


def _upload(client, data: bytes) -> str:
    response = client.post("/vacatures/import", data={"file": (io.BytesIO(data), "v.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def test_every_column_has_one_dutch_name() -> None:
    assert set(DUTCH_COLUMNS) == set(VACANCY_COLUMNS)
    assert len(set(DUTCH_COLUMNS.values())) == len(DUTCH_COLUMNS)


def test_the_template_speaks_dutch_and_reads_back_as_keys() -> None:
    header, example = cells_of(template_file("csv").content)[:2]
    assert header[:4] == ["id", "organisatie", "soort", "titel"]
    assert "rooster" in header and "schedule" not in header
    cells = dict(zip(header, example, strict=True))
    assert cells["rooster"] == "dinsdagmiddag donderdagmiddag"
    assert cells["belasting"] == "licht" and cells["status"] == "concept"
    assert cells["taalrijk"] == "ja"
    [(_, row)] = read_file("v.csv", template_file("csv").content).rows
    assert row["schedule"] == "tue_afternoon thu_afternoon"
    assert row["physical_load"] == "light" and row["status"] == "draft"


def test_dutch_and_english_rows_map_both_ways() -> None:
    keyed = {"schedule": "mon_morning wed_afternoon", "physical_load": "heavy",
             "status": "published", "title": "Koken"}
    dutch = dutch_row(keyed)
    assert dutch == {"rooster": "maandagochtend woensdagmiddag", "belasting": "zwaar",
                     "status": "gepubliceerd", "titel": "Koken"}
    assert keyed_row(keyed) == keyed  # the spec's own keys keep working


def test_a_dutch_file_imports(setting, client, login, db) -> None:
    _, ozo, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Fietsen maken", "Maandagochtend woensdagmiddag",
         "2", "licht", "ja", "concept"]]))
    page = client.get(preview).get_data(as_text=True)
    assert "Er zijn geen fouten gevonden." in page
    assert client.post(preview, data={}).status_code == 302
    vacancy = db.scalars(select(Vacancy).where(Vacancy.title == "Fietsen maken")).one()
    assert vacancy.schedule == ["mon_morning", "wed_afternoon"]
    assert vacancy.status == VacancyStatus.DRAFT and vacancy.language_rich is True


def test_a_wrong_daypart_is_named_in_dutch(setting, client, login) -> None:
    *_, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Koken", "maandag", "2", "licht", "ja", ""]]))
    page = client.get(preview).get_data(as_text=True)
    assert "gebruik bijvoorbeeld woensdagmiddag" in page
    assert "Rooster in rij 2" in page or "rooster in rij 2" in page


def test_duplicates_inside_one_file_are_found(setting, client, login) -> None:
    *_, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Fietsen maken", "maandagochtend", "1", "", "",
         ""],
        ["Repaircafe OZO", "vrijwilligerswerk", "Gastvrouw 1", "maandagochtend", "1", "", "", ""],
        ["Repaircafe OZO", "vrijwilligerswerk", "Gastvrouw 2", "maandagochtend", "1", "", "", ""],
        ["repaircafe ozo", "vrijwilligerswerk", "Fietsen  Maken!", "dinsdagochtend", "1", "", "",
         ""]]))
    page = client.get(preview).get_data(as_text=True)
    assert "lijkt heel sterk op rij 2 van dit bestand" in page
    assert page.count("van dit bestand") == 1  # numbered places are not duplicates


def test_the_preview_lists_every_row_and_a_cell_is_fixed_in_the_browser(
        setting, client, login, db) -> None:
    *_, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Koken", "maandagochtend", "twee", "", "", ""],
        ["Repaircafe OZO", "vrijwilligerswerk", "Tuin", "dinsdagochtend", "1", "", "", ""]]))
    page = client.get(preview).get_data(as_text=True)
    assert "Koken" in page and "Tuin" in page and "moet een heel getal zijn" in page
    token = preview.rsplit("/", 1)[1]
    fixed = client.post(f"/vacatures/import/{token}/herstellen", data={"cel:2:capacity": "2"})
    assert fixed.status_code == 302
    page = client.get(preview).get_data(as_text=True)
    assert "Er zijn geen fouten gevonden." in page
    assert client.post(preview, data={}).status_code == 302
    assert db.scalars(select(Vacancy.capacity).where(Vacancy.title == "Koken")).one() == 2


def test_a_row_can_be_left_out(setting, client, login, db) -> None:
    *_, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Koken", "maandagochtend", "twee", "", "", ""],
        ["Repaircafe OZO", "vrijwilligerswerk", "Tuin", "dinsdagochtend", "1", "", "", ""]]))
    token = preview.rsplit("/", 1)[1]
    client.post(f"/vacatures/import/{token}/herstellen", data={"weglaten": "2"})
    client.post(preview, data={})
    assert db.scalars(select(Vacancy.title)).all() == ["Tuin"]


def test_a_bad_fix_writes_nothing(setting, client, login, db) -> None:
    *_, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Koken", "maandagochtend", "twee", "", "", ""]]))
    token = preview.rsplit("/", 1)[1]
    before = db.scalars(select(ImportBatch)).one().payload
    client.post(f"/vacatures/import/{token}/herstellen",
                data={"cel:2:capacity": "3", "cel:2:onzin": "x"})
    db.expire_all()
    assert db.scalars(select(ImportBatch)).one().payload == before


def test_the_file_comes_back_with_a_problem_column(setting, client, login) -> None:
    *_, staff = setting
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Koken", "maandagochtend", "twee", "", "", ""],
        ["Repaircafe OZO", "vrijwilligerswerk", "Tuin", "dinsdagochtend", "1", "", "", ""]]))
    response = client.get(preview + "/meldingen.csv")
    header, *rows = cells_of(response.data)
    assert header[-1] == "meldingen" and "plekken" in header
    by_title = {cells[header.index("titel")]: cells[-1] for cells in rows}
    assert "moet een heel getal zijn" in by_title["Koken"] and by_title["Tuin"] == ""
    assert rows[0][header.index("rooster")] == "maandagochtend"


def test_all_imported_drafts_are_published_in_one_confirmed_step(setting, client, login,
                                                                   db) -> None:
    centre, _, staff = setting
    waiting = make_organisation(name="Nog niet goedgekeurd", managed_by=centre,
                                approval=ApprovalState.REVIEW)
    login(staff)
    preview = _upload(client, dutch_csv([
        ["Repaircafe OZO", "vrijwilligerswerk", "Koken", "maandagochtend", "1", "", "", ""],
        ["Repaircafe OZO", "vrijwilligerswerk", "Tuin", "dinsdagochtend", "1", "", "", ""],
        [waiting.name, "vrijwilligerswerk", "Lezen", "dinsdagochtend", "1", "", "", ""]]))
    assert client.post(preview, data={}).headers["Location"].endswith(preview)
    page = client.get(preview).get_data(as_text=True)
    assert "3 geïmporteerde concepten publiceren" in page
    publish = preview + "/publiceren"
    client.post(publish, data={})  # not confirmed: nothing happens
    assert set(db.scalars(select(Vacancy.status))) == {VacancyStatus.DRAFT}
    response = client.post(publish, data={"confirm": "y"}, follow_redirects=True)
    statuses = dict(db.execute(select(Vacancy.title, Vacancy.status)).all())
    assert statuses == {"Koken": VacancyStatus.PUBLISHED, "Tuin": VacancyStatus.PUBLISHED,
                        "Lezen": VacancyStatus.DRAFT}  # the rules keep this one back
    assert "Keur eerst de organisatie goed" in response.get_data(as_text=True)


def test_the_export_writes_the_board_with_its_filters(setting, client, login) -> None:
    _, ozo, staff = setting
    other = make_organisation(name="Ander centrum")  # not the centre's: never exported
    make_vacancy(ozo, title="Koken in de keuken", status=VacancyStatus.PUBLISHED)
    make_vacancy(ozo, title="Tuinieren", status=VacancyStatus.PUBLISHED)
    make_vacancy(ozo, title="Koken concept", status=VacancyStatus.DRAFT)
    make_vacancy(other, title="Koken elders", status=VacancyStatus.PUBLISHED)
    login(staff)
    board = client.get("/vacatures/?q=koken&status=published").get_data(as_text=True)
    assert "Koken in de keuken" in board
    response = client.get("/vacatures/export.csv?q=koken&status=published")
    header, *rows = cells_of(response.data)
    assert header[1] == "organisatie"
    assert [cells[header.index("titel")] for cells in rows] == ["Koken in de keuken"]
    everything = cells_of(client.get("/vacatures/export.csv").data)[1:]
    assert len(everything) == 3
