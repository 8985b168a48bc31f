"""The endorsement of a migration profile by its own state.

A Wagtail ``Task`` (not a GroupApprovalTask: one listing fifty groups would mail all of them and
show every state's open draft to every state) whose approvers are the focal-point group of the
page's own state, found from ``CountryPage.iso_code`` through ``cms.FocalPointGroup``.

Every step is appended to ``EndorsementEvent``, a log outside the page's revisions: the workflow
writes it, nobody edits it, and publishing an old revision cannot rewrite it.  The resulting
status lives on every locale's page row (``CountryPage.endorsement_status``), which revisions do
not carry either (see ``CountryPage.with_content_json``).
"""

import calendar
import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Task, TaskState

logger = logging.getLogger(__name__)


def add_months(moment, months):
    """``moment`` plus calendar months, the day clamped to the month's end (30 November + 3 → 28 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


class Endorsement(models.TextChoices):
    """A profile's public status (``CountryPage.endorsement_status``)."""

    UNDER_PREPARATION = "under_preparation", _("Under preparation")
    DRAFT_NOT_ENDORSED = "draft_not_endorsed", _("Draft, not endorsed by the state")
    ENDORSED = "endorsed", _("Endorsed by the state")


class EndorsementEvent(models.Model):
    """One step of a profile's endorsement, written by the workflow and never edited."""

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted to the state for endorsement")
        REMINDED = "reminded", _("Reminder sent to the state")
        CHANGES_REQUESTED = "changes_requested", _("The state asked for changes")
        ENDORSED = "endorsed", _("Endorsed by the state")
        LAPSED = "lapsed", _("Deadline passed: published as a draft not endorsed by the state")
        CANCELLED = "cancelled", _("Endorsement request withdrawn")
        UNENDORSED_PUBLISH = "unendorsed_publish", _("Published with changes the state has not endorsed")

    # What readers see on the public page: the steps that changed the published status.
    PUBLIC_STEPS = (Step.ENDORSED, Step.LAPSED, Step.UNENDORSED_PUBLISH)

    page = models.ForeignKey(
        "countries.CountryPage", on_delete=models.CASCADE, related_name="endorsement_history", verbose_name=_("page")
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    status = models.CharField(_("status"), max_length=20, blank=True, choices=Endorsement.choices)
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    task_state = models.ForeignKey(
        "countries.EndorsementTaskState", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )

    class Meta:
        verbose_name = _("endorsement event")
        verbose_name_plural = _("endorsement history")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_step_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def date(self):
        return timezone.localdate(self.created_at)


class EndorsementTaskState(TaskState):
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    lapsed_at = models.DateTimeField(_("lapsed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("endorsement task state")
        verbose_name_plural = _("endorsement task states")

    def save(self, *args, **kwargs):
        # The clock starts with each task state: a resubmission (after the state asked for changes,
        # or after a withdrawal) gives the state a full period to read the new text.
        if self.deadline is None:
            self.deadline = add_months(timezone.now(), settings.ENDORSEMENT_PERIOD_MONTHS)
        super().save(*args, **kwargs)

    @property
    def page(self):
        return self.workflow_state.content_object.specific

    def reminders_due(self, now):
        """How many of the configured reminders are due by ``now`` (sent or not)."""
        return sum(1 for days in settings.ENDORSEMENT_REMINDER_DAYS if now >= self.deadline - datetime.timedelta(days))

    def cancel(self, user=None, resume=False, comment=""):
        result = super().cancel(user=user, resume=resume, comment=comment)
        if not resume:
            record(self.page, EndorsementEvent.Step.CANCELLED, user=user, comment=comment, task_state=self)
        return result


class EndorsementTask(Task):
    task_state_class = EndorsementTaskState

    class Meta:
        verbose_name = _("endorsement by the state")
        verbose_name_plural = _("endorsements by the state")

    @classmethod
    def get_description(cls):
        return _("The focal point of the profile's own state endorses it or asks for changes.")

    def focal_point_group(self, obj):
        iso_code = (getattr(obj.specific, "iso_code", "") or "").upper()
        return Group.objects.filter(focal_point__iso_code=iso_code).first()

    def is_focal_point(self, obj, user):
        if not user.is_authenticated:
            return False
        # Cached per request like GroupApprovalTask's check: the dashboard asks once per listed task.
        cache = user.__dict__.setdefault("_endorsement_checks", {})
        key = (self.pk, obj.pk)
        if key not in cache:
            group = self.focal_point_group(obj)
            cache[key] = group is not None and user.groups.filter(pk=group.pk).exists()
        return cache[key]

    def user_can_access_editor(self, obj, user):
        return False  # focal points read the task's preview and never open the editor

    def locked_for_user(self, obj, user):
        # What the state endorses must be what it read: nobody edits a profile under endorsement
        # (a moderator withdraws the request first).
        return not user.is_superuser

    def get_actions(self, obj, user):
        if self.is_focal_point(obj, user):
            return [
                ("reject", _("Ask for changes"), True),
                ("approve", _("Endorse"), False),
                ("approve", _("Endorse with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        iso_codes = Group.objects.filter(user=user, focal_point__isnull=False).values("focal_point__iso_code")
        from countries.models import CountryPage

        page_ids = (
            CountryPage.objects.filter(iso_code__in=iso_codes)
            .annotate(pk_text=Cast("pk", models.CharField()))
            .values("pk_text")
        )
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=page_ids)

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object.specific
        if self.focal_point_group(page) is None:
            logger.warning("No focal-point group for %s (%s): nobody can endorse it", page, page.iso_code)
        record(page, EndorsementEvent.Step.SUBMITTED, user=user, task_state=task_state)
        return task_state

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        comment = kwargs.get("comment", "")
        page = task_state.workflow_state.content_object.specific
        if action_name == "approve":
            # The status first: the workflow's end publishes the page, and the page keeps its row's status.
            set_status(page, Endorsement.ENDORSED)
            record(page, EndorsementEvent.Step.ENDORSED, user=user, comment=comment, task_state=task_state)
            task_state.approve(user=user, comment=comment)
        elif action_name == "reject":
            record(page, EndorsementEvent.Step.CHANGES_REQUESTED, user=user, comment=comment, task_state=task_state)
            task_state.reject(user=user, comment=comment)


def record(page, step, *, user=None, comment="", task_state=None, now=None):
    status = {
        EndorsementEvent.Step.ENDORSED: Endorsement.ENDORSED,
        EndorsementEvent.Step.LAPSED: Endorsement.DRAFT_NOT_ENDORSED,
        EndorsementEvent.Step.UNENDORSED_PUBLISH: Endorsement.DRAFT_NOT_ENDORSED,
    }.get(step, "")
    return EndorsementEvent.objects.create(
        page=page,
        step=step,
        status=status,
        actor=user if user is not None and user.is_authenticated else None,
        comment=comment,
        task_state=task_state,
        created_at=now or timezone.now(),
    )


def set_status(page, status, now=None):
    """The status and its date on every locale's version of the profile at once."""
    type(page).objects.filter(translation_key=page.translation_key).update(
        endorsement_status=status, endorsement_date=timezone.localdate(now or timezone.now())
    )


def downgrade_if_unendorsed(page, revision):
    """An endorsed profile published with other content than the state endorsed is a draft again.

    A moderator may publish a profile directly; the badge must not go on claiming the state's
    endorsement for a text it never read.  Republishing the endorsed revision itself keeps it.
    """
    if page.endorsement_status != Endorsement.ENDORSED:
        return False
    endorsed = (
        EndorsementEvent.objects.filter(page=page, step=EndorsementEvent.Step.ENDORSED, task_state__isnull=False)
        .select_related("task_state")
        .first()
    )
    if endorsed is None or revision is None or endorsed.task_state.revision_id == revision.pk:
        return False
    set_status(page, Endorsement.DRAFT_NOT_ENDORSED)
    record(page, EndorsementEvent.Step.UNENDORSED_PUBLISH, user=revision.user)
    return True


class PublishWithinEndorsement(PublishPageRevisionAction):
    """Publish a lapsed profile without ending its endorsement.

    Wagtail cancels a page's workflow when the page is published (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH);
    a lapsed profile goes live as a draft while the state may still endorse it later.
    """

    def _after_publish(self):
        self.object.keep_workflow_on_publish = True
        super()._after_publish()
