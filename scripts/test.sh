#!/usr/bin/env bash
# `make test`: the whole suite against real services.
#
#   1. lint: ruff, Django system checks, no missing migrations, deploy checks of production settings
#   2. the suite on a throwaway PostgreSQL (database search backend, PostgreSQL full text)
#   3. the search suite on OpenSearch (fetched once from Maven Central, started on loopback)
#   4. on SQLite (the demo's embedded default): the search suite and a smoke subset
#
# Each run has its own MEDIA_ROOT, removed afterwards.  When a part fails, the services' logs are
# copied to var/test-logs/<time>/ (kept) and their tails printed.
#
# A service that cannot start is skipped with a warning on a laptop, and is a failure when
# CI=true.  DATABASE_URL or SEARCH_URL given by the caller are used instead of starting one.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
CI=${CI:-false}
export DJANGO_SETTINGS_MODULE=cms.settings.test
export CI
started_pg=0 started_os=0 failed=()
TEST_MEDIA_ROOT=$(mktemp -d -t pp-test-media.XXXXXX)
export TEST_MEDIA_ROOT

keep_logs() {  # the services' logs, kept after a failed run; tails printed
  local dir service file
  dir=var/test-logs/$(date +%Y%m%d-%H%M%S)
  mkdir -p "$dir"
  for service in postgres opensearch; do
    scripts/$service.sh logs 2>/dev/null | while read -r file; do
      [ -f "$file" ] || continue
      cp "$file" "$dir/$service-$(basename "$file")"
      echo; echo "--- last lines of $service's $(basename "$file") (kept in $dir/) ---"
      tail -n 25 "$file"
    done
  done
}

cleanup() {
  [ ${#failed[@]} -gt 0 ] && keep_logs
  [ "$started_pg" = 1 ] && scripts/postgres.sh stop
  [ "$started_os" = 1 ] && scripts/opensearch.sh stop >/dev/null 2>&1
  rm -rf "$TEST_MEDIA_ROOT"
  return 0
}
trap cleanup EXIT

missing() {  # $1: what is missing
  if [ "$CI" = true ]; then failed+=("$1"); echo "FAILED: $1 (CI=true: every service is required)" >&2; exit 1; fi
  echo "WARNING: $1; its part of the suite is skipped on this machine" >&2
}

step() { echo; echo "==> $*"; }

step "Lint and checks"
$PY scripts/check_locks.py || failed+=("dependency locks")
$PY scripts/check_messages.py || failed+=("Russian catalogue out of date")
.venv/bin/ruff check . || failed+=("ruff")
$PY manage.py check --fail-level WARNING || failed+=("check")
$PY manage.py makemigrations --check --dry-run >/dev/null || failed+=("makemigrations --check")
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(64))') DJANGO_SETTINGS_MODULE=cms.settings.production \
  ALLOWED_HOSTS=kb.example.org WAGTAILADMIN_BASE_URL=https://kb.example.org \
  $PY manage.py check --deploy --fail-level WARNING || failed+=("check --deploy")

pg_url=${DATABASE_URL:-}
if [ -z "$pg_url" ]; then
  step "Starting a throwaway PostgreSQL"
  if line=$(scripts/postgres.sh status); then pg_url=${line#DATABASE_URL=}; echo "$line (already running)"
  elif line=$(scripts/postgres.sh start); then pg_url=${line#DATABASE_URL=}; started_pg=1; echo "$line"
  else missing "PostgreSQL could not start"; fi
fi

search_url=${SEARCH_URL:-}
if [ -z "$search_url" ]; then
  step "Starting OpenSearch"
  if line=$(scripts/opensearch.sh status 2>/dev/null); then search_url=${line#SEARCH_URL=}; echo "$line (already running)"
  elif line=$(scripts/opensearch.sh start); then search_url=${line#SEARCH_URL=}; started_os=1; echo "$line"
  else missing "OpenSearch could not start"; fi
fi

workers=${PYTEST_WORKERS:-2}
if [ -n "$pg_url" ]; then
  step "Suite on PostgreSQL (database search backend)"
  DATABASE_URL=$pg_url SEARCH_URL= $PY -m pytest -q -n "$workers" --create-db -m "not search_engine" \
    || failed+=("suite on PostgreSQL")
fi

if [ -n "$search_url" ]; then
  step "Search suite on OpenSearch ($search_url)"
  DATABASE_URL=${pg_url:-} SEARCH_URL=$search_url $PY -m pytest -q -n 1 --create-db tests/search \
    || failed+=("search suite on OpenSearch")
fi

step "Search suite and smoke tests on SQLite"
DATABASE_URL= SEARCH_URL= $PY -m pytest -q -n "$workers" --create-db -m "smoke and not search_engine" \
  || failed+=("smoke run on SQLite")

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All parts of the suite passed."
