#!/usr/bin/env bash
# The launcher is scripts/search-engine.sh; this alias gives Elasticsearch the same entry point
# as scripts/opensearch.sh and scripts/postgres.sh (start, stop, status, logs, ...).
exec "$(dirname "${BASH_SOURCE[0]}")/search-engine.sh" elasticsearch "$@"
