"""The dashboard panel "N pages need you" for translators: pages of their locale with strings left.

Counted from translation progress (a Russian page exists, filled with English, as soon as its
source is submitted; cms.translation_status), in one query: a translation needs work while one of
its source's string segments has no error-free translation into its locale.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import get_page_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.translators import confined_locales


def translations_needing_work(language_codes):
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(Exists(translated))
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return Translation.objects.filter(
        Exists(untranslated),
        enabled=True,
        target_locale__language_code__in=language_codes,
        source__specific_content_type__in=page_types,
    )


class PagesNeedYouPanel(Component):
    name = "pages_need_you"
    template_name = "cms/admin/pages_need_you_panel.html"
    order = 50

    def __init__(self, translations):
        self.translations = translations

    def get_context_data(self, parent_context):
        return {"count": self.translations.count(), "report_url": reverse("wagtail_localize:translations_report")}


@hooks.register("construct_homepage_panels")
def add_pages_need_you_panel(request, panels):
    locales = confined_locales(request.user)
    if locales:
        panels.append(PagesNeedYouPanel(translations_needing_work(locales)))
