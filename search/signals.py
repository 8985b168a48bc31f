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
    from modelsearch.tasks import insert_or_update_object_task

    others = [
        (page.specific_class._meta.app_label, page.specific_class._meta.model_name, str(page.pk))
        for page in instance.get_translations().live()
        if page.specific_class is not None
    ]

    def enqueue():
        for app_label, model_name, pk in others:
            insert_or_update_object_task.enqueue(app_label, model_name, pk)

    transaction.on_commit(enqueue)


def connect_translation_reindex():
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(reindex_translations, dispatch_uid="search.reindex_translations.published")
    page_unpublished.connect(reindex_translations, dispatch_uid="search.reindex_translations.unpublished")
