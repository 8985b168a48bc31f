#!/usr/bin/env bash
# `make demo`: migrations, seed content in English and Russian, the search index, an admin
# login, then the site and a task worker.  SQLite and the database search backend by default;
# DATABASE_URL and SEARCH_URL are honoured if set.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${PORT:-8000}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}

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

mkdir -p .cache
$PY manage.py db_worker --interval 1 --no-reload >.cache/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "==> Serving on http://127.0.0.1:$PORT/  (admin: http://127.0.0.1:$PORT/admin/; Ctrl-C stops)"
$PY manage.py runserver "127.0.0.1:$PORT" --noreload
