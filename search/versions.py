"""The versions search's caches key on, read in one query.

Each cache (the synonym groups, the cross-language term groups, the reader's fallback pages)
is valid while the rows it was built from are unchanged: their count and latest change.  Read
one by one they cost a database round trip each, four per search; ``snapshot()`` reads them all
in one statement and, inside ``run_search``, once per search.  Nothing here is a time-based
cache: a change is seen by the next search, in every process.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection

_current = ContextVar("search_versions", default=None)


def _read():
    from wagtail.models import Page

    from cms.models import Term
    from countries.models import CountryPage

    from .models import SynonymGroup

    quote = connection.ops.quote_name
    page, country = quote(Page._meta.db_table), quote(CountryPage._meta.db_table)
    synonyms, terms = quote(SynonymGroup._meta.db_table), quote(Term._meta.db_table)
    live_countries = f"{country} c JOIN {page} p ON p.id = c.page_ptr_id WHERE p.live"
    parts = {
        "pages": [
            f"SELECT COUNT(*) FROM {page} WHERE live",
            f"SELECT MAX(last_published_at) FROM {page} WHERE live",
            f"SELECT MAX(id) FROM {page} WHERE live",
        ],
        "synonyms": [f"SELECT MAX(updated_at) FROM {synonyms}", f"SELECT COUNT(*) FROM {synonyms}"],
        "terms": [
            f"SELECT MAX(p.last_published_at) FROM {live_countries}",
            f"SELECT COUNT(*) FROM {live_countries}",
            f"SELECT MAX(updated_at) FROM {terms}",
            f"SELECT COUNT(*) FROM {terms}",
        ],
    }
    columns = [f"({sql})" for queries in parts.values() for sql in queries]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(columns))
        row = list(cursor.fetchone())
    versions = {}
    for name, queries in parts.items():
        raw = ":".join(str(row.pop(0)) for _sql in queries)
        versions[name] = hashlib.sha1(raw.encode()).hexdigest()[:16]  # safe in any cache key
    return versions


def get(name):
    """``"pages"`` (the live pages), ``"synonyms"`` (the editors' groups) or ``"terms"`` (the
    termbase and the live state pages): a string that changes when they do."""
    snapshot = _current.get()
    return (snapshot or _read())[name]


@contextmanager
def snapshot():
    """Within the block (one search), the versions are read once."""
    token = _current.set(_read())
    try:
        yield
    finally:
        _current.reset(token)
