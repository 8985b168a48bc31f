"""The versions search's caches key on, read in one query.

Each cache (the synonym groups, the cross-language term groups, the reader's fallback pages)
is valid while the rows it was built from are unchanged: their count and latest change.  Read
one by one they cost a database round trip each, four per search; ``snapshot()`` reads them
once per search, the term and synonym versions together (every query expands its words) and the
live pages' only when asked (the database backends' fallback pages: on the engines a reader's
scope is in the index, and counting every live page cost 8 ms at 10,000 publications).
Nothing here is a time-based cache: a change is seen by the next search, in every process.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection

_current = ContextVar("search_versions", default=None)


GROUPS = (("synonyms", "terms"), ("pages",))


def _read(names):
    """The versions of ``names`` (one of GROUPS), in one statement."""
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
    parts = {name: parts[name] for name in names}
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
    if snapshot is not None and name in snapshot:
        return snapshot[name]
    found = _read(next(group for group in GROUPS if name in group))
    if snapshot is not None:
        snapshot.update(found)
    return found[name]


@contextmanager
def snapshot():
    """Within the block (one search), each version is read once, when first asked for."""
    token = _current.set({})
    try:
        yield
    finally:
        _current.reset(token)
