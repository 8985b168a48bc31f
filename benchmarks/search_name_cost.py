"""What matching a name of several words as a phrase costs the engine: the queries that name one
("Prague Process", "International Organization for Migration") with the name's words as a phrase
(now) against the same words anywhere in a page (before, the baseline), interleaved in one process
on the benchmark index of ``benchmarks/search_latency.py``.

    DJANGO_SETTINGS_MODULE=benchmarks.search_settings DATABASE_URL=postgres://.../ppbench10 \\
        SEARCH_URL=opensearch3://127.0.0.1:PORT SEARCH_INDEX_PREFIX=ppbench10_ \\
        .venv/bin/python benchmarks/search_name_cost.py --rounds 40

Every page of that corpus says "The Prague Process supports dialogue on …" in its file text, so
"Prague Process" is the costliest case there is: a phrase read in every page.  Prints, per query
and over all, the engine's ``_msearch`` p50 and p95 both ways, their ratios, and how many pages
each way counts.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_settings")

from search_latency import pct  # noqa: E402

QUERIES = [
    ("Prague Process", "en"),
    ("Prague Process readmission", "en"),
    ("International Organization for Migration", "en"),
    ("North Macedonia", "en"),
    ("Kyrgyz Republic labour migration", "en"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=40, help="times each query is sent each way (default 40)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed rounds first (default 3)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.http import QueryDict

    from search.backends import get_strategy
    from search.query import parse_params
    from search.scope import build_scope
    from search.synonyms import Name

    strategy = get_strategy()
    if strategy.name != "engine":
        parser.error("SEARCH_URL names no engine: what this times is the engines' query")

    def bodies(q, locale, as_phrase):
        data = QueryDict(mutable=True)
        data.update({"q": q, "locale": locale})
        params = parse_params(data)
        clauses = params.clauses()
        if not any(isinstance(clause, Name) for clause in clauses):
            parser.error(f"{q!r} names nothing of several words in the synonym groups or the termbase")
        if not as_phrase:  # the name's words anywhere, as before
            params._clauses = (params.q, [list(c) if isinstance(c, Name) else c for c in clauses])
        return strategy.searches(params, build_scope(locale))

    ways = {"phrase": {}, "words": {}}
    for q, locale in QUERIES:
        ways["phrase"][q] = bodies(q, locale, True)
        ways["words"][q] = bodies(q, locale, False)

    timings = {way: {q: [] for q, _ in QUERIES} for way in ways}
    counts = {way: {} for way in ways}
    for round_number in range(args.warmup + args.rounds):
        for q, _locale in QUERIES:
            order = ("phrase", "words") if round_number % 2 else ("words", "phrase")
            for way in order:
                start = time.perf_counter()
                results, count = strategy.msearch(ways[way][q])
                elapsed = time.perf_counter() - start  # seconds: ``pct`` gives ms
                if round_number >= args.warmup:
                    timings[way][q].append(elapsed)
                counts[way][q] = count["hits"]["total"]["value"]

    print(f"{args.rounds} rounds after {args.warmup} untimed; engine _msearch in ms (p50 / p95)")
    print(f"{'query':44} {'words (before)':>18} {'phrase (now)':>18} {'ratio p50/p95':>15}  pages counted")
    for q, _locale in QUERIES:
        words, phrase = timings["words"][q], timings["phrase"][q]
        print(
            f"{q:44} {pct(words, 50):8.1f} / {pct(words, 95):6.1f}  {pct(phrase, 50):8.1f} / {pct(phrase, 95):6.1f}"
            f"  {pct(phrase, 50) / pct(words, 50):6.2f} / {pct(phrase, 95) / pct(words, 95):4.2f}"
            f"  {counts['words'][q]} -> {counts['phrase'][q]}"
        )
    every_words = [t for q in timings["words"] for t in timings["words"][q]]
    every_phrase = [t for q in timings["phrase"] for t in timings["phrase"][q]]
    print(
        f"{'all':44} {pct(every_words, 50):8.1f} / {pct(every_words, 95):6.1f}  {pct(every_phrase, 50):8.1f} / "
        f"{pct(every_phrase, 95):6.1f}  {pct(every_phrase, 50) / pct(every_words, 50):6.2f} / "
        f"{pct(every_phrase, 95) / pct(every_words, 95):4.2f}"
    )


if __name__ == "__main__":
    main()
