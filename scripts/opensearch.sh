#!/usr/bin/env bash
# scripts/opensearch.sh - fetch, start, stop and self-test a local OpenSearch node.
#
# Usage: scripts/opensearch.sh {fetch|start|stop|status|selftest}
#
# Route (no internet besides package registries, so everything comes from Maven Central):
#   OpenSearch publishes a runnable "integ-test" distribution on Maven Central:
#       org.opensearch.distribution.integ-test-zip:opensearch:<version>:zip
#   * 3.x (default 3.8.0, the newest integ-test-zip on Central; there is none for 3.9.0):
#     the zip already ships every module (analysis-common, transport-netty4, lang-painless,
#     mapper-extras, ...), so it is used as is. Needs Java >= 21: Temurin 25 is picked.
#   * 2.x (2.19.6, fallback when no Java >= 21 exists): the zip only holds transport-netty4,
#     so the module jar org.opensearch.plugin:analysis-common:2.19.6 is dropped into
#     modules/analysis-common/ together with a generated plugin-descriptor.properties
#     (plugin class is CommonAnalysisPlugin in 2.x). Runs on Java 11-21 (needs the Security
#     Manager, removed in Java 24), so Java 17 is picked.
#   analysis-common provides asciifolding, ngram, edge_ngram, snowball, stemmer, synonym and
#   synonym_graph. No security plugin is present, so the node speaks plain http.
#
# The distribution is unpacked once into $OPENSEARCH_CACHE (default <repo>/.cache/opensearch).
# Each `start` creates a throwaway node home (config copy, data, logs, tmp) in a temp folder
# (or $OPENSEARCH_HOME_DIR), binds 127.0.0.1 on a free port (or $OPENSEARCH_PORT), runs single-node
# with disk watermarks off and a small heap, and records pid/URL in $OPENSEARCH_CACHE/run/.
# OpenSearch refuses to run as root: when invoked as root the node runs as the system user
# $OPENSEARCH_USER (default "opensearch", created if missing; falls back to "nobody") via runuser.
#
# Environment knobs:
#   OPENSEARCH_VERSION    e.g. 3.8.0 or 2.19.6 (default: 3.8.0 if Java >= 21 is found, else 2.19.6)
#   OPENSEARCH_JAVA_HOME  JDK to run the node with (default: auto-detected)
#   OPENSEARCH_CACHE      cache folder (default: <repo>/.cache/opensearch)
#   OPENSEARCH_PORT       http port (default: a free port)
#   OPENSEARCH_HOME_DIR   node home for config/data/logs (default: a fresh mktemp dir, removed on stop)
#   OPENSEARCH_HEAP       JVM heap, e.g. 512m (default 512m)
#   OPENSEARCH_USER       unprivileged user used when running as root (default opensearch)
#   OPENSEARCH_START_TIMEOUT  seconds to wait for yellow/green health (default 120)
#
# stdout: `start` and `status` print exactly one line SEARCH_URL=opensearch<major>://127.0.0.1:<port>,
# `selftest` prints its checks; everything else goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${OPENSEARCH_CACHE:-$ROOT/.cache/opensearch}"
RUN_DIR="$CACHE/run"
STATE_FILE="$RUN_DIR/opensearch.state"
HEAP="${OPENSEARCH_HEAP:-512m}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
V3_DEFAULT="3.8.0"
V2_DEFAULT="2.19.6"
MVN_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

