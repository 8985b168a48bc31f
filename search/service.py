"""The search service: validated parameters in, a page of results with facets out.

Views never look at the backend: ``run_search`` asks the strategy of the configured backend
(``backends.get_strategy``) and, if the engine fails or is known to be down, the database
fallback, with a notice for the reader.  A failed engine is not asked again for
``SEARCH_ENGINE_RETRY_AFTER`` seconds, so an outage costs one timeout, not one per request.
"""

import logging
from collections import defaultdict
from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, F, Func, IntegerField, TextField, Value, When, prefetch_related_objects
from django.db.models.functions import Substr
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from cms.models.documents import restricted_collections_once

from . import settings as search_settings
from . import versions
from .backends import get_fallback_strategy, get_strategy
from .backends.engine import RESULT_FIELDS, TRANSLATIONS
from .crosslang import latin_spelling
from .facets import label_facets
from .scope import build_scope
from .snippets import best_snippet, excerpt, plain, snippet_from
from .suggest import SUGGEST_FROM, suggest_from_pages
from .synonyms import tokenize

logger = logging.getLogger(__name__)
DOWN_KEY = "search:engine-down"


def _strategies():
    primary = get_strategy()
    if primary.name == "engine" and cache.get(DOWN_KEY):
        return [get_fallback_strategy()]
    return [primary, get_fallback_strategy()] if primary.name == "engine" else [primary]


def _call(method, *args):
    strategies = _strategies()
    for strategy in strategies:
        try:
            return strategy, getattr(strategy, method)(*args)
        except Exception:
            if strategy is strategies[-1]:
                raise
            logger.exception("Search engine failed; answering from the database fallback")
            cache.set(DOWN_KEY, True, search_settings.get("SEARCH_ENGINE_RETRY_AFTER"))
    raise RuntimeError("no search strategy")  # pragma: no cover


def load_pages(ids, scope=None):
    """The specific pages for ``ids``, with what their results show prefetched.

    A page type names the relations a result reads (``search_result_prefetch``: a publication's
    file rows and their documents, not the countries and organisations its indexing needs); they
    are fetched for all the pages of results together, so a page of results costs one query per
    page type and one per relation.
    """
    by_model = defaultdict(list)
    # An index lagging behind (an unpublish not yet processed) must not show what is no longer public.
    current = Page.objects.filter(id__in=ids, live=True)
    if scope is not None:
        current = current.exclude(id__in=scope.private_ids)
    for page_id, content_type_id in current.values_list("id", "content_type_id"):
        by_model[ContentType.objects.get_for_id(content_type_id).model_class()].append(page_id)
    pages, prefetch = {}, defaultdict(list)
    for model, model_ids in by_model.items():
        if model is None:
            continue
        for page in model.objects.filter(id__in=model_ids):
            pages[page.id] = page
            prefetch[getattr(model, "search_result_prefetch", ())].append(page)
    for lookups, instances in prefetch.items():  # one query per relation, whatever the page types
        if lookups:
            prefetch_related_objects(instances, *lookups)
    return pages


def run_search(params, request=None):
    """``{"count", "results", "facets", "notice", "backend"}`` for ``params`` (``request``, when
    given, lets the pages' URLs share one look-up of the sites)."""
    typed = params.q
    with versions.snapshot():  # the caches' versions, read once for the whole search
        scope = build_scope(params.locale)
        found = _call("search", params, scope) + (params,)
        # nothing at all: a loanword in Cyrillic letters, perhaps (трафикинг → trafiking → trafficking)
        latin = latin_spelling(params.q) if params.tokens and not found[1].count else None
        if latin:
            found = _instead(found, latin, scope)
        # no page has the words as typed: the words corrected from the best pages' own, and searched
        # for as spelled, so that they rank as words and phrases ("readmision agreemnt")
        corrected = _correction(*found, scope) if found[1].none_as_typed else ""
        if corrected:
            found = _instead(found, corrected, scope)
        strategy, outcome, params = found
    terms = params.highlight_terms()
    if outcome.hits and all(hit.source is not None for hit in outcome.hits):
        results, suggestion = _results_from_index(strategy, outcome, params, scope, terms, request)
    else:
        results, suggestion = _results_from_pages(outcome, params, scope, terms, request)
    if params.q != typed:
        suggestion = suggestion or params.q  # what was searched for instead, as a "Did you mean"
    notice = ""
    if strategy.name == "fallback":
        notice = _("Full-text search is temporarily unavailable: these results match titles and summaries only.")
    return {
        "count": outcome.count,
        "results": results,
        "facets": label_facets(outcome.facets, params.locale),
        "notice": notice,
        "suggestion": suggestion,
        "backend": strategy.name,
    }


