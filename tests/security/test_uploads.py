"""Hostile vacancy uploads: every file is generated here, none is checked in.

Findings of the outside attack this guards against: a 2 MB CSV header of a million
columns (quadratic duplicate check), a 2 KB XLSX with one row at r=2,000,000,000
(two billion empty rows walked), an XLSX zip bomb (1 GiB sharedStrings.xml), XXE and
billion-laughs XML, and the import taking SQLite's write lock before it parsed, so
that every other write in the app failed meanwhile. Each is refused with a Dutch
message naming what was wrong, quickly, with bounded memory, and nothing is written.
"""

from __future__ import annotations

import gc
import io
import re
import resource
import struct
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Callable

import openpyxl
import pytest
from sqlalchemy import func, select

from marketplace.domain.vocabulary import Role
from marketplace.extensions import db as _db
from marketplace.models import ImportBatch, Organisation, User, Vacancy
from marketplace.services.platform.access import load_import_batch
from marketplace.services.vacancies import files, import_batches
from marketplace.services.vacancies.files import ImportFileError, read_file
from tests.builders import make_organisation, make_user, make_vacancy

HEADER = ["organisation", "type", "title", "schedule", "capacity"]
ROW = ["Buurthuis", "vrijwilligerswerk", "Gastvrouw", "mon_morning", "1"]
SANITY_SECONDS = 2.0  # generous: the real guard is that the work is bounded
MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"


# --------------------------------------------------------------------- generated files

def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for values in rows:
        book.active.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, changes: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """The same XLSX with some members changed (or added, for names not in it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            change = changes.get(info.filename)
            target.writestr(info.filename, change(content) if change else content)
    return out.getvalue()


def _sparse_xlsx() -> bytes:
    row = (b'<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c>'
           b'</row></sheetData>')
    # Without a <dimension> openpyxl cannot know where the sheet ends: it walks the gap.
    return _rewrite(_workbook([HEADER, ROW]), {SHEET: lambda xml: re.sub(
        rb"<dimension [^>]*>", b"", xml.replace(b"</sheetData>", row))})


def _with_doctype(xml: bytes, doctype: bytes, cell_text: bytes) -> bytes:
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return (b'<?xml version="1.0" encoding="UTF-8"?>' + doctype
            + body.replace(b"<v>1</v>", cell_text, 1))


XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (b'<!DOCTYPE x [<!ENTITY a "hahahahahahahahahaha">'
          + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
                     for i in range(9)) + b"]>")


def _xxe_xlsx() -> bytes:
    return _rewrite(_workbook([HEADER, [*ROW[:4], 1]]), {SHEET: lambda xml: _with_doctype(
        xml, XXE, b'</c><c r="F2" t="inlineStr"><is><t>&xxe;</t></is>')})


def _laughs_xlsx() -> bytes:
    return _rewrite(_workbook([HEADER, [*ROW[:4], 1]]), {SHEET: lambda xml: _with_doctype(
        xml, LAUGHS, b'</c><c r="F2" t="inlineStr"><is><t>&j;</t></is>')})


def _bomb(size: int) -> bytes:
    """A valid workbook whose sharedStrings.xml unpacks to `size` bytes (about 1 MB packed)."""
    base = _workbook([HEADER, ROW])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info.filename, source.read(info))
        with target.open("xl/sharedStrings.xml", "w") as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                         b'2006/main"><si><t>')
            chunk = b"a" * MB
            for _ in range(size // MB):
                member.write(chunk)
            member.write(b"</t></si></sst>")
    return out.getvalue()


def _lie_about_size(data: bytes, member: str, declared: int) -> bytes:
    """The zip's central directory claims `declared` bytes for the member."""
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + name_length] == name:
            return data[:at + 24] + struct.pack("<I", declared) + data[at + 28:]
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(member)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb(1024 * MB)


# --------------------------------------------------------------------- helpers

@pytest.fixture()
def staff(db):
    centre = make_organisation(kind="vrijwilligerscentrale", name="Punt", municipality="Wijchen")
    make_organisation(name="Buurthuis", managed_by=centre, municipality="Wijchen")
    return make_user(Role.CENTRALE, organisation=centre)


