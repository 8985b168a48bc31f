"""The search service: validated parameters in, a page of results with facets out.

Views never look at the backend: ``run_search`` asks the strategy of the configured backend
(``backends.get_strategy``) and, if the engine fails or is known to be down, the database
fallback, with a notice for the reader.  A failed engine is not asked again for
``SEARCH_ENGINE_RETRY_AFTER`` seconds, so an outage costs one timeout, not one per request.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import prefetch_related_objects
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
from .suggest import SUGGEST_FROM, ending_only, suggest_from_pages
from .synonyms import fold, tokenize

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
    # the restricted collections as the scope read them, at the start of this search
    with restricted_collections_once(scope.private_collection_ids):
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
    unmatched = outcome.unmatched
    if unmatched is None:  # (the search did not count the words)
        unmatched = strategy.unmatched_words(params, scope) if hasattr(strategy, "unmatched_words") else ()
    return suggest_from_pages(params.tokens, pages, unmatched)


def _results_from_pages(outcome, params, scope, terms, request):
    """Results described from the pages themselves (the database backends)."""
    languages = dict(Locale.objects.values_list("id", "language_code"))
    # (inside run_search's one look at the restricted collections, for every file row)
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
    pairs = list(zip(params.tokens, suggestion.split(" ")))
    changed = [old for old, new in pairs if old != new]
    if not changed or not hasattr(strategy, "unmatched_words"):
        return suggestion
    unmatched = strategy.unmatched_words(params, scope, changed)
    if not unmatched:
        return ""
    # A Russian word that pages have as the search matches it keeps the reader's case where only
    # its ending would change: "в 2024 году" stays, though the best pages' titles say "года".
    kept = [old if old != new and fold(old) not in unmatched and ending_only(old, new) else new for old, new in pairs]
    return " ".join(kept)


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
    pages = _current_pages([hit.page_id for hit in outcome.hits], scope, request)
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
        # (the page's own texts were read: only the files' can do better)
        better = snippet_from(files[page_id]["texts"], terms, params.locale)
        if better[1] > snippets[page_id][1] or not snippets[page_id][0]:
            snippets[page_id] = better
    results = []
    for hit, page in found:
        model = models[hit.page_id] or Page
        card = model.describe_indexed(hit.source) if hasattr(model, "describe_indexed") else {}
        results.append(
            {
                "title": page.title,
                "url": page.url,
                "type": model._meta.label,
                "type_label": card.get("type_label") or str(model._meta.verbose_name).capitalize(),
                "locale": page.language_code,
                "date": card["date"].isoformat() if card.get("date") else None,
                "date_display": card.get("date_display", ""),
                "snippet": hit.snippet or (snippets[hit.page_id][0] if terms else ""),
                "score": round(hit.score, 4),
                "file_languages": files[hit.page_id]["languages"],
                "partial": hit.partial,
            }
        )
    return results, suggestion


@dataclass
class _Current:
    """What a result reads of its page as it is now (``_current_pages``)."""

    id: int
    title: str
    url_path: str
    content_type_id: int
    language_code: str
    url: str | None = None


PAGE_FIELDS = ("id", "title", "url_path", "content_type_id")


def _current_pages(ids, scope, request=None):
    """``{id: _Current}`` of the pages of ``ids`` that are live and not private now, with their
    URLs (``page_urls``), in one statement written out: the same query through the ORM, and a
    page object for each result, cost 2.6 ms and 1.5 ms, six times the query's own time."""
    if not ids:
        return {}
    quote = connection.ops.quote_name
    page, locale = quote(Page._meta.db_table), quote(Locale._meta.db_table)
    columns = ", ".join(f"p.{quote(Page._meta.get_field(name).column)}" for name in PAGE_FIELDS)
    sql = f"SELECT {columns}, l.language_code FROM {page} p JOIN {locale} l ON l.id = p.locale_id"
    sql += f" WHERE p.live AND p.id IN ({_marks(ids)})"
    args = list(ids)
    if scope.private_ids:
        sql += f" AND p.id NOT IN ({_marks(scope.private_ids)})"
        args += scope.private_ids
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        rows = cursor.fetchall()
    pages = {row[0]: _Current(*row) for row in rows}
    urls = page_urls([page.url_path for page in pages.values()], request)
    for page in pages.values():
        page.url = urls[page.url_path]
    return pages


