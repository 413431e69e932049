# The README's two commands are `make run` and `make test`; the rest are their steps.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_PORT ?= 54329
export FLASK_APP := marketplace
# `./dev run` is a laptop: the development key and the demo accounts. A server sets
# KOPPELKANS_ENV=production (and SECRET_KEY) itself; an unset variable refuses to start.
export KOPPELKANS_ENV ?= development

.PHONY: run test venv install install-test system-deps translations db seed serve \
        lint test-sqlite test-postgres bench clean messages audit

run: install translations db seed serve

test: system-deps install-test translations lint test-sqlite test-postgres

# A virtualenv; Debian's python3 needs python3-venv for that.
venv: $(BIN)/python
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) 2>/dev/null || { scripts/apt-install python3-venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip

install: venv
	$(BIN)/pip install --quiet -e .

install-test: venv
	$(BIN)/pip install --quiet -e '.[test]'

# Chromium for the browser tests and a PostgreSQL server, from Debian, when missing.
system-deps:
	@command -v chromium >/dev/null || scripts/apt-install chromium
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || scripts/apt-install postgresql

translations: venv
	$(BIN)/pybabel -q compile -d marketplace/translations

db: install
	$(BIN)/flask db upgrade

seed: install
	$(BIN)/flask seed

serve:
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# mypy checks matching/, marketplace/ and seed_data/; how strictly is in [tool.mypy].
lint:
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/bandit -q -r marketplace matching seed_data -ll

test-sqlite:
	$(BIN)/pytest

# The database tests again, on a real PostgreSQL server started for the run.
test-postgres:
	scripts/with-postgres $(PG_PORT) $(BIN)/pytest tests/marketplace tests/geo tests/api

# Known vulnerabilities in the installed packages. --strict fails when a package cannot be
# checked, so a network without PyPI's per-release JSON (or OSV) fails instead of passing.
audit: install-test
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit --strict --skip-editable --progress-spinner off

bench: install-test
	$(BIN)/python bench/bench_matching.py
	$(BIN)/python bench/bench_geo.py
	$(BIN)/python bench/bench_matches_page.py
	$(BIN)/python bench/bench_cohort.py
	$(BIN)/python bench/bench_vacancy_import.py
	$(BIN)/python bench/bench_board.py
	$(BIN)/python bench/bench_dashboard.py

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache

# After changing texts: refresh the catalogue template and the English catalogue,
# then translate the new entries in marketplace/translations/en/LC_MESSAGES/messages.po.
messages: venv
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k _l -k lazy_gettext \
	  --ignore-dirs ".* __pycache__ node_modules" --sort-output --project Koppelkans \
	  -o marketplace/translations/messages.pot .
	$(BIN)/pybabel -q update -i marketplace/translations/messages.pot \
	  -d marketplace/translations --no-fuzzy-matching
	$(BIN)/python scripts/check_translations.py
