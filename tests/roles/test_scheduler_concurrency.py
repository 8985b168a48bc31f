"""Two schedulers at once never send a reminder twice or publish a lapsed profile twice (PostgreSQL).

The first run is held inside its locked transaction while the second runs from start to end;
the second must skip the row (SKIP LOCKED), and after the first commits there is nothing left.
Transactional, so it builds its own small tree instead of relying on the seed.
"""

import datetime
import os
import threading

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection

from wagtail.models import Locale, Page, PageLogEntry, Workflow, WorkflowTask

from cms.models import FocalPointGroup
from countries import deadlines
from countries.models import CountryIndexPage, CountryPage, EndorsementEvent, EndorsementTask

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the database is not PostgreSQL: row locks cannot be tested")
        pytest.skip("row locks need PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def open_endorsement():
    english, _created = Locale.objects.get_or_create(language_code="en")
    index = Page.get_first_root_node().add_child(
        instance=CountryIndexPage(title="States (scheduler test)", slug="states-scheduler-test", locale=english)
    )
    page = index.add_child(instance=CountryPage(title="Zedland", slug="zedland", iso_code="ZZ", locale=english))
    group = Group.objects.create(name="Focal point: Zedland (ZZ)")
    FocalPointGroup.objects.create(iso_code="ZZ", group=group)
    focal_point = get_user_model().objects.create_user("focal-zz", "focal-zz@example.org")
    focal_point.groups.add(group)
    workflow = Workflow.objects.create(name="Endorsement (scheduler test)")
    WorkflowTask.objects.create(workflow=workflow, task=EndorsementTask.objects.create(name="ZZ endorsement"))
    moderator = get_user_model().objects.create_user("moderator-zz", "moderator-zz@example.org")
    page.save_revision(user=moderator)
    workflow.start(page, moderator)
    mail.outbox.clear()
    return page.current_workflow_task_state


def two_runs_overlapping(now, step):
    """Run twice; the first waits inside ``step`` (holding the row lock) until the second has finished."""
    held, second_done = threading.Event(), threading.Event()
    original = getattr(deadlines, step)
    outcomes = {}

    def holding(task_state, moment):
        held.set()
        assert second_done.wait(30)
        return original(task_state, moment)

    def first():
        try:
            outcomes["first"] = deadlines.run(now=now)
        finally:
            connection.close()

    def second():
        assert held.wait(30)
        try:
            outcomes["second"] = deadlines.run(now=now)
        finally:
            second_done.set()
            connection.close()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deadlines, step, holding)
        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    return outcomes["first"], outcomes["second"]


def test_two_schedulers_publish_a_lapsed_profile_once(open_endorsement):
    first, second = two_runs_overlapping(open_endorsement.deadline + datetime.timedelta(days=1), "lapse")
    assert (first.lapsed, second.lapsed, second.skipped) == (1, 0, 1)
    page = open_endorsement.page
    assert EndorsementEvent.objects.filter(page=page, step="lapsed").count() == 1
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    assert CountryPage.objects.get(pk=page.pk).endorsement_status == "draft_not_endorsed"
    assert len(mail.outbox) == 1


def test_two_schedulers_send_a_reminder_once(open_endorsement):
    now = open_endorsement.deadline - datetime.timedelta(days=6)
    first, second = two_runs_overlapping(now, "remind")
    assert (first.reminded, second.reminded, second.skipped) == (1, 0, 1)
    assert EndorsementEvent.objects.filter(page=open_endorsement.page, step="reminded").count() == 1
    assert [message.to for message in mail.outbox] == [["focal-zz@example.org"]]


def test_a_run_after_both_finds_nothing_to_do(open_endorsement):
    after = open_endorsement.deadline + datetime.timedelta(days=1)
    two_runs_overlapping(after, "lapse")
    outcome = deadlines.run(now=after)
    assert (outcome.reminded, outcome.lapsed) == (0, 0)
