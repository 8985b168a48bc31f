"""Endorsement deadlines: reminders before them, publication as a draft when they pass.

Run by the one scheduler (manage.py endorsement_deadlines; docs/operations.md).  Each open
endorsement is handled in its own transaction holding a row lock on its task state, re-read
under the lock: a second scheduler running at the same time skips the rows the first holds
(PostgreSQL's SKIP LOCKED) and, once they are committed, finds nothing left to do, so no reminder
is sent twice and no lapsed profile is published twice.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import TaskState

from . import notifications
from .endorsement import (
    Endorsement,
    EndorsementEvent,
    EndorsementTaskState,
    PublishWithinEndorsement,
    record,
    set_status,
)


@dataclass
class Outcome:
    reminded: int = 0
    lapsed: int = 0
    skipped: int = 0  # held by another scheduler, or finished meanwhile


def open_endorsements():
    return EndorsementTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, lapsed_at__isnull=True)


def _lock(pk):
    skip_locked = connection.features.has_select_for_update_skip_locked
    return (
        open_endorsements().select_for_update(skip_locked=skip_locked, of=("self",)).filter(pk=pk).first()
        if connection.features.has_select_for_update_of
        else open_endorsements().select_for_update(skip_locked=skip_locked).filter(pk=pk).first()
    )


def lapse(task_state, now):
    page = task_state.page
    set_status(page, Endorsement.DRAFT_NOT_ENDORSED, now)
    record(page, EndorsementEvent.Step.LAPSED, task_state=task_state, now=now)
    PublishWithinEndorsement(task_state.revision, user=None, log_action=True).execute(skip_permission_checks=True)
    task_state.lapsed_at = now
    task_state.save(update_fields=["lapsed_at"])
    transaction.on_commit(lambda: notifications.mail_lapsed(task_state))


def remind(task_state, now):
    record(task_state.page, EndorsementEvent.Step.REMINDED, task_state=task_state, now=now)
    # Several reminders due at once (the scheduler was down) make one mail, not a burst.
    task_state.reminders_sent = task_state.reminders_due(now)
    task_state.save(update_fields=["reminders_sent"])
    transaction.on_commit(lambda: notifications.mail_reminder(task_state, now))


def run(now=None, progress=None):
    """Handle every open endorsement whose reminder or deadline is due by ``now``."""
    now = now or timezone.now()
    outcome = Outcome()
    candidates = list(open_endorsements().order_by("deadline").values_list("pk", flat=True))
    for pk in progress(candidates) if progress else candidates:
        with transaction.atomic():
            task_state = _lock(pk)
            if task_state is None:
                outcome.skipped += 1
            elif now >= task_state.deadline:
                lapse(task_state, now)
                outcome.lapsed += 1
            elif task_state.reminders_due(now) > task_state.reminders_sent:
                remind(task_state, now)
                outcome.reminded += 1
    return outcome
