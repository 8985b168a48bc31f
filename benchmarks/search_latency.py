"""Search latency through the whole Django stack vs the same queries sent straight to the engine.

    DJANGO_SETTINGS_MODULE=benchmarks.search_settings DATABASE_URL=postgres://.../ppbench \\
        SEARCH_URL=opensearch3://127.0.0.1:9200 .venv/bin/python benchmarks/search_latency.py --requests 300

Either engine: ``SEARCH_URL=elasticsearch9://...`` runs the same queries on Elasticsearch.

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
        bodies.append(strategy.body(params, build_scope(locale)))

    def full(i):
        q, locale = QUERIES[i % len(QUERIES)]
        response = client.get("/api/search/", {"q": q, "locale": locale})
        assert response.status_code == 200 and response.json()["backend"] == "engine"

    def engine(i):
        strategy.client.search(index=strategy.index_name, body=bodies[i % len(bodies)])

    results = {}
    for name, call in (("full stack", full), ("engine", engine)):
        for i in range(args.warmup):
            call(i)
        timings = []
        for i in range(args.requests):
            started = time.perf_counter()
            call(i)
            timings.append(time.perf_counter() - started)
        results[name] = (pct(timings, 50), pct(timings, 95), statistics.mean(timings) * 1000)
        print(
            f"{name:>10}: p50 {results[name][0]:6.1f} ms  p95 {results[name][1]:6.1f} ms"
            f"  mean {results[name][2]:6.1f} ms"
            f"  ({args.requests} requests)"
        )
    engine_p95, full_p95 = results["engine"][1], results["full stack"][1]
    budget = max(2 * engine_p95, engine_p95 + 50)
    print(
        f"goal: full-stack p95 {full_p95:.1f} ms <= max(2 x {engine_p95:.1f}, {engine_p95:.1f} + 50)"
        f" = {budget:.1f} ms: "
        f"{'met' if full_p95 <= budget else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
