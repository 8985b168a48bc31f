# Sourced by scripts/search-engine.sh for `selftest`: the analysis this project's index settings
# need (asciifolding, lowercase, ngram, edge_ngram, stemmer english/russian/possessive_english)
# works on the node, and a document is indexed and found.  The same checks on both engines.

cmd_selftest() {
    local started=0
    if ! cmd_status >/dev/null 2>&1; then
        log "no node running; starting a temporary one"
        cmd_start >/dev/null
        started=1
    fi
    load_state
    # shellcheck disable=SC2064
    [ "$started" = 1 ] && trap "cmd_stop >/dev/null 2>&1" EXIT
    local u="$HTTP" idx="search-engine-sh-selftest" fails=0
    say() { echo "selftest: $*"; }
    j() { curl -sS -m 30 -H 'Content-Type: application/json' "$@"; }
    tokens() { grep -o '"token":"[^"]*"' | sed 's/"token":"\(.*\)"/\1/' | tr '\n' ' ' | sed 's/ $//'; }
    check() { # $1 = description, $2 = actual, $3 = expected
        if [ "$2" = "$3" ]; then say "ok   $1: [$2]"; else say "FAIL $1: got [$2], expected [$3]"; fails=$((fails + 1)); fi
    }
    analyze() { j "$u/$idx/_analyze" -d "{\"analyzer\":\"$1\",\"text\":\"$2\"}" | tokens; }

    # `GET /` is not used: Elasticsearch's integ-test distribution answers it with 405.
    local ver; ver="$(curl -sS -m 10 "$u/_nodes/_local?filter_path=nodes.*.version" | sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p')"
    say "node $URL reports version $ver"
    j -XDELETE "$u/$idx" >/dev/null 2>&1 || true
    local resp
    resp="$(j -XPUT "$u/$idx" -d '{
      "settings": {"number_of_shards": 1, "number_of_replicas": 0, "index": {"max_ngram_diff": 12},
        "analysis": {
          "filter": {
            "ngram_f":     {"type": "ngram", "min_gram": 2, "max_gram": 3},
            "edge_f":      {"type": "edge_ngram", "min_gram": 1, "max_gram": 4},
            "ru_stemmer":  {"type": "stemmer", "language": "russian"},
            "en_stemmer":  {"type": "stemmer", "language": "english"},
            "en_poss":     {"type": "stemmer", "language": "possessive_english"}
          },
          "tokenizer": {"edge_t": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15, "side": "front"}},
          "analyzer": {
            "fold_ngram":  {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "ngram_f"]},
            "fold_edge":   {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "edge_f"]},
            "edge_tok":    {"type": "custom", "tokenizer": "edge_t", "filter": ["lowercase"]},
            "ru_stem":     {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "ru_stemmer"]},
            "en_stem":     {"type": "custom", "tokenizer": "standard", "filter": ["en_poss", "lowercase", "en_stemmer"]}
          }
        }
      },
      "mappings": {"properties": {"title": {"type": "text", "analyzer": "fold_edge", "search_analyzer": "standard"}}}
    }')"
    if echo "$resp" | grep -q '"acknowledged":true'; then
        say "ok   created index with asciifolding, lowercase, ngram, edge_ngram, stemmer (en/ru/possessive)"
    else
        say "FAIL creating index: $resp"; fails=$((fails + 1))
    fi
    check "asciifolding+lowercase+edge_ngram 'Été'" "$(analyze fold_edge 'Été')" "e et ete"
    check "asciifolding+lowercase+ngram 'Café'" "$(analyze fold_ngram 'Café')" "ca caf af afe fe"
    check "edge_ngram tokenizer 'Riga'" "$(analyze edge_tok 'Riga')" "ri rig riga"
    local a b
    a="$(analyze ru_stem 'реадмиссии')"; b="$(analyze ru_stem 'реадмиссия')"
    check "stemmer/russian 'реадмиссии' == 'реадмиссия' ($b)" "$a" "$b"
    check "stemmer/possessive_english+english \"ICMPD's returns\"" "$(analyze en_stem "ICMPD's returns")" "icmpd return"
    j -XPUT "$u/$idx/_doc/1?refresh=true" -d '{"title": "Réadmission"}' >/dev/null
    local hits; hits="$(j "$u/$idx/_search" -d '{"query": {"match": {"title": "rea"}}}' | sed -n 's/.*"total":{"value":\([0-9]*\).*/\1/p')"
    check "index + search (edge_ngram prefix 'rea')" "$hits" "1"
    j -XDELETE "$u/$idx" >/dev/null || true
    if [ "$fails" -gt 0 ]; then say "$fails check(s) FAILED"; return 1; fi
    say "all checks passed against $URL"
}
