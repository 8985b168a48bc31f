"""A request that reaches the editor while "Approve and Publish" is being processed cannot unpublish the page
(PostgreSQL: row locks).

The approval is held inside its transaction, after the page was published and before it commits, while
the second request is sent: the autosave Wagtail 8 fires with the action's hidden fields, or a "Save
draft" from a tab opened earlier.  Before cms.editing, the second request loaded the page as not live,
waited for the approval's row lock and then wrote ``live = False`` back over the published page.
Transactional (each request commits on its own connection), so users and pages are its own.
"""

import datetime
import os
import threading
import time

import pytest

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.signals import page_published

from home.models import HomePage
from publications.models import FactsheetPage, PublicationIndexPage

from .fixtures import create_user
from .helpers import edit_form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the database is not PostgreSQL: row locks cannot be tested")
        pytest.skip("row locks need PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def submitted():
    english, _created = Locale.objects.get_or_create(language_code="en")
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home (race test)", slug="home-race-test", locale=english)
    )
    library = home.add_child(instance=PublicationIndexPage(title="Library (race test)", slug="library", locale=english))
    call_command("ensure_roles", verbosity=0)  # the groups, their rights on this tree and the editorial review
    editor = create_user("editor", "editor-race")
    moderator = create_user("moderator", "moderator-race")
    page = library.add_child(
        instance=FactsheetPage(
            title="Returns factsheet (race)",
            slug="returns-factsheet-race",
            live=False,
            owner=editor,
            publication_date=datetime.date(2026, 11, 1),
        )
    )
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page, moderator


def approve_while(page, moderator, second_post):
    """Post "Approve and Publish" and, while it is held before its commit, ``second_post(client, data)``."""
    moderator_client = Client()
    moderator_client.force_login(moderator)
    form = edit_form_data(moderator_client, page)
    held, second_sent = threading.Event(), threading.Event()
    responses = {}

    def hold(sender, instance, **kwargs):
        if instance.pk == page.pk and threading.current_thread().name == "approval":
            held.set()
            assert second_sent.wait(30)
            time.sleep(1.0)  # the second request reaches the server and waits (or not) meanwhile

    def approval():
        try:
            data = {**form, "action-workflow-action": ["true"], "workflow-action-name": ["approve"]}
            responses["approval"] = moderator_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
        finally:
            connection.close()

    def second():
        assert held.wait(30)
        other = Client(raise_request_exception=False)
        other.force_login(moderator)
        second_sent.set()
        try:
            responses["second"] = second_post(other, form)
        finally:
            connection.close()

    page_published.connect(hold, dispatch_uid="test_edit_concurrency.hold")
    try:
        threads = [threading.Thread(target=approval, name="approval"), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        page_published.disconnect(dispatch_uid="test_edit_concurrency.hold")
    return responses


def test_an_autosave_fired_during_the_approval_leaves_the_page_published(submitted):
    page, moderator = submitted

    def autosave(client, form):
        data = {**form, "action-workflow-action": ["true"], "workflow-action-name": ["approve"]}
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        return client.post(url, data, headers={"accept": "application/json"})

    responses = approve_while(page, moderator, autosave)
    assert responses["approval"].status_code == 302
    assert responses["second"].status_code == 409
    assert responses["second"].json()["success"] is False
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None


def test_a_draft_saved_from_an_older_tab_during_the_approval_leaves_the_page_published(submitted):
    page, moderator = submitted

    def save_draft(client, form):
        data = {**form, "summary": ["Figures on returns, corrected."]}
        return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    responses = approve_while(page, moderator, save_draft)
    assert responses["approval"].status_code == 302
    assert responses["second"].status_code == 302
    page.refresh_from_db()
    assert page.live
    # The late draft is kept as a draft of the published page, not lost and not published.
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().summary == "Figures on returns, corrected."
