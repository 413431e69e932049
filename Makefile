# The README's two commands are `make run` and `make test`; the rest are their steps.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_PORT ?= 54329
REDIS_PORT ?= 54379
export FLASK_APP := marketplace
# `./dev run` is a laptop: the development key and the demo accounts. A server sets
# KOPPELKANS_ENV=production (and SECRET_KEY) itself; an unset variable refuses to start.
export KOPPELKANS_ENV ?= development

.PHONY: run test venv install install-test system-deps pdf-deps translations db seed serve \
        lint test-sqlite test-postgres bench clean messages audit prod lock

run: install translations db seed serve

test: system-deps install-test translations lint test-sqlite test-postgres

# A virtualenv; Debian's python3 needs python3-venv for that.
venv: $(BIN)/python
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) 2>/dev/null || { scripts/apt-install python3-venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip

# WeasyPrint (the council report as PDF) comes as a PyPI wheel but draws text with
# Debian's Pango, and needs a font; `make install` (and so `./dev run`) sees to both.
pdf-deps:
	@ldconfig -p | grep -q libpangoft2-1.0.so.0 || scripts/apt-install libpango-1.0-0 libpangoft2-1.0-0
	@fc-list 2>/dev/null | grep -q DejaVuSans || scripts/apt-install fonts-dejavu-core
	@# The invitation letter: Arabic, Farsi, Dari and Tigrinya scripts, and its pictograms.
	@fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || scripts/apt-install fonts-noto-core
	@fc-list 2>/dev/null | grep -q Symbola || scripts/apt-install fonts-symbola

# Pinned versions with hashes from requirements.lock (see `make lock`), then the project.
install: venv pdf-deps
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .

install-test: install

# After changing dependencies in pyproject.toml: re-resolve the lock file from PyPI.
lock: venv
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --upgrade \
	  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu --no-config \
	  -o requirements.lock

# Chromium for the browser tests, a PostgreSQL and a Redis server, and poppler's
# pdftotext/pdftoppm to read the council report back, from Debian, when missing.
system-deps: pdf-deps
	@command -v pdftotext >/dev/null || scripts/apt-install poppler-utils
	@command -v chromium >/dev/null || scripts/apt-install chromium
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || scripts/apt-install postgresql
	@command -v redis-server >/dev/null || scripts/apt-install redis-server

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

# Both passes run in parallel (pytest-xdist): a worker per CPU, each with its own database;
# modules marked xdist_group (fixed ports) stay in one worker. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

test-sqlite:
	$(BIN)/pytest $(PYTEST_PARALLEL)

# The database tests again, on a real PostgreSQL server and Redis started for the run;
# tests/deploy starts the production setup (gunicorn, jobs) on them.
test-postgres:
	scripts/with-postgres $(PG_PORT) scripts/with-redis $(REDIS_PORT) \
	  $(BIN)/pytest $(PYTEST_PARALLEL) tests/marketplace tests/geo tests/api tests/deploy

# Production (README, Production): refuses to start without SECRET_KEY, a PostgreSQL
# DATABASE_URL and REDIS_URL; migrates, then serves with gunicorn beside `flask jobs run`.
prod: install translations
	BIN=$(BIN) scripts/prod

# Known vulnerabilities in the installed packages. --strict fails when a package cannot be
# checked, so a network without PyPI's per-release JSON (or OSV) fails instead of passing.
audit: install-test
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit --strict --skip-editable --progress-spinner off

bench: install-test
	$(BIN)/python bench/bench_matching.py
	$(BIN)/python bench/bench_geo.py
	$(BIN)/python bench/bench_matches_page.py
	$(BIN)/python bench/bench_index.py edits
	$(BIN)/python bench/bench_cohort.py
	$(BIN)/python bench/bench_vacancy_import.py
	$(BIN)/python bench/bench_board.py
	$(BIN)/python bench/bench_dashboard.py
	$(BIN)/python bench/bench_learn.py
	$(BIN)/python bench/bench_audit.py
	$(BIN)/python bench/bench_semantic.py

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
