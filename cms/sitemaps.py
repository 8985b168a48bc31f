"""The sitemap lists every language, each URL with its real translations as hreflang alternates.

Wagtail's own sitemap walks the default site's (English) tree only and ignores Django's
``i18n``/``alternates`` options, so the alternates are returned from ``get_sitemap_urls()``-style
entries built here: translations of a whole sitemap page in one query, their progress in one
more per language (a translation still in progress is English text, not an alternate).
URLs come from the Site record, like the pages' canonical links and the feeds.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .translation_status import incomplete_translations


class BilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return (
            Page.objects.live()
            .public()
            .filter(in_site)
            .order_by("path")
            .defer_streamfields()
            .select_related("locale")
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in pages}
        versions = list(
            Page.objects.live().public().filter(translation_key__in=keys).select_related("locale").order_by("path")
        )
        unfinished = incomplete_translations(versions)
        by_key = {}
        for version in versions:
            if version.pk not in unfinished:
                by_key.setdefault(version.translation_key, []).append(version)
        urls = []
        for item in pages:
            entry = {"location": item.get_full_url(self.request), "lastmod": item.last_published_at}
            real = by_key.get(item.translation_key, [])
            if len(real) > 1 and item.pk not in unfinished:
                entry["alternates"] = [
                    {"lang_code": version.locale.language_code, "location": version.get_full_url(self.request)}
                    for version in real
                ]
            urls.append(entry)
        dates = [entry["lastmod"] for entry in urls]
        if dates and None not in dates:
            self.latest_lastmod = max(dates)
        return urls
