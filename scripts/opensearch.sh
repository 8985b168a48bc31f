#!/usr/bin/env bash
# Kept for muscle memory and old docs: the launcher is scripts/search-engine.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/search-engine.sh" opensearch "$@"
