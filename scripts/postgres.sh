#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#
#   scripts/postgres.sh start   → initdb into a temporary folder, start on a free loopback port,
#                                  print one line: DATABASE_URL=postgres://...
#   scripts/postgres.sh stop    → stop it and delete the folder
#   scripts/postgres.sh status  → print DATABASE_URL if it is running
#   scripts/postgres.sh logs    → print the path of the server's log (for the test runner to keep)
#
# initdb refuses to run as root, so as root the cluster belongs to the unprivileged
# `postgres` user (created by Debian's postgresql package).  Debian's server binaries live
# in /usr/lib/postgresql/<version>/bin; PG_BIN overrides.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state_dir="$root/.cache/postgres"
state="$state_dir/state"

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null; then dir=$(dirname "$(command -v pg_ctl)"); fi
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found (install Debian's postgresql package)" >&2; exit 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  if [ -f "$state" ] && . "$state" && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "DATABASE_URL=$url"; return
  fi
  local bin data port url
  bin=$(find_bin)
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
  fi
  mkdir -p "$state_dir"
  data=$(mktemp -d -t pp-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  port=${PG_PORT:-$(free_port)}
  as_owner "$bin/initdb" -D "$data/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$state_dir/initdb.log" 2>&1 \
    || { cat "$state_dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null || { tail -n 30 "$data/server.log" >&2; exit 1; }
  url="postgres://postgres@127.0.0.1:$port/postgres"
  printf 'bin=%q\ndata=%q\nurl=%q\n' "$bin" "$data/db" "$url" >"$state"
  echo "DATABASE_URL=$url"
}

stop() {
  [ -f "$state" ] || return 0
  . "$state"
  as_owner "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$(dirname "$data")" "$state"
}

status() {
  [ -f "$state" ] || exit 1
  . "$state"
  as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || exit 1
  echo "DATABASE_URL=$url"
}

logs() {
  [ -f "$state" ] || exit 0
  . "$state"
  [ -f "$(dirname "$data")/server.log" ] && echo "$(dirname "$data")/server.log"
  return 0
}

case "${1:-}" in
  start) start ;;
  logs) logs ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop|status|logs" >&2; exit 2 ;;
esac
