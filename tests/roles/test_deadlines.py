"""Reminders before the endorsement deadline, publication as a draft after it, and the command."""

import datetime
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command

from wagtail.models import PageLogEntry, WorkflowState

from countries import deadlines
from countries.models import CountryPage, EndorsementEvent

from .helpers import profile, submit_profile

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def task_state(users):
    page = submit_profile("MD", users["moderator"], draft_text="Moldova lapse draft 5150")
    mail.outbox.clear()
    return page.current_workflow_task_state


def run(now, capture):
    with capture(execute=True):
        return deadlines.run(now=now)


def test_nothing_is_due_right_after_submission(task_state, django_capture_on_commit_callbacks):
    outcome = run(task_state.started_at + DAY, django_capture_on_commit_callbacks)
    assert (outcome.reminded, outcome.lapsed) == (0, 0)
    assert mail.outbox == []


def test_each_reminder_is_sent_once(task_state, users, django_capture_on_commit_callbacks):
    month_before = task_state.deadline - 30 * DAY + datetime.timedelta(hours=1)
    week_before = task_state.deadline - 7 * DAY + datetime.timedelta(hours=1)
    for now in (month_before, month_before, week_before, week_before):
        run(now, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[users["focal_md"].email]] * 2
    assert "30 days left" in mail.outbox[0].subject
    assert "7 days left" in mail.outbox[1].subject
    assert EndorsementEvent.objects.filter(step="reminded").count() == 2


def test_reminders_missed_while_the_scheduler_was_down_make_one_mail(task_state, django_capture_on_commit_callbacks):
    run(task_state.deadline - 2 * DAY, django_capture_on_commit_callbacks)
    run(task_state.deadline - DAY, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_a_lapsed_profile_is_published_as_a_draft_and_stays_open(
    task_state, users, client, django_capture_on_commit_callbacks
):
    outcome = run(task_state.deadline + datetime.timedelta(minutes=5), django_capture_on_commit_callbacks)
    assert outcome.lapsed == 1
    page = profile("MD")
    assert "Moldova lapse draft 5150" in page.summary
    assert page.live and not page.has_unpublished_changes
    for language in ("en", "ru"):
        assert profile("MD", language).endorsement_status == CountryPage.Endorsement.DRAFT_NOT_ENDORSED
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert users["moderator"].email in {address for message in mail.outbox for address in message.to}
    html = client.get(page.url).content.decode()
    assert "Draft, not endorsed by the state" in html


def test_a_second_run_after_the_lapse_does_nothing(task_state, django_capture_on_commit_callbacks):
    after = task_state.deadline + DAY
    run(after, django_capture_on_commit_callbacks)
    published = PageLogEntry.objects.filter(page=task_state.page, action="wagtail.publish").count()
    sent = len(mail.outbox)
    outcome = run(after + DAY, django_capture_on_commit_callbacks)
    assert (outcome.reminded, outcome.lapsed) == (0, 0)
    assert PageLogEntry.objects.filter(page=task_state.page, action="wagtail.publish").count() == published
    assert len(mail.outbox) == sent


def test_the_command_reports_what_it_did(task_state, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("endorsement_deadlines", "--now", (task_state.deadline + DAY).isoformat(), stdout=out)
    assert "0 reminded, 1 published as drafts" in out.getvalue()


def test_the_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an ISO date-time"):
        call_command("endorsement_deadlines", "--now", "next tuesday", stdout=StringIO())
