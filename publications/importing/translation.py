"""Making the Russian page of an imported publication through wagtail-localize's own path.

The same calls as the admin's "Translate this page" and PO upload: a ``TranslationSource`` for
the English page, a ``Translation`` into the target locale (``TranslationCreator``, the engine of
``wagtail_localize.operations.translate_object``), its strings filled through ``export_po()`` /
``import_po()``, and ``save_target()`` to write the page.  Structure (dates, country and thematic
rows, *files*) is synchronised from the English page; only text comes from the translation row.
"""

from django.db.models import Q

from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

IMPORT_TOOL = "import_documents"
# Text segments of a publication that a translation row provides.
ROW_FIELDS = {"title": "title", "summary": "summary"}


class TranslationBlocked(Exception):
    """The target page must not be overwritten; the message says why."""


def translation_for(page, locale):
    """The enabled ``Translation`` of ``page`` into ``locale`` if there is one, else None."""
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, specific_content_type=page.content_type_id
    )
    return Translation.objects.filter(source__in=source, target_locale=locale).select_related("source").first()


def edited_by_translators(page, locale, since):
    """True if someone changed a string of this page's translation in the editor after ``since``."""
    return (
        StringTranslation.objects.filter(context__object_id=page.translation_key, locale=locale, updated_at__gt=since)
        .filter(~Q(tool_name=IMPORT_TOOL))
        .exists()
    )


def translate_page(page, locale, values, *, user=None, publish=False):
    """Create or update the translation of ``page`` into ``locale`` with the text in ``values``.

    ``page`` is the English page as it should be translated (its latest revision).  Returns the
    translated page, fresh from the database.  Publishing happens on commit (wagtail-localize's
    own behaviour), so the caller's transaction must commit for the page to go live.
    """
    existing = translation_for(page, locale)
    if existing is not None and not existing.enabled:
        raise TranslationBlocked(
            f"the {locale.language_code} page is edited directly (its translation was disabled in the admin)"
        )
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    if translation is None:
        # The admin's "Translate this page": creates the target page as a draft, English text as fallback.
        # Related snippets (thematic areas) are not re-submitted: their translations are the seed's.
        TranslationCreator(user, [locale]).create_translations(page, include_related_objects=False)
        translation = Translation.objects.get(source=source, target_locale=locale)

    po = translation.export_po()
    changed = False
    for entry in po:
        if entry.obsolete:
            continue
        field = ROW_FIELDS.get(entry.msgctxt)
        value = values.get(field) if field else None
        if value and entry.msgstr != value:
            entry.msgstr = value
            changed = True
    if changed:
        translation.import_po(po, user=user, tool_name=IMPORT_TOOL)
    translation.save_target(user=user, publish=publish)
    return page.get_translation(locale).specific
