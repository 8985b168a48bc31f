"""Search latency through the whole Django stack vs the same queries sent straight to the engine.

    DJANGO_SETTINGS_MODULE=benchmarks.search_settings DATABASE_URL=postgres://.../ppbench \\
        SEARCH_URL=opensearch3://127.0.0.1:9200 .venv/bin/python benchmarks/search_latency.py --requests 300

Either engine: ``SEARCH_URL=elasticsearch9://...`` runs the same queries on Elasticsearch.

Three kinds of request, interleaved in one run: a bare BM25 ``multi_match`` (best fields over
the title and the highlighted text columns, no facets, no highlighting) as the baseline; our
engine request (one ``_msearch``: the ranked page with minimum-should-match, fuzziness, phrase
boosts as a rescore and the results' stored text, beside the count and six aggregations; no
engine highlighting: snippets are built in Python); and the full stack.  The engine's request
cache is off (``SEARCH_ENGINE_REQUEST_CACHE = False`` in ``benchmarks.search_settings``): every
query timed is computed, although the same twelve come round again and again.

Full stack: Django's test Client GET /api/search/?q=...&locale=... (middleware, URL routing,
parameter checks, synonym expansion, the reader's scope query, the engine search with facets and
highlighting, loading the pages, JSON).  Engine: the identical request body (built once per query
by the same code) sent with the engine client.  Queries rotate English and Russian.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_settings")

QUERIES = [
    ("readmission agreements", "en"),
    ("трудовая миграция", "ru"),
    ("border management", "en"),
    ("реадмиссии", "ru"),
    ("asylum systems", "en"),
    ("возвращение мигрантов", "ru"),
    ("labour migration", "en"),
    ("торговля людьми", "ru"),
    ("visa facilitation", "en"),
    ("интеграции мигрантов", "ru"),
    ("Turkey", "en"),
    ("Кыргызстан", "ru"),
]


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=24)
    args = parser.parse_args()
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.http import QueryDict
    from django.test import Client

    from search.backends import get_strategy
    from search.query import parse_params
    from search.scope import build_scope

    strategy = get_strategy()
    assert strategy.name == "engine", "set SEARCH_URL to the engine"
    print(f"engine: {os.environ.get('SEARCH_URL')}")
    client = Client()
    bodies = []
    for q, locale in QUERIES:
        qd = QueryDict(mutable=True)
        qd.update({"q": q, "locale": locale})
        params = parse_params(qd)
        bodies.append(strategy.searches(params, build_scope(locale)))

    def full(i):
        q, locale = QUERIES[i % len(QUERIES)]
        response = client.get("/api/search/", {"q": q, "locale": locale})
        assert response.status_code == 200 and response.json()["backend"] == "engine"

    def engine(i):
        strategy.msearch(bodies[i % len(bodies)])

    text_columns = strategy.columns["_text"]
    bare_bodies = [
        {
            "query": {"multi_match": {"query": q, "type": "best_fields", "fields": ["title^2", *text_columns]}},
            "size": 20,
            "_source": False,
            "stored_fields": ["pk"],
        }
        for q, _locale in QUERIES
    ]

    def bare(i):
        strategy.client.search(index=strategy.index_name, body=bare_bodies[i % len(bare_bodies)])

    calls = {"bare BM25": bare, "engine": engine, "full stack": full}
    for i in range(args.warmup):
        for call in calls.values():
            call(i)
    timings = {name: [] for name in calls}
    for i in range(args.requests):  # interleaved: each request of each kind sees the same machine state
        for name, call in calls.items():
            started = time.perf_counter()
            call(i)
            timings[name].append(time.perf_counter() - started)
    results = {}
    for name, values in timings.items():
        results[name] = (pct(values, 50), pct(values, 95), statistics.mean(values) * 1000)
        print(
            f"{name:>10}: p50 {results[name][0]:6.1f} ms  p95 {results[name][1]:6.1f} ms"
            f"  mean {results[name][2]:6.1f} ms  ({args.requests} requests)"
        )
    bare_p95, full_p95 = results["bare BM25"][1], results["full stack"][1]
    ratios = f"engine body {results['engine'][1] / bare_p95:.1f}x, full stack {full_p95 / bare_p95:.1f}x"
    print(f"p95 as a ratio of bare BM25's: {ratios}")
    budget = bare_p95 + 40
    print(
        f"goal: full-stack p95 {full_p95:.1f} ms <= bare BM25 p95 {bare_p95:.1f} + 40 = {budget:.1f} ms "
        f"(snippets and facets on): {'met' if full_p95 <= budget else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
