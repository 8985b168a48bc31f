"""The database backend (PostgreSQL full text with the `russian` configuration, or SQLite FTS5).

modelsearch finds the matching pages; facets are counted over *all* matched IDs from a few
bulk queries (``facets.keys_for_pages``); snippets are built in Python (``snippets.py``).
``FallbackStrategy`` replaces the full-text match with plain ``icontains`` over titles,
summaries and name variants: it needs no index at all, so it works while the engine is down
(modelsearch's database index table is not filled when an engine is configured).
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q

from .. import settings as search_settings
from ..facets import keys_for_pages
from .base import Hit, Outcome, SearchStrategy, count_facets, matches
from .second_pass import NoSecondPass, second_pass_for


class DatabaseStrategy(SearchStrategy):
    name = "database"

    def __init__(self, backend=None):
        self.backend = backend
        self.second_pass = second_pass_for(self) if backend is not None else NoSecondPass()

    @staticmethod
    def ranked(queryset, query):
        results = queryset.search(query, order_by_relevance=True).annotate_score("_score")
        return [(page.id, float(getattr(page, "_score", 0) or 0)) for page in results]

    def matched(self, params, scope):
        """``([(page_id, score)], suggestion, partial ids)``: every page in scope matching the text,
        best first.

        All words first; a query finding nothing gets the backend's second pass (misspellings
        corrected).  When fewer than ``SEARCH_FILL_BELOW`` pages are found so, the pages with any
        of the words follow (``partial``; the engines do the same after their minimum-should-match,
        which asks for most of a long question's words, not all)."""
        queryset = scope.queryset()
        if not params.tokens:
            return [(pk, 0.0) for pk in queryset.values_list("id", flat=True)], "", set()
        rows = self.ranked(queryset, params.search_query())
        if rows and any(not isinstance(clause, str) for clause in params.clauses()):
            rows = self.own_words_first(queryset, params, rows)
        suggestion = ""
        if not rows:  # misspelled, perhaps: the words corrected, before any page with only some of them
            rows, suggestion = self.second_pass.find(queryset, params)
        partial = set()
        if len(rows) < search_settings.get("SEARCH_FILL_BELOW") and len(params.words) > 1:
            strict = len(rows)
            rows = _merge(rows, self.ranked(queryset, params.search_query("or")))
            partial = {pk for pk, _score in rows[strict:]}
        return rows, suggestion, partial

    def own_words_first(self, queryset, params, rows):
        """Pages with the reader's own words before those found only through a synonym, a state's
        name or a termbase term in the other language (the engines weight the alternatives lower;
        the database backends cannot boost, so the order is made here with one more query)."""
        from modelsearch.query import PlainText

        own = {pk for pk, _score in self.ranked(queryset, PlainText(" ".join(params.tokens), operator="and"))}
        return [row for row in rows if row[0] in own] + [row for row in rows if row[0] not in own]

    def search(self, params, scope):
        matched, suggestion, partial = self.matched(params, scope)
        keys = keys_for_pages([pk for pk, _score in matched])
        empty = {
            "type": set(),
            "country": set(),
            "region": set(),
            "thematic_area": set(),
            "year": set(),
            "language": set(),
            "date": (None, None),
        }
        keyed = [(pk, score, keys.get(pk, empty)) for pk, score in matched]
        facets = count_facets([k for _pk, _s, k in keyed], params.filters)
        kept = [(pk, score, k) for pk, score, k in keyed if matches(k, params.filters)]
        if params.sort == "date" or not params.tokens:
            # newest first, the pages with only some of the words after all the others
            kept.sort(key=lambda row: (row[0] not in partial, _date_key(row[2]["date"])), reverse=True)
        window = kept[params.offset : params.offset + params.page_size]
        hits = [Hit(pk, score, partial=pk in partial) for pk, score, _k in window]
        return Outcome(count=len(kept), hits=hits, facets=facets, suggestion=suggestion)

    def autocomplete(self, text, scope, limit=8):
        return [page.id for page in scope.queryset().autocomplete(text)[:limit]]


def _merge(first, more):
    """``first`` in its order, then the rows of ``more`` it lacks (a later pass ranks below)."""
    seen = {pk for pk, _score in first}
    return first + [(pk, score) for pk, score in more if pk not in seen]


def _date_key(date_pair):
    pub_date, published = date_pair
    return (pub_date is not None, pub_date or published or _MIN, published or _MIN)


class _Min:
    def __lt__(self, other):
        return True

    def __gt__(self, other):
        return False

    def __eq__(self, other):
        return isinstance(other, _Min)


_MIN = _Min()


class FallbackStrategy(DatabaseStrategy):
    """No index needed: every clause (a word, or any term of its synonym group) must occur
    in the title, the publication summary or the state's other names."""

    name = "fallback"

    def matched(self, params, scope):
        queryset = scope.queryset()
        clauses = params.clauses()
        if clauses:
            queryset = queryset.filter(reduce(and_, [self._clause_q(c) for c in clauses]))
        ids = list(queryset.values_list("id", flat=True).order_by("-first_published_at")[:5000])
        return [(pk, 0.0) for pk in ids], "", set()

    @staticmethod
    def _clause_q(clause):
        terms = [clause] if isinstance(clause, str) else clause
        q_objects = []
        for term in terms:
            q_objects += [
                Q(title__icontains=term),
                Q(publication__summary__icontains=term),
                Q(countrypage__name_variants__icontains=term),
                Q(projectpage__acronym__icontains=term),
            ]
        return reduce(or_, q_objects)

    def autocomplete(self, text, scope, limit=8):
        return list(scope.queryset().filter(title__icontains=text).values_list("id", flat=True)[:limit])
