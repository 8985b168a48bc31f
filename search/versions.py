"""The versions search's caches key on, read in one query.

Each cache (the synonym groups, the cross-language term groups, the reader's fallback pages)
is valid while the rows it was built from are unchanged: their count and latest change.  Read
one by one they cost a database round trip each, four per search; ``snapshot()`` reads them
once per search, the term and synonym versions together (every query expands its words: they
are read in the search's first statement, beside the reader's scope, ``scope.build_scope``) and the
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


def statements(names):
    """The scalar statements whose values make the versions of ``names`` (groups of GROUPS), in
    order: ``parse`` reads them back.  Also read beside other values in one statement
    (``scope.build_scope``)."""
    from wagtail.models import Page, PageViewRestriction

    from cms.models import Term
    from countries.models import CountryPage

    from .models import SynonymGroup

    quote = connection.ops.quote_name
    page, country = quote(Page._meta.db_table), quote(CountryPage._meta.db_table)
    restriction = quote(PageViewRestriction._meta.db_table)
    synonyms, terms = quote(SynonymGroup._meta.db_table), quote(Term._meta.db_table)
    live_countries = f"{country} c JOIN {page} p ON p.id = c.page_ptr_id WHERE p.live"

    def values(*expressions):  # several aggregates of one table as one text: one statement to plan
        return " || ':' || ".join(f"COALESCE(CAST({expression} AS TEXT), '')" for expression in expressions)

    parts = {
        "pages": [
            f"SELECT {values('COUNT(*)', 'MAX(last_published_at)', 'MAX(id)')} FROM {page} WHERE live",
            # a view restriction added or taken off changes whose fallback a page is
            f"SELECT {values('COUNT(*)', 'MAX(id)')} FROM {restriction}",
        ],
        "synonyms": [f"SELECT {values('MAX(updated_at)', 'COUNT(*)')} FROM {synonyms}"],
        "terms": [
            f"SELECT {values('MAX(p.last_published_at)', 'COUNT(*)')} FROM {live_countries}",
            f"SELECT {values('MAX(updated_at)', 'COUNT(*)')} FROM {terms}",
        ],
    }
    return [(name, sql) for name in names for sql in parts[name]]


def parse(parts, values):
    """``{name: version}`` from the values of ``statements(...)`` (``parts``), in order."""
    raw = {}
    for (name, _sql), value in zip(parts, values, strict=True):
        raw.setdefault(name, []).append(str(value))
    return {name: hashlib.sha1(":".join(found).encode()).hexdigest()[:16] for name, found in raw.items()}


def _read(names):
    """The versions of ``names`` (one of GROUPS), in one statement."""
    parts = statements(names)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({sql})" for _name, sql in parts))
        row = cursor.fetchone()
    return parse(parts, row)  # each a hex digest: safe in any cache key


def wanted():
    """The synonyms' and terms' group (every query expands its words) if a snapshot is open and
    has not read it yet, else ``()``: another statement of the search may read it (``prime``).
    The live pages' group is never read ahead: it is the costly one."""
    snapshot = _current.get()
    if snapshot is None or any(name in snapshot for name in GROUPS[0]):
        return ()
    return GROUPS[0]


def prime(found):
    """Versions read elsewhere in the search's first statement, for the open snapshot."""
    snapshot = _current.get()
    if snapshot is not None:
        snapshot.update(found)


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
