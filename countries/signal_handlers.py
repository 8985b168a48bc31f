"""The state's focal point is mailed when a profile is submitted to it."""

from django.db import transaction

from wagtail.signals import task_submitted

from . import notifications
from .endorsement import EndorsementTaskState


def mail_focal_points(sender, instance, user=None, **kwargs):
    transaction.on_commit(lambda: notifications.mail_request(instance))


def register():
    task_submitted.connect(mail_focal_points, sender=EndorsementTaskState, dispatch_uid="countries_endorsement_request")
