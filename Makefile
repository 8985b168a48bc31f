# The Prague Process knowledge base.  `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install lock demo serve test test-fast lint messages opensearch opensearch-stop elasticsearch elasticsearch-stop postgres postgres-stop clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-16s\033[0m %s\n", $$1, $$2}'

# The dev lock (runtime + test + dev tools) installs with every hash checked.  PIP_FIND_LINKS is
# unset so a machine's local wheel folder can never stand in for the registry.
$(VENV)/.installed: requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: set PYTHON=/path/to/python3.11"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "$(PYTHON) lacks venv/ensurepip (Debian: apt-get install python3.11-venv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	env -u PIP_FIND_LINKS $(PY) -m pip install --quiet --require-virtualenv --require-hashes --only-binary :all: -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed node_modules/.installed ## Create .venv/ with the locked dependencies (hashes checked), and node_modules/

# world-atlas (the map's boundaries) and axe-core (browser tests), exactly as package-lock.json pins them.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found (Debian: apt-get install npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Both locks are generated from pyproject.toml, never from `pip freeze`: requirements.txt holds the
# runtime only (a production server installs it alone), requirements-dev.txt adds the test and dev
# tools, constrained to the same runtime pins.
UV_COMPILE = env -u PIP_FIND_LINKS -u UV_FIND_LINKS $(VENV)/bin/uv pip compile pyproject.toml --quiet \
	--python-version 3.11 --generate-hashes --custom-compile-command "make lock"
lock: install ## Regenerate both locks from pyproject.toml (UPGRADE=1 moves every pin to the newest allowed)
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) -o requirements.txt
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) --group dev -c requirements.txt -o requirements-dev.txt
	$(PY) scripts/check_locks.py

demo: install ## Set everything up (SQLite, seed content in en+ru, search index) and serve on http://127.0.0.1:$(PORT)
	PORT=$(PORT) scripts/demo.sh

test: install ## Run the whole suite: PostgreSQL, OpenSearch and SQLite (CI=true makes every service required)
	scripts/test.sh

test-fast: install ## Run the suite on SQLite with the database search backend only
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest -q -x -n 2 --create-db

lint: install ## ruff, Django checks, missing migrations
	$(VENV)/bin/ruff check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

messages: install ## Regenerate and compile the Russian interface strings
	$(PY) manage.py makemessages -l ru --no-obsolete --add-location file -i ".venv/*" -i ".cache/*" -i "node_modules/*"
	$(PY) manage.py compilemessages -l ru --ignore ".venv/*"

# One launcher for both engines; what differs between them is scripts/search-engines.table.
opensearch: ## Start a local OpenSearch node (fetched once from Maven Central) and print SEARCH_URL
	@scripts/search-engine.sh opensearch start

opensearch-stop: ## Stop the node started by `make opensearch`
	@scripts/search-engine.sh opensearch stop

elasticsearch: ## Start a local Elasticsearch 9 node (Maven Central, test analysis plugin built once) and print SEARCH_URL
	@scripts/search-engine.sh elasticsearch start

elasticsearch-stop: ## Stop the node started by `make elasticsearch`
	@scripts/search-engine.sh elasticsearch stop

postgres: ## Start a throwaway PostgreSQL cluster and print DATABASE_URL
	@scripts/postgres.sh start

postgres-stop: ## Stop the throwaway PostgreSQL cluster
	@scripts/postgres.sh stop

clean: ## Remove the virtualenv, caches and the demo database
	rm -rf $(VENV) .cache db.sqlite3 media static .pytest_cache
