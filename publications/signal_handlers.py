"""A saved document gets its fingerprint refreshed and, when its content changed, a new extraction."""

from django.db.models.signals import post_save

from wagtail.documents import get_document_model

from .documents import refresh_fingerprint, schedule_extraction


def document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    if refresh_fingerprint(instance):
        schedule_extraction(instance)


def register_signal_handlers():
    post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="publications.document_saved")
