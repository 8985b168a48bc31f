"""Synchronised fields follow the live source page into its live translations, and nothing else does.

Why our own: wagtail-localize refreshes synchronised fields (dates, codes, choices, files, relation
rows) only when a translation is saved, ``Translation.save_target()`` — from "Sync translated pages"
or the translation editor's Publish — which rebuilds the whole page from translation memory, so it
also publishes every string a translator saved but has not published yet.  Publishing an English
page should not do that, and should not wait for somebody to sync.

The rule (``synchronise(source, target)``):

- plain synchronised fields (wagtail-localize's ``SynchronizedField``s, StreamFields excluded: their
  text is translated) are copied from the source;
- a foreign key to a translatable snippet is switched to the snippet's translation in the target's
  locale (the source's row when there is none), as wagtail-localize does;
- child rows (orderables) are matched by ``translation_key``: a matched row gets the source row's
  synchronised fields and order but keeps its translated text; a row new in the source is added with
  the source's text (English until it is translated); a row the source dropped is dropped.

Where it runs (cms.signal_handlers, on ``page_published``):

- a source page is published: every *live* translation is synchronised, on its live row and on its
  latest revision (so that publishing that revision later, or editing it, does not bring back the
  old values); a translation that is not live yet gets the values when it is published (below);
- a translation is published (wagtail-localize's Publish rebuilds it from the source *as it was when
  last synced*, ``TranslationSource.content_json``): its synchronised fields are pulled again from
  the live source, so an older snapshot never reverts them.

Translated text changes only through wagtail-localize (the translator's Publish, or a moderator's
"Sync translated pages"); the status report (cms.translation_report) shows a translation as stale
while its source has been published since.  Delete this module if wagtail-localize learns to
synchronise on publish without saving the target from translation memory.
"""

from django.db import models, transaction

from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import Translation


def _is_child_relation(field):
    return isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey)


def _is_snippet_key(field):
    return (
        isinstance(field, models.ForeignKey)
        and issubclass(field.related_model, TranslatableMixin)
        and not issubclass(field.related_model, Page)
    )


def _plan(model):
    """``(copied, localized, rows)``: field names copied as they are, snippet keys, child relations."""
    copied, localized, rows = [], [], []
    for translatable_field in get_translatable_fields(model):
        field = translatable_field.get_field(model)
        if _is_child_relation(field):
            rows.append(field.name)
        elif isinstance(translatable_field, SynchronizedField) and not isinstance(field, StreamField):
            copied.append(field)
        elif isinstance(translatable_field, TranslatableField) and _is_snippet_key(field):
            localized.append(field)
    return copied, localized, rows


def _localized(obj, locale):
    if obj is None or obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale) or obj


def _copy_fields(source, target, copied, localized):
    for field in copied:
        setattr(target, field.attname, getattr(source, field.attname))
    for field in localized:
        setattr(target, field.name, _localized(getattr(source, field.name), target.locale))


def _new_row(source_row, target):
    """A copy of a source row for the target: the source's text until a translator translates it."""
    model = type(source_row)
    values = {
        field.attname: getattr(source_row, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and not isinstance(field, ParentalKey)
    }
    row = model(**values)
    row.locale = target.locale
    return row


def _sync_rows(source, target, relation_name, live_pks):
    model = source._meta.get_field(relation_name).related_model
    copied, localized, _rows = _plan(model)
    existing = {row.translation_key: row for row in getattr(target, relation_name).all()}
    rows = []
    for source_row in getattr(source, relation_name).all():
        row = existing.get(source_row.translation_key)
        if row is None:
            row = _new_row(source_row, target)
            row.pk = live_pks.get((relation_name, source_row.translation_key))
        _copy_fields(source_row, row, copied, localized)
        if hasattr(source_row, "sort_order"):
            row.sort_order = source_row.sort_order
        rows.append(row)
    setattr(target, relation_name, rows)


def synchronise(source, target, live_pks=None):
    """Apply the source's synchronised values to ``target`` in memory; returns the names changed."""
    copied, localized, rows = _plan(type(source))
    _copy_fields(source, target, copied, localized)
    for relation_name in rows:
        _sync_rows(source, target, relation_name, live_pks or {})
    return [field.name for field in copied + localized] + rows


@transaction.atomic
def synchronise_live_translation(source, target):
    """Bring the live ``target`` page and its latest revision in line with the live ``source``."""
    source, target = source.specific, target.specific
    names = synchronise(source, target)
    target.save(update_fields=names, clean=False)
    live_pks = {
        (name, row.translation_key): row.pk
        for name in names
        if _is_child_relation(target._meta.get_field(name))
        for row in getattr(target, name).all()
    }
    revision = target.latest_revision
    if revision is not None:
        draft = revision.as_object()
        synchronise(source, draft, live_pks)
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])


def translations_of(source):
    """The pages translated from ``source`` through wagtail-localize."""
    target_locales = Translation.objects.filter(
        source__object_id=source.translation_key, source__locale_id=source.locale_id, enabled=True
    ).values("target_locale_id")
    return Page.objects.filter(translation_key=source.translation_key, locale_id__in=target_locales)


def source_of(translation_page):
    """The live page ``translation_page`` is translated from, or ``None``."""
    translation = (
        Translation.objects.filter(
            source__object_id=translation_page.translation_key,
            target_locale_id=translation_page.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=translation_page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    return (
        Page.objects.live()
        .filter(translation_key=translation_page.translation_key, locale_id=translation.source.locale_id)
        .first()
    )


def on_page_published(instance, **kwargs):
    page = instance.specific
    for target in translations_of(page).live():
        synchronise_live_translation(page, target)
    source = source_of(page)
    if source is not None:
        synchronise_live_translation(source, page)
