"""What a reader asked for: validated parameters and the full-text query built from them."""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from modelsearch.query import And, Or, Phrase, PlainText

from . import settings as search_settings
from .synonyms import CYRILLIC, Name, expand, same_term, tokenize

FACETS = ("type", "country", "region", "thematic_area", "year", "language")
SORTS = ("relevance", "date")
LOCALES = ("en", "ru", "all")
# Words too common to decide a match alone (SQLite's FTS5 has no stopword list of its own).
STOPWORDS = frozenset(
    " ".join(
        [
            "a an and are as at be by for from how in into is it of on or the to what which with",
            # the words of a question (they say what is asked, not what about)
            "about can could did do does get gets got has have had many much may might should their",
            "them there these they this those was we were when where who whom whose why will would you",
            "в во и к на не о об от по при с со у для из как или что это",
            "а бы был была были где есть же их ли кого когда кто куда могут может можно мы они",
            "почему сколько также какие какой какая каких каким чем чего",
        ]
    ).split()
)


class QueryError(ValueError):
    """A request we refuse (HTTP 400), naming the parameter at fault."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass
class SearchParams:
    q: str = ""
    locale: str = "en"
    filters: dict = field(default_factory=dict)  # facet name → list of selected keys
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20

    @property
    def tokens(self):
        return tokenize(self.q)

    @property
    def words(self):
        """The reader's words that count (not "the", "of", "в"): with two or more, a page with
        only some of them may still be worth showing (``SEARCH_FILL_BELOW``)."""
        return content_words(self.tokens)

    def content_clauses(self):
        """The clauses less the lone words too common to decide a match ("and", "в"), or all of
        them if nothing else is left."""
        clauses = self.clauses()
        return [c for c in clauses if not isinstance(c, str) or c.casefold() not in STOPWORDS] or clauses

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def clauses(self):
        """The query's clauses (``synonyms.expand``), worked out once per request."""
        if getattr(self, "_clauses", (None,))[0] != self.q:
            self._clauses = (self.q, expand(self.tokens))
        return self._clauses[1]

    def highlight_terms(self):
        """Every word a snippet should mark: the query's words and their synonyms."""
        words = []
        for clause in self.clauses():
            for term in [clause] if isinstance(clause, str) else clause:
                words.extend(tokenize(term))
        return words

    def search_query(self, operator="and"):
        """A modelsearch query object: AND (or OR, for a second pass) of the clauses, each synonym
        group an OR of its terms.  An OR pass leaves out words that occur everywhere ("and", "в")."""
        clauses = self.content_clauses() if operator == "or" else self.clauses()
        if all(isinstance(clause, str) for clause in clauses):
            return PlainText(" ".join(clauses), operator=operator)
        loose = operator == "or" and len(clauses) == 1
        parts = [PlainText(c) if isinstance(c, str) else self._group_query(c, loose) for c in clauses]
        return parts[0] if len(parts) == 1 else (And(parts) if operator == "and" else Or(parts))

    @staticmethod
    def _group_query(clause, loose=False):
        """Any term of a synonym group, each with all its words; ``loose`` (an OR pass of a query
        that is one group's term) the reader's own words of it count one by one too ("интеграция
        мигрантов" finds a page on the "интеграции" of foreigners)."""
        own = clause[0]
        # A name's words as a phrase, in the reader's spelling or another ("Organisation",
        # "Organization"); not in Cyrillic: SQLite has no Russian stemmer, and a phrase would find
        # only the case the reader typed.
        named = isinstance(clause, Name) and not CYRILLIC.search(own)
        terms = [
            Phrase(term) if named and (term == own or same_term(own, term)) else PlainText(term, operator="and")
            for term in clause
        ]
        words = content_words(tokenize(own))
        if loose and len(words) > 1:
            terms.append(PlainText(" ".join(words), operator="or"))
        return Or(terms)


def content_words(tokens):
    return [token for token in tokens if token.casefold() not in STOPWORDS]


def check_query(q):
    """Refuse, fast, what no reader types: over-long, too many terms, control characters."""
    limit = search_settings.get("SEARCH_MAX_QUERY_CHARS")
    if len(q) > limit:
        raise QueryError("q", _("The search text is longer than %(limit)d characters.") % {"limit": limit})
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in "\t\n\r" for ch in q):
        raise QueryError("q", _("The search text contains control characters."))
    max_terms = search_settings.get("SEARCH_MAX_QUERY_TERMS")
    if len(tokenize(q)) > max_terms:
        raise QueryError("q", _("The search text has more than %(limit)d words.") % {"limit": max_terms})
    return " ".join(q.split())


def _positive_int(data, name, default, maximum=None):
    raw = data.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise QueryError(name, _("%(name)s must be a whole number.") % {"name": name}) from None
    if value < 1 or (maximum and value > maximum):
        raise QueryError(name, _("%(name)s must be between 1 and %(max)s.") % {"name": name, "max": maximum or "∞"})
    return value


def parse_params(data, *, default_locale="en", allow_all=True):
    """Validate a GET mapping (QueryDict) into ``SearchParams``; raise ``QueryError``."""
    q = check_query(data.get("q", "") or "")
    locale = data.get("locale") or default_locale
    if locale not in LOCALES or (locale == "all" and not allow_all):
        raise QueryError("locale", _("Unknown locale %(value)r: use en, ru or all.") % {"value": locale})
    sort = data.get("sort") or "relevance"
    if sort not in SORTS:
        raise QueryError("sort", _("Unknown sort %(value)r: use relevance or date.") % {"value": sort})
    max_size = search_settings.get("SEARCH_MAX_PAGE_SIZE")
    page_size = _positive_int(data, "page_size", search_settings.get("SEARCH_PAGE_SIZE"), max_size)
    page = _positive_int(data, "page", 1, 10_000)
    filters = {}
    for name in FACETS:
        values = (
            [v.strip() for v in data.getlist(name) if v.strip()]
            if hasattr(data, "getlist")
            else ([data[name]] if data.get(name) else [])
        )
        if any(len(v) > 100 for v in values) or len(values) > 50:
            raise QueryError(name, _("Too many or too long values for %(name)s.") % {"name": name})
        if values:
            filters[name] = values
    if "country" in filters:
        filters["country"] = [v.upper() for v in filters["country"]]
    return SearchParams(q=q, locale=locale, filters=filters, sort=sort, page=page, page_size=page_size)
