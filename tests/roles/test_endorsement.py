"""A profile's endorsement by its own state: request, preview, endorsement, changes, history."""

import datetime

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from countries import deadlines
from countries.models import CountryPage, EndorsementEvent

from .helpers import action_url, preview_url, profile, submit_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return submit_profile("MD", users["moderator"], draft_text="Moldova draft 4711")


def steps(page):
    return [event.step for event in EndorsementEvent.objects.filter(page=page).order_by("pk")]


def test_submission_mails_only_the_states_focal_point(submitted, users):
    assert [message.to for message in mail.outbox] == [[users["focal_md"].email]]
    assert "Moldova" in mail.outbox[0].subject
    assert reverse("wagtailadmin_pages:workflow_preview", args=(submitted.pk, submitted.current_workflow_task.pk)) in (
        mail.outbox[0].body
    )
    assert steps(submitted) == ["submitted"]


def test_the_deadline_is_three_calendar_months_after_submission(submitted):
    task_state = submitted.current_workflow_task_state
    assert task_state.deadline.date() - task_state.started_at.date() in {
        datetime.timedelta(days=days) for days in (89, 90, 91, 92)
    }
    assert (task_state.deadline.month - task_state.started_at.month) % 12 == 3


def test_the_focal_point_reads_the_draft_through_the_task_preview(submitted, users, client):
    client.force_login(users["focal_md"])
    response = client.get(preview_url(submitted))
    assert response.status_code == 200
    assert b"Moldova draft 4711" in response.content


def test_another_states_focal_point_cannot_read_it(submitted, users, client):
    client.force_login(users["focal_kz"])
    denied = client.get(preview_url(submitted))
    assert (denied.status_code, denied.url) == (302, reverse("wagtailadmin_home"))
    assert b"Moldova draft 4711" not in client.get(denied.url).content
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert b"Moldova" not in dashboard.content


def test_the_dashboard_offers_the_focal_point_its_task(submitted, users, client):
    client.force_login(users["focal_md"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert submitted.title in dashboard
    assert action_url(submitted, "approve") in dashboard


def test_the_focal_point_cannot_open_the_editor(submitted, users, client):
    client.force_login(users["focal_md"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,)))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_endorsement_publishes_the_profile_as_endorsed_in_both_locales(
    submitted, users, client, django_capture_on_commit_callbacks
):
    client.force_login(users["focal_md"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(submitted, "approve"), {"comment": "Agreed by the ministry"})
    assert response.status_code == 302
    for language in ("en", "ru"):
        page = profile("MD", language)
        assert page.endorsement_status == CountryPage.Endorsement.ENDORSED
        assert page.endorsement_date == timezone.localdate()
    english = profile("MD")
    assert "Moldova draft 4711" in english.summary
    assert not english.has_unpublished_changes
    assert steps(english) == ["submitted", "endorsed"]
    assert EndorsementEvent.objects.get(page=english, step="endorsed").comment == "Agreed by the ministry"
    assert [message.to for message in mail.outbox] == [[users["moderator"].email]]


def test_the_public_page_says_endorsed_with_the_date(submitted, users, client):
    client.force_login(users["focal_md"])
    client.post(action_url(submitted, "approve"), {"comment": ""})
    client.logout()
    html = client.get(profile("MD").url).content.decode()
    assert "Endorsed by the state" in html
    assert f'datetime="{timezone.localdate():%Y-%m-%d}"' in html


def test_asking_for_changes_returns_the_profile_with_the_comment(
    submitted, users, client, django_capture_on_commit_callbacks
):
    client.force_login(users["focal_md"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(submitted, "reject"), {"comment": "Table B3 uses 2019 figures"})
    page = profile("MD")
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert page.endorsement_status == ""
    assert "Moldova draft 4711" not in page.summary  # the live profile is unchanged
    assert steps(page) == ["submitted", "changes_requested"]
    assert [message.to for message in mail.outbox] == [[users["moderator"].email]]
    assert "Table B3 uses 2019 figures" in mail.outbox[0].body


def test_a_resubmission_restarts_the_clock(submitted, users, client):
    client.force_login(users["focal_md"])
    client.post(action_url(submitted, "reject"), {"comment": "Please update"})
    first = submitted.current_workflow_state.current_task_state.specific
    later = timezone.now() + datetime.timedelta(days=20)
    workflow_state = profile("MD").current_workflow_state
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        workflow_state.resume(user=users["moderator"])
    second = profile("MD").current_workflow_task_state
    assert second.pk != first.pk
    assert second.deadline - first.deadline >= datetime.timedelta(days=19)


def test_status_and_history_are_not_in_the_edit_form(submitted, users, client):
    client.force_login(users["moderator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,))).content.decode()
    assert 'name="endorsement_status"' not in html
    assert "Submitted to the state for endorsement" in html


def test_republishing_the_endorsed_text_keeps_the_status(submitted, users, client):
    client.force_login(users["focal_md"])
    client.post(action_url(submitted, "approve"), {"comment": ""})
    profile("MD").get_latest_revision().publish(user=users["moderator"])
    assert profile("MD").endorsement_status == CountryPage.Endorsement.ENDORSED


def test_a_lapsed_endorsement_can_still_be_given(submitted, users, client):
    deadline = submitted.current_workflow_task_state.deadline
    deadlines.run(now=deadline + datetime.timedelta(minutes=1))
    assert profile("MD").endorsement_status == CountryPage.Endorsement.DRAFT_NOT_ENDORSED
    client.force_login(users["focal_md"])
    client.post(action_url(profile("MD"), "approve"), {"comment": "Late, but agreed"})
    assert profile("MD").endorsement_status == CountryPage.Endorsement.ENDORSED
    assert steps(profile("MD")) == ["submitted", "lapsed", "endorsed"]


def test_publishing_other_content_takes_the_endorsement_away(submitted, users, client):
    client.force_login(users["focal_md"])
    client.post(action_url(submitted, "approve"), {"comment": ""})
    page = profile("MD")
    page.summary = "<p>Figures the state never saw</p>"
    page.save_revision(user=users["moderator"]).publish(user=users["moderator"])
    for language in ("en", "ru"):
        assert profile("MD", language).endorsement_status == CountryPage.Endorsement.DRAFT_NOT_ENDORSED
    assert steps(profile("MD"))[-1] == "unendorsed_publish"
