"""The English catalogue covers every text of the code and templates; the UI uses it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from marketplace.domain.vocabulary import Role
from tests.builders import make_organisation, make_user

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_translations.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = _load_script()


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    check.extract(pot)
    return check.load(pot)


def test_extraction_finds_texts_of_code_templates_and_macros(fresh_template) -> None:
    ids = {message.id for message in fresh_template if message.id}
    assert "Inloggen bij Koppelkans" in ids  # a template
    assert "Wachtwoord" in ids  # a form label (lazy_gettext)
    assert "Werkervaringsplaats" in ids  # a domain label (N_)
    assert "Mijn deelnemers" in ids  # the navigation (N_)
    assert "Paginering" in ids  # templates/_macros, which Babel skips by default


def test_english_catalogue_translates_every_msgid(fresh_template) -> None:
    found = check.problems(fresh_template, check.load(check.EN_PO))
    assert not found, "Translate these in " + str(check.EN_PO) + ":\n" + "\n".join(found)


def test_check_script_reports_missing_empty_and_fuzzy(tmp_path: Path) -> None:
    template, translated = Catalog(), Catalog(locale="en")
    for msgid in ("Ja", "Nee", "Misschien", "Vaak", "%(n)s keer"):
        template.add(msgid)
    translated.add("Ja", "Yes")
    translated.add("Nee", "")
    translated.add("Misschien", "Maybe", flags=["fuzzy"])
    translated.add("%(n)s keer", "%(count)s times")
    translated.fuzzy = False
    pot, po = tmp_path / "messages.pot", tmp_path / "messages.po"
    for path, catalog in ((pot, template), (po, translated)):
        with path.open("wb") as handle:
            write_po(handle, catalog)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--pot", str(pot), "--po", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "empty: 'Nee'" in result.stdout
    assert "fuzzy: 'Misschien'" in result.stdout
    assert "missing: 'Vaak'" in result.stdout
    assert "placeholders differ: '%(n)s keer'" in result.stdout
    assert "'Ja'" not in result.stdout


def test_login_page_in_english(client) -> None:
    page = client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Log in to Koppelkans" in page
    assert "Password" in page
    assert "Wachtwoord" not in page
    assert 'lang="en"' in page


def test_form_errors_in_english(client) -> None:
    page = client.post("/login", data={}, headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert "Enter your email address." in text
    assert "Vul uw e-mailadres in." not in text


def test_login_message_is_flashed_in_english(client) -> None:
    headers = {"Accept-Language": "en"}
    response = client.get("/deelnemers/", headers=headers)
    assert response.status_code == 302
    page = client.get(response.headers["Location"], headers=headers).get_data(as_text=True)
    assert "Please log in to see this page." in page


def test_vacancy_form_in_english(client, login) -> None:
    login(make_user(Role.ORGANISATION, organisation=make_organisation()))
    page = client.get("/vacatures/nieuw", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Type of place" in text  # a lazy field label
    assert "Work-experience placement (werkervaringsplaats)" in text  # a lazy select choice
    assert "No minimum" in text
    assert "Soort plek" not in text
