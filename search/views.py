"""The public search page and its JSON twin.

A first, backend-neutral version: full text over live pages in the reader's locale,
paginated.  Facets, highlighting and the bilingual merge come with the search issue.
"""

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def _run_query(query, language):
    pages = Page.objects.live().public().exclude(depth__lte=2)
    if language != "all":
        pages = pages.filter(locale__language_code=language)
    return pages.search(query, operator="and")


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    language = (get_language() or "en")[:2]
    results = None
    page_obj = None
    if query:
        results = _run_query(query, language)
        paginator = Paginator(results, 20)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, ValueError):
            page_obj = paginator.page(1)
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "page_obj": page_obj, "results": results}
    )


def search_api(request):
    query = request.GET.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        return JsonResponse({"error": f"q is longer than {MAX_QUERY_LENGTH} characters."}, status=400)
    language = request.GET.get("locale", "en")
    if language != "all" and not Locale.objects.filter(language_code=language).exists():
        return JsonResponse({"error": f"Unknown locale {language!r}."}, status=400)
    results = list(_run_query(query, language)[:20]) if query else []
    return JsonResponse(
        {
            "count": len(results),
            "results": [
                {
                    "title": page.title,
                    "url": page.get_url(request=request),
                    "type": page.specific_class._meta.label if page.specific_class else "",
                    "locale": page.locale.language_code,
                }
                for page in results
            ],
        }
    )
