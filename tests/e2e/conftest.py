"""Browser tests: the real app with the demo region, served on 127.0.0.1, in real Chromium.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; `playwright install`
is never needed. axe-core, vendored from the npm registry, checks WCAG 2.1 AA.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask_migrate import upgrade
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from marketplace import create_app
from marketplace.config import DEMO_PASSWORD
from marketplace.extensions import db
from marketplace.services.demo_region import load_demo_region
from tests.engines import without_fsync
from tests.mailserver import Inbox, free_port, serve

CHROMIUM = "/usr/bin/chromium"
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Flags that keep headless Chromium from reaching out to the (closed) network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e


def demo_region_app(database: Path, **config: Any) -> Flask:
    """The app with the demo region migrated and loaded into its own SQLite file."""
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "KOPPELKANS_ENV": "test",
        "SECRET_KEY": "e2e-secret",
        # Many logins a minute from one address; the limiter has its own tests.
        "RATELIMIT_ENABLED": False,
        **config,
    })
    with app.app_context():
        without_fsync(db.engine)
        upgrade()
        load_demo_region()
    return app


@contextmanager
def served(app: Flask) -> Iterator[str]:
    """The app on a real WSGI server in a thread; yields its base URL (also BASE_URL,
    so links in mail point at it)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    app.config["BASE_URL"] = base_url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


def mail_to(port: int) -> dict[str, Any]:
    """Settings that send the outbox to the test SMTP server on this port."""
    return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_STARTTLS": False}


@pytest.fixture(scope="module")
def smtp_inbox() -> Iterator[tuple[int, Inbox]]:
    """A real SMTP server (aiosmtpd) for a module whose app sends mail to it."""
    port = free_port()
    with serve(port, Inbox()) as inbox:
        yield port, inbox


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo region served by a real WSGI server in a thread; yields its base URL."""
    with served(demo_region_app(tmp_path_factory.mktemp("e2e") / "e2e.db")) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    # bypass_csp lets the tests inject axe-core; the app's own pages must still obey the
    # policy, so any CSP report in the console fails the test.
    context = browser.new_context(base_url=live_server, locale="nl-NL", bypass_csp=True)
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    csp_reports: list[str] = []
    new_page.on(
        "console",
        lambda message: csp_reports.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    yield new_page
    context.close()
    assert not csp_reports, csp_reports


@pytest.fixture()
def login_as(page: Page) -> Callable[[str], Page]:
    """login_as(email) logs in through the form with the demo password."""

    def _login(email: str) -> Page:
        page.goto("/login")
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/")
        return page

    return _login


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """WCAG 2.1 A and AA violations that axe-core finds on the current page."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


@pytest.fixture()
def assert_accessible(page: Page) -> Callable[[], None]:
    def _check() -> None:
        violations = axe_violations(page)
        assert not violations, f"{page.url}\n" + describe(violations)

    return _check
