"""Render relations in the reader's language.

Relation rows copied by wagtail-localize keep pointing at the *source-locale* page, so a
Russian page's partner rows still name English CountryPages.  ``localize_pages`` swaps a
list of pages for their translations in one query per list (never ``.localized`` per item),
falling back to the page itself where no live translation exists.
"""

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


def localize_snippets(objects, locale=None):
    """The same for translatable snippets (rows normally switch to the translation already)."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    locale = locale or Locale.get_active()
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.id}
    by_key = {obj.translation_key: obj for obj in model.objects.filter(translation_key__in=keys, locale=locale)}
    return [obj if obj.locale_id == locale.id else by_key.get(obj.translation_key, obj) for obj in objects]
