from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from . import admin_views


@hooks.register("register_admin_urls")
def register_extraction_urls():
    return [
        path("documents-text/", admin_views.extraction_status, name="publications_extraction_status"),
        path("documents-text/retry/", admin_views.retry_extraction, name="publications_extraction_retry"),
    ]


def document_policy():
    return policy_registry.get_by_type(get_document_model())


class ExtractionMenuItem(MenuItem):
    def is_shown(self, request):
        return document_policy().user_has_any_permission(request.user, ["add", "change"])


@hooks.register("register_admin_menu_item")
def register_extraction_menu_item():
    return ExtractionMenuItem(
        _("Document text"), reverse("publications_extraction_status"), icon_name="doc-full", order=401
    )
