"""Latency (p50/p95) and queries per request of each public page type, through the whole Django stack.

    DJANGO_SETTINGS_MODULE=cms.settings.dev .venv/bin/python benchmarks/pages.py --requests 30

Runs against whatever database the settings name (the demo's SQLite after `make demo`, or
DATABASE_URL), with Django's test Client in-process: middleware, routing, templates, no network.
One warm-up request per URL first (per-process caches such as the map outlines and site roots).
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

PAGE_TYPES = {
    "home": "/{lang}/",
    "library": "/{lang}/library/",
    "library, filtered": "/{lang}/library/?type=guidelines&sort=title",
    "map": "/{lang}/countries/",
    "state": "/{lang}/countries/poland/",
    "project": "/{lang}/projects/pp-ti/",
    "publication": "/{lang}/library/action-plan-2012-2016/",
    "feed (RSS)": "/{lang}/library/feed/rss/",
    "search": "/{lang}/search/?q=migration",
    "sitemap": "/sitemap.xml",
}


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="requests per page type and language")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    print(f"{'page type':<20} {'lang':<4} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  ({args.requests} requests each)")
    for name, pattern in PAGE_TYPES.items():
        for lang in ("en", "ru") if "{lang}" in pattern else ("-",):
            url = pattern.format(lang=lang)
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            timings, queries = [], []
            for _ in range(args.requests):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    response = client.get(url)
                    if hasattr(response, "streaming_content"):
                        b"".join(response.streaming_content)
                    timings.append(time.perf_counter() - start)
                queries.append(len(captured.captured_queries))
            print(
                f"{name:<20} {lang:<4} {pct(timings, 50):8.1f} {pct(timings, 95):8.1f} "
                f"{statistics.median(queries):8.0f}"
            )


if __name__ == "__main__":
    main()
