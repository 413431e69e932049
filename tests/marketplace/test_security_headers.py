"""Every response carries the security headers and a CSP without inline script."""

from __future__ import annotations


def test_pages_send_security_headers(client) -> None:
    response = client.get("/login")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_no_inline_script_in_pages(client) -> None:
    page = client.get("/login").get_data(as_text=True)
    assert "<script>" not in page and "onclick=" not in page


def test_hsts_only_in_production(client, make_app, db) -> None:
    assert "Strict-Transport-Security" not in client.get("/login").headers
    production = make_app(KOPPELKANS_ENV="production")
    assert "Strict-Transport-Security" in production.test_client().get("/login").headers


def test_session_cookie_is_httponly_and_samesite(client, login) -> None:
    from tests.builders import make_user

    client.post("/login", data={"email": make_user().email, "password": "test-wachtwoord-123"})
    cookie = client.get_cookie("session")
    assert cookie is not None
    assert cookie.http_only
    assert cookie.same_site == "Lax"
