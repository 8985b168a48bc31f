"""What the database backends try when the reader's words find (almost) nothing.

The engines tolerate misspellings inside the query itself (``fuzziness``); the database
backends cannot, so ``DatabaseStrategy`` asks one of these after its AND and OR passes:

- PostgreSQL: modelsearch's ``Fuzzy`` query (pg_trgm word similarity over the index entries'
  text; ``search/migrations/0004`` creates the extension and its trigram indexes).
- SQLite: each unknown word is corrected against the index's own vocabulary (an ``fts5vocab``
  table over the FTS5 index, also from ``0004``) by edit distance, and the corrected query runs
  again; the correction is offered to the reader as "Did you mean …?".
"""

import re
from dataclasses import replace

from django.db import connection

from modelsearch.query import Fuzzy, PlainText

from ..database_backend import CYRILLIC, MIN_STEMMED_LENGTH
from ..query import STOPWORDS
from ..synonyms import fold

VOCABULARY = "search_vocabulary"
FTS = "wagtailsearch_indexentry_fts"
WORD = re.compile(r"\w+", re.UNICODE)
MIN_WORD = 4  # shorter words are acronyms or function words: never "corrected"
MAX_SUFFIX = 3  # letters a stemmed vocabulary term ("guidelin") may leave of the word


def content_words(params):
    return [word for word in params.words if len(word) >= MIN_WORD]


def rerun(strategy, queryset, params, query):
    """The corrected ``query``'s pages: all its words, else (several words) any of them."""
    again = replace(params, q=query)
    rows = strategy.ranked(queryset, again.search_query())
    if not rows and len(again.tokens) > 1:
        rows = strategy.ranked(queryset, again.search_query("or"))
    return rows


class NoSecondPass:
    def find(self, queryset, params):
        return [], ""


class TrigramSecondPass(NoSecondPass):
    """PostgreSQL: pages whose title or text is close to the query's words (pg_trgm) say what the
    reader meant; the query corrected to their words runs again, and only its pages are shown
    (a trigram match alone is too loose: "marsupial" is "close" to many pages)."""

    def __init__(self, strategy):
        self.strategy = strategy

    def find(self, queryset, params):
        from ..suggest import SUGGEST_FROM

        words = content_words(params)
        if not words:
            return [], ""
        results = queryset.search(Fuzzy(" ".join(words)), order_by_relevance=True).annotate_score("_score")
        closest = [page.id for page in results[:SUGGEST_FROM]]
        if not closest:
            return [], ""
        # the words no page has as typed are corrected even where a found word begins with them
        unmatched = {fold(word) for word in words if not list(queryset.search(PlainText(word))[:1])}
        suggestion = self.suggestion(params, closest, unmatched)
        if not suggestion:
            return [], ""
        rows = rerun(self.strategy, queryset, params, suggestion)
        return rows, suggestion if rows else ""

    @staticmethod
    def suggestion(params, page_ids, unmatched=()):
        """The reader's words corrected to the words of the closest pages (titles, summaries)."""
        from wagtail.models import Page

        from ..suggest import suggest_from_pages

        return suggest_from_pages(params.tokens, Page.objects.filter(id__in=page_ids).specific(), unmatched)


def edit_distance(a, b, limit):
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest(word, candidates):
    """The vocabulary term nearest ``word`` as (term, cost); cost 0 means the word is known.

    A term may be a stem (Porter leaves "guidelin" for "guidelines"): the word is compared
    with the term over the term's length (plus up to ``MAX_SUFFIX`` letters left over, each
    costing a little), so "guidelnes" is one edit from "guidelin".
    """
    limit = 1 if len(word) <= 5 else 2
    best, best_cost = None, limit + 1
    for term, docs in candidates:
        for keep in range(max(1, len(term) - 2), min(len(word), len(term) + 1) + 1):
            leftover = len(word) - keep
            if leftover > MAX_SUFFIX:
                continue
            distance = edit_distance(word[:keep], term, limit)
            # (and at least half the reader's letters agree with the term: "script" is no "serv…")
            if distance > limit or max(keep, len(term)) - distance < max(3, len(word) / 2):
                continue
            cost = distance + (0.1 * leftover if distance else 0) - min(docs, 1000) / 1e6
            if distance == 0 and leftover == 0:
                return term, 0
            if cost < best_cost:
                best, best_cost = term, cost
    return best, best_cost


