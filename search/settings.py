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
    # A long question whose words all match fewer pages than this also finds pages with most of them.
    "SEARCH_SECOND_PASS_BELOW": 3,
    # Seconds a failed engine is not asked again before searches try it anew (circuit breaker).
    "SEARCH_ENGINE_RETRY_AFTER": 30,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
