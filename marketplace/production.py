"""What a production start needs, checked before anything serves.

`python -m marketplace.production` prints each problem and exits 2.
`make prod`, gunicorn.conf.py and `flask jobs run` call this. Development keeps its
defaults (SQLite, one process, limits in memory); production must share state between
processes, so it refuses a start that would silently not.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any

from marketplace.config import ConfigError


def production_problems(config: Mapping[str, Any]) -> list[str]:
    """Dutch sentences naming each missing or wrong setting; empty when all is well."""
    problems = []
    if not os.environ.get("SECRET_KEY"):
        problems.append("SECRET_KEY ontbreekt: geef een lange willekeurige sleutel op.")
    if not str(config.get("SQLALCHEMY_DATABASE_URI", "")).startswith("postgresql"):
        problems.append("DATABASE_URL moet een PostgreSQL-database zijn "
                        "(postgresql+psycopg://...); SQLite is alleen voor ontwikkeling.")
    if str(config.get("RATELIMIT_STORAGE_URI", "memory://")).startswith("memory"):
        problems.append("REDIS_URL ontbreekt: alle workers moeten dezelfde limieten delen "
                        "(redis://host:6379/0).")
    return problems


def require_production_settings(config: Mapping[str, Any]) -> None:
    """Raise ConfigError with every problem when KOPPELKANS_ENV=production."""
    if config.get("KOPPELKANS_ENV") != "production":
        return
    problems = production_problems(config)
    if problems:
        raise ConfigError("Koppelkans start niet in productie:\n- " + "\n- ".join(problems))


def main() -> int:
    from marketplace.config import config_from_environment

    try:
        config = config_from_environment(os.environ.get("KOPPELKANS_INSTANCE", "instance"))
        problems = production_problems(config)
    except (ConfigError, ValueError) as error:
        problems = [str(error)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
