from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .admin_views import document_policy


@hooks.register("register_admin_urls")
def register_extraction_urls():
    return [
        path("documents-text/", admin_views.extraction_status, name="publications_extraction_status"),
        path("documents-text/retry/", admin_views.retry_extraction, name="publications_extraction_retry"),
    ]


class ExtractionMenuItem(MenuItem):
    def is_shown(self, request):
        return document_policy().user_has_any_permission(request.user, ["change"])


@hooks.register("register_admin_menu_item")
def register_extraction_menu_item():
    return ExtractionMenuItem(
        _("Document text"), reverse("publications_extraction_status"), icon_name="doc-full", order=401
    )
