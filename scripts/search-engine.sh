#!/usr/bin/env bash
# scripts/search-engine.sh - fetch, start, stop and self-test a local search engine node.
#
# Usage: scripts/search-engine.sh {opensearch|elasticsearch} {fetch|start|stop|status|logs|selftest|plugin-test}
#
# One launcher, two engines: what differs between them (Maven coordinates, version, JDK, config
# keys, plugin, URL scheme) is a column of scripts/search-engines.table; everything else is here.
#
# Route (no internet besides package registries): both engines publish a runnable "integ-test"
# distribution on Maven Central (<coordinates>:<version>:zip), checked against
# scripts/search-engine.sha256 and unpacked once into $<ENGINE>_CACHE (default .cache/<engine>).
#   * OpenSearch 3.x ships every module.  2.x (the fallback without a JDK >= 21) lacks
#     analysis-common: its Maven jar is added as a module.
#   * Elasticsearch's zip lacks analysis-common: scripts/elasticsearch/analysis-plugin (stable
#     plugin API) is built from source on a JDK >= 21 and laid into plugins/pp-analysis/.
#     Only for this throwaway node: a real cluster has analysis-common.
# Each `start` creates a throwaway node home (config copy, data, logs, tmp) in a temp folder (or
# $<ENGINE>_HOME_DIR), binds 127.0.0.1 on a free port (or $<ENGINE>_PORT), single-node, disk
# watermarks off, security off, a small heap, and records pid/URL/logs in <cache>/run/<engine>.state.
# Both engines refuse to run as root: as root the node runs as the table's `user` via runuser.
# `stop` signals a PID only if /proc/<pid>/cmdline shows that very node (a stale state file must
# never kill an unrelated process) and keeps the node's logs in <cache>/run/last-logs/.
#
# Knobs (<ENGINE> = OPENSEARCH or ELASTICSEARCH): <ENGINE>_VERSION, <ENGINE>_JAVA_HOME,
# <ENGINE>_CACHE, <ENGINE>_PORT, <ENGINE>_HOME_DIR, <ENGINE>_HEAP (512m), <ENGINE>_USER,
# <ENGINE>_START_TIMEOUT (seconds, 300).
#
# stdout: `start` and `status` print exactly one line SEARCH_URL=<scheme><major>://127.0.0.1:<port>;
# `logs` prints the node's log files, one a line; `selftest` prints its checks; the rest goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TABLE="$ROOT/scripts/search-engines.table"
SUMS="$ROOT/scripts/search-engine.sha256"
MVN_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

ENGINE="${1:-}"
case "$ENGINE" in opensearch | elasticsearch) ;; *)
    echo "usage: $0 {opensearch|elasticsearch} {fetch|start|stop|status|logs|selftest|plugin-test}" >&2; exit 2 ;;
esac
shift

