"""Search settings with their defaults; override any of them in the project settings."""

from django.conf import settings

DEFAULTS = {
    # Public search page and API
    "SEARCH_PAGE_SIZE": 20,
    "SEARCH_MAX_PAGE_SIZE": 100,
    "SEARCH_MAX_QUERY_CHARS": 200,
    "SEARCH_MAX_QUERY_TERMS": 30,
    "SEARCH_SNIPPET_CHARS": 240,
    # How long synonym groups stay cached (they are also dropped on every save/delete).
    "SEARCH_SYNONYMS_CACHE_SECONDS": 3600,
    # Functions returning groups of same-meaning terms across languages (see crosslang.py).
    "SEARCH_TERM_SOURCES": ["search.crosslang.state_names", "search.crosslang.termbase"],
    # A query of several words that fewer pages than this match (all the words of a short query,
    # most of a long one) is followed by the pages with some of its words, marked as such.
    "SEARCH_FILL_BELOW": 10,
    # Seconds a failed engine is not asked again before searches try it anew (circuit breaker).
    "SEARCH_ENGINE_RETRY_AFTER": 30,
    # The engine's shard request cache for the count and facets of a query (None: the index's own
    # setting, on by default; it is emptied whenever the index changes).  The benchmarks turn it
    # off so that every query they time is computed.
    "SEARCH_ENGINE_REQUEST_CACHE": None,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