log() { echo "opensearch.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- java / version selection

java_major() { # $1 = JDK home -> prints major version (e.g. 25) or nothing
    local home="$1" v=""
    [ -x "$home/bin/java" ] || return 0
    if [ -r "$home/release" ]; then
        v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
    fi
    if [ -z "$v" ]; then
        v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    fi
    echo "$v"
}

find_java() { # $1 = min, $2 = max major version -> prints JDK home (highest version in range)
    local min="$1" max="${2:-999}" best="" best_v=0 c v
    for c in /usr/lib/jvm/temurin-25-jdk-amd64 ${JAVA_HOME:-} /usr/lib/jvm/*; do
        [ -d "$c" ] || continue
        v="$(java_major "$c")"
        [ -n "$v" ] || continue
        if [ "$v" -ge "$min" ] && [ "$v" -le "$max" ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
    done
    echo "$best"
}

select_version() { # sets VERSION, MAJOR, JAVA_DIR
    VERSION="${OPENSEARCH_VERSION:-}"
    JAVA_DIR="${OPENSEARCH_JAVA_HOME:-}"
    if [ -z "$VERSION" ]; then
        if [ -n "$JAVA_DIR" ]; then
            if [ "$(java_major "$JAVA_DIR")" -ge 21 ] 2>/dev/null; then VERSION="$V3_DEFAULT"; else VERSION="$V2_DEFAULT"; fi
        elif [ -n "$(find_java 21)" ]; then # Java >= 21 available: newest integ-test-zip (3.x)
            VERSION="$V3_DEFAULT"
        else
            VERSION="$V2_DEFAULT"
        fi
    fi
    MAJOR="${VERSION%%.*}"
    if [ -z "$JAVA_DIR" ]; then
        if [ "$MAJOR" -ge 3 ]; then JAVA_DIR="$(find_java 21)"; else JAVA_DIR="$(find_java 11 21)"; fi # 2.x needs the Security Manager (gone in Java 24)
    fi
    DIST="$CACHE/opensearch-$VERSION"
}

# ---------------------------------------------------------------- fetch

mvn_copy() { # $1 = artifact coordinates, $2 = output dir
    command -v mvn >/dev/null || die "mvn not found (needed to download from Maven Central)"
    local rc=0 # (pipefail: rc is mvn's status; sed only strips colour codes from its chatter)
    mvn -q -B -ntp -Dstyle.color=never "$MVN_DEP_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$2" \
        -Dmdep.overWriteReleases=false 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2 || rc=$?
    [ "$rc" = 0 ] || die "mvn could not download $1"
}

extract_zip() { # $1 = zip, $2 = destination dir
    if command -v unzip >/dev/null; then
        unzip -q -o "$1" -d "$2"
    elif command -v python3 >/dev/null; then
        python3 -m zipfile -e "$1" "$2"
    else
        die "need unzip or python3 to extract $1"
    fi
}

cmd_fetch() {
    select_version
    if [ -f "$DIST/.fetched" ]; then
        log "OpenSearch $VERSION already in $DIST"
        return 0
    fi
    local t0=$SECONDS dl="$CACHE/downloads" tmp
    mkdir -p "$dl"
    log "downloading org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip from Maven Central..."
    mvn_copy "org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip" "$dl"
    tmp="$(mktemp -d "$CACHE/.extract.XXXXXX")"
    extract_zip "$dl/opensearch-$VERSION.zip" "$tmp"
    [ -d "$tmp/opensearch-$VERSION" ] || die "unexpected zip layout in $dl/opensearch-$VERSION.zip"
    if [ ! -d "$tmp/opensearch-$VERSION/modules/analysis-common" ]; then
        # 2.x integ-test-zip: add the analysis-common module from its plain Maven jar.
        log "adding module org.opensearch.plugin:analysis-common:$VERSION"
        local mod="$tmp/opensearch-$VERSION/modules/analysis-common" javav=11
        mkdir -p "$mod"
        mvn_copy "org.opensearch.plugin:analysis-common:$VERSION:jar" "$mod"
        [ "${VERSION%%.*}" -ge 3 ] && javav=21
        # Plugin class: CommonAnalysisPlugin in 2.x, CommonAnalysisModulePlugin in 3.x. Zip entry
        # names are stored uncompressed, so grep finds the class in the jar.
        local cls
        cls="$(grep -a -o 'org/opensearch/analysis/common/Common[A-Za-z]*Plugin\.class' "$mod/analysis-common-$VERSION.jar" | head -n1)"
        [ -n "$cls" ] || die "plugin class not found in analysis-common-$VERSION.jar"
        cls="${cls%.class}"; cls="${cls//\//.}"
        cat > "$mod/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$VERSION
name=analysis-common
classname=$cls
java.version=$javav
opensearch.version=$VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
    fi
    chmod -R a+rX "$tmp/opensearch-$VERSION"
    chmod a+x "$tmp/opensearch-$VERSION"/bin/* 2>/dev/null || true
    rm -rf "$DIST"
    mv "$tmp/opensearch-$VERSION" "$DIST"
    rmdir "$tmp"
    rm -f "$dl/opensearch-$VERSION.zip" # mvn keeps a copy in ~/.m2 anyway
    touch "$DIST/.fetched"
    log "OpenSearch $VERSION ready in $DIST ($((SECONDS - t0))s)"
}

# ---------------------------------------------------------------- state helpers

load_state() { # returns 1 if no state file
    [ -f "$STATE_FILE" ] || return 1
    PID="" WRAPPER="" URL="" NODE_HOME="" OWN_HOME="" HTTP="" VERSION_RUNNING=""
    # shellcheck disable=SC1090
    . "$STATE_FILE"
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

healthy() { # $1 = http base
    curl -fsS -m 5 "$1/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p i
    for i in $(seq 1 200); do
        p=$((20000 + RANDOM % 12000))
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "could not find a free port"
}

# ---------------------------------------------------------------- start / stop / status

run_user() { # prints the unprivileged user (root only), creating it if needed
    local u="${OPENSEARCH_USER:-opensearch}"
    if ! id -u "$u" >/dev/null 2>&1; then
        if useradd --system --no-create-home --shell /usr/sbin/nologin "$u" >/dev/null 2>&1 \
            || useradd --system --no-create-home "$u" >/dev/null 2>&1; then
            log "created system user $u"
        else
            log "could not create user $u, using nobody"
            u=nobody
        fi
    fi
    echo "$u"
}

cmd_start() {
    if load_state && pid_alive "$PID" && healthy "$HTTP"; then
        log "already running (pid $PID, home $NODE_HOME)"
        echo "SEARCH_URL=$URL"
        return 0
    fi
    [ -f "$STATE_FILE" ] && { log "cleaning up stale state"; cmd_stop; }

    cmd_fetch
    [ -n "$JAVA_DIR" ] || die "no suitable Java found for OpenSearch $VERSION (set OPENSEARCH_JAVA_HOME)"
    command -v curl >/dev/null || die "curl is required"

    local port="${OPENSEARCH_PORT:-}"
    if [ -z "$port" ]; then port="$(free_port)"; elif port_in_use "$port"; then die "port $port is already in use"; fi

    local home own_home=0
    if [ -n "${OPENSEARCH_HOME_DIR:-}" ]; then
        home="$OPENSEARCH_HOME_DIR"; mkdir -p "$home"
    else
        home="$(mktemp -d "${TMPDIR:-/tmp}/opensearch-node.XXXXXX")"; own_home=1
    fi
    home="$(cd "$home" && pwd)"
    rm -rf "$home/config" "$home/tmp"
    mkdir -p "$home/data" "$home/logs" "$home/tmp"
    cp -r "$DIST/config" "$home/config"

    # JVM options: small heap, crash/gc files inside the node home (the dist dir is read-only).
    sed -i -e "s/^-Xms.*/-Xms$HEAP/" -e "s/^-Xmx.*/-Xmx$HEAP/" \
        -e "s#HeapDumpPath=data#HeapDumpPath=$home/data#" \
        -e "s#ErrorFile=logs/#ErrorFile=$home/logs/#" \
        -e "s#file=logs/gc.log#file=$home/logs/gc.log#" "$home/config/jvm.options"
    cat >> "$home/config/opensearch.yml" <<EOF

# --- added by scripts/opensearch.sh ---
cluster.name: opensearch-local-$port
node.name: local
path.data: $home/data
path.logs: $home/logs
network.host: 127.0.0.1
http.port: $port
discovery.type: single-node
cluster.routing.allocation.disk.threshold_enabled: false
action.auto_create_index: true
EOF

    local dist="$DIST" user="" runner=()
    if [ "$(id -u)" = 0 ]; then
        user="$(run_user)"
        # The node user must be able to reach the distribution. If a parent folder of the cache
        # is closed (e.g. repo under /root), use a hard-linked (or copied) tree inside the home.
        chmod 755 "$home"
        if ! runuser -u "$user" -- test -x "$DIST/bin/opensearch" -a -r "$DIST/lib"; then
            log "$user cannot read $DIST; linking the distribution into $home/dist"
            cp -al "$DIST" "$home/dist" 2>/dev/null || cp -a "$DIST" "$home/dist"
            chmod -R a+rX "$home/dist"
            dist="$home/dist"
        fi
        chown -R "$user:" "$home/config" "$home/data" "$home/logs" "$home/tmp"
        runner=(runuser -u "$user" --)
    fi

    local java_v; java_v="$(java_major "$JAVA_DIR")"
    log "starting OpenSearch $VERSION (java $java_v at $JAVA_DIR) on 127.0.0.1:$port${user:+ as $user}, home $home"
    local t0=$SECONDS
    (
        cd "$home"
        exec setsid "${runner[@]}" env \
            JAVA_HOME="$JAVA_DIR" OPENSEARCH_JAVA_HOME="$JAVA_DIR" \
            OPENSEARCH_PATH_CONF="$home/config" OPENSEARCH_TMPDIR="$home/tmp" \
            "$dist/bin/opensearch" -p "$home/logs/opensearch.pid" </dev/null >"$home/console.log" 2>&1
    ) &
    local wrapper=$!
    local http="http://127.0.0.1:$port" scheme="opensearch$MAJOR"
    local url="$scheme://127.0.0.1:$port"
    mkdir -p "$RUN_DIR"
    write_state() {
        cat > "$STATE_FILE" <<EOF
PID=$1
WRAPPER=$wrapper
URL=$url
HTTP=$http
NODE_HOME=$home
OWN_HOME=$own_home
VERSION_RUNNING=$VERSION
EOF
    }
    write_state "$wrapper"

    local pid=""
    while :; do
        [ -z "$pid" ] && [ -s "$home/logs/opensearch.pid" ] && pid="$(cat "$home/logs/opensearch.pid")" && write_state "$pid"
        if healthy "$http"; then break; fi
        if ! pid_alive "$wrapper" && { [ -z "$pid" ] || ! pid_alive "$pid"; }; then
            log "OpenSearch exited during startup. Last log lines:"
            tail -n 40 "$home/console.log" >&2 || true
            cmd_stop >/dev/null 2>&1 || true
            exit 1
        fi
        if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
            log "OpenSearch not healthy after ${START_TIMEOUT}s. Last log lines:"
            tail -n 40 "$home/console.log" >&2 || true
            cmd_stop >/dev/null 2>&1 || true
            exit 1
        fi
        sleep 1
    done
    [ -n "$pid" ] || { pid="$(cat "$home/logs/opensearch.pid" 2>/dev/null || echo "$wrapper")"; write_state "$pid"; }
    log "healthy after $((SECONDS - t0))s (pid $pid); state in $STATE_FILE"
    echo "SEARCH_URL=$url"
}

cmd_stop() {
    if ! load_state; then
        log "not running (no state file)"
        return 0
    fi
    local p
    for p in "$PID" "${WRAPPER:-}"; do pid_alive "$p" && kill -TERM "$p" 2>/dev/null || true; done
    local i
    for i in $(seq 1 60); do
        pid_alive "$PID" || pid_alive "${WRAPPER:-}" || break
        sleep 0.5
    done
    for p in "$PID" "${WRAPPER:-}"; do
        if pid_alive "$p"; then log "pid $p did not stop, killing"; kill -KILL "$p" 2>/dev/null || true; fi
    done
    if [ "${OWN_HOME:-0}" = 1 ] && [ -n "$NODE_HOME" ] && [ -d "$NODE_HOME" ]; then
        rm -rf "$NODE_HOME"
    fi
    rm -f "$STATE_FILE"
    log "stopped (pid $PID)"
}

cmd_status() {
    if load_state && pid_alive "$PID" && healthy "$HTTP"; then
        echo "SEARCH_URL=$URL"
        return 0
    fi
    log "not running"
    return 1
}

# ---------------------------------------------------------------- selftest

cmd_selftest() {
    local started=0
    if ! cmd_status >/dev/null 2>&1; then
        log "no node running; starting a temporary one"
        cmd_start >/dev/null
        started=1
    fi
    load_state
    say() { echo "selftest: $*"; }
    local u="$HTTP" idx="opensearch-sh-selftest" fails=0
    # shellcheck disable=SC2064
    [ "$started" = 1 ] && trap "cmd_stop >/dev/null 2>&1" EXIT
    j() { curl -sS -m 30 -H 'Content-Type: application/json' "$@"; }
    tokens() { grep -o '"token":"[^"]*"' | sed 's/"token":"\(.*\)"/\1/' | tr '\n' ' ' | sed 's/ $//'; }
    check() { # $1 = description, $2 = actual, $3 = expected
        if [ "$2" = "$3" ]; then say "ok   $1: [$2]"; else say "FAIL $1: got [$2], expected [$3]"; fails=$((fails + 1)); fi
    }
    analyze() { # $1 = analyzer, $2 = text
        j "$u/$idx/_analyze" -d "{\"analyzer\":\"$1\",\"text\":\"$2\"}" | tokens
    }

    local ver; ver="$(curl -sS -m 10 "$u/" | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p')"
    say "node $URL reports version $ver"
    j -XDELETE "$u/$idx" >/dev/null 2>&1 || true
    local resp
    resp="$(j -XPUT "$u/$idx" -d '{
      "settings": {"number_of_shards": 1, "number_of_replicas": 0,
        "analysis": {
          "filter": {
            "ngram_f":      {"type": "ngram", "min_gram": 2, "max_gram": 3},
            "edge_f":       {"type": "edge_ngram", "min_gram": 1, "max_gram": 4},
            "ru_snowball":  {"type": "snowball", "language": "Russian"},
            "en_snowball":  {"type": "snowball", "language": "English"},
            "ru_stemmer":   {"type": "stemmer", "language": "russian"},
            "en_stemmer":   {"type": "stemmer", "language": "english"},
            "syn_graph":    {"type": "synonym_graph", "synonyms": ["tv, television"]},
            "syn":          {"type": "synonym", "synonyms": ["car, automobile"]}
          },
          "analyzer": {
            "fold_ngram":   {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "ngram_f"]},
            "fold_edge":    {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "edge_f"]},
            "ru_snow":      {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "ru_snowball"]},
            "ru_stem":      {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "ru_stemmer"]},
            "en_snow":      {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "en_snowball"]},
            "en_stem":      {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "en_stemmer"]},
            "syn_graph_a":  {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "syn_graph"]},
            "syn_a":        {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "syn"]}
          }
        }
      },
      "mappings": {"properties": {"title": {"type": "text", "analyzer": "fold_edge", "search_analyzer": "ru_snow"}}}
    }')"
    if echo "$resp" | grep -q '"acknowledged":true'; then
        say "ok   created index with asciifolding, lowercase, ngram, edge_ngram, snowball+stemmer (ru/en), synonym, synonym_graph"
    else
        say "FAIL creating index: $resp"; fails=$((fails + 1))
    fi
    check "asciifolding+lowercase+edge_ngram 'Été'" "$(analyze fold_edge 'Été')" "e et ete"
    check "asciifolding+lowercase+ngram 'Café'" "$(analyze fold_ngram 'Café')" "ca caf af afe fe"
    local a b
    a="$(analyze ru_stem 'реадмиссии')"; b="$(analyze ru_stem 'реадмиссия')"
    check "stemmer/russian 'реадмиссии' == 'реадмиссия' ($b)" "$a" "$b"
    a="$(analyze ru_snow 'реадмиссии')"; b="$(analyze ru_snow 'реадмиссия')"
    check "snowball/Russian 'реадмиссии' == 'реадмиссия' ($b)" "$a" "$b"
    check "stemmer/english 'running'" "$(analyze en_stem 'running')" "run"
    check "snowball/English 'publications'" "$(analyze en_snow 'publications')" "public"
    check "synonym_graph 'tv'" "$(analyze syn_graph_a 'tv')" "television tv"
    check "synonym 'car'" "$(analyze syn_a 'car')" "car automobile"
    j -XPUT "$u/$idx/_doc/1?refresh=true" -d '{"title": "Réadmission"}' >/dev/null
    local hits; hits="$(j "$u/$idx/_search" -d '{"query": {"match": {"title": "rea"}}}' | sed -n 's/.*"total":{"value":\([0-9]*\).*/\1/p')"
    check "index + search (edge_ngram prefix 'rea')" "$hits" "1"
    j -XDELETE "$u/$idx" >/dev/null || true
    if [ "$fails" -gt 0 ]; then say "$fails check(s) FAILED"; return 1; fi
    say "all checks passed against $URL"
}

case "${1:-}" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    selftest) cmd_selftest ;;
    *) echo "usage: $0 {fetch|start|stop|status|selftest}" >&2; exit 2 ;;
esac
