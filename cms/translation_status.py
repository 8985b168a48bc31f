"""Is this page really translated?  Translation progress says so, not the page's existence.

wagtail-localize creates the Russian page as soon as an English page is submitted for
translation, filled with English text; only the Translation's progress tells whether a
translator has finished.  A page with no Translation pointing at it is a source (or was
written directly in its language) and counts as complete.
"""

from wagtail_localize.models import Translation


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
