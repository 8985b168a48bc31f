"""The public search page (works without JavaScript) and its JSON twin.

Both parse the same parameters (``query.parse_params``) and ask the same service; neither
knows which backend answers.  Bad input is a 400 naming the parameter, never a 500; an
unreachable engine is a notice and database results, never an error page.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .facets import facet_title
from .query import FACETS, QueryError, parse_params
from .service import run_autocomplete, run_search


def _reader_locale():
    language = (get_language() or "en")[:2]
    return language if language in ("en", "ru") else "en"


def search(request):
    locale = _reader_locale()
    context = {
        "search_query": request.GET.get("q", ""),
        "error": "",
        "outcome": None,
        "library_url": _library_url(locale),
    }
    status = 200
    try:
        params = parse_params(request.GET, default_locale=locale, allow_all=False)
        params.locale = locale  # the page speaks the reader's language; ?locale is for the API
    except QueryError as exc:
        context["error"] = exc.message
        status = 400
        params = None
    if params is not None and (params.q or params.filters):
        outcome = run_search(params, request)
        paginator = Paginator(range(outcome["count"]), params.page_size)
        if outcome["count"] and params.page > paginator.num_pages:  # past the end: show the last page
            params.page = paginator.num_pages
            outcome = run_search(params, request)
        context.update(
            outcome=outcome,
            params=params,
            page_obj=paginator.get_page(params.page),
            facet_groups=[
                {
                    "name": name,
                    "title": facet_title(name),
                    "items": _mark_selected(outcome["facets"][name], params, name),
                }
                for name in FACETS
                if outcome["facets"].get(name)
            ],
            active_filters=[(name, value) for name, values in params.filters.items() for value in values],
        )
    return TemplateResponse(request, "search/search_page.html", context, status=status)


def _library_url(locale):
    from publications.models import PublicationIndexPage

    library = PublicationIndexPage.objects.live().filter(locale__language_code=locale).first()
    return library.get_url() if library else f"/{locale}/"


def _mark_selected(items, params, name):
    selected = set(params.filters.get(name, []))
    return [dict(item, selected=item["value"] in selected) for item in items]


def search_api(request):
    try:
        params = parse_params(request.GET, default_locale="en")
    except QueryError as exc:
        return JsonResponse({"error": exc.message, "parameter": exc.parameter}, status=400)
    if request.GET.get("autocomplete") in ("1", "true"):
        if not params.q:
            return JsonResponse({"error": _("q is required for autocomplete."), "parameter": "q"}, status=400)
        return JsonResponse({"results": run_autocomplete(params.q, params.locale)})
    outcome = run_search(params, request)
    keys = ("title", "url", "type", "locale", "date", "snippet", "score", "file_languages", "partial")
    return JsonResponse(
        {
            "count": outcome["count"],
            "page": params.page,
            "page_size": params.page_size,
            "backend": outcome["backend"],
            "notice": outcome["notice"],
            "suggestion": outcome["suggestion"],
            "results": [{key: item[key] for key in keys} for item in outcome["results"]],
            "facets": outcome["facets"],
        },
        json_dumps_params={"ensure_ascii": False},
    )
