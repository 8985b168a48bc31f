"""Is this page really translated?  Translation progress says so, not the page's existence.

wagtail-localize creates the Russian page as soon as an English page is submitted for
translation, filled with English text; only the Translation's progress tells whether a
translator has finished.  A page with no Translation pointing at it is a source (or was
written directly in its language) and counts as complete.
"""

from django.db.models import Exists, F, OuterRef

from wagtail_localize.models import StringSegment, StringTranslation, Translation


def translation_progress(page):
    """``(translated, total)`` string segments for a translated page, or ``None`` for a source page."""
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .first()
    )
    if translation is None:
        return None
    total, translated = translation.get_progress()
    return translated, total


def is_fully_translated(page):
    progress = translation_progress(page)
    return progress is None or progress[0] >= progress[1]


def incomplete_translations(pages):
    """The ids of ``pages`` whose translation is unfinished: ``is_fully_translated`` for a whole list.

    For listings such as the sitemap: one query for the translations, one per target locale for the
    untranslated segments, however many pages.
    """
    pages = list(pages)
    if not pages:
        return set()
    translations = (
        Translation.objects.filter(
            source__object_id__in={page.translation_key for page in pages},
            target_locale_id__in={page.locale_id for page in pages},
        )
        .exclude(source__locale_id=F("target_locale_id"))
        .values_list("source__object_id", "target_locale_id", "source_id")
    )
    sources = {(str(key), locale_id): source_id for key, locale_id, source_id in translations}
    unfinished = set()
    for locale_id in {locale_id for _key, locale_id in sources}:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
        in_locale = [source_id for (_key, locale), source_id in sources.items() if locale == locale_id]
        untranslated = (
            StringSegment.objects.filter(source_id__in=in_locale)
            .exclude(Exists(translated))
            .values_list("source_id", flat=True)
            .distinct()
        )
        unfinished.update((source_id, locale_id) for source_id in untranslated)
    return {
        page.pk
        for page in pages
        if (sources.get((str(page.translation_key), page.locale_id)), page.locale_id) in unfinished
    }
