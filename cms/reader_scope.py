"""Which readers a page is the version shown to: a filter field of every page's index entry.

A page in one language stands in for its missing translations: an English publication with no
live Russian version is what a Russian reader finds (``search.scope``).  The engines filter on
``reader_codes`` instead of receiving the list of every such page with each query; the value is
recomputed whenever the page is indexed, and publishing or unpublishing one version re-indexes
the others (``search.signals.reindex_translations``).
"""

from django.db import models

from wagtail.search import index

READER_CODES_FIELD = "reader_codes"


class ReaderScopedPage(models.Model):
    """Mixed into every searchable page type, before ``Page``; list ``READER_SCOPE_FIELD`` in its
    ``search_fields`` (the ``search.E010`` check says when a type lacks it)."""

    class Meta:
        abstract = True

    def reader_codes(self):
        from wagtail.models import Page

        from search.scope import reader_codes

        if not self.live:
            return []
        # a version behind a view restriction stands in for nobody, and nobody's fallback waits for it
        public = Page.objects.filter(translation_key=self.translation_key, live=True).public()
        return reader_codes(self, set(public.values_list("locale__language_code", flat=True)))


READER_SCOPE_FIELD = index.FilterField(READER_CODES_FIELD)
