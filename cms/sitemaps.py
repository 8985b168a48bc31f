"""The sitemap lists every language: Wagtail's own walks the default site's (English) tree only."""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return Page.objects.live().public().filter(in_site).order_by("path").defer_streamfields().specific()
