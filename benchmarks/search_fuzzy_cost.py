"""What the engines' second search costs a query that few pages answer: misspellings allowed only
for the words the index hardly knows (now) against every word (before, the baseline), interleaved
in one process on a site kept by the relevance script.

    SEARCH_URL=opensearch3://127.0.0.1:PORT .venv/bin/python benchmarks/relevance/run.py --keep
    SEARCH_URL=opensearch3://127.0.0.1:PORT .venv/bin/python benchmarks/search_fuzzy_cost.py \\
        --site /tmp/pprel-XXXX --rounds 10

Only the queries of ``benchmarks/relevance/queries.csv`` whose first search finds fewer than
``SEARCH_FILL_BELOW`` pages are timed (through the test Client, ``GET /api/search/?locale=all``);
prints p50 and p95 of each and their ratios.  The site must have been built with the same
SEARCH_URL and SEARCH_INDEX_PREFIX (``pprel_`` by default).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "relevance"))

from search_latency import pct  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", required=True, type=Path, help="the folder run.py --keep printed")
    parser.add_argument("--rounds", type=int, default=10, help="times each query is sent each way (default 10)")
    args = parser.parse_args()
    database = args.site / "relevance.sqlite3"
    if not database.exists():
        parser.error(f"--site {args.site}: no relevance.sqlite3 there (keep a site with run.py --keep)")
    if not os.environ.get("SEARCH_URL"):
        parser.error("SEARCH_URL names no engine: the second search this times is the engines'")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_settings")
    os.environ.setdefault("SEARCH_INDEX_PREFIX", "pprel_")
    os.environ["MEDIA_ROOT"] = os.environ["TEST_MEDIA_ROOT"] = str(args.site / "media")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from run import read_manifest, read_queries

    from django.test import Client

    from search.backends import engine

    relevance = ROOT / "benchmarks" / "relevance"
    rows = read_queries(relevance / "queries.csv", read_manifest(relevance / "manifest.csv"))
    queries = [row["query"] for row in rows]
    # before: every word counted is rare, so every word is matched within a few edits
    rare_below = {"before": float("inf"), "now": engine.RARE_BELOW}
    searches = {"n": 0}
    msearch = engine.EngineStrategy.msearch

    def counted(self, bodies):
        searches["n"] += 1
        return msearch(self, bodies)

    engine.EngineStrategy.msearch = counted
    client = Client()
    few = []
    for q in queries:  # (also the warm-up)
        searches["n"] = 0
        client.get("/api/search/", {"q": q, "locale": "all"})
        if searches["n"] > 1:
            few.append(q)
    print(f"{len(few)} of {len(queries)} queries need more than one search; {args.rounds} rounds of each, both ways")
    times = {"before": [], "now": []}
    for rnd in range(args.rounds):
        for q in few:
            for name in ("before", "now") if rnd % 2 else ("now", "before"):
                engine.RARE_BELOW = rare_below[name]
                start = time.perf_counter()
                client.get("/api/search/", {"q": q, "locale": "all"})
                times[name].append(time.perf_counter() - start)
        print(f"  round {rnd + 1}/{args.rounds}", file=sys.stderr)
    engine.RARE_BELOW = rare_below["now"]
    for name, values in times.items():
        fuzzy = "every word" if name == "before" else "rare words"
        print(f"{name:6} ({fuzzy} fuzzy)  p50 {pct(values, 50):6.1f} ms  p95 {pct(values, 95):6.1f} ms")
    p50 = pct(times["now"], 50) / pct(times["before"], 50)
    p95 = pct(times["now"], 95) / pct(times["before"], 95)
    print(f"ratio now / before: p50 {p50:.2f}, p95 {p95:.2f}")


if __name__ == "__main__":
    main()
