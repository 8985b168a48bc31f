from django.utils.cache import patch_vary_headers
from wagtail import views as wagtail_views


def language_root(request):
    """``/`` answers with the home page in the reader's language; its canonical URL is prefixed."""
    response = wagtail_views.serve(request, "")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