def _instead(found, q, scope):
    """``(strategy, outcome, params)`` of the search for ``q`` in place of ``found``'s, if it
    finds anything; else ``found``."""
    params = replace(found[2], q=q)
    strategy, outcome = _call("search", params, scope)
    return (strategy, outcome, params) if outcome.count else found


def _correction(strategy, outcome, params, scope):
    """The reader's words corrected from the titles, summaries and intros of the best pages
    found (``suggest``), or ``""``."""
    best = [hit for hit in outcome.hits[:SUGGEST_FROM] if hit.source is not None]
    titles = dict(
        Page.objects.filter(id__in=[hit.page_id for hit in best], live=True)
        .exclude(id__in=scope.private_ids)
        .values_list("id", "title")
    )
    pages = [_Indexed(titles[hit.page_id], hit.source) for hit in best if hit.page_id in titles]
    if not pages:
        return ""
    unmatched = strategy.unmatched_words(params, scope) if hasattr(strategy, "unmatched_words") else ()
    return suggest_from_pages(params.tokens, pages, unmatched)


def _results_from_pages(outcome, params, scope, terms, request):
    """Results described from the pages themselves (the database backends)."""
    languages = dict(Locale.objects.values_list("id", "language_code"))
    # one look at the restricted collections for every file row of the page of results
    with restricted_collections_once():
        pages = load_pages([hit.page_id for hit in outcome.hits], scope)
        found = [(hit, pages[hit.page_id]) for hit in outcome.hits if hit.page_id in pages]
        # (a hit missing from the database is an index entry reconcile will drop)
        suggestion = outcome.suggestion
        if outcome.suggest_from_results and params.tokens:
            suggestion = suggest_from_pages(params.tokens, [page for _hit, page in found[:SUGGEST_FROM]])
        if suggestion:  # the corrected words are the ones the pages contain: mark those
            terms = terms + tokenize(suggestion)
        results = [
            describe(
                page,
                languages,
                hit.score,
                hit.snippet or (best_snippet(page, terms, params.locale) if terms else ""),
                request,
            )
            | {"partial": hit.partial}
            for hit, page in found
        ]
    return results, suggestion


def _typed_words_kept(strategy, params, scope, suggestion):
    """``suggestion`` if one of the words it corrects is a word no page has as typed, else ``""``:
    "внутренне перемещенные лица" is spelled right, whatever form of "лицо" the best pages'
    titles have.  (A word found only through its stem, such as "Managment", still counts as
    misspelled once another word is.)  The engine is asked only when there is a correction."""
    changed = [old for old, new in zip(params.tokens, suggestion.split(" ")) if old != new]
    if not changed or not hasattr(strategy, "unmatched_words"):
        return suggestion
    return suggestion if strategy.unmatched_words(params, scope, changed) else ""


class _Indexed:
    """What ``suggest_from_pages`` reads of a result (title, summary, intro and its other
    versions' titles and summaries), from the index."""

    def __init__(self, title, source):
        self.title = title
        self.summary = plain(source.get("summary"))
        self.intro = plain(source.get("intro"))
        self.translated_text = plain(source.get(TRANSLATIONS))


def _results_from_index(strategy, outcome, params, scope, terms, request):
    """Results described from the engine's copy of each page (``Hit.source``) and one query for
    what must be current: live, not private, the title and the URL.  Loading every result's
    specific page and its files cost more than the engine's whole query."""
    ids = [hit.page_id for hit in outcome.hits]
    rows = (
        Page.objects.filter(id__in=ids, live=True)
        .exclude(id__in=scope.private_ids)
        .select_related("locale")
        .only("id", "title", "url_path", "path", "depth", "content_type_id", "locale__language_code")
    )
    pages = {page.id: page for page in rows}
    models = {page.id: ContentType.objects.get_for_id(page.content_type_id).model_class() for page in pages.values()}
    # (a page whose type no longer exists cannot be served: like an index entry gone from the database)
    found = [(hit, pages[hit.page_id]) for hit in outcome.hits if models.get(hit.page_id) is not None]
    suggestion = ""
    if params.tokens:
        suggestion = suggest_from_pages(params.tokens, [_Indexed(p.title, h.source) for h, p in found[:SUGGEST_FROM]])
    if suggestion:
        suggestion = _typed_words_kept(strategy, params, scope, suggestion)
    if suggestion:  # the corrected words are the ones the pages contain: mark those
        terms = terms + tokenize(suggestion)
    texts = {hit.page_id: _indexed_texts(models[hit.page_id], hit.source) for hit, _page in found}
    snippets = {page_id: snippet_from(page_texts, terms, params.locale) for page_id, page_texts in texts.items()}
    unquoted = [page_id for page_id, (_snippet, rank) in snippets.items() if rank < 2 and terms]
    files = public_files({page_id: models[page_id] for page_id in texts}, with_text=unquoted, terms=terms)
    for page_id in unquoted:  # a file text may quote the words in the reader's alphabet
        better = snippet_from(texts[page_id] + files[page_id]["texts"], terms, params.locale)
        if better[1] > snippets[page_id][1]:
            snippets[page_id] = better
    results = []
    for hit, page in found:
        model = models[hit.page_id] or Page
        card = model.describe_indexed(hit.source) if hasattr(model, "describe_indexed") else {}
        results.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": model._meta.label,
                "type_label": card.get("type_label") or str(model._meta.verbose_name).capitalize(),
                "locale": page.locale.language_code,
                "date": card["date"].isoformat() if card.get("date") else None,
                "date_display": card.get("date_display", ""),
                "snippet": hit.snippet or (snippets[hit.page_id][0] if terms else ""),
                "score": round(hit.score, 4),
                "file_languages": files[hit.page_id]["languages"],
                "partial": hit.partial,
            }
        )
    return results, suggestion


