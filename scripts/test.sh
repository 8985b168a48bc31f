#!/usr/bin/env bash
# `make test`: the whole suite against real services.
#
#   1. lint: ruff, Django system checks, no missing migrations, deploy checks of production settings
#   2. the suite on a throwaway PostgreSQL (database search backend, PostgreSQL full text)
#   3. the search suite on OpenSearch and again on Elasticsearch (each fetched once from Maven
#      Central, started on loopback by scripts/search-engine.sh, each run with its own index prefix),
#      and the JUnit tests of Elasticsearch's test analysis plugin
#   4. on SQLite (the demo's embedded default): the search suite and a smoke subset
#
# Each run has its own MEDIA_ROOT, removed afterwards.  When a part fails, the services' logs are
# copied to var/test-logs/<time>/ (kept) and their tails printed.
#
# A service that cannot start is skipped with a warning on a laptop, and is a failure when
# CI=true.  DATABASE_URL or SEARCH_URL given by the caller are used instead of starting one
# (SEARCH_URL replaces the node of its own engine; the other engine is still started).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
CI=${CI:-false}
export DJANGO_SETTINGS_MODULE=cms.settings.test
export CI
started_pg=0 failed=()
ENGINES=(opensearch elasticsearch)  # --- search engines (issue 10) ---
declare -A engine_url=() engine_started=() engine_local=()
engine_dir=$(mktemp -d "${TMPDIR:-/tmp}/pp-test-engines.XXXXXX")
TEST_MEDIA_ROOT=$(mktemp -d -t pp-test-media.XXXXXX)
export TEST_MEDIA_ROOT

keep_logs() {  # the services' logs, kept after a failed run; tails printed
  local dir file engine
  dir=var/test-logs/$(date +%Y%m%d-%H%M%S)
  mkdir -p "$dir"
  show() {  # $1: service, $2: log file
    [ -f "$2" ] || return 0
    cp "$2" "$dir/$1-$(basename "$2")"
    echo; echo "--- last lines of $1's $(basename "$2") (kept in $dir/) ---"
    tail -n 25 "$2"
  }
  file=$(scripts/postgres.sh logs 2>/dev/null) && show postgres "$file"
  for engine in "${ENGINES[@]}"; do
    show "$engine" "$engine_dir/$engine.log"  # the launcher's own output
    while read -r file; do show "$engine" "$file"; done < <(scripts/search-engine.sh "$engine" logs 2>/dev/null)
  done
}

cleanup() {
  [ ${#failed[@]} -gt 0 ] && keep_logs
  [ "$started_pg" = 1 ] && scripts/postgres.sh stop
  local engine
  for engine in "${ENGINES[@]}"; do
    [ "${engine_started[$engine]:-0}" = 1 ] && scripts/search-engine.sh "$engine" stop >/dev/null 2>&1
  done
  rm -rf "$engine_dir" "$TEST_MEDIA_ROOT"
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

# --- search engines (issue 10): both boot in the background while the PostgreSQL suite runs ---
for engine in "${ENGINES[@]}"; do
  case "${SEARCH_URL:-}" in "$engine"*) engine_url[$engine]=$SEARCH_URL; continue ;; esac
  engine_local[$engine]=1
  if line=$(scripts/search-engine.sh "$engine" status 2>/dev/null); then engine_url[$engine]=${line#SEARCH_URL=}
  else
    engine_started[$engine]=1
    scripts/search-engine.sh "$engine" start >"$engine_dir/$engine.url" 2>"$engine_dir/$engine.log" &
  fi
done

workers=${PYTEST_WORKERS:-2}
if [ -n "$pg_url" ]; then
  step "Suite on PostgreSQL (database search backend)"
  DATABASE_URL=$pg_url SEARCH_URL= $PY -m pytest -q -n "$workers" --create-db -m "not search_engine" \
    || failed+=("suite on PostgreSQL")
fi

# --- search engines (issue 10): the search suite once per engine ---
step "Unit tests of Elasticsearch's test analysis plugin (JUnit)"
if command -v mvn >/dev/null; then
  scripts/search-engine.sh elasticsearch plugin-test || failed+=("analysis plugin unit tests")
else missing "mvn not found: the analysis plugin's unit tests cannot run"; fi
wait  # for the engines started in the background
for engine in "${ENGINES[@]}"; do
  if [ "${engine_started[$engine]:-0}" = 1 ]; then
    step "Starting $engine"; cat "$engine_dir/$engine.log"
    line=$(cat "$engine_dir/$engine.url"); engine_url[$engine]=${line#SEARCH_URL=}
    [ -n "${engine_url[$engine]}" ] || { engine_started[$engine]=0; missing "$engine could not start"; continue; }
  fi
  url=${engine_url[$engine]}
  step "Search suite on $engine ($url)"
  state=""  # the launcher's state file lets the frozen-node test SIGSTOP the local node
  [ "${engine_local[$engine]:-0}" = 1 ] && state=$PWD/.cache/$engine/run/$engine.state
  DATABASE_URL=${pg_url:-} SEARCH_URL=$url SEARCH_INDEX_PREFIX="pptest_${engine}_$$_" SEARCH_ENGINE_STATE=$state \
    $PY -m pytest -q -n 1 --create-db tests/search || {
      failed+=("search suite on $engine")
      echo "$engine logs: $(scripts/search-engine.sh "$engine" logs 2>/dev/null)"
    }
done

step "Search suite and smoke tests on SQLite"
DATABASE_URL= SEARCH_URL= $PY -m pytest -q -n "$workers" --create-db -m "smoke and not search_engine" \
  || failed+=("smoke run on SQLite")

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All parts of the suite passed."