def _refused(name: str, data: bytes) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as refused:
        read_file(name, data)
    return refused.value.message, time.perf_counter() - started


def _nothing_written(db) -> None:
    db.rollback()
    assert db.scalar(select(func.count()).select_from(ImportBatch)) == 0
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 0


# --------------------------------------------------------------------- bounded work

def test_a_million_column_header_is_refused_in_linear_time() -> None:
    data = ("organisation;" + ";".join(["x"] * 1_000_000) + "\n").encode()
    assert len(data) > 2 * 1_000_000
    message, seconds = _refused("v.csv", data)
    assert "De eerste rij heeft 1.000.001 kolommen; hoogstens 60" in message
    assert seconds < SANITY_SECONDS


def test_the_duplicate_header_check_is_linear() -> None:
    # Within the column cap; the old check counted every name against every other.
    header = [*HEADER, *HEADER[1:3]]
    message, _ = _refused("v.csv", (";".join(header) + "\n" + ";".join(ROW) + "\n").encode())
    assert message == "Deze kolommen staan er twee keer in: titel, soort."


def test_a_sparse_xlsx_row_at_two_billion_is_refused_before_walking_the_gap(monkeypatch) -> None:
    walked: list[int] = []
    real = files._cell_text

    def counting(value: object) -> str:
        walked.append(1)
        return real(value)

    monkeypatch.setattr(files, "_cell_text", counting)  # a counter, the reading is real
    data = _sparse_xlsx()
    assert len(data) < 10_000
    message, seconds = _refused("v.xlsx", data)
    assert "tot rij 2.000.000.000" in message and "lege rijen tellen mee" in message
    assert walked == [] and seconds < SANITY_SECONDS


def test_empty_rows_count_against_the_row_limit() -> None:
    data = ((";".join(HEADER) + "\n") + "\n" * (files.MAX_LINES + 5)).encode()
    message, seconds = _refused("v.csv", data)
    assert "langer dan 11.000 regels (lege regels tellen mee)" in message
    assert seconds < SANITY_SECONDS


def test_empty_xlsx_rows_count_too() -> None:
    rows: list[list[object]] = [HEADER] + [[None]] * 10 + [ROW]
    book = openpyxl.Workbook()
    for values in rows:
        book.active.append(values)
    book.active.cell(row=files.MAX_LINES + 1, column=1, value="Buurthuis")
    buffer = io.BytesIO()
    book.save(buffer)
    message, _ = _refused("v.xlsx", buffer.getvalue())
    assert "lege rijen tellen mee" in message


def test_oversized_cells_are_refused() -> None:
    data = (";".join(HEADER) + "\n" + ";".join([*ROW[:2], "x" * 40_000, *ROW[3:]])
            + "\n").encode()
    message, _ = _refused("v.csv", data)
    assert message == "Rij 2, kolom title: de cel is langer dan 32.767 tekens."
    long_xlsx = _rewrite(_workbook([HEADER, ROW]), {SHEET: lambda xml: xml.replace(
        b"<t>Gastvrouw</t>", b"<t>" + b"x" * 33_000 + b"</t>")})  # openpyxl cuts at 32,767
    message, _ = _refused("v.xlsx", long_xlsx)
    assert "langer dan 32.767 tekens" in message


def test_too_many_cells_in_one_xlsx_row_are_refused() -> None:
    cells = "".join(f'<c r="{openpyxl.utils.get_column_letter(i)}1"><v>1</v></c>'
                    for i in range(1, 2_001))
    data = _rewrite(_workbook([HEADER, ROW]), {SHEET: lambda xml: xml.replace(
        b'<row r="1"', b'<row r="0">' + cells.encode() + b'</row><row r="1"', 1)})
    message, _ = _refused("v.xlsx", data)
    assert "heeft meer dan 1.000 cellen" in message


# --------------------------------------------------------------------- zip bombs

def _peak_memory_while(action: Callable[[], object]) -> tuple[int, int]:
    """(tracemalloc peak, growth of the process's peak RSS) in bytes while action runs."""
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    try:
        action()
    except ImportFileError:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
    return peak, rss_growth