def public_files(models, with_text=(), terms=()):
    """``{page id: {"languages": [...], "texts": [...]}}`` of the pages' public files, read from the
    database with the restrictions as they are now (the index may lag behind a collection made
    private): the languages of every page, the text of the pages in ``with_text`` (around the
    first of ``terms`` in each file).  A page type
    names its file rows in ``search_file_rows``; one query per kind of row."""
    from django.conf import settings

    from cms.models.documents import restricted_collection_ids

    files = {page_id: {"languages": [], "texts": []} for page_id in models}
    by_rows = defaultdict(list)
    for page_id, model in models.items():
        if getattr(model, "search_file_rows", None):
            by_rows[model._meta.get_field(model.search_file_rows).related_model].append(page_id)
    private = restricted_collection_ids()
    for row_model, page_ids in by_rows.items():
        rows = row_model.objects.filter(page_id__in=page_ids, document__isnull=False)
        rows = rows.exclude(document__collection_id__in=private).order_by("page_id", "sort_order")
        # the text only where it is wanted: no more than the index holds, and only the stretch a
        # snippet can come from is kept
        quoted = [pk for pk in page_ids if pk in with_text]
        head = _head("document__extracted_text", settings.SEARCH_TEXT_MAX_CHARS)
        wanted = Case(When(page_id__in=quoted, then=head), default=None) if quoted else Value(None, TextField())
        languages = defaultdict(set)
        for page_id, language, text in rows.values_list("page_id", "document__language", wanted):
            languages[page_id].add(language)
            if text:
                files[page_id]["texts"].append(excerpt(text, terms))
        for page_id, found in languages.items():
            files[page_id]["languages"] = sorted(found)
    return files


class OctetLength(Func):
    """A text's length in bytes: on PostgreSQL read from the value's header, without decompressing it."""

    function = "OCTET_LENGTH"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="LENGTH(CAST(%(expressions)s AS BLOB))", **extra_context)


def _head(field, chars):
    """The first ``chars`` characters of a text field.  ``SUBSTRING`` alone counts the characters
    of every text, however short (on PostgreSQL: 8 ms, where reading the 20 texts of a page of
    results whole took 2); a text of no more bytes than ``chars`` is read as it is."""
    return Case(
        When(LessThanOrEqual(OctetLength(field), chars), then=F(field)),
        default=Substr(field, 1, chars),
        output_field=TextField(),
    )


def _indexed_texts(model, source):
    """The indexed snippet fields of a result as plain texts, in the page type's field order."""
    order = [field.field_name for field in (model or Page).get_search_fields()]
    return [plain(source[name]) for name in order if name in source and name not in (*RESULT_FIELDS, TRANSLATIONS)]


def describe(page, languages, score, snippet, request=None):
    date = getattr(page, "publication_date", None)
    files = page._indexed_files() if hasattr(page, "_indexed_files") else []
    return {
        "title": page.title,
        "url": page.get_url(request),
        "type": page._meta.label,
        "type_label": getattr(page, "kind_label", "") or str(page._meta.verbose_name).capitalize(),
        "locale": languages.get(page.locale_id, ""),
        "date": date.isoformat() if date else None,
        "date_display": getattr(page, "date_display", ""),
        "snippet": snippet,
        "score": round(score, 4),
        "file_languages": sorted({row.document.language for row in files}),
    }


def run_autocomplete(text, locale):
    # Only words reach the backend: quotes and operators would break SQLite's FTS syntax.
    text = " ".join(tokenize(text))
    if not text:
        return []
    scope = build_scope(locale)
    _strategy, ids = _call("autocomplete", text, scope)
    pages = {page.id: page for page in Page.objects.filter(id__in=ids)}
    return [{"title": pages[pk].title, "url": pages[pk].get_url()} for pk in ids if pk in pages]