def page_urls(url_paths, request=None):
    """``{url path: URL}``: what ``Page.get_url(request)`` answers for a page of each path, without
    a page object (the sites' root paths read once, each language's URLs reversed together).
    Pages whose type routes itself (``get_url_parts`` overridden) are not among search results'
    types; ``tests/search/test_query.py`` checks every seed page against Wagtail's answer."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Site
    from wagtail.models.pages import WAGTAIL_APPEND_SLASH

    try:
        root_paths = request._wagtail_cached_site_root_paths
    except AttributeError:
        root_paths = Site.get_site_root_paths()
        if request is not None:
            request._wagtail_cached_site_root_paths = root_paths
    several = len({root[0] for root in root_paths}) > 1
    current = Site.find_for_request(request) if request is not None and several else None
    active = translation.get_language()
    by_language, parts = defaultdict(list), {}
    for url_path in url_paths:
        possible = [root for root in root_paths if url_path.startswith(root.root_path)]
        if not possible:
            parts[url_path] = None
            continue
        site_id, root_path, root_url, language_code = possible[0]
        if several and current is not None and len({root[0] for root in possible}) > 1:
            site_id, root_path, root_url, language_code = next(
                (root for root in possible if root[0] == current.pk), possible[0]
            )
        try:
            if get_supported_content_language_variant(active) == language_code:
                language_code = active
        except LookupError:
            pass
        parts[url_path] = (site_id, root_url)
        by_language[language_code].append((url_path, url_path[len(root_path) :]))
    urls = {url_path: None for url_path, found in parts.items() if found is None}
    for language_code, paths in by_language.items():
        with translation.override(language_code):
            for url_path, relative in paths:
                try:
                    page_path = reverse("wagtail_serve", args=(relative,))
                except NoReverseMatch:
                    urls[url_path] = None
                    continue
                if not WAGTAIL_APPEND_SLASH and page_path != "/":
                    page_path = page_path.rstrip("/")
                site_id, root_url = parts[url_path]
                here = not several or (current is not None and site_id == current.pk)
                urls[url_path] = page_path if here else root_url + page_path
    return urls


def public_files(models, with_text=(), terms=()):
    """``{page id: {"languages": [...], "texts": [...]}}`` of the pages' public files, read from the
    database with the restrictions as they are now (the index may lag behind a collection made
    private): the languages of every page, the text of the pages in ``with_text`` (around the
    first of ``terms`` in each file).  A page type names its file rows in ``search_file_rows``.

    One statement for every kind of file row, written out: building the same query through the
    ORM cost 2–3 ms a search, ten times the query's own time."""
    from django.conf import settings

    from cms.models import Document
    from cms.models.documents import restricted_collection_ids

    files = {page_id: {"languages": [], "texts": []} for page_id in models}
    by_rows = defaultdict(list)
    for page_id, model in models.items():
        if getattr(model, "search_file_rows", None):
            by_rows[model._meta.get_field(model.search_file_rows)].append(page_id)
    if not by_rows:
        return files
    private = sorted(restricted_collection_ids())
    quote = connection.ops.quote_name
    document = quote(Document._meta.db_table)
    parts, args = [], []
    for relation, page_ids in by_rows.items():
        row_model = relation.related_model
        table, page = quote(row_model._meta.db_table), quote(relation.field.column)
        file = quote(row_model._meta.get_field("document").column)
        order = quote(row_model._meta.get_field("sort_order").column)
        # the text only where it is wanted: no more than the index holds, and only the stretch a
        # snippet can come from is kept
        quoted = [pk for pk in page_ids if pk in with_text]
        text = "NULL"
        if quoted:
            text = f"CASE WHEN r.{page} IN ({_marks(quoted)}) THEN {_head_sql('d.extracted_text')} END"
            args += [*quoted, settings.SEARCH_TEXT_MAX_CHARS, settings.SEARCH_TEXT_MAX_CHARS]
        sql = f"SELECT r.{page}, d.language, {text}, r.{order} FROM {table} r JOIN {document} d ON d.id = r.{file}"
        sql += f" WHERE r.{page} IN ({_marks(page_ids)})"
        args += page_ids
        if private:
            sql += f" AND d.collection_id NOT IN ({_marks(private)})"
            args += private
        parts.append(sql)
    languages = defaultdict(set)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 4", args)
        for page_id, language, text, _order in cursor.fetchall():
            languages[page_id].add(language)
            if text:
                files[page_id]["texts"].append(excerpt(text, terms))
    for page_id, found in languages.items():
        files[page_id]["languages"] = sorted(found)
    return files


def _marks(values):
    return ", ".join(["%s"] * len(values))


def _head_sql(column):
    """SQL for the first N characters of a text column (N: the two parameters it takes).
    ``SUBSTR`` alone counts the characters of every text, however short (on PostgreSQL: 8 ms,
    where reading the 20 texts of a page of results whole took 2); a text of no more bytes than
    N is read as it is, its length in bytes read from the value's header, not decompressed."""
    octets = f"LENGTH(CAST({column} AS BLOB))" if connection.vendor == "sqlite" else f"OCTET_LENGTH({column})"
    return f"CASE WHEN {octets} <= %s THEN {column} ELSE SUBSTR({column}, 1, %s) END"


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
