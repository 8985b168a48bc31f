"""Deleting a page or document never waits on the search engine.

modelsearch connects ``post_delete_signal_handler``, which removes the object from the index
synchronously (a dead engine then costs the editor a timeout).  We swap it, for every
indexed model, for a handler that enqueues ``remove_from_index_task`` after the commit.
``wagtail.search`` registers its handlers in its ``ready()``, which runs after ours
(``search`` comes first in INSTALLED_APPS): we wrap its registration function so the swap
happens whichever runs first, and connect with a ``dispatch_uid`` so it happens once.
"""

from django.db import transaction
from django.db.models.signals import post_delete

from modelsearch import index
from modelsearch import signal_handlers as modelsearch_handlers

ORIGINAL_DELETE_HANDLER = modelsearch_handlers.post_delete_signal_handler
ORIGINAL_REGISTER = modelsearch_handlers.register_signal_handlers


def enqueue_index_removal(sender, instance, **kwargs):
    from .tasks import remove_from_index_task

    # Sent once per class of a multi-table chain (Page, Publication, FactsheetPage): each
    # removal is idempotent, and whichever class the backend keyed the entry under is covered.
    label, pk = sender._meta.label, str(instance.pk)
    transaction.on_commit(lambda: remove_from_index_task.enqueue(label, pk))


def swap_delete_handlers():
    for model in index.get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        post_delete.disconnect(ORIGINAL_DELETE_HANDLER, sender=model)
        post_delete.connect(
            enqueue_index_removal, sender=model, dispatch_uid=f"search.index_removal.{model._meta.label}"
        )


def register_signal_handlers():
    ORIGINAL_REGISTER()
    swap_delete_handlers()


def install():
    modelsearch_handlers.register_signal_handlers = register_signal_handlers
    swap_delete_handlers()


def reindex_translations(sender, instance, **kwargs):
    """Publishing or unpublishing one language changes what the other languages' entries hold
    (their ``translated_text``): queue those entries too."""
    _enqueue_pages(instance.get_translations().live())


def _enqueue_pages(pages):
    """Queue the index entries of ``pages`` (a queryset of ``Page``) after the commit."""
    from django.contrib.contenttypes.models import ContentType

    from modelsearch.tasks import insert_or_update_object_task

    entries = []
    for pk, content_type_id in pages.values_list("pk", "content_type_id"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            entries.append((model._meta.app_label, model._meta.model_name, str(pk)))

    def enqueue():
        for app_label, model_name, pk in entries:
            insert_or_update_object_task.enqueue(app_label, model_name, pk)

    transaction.on_commit(enqueue)


def reindex_translations_of_restricted(sender, instance, **kwargs):
    """A view restriction added to a page (or taken off it) changes what the other languages'
    entries of that page and of the pages below it hold: their ``translated_text`` quotes only
    the public versions.  Without this, a Russian word of a translation made private later kept
    finding its public English version."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # the restriction went with its page
        return
    subtree = Page.objects.descendant_of(page, inclusive=True)
    others = Page.objects.filter(translation_key__in=subtree.values("translation_key"), live=True).exclude(
        pk__in=subtree.values("pk")
    )
    _enqueue_pages(others)


def connect_translation_reindex():
    from django.db.models.signals import post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(reindex_translations, dispatch_uid="search.reindex_translations.published")
    page_unpublished.connect(reindex_translations, dispatch_uid="search.reindex_translations.unpublished")
    for signal in (post_save, post_delete):
        signal.connect(
            reindex_translations_of_restricted,
            sender=PageViewRestriction,
            dispatch_uid=f"search.reindex_translations.restriction.{signal is post_save}",
        )
