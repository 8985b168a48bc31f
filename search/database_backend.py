"""modelsearch's database backend, with Russian word endings tolerated on SQLite (the demo).

SQLite's FTS5 has no Russian stemmer (``search/migrations/0003`` gives it Porter, for English).
Here a Cyrillic query word of six letters or more becomes a prefix query on the word less its
last two letters, a crude stem that covers most case endings: "реадмиссия" finds "реадмиссии",
"трудовой миграции" finds "трудовая миграция".  PostgreSQL (the ``russian`` configuration) and
MySQL get modelsearch's own backends unchanged.  Delete this module if SQLite ever gains a
Russian tokenizer or the demo moves to PostgreSQL.
"""

import re

from django.db import connection

from modelsearch.backends import database
from modelsearch.query import PlainText

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
MIN_STEMMED_LENGTH = 6


def SearchBackend(params):  # noqa: N802 (modelsearch looks the backend up by this name)
    if connection.vendor != "sqlite":
        return database.SearchBackend(params)
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    backend = database.SearchBackend(params)
    if not isinstance(backend, SQLiteSearchBackend):  # no FTS5: modelsearch's LIKE fallback
        return backend
    return _bilingual_sqlite_backend_class()(params)


def _bilingual_sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    def lexeme(term, prefix):
        if CYRILLIC.search(term) and len(term) >= MIN_STEMMED_LENGTH:
            return Lexeme(term[:-2], prefix=True)
        return Lexeme(term, prefix=prefix)

    class StemmingMixin:
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = query.query_string.split()
            if not terms:
                return None
            combined = None
            for position, term in enumerate(terms):
                current = lexeme(term, prefix=self.LAST_TERM_IS_PREFIX and position == len(terms) - 1)
                if combined is None:
                    combined = current
                elif query.operator.upper() == "AND":
                    combined &= current
                else:
                    combined |= current
            return SearchQueryExpression(combined, config=config)

    class QueryCompiler(StemmingMixin, SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(StemmingMixin, SQLiteAutocompleteQueryCompiler):
        pass

    class BilingualSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return BilingualSQLiteSearchBackend
