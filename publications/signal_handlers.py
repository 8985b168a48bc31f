"""A saved document gets its fingerprint refreshed and, when its content changed, a new extraction;
a collection made private or public gets its documents' pages reindexed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from .documents import refresh_fingerprint, schedule_extraction


def document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file or instance.file_unchanged:
        return
    if refresh_fingerprint(instance):
        schedule_extraction(instance)
    instance.loaded_file_name = instance.file.name


def collection_privacy_changed(sender, instance, **kwargs):
    from .tasks import reindex_collection_documents

    path = instance.collection.path
    transaction.on_commit(lambda: reindex_collection_documents.enqueue(path))


def register_signal_handlers():
    post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="publications.document_saved")
    for signal in (post_save, post_delete):
        signal.connect(
            collection_privacy_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"publications.collection_privacy.{signal is post_save}",
        )
