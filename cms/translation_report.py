"""The translation status of every English page in every other locale, for the report and the panel.

One row per page × locale, with one of four statuses:

- **translated**: every string segment of the translation is translated (or the page was written
  in its locale directly, without a wagtail-localize translation);
- **partly translated (N%)**: some strings are translated;
- **not started**: no string is translated yet, or the page has not been submitted at all;
- **stale since** a date: the English page was published after its translation source was last
  refreshed (``TranslationSource.last_updated_at``), so the strings the translator works on are
  older than the live English text until a moderator syncs ("Sync translated pages"); the date is
  the first such publication.  Stale wins over the other three: its progress is of old strings.

A row *needs the translator* when it has a translation with strings left (the dashboard panel
"N pages need you" counts those rows, so its number is the report's).  Progress is counted as
``Translation.get_progress()`` does, in two queries per locale for all pages.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

TRANSLATED = "translated"
PARTLY = "partly"
NOT_STARTED = "not_started"
STALE = "stale"
STATUS_LABELS = {
    TRANSLATED: _("Translated"),
    PARTLY: _("Partly translated"),
    NOT_STARTED: _("Not started"),
    STALE: _("Stale"),
}


@dataclass
class StatusRow:
    page: Page  # the English source
    locale: Locale
    section: Page | None  # the top-level page of the English home it is under; None for the home page
    status: str
    translated: int = 0
    total: int = 0
    stale_since: datetime | None = None
    target: Page | None = None
    translation: Translation | None = None

    @property
    def percent(self):
        return 100 if not self.total else int(100 * self.translated / self.total)

    @property
    def needs_translator(self):
        return self.translation is not None and self.translation.enabled and self.translated < self.total

    @property
    def may_be_submitted(self):
        return self.target is None


def english_home():
    return Page.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)


def sections():
    """The top-level pages of the English home, each the root of one section."""
    return list(english_home().get_children().order_by("path"))


def target_locales(language_codes=None):
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if language_codes is not None:
        locales = locales.filter(language_code__in=language_codes)
    return list(locales)


def source_pages(section=None, content_type=None):
    pages = Page.objects.descendant_of(section or english_home(), inclusive=True)
    if content_type is not None:
        pages = pages.filter(content_type=content_type)
    return list(pages.select_related("content_type").order_by("path"))


def _progress(source_ids, locale):
    """``{source_id: (translated, total)}`` for one target locale."""
    segments = StringSegment.objects.filter(source_id__in=source_ids)
    totals = dict(segments.values("source_id").annotate(n=Count("pk")).values_list("source_id", "n"))
    translated_exists = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=locale, has_error=False
    )
    done = dict(
        segments.filter(Exists(translated_exists))
        .values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    return {source_id: (done.get(source_id, 0), total) for source_id, total in totals.items()}


def _first_publications_after(pages_and_times):
    """``{page_id: datetime}``: each page's first publication after the given time."""
    if not pages_and_times:
        return {}
    earliest = min(when for _page_id, when in pages_and_times)
    entries = (
        PageLogEntry.objects.filter(
            page_id__in={page_id for page_id, _when in pages_and_times},
            action="wagtail.publish",
            timestamp__gt=earliest,
        )
        .values_list("page_id", "timestamp")
        .order_by("timestamp")
    )
    after = dict(pages_and_times)
    first = {}
    for page_id, timestamp in entries:
        if page_id not in first and timestamp > after[page_id]:
            first[page_id] = timestamp
    return first


def _section_of(page, section_by_path):
    return section_by_path.get(page.path[: Page.steplen * 3]) if page.depth >= 3 else None


def status_rows(pages, locales):
    """The report's rows for these English pages in these locales, in tree order, locale by locale."""
    keys = [page.translation_key for page in pages]
    section_by_path = {section.path: section for section in sections()}
    rows = []
    for locale in locales:
        translations = {
            translation.source.object_id: translation
            for translation in Translation.objects.filter(
                source__object_id__in=keys,
                source__locale__language_code=settings.LANGUAGE_CODE,
                target_locale=locale,
            ).select_related("source")
        }
        targets = {
            target.translation_key: target
            for target in Page.objects.filter(translation_key__in=keys, locale=locale).only(
                "id", "title", "translation_key", "live", "alias_of_id", "locale_id", "path", "depth"
            )
        }
        progress = _progress([translation.source_id for translation in translations.values()], locale)
        stale = [
            (page.pk, translations[page.translation_key].source.last_updated_at)
            for page in pages
            if page.translation_key in translations
            and page.last_published_at
            and page.last_published_at > translations[page.translation_key].source.last_updated_at
        ]
        stale_since = _first_publications_after(stale)
        stale_pages = {page_id for page_id, _when in stale}
        for page in pages:
            translation = translations.get(page.translation_key)
            target = targets.get(page.translation_key)
            row = StatusRow(page, locale, _section_of(page, section_by_path), NOT_STARTED, target=target)
            if translation is not None:
                row.translation = translation
                row.translated, row.total = progress.get(translation.source_id, (0, 0))
                if page.pk in stale_pages:
                    row.status = STALE
                    row.stale_since = stale_since.get(page.pk, page.last_published_at)
                elif row.translated >= row.total:
                    row.status = TRANSLATED
                elif row.translated:
                    row.status = PARTLY
            elif target is not None and target.alias_of_id is None:
                row.status = TRANSLATED  # written in its locale, not through wagtail-localize
            rows.append(row)
    return rows


def pages_needing_translator(language_codes):
    """The rows of these locales the dashboard panel counts."""
    rows = status_rows(source_pages(), target_locales(language_codes))
    return [row for row in rows if row.needs_translator]


def untranslated_in_section(section, locale):
    """English pages of ``section`` (itself included) that have no page in ``locale`` yet, parents first."""
    existing = Page.objects.filter(locale=locale).values("translation_key")
    return [
        page.specific
        for page in Page.objects.descendant_of(section, inclusive=True)
        .exclude(translation_key__in=existing)
        .order_by("path")
    ]