def test_a_zip_bomb_is_refused_with_bounded_memory(bomb: bytes) -> None:
    assert len(bomb) < 3 * MB
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size > 1024 * MB
    message, seconds = _refused("v.xlsx", bomb)
    assert "(xl/sharedStrings.xml)" in message and "groter dan 50 MB" in message
    peak, rss_growth = _peak_memory_while(lambda: read_file("v.xlsx", bomb))
    assert peak < 100 * MB and rss_growth < 100 * MB
    assert seconds < SANITY_SECONDS


def test_a_zip_that_lies_about_its_sizes_is_inflated_with_a_bound(bomb: bytes) -> None:
    lying = _lie_about_size(bomb, "xl/sharedStrings.xml", 1_000)
    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size == 1_000
    message, _ = _refused("v.xlsx", lying)
    assert "pakt uit tot meer dan de inhoudsopgave zegt" in message
    peak, rss_growth = _peak_memory_while(lambda: read_file("v.xlsx", lying))
    assert peak < 100 * MB and rss_growth < 100 * MB


def test_a_highly_compressed_member_is_refused_by_its_ratio() -> None:
    padding = b"<!-- " + b" " * (20 * MB) + b" -->"
    data = _rewrite(_workbook([HEADER, ROW]), {SHEET: lambda xml: xml + padding})
    message, _ = _refused("v.xlsx", data)
    assert "verdacht sterk ingepakt" in message and SHEET in message


# --------------------------------------------------------------------- hostile XML

def test_openpyxl_reads_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("make", [_xxe_xlsx, _laughs_xlsx], ids=["xxe", "billion-laughs"])
def test_entities_are_refused_in_dutch(make: Callable[[], bytes]) -> None:
    message, seconds = _refused("v.xlsx", make())
    assert message.startswith("Het XLSX-bestand bevat een DTD of entiteiten "
                              "(xl/worksheets/sheet1.xml)")
    assert seconds < SANITY_SECONDS


