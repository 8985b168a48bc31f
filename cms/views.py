from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers

from wagtail import views as wagtail_views
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as serve_document


def language_root(request):
    """``/`` answers with the home page in the reader's language; its canonical URL is prefixed."""
    response = wagtail_views.serve(request, "")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def permanent_document(request, document_id):
    """``/documents/<id>/``: our own permanent address, which survives replacing the file.

    Wagtail's address carries the file name, which changes with every new version; this one
    serves whatever the current file is, through Wagtail's view (privacy, CSP, nosniff).
    """
    document = get_object_or_404(get_document_model(), pk=document_id)
    return serve_document.serve(request, document.pk, document.filename)
