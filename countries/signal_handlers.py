"""The state's focal point is mailed when a profile is submitted to it; a direct publication of
other content than the state endorsed takes the "endorsed" badge away."""

from django.db import transaction

from wagtail.signals import page_published, task_submitted

from . import notifications
from .endorsement import EndorsementTaskState, downgrade_if_unendorsed


def mail_focal_points(sender, instance, user=None, **kwargs):
    transaction.on_commit(lambda: notifications.mail_request(instance))


def keep_the_badge_honest(sender, instance, revision=None, **kwargs):
    downgrade_if_unendorsed(instance, revision)


def register():
    from .models import CountryPage

    task_submitted.connect(mail_focal_points, sender=EndorsementTaskState, dispatch_uid="countries_endorsement_request")
    page_published.connect(keep_the_badge_honest, sender=CountryPage, dispatch_uid="countries_endorsement_downgrade")