@pytest.mark.parametrize("data", [
    b"PK\x03\x04" + b"\x00" * 200,
    _rewrite(_workbook([HEADER, ROW]), {SHEET: lambda xml: xml[: len(xml) // 2]}),
    _rewrite(_workbook([HEADER, ROW]), {"xl/workbook.xml": lambda xml: b"<workbook/>"}),
    _workbook([HEADER, ROW])[:-100],
], ids=["no-zip", "cut-sheet", "empty-workbook", "cut-zip"])
def test_malformed_xlsx_is_refused_in_dutch(data: bytes) -> None:
    message, _ = _refused("v.xlsx", data)
    assert message.startswith(("Dit XLSX-bestand kunnen we niet openen", "Het XLSX-bestand is "
                               "beschadigd", "Dit is geen geldig XLSX-bestand"))
    assert message.endswith(("als CSV.", "XLSX-bestand."))


@pytest.mark.parametrize("make", [_xxe_xlsx, _laughs_xlsx, _sparse_xlsx,
                                  lambda: b"PK\x03\x04garbage"],
                         ids=["xxe", "billion-laughs", "sparse", "garbage"])
def test_the_web_upload_refuses_without_an_error_page(staff, client, login, db, make) -> None:
    login(staff)
    response = client.post("/vacatures/import", data={
        "file": (io.BytesIO(make()), "vacatures.xlsx")}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert "XLSX-bestand" in response.get_data(as_text=True) or \
        "rij 2.000.000.000" in response.get_data(as_text=True)
    _nothing_written(db)


# --------------------------------------------------------------------- other writers

def _write_meanwhile(make_app, organisation_id: int) -> Callable[[], float]:
    """Starts a write through another connection; returns a join giving its seconds."""
    other = make_app(SQLALCHEMY_ENGINE_OPTIONS={"connect_args": {"timeout": 2}})
    outcome: list[object] = []

    def write() -> None:
        with other.app_context():
            started = time.perf_counter()
            try:
                organisation = _db.session.get(Organisation, organisation_id)
                make_vacancy(organisation, title="Tegelijk opgeslagen")
                outcome.append(time.perf_counter() - started)
            except Exception as error:  # the finding: "database is locked" -> a 500
                outcome.append(error)
            finally:
                _db.session.remove()

    thread = threading.Thread(target=write)
    thread.start()

    def join() -> float:
        thread.join(timeout=30)
        [result] = outcome
        assert isinstance(result, float), result
        return result

    return join


def test_the_upload_holds_no_write_lock_while_it_reads(staff, db, make_app, monkeypatch) -> None:
    """Another request writes while the upload is being read: it never waits for it."""
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("PostgreSQL locks rows, not the database")
    organisation_id = db.scalar(select(Organisation.id).where(Organisation.name == "Buurthuis"))
    real_read_file = import_batches.read_file
    waited: list[float] = []

    def read_while_another_request_writes(name: str, data: bytes):  # type: ignore[no-untyped-def]
        join = _write_meanwhile(make_app, organisation_id)
        try:
            return real_read_file(name, data)
        finally:
            waited.append(join())

    monkeypatch.setattr(import_batches, "read_file", read_while_another_request_writes)
    with pytest.raises(ImportFileError):
        import_batches.start_batch(staff, "v.xlsx", _sparse_xlsx())
    assert waited and waited[0] < 1.0
    db.rollback()
    titles = db.scalars(select(Vacancy.title)).all()
    assert titles == ["Tegelijk opgeslagen"]
    assert db.scalar(select(func.count()).select_from(ImportBatch)) == 0


# --------------------------------------------------------------------- double commits

RACERS = 10


def _engine_options(url: str) -> dict[str, object]:
    options: dict[str, object] = {"pool_size": RACERS, "max_overflow": 5, "pool_timeout": 60}
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": 30}  # wait for the write lock, don't fail
    return options


def test_ten_simultaneous_commits_of_one_preview_write_once(staff, app, db, make_app) -> None:
    """A double click (or ten): one commit writes, the others get the Dutch refusal;
    never a database error, never anything written twice. Each racer has its own app
    context, session and connection, as a request would."""
    rows = "".join(f"Buurthuis;vrijwilligerswerk;Gastvrouw {n};mon_morning;1\n" for n in range(3))
    batch = import_batches.start_batch(staff, "v.csv", (";".join(HEADER) + "\n" + rows).encode())
    token, staff_id = batch.token, staff.id
    racing = make_app(SQLALCHEMY_ENGINE_OPTIONS=_engine_options(
        app.config["SQLALCHEMY_DATABASE_URI"]))
    barrier = threading.Barrier(RACERS)
    outcomes: list[str] = []

    def commit() -> None:
        with racing.app_context():
            try:
                user = _db.session.get(User, staff_id)
                loaded = load_import_batch(user, token)
                barrier.wait(timeout=60)
                import_batches.commit_batch(loaded, user, {})
                outcomes.append("written")
            except import_batches.ImportAlreadyCommitted as refused:
                outcomes.append(refused.message)
            except Exception as error:  # the finding: a 500
                outcomes.append(repr(error))
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=commit) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(outcomes) == ["Deze import is al verwerkt. Er is niets dubbel opgeslagen."] * (
        RACERS - 1) + ["written"], outcomes
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 3


def test_a_second_commit_of_a_claimed_batch_is_refused_in_dutch(staff, db) -> None:
    data = (";".join(HEADER) + "\n" + ";".join(ROW) + "\n").encode()
    batch = import_batches.start_batch(staff, "v.csv", data)
    assert batch.payload["report"]["problems"] == []
    stale = load_import_batch(staff, batch.token)
    assert stale is not None and stale.payload["rows"]
    db.expunge(stale)  # as loaded by a second request before the first one committed
    fresh = load_import_batch(staff, batch.token)
    assert fresh is not None
    import_batches.commit_batch(fresh, staff, {})
    with pytest.raises(import_batches.ImportAlreadyCommitted, match="al verwerkt"):
        import_batches.commit_batch(stale, staff, {})
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 1
