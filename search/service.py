"""The search service: validated parameters in, a page of results with facets out.

Views never look at the backend: ``run_search`` asks the strategy of the configured backend
(``backends.get_strategy``) and, if the engine fails or is known to be down, the database
fallback, with a notice for the reader.  A failed engine is not asked again for
``SEARCH_ENGINE_RETRY_AFTER`` seconds, so an outage costs one timeout, not one per request.
"""

import logging
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from . import settings as search_settings
from .backends import get_fallback_strategy, get_strategy
from .facets import label_facets
from .scope import build_scope
from .snippets import best_snippet
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
    """The specific pages for ``ids``, with the relations their snippets read prefetched.

    ``get_indexed_objects()`` is the queryset each page type already tunes for indexing, so a
    page of results costs a few queries per page type instead of several per result.
    """
    by_model = defaultdict(list)
    # An index lagging behind (an unpublish not yet processed) must not show what is no longer public.
    current = Page.objects.filter(id__in=ids, live=True)
    if scope is not None:
        current = current.exclude(id__in=scope.private_ids)
    for page_id, content_type_id in current.values_list("id", "content_type_id"):
        by_model[ContentType.objects.get_for_id(content_type_id).model_class()].append(page_id)
    pages = {}
    for model, model_ids in by_model.items():
        if model is None:
            continue
        queryset = model.get_indexed_objects().filter(id__in=model_ids).select_related("locale")
        pages.update((page.id, page) for page in queryset)
    return pages


def run_search(params):
    """``{"count", "results", "facets", "notice", "backend"}`` for ``params``."""
    scope = build_scope(params.locale)
    strategy, outcome = _call("search", params, scope)
    pages = load_pages([hit.page_id for hit in outcome.hits], scope)
    terms = params.highlight_terms()
    languages = dict(Locale.objects.values_list("id", "language_code"))
    results = []
    for hit in outcome.hits:
        page = pages.get(hit.page_id)
        if page is None:  # in the index, gone from the database: reconcile will drop it
            continue
        results.append(
            describe(
                page, languages, hit.score, hit.snippet or (best_snippet(page, terms, params.locale) if terms else "")
            )
        )
    notice = ""
    if strategy.name == "fallback":
        notice = _("Full-text search is temporarily unavailable: these results match titles and summaries only.")
    return {
        "count": outcome.count,
        "results": results,
        "facets": label_facets(outcome.facets, params.locale),
        "notice": notice,
        "suggestion": outcome.suggestion,
        "backend": strategy.name,
    }


def describe(page, languages, score, snippet):
    date = getattr(page, "publication_date", None)
    files = page._indexed_files() if hasattr(page, "_indexed_files") else []
    return {
        "title": page.title,
        "url": page.get_url(),
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
