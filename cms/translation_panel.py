"""The dashboard panel "N pages need you" for translators: pages of their locale with strings left.

Counted by the translation status report (cms.translation_report: a translation with strings left
to translate), and linked to the report filtered to the same rows, so the two numbers agree.
"""

from urllib.parse import urlencode

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms.translation_report import pages_needing_translator
from cms.translation_report_views import NEEDS_TRANSLATOR
from cms.translators import confined_locales


class PagesNeedYouPanel(Component):
    name = "pages_need_you"
    template_name = "cms/admin/pages_need_you_panel.html"
    order = 50

    def __init__(self, language_codes):
        self.language_codes = sorted(language_codes)

    def get_context_data(self, parent_context):
        query = {"status": NEEDS_TRANSLATOR}
        if len(self.language_codes) == 1:
            query["locale"] = self.language_codes[0]
        return {
            "count": len(pages_needing_translator(self.language_codes)),
            "report_url": f"{reverse('translation_report')}?{urlencode(query)}",
        }


@hooks.register("construct_homepage_panels")
def add_pages_need_you_panel(request, panels):
    locales = confined_locales(request.user)
    if locales:
        panels.append(PagesNeedYouPanel(locales))
