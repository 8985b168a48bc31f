"""Turn ``SEARCH_URL`` into ``WAGTAILSEARCH_BACKENDS``.

Pure functions only: settings import this module, so nothing here may touch
the network or the app registry.  The scheme names the engine and its major
version (``opensearch2://``, ``opensearch3://``, ``elasticsearch8://``,
``elasticsearch9://``); ``+https`` or ``https`` in ``SEARCH_URL_TLS`` switch
to TLS; credentials in the URL are passed through.  An Elasticsearch API key comes from the
environment (``SEARCH_API_KEY``), never from the URL: modelsearch builds only basic auth from a URL,
so the key goes to the client through ``OPTIONS``.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

# modelsearch's own backends.  The engine highlights nothing (snippets are built from the indexed
# text in Python, ``search/service.py``), so the index needs no offsets or term vectors.
ENGINE_BACKENDS = {
    "opensearch2": "modelsearch.backends.opensearch2",
    "opensearch3": "modelsearch.backends.opensearch3",
    # Needs an elasticsearch<9 client, which this project does not install: the system check
    # refuses it (search.E002) instead of letting the first query fail.
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
    "elasticsearch9": "modelsearch.backends.elasticsearch9",
}

# English and Russian in one analyzer: each stemmer only touches its own
# alphabet, so one field can hold either language (or both, in a PDF).
BILINGUAL_ANALYSIS = {
    "filter": {
        "pp_english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "pp_english_stemmer": {"type": "stemmer", "language": "english"},
        "pp_russian_stemmer": {"type": "stemmer", "language": "russian"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "pp_english_possessive",
                "lowercase",
                "pp_english_stemmer",
                "pp_russian_stemmer",
            ],
        },
    },
}


def parse_search_url(url):
    """Return ``(engine, http_url)`` for a ``SEARCH_URL``; raise on anything unknown."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    tls = False
    if scheme.endswith("+https"):
        scheme, tls = scheme[: -len("+https")], True
    elif scheme.endswith("s") and scheme[:-1] in ENGINE_BACKENDS:
        scheme, tls = scheme[:-1], True
    if scheme not in ENGINE_BACKENDS:
        known = ", ".join(f"{name}://" for name in ENGINE_BACKENDS)
        raise ImproperlyConfigured(
            f"SEARCH_URL={url!r}: unknown scheme {parts.scheme!r}; use one of {known} "
            "(append 's' or '+https' for TLS), or leave SEARCH_URL unset for the database backend."
        )
    if not parts.hostname:
        raise ImproperlyConfigured(f"SEARCH_URL={url!r} names no host.")
    http_url = urlunsplit(("https" if tls else "http", parts.netloc, parts.path, "", ""))
    return scheme, http_url


def client_options(engine, api_key=None):
    """What the engine's client gets besides the hosts: no retries, and the API key if any."""
    # No client retries: a dead engine must fail fast, not three times.
    options = {"max_retries": 0, "retry_on_timeout": False}
    if api_key:
        if not engine.startswith("elasticsearch"):
            raise ImproperlyConfigured(
                "SEARCH_API_KEY is for Elasticsearch; OpenSearch takes user:password in SEARCH_URL."
            )
        options["api_key"] = api_key
    return options


def backends_from_url(url, *, index_prefix="pp_", timeout=5, api_key=None):
    """Build ``WAGTAILSEARCH_BACKENDS`` for ``url`` (``None`` → database backend)."""
    if not url:
        # On PostgreSQL the built-in `russian` configuration stems Cyrillic with the Russian
        # stemmer and Latin words with the English one; SQLite ignores it (English only).
        # On SQLite (the demo) ``search.database_backend`` adds crude Russian stemming.
        return {"default": {"BACKEND": "search.database_backend", "SEARCH_CONFIG": "russian"}}
    engine, http_url = parse_search_url(url)
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[engine],
            "URLS": [http_url],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": timeout,
            "OPTIONS": client_options(engine, api_key),
            "INDEX_SETTINGS": {"settings": {"index": {"analysis": BILINGUAL_ANALYSIS}}},
        }
    }
