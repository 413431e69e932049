"""JSON logs without personal data or tokens, request ids, /healthz and /readyz."""

from __future__ import annotations

import json
import logging

import pytest

from marketplace.config import ConfigError, config_from_environment
from marketplace.observability import JsonFormatter, mask_path
from marketplace.production import production_problems, require_production_settings
from marketplace.services.matching.index import invalidate_index, vacancy_index


@pytest.mark.parametrize(("path", "logged"), [
    ("/plaatsingen/12/bevestigen/eyJhbGciOi.abc-def_123", "/plaatsingen/12/bevestigen/***"),
    ("/plaatsingen/12/bevestigen/tok/accept", "/plaatsingen/12/bevestigen/***/accept"),
    ("/vacatures/import/Zx81kq0aa", "/vacatures/import/***"),
    ("/vacatures/import/sjabloon.xlsx", "/vacatures/import/sjabloon.xlsx"),
    ("/deelnemers?q=Fatima", "/deelnemers"),
    ("/x/" + "a" * 40, "/x/***"),
])
def test_paths_are_logged_without_tokens_or_query(path: str, logged: str) -> None:
    assert mask_path(path) == logged


def test_a_log_line_is_json_without_e_mail_addresses() -> None:
    record = logging.LogRecord("x", logging.WARNING, __file__, 1,
                               "login failed for %s", ("amina@example.nl",), None)
    record.job = "outbox"
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "WARNING" and line["job"] == "outbox"
    assert "amina" not in json.dumps(line)


def test_every_response_carries_a_request_id(client) -> None:
    generated = client.get("/healthz").headers["X-Request-Id"]
    assert len(generated) == 16
    kept = client.get("/healthz", headers={"X-Request-Id": "nginx-0123456789"})
    assert kept.headers["X-Request-Id"] == "nginx-0123456789"
    refused = client.get("/healthz", headers={"X-Request-Id": "<script>"})
    assert refused.headers["X-Request-Id"] != "<script>"


def test_healthz_answers_and_readyz_waits_for_the_index(app, client) -> None:
    assert client.get("/healthz").status_code == 200
    invalidate_index(app)
    waiting = client.get("/readyz")
    assert waiting.status_code == 503
    assert waiting.json["checks"] == {"database": True, "migrations": True, "index": False}
    with app.app_context():
        vacancy_index()
    assert client.get("/readyz").status_code == 200


def test_production_refuses_to_start_without_its_shared_settings(monkeypatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    problems = production_problems({"SQLALCHEMY_DATABASE_URI": "sqlite:///x.db",
                                    "RATELIMIT_STORAGE_URI": "memory://"})
    assert [p.split()[0] for p in problems] == ["SECRET_KEY", "DATABASE_URL", "REDIS_URL"]
    with pytest.raises(ConfigError, match="REDIS_URL"):
        require_production_settings({"KOPPELKANS_ENV": "production"})
    require_production_settings({"KOPPELKANS_ENV": "development"})  # SQLite stays fine


def test_redis_url_becomes_the_limiter_store(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    config = config_from_environment(str(tmp_path))
    assert config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert config["TRUSTED_PROXIES"] == 1


def test_a_wrong_proxy_count_is_named(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("TRUSTED_PROXIES", "twee")
    with pytest.raises(ConfigError, match="TRUSTED_PROXIES"):
        config_from_environment(str(tmp_path))
