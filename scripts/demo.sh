#!/usr/bin/env bash
# `make demo`: migrations, seed content in English and Russian, the search index, an admin
# login, then the site and a task worker.  SQLite and the database search backend by default;
# DATABASE_URL and SEARCH_URL are honoured if set.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${PORT:-8000}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
# The Site record, feeds, sitemap and admin links take their host from here: the port actually served.
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}

echo "==> Migrating the database"
$PY manage.py migrate --noinput -v0
echo "==> Loading the Prague Process seed content (English and Russian)"
# Its ~2,000 small index and reference tasks are dropped: both indexes are rebuilt in bulk below.
TASKS_BACKEND=django_tasks.backends.dummy.DummyBackend $PY manage.py load_prague_process
$PY manage.py rebuild_references_index -v0
echo "==> Building the search index"
$PY manage.py update_index
echo "==> Admin login"
$PY manage.py ensure_demo_admin
# --- Roles and workflows (issue 8): groups, rights, workflows, one login per role ---------------
echo "==> Roles, workflows and one login per role"
$PY manage.py ensure_roles
$PY manage.py ensure_demo_users
# --- end of roles ---------------------------------------------------------------------------

mkdir -p .cache
$PY manage.py db_worker --interval 1 --no-reload >.cache/worker.log 2>&1 &
worker=$!
# --- The one scheduler (issue 8): scheduled publishing and endorsement deadlines, every minute.
# django-tasks has no periodic tasks; production uses a systemd timer (docs/operations.md).
( while true; do
    $PY manage.py publish_scheduled
    $PY manage.py endorsement_deadlines
    sleep "${SCHEDULER_INTERVAL:-60}"
  done ) >.cache/scheduler.log 2>&1 &
scheduler=$!
trap 'kill $worker $scheduler 2>/dev/null || true' EXIT INT TERM
# --- end of scheduler ---------------------------------------------------------------------------
echo "==> Serving on http://127.0.0.1:$PORT/  (admin: http://127.0.0.1:$PORT/admin/; Ctrl-C stops)"
$PY manage.py runserver "127.0.0.1:$PORT" --noreload
