"""RSS and Atom feeds of the library, for any filtered view, in the reader's language.

Django's syndication framework writes the XML.  Every URL in a feed is absolute and comes from the
Wagtail Site record (``get_full_url``), like the sitemap's and the pages' canonical links, so the
three never disagree about the host.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .library import Library

FEED_SIZE = 50


class LibraryFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page, request, subpage):
        super().__init__()
        self.index_page = index_page
        self.request = request
        self.subpage = subpage  # this feed's path below the library page
        self.library = Library(index_page, request.GET)

    def response(self):
        feed = self.get_feed(None, self.request)
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
        return response

    def _filtered_url(self, url):
        query = self.request.GET.urlencode()
        return f"{url}?{query}" if query else url

    def title(self):
        active = self.library.active(self.library.facets()) if self.library.filters else []
        suffix = "; ".join(f"{item['heading']}: {item['label']}" for item in active)
        title = f"{self.index_page.title} · {_('Prague Process')}"
        return f"{title} ({suffix})" if suffix else title

    def link(self):
        return self._filtered_url(self.index_page.get_full_url(self.request))

    def feed_url(self):
        return self._filtered_url(self.index_page.get_full_url(self.request) + self.subpage)

    def description(self):
        return self.index_page.specific.intro or self.title()

    def items(self):
        return list(self.library.publications()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        if item.publication_date:
            return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time()))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.kind_label] if item.kind_label else []


class LibraryAtomFeed(LibraryFeed):
    feed_type = Atom1Feed
    subtitle = LibraryFeed.description
