from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as serve_document
from wagtail.models import Page, Site


def language_root(request):
    """``/`` answers with the home page in the reader's language; its canonical URL is prefixed."""
    response = wagtail_views.serve(request, "")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def permanent_document(request, document_id):
    """``/documents/<id>/``: our own permanent address, which survives replacing the file.

    Wagtail's address carries the file name, which changes with every new version; this one
    serves whatever the current file is, through Wagtail's view (privacy, CSP, nosniff), and
    names a download after the file the editor uploaded, not the storage's name for it.
    """
    document = get_object_or_404(get_document_model(), pk=document_id)
    response = serve_document.serve(request, document.pk, document.filename)
    if response.status_code == 200:
        response["Content-Disposition"] = document.content_disposition
    return response


def document_preview(request, document_id):
    """``/documents/<id>/preview.png``: the first-page image, under the same privacy as the file."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if not document.preview:
        raise Http404("This document has no preview.")
    for hook in hooks.get_hooks("before_serve_document"):  # collection view restrictions live here
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    response = FileResponse(document.preview.open("rb"), content_type="image/png")
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def permalink(request, page_id):
    """``/p/<id>/``: a page's permanent address, which survives a new slug or a move in the tree."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    return HttpResponseRedirect(page.get_url(request))


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", "Disallow: /api/", ""]
    lines.append(f"Sitemap: {root}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=604800, public=True)
def favicon(request):
    """``/favicon.ico``: browsers and feed readers ask for it at the root, whatever the page says."""
    path = finders.find("favicon.ico")
    if path is None:
        raise Http404("No favicon.ico among the static files.")
    return FileResponse(open(path, "rb"), content_type="image/vnd.microsoft.icon")
