"""Render relations in the reader's language.

Relation rows copied by wagtail-localize keep pointing at the *source-locale* page, so a
Russian page's partner rows still name English CountryPages.  ``localize_pages`` swaps a
list of pages for their translations in one query per list (never ``.localized`` per item),
falling back to the page itself where no live translation exists.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from wagtail.models import Locale, Page


def localize_pages(pages, locale=None, *, live_only=True):
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    locale = locale or Locale.get_active()
    keys = {page.translation_key for page in pages if page.locale_id != locale.id}
    if not keys:
        return [page.specific for page in pages]
    translations = Page.objects.filter(translation_key__in=keys, locale=locale)
    if live_only:
        translations = translations.live()
    by_key = {page.translation_key: page for page in translations.specific()}
    return [
        page.specific if page.locale_id == locale.id else by_key.get(page.translation_key, page.specific)
        for page in pages
    ]


def fallback_order(locale):
    """The locales a reader of ``locale`` falls back to, best first: the source language (English) first."""
    others = Locale.objects.exclude(pk=locale.pk).values_list("pk", "language_code")
    return [pk for pk, code in sorted(others, key=lambda item: (item[1] != settings.LANGUAGE_CODE, item[0]))]


def for_reader(pages, locale):
    """``pages`` as a reader of ``locale`` sees them: one version of each page.

    Every page in ``locale``, plus, for a page with no live version in ``locale``, its version in
    the first fallback locale that has one, so an untranslated English publication still reaches
    Russian readers and a Russian-only output still reaches English ones.  All in SQL: use it on
    listings of any size.
    """
    live = Page.objects.filter(live=True)
    condition = Q(locale_id=locale.pk)
    covered = [locale.pk]
    for other in fallback_order(locale):
        better = live.filter(translation_key=OuterRef("translation_key"), locale_id__in=list(covered))
        condition |= Q(locale_id=other) & ~Exists(better)
        covered.append(other)
    return pages.filter(condition)


def children_for_reader(page, pages):
    """The children of ``page`` (in any of its translations) among ``pages``, one version each."""
    parents = page.get_translations(inclusive=True)
    return for_reader(
        pages.filter(reduce(or_, (Q(path__startswith=p.path, depth=p.depth + 1) for p in parents))), page.locale
    )


def descendants_for_reader(page, pages):
    parents = page.get_translations(inclusive=True)
    return for_reader(pages.filter(reduce(or_, (Q(path__startswith=p.path) for p in parents))), page.locale)