log() { echo "search-engine.sh[$ENGINE]: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

col() { # $1 = key -> this engine's value from the table ("" for "-")
    local v
    v="$(awk -v k="$1" -v e="$ENGINE" '/^#/ || NF == 0 { next }
        $1 == "key" { for (i = 2; i <= NF; i++) if ($i == e) c = i; next }
        $1 == k { print $c; exit }' "$TABLE")"
    [ "$v" = "-" ] && v=""
    echo "$v"
}

KNOB="$(echo "$ENGINE" | tr a-z A-Z)"
knob() { local name="${KNOB}_$1"; echo "${!name:-${2:-}}"; } # $1 = knob, $2 = default

CACHE="$(knob CACHE "$ROOT/.cache/$ENGINE")"
RUN_DIR="$CACHE/run"
STATE_FILE="$RUN_DIR/$ENGINE.state"
LAST_LOGS="$RUN_DIR/last-logs"
HEAP="$(knob HEAP 512m)"
START_TIMEOUT="$(knob START_TIMEOUT 300)"  # two JVMs booting beside a test run on 2 cores need > 120 s
ARTIFACT="$(col coordinates)"; ARTIFACT="${ARTIFACT#*:}"

# ---------------------------------------------------------------- java / version selection

java_major() { # $1 = JDK home -> major version (e.g. 25) or nothing
    local home="$1" v=""
    [ -x "$home/bin/java" ] || return 0
    [ -r "$home/release" ] && v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
    [ -n "$v" ] || v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    echo "$v"
}

find_java() { # $1 = min, $2 = max major -> JDK home (highest version in range)
    local min="$1" max="${2:-999}" best="" best_v=0 c v
    for c in ${JAVA_HOME:-} /usr/lib/jvm/*; do
        [ -d "$c" ] || continue
        v="$(java_major "$c")"
        [ -n "$v" ] || continue
        if [ "$v" -ge "$min" ] && [ "$v" -le "$max" ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
    done
    echo "$best"
}

select_version() { # sets VERSION, MAJOR, JAVA_DIR, DIST
    local java_min fallback range
    java_min="$(col java_min)"; fallback="$(col fallback_version)"; range="$(col fallback_java)"
    VERSION="$(knob VERSION)"
    JAVA_DIR="$(knob JAVA_HOME)"
    if [ -z "$VERSION" ]; then
        VERSION="$(col version)"
        if [ -n "$fallback" ]; then
            if [ -n "$JAVA_DIR" ]; then
                [ "$(java_major "$JAVA_DIR")" -ge "$java_min" ] 2>/dev/null || VERSION="$fallback"
            elif [ -z "$(find_java "$java_min")" ]; then
                VERSION="$fallback"
            fi
        fi
    fi
    MAJOR="${VERSION%%.*}"
    if [ -z "$JAVA_DIR" ]; then
        if [ "$VERSION" = "$fallback" ] && [ -n "$range" ]; then
            JAVA_DIR="$(find_java "${range%-*}" "${range#*-}")" # 2.x needs the Security Manager (gone in Java 24)
        else
            JAVA_DIR="$(find_java "$java_min")"
        fi
    fi
    DIST="$CACHE/$ARTIFACT-$VERSION"
}

# ---------------------------------------------------------------- fetch

mvn_run() { # mvn quietly, its chatter on stderr without colour codes
    command -v mvn >/dev/null || die "mvn not found (needed to download from Maven Central)"
    local rc=0
    mvn -q -B -ntp -Dstyle.color=never "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2 || rc=$?
    return "$rc"
}

verify_sha256() { # $1 = downloaded file, $2 = "keep" for a file in ~/.m2: refused unless its digest is in $SUMS
    local file="$1" name expected actual
    name="$(basename "$file")"
    expected="$(awk -v n="$name" '$2 == n { print $1 }' "$SUMS")"
    actual="$(sha256sum "$file" | cut -d' ' -f1)"
    [ -n "$expected" ] && [ "$actual" = "$expected" ] && return 0
    [ "${2:-}" = keep ] || rm -f "$file"
    [ -n "$expected" ] || die "no sha256 for $name in $SUMS: check the file and add its digest"
    die "sha256 mismatch for $name: got $actual, expected $expected ($SUMS)"
}

mvn_copy() { # $1 = artifact coordinates, $2 = output dir; the copy is checked against $SUMS
    mkdir -p "$2"
    local before; before="$(ls -A "$2")"
    mvn_run "$MVN_DEP_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.overWriteReleases=true \
        || die "mvn could not download $1"
    local f
    for f in "$2"/*; do
        case "$before" in *"$(basename "$f")"*) continue ;; esac
        verify_sha256 "$f"
    done
}

extract_zip() { # $1 = zip, $2 = destination dir
    if command -v unzip >/dev/null; then unzip -q -o "$1" -d "$2"
    elif command -v python3 >/dev/null; then python3 -m zipfile -e "$1" "$2"
    else die "need unzip or python3 to extract $1"; fi
}

add_module() { # $1 = unpacked distribution: the table's extra_module, when the zip lacks it
    local coords name mod cls javav=11
    coords="$(col extra_module)"; [ -n "$coords" ] || return 0
    name="${coords#*:}"; mod="$1/modules/$name"
    [ -d "$mod" ] && return 0
    log "adding module $coords:$VERSION"
    mvn_copy "$coords:$VERSION:jar" "$mod"
    [ "$MAJOR" -ge 3 ] && javav=21
    # Zip entry names are stored uncompressed, so grep finds the plugin class in the jar.
    cls="$(grep -a -o 'org/opensearch/analysis/common/Common[A-Za-z]*Plugin\.class' "$mod/$name-$VERSION.jar" | head -n1)"
    [ -n "$cls" ] || die "plugin class not found in $name-$VERSION.jar"
    cls="${cls%.class}"; cls="${cls//\//.}"
    printf '%s\n' "description=Adds \"built in\" analyzers." "version=$VERSION" "name=$name" "classname=$cls" \
        "java.version=$javav" "$ENGINE.version=$VERSION" "custom.foldername=" "extended.plugins=" \
        "has.native.controller=false" > "$mod/plugin-descriptor.properties"
}

plugin_source_digest() { (cd "$ROOT/$1" && find pom.xml src -type f | sort | xargs sha256sum | sha256sum | cut -c1-16); }

build_plugin() { # $1 = maven goal (package|test): the analysis plugin on a JDK >= 21
    local src jdk build
    src="$(col plugin)"; [ -n "$src" ] || { log "no plugin for $ENGINE"; return 0; }
    jdk="$(find_java 21)"; [ -n "$jdk" ] || die "the analysis plugin needs a JDK >= 21 (none under /usr/lib/jvm or JAVA_HOME)"
    build="$CACHE/analysis-plugin-build"
    log "building $src ($1) with $jdk..."
    JAVA_HOME="$jdk" mvn_run -f "$ROOT/$src/pom.xml" "$1" "$MVN_DEP_PLUGIN:build-classpath" \
        -Dpp.build.dir="$build" -Dmdep.outputFile="$build/classpath.txt" || die "plugin build failed ($1)"
    local jar # its dependencies came from Maven Central too: each is checked against $SUMS
    for jar in $(tr ':' ' ' < "$build/classpath.txt"); do verify_sha256 "$jar" keep; done
}

install_plugin() { # lays the built plugin into $DIST/plugins/pp-analysis/ when its source changed
    local src digest target
    src="$(col plugin)"; [ -n "$src" ] || return 0
    target="$DIST/plugins/pp-analysis"; digest="$(plugin_source_digest "$src")"
    [ "$(cat "$target/.source-digest" 2>/dev/null)" = "$digest" ] && return 0
    build_plugin package
    rm -rf "$target"; mkdir -p "$target"
    cp "$CACHE/analysis-plugin-build/pp-analysis.jar" "$CACHE/analysis-plugin-build/plugin/"* "$target/"
    echo "$digest" > "$target/.source-digest"
    chmod -R a+rX "$target"
    log "analysis plugin installed in $target"
}

cmd_fetch() {
    select_version
    if [ ! -f "$DIST/.fetched" ]; then
        local t0=$SECONDS dl="$CACHE/downloads" tmp
        log "downloading $(col coordinates):$VERSION:zip from Maven Central..."
        rm -f "$dl/$ARTIFACT-$VERSION.zip"
        mvn_copy "$(col coordinates):$VERSION:zip" "$dl"
        tmp="$(mktemp -d "$CACHE/.extract.XXXXXX")"
        extract_zip "$dl/$ARTIFACT-$VERSION.zip" "$tmp"
        [ -d "$tmp/$ARTIFACT-$VERSION" ] || die "unexpected zip layout in $dl/$ARTIFACT-$VERSION.zip"
        add_module "$tmp/$ARTIFACT-$VERSION"
        chmod -R a+rX "$tmp/$ARTIFACT-$VERSION"
        chmod a+x "$tmp/$ARTIFACT-$VERSION"/bin/* 2>/dev/null || true
        rm -rf "$DIST"; mv "$tmp/$ARTIFACT-$VERSION" "$DIST"; rmdir "$tmp"
        rm -f "$dl/$ARTIFACT-$VERSION.zip" # mvn keeps a copy in ~/.m2 anyway
        touch "$DIST/.fetched"
        log "$ENGINE $VERSION ready in $DIST ($((SECONDS - t0))s)"
    fi
    install_plugin
}

# ---------------------------------------------------------------- state helpers

load_state() { # returns 1 if no state file
    [ -f "$STATE_FILE" ] || return 1
    PID="" WRAPPER="" URL="" NODE_HOME="" OWN_HOME="" HTTP="" LOGS=""
    # shellcheck disable=SC1090
    . "$STATE_FILE"
}

pid_alive() { # a zombie (exited, not yet reaped by its parent) counts as gone
    [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
    [ "$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null)" != Z ]
}

is_our_node() { # $1 = pid: alive, and its command line names this engine and this node's home
    local cmdline
    pid_alive "$1" && [ -n "${NODE_HOME:-}" ] || return 1
    cmdline="$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null)" || return 1
    case "$cmdline" in *"$NODE_HOME/"*) ;; *) return 1 ;; esac
    case "$cmdline" in *"$(col node_marker)"* | *"$(col launcher)"*) return 0 ;; esac
    return 1
}

healthy() { curl -fsS -m 5 "$1/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p i
    for i in $(seq 1 200); do
        p=$((20000 + RANDOM % 12000))
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "could not find a free port"
}

run_user() { # the unprivileged user (root only), created if needed
    local u; u="$(knob USER "$(col user)")"
    if ! id -u "$u" >/dev/null 2>&1; then
        if useradd --system --no-create-home --shell /usr/sbin/nologin "$u" >/dev/null 2>&1 \
            || useradd --system --no-create-home "$u" >/dev/null 2>&1; then log "created system user $u"
        else log "could not create user $u, using nobody"; u=nobody; fi
    fi
    echo "$u"
}

# ---------------------------------------------------------------- start / stop / status

write_config() { # $1 = node home, $2 = port
    local home="$1" port="$2" setting
    rm -rf "$home/config" "$home/tmp"
    mkdir -p "$home/data" "$home/logs" "$home/tmp"
    cp -r "$DIST/config" "$home/config"
    # Small heap (jvm.options.d is read after jvm.options); crash and GC files in the node home.
    sed -i -e '/^-Xm[sx]/d' -e "s#HeapDumpPath=data#HeapDumpPath=$home/data#" \
        -e "s#ErrorFile=\(logs/\)\?#ErrorFile=$home/logs/#" \
        -e "s#file=\(logs/\)\?gc.log#file=$home/logs/gc.log#" "$home/config/jvm.options"
    mkdir -p "$home/config/jvm.options.d"
    printf '%s\n' "-Xms$HEAP" "-Xmx$HEAP" > "$home/config/jvm.options.d/heap.options"
    {
        echo; echo "# --- added by scripts/search-engine.sh ---"
        echo "cluster.name: $ENGINE-local-$port"
        echo "node.name: local"
        echo "path.data: $home/data"
        echo "path.logs: $home/logs"
        echo "network.host: 127.0.0.1"
        echo "http.port: $port"
        echo "discovery.type: single-node"
        echo "cluster.routing.allocation.disk.threshold_enabled: false"
        echo "action.auto_create_index: true"
        for setting in $(col settings | tr ',' ' '); do echo "${setting%%=*}: ${setting#*=}"; done
    } >> "$home/config/$(col config_file)"
}

cmd_start() {
    if load_state && is_our_node "$PID" && healthy "$HTTP"; then
        log "already running (pid $PID, home $NODE_HOME)"
        echo "SEARCH_URL=$URL"
        return 0
    fi
    [ -f "$STATE_FILE" ] && { log "cleaning up stale state"; cmd_stop; }

    cmd_fetch
    [ -n "$JAVA_DIR" ] || die "no suitable Java found for $ENGINE $VERSION (set ${KNOB}_JAVA_HOME)"
    command -v curl >/dev/null || die "curl is required"

    local port; port="$(knob PORT)"
    if [ -z "$port" ]; then port="$(free_port)"; elif port_in_use "$port"; then die "port $port is already in use"; fi

    local home own_home=0
    if [ -n "$(knob HOME_DIR)" ]; then home="$(knob HOME_DIR)"; mkdir -p "$home"
    else home="$(mktemp -d "${TMPDIR:-/tmp}/$ENGINE-node.XXXXXX")"; own_home=1; fi
    home="$(cd "$home" && pwd)"
    write_config "$home" "$port"

    local dist="$DIST" user="" runner=()
    if [ "$(id -u)" = 0 ]; then
        user="$(run_user)"
        # The node user must reach the distribution; if a parent folder is closed (a repo under
        # /root), use a hard-linked (or copied) tree inside the home.
        chmod 755 "$home"
        if ! runuser -u "$user" -- test -x "$DIST/$(col launcher)" -a -r "$DIST/lib"; then
            log "$user cannot read $DIST; linking the distribution into $home/dist"
            cp -al "$DIST" "$home/dist" 2>/dev/null || cp -a "$DIST" "$home/dist"
            chmod -R a+rX "$home/dist"
            dist="$home/dist"
        fi
        chown -R "$user:" "$home/config" "$home/data" "$home/logs" "$home/tmp"
        runner=(runuser -u "$user" --)
    fi

    local prefix; prefix="$(col env_prefix)"
    log "starting $ENGINE $VERSION (java $(java_major "$JAVA_DIR") at $JAVA_DIR) on 127.0.0.1:$port${user:+ as $user}, home $home"
    local t0=$SECONDS
    (
        cd "$home"
        exec setsid "${runner[@]}" env JAVA_HOME="$JAVA_DIR" "${prefix}_JAVA_HOME=$JAVA_DIR" \
            "${prefix}_PATH_CONF=$home/config" "${prefix}_TMPDIR=$home/tmp" \
            "$dist/$(col launcher)" -p "$home/logs/node.pid" </dev/null >"$home/logs/console.log" 2>&1
    ) &
    local wrapper=$! http="http://127.0.0.1:$port" url="$(col scheme)$MAJOR://127.0.0.1:$port"
    mkdir -p "$RUN_DIR"
    write_state() {
        printf '%s\n' "ENGINE=$ENGINE" "PID=$1" "WRAPPER=$wrapper" "URL=$url" "HTTP=$http" "NODE_HOME=$home" \
            "OWN_HOME=$own_home" "VERSION_RUNNING=$VERSION" "LOGS=$home/logs" > "$STATE_FILE"
    }
    write_state "$wrapper"

    local pid="" waited=0
    while ! healthy "$http"; do
        [ -z "$pid" ] && [ -s "$home/logs/node.pid" ] && pid="$(cat "$home/logs/node.pid")" && write_state "$pid"
        local why=""
        pid_alive "$wrapper" || { [ -n "$pid" ] && pid_alive "$pid"; } || why="exited during startup"
        [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ] && why="not healthy after ${START_TIMEOUT}s"
        if [ -n "$why" ]; then
            log "$ENGINE $why. Last log lines ($home/logs/console.log):"
            tail -n 40 "$home/logs/console.log" >&2 || true
            cmd_stop >/dev/null 2>&1 || true
            exit 1
        fi
        [ $((SECONDS - t0)) -ge $((waited + 10)) ] && waited=$((SECONDS - t0)) && log "waiting for health (${waited}s)..."
        sleep 1
    done
    [ -n "$pid" ] || { pid="$(cat "$home/logs/node.pid" 2>/dev/null || echo "$wrapper")"; write_state "$pid"; }
    log "healthy after $((SECONDS - t0))s (pid $pid); state in $STATE_FILE, logs in $home/logs"
    echo "SEARCH_URL=$url"
}

cmd_stop() {
    if ! load_state; then
        log "not running (no state file)"
        return 0
    fi
    local p signalled=()
    for p in "$PID" "${WRAPPER:-}"; do
        if is_our_node "$p"; then kill -TERM "$p" 2>/dev/null && signalled+=("$p")
        elif pid_alive "$p"; then log "pid $p is not this $ENGINE node (stale state?): left alone"; fi
    done
    local i
    for i in $(seq 1 60); do
        local alive=0
        for p in "${signalled[@]}"; do pid_alive "$p" && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.5
    done
    for p in "${signalled[@]}"; do
        if is_our_node "$p"; then log "pid $p did not stop, killing"; kill -KILL "$p" 2>/dev/null || true; fi
    done
    if [ -n "${LOGS:-}" ] && [ -d "$LOGS" ]; then # kept for the test runner after the home is gone
        rm -rf "$LAST_LOGS"; mkdir -p "$LAST_LOGS"; cp -r "$LOGS"/. "$LAST_LOGS"/ 2>/dev/null || true
    fi
    if [ "${OWN_HOME:-0}" = 1 ] && [ -n "$NODE_HOME" ] && [ -d "$NODE_HOME" ]; then rm -rf "$NODE_HOME"; fi
    rm -f "$STATE_FILE"
    log "stopped (pid $PID); logs kept in $LAST_LOGS"
}

cmd_status() {
    if load_state && is_our_node "$PID" && healthy "$HTTP"; then
        echo "SEARCH_URL=$URL"
        return 0
    fi
    log "not running"
    return 1
}

cmd_logs() { # the running node's log files, else the last stopped node's (as scripts/postgres.sh logs)
    local dir=""
    if load_state && [ -d "${LOGS:-}" ]; then dir="$LOGS"; elif [ -d "$LAST_LOGS" ]; then dir="$LAST_LOGS"; fi
    [ -n "$dir" ] || { log "no logs yet"; return 1; }
    find "$dir" -maxdepth 1 -type f -name '*.log' | sort
}

case "${1:-}" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    logs) cmd_logs ;;
    selftest) . "$ROOT/scripts/search-engine-selftest.sh"; cmd_selftest ;;
    plugin-test) build_plugin test ;;
    *) echo "usage: $0 $ENGINE {fetch|start|stop|status|logs|selftest|plugin-test}" >&2; exit 2 ;;
esac
