"""The editorial review on the library: submit, request changes with a comment, fix, approve; mail at each step."""

import datetime

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from publications.models import FactsheetPage, PublicationIndexPage

from .helpers import action_url, edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(users):
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(
        instance=FactsheetPage(
            title="Readmission factsheet 2026",
            slug="readmission-factsheet-2026",
            live=False,
            owner=users["editor"],
            publication_date=datetime.date(2026, 11, 1),
        )
    )
    page.save_revision(user=users["editor"])
    return page


def post_edit(client, page, action, **changes):
    data = edit_form_data(client, page, **changes)
    data[action] = ["1"]
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_whole_review(draft, users, client, django_capture_on_commit_callbacks):
    editor, moderator = users["editor"], users["moderator"]
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_edit(client, draft, "action-submit").status_code == 302
    draft.refresh_from_db()
    assert draft.current_workflow_state.workflow.name == "Editorial review"
    assert recipients() == [moderator.email]

    mail.outbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(draft, "reject"), {"comment": "Give the source of the 2025 figure"})
    assert draft.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == [editor.email]
    assert "Give the source of the 2025 figure" in mail.outbox[0].body

    mail.outbox.clear()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        post_edit(client, draft, "action-submit", title="Readmission factsheet 2026 (sourced)")
    draft.refresh_from_db()
    assert draft.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert recipients() == [moderator.email]

    mail.outbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(draft, "approve"), {"comment": ""})
    draft.refresh_from_db()
    assert draft.live and draft.title == "Readmission factsheet 2026 (sourced)"
    assert recipients() == [editor.email]

    client.logout()
    assert client.get(draft.url).status_code == 200


def test_an_editor_cannot_publish(draft, users, client):
    client.force_login(users["editor"])
    post_edit(client, draft, "action-publish")
    draft.refresh_from_db()
    assert not draft.live


def test_an_editor_cannot_approve_their_own_submission(draft, users, client):
    client.force_login(users["editor"])
    post_edit(client, draft, "action-submit")
    draft.refresh_from_db()
    response = client.post(action_url(draft, "approve"), {"comment": ""})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    draft.refresh_from_db()
    assert not draft.live


def test_a_moderator_can_schedule_publication(draft, users, client):
    client.force_login(users["moderator"])
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    post_edit(client, draft, "action-publish", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision().approved_go_live_at is not None