class VocabularySecondPass(NoSecondPass):
    """SQLite: correct each unknown word against the index vocabulary, then search again."""

    def __init__(self, strategy):
        self.strategy = strategy

    def candidates(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term, doc FROM {VOCABULARY} WHERE term >= %s AND term < %s "  # noqa: S608 (constant)
                "AND length(term) BETWEEN %s AND %s",
                # (never to a short word: "нужен" is not "на")
                [word[0], word[0] + "\uffff", max(MIN_WORD, len(word) - MAX_SUFFIX - 2), len(word) + 2],
            )
            return cursor.fetchall()

    def indexed(self, word):
        """Whether a page of the index has ``word`` as the search matches it (FTS5 stems it as it
        stems the pages; a long Cyrillic word is matched less its ending, as ``database_backend``
        does, and a short one as the beginning of a longer form): such a word is spelled right
        and is never "corrected" to another form."""
        word = word.replace('"', "")
        if CYRILLIC.search(word):  # "закон" is a form of "закона", "реадмиссия" of "реадмиссии"
            phrase = f'"{word[:-2] if len(word) >= MIN_STEMMED_LENGTH else word}"*'
        else:
            phrase = f'"{word}"'
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s LIMIT 1", [phrase])  # noqa: S608 (constant)
            return cursor.fetchone() is not None

    def surface_form(self, term):
        """A word as written in the index ("guidelines") for a stemmed vocabulary term ("guidelin";
        "turkey" for "turkei", Porter's y → i), or ``None`` if none of the pages shows one: a stem
        is no word to offer a reader (a Cyrillic term is a word: Porter does not stem it)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT title || ' ' || substr(body, 1, 20000) FROM {FTS} WHERE {FTS} MATCH %s LIMIT 3",  # noqa: S608
                ['"' + term.replace('"', "") + '"*'],
            )
            texts = [row[0] or "" for row in cursor.fetchall()]
        # (folded as the page's words are: "й" is "и" and a breve to ``fold``, one letter to FTS5)
        prefixes = tuple(fold(p) for p in ((term, term[:-1] + "y") if term.endswith("i") else (term,)))
        for text in texts:
            for match in WORD.finditer(text):
                if fold(match.group()).startswith(prefixes):
                    return match.group().lower()
        # Porter leaves a Cyrillic word as it is: the term is a word (from a field not read here)
        return term if CYRILLIC.search(term) else None

    def correct(self, params):
        """``(query with the vocabulary's terms, the same as a reader would write it)`` or ``("", "")``."""
        from ..suggest import as_typed

        corrected, readable, changed, shown = [], [], False, True
        for word in params.tokens:
            folded = fold(word)
            if len(folded) < MIN_WORD or folded in STOPWORDS or self.indexed(folded):
                term, cost = None, 0
            else:
                term, cost = closest(folded, self.candidates(folded))
            if cost == 0 or term is None:
                corrected.append(word)
                readable.append(word)  # short and function words too: "trafficking in persons"
            else:
                changed = True
                corrected.append(term)
                surface = self.surface_form(term)
                shown = shown and surface is not None
                readable.append(as_typed(word, surface or term))
        if not changed:
            return "", ""
        # (searched for all the same: the pages have the stem)
        return " ".join(corrected), " ".join(readable) if shown else ""

    def find(self, queryset, params):
        query, suggestion = self.correct(params)
        if not query:
            return [], ""
        rows = rerun(self.strategy, queryset, params, query)
        if suggestion.lower() == " ".join(params.tokens).lower():  # another stem, the same words to read
            suggestion = ""
        return rows, suggestion if rows else ""


def vocabulary_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [VOCABULARY])
        return cursor.fetchone() is not None


def second_pass_for(strategy):
    """The second pass the configured database supports (chosen once, by the strategy factory)."""
    if connection.vendor == "postgresql":
        return TrigramSecondPass(strategy)
    if connection.vendor == "sqlite" and vocabulary_exists():
        return VocabularySecondPass(strategy)
    return NoSecondPass()
