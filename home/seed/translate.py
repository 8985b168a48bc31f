"""The Russian half of the seed: every object goes the way a translator's work goes in wagtail-localize.

``translate_object`` creates the Translation, the PO export is filled from ``russian.py`` (plus the state
names of the seed's CSV), imported, and the target saved and published.  A string with no Russian
translation stops the load (``CommandError`` naming it) before anything English is published as Russian.
"""

import html

import polib

from django.core.management.base import CommandError

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home.models import HomePage

# The Russian home page is a sibling of the English one under the tree root, where slugs must be
# unique: it cannot be "home" (wagtail-localize would make it "home-1").
RUSSIAN_HOME_SLUG = "home-ru"


def escape(text):
    # wagtail-localize stores plain-text segments as minimally escaped HTML (BeautifulSoup output).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RussianTranslator:
    """Translate objects into ``locale`` from the ``russian`` dictionary (English -> Russian).

    Counts each object under "<kind> (ru)" in ``stats`` and reports through ``say(message, level)``.
    """

    def __init__(self, locale, russian, stats, say):
        self.locale = locale
        self.russian = russian
        self.stats = stats
        self.say = say
        self.parents = []  # (model, pk, kind) of every page translated, for settle_sources()

    def settle_sources(self):
        """Refresh the translation sources of pages that gained children after they were translated.

        A TranslationSource stores the whole page, ``numchild`` included, so a parent translated before its
        children looks "changed" on the next run.  Bringing those sources up to date now keeps a second run
        at 0 updated.  The Russian parents are re-saved from identical strings (nothing visible changes).
        """
        for model, pk, kind in self.parents:
            page = model.objects.get(pk=pk)
            if page.numchild:
                self.translate(page, kind, count=False)

    def russian_for(self, obj, msgid, msgctxt):
        if msgctxt == "slug":  # page slugs stay Latin, like the English ones
            return RUSSIAN_HOME_SLUG if isinstance(obj, HomePage) else msgid
        russian = self.russian.get(html.unescape(msgid))
        return None if russian is None else escape(russian)

    def translate(self, obj, kind, count=True):
        """Make (or bring up to date) the complete Russian translation of ``obj``; count it under "kind (ru)"."""
        if isinstance(obj, Page):
            obj = obj.specific
        label = f"{kind} (ru)"
        source = TranslationSource.objects.get_for_instance_or_none(obj)
        translation = source and Translation.objects.filter(source=source, target_locale=self.locale).first()
        if translation is None:
            translate_object(obj, [self.locale], user=None)
            source = TranslationSource.objects.get_for_instance(obj)
            translation = Translation.objects.get(source=source, target_locale=self.locale)
            status, save = "created", True
        else:
            before = source.last_updated_at
            source, _ = TranslationSource.update_or_create_from_instance(obj)
            save = source.last_updated_at != before
            status = "updated" if save else "unchanged"
            if not translation.enabled:
                translation.enabled = True
                translation.save(update_fields=["enabled"])
                save = True

        exported = translation.export_po()
        po = polib.POFile(wrapwidth=200)
        po.metadata = exported.metadata
        missing, strings_changed = [], False
        for entry in exported:
            if entry.obsolete:
                continue
            wanted = self.russian_for(obj, entry.msgid, entry.msgctxt)
            if wanted is None:
                missing.append(html.unescape(entry.msgid))
                continue
            strings_changed = strings_changed or entry.msgstr != wanted
            po.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=wanted))
        if missing:
            raise CommandError(
                f"No Russian translation in home/seed/russian.py for {len(missing)} string(s) of "
                f"{type(obj).__name__} {str(obj)!r}: " + "; ".join(repr(text) for text in missing)
            )
        if strings_changed:
            warnings = translation.import_po(po, translation_type="manual", tool_name="load_prague_process")
            if warnings:
                raise CommandError(f"PO import for {obj!r} reported: {warnings}")

        try:
            target = source.get_translated_instance(self.locale)
        except obj.__class__.DoesNotExist:
            target = None
        reasons = [
            name
            for name, flag in (
                ("source changed", save),
                ("strings changed", strings_changed),
                ("no target", target is None),
                ("target not live", isinstance(obj, Page) and target is not None and not target.live),
                (
                    "target has unpublished changes",
                    isinstance(obj, Page) and target is not None and target.has_unpublished_changes,
                ),
            )
            if flag
        ]
        if reasons:
            self.say(
                f"    Russian {type(obj).__name__} {str(obj)!r}: {status if status != 'unchanged' else 'updated'}"
                f" ({', '.join(reasons)})",
                2,
            )
            translation.save_target(user=None, publish=True)
            if status == "unchanged":
                status = "updated"

        total, translated = translation.get_progress()
        if total != translated:
            raise CommandError(f"Russian translation of {obj!r} is incomplete: {translated}/{total} strings")
        if count:
            self.stats.add(label, status)
        if isinstance(obj, Page) and count:
            self.parents.append((type(obj), obj.pk, kind))
        return status
